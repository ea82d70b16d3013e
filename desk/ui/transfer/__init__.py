"""Excel in and out: the export dialog, the order import with its preview, and the column mapping."""
