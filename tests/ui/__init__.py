"""UI tests: drive the app with pytest-qt and check the widgets and the database."""
