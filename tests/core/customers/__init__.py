"""Customer-file services: plain pytest over a fresh database, no Qt."""
