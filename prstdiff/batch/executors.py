"""Where the pairs of a job are computed: local worker processes, or a dask.distributed cluster.

Both executors take tasks as an iterator and yield outcomes as they complete, keeping only a small
window of tasks in flight, so a job of any size holds a bounded number of reports in memory. Both
return report texts to the caller, which writes them: workers never touch the output folder.
"""

from __future__ import annotations

import importlib.util
import itertools
import multiprocessing
import os
import re
import signal
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any, Protocol, Self

from prstdiff.batch.task import PairFunction, PairOutcome, PairTask, compare_pair
from prstdiff.errors import PrstdiffError, one_line

TASKS_PER_WORKER = 2
"""Tasks queued per worker: enough that no worker waits for the next pair, few enough that the
reports in flight stay a handful whatever the size of the job."""


CONNECT_TIMEOUT = 20.0
"""Seconds to wait for the Dask scheduler: a cluster across a network can take a few seconds to
answer, and a wrong address should not hang the command for minutes."""


class WorkerLostError(PrstdiffError):
    """A worker process died (killed, or out of memory) while the job ran."""


class PairExecutor(Protocol):
    """Runs pair tasks somewhere and yields their outcomes as they complete."""

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    def run(self, tasks: Iterable[PairTask]) -> Iterator[PairOutcome]:
        """Yield the outcome of every task, in completion order."""
        ...


def default_workers() -> int:
    """The number of worker processes when the user gives none: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)


PARENT_CHECK_SECONDS = 0.5
"""How often a worker checks that the process that started the job still runs: a killed job's
workers stop within this time instead of computing pairs nobody will read."""


def _start_worker(parent: int) -> None:
    # Ctrl-C reaches the whole process group; only the client decides how the job stops, and the
    # workers finish their current pair quietly instead of printing tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A client killed by SIGKILL or SIGTERM cannot stop its workers, and a forkserver's workers
    # are not its children, so each worker watches the client and ends with it.
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:
            continue  # a process of another user took the number: rare, and harmless to wait


def _start_method() -> multiprocessing.context.BaseContext:
    # forkserver (POSIX) and spawn start workers from a clean interpreter: forking a client that
    # already runs threads (a progress bar, a Dask client) can deadlock a child.
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # The server imports the comparison and the renderers once; each worker forked from it
    # starts in milliseconds instead of importing them again.
    context.set_forkserver_preload(["prstdiff.batch.task"])
    return context


SMALL_JOB_PAIRS = 40
"""Jobs of at most this many pairs run in this process: starting the pool (a forkserver that
imports the engine and renderers, then the workers) takes about a second, which two workers only
win back over a few dozen pairs of typical size (``bench/batch.py`` measures both)."""


class ProcessExecutor:
    """Pairs computed by a pool of local worker processes (``concurrent.futures``).

    The pool starts only when it pays: with one worker, or for a job of at most ``small_job``
    pairs, the pairs are computed in this process, one after the other.
    """

    def __init__(
        self,
        workers: int | None = None,
        *,
        function: PairFunction = compare_pair,
        small_job: int = SMALL_JOB_PAIRS,
    ):
        if workers is not None and workers < 1:
            raise PrstdiffError(f"--workers must be at least 1, not {workers}")
        self.workers = workers or default_workers()
        self.function = function
        self.small_job = small_job
        self._pool: ProcessPoolExecutor | None = None
        self._entered = False
        self.pool_started = False
        """Whether the last job ran on a pool of worker processes (False: in this process)."""

    def __enter__(self) -> Self:
        self._entered = True
        return self

    def _start_pool(self) -> ProcessPoolExecutor:
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=_start_method(),
            initializer=_start_worker,
            initargs=(os.getpid(),),
        )
        self.pool_started = True
        return self._pool

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._entered = False
        if self._pool is not None:
            # On an interrupt, queued pairs are dropped and running ones (a second at most) finish.
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def run(self, tasks: Iterable[PairTask]) -> Iterator[PairOutcome]:
        """Yield each task's outcome as it is finished (here, or by a worker of the pool)."""
        if not self._entered:
            raise RuntimeError("ProcessExecutor.run outside its with-block")
        queue = iter(tasks)
        first = list(itertools.islice(queue, self.small_job + 1))
        if (self.workers == 1 and self.small_job > 0) or len(first) <= self.small_job:
            self.pool_started = False
            for task in itertools.chain(first, queue):
                yield self.function(
                    task.name, task.old, task.new, task.options, task.render_options, task.formats
                )
            return
        pool = self._pool or self._start_pool()
        queue = itertools.chain(first, queue)
        pending: set[Future[PairOutcome]] = set()

        def fill() -> None:
            while len(pending) < self.workers * TASKS_PER_WORKER:
                task = next(queue, None)
                if task is None:
                    return
                pending.add(
                    pool.submit(
                        self.function,
                        task.name,
                        task.old,
                        task.new,
                        task.options,
                        task.render_options,
                        task.formats,
                    )
                )

        try:
            fill()
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
                fill()
        except BrokenProcessPool:
            raise WorkerLostError(
                "a worker process died (killed, or out of memory); the finished pairs are kept:"
                " run the job again with --resume to finish it"
            ) from None


