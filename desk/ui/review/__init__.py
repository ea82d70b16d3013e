"""The Review page: a period's figures, breakdowns and charts."""
