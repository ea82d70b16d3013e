"""Bundled resources: icons, stylesheet, translations and starter data (found with importlib.resources)."""
