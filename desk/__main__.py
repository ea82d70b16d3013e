"""Entry point for `python -m desk`."""

import sys

from desk.cli import main

sys.exit(main())
