"""Hostile input and output paths: one line and exit 2, or a bug's own status, never a lost file."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from prstdiff.cli import app, comparing

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "corpus"
OLD = CORPUS / "S_RES_2561_2021.txt"
NEW = CORPUS / "S_RES_2587_2021.txt"
HOSTILE = ("\x1b]0;owned\x1b\\", "\x1b[2J", "\x1b[8m", "\x9b31m")


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def one_line_error(result: Result) -> str:
    """The single stderr line of a failed command (CliRunner mixes stderr into output)."""
    lines = result.output.splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("prstdiff: "), lines[0]
    return lines[0]


def test_output_naming_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_bytes(OLD.read_bytes())
    result = run("diff", old, NEW, "-o", old)
    assert result.exit_code == 2
    assert one_line_error(result) == f"prstdiff: {old}: refusing to overwrite an input document"
    assert old.read_bytes() == OLD.read_bytes()


def test_inspect_output_naming_its_input_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_bytes(NEW.read_bytes())
    result = run("inspect", doc, "-o", doc)
    assert result.exit_code == 2
    assert one_line_error(result) == f"prstdiff: {doc}: refusing to overwrite an input document"
    assert doc.read_bytes() == NEW.read_bytes()


def test_output_dash_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("diff", OLD, NEW, "-f", "json", "-o", "-")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["old"]["symbol"] == "S/RES/2561 (2021)"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_node_is_written_through_not_replaced(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null
    result = run("diff", OLD, NEW, "-f", "json", "-o", null)
    assert result.exit_code == 1, result.output
    assert stat.S_ISCHR(null.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_a_symbolic_link_keeps_pointing_at_the_rewritten_file(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old report")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert run("diff", OLD, NEW, "-f", "markdown", "-o", link).exit_code == 1
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("#")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


def test_a_private_file_stays_private_and_keeps_its_hard_links(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("{}")
    report.chmod(0o600)
    other_name = tmp_path / "same-report.json"
    os.link(report, other_name)
    assert run("diff", OLD, NEW, "-f", "json", "-o", report).exit_code == 1
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert report.stat().st_nlink == 2
    assert other_name.read_text(encoding="utf-8") == report.read_text(encoding="utf-8")


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o077)
    try:
        assert run("diff", OLD, NEW, "-f", "json", "-o", tmp_path / "r.json").exit_code == 1
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == 0o600


def test_a_temporary_file_left_by_a_killed_process_is_removed(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    )
    stale = tmp_path / f".r.json.{dead.stdout.strip()}.abc123.tmp"
    stale.write_text("half a report")
    assert run("diff", OLD, NEW, "-f", "json", "-o", tmp_path / "r.json").exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]


def test_sigterm_while_writing_leaves_nothing_behind(tmp_path: Path) -> None:
    # The process stops itself with SIGTERM right when the data is being flushed to disk.
    script = (
        "import os, signal, sys\n"
        "from prstdiff import io\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGTERM)\n"
        "io.write_atomic(sys.argv[1], 'x' * 100000)\n"
    )
    target = tmp_path / "r.txt"
    done = subprocess.run([sys.executable, "-c", script, str(target)], cwd=HERE.parent.parent)
    assert done.returncode == -15
    assert list(tmp_path.iterdir()) == []


def test_an_unexpected_exception_is_a_bug_with_its_own_status(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("an engine defect")

    monkeypatch.setattr(comparing, "compare_files", broken)
    result = run("diff", OLD, NEW)
    assert result.exit_code == 70
    assert "Traceback" in result.output
    assert "ValueError: an engine defect" in result.output
    assert result.output.rstrip().endswith("the traceback above.")


def test_ctrl_c_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(comparing, "compare_files", interrupted)
    result = run("diff", OLD, NEW)
    assert result.exit_code == 130
    assert result.output == "prstdiff: interrupted\n"


def test_a_file_name_with_a_newline_gives_one_line(tmp_path: Path) -> None:
    odd = tmp_path / "two\nlines.txt"
    result = run("inspect", odd)
    assert result.exit_code == 2
    assert one_line_error(result) == f"prstdiff: {tmp_path}/two\\nlines.txt: no such file"


def test_a_file_name_that_is_not_utf8_is_named_with_escapes(tmp_path: Path) -> None:
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))
    result = run("inspect", odd)
    assert result.exit_code == 2
    assert one_line_error(result) == f"prstdiff: {tmp_path}/caf\\xe9.txt: no such file"


def _hostile_copy(tmp_path: Path) -> Path:
    """A made-up variant of a corpus document whose operative paragraphs carry escape codes."""
    text = NEW.read_text(encoding="utf-8")
    for number, code in zip((1, 2, 3, 4), HOSTILE, strict=True):
        text = text.replace(f"\n{number}.\n", f"\n{number}.\n{code}", 1)
    made_up = tmp_path / "made_up_escape_codes.txt"
    made_up.write_text(text, encoding="utf-8")
    return made_up


@pytest.mark.parametrize("command", ["diff-text", "diff-markdown", "diff-color", "inspect"])
def test_escape_codes_in_a_document_are_shown_not_obeyed(tmp_path: Path, command: str) -> None:
    made_up = _hostile_copy(tmp_path)
    args: list[str | Path] = {
        "diff-text": ["diff", OLD, made_up, "--color", "never"],
        "diff-markdown": ["diff", OLD, made_up, "-f", "markdown"],
        "diff-color": ["diff", OLD, made_up, "--color", "always"],
        "inspect": ["inspect", made_up, "--color", "never"],
    }[command]
    result = run(*args)
    assert result.exit_code in (0, 1), result.output
    shown = result.stdout
    # Each code is shown as visible text (Markdown adds backslashes to keep it literal).
    visible = shown.replace("\\", "")
    # Once in the paragraph, and again where a notable edit quotes the changed opening.
    for shown_code in ("x1b]0;ownedx1b", "x1b[2J", "x1b[8m", "x9b31m"):
        assert visible.count(shown_code) >= 1
    for code in HOSTILE:
        assert code not in shown
    assert "\x9b" not in shown
    if command != "diff-color":
        assert "\x1b" not in shown


def test_json_keeps_the_escape_codes_exact(tmp_path: Path) -> None:
    made_up = _hostile_copy(tmp_path)
    result = run("inspect", made_up, "-f", "json")
    texts = [p["text"] for p in json.loads(result.stdout)["paragraphs"]]
    assert sum(any(code in t for code in HOSTILE) for t in texts) == 4


# --- Inputs are bounded ----------------------------------------------------------------------


def run_process(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, with a time limit: a hang fails instead of hanging."""
    return subprocess.run(
        [sys.executable, "-m", "prstdiff", *map(str, args)],
        input=None if stdin is None else stdin.decode("utf-8"),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=HERE.parent.parent,
        check=False,
    )


