"""Allow ``python -m wikilint``."""

from wikilint.cli import main

main()