PROBE_TIMEOUT = 5.0
"""Seconds to wait for a scheduler's greeting: a Dask scheduler greets a new connection at once,
so a server that stays silent this long is something else."""
MAX_GREETING_BYTES = 1 << 20
"""Largest first message believed to come from a Dask scheduler: its greeting is a few dozen
bytes; another server's reply read as a Dask length header gives absurd sizes (exbibytes)."""
_ADDRESS = re.compile(
    r"^(?:(?P<scheme>[a-z][a-z0-9+.-]*)://)?(?P<host>\[[^\]]+\]|[^:/\[\]]+):(?P<port>\d{1,5})/?$"
)


def probe_scheduler(address: str, timeout: float = PROBE_TIMEOUT) -> None:
    """Check that ``address`` answers like a Dask scheduler; ``PrstdiffError`` in one line if not.

    The Dask client would read another server's reply as a message length and try to allocate
    it (exbibytes), or wait for minutes; a plain TCP look at the scheduler's greeting (a length
    header, then a small message) tells within seconds. Only ``tcp://`` addresses are probed.
    """
    match = _ADDRESS.match(address.strip())
    if match is None or not 0 < int(match["port"]) < 65536:
        raise PrstdiffError("not a scheduler address (expected tcp://HOST:PORT)", address)
    if (match["scheme"] or "tcp") != "tcp":
        return
    host = match["host"].strip("[]")
    try:
        with socket.create_connection((host, int(match["port"])), timeout=timeout) as connection:
            connection.settimeout(timeout)
            header = b""
            while len(header) < 8:
                chunk = connection.recv(8 - len(header))
                if not chunk:
                    break
                header += chunk
    except TimeoutError:
        raise PrstdiffError(
            f"not a Dask scheduler: no greeting within {timeout:g} s", address
        ) from None
    except OSError as error:
        raise PrstdiffError(
            f"cannot reach the Dask scheduler: {error.strerror or one_line(error)}", address
        ) from None
    if len(header) < 8 or not 0 < int.from_bytes(header, "little") <= MAX_GREETING_BYTES:
        raise PrstdiffError("not a Dask scheduler: it does not speak Dask's protocol", address)


DASK_MISSING = "running on a Dask cluster needs Dask: pip install 'prstdiff[dask]'"
"""The one-line message when a Dask executor is asked for and dask.distributed is missing."""


class DaskExecutor:
    """Pairs computed on a dask.distributed cluster; each document is shipped to it once."""

    def __init__(
        self,
        address: str,
        *,
        function: PairFunction = compare_pair,
        connect_timeout: float = CONNECT_TIMEOUT,
    ):
        if importlib.util.find_spec("distributed") is None:
            raise PrstdiffError(DASK_MISSING)
        self.address = address
        self.function = function
        self.connect_timeout = connect_timeout
        self._client: Any = None

    def __enter__(self) -> Self:
        probe_scheduler(self.address, min(self.connect_timeout, PROBE_TIMEOUT))
        import distributed

        dask: Any = distributed  # untyped library
        try:
            self._client = dask.Client(
                self.address, timeout=f"{self.connect_timeout}s", set_as_default=False
            )
        except (OSError, TimeoutError) as error:
            reason = one_line(error)
            raise PrstdiffError(
                f"cannot reach the Dask scheduler: {reason}", self.address
            ) from None
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._client is not None:
            # Closing the client cancels this job's tasks; the cluster itself keeps running.
            self._client.close()
            self._client = None

    def workers(self) -> int:
        """The cluster's current number of workers (at least one, for the window of tasks)."""
        if self._client is None:
            return 1
        return max(1, len(self._client.scheduler_info().get("workers", {})))

    def run(self, tasks: Iterable[PairTask]) -> Iterator[PairOutcome]:
        """Yield each task's outcome as the cluster finishes it."""
        import distributed

        dask: Any = distributed  # untyped library
        client = self._client
        if client is None:
            raise RuntimeError("DaskExecutor.run outside its with-block")
        window = self.workers() * TASKS_PER_WORKER
        # One future per document: every pair that uses it refers to the same copy on the cluster.
        shipped: dict[int, Any] = {}
        keep: list[object] = []  # the documents behind ``shipped`` keys, so no id() is reused
        names: dict[Any, str] = {}
        queue = iter(tasks)
        running = dask.as_completed(loop=client.loop)

        def ship(document: object) -> Any:
            key = id(document)
            if key not in shipped:
                shipped[key] = client.scatter(document, hash=False)
                keep.append(document)
            return shipped[key]

        def fill() -> None:
            while running.count() < window:
                task = next(queue, None)
                if task is None:
                    return
                future = client.submit(
                    self.function,
                    task.name,
                    ship(task.old),
                    ship(task.new),
                    task.options,
                    task.render_options,
                    task.formats,
                    pure=False,
                )
                names[future.key] = task.name
                running.add(future)

        try:
            fill()
            for future in running:
                name = names.pop(future.key)
                try:
                    outcome: PairOutcome = future.result()
                except Exception as error:  # a worker lost several times (KilledWorker) and such
                    detail = one_line(error, with_type=True)
                    outcome = PairOutcome(name=name, html=None, json=None, stats=None, error=detail)
                future.release()
                yield outcome
                fill()
        finally:
            client.cancel(list(shipped.values()))
