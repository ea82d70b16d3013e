"""Orders a buyer placed, as typed in or imported from the platforms' exports."""
