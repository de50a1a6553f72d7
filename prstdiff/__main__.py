"""Allow ``python -m prstdiff``."""

from prstdiff.cli import main

main()
