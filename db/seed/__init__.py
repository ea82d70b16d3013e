"""Seed data for a new database (preset tags, reasons, deadlines, reply groups)."""