def test_a_fifo_as_input_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)
    done = run_process("diff", fifo, NEW)
    assert done.returncode == 2
    assert done.stderr == f"prstdiff: {fifo}: not a regular file: a FIFO (named pipe)\n"


def test_an_endless_device_is_refused() -> None:
    done = run_process("inspect", "/dev/zero")
    assert (done.returncode, done.stderr) == (
        2,
        "prstdiff: /dev/zero: not a regular file: a character device\n",
    )


def test_standard_input_is_read_as_a_document() -> None:
    done = run_process("inspect", "-", "-f", "json", stdin=NEW.read_bytes())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["symbol"] == "S/RES/2587 (2021)"


def test_fifos_and_devices_in_a_corpus_are_skipped_and_listed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "S_RES_2561_2021.txt").write_bytes(OLD.read_bytes())
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "zero.txt").symlink_to("/dev/zero")
    done = run_process("index", corpus, "--db", tmp_path / "index.sqlite")
    assert done.returncode == 0, done.stderr
    assert f"skipped {corpus / 'pipe.txt'}: not a regular file" in done.stdout
    assert f"skipped {corpus / 'zero.txt'}: not a regular file" in done.stdout
    assert "1 documents" in done.stdout


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.write(OLD.read_bytes())
        stream.truncate(65 * 1024 * 1024)  # sparse: costs no disk
    result = run("inspect", huge)
    assert result.exit_code == 2
    assert one_line_error(result) == (
        f"prstdiff: {huge}: too large: over 64 MB (the limit for one document)"
    )


