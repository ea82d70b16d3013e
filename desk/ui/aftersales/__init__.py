"""The after-sales register's pages and dialogs."""
