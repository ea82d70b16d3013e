"""Numbered schema migrations and seed data (found with importlib.resources)."""
