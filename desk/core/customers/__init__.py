"""Pillar 1: the customer file (buyers, addresses, tags, notes, follow-ups)."""
