"""``prstdiff inspect``: text and JSON on real corpus files, and one clean line for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner, Result

from prstdiff.cli import app

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = ROOT / "corpus"
SEED = ROOT / "tests" / "fixtures" / "S_PRST_2007_42.onecol.txt"
SCHEMA = json.loads((ROOT / "prstdiff" / "schemas" / "document.schema.json").read_text("utf-8"))
ANSI = "\x1b["


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, ["inspect", *args], env=env)


def test_json_of_s_res_1809(tmp_path: Path) -> None:
    result = run(str(CORPUS / "S_RES_1809_2008.txt"), "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    data = json.loads(result.stdout)
    Draft202012Validator(SCHEMA).validate(data)
    assert data["symbol"] == "S/RES/1809 (2008)"
    assert data["kind"] == "resolution"
    assert data["date"] == "2008-04-16"
    assert data["meeting"] == 5868
    assert data["source"]["path"] == str(CORPUS / "S_RES_1809_2008.txt")
    assert data["source"]["layout"] == "wrapped"
    operative = [p for p in data["paragraphs"] if p["kind"] == "operative"]
    assert [p["number"] for p in operative] == [str(n) for n in range(1, 19)]
    assert operative[-1]["text"] == "Decides to remain seized of the matter."
    assert operative[0]["text"].startswith(
        "Expresses its determination to take effective steps to further enhance the "
        "relationship between the United Nations and regional organizations"
    )
    assert {"symbol": "S/2008/186", "kind": "document"} in data["citations"]


def test_json_of_a_yearly_volume_resolution() -> None:
    result = run(str(CORPUS / "S_RES_186_1964.txt"), "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    Draft202012Validator(SCHEMA).validate(data)
    assert data["symbol"] == "S/RES/186 (1964)"
    assert data["date"] == "1964-03-04"
    assert data["source"]["layout"] == "yearly-volume"


def test_text_of_the_seed_statement() -> None:
    result = run(str(SEED), "--width", "100", "--color", "never")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "S/PRST/2007/42",
        "kind        presidential statement",
        "date        2007-11-06",
        "meeting     5776",
    ]
    assert "paragraphs  15 (introductory 1, statement 14)" in lines
    assert lines[lines.index("") + 1].startswith("¶1   introductory  At the 5776th meeting of the")
    assert any(
        line.startswith("¶15  statement     The Security Council invites all") for line in lines
    )
    assert all(len(line) <= 100 for line in lines)
    assert ANSI not in result.stdout


def test_text_output_by_default_is_100_columns_without_colour_off_a_terminal() -> None:
    # CliRunner's output is not a terminal: no colour under auto, and the default width.
    result = run(str(SEED))
    assert result.exit_code == 0
    assert ANSI not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 100
    assert max(len(line) for line in result.stdout.splitlines()) > 90


def test_colour_always_and_never() -> None:
    assert ANSI in run(str(SEED), "--color", "always").stdout
    assert ANSI in run(str(SEED), "--color", "always", env={"NO_COLOR": "1"}).stdout
    assert ANSI not in run(str(SEED), "--color", "never").stdout


def test_auto_colour_on_a_terminal_honours_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    # ``prstdiff.cli.terminal`` decides on colour, for typer's commands and the plain diff alike.
    monkeypatch.setattr("prstdiff.cli.terminal.stdout_is_terminal", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert ANSI in run(str(SEED), "--width", "80").stdout
    assert ANSI not in run(str(SEED), "--width", "80", env={"NO_COLOR": "1"}).stdout


def test_width_is_checked() -> None:
    result = run(str(SEED), "--width", "5")
    assert result.exit_code == 2


def test_word_and_pdf_files_are_inspected(tmp_path: Path) -> None:
    import docx
    from fpdf import FPDF

    word = docx.Document()
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if line:
            word.add_paragraph(line)
    word.save(str(tmp_path / "S_PRST_2007_42.docx"))
    result = run(str(tmp_path / "S_PRST_2007_42.docx"), "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["symbol"], data["source"]["format"]) == ("S/PRST/2007/42", "docx")

    pdf = FPDF()
    pdf.core_fonts_encoding = "cp1252"
    pdf.set_font("Helvetica", size=9)
    pdf.add_page()
    for line in (CORPUS / "S_RES_1809_2008.txt").read_text(encoding="utf-8").splitlines():
        if line:
            pdf.cell(text=line)
        pdf.ln(4)
    pdf.output(str(tmp_path / "S_RES_1809_2008.pdf"))
    result = run(str(tmp_path / "S_RES_1809_2008.pdf"), "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["symbol"], data["source"]["format"]) == ("S/RES/1809 (2008)", "pdf")


# --- bad input: exit 2, one line on stderr naming the file and the problem --------------------


def bad_inputs(folder: Path) -> dict[str, tuple[Path, str]]:
    """Made-up bad files, each with the problem the error line must name."""
    (folder / "madeup_empty.txt").write_bytes(b"")
    (folder / "madeup_binary.txt").write_bytes(bytes(range(256)) * 4)
    # not UTF-8, and bytes that Windows-1252 leaves undefined: no encoding reads it as text
    (folder / "madeup_undecodable.txt").write_bytes(b"caf\xe9 \x81\x8d\x8f\x90\x9d")
    (folder / "madeup_furniture_only.txt").write_text(
        "S/RES/1809 (2008)\n\nUnited Nations\n\nSecurity Council\n\n08-30812 (E)\n\n*0830812*\n",
        encoding="utf-8",
    )
    (folder / "madeup_corrupt.docx").write_bytes(b"PK\x03\x04 madeup, not a whole zip")
    with zipfile.ZipFile(folder / "madeup_not_word.docx", "w") as package:
        package.writestr("madeup.txt", "a zip, but no Word document inside")
    (folder / "madeup_corrupt.pdf").write_bytes(b"%PDF-1.4\nmadeup, no objects\n")
    (folder / "madeup_folder").mkdir()
    return {
        "missing file": (folder / "madeup_missing.txt", "no such file"),
        "directory": (folder / "madeup_folder", "is a folder"),
        "empty file": (folder / "madeup_empty.txt", "empty file"),
        "binary file": (folder / "madeup_binary.txt", "not a text file"),
        "undecodable bytes": (folder / "madeup_undecodable.txt", "cannot decode"),
        "no paragraphs": (folder / "madeup_furniture_only.txt", "no paragraphs"),
        "corrupt docx": (folder / "madeup_corrupt.docx", "not a Word .docx file"),
        "zip that is not Word": (folder / "madeup_not_word.docx", "broken .docx package"),
        "corrupt pdf": (folder / "madeup_corrupt.pdf", "corrupt PDF"),
    }


BAD = [
    "missing file",
    "directory",
    "empty file",
    "binary file",
    "undecodable bytes",
    "no paragraphs",
    "corrupt docx",
    "zip that is not Word",
    "corrupt pdf",
]


@pytest.mark.parametrize("case", BAD)
@pytest.mark.parametrize("output_format", ["text", "json"])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, case: str, output_format: str) -> None:
    path, problem = bad_inputs(tmp_path)[case]
    result = run(str(path), "--format", output_format)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"prstdiff: {path}: {problem}")
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_bad_input_in_a_real_process_has_no_traceback(tmp_path: Path) -> None:
    # One real process (each start costs seconds): the corrupt PDF, where pypdf would also log
    # its repair attempts to stderr through Python's last-resort logging handler.
    cases = bad_inputs(tmp_path)
    for path in [cases["corrupt pdf"][0]]:
        completed = subprocess.run(
            [sys.executable, "-m", "prstdiff", "inspect", str(path)],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert completed.returncode == 2
        assert completed.stdout == ""
        assert completed.stderr.startswith(f"prstdiff: {path}: ")
        assert completed.stderr.count("\n") == 1, completed.stderr
        assert "Traceback" not in completed.stderr


def test_output_file_is_written_instead_of_stdout(tmp_path: Path) -> None:
    target = tmp_path / "madeup_inspect.json"
    result = run(str(SEED), "-f", "json", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == run(str(SEED), "-f", "json").stdout
    text_target = tmp_path / "madeup_inspect.txt"
    assert run(str(SEED), "-o", str(text_target)).exit_code == 0
    written = text_target.read_text(encoding="utf-8")
    assert ANSI not in written
    assert written == run(str(SEED), "--width", "100", "--color", "never").stdout
    assert run(str(SEED), "-o", str(text_target), "--color", "always").exit_code == 0
    assert ANSI in text_target.read_text(encoding="utf-8")


def test_output_to_a_missing_folder_or_from_bad_input_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "madeup_missing_folder" / "out.json"
    result = run(str(SEED), "-f", "json", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"prstdiff: {target.parent}: cannot write")
    assert result.stderr.count("\n") == 1
    bad = tmp_path / "madeup_furniture_only.txt"
    bad.write_text("S/RES/1809 (2008)\n\n08-30812 (E)\n\n*0830812*\n", encoding="utf-8")
    result = run(str(bad), "-o", str(tmp_path / "madeup_out.txt"))
    assert result.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["madeup_furniture_only.txt"]
