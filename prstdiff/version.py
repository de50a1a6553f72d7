"""The installed version of prstdiff, read once from the package's metadata.

``pyproject.toml`` holds the only copy of the number; indexes and batch jobs record it so that
results of another version are redone rather than misread.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

__all__ = ["__version__"]

try:
    __version__ = version("prstdiff")
except PackageNotFoundError:  # a source tree that was never installed has no metadata
    __version__ = "0+unknown"
