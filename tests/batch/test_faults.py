"""Faults around a batch job: a killed client leaves no process, a wrong scheduler fails fast."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from prstdiff.batch.executors import probe_scheduler
from prstdiff.errors import PrstdiffError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def session_processes(session: int) -> list[int]:
    """Processes of a session (the job and everything it started), from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, sid = fields[0], int(fields[3])
        if sid == session and state != "Z":
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_job_leaves_no_process_behind(
    unficyp_folder: Path, tmp_path: Path, how: signal.Signals
) -> None:
    job = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "prstdiff",
            "batch",
            str(tmp_path / "out"),
            "--all-pairs",
            str(unficyp_folder),
            "--workers",
            "2",
        ],
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        # Wait for the pool: the job itself, the forkserver and two workers at least.
        while len(session_processes(job.pid)) < 4:
            assert job.poll() is None, "the job ended before its workers started"
            assert time.monotonic() < deadline, "the workers never started"
            time.sleep(0.05)
        os.kill(job.pid, how)
        job.wait(timeout=30)
        deadline = time.monotonic() + 10
        while session_processes(job.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert session_processes(job.pid) == []
    finally:
        for pid in session_processes(job.pid):
            os.kill(pid, signal.SIGKILL)


@pytest.fixture
def fake_server() -> Iterator[tuple[socket.socket, list[bytes]]]:
    """A TCP server on loopback that answers each connection with the bytes in its list."""
    server = socket.create_server(("127.0.0.1", 0))
    replies: list[bytes] = []

    def serve() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            with connection:
                if replies:
                    connection.sendall(replies[0])
                time.sleep(3)

    threading.Thread(target=serve, daemon=True).start()
    yield server, replies
    server.close()


def test_a_server_that_is_not_dask_fails_in_one_line_at_once(
    fake_server: tuple[socket.socket, list[bytes]],
) -> None:
    server, replies = fake_server
    replies.append(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
    address = f"tcp://127.0.0.1:{server.getsockname()[1]}"
    started = time.monotonic()
    with pytest.raises(PrstdiffError) as caught:
        probe_scheduler(address)
    assert time.monotonic() - started < 5
    assert caught.value.message == (
        f"{address}: not a Dask scheduler: it does not speak Dask's protocol"
    )


def test_a_silent_server_is_not_a_scheduler(
    fake_server: tuple[socket.socket, list[bytes]],
) -> None:
    server, _ = fake_server
    address = f"127.0.0.1:{server.getsockname()[1]}"
    with pytest.raises(PrstdiffError) as caught:
        probe_scheduler(address, timeout=0.5)
    assert caught.value.message == f"{address}: not a Dask scheduler: no greeting within 0.5 s"


@pytest.mark.parametrize("address", ["tcp://", "tcp://host", "http//x:1", "tcp://h:99999"])
def test_a_malformed_address_is_one_line(address: str) -> None:
    with pytest.raises(PrstdiffError) as caught:
        probe_scheduler(address)
    assert caught.value.message == (
        f"{address}: not a scheduler address (expected tcp://HOST:PORT)"
    )
