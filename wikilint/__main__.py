"""Allow ``python -m wikilint``."""

from wikilint.cli.main import main

main()
