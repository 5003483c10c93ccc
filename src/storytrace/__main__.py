"""``python -m storytrace``."""

from .cli import main

main()
