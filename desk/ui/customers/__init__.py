"""The customer file's pages and dialogs."""
