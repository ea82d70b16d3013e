"""The quick-reply manager's pages and dialogs."""
