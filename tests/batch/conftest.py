"""Fixtures of the batch tests: the fifteen modern UNFICYP renewals and one uninterrupted job.

The UNFICYP (Cyprus) mandate renewals 2263 (2016) to 2674 (2023) are copied into a folder of their
own, so that planning a series reads fifteen files rather than the whole corpus. The reference job
runs once per session on two local worker processes; the resume, interruption and Dask tests
compare their outputs with it byte for byte.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from prstdiff.batch import JobResult, ProcessExecutor, plan_series, run_job

HERE = Path(__file__).parent
CORPUS = HERE.parent.parent / "corpus"

UNFICYP = (
    "S_RES_2263_2016.txt",
    "S_RES_2300_2016.txt",
    "S_RES_2338_2017.txt",
    "S_RES_2369_2017.txt",
    "S_RES_2398_2018.txt",
    "S_RES_2430_2018.txt",
    "S_RES_2453_2019.txt",
    "S_RES_2483_2019.txt",
    "S_RES_2506_2020.txt",
    "S_RES_2537_2020.txt",
    "S_RES_2561_2021.txt",
    "S_RES_2587_2021.txt",
    "S_RES_2618_2022.txt",
    "S_RES_2646_2022.txt",
    "S_RES_2674_2023.txt",
)
"""The fifteen consecutive renewals of UNFICYP's mandate in the corpus, in date order."""

UNFICYP_SYMBOLS = tuple(
    "S/RES/{} ({})".format(*name.removesuffix(".txt").split("_")[2:]) for name in UNFICYP
)
"""Their symbols: ``S/RES/2263 (2016)`` ..."""

UNFICYP_PAIR_NAMES = tuple(
    f"{old.removesuffix('.txt')}__{new.removesuffix('.txt')}"
    for old, new in itertools.pairwise(UNFICYP)
)
"""The output names of the series' fourteen consecutive pairs (symbols with ``/`` and spaces
folded, as the corpus names its files)."""


def job_files(outdir: Path) -> dict[str, bytes]:
    """Every file of a job's output folder but the job file, by relative path, with its bytes."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and path.name != "job.json"
    }


@pytest.fixture(scope="session")
def unficyp_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding exactly the fifteen modern UNFICYP renewals."""
    folder = tmp_path_factory.mktemp("unficyp")
    for name in UNFICYP:
        shutil.copyfile(CORPUS / name, folder / name)
    return folder


@pytest.fixture(scope="session")
def reference_job(
    unficyp_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[JobResult, dict[str, bytes]]:
    """The UNFICYP series job run straight through on two local processes, and its files."""
    outdir = tmp_path_factory.mktemp("reference") / "out"
    result = run_job(
        plan_series(unficyp_folder, symbols=UNFICYP_SYMBOLS), outdir, ProcessExecutor(2)
    )
    return result, job_files(outdir)
