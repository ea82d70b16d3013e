"""Excel in and out: styled, safe exports and imports of the platforms' order files."""