def test_a_text_without_paragraph_breaks_is_refused(tmp_path: Path) -> None:
    # A made-up file: a real resolution's words repeated on one line, as a lost layout gives.
    one_line = " ".join(OLD.read_text(encoding="utf-8").split())
    made_up = tmp_path / "made_up_one_line.txt"
    made_up.write_text((one_line + " ") * 20, encoding="utf-8")
    result = run("diff", made_up, made_up)
    assert result.exit_code == 2
    message = one_line_error(result)
    assert message.startswith(f"prstdiff: {made_up}: paragraph 1 is too long: ")
    assert message.endswith("words (the limit is 20,000; are its paragraph breaks lost?)")


def test_too_many_paragraphs_are_refused(tmp_path: Path) -> None:
    made_up = tmp_path / "made_up_many.txt"
    made_up.write_text(
        "The Security Council,\n\n"
        + "".join(f"{n}. Decides to remain seized of the matter.\n\n" for n in range(1, 5_002)),
        encoding="utf-8",
    )
    result = run("inspect", made_up)
    assert result.exit_code == 2
    assert one_line_error(result) == (
        f"prstdiff: {made_up}: too many paragraphs: 5,002 (the limit is 5,000)"
    )


def _docx_with(document_xml: bytes | None = None, numbering_start: str | None = None) -> bytes:
    """A made-up Word draft, changed by rewriting one part of its zip package."""
    import io
    import zipfile

    import docx
    from docx.oxml import parse_xml

    draft = docx.Document()
    draft.add_paragraph("The Security Council,")
    draft.add_paragraph("Decides to remain seized of the matter.")
    if numbering_start is not None:
        w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        numbering = draft.part.numbering_part.element
        numbering.insert(
            0,
            parse_xml(
                f'<w:abstractNum {w} w:abstractNumId="7"><w:lvl w:ilvl="0">'
                f'<w:start w:val="{numbering_start}"/><w:numFmt w:val="lowerLetter"/>'
                '<w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'
            ),
        )
        numbering.append(parse_xml(f'<w:num {w} w:numId="7"><w:abstractNumId w:val="7"/></w:num>'))
        draft.paragraphs[1]._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr>')
        )
    buffer = io.BytesIO()
    draft.save(buffer)
    if document_xml is None:
        return buffer.getvalue()
    rebuilt = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            data = document_xml if member.filename == "word/document.xml" else source.read(member)
            target.writestr(member.filename, data)
    return rebuilt.getvalue()


def test_a_word_list_starting_at_ten_billion_is_refused(tmp_path: Path) -> None:
    draft = tmp_path / "made_up_list.docx"
    draft.write_bytes(_docx_with(numbering_start="10000000000"))
    result = run("inspect", draft)
    assert result.exit_code == 2
    assert one_line_error(result) == (
        f"prstdiff: {draft}: Word list numbering starts at 10,000,000,000 (the limit is 100,000)"
    )


def test_a_word_zip_bomb_is_refused_before_it_unzips(tmp_path: Path) -> None:
    paragraph = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    body = paragraph * (70 * 1024 * 1024 // len(paragraph))
    xml = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>" + body + b"</w:body></w:document>"
    )
    draft = tmp_path / "made_up_bomb.docx"
    draft.write_bytes(_docx_with(document_xml=xml))
    assert draft.stat().st_size < 1024 * 1024
    result = run("inspect", draft)
    assert result.exit_code == 2
    assert one_line_error(result) == (
        f"prstdiff: {draft}: Word package's XML unpacks to 71 MB (the limit is 64 MB)"
    )


def test_output_naming_the_corpus_index_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for document in (OLD, NEW):
        (corpus / document.name).write_bytes(document.read_bytes())
    run("index", corpus)
    index = corpus / ".prstdiff-index.sqlite"
    before = index.read_bytes()
    result = run("trace", corpus / NEW.name, "--corpus", corpus, "-o", index)
    assert result.exit_code == 2
    assert one_line_error(result) == f"prstdiff: {index}: refusing to overwrite the corpus index"
    assert index.read_bytes() == before
