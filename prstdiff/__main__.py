"""Allow ``python -m prstdiff``."""

from prstdiff.cli import main

if __name__ == "__main__":
    main()
