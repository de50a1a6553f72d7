"""The documentation: the README stays short with the set-up commands first; the site builds."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
README_LIMIT = 250
"""Lines the README may hold: what it is, set-up, a quick start; the rest belongs to the site."""


def test_readme_is_short_and_opens_with_the_two_setup_commands() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_LIMIT
    assert lines[:3] == ["# prstdiff", "", "```sh"]
    assert lines[3].startswith("# 1. ") and lines[4].startswith("pip install . && prstdiff ")
    # .ci/run executes the line after '# 2. ' on a clean clone.
    assert lines[5].startswith("# 2. ")
    assert lines[6] == (
        "apt-get update -qq && apt-get install -y -qq chromium libreoffice-writer-nogui "
        "python3-uno && pip install -q -e '.[test]' && python -m pytest"
    )
    assert lines[7] == "```"


def test_readme_links_point_into_the_repository() -> None:
    text = README.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
        if target.startswith("http://127.0.0.1"):
            continue  # the local preview server `mkdocs serve` starts
        assert (ROOT / target).exists(), target


def test_no_path_outside_the_repository_in_tracked_text() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "--", "*.md", "*.py", "*.toml", "*.yml", "*.j2", "*.json", "*.css"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    # Spelt in pieces so that this guard does not name the paths it looks for.
    outside = re.compile("|".join(("/wo" + "rk/", r"\.\./sha" + "red", r"\.venv/" + "bin")))
    found = [
        name
        for name in tracked
        if name != "tests/test_docs.py"
        and outside.search((ROOT / name).read_text(encoding="utf-8", errors="replace"))
    ]
    assert found == []


def test_the_site_builds_strictly(tmp_path: Path) -> None:
    # --strict turns every warning into a failure: a broken link, a missing page, a reference to
    # a Python object that no longer exists, a command whose --help fails.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(ROOT / "mkdocs.yml"),
            "--site-dir",
            str(tmp_path / "site"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    cli = (tmp_path / "site" / "cli" / "index.html").read_text(encoding="utf-8")
    for command in ("batch", "diff", "index", "inspect", "report", "search", "series", "trace"):
        assert f'id="prstdiff-{command}"' in cli, command
    assert "Usage: prstdiff diff [OPTIONS]" in cli
    api = (tmp_path / "site" / "api" / "index.html").read_text(encoding="utf-8")
    assert 'id="prstdiff.api.compare"' in api
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'src="report.png"' in home
