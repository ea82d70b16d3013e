"""The PySide6 user interface: windows, pages, dialogs, table models, workers."""
