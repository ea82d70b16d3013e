"""Pillar 2: the after-sales register (cases, status history, evidence, deadlines)."""
