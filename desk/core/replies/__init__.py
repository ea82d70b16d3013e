"""Pillar 3: quick replies (groups, phrases, short codes, placeholders)."""
