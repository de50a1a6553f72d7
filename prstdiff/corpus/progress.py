"""Progress of long corpus jobs on standard error, on a terminal or not.

Nothing is said for the first second (short jobs stay quiet). Then, on a terminal, one line is
rewritten in place; elsewhere (a log, a pipe, CI) a plain line is written every few seconds, so
a first ``index`` or ``trace`` of a large corpus never sits silent.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["StderrProgress"]

DELAY = 1.0
"""Seconds of silence before the first report: a job shorter than this says nothing."""
INTERVAL = 5.0
"""Seconds between two lines when standard error is not a terminal: a log stays short."""
TERMINAL_INTERVAL = 0.1
"""Seconds between two redraws on a terminal: often enough to look live, cheap to write."""


class StderrProgress:
    """A ``progress(done, total, name)`` callback that reports on a stream (standard error)."""

    def __init__(
        self,
        label: str,
        stream: TextIO | None = None,
        *,
        terminal: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.terminal = self.stream.isatty() if terminal is None else terminal
        self.clock = clock
        self.started = clock()
        self._last: float | None = None
        self._drawn = 0

    def __call__(self, done: int, total: int, name: str) -> None:
        """Report that ``done`` of ``total`` steps are done (``name``: the step under way)."""
        now = self.clock()
        if now - self.started < DELAY:
            return
        interval = TERMINAL_INTERVAL if self.terminal else INTERVAL
        if self._last is not None and now - self._last < interval and done < total:
            return
        self._last = now
        # Names come from file names: keep them to one printable line.
        shown = name.encode("ascii", "backslashreplace").decode("ascii").replace("\n", " ")
        line = f"prstdiff: {self.label} {done}/{total} {shown}".rstrip()
        if self.terminal:
            padding = " " * max(self._drawn - len(line), 0)
            self.stream.write(f"\r{line}{padding}")
            self._drawn = len(line)
        else:
            self.stream.write(f"{line} ({now - self.started:.0f} s)\n")
        self.stream.flush()

    def close(self) -> None:
        """Clear the line on a terminal (the job's own output follows)."""
        if self.terminal and self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
            self._drawn = 0
