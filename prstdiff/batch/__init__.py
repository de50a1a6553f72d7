"""Batch jobs: many comparisons from a manifest, a series or a folder, in parallel, resumable.

>>> from prstdiff.batch import plan_series, run_job, ProcessExecutor  # doctest: +SKIP
>>> plan = plan_series("corpus", match="Cyprus")  # doctest: +SKIP
>>> result = run_job(plan, "reports", ProcessExecutor(workers=2))  # doctest: +SKIP
"""

from __future__ import annotations

from prstdiff.batch.executors import (
    DaskExecutor,
    PairExecutor,
    ProcessExecutor,
    WorkerLostError,
    default_workers,
)
from prstdiff.batch.job import JOB_FILE, JobProgress, JobResult, read_job_file, run_job
from prstdiff.batch.manifest import ManifestEntry, read_manifest
from prstdiff.batch.plan import (
    Input,
    Plan,
    PlannedPair,
    load_input,
    plan_all_pairs,
    plan_manifest,
    plan_series,
    sanitize_name,
    unique_names,
)
from prstdiff.batch.record import DocumentInfo, PairRecord, PairState
from prstdiff.batch.task import PairOutcome, PairTask, ReportFormat, compare_pair

__all__ = [
    "JOB_FILE",
    "DaskExecutor",
    "DocumentInfo",
    "Input",
    "JobProgress",
    "JobResult",
    "ManifestEntry",
    "PairExecutor",
    "PairOutcome",
    "PairRecord",
    "PairState",
    "PairTask",
    "Plan",
    "PlannedPair",
    "ProcessExecutor",
    "ReportFormat",
    "WorkerLostError",
    "compare_pair",
    "default_workers",
    "load_input",
    "plan_all_pairs",
    "plan_manifest",
    "plan_series",
    "read_job_file",
    "read_manifest",
    "run_job",
    "sanitize_name",
    "unique_names",
]
