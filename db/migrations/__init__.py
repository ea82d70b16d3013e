"""Numbered, forward-only schema migrations (NNNN_name.sql or NNNN_name.py)."""
