"""The same job on a real dask.distributed cluster (two worker processes) writes the same files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prstdiff.batch import DaskExecutor, JobResult, plan_series, run_job
from prstdiff.cli import app
from prstdiff.errors import PrstdiffError

from .conftest import UNFICYP_SYMBOLS, job_files

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A local cluster of two single-threaded worker processes, for this module's tests."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_dask_cluster_outputs_equal_the_local_run(
    scheduler: str,
    unficyp_folder: Path,
    tmp_path: Path,
    reference_job: tuple[JobResult, dict[str, bytes]],
) -> None:
    outdir = tmp_path / "out"
    arguments = ["batch", str(outdir), "--series", str(unficyp_folder)]
    arguments += ["--symbols", ",".join(UNFICYP_SYMBOLS), "--scheduler", scheduler]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"14 pairs: 14 done, 0 failed; index: {outdir / 'index.html'}\n"
    assert job_files(outdir) == reference_job[1]


def test_unreachable_scheduler_is_one_line(tmp_path: Path, unficyp_folder: Path) -> None:
    plan = plan_series(unficyp_folder, symbols=UNFICYP_SYMBOLS[:2])
    executor = DaskExecutor("tcp://127.0.0.1:9", connect_timeout=1)
    with pytest.raises(PrstdiffError) as caught:
        run_job(plan, tmp_path / "out", executor)
    assert caught.value.message.startswith("tcp://127.0.0.1:9: cannot reach the Dask scheduler: ")
    assert "\n" not in caught.value.message
