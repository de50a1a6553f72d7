"""A paragraph of an indexed document, located: the value search hits and trace sources share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self

from prstdiff.model import ParagraphKind

if TYPE_CHECKING:
    from prstdiff.corpus.index import IndexedParagraph


@dataclass(frozen=True, slots=True)
class LocatedParagraph:
    """A paragraph of an indexed document: which document, where in it, and its text."""

    symbol: str | None
    """Symbol of the document."""
    name: str
    """File name of the document in the corpus folder."""
    date: dt.date | None
    """Date of the document."""
    paragraph: int
    """Zero-based index of the paragraph in its document."""
    number: str | None
    """Printed operative number of the paragraph, where any."""
    kind: ParagraphKind
    """The paragraph's role (preambular, operative, ...)."""
    text: str
    """The paragraph's display text."""

    @property
    def document(self) -> str:
        """The document's symbol, else its file name."""
        return self.symbol or self.name

    @classmethod
    def of(cls, paragraph: IndexedParagraph, **rest: Any) -> Self:
        """The value for an indexed paragraph, with the fields of ``cls`` beyond these in ``rest``."""
        return cls(
            symbol=paragraph.symbol,
            name=paragraph.name,
            date=paragraph.date,
            paragraph=paragraph.index,
            number=paragraph.number,
            kind=paragraph.kind,
            text=paragraph.text,
            **rest,
        )
