"""Made-up comparisons built by hand, to test renderers on every status, flag and hostile text.

None of this wording comes from a real UN document; the symbols are made up (``S/MADEUP/...``).
"""

from __future__ import annotations

import datetime as dt

from prstdiff.model import (
    Comparison,
    Document,
    DocumentKind,
    Op,
    Pair,
    Paragraph,
    ParagraphKind,
    Phrase,
    Stats,
    Status,
    WordOp,
)

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMAGE = '"><img src=x onerror=alert(1)>'


def _document(
    symbol: str, day: dt.date, meeting: int, texts: list[tuple[str | None, str]]
) -> Document:
    paragraphs = tuple(
        Paragraph(
            index=index,
            kind=ParagraphKind.OPERATIVE if number else ParagraphKind.PREAMBULAR,
            number=number,
            text=text,
        )
        for index, (number, text) in enumerate(texts)
    )
    return Document(
        symbol=symbol,
        kind=DocumentKind.RESOLUTION,
        date=day,
        meeting=meeting,
        item="Made-up agenda item on the <b>renderer</b> & its tests",
        title=None,
        vote=None,
        citations=(),
        paragraphs=paragraphs,
    )


def _words(texts: list[str]) -> int:
    return sum(len(text.split()) for text in texts)


def madeup_comparison() -> Comparison:
    """A made-up pair of resolutions showing every status and flag once."""
    old = _document(
        "S/MADEUP/1 (2030)",
        dt.date(2030, 1, 29),
        9001,
        [
            (None, "Noting the made-up report on widgets,"),
            (None, "Stressing that gadgets matter to everyone,"),
            ("1", "Decides to extend the made-up mandate until 31 January 2031;"),
            ("2", "Requests a report on sprockets and a report on cogs;"),
            ("3", "Urges the parties to tidy the workshop;"),
            ("4", "Decides to remain seized of the matter."),
        ],
    )
    new = _document(
        "S/MADEUP/2 (2030)",
        dt.date(2030, 7, 30),
        9101,
        [
            (None, "Stressing that gadgets matter to everyone,"),
            (None, "Noting the made-up report on widgets,"),
            ("1", "Decides to extend the made-up mandate until 31 July 2031;"),
            ("2", "Requests a report on sprockets;"),
            ("3", "Requests a report on cogs;"),
            ("4", "Welcomes the new made-up bicycle shed [with brackets] and *stars* in it;"),
            ("5", "Decides to remain seized of the matter."),
        ],
    )
    pairs = (
        Pair(Status.REUSED, (1,), (0,), 1.0, moved=True),
        Pair(Status.REUSED, (0,), (1,), 1.0),
        Pair(
            Status.ALTERED,
            (2,),
            (2,),
            0.82,
            ops=(
                WordOp(Op.EQUAL, "Decides to extend the made-up mandate until 31 "),
                WordOp(Op.DELETE, "January"),
                WordOp(Op.INSERT, "July"),
                WordOp(Op.EQUAL, " 2031;"),
            ),
        ),
        Pair(
            Status.ALTERED,
            (3,),
            (3, 4),
            0.71,
            split=True,
            ops=(
                WordOp(Op.EQUAL, "Requests a report on sprockets"),
                WordOp(Op.DELETE, " and a report on cogs;"),
                WordOp(Op.INSERT, "; Requests a report on cogs;"),
            ),
        ),
        Pair(Status.DROPPED, (4,), (), None),
        Pair(
            Status.NEW,
            (),
            (5,),
            None,
            phrases=(Phrase("the made-up mandate", 2, 3, 2),),
        ),
        Pair(Status.REUSED, (5,), (6,), 1.0),
    )
    new_texts = [p.text for p in new.paragraphs]
    old_texts = [p.text for p in old.paragraphs]
    stats = Stats(
        reused=3,
        altered=2,
        new=1,
        dropped=1,
        moved=1,
        split=1,
        merged=0,
        new_words=_words(new_texts),
        old_words=_words(old_texts),
        words_reused=_words([new_texts[0], new_texts[1], new_texts[6]]),
        words_altered=_words(new_texts[2:5]),
        words_new=_words([new_texts[5]]),
        words_dropped=_words([old_texts[4]]),
    )
    return Comparison(old=old, new=new, pairs=pairs, stats=stats)


def madeup_xss_comparison() -> Comparison:
    """A made-up pair whose texts try to inject markup into the HTML report."""
    hostile = f"Condemns the made-up tag {XSS_SCRIPT} and the attribute {XSS_IMAGE} alike;"
    old = _document(
        f"S/MADEUP/3 {XSS_SCRIPT}",
        dt.date(2031, 2, 1),
        9201,
        [("1", "Condemns the made-up tag and the attribute alike;"), ("2", XSS_IMAGE)],
    )
    new = _document(
        f"S/MADEUP/4 {XSS_IMAGE}",
        dt.date(2031, 3, 1),
        9202,
        [("1", hostile), ("2", XSS_SCRIPT)],
    )
    pairs = (
        Pair(
            Status.ALTERED,
            (0,),
            (0,),
            0.6,
            ops=(
                WordOp(Op.EQUAL, "Condemns the made-up tag "),
                WordOp(Op.INSERT, f"{XSS_SCRIPT} "),
                WordOp(Op.EQUAL, "and the attribute "),
                WordOp(Op.INSERT, f"{XSS_IMAGE} "),
                WordOp(Op.EQUAL, "alike;"),
            ),
        ),
        Pair(Status.DROPPED, (1,), (), None),
        Pair(Status.NEW, (), (1,), None, phrases=(Phrase(XSS_SCRIPT, 0, 1, 0),)),
    )
    new_texts = [p.text for p in new.paragraphs]
    stats = Stats(
        reused=0,
        altered=1,
        new=1,
        dropped=1,
        moved=0,
        split=0,
        merged=0,
        new_words=_words(new_texts),
        old_words=_words([p.text for p in old.paragraphs]),
        words_reused=0,
        words_altered=_words(new_texts[:1]),
        words_new=_words(new_texts[1:]),
        words_dropped=1,
    )
    return Comparison(old=old, new=new, pairs=pairs, stats=stats)
