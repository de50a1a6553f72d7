"""Control characters shown, never obeyed, in terminal and Markdown output.

A document may carry terminal escape sequences (``ESC ] 0;...`` retitles the window, ``ESC [2J``
clears the screen, ``ESC [8m`` hides the text that follows), by accident or on purpose: a draft
could hide its own insertions from a reviewer. Terminal and Markdown output therefore show every
C0 control character except tab and newline, DEL and every C1 control character as a visible
escape (``\\x1b``). JSON and HTML keep the text exact (they escape it their own way).
"""

from __future__ import annotations

import dataclasses
import re

from prstdiff.model import Comparison, Document, Pair, Paragraph, WordOp

__all__ = ["escape_controls", "safe_comparison", "safe_document"]

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROLS_BUT_COLOUR = re.compile(r"\x1b\[[0-9;]*m|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str, *, keep_colour: bool = False) -> str:
    r"""Show control characters as ``\xNN`` escapes; ``keep_colour`` spares SGR colour codes.

    >>> escape_controls("a\x1b]0;owned\x07b\tc")
    'a\\x1b]0;owned\\x07b\tc'
    """
    if keep_colour:
        return _CONTROLS_BUT_COLOUR.sub(lambda m: m[0] if len(m[0]) > 1 else _escape(m[0]), text)
    return _CONTROLS.sub(lambda m: _escape(m[0]), text)


def _escape(char: str) -> str:
    return f"\\x{ord(char):02x}"


def safe_document(doc: Document) -> Document:
    """The document with control characters escaped in its metadata and paragraph texts."""
    return dataclasses.replace(
        doc,
        symbol=_maybe(doc.symbol),
        item=_maybe(doc.item),
        title=_maybe(doc.title),
        vote=_maybe(doc.vote),
        paragraphs=tuple(_paragraph(p) for p in doc.paragraphs),
    )


def safe_comparison(comparison: Comparison) -> Comparison:
    """The comparison with control characters escaped in both documents and every pair."""
    return dataclasses.replace(
        comparison,
        old=safe_document(comparison.old),
        new=safe_document(comparison.new),
        pairs=tuple(_pair(p) for p in comparison.pairs),
    )


def _maybe(text: str | None) -> str | None:
    return None if text is None else escape_controls(text)


def _paragraph(paragraph: Paragraph) -> Paragraph:
    return dataclasses.replace(paragraph, text=escape_controls(paragraph.text))


def _pair(pair: Pair) -> Pair:
    return dataclasses.replace(
        pair,
        ops=tuple(_op(op) for op in pair.ops),
        phrases=tuple(
            dataclasses.replace(ph, text=escape_controls(ph.text)) for ph in pair.phrases
        ),
        notable=tuple(
            dataclasses.replace(edit, old=_maybe(edit.old), new=_maybe(edit.new))
            for edit in pair.notable
        ),
    )


def _op(op: WordOp) -> WordOp:
    return dataclasses.replace(op, text=escape_controls(op.text), old_text=_maybe(op.old_text))
