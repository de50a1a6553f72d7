"""Notable edits in every renderer: the line under a pair, the summary, the HTML marks."""

from __future__ import annotations

import dataclasses
import re

from prstdiff.model import Comparison, Direction, NotableEdit, NotableKind, Status
from prstdiff.render import RenderOptions, html, markdown, text
from prstdiff.render.notable import describe, kind_counts, summary

from .madeup import XSS_IMAGE, XSS_SCRIPT

MANDATE_LINE = "notable: date: 31 July 2021 → 31 January 2022"
REAL_SUMMARY = (
    "mandate extended to 31 January 2022; 6 formulas changed; 4 qualifiers stronger, 7 weaker; "
    "1 negation added, 2 removed; 5 dates changed, 5 added; 1 number changed; "
    "5 citations added, 6 removed"
)


def test_each_kind_reads_as_one_labelled_note() -> None:
    assert describe(NotableEdit(NotableKind.DATE, "90 days", "120 days")) == (
        "date: 90 days → 120 days"
    )
    assert describe(NotableEdit(NotableKind.CHARTER, "Chapter VII", "Chapter VIII")) == (
        "Charter: Chapter VII → Chapter VIII"
    )
    assert describe(
        NotableEdit(NotableKind.QUALIFIER, "as appropriate", None, Direction.STRONGER)
    ) == ("qualifier removed (stronger): as appropriate")
    assert describe(
        NotableEdit(NotableKind.FORMULA, "condemns", "strongly condemns", Direction.STRONGER)
    ) == ("formula stronger: condemns → strongly condemns")


def test_real_pair_summary_leads_with_the_mandate(real_comparison: Comparison) -> None:
    assert summary(real_comparison) == REAL_SUMMARY
    edits = [edit for pair in real_comparison.pairs for edit in pair.notable]
    # S/RES/2561 OP 10 split into S/RES/2587 OP 11 and OP 12 keeps "Expresses serious concern":
    # no formula change and no qualifier dropped there.
    assert kind_counts(edits) == {
        NotableKind.FORMULA: 6,
        NotableKind.QUALIFIER: 11,
        NotableKind.NEGATION: 3,
        NotableKind.DATE: 10,
        NotableKind.NUMBER: 1,
        NotableKind.CITATION: 11,
        NotableKind.CHARTER: 0,
    }


def test_terminal_shows_a_line_under_the_pair_and_the_summary(
    real_comparison: Comparison,
) -> None:
    output = text.render(real_comparison, RenderOptions(width=400))
    lines = output.splitlines()
    mandate = next(i for i, line in enumerate(lines) if "ending on 31 [-July 2021;-]" in line)
    assert lines[mandate + 1] == "    " + MANDATE_LINE
    assert f"Notable edits: {REAL_SUMMARY}." in lines


def test_markdown_shows_the_notable_line_and_summary(real_comparison: Comparison) -> None:
    output = markdown.render(real_comparison, RenderOptions())
    assert "*Notable:* date: 31 July 2021 → 31 January 2022\n" in output
    assert f"**Notable edits:** {REAL_SUMMARY}.\n" in output


def test_html_marks_each_edit_with_its_label_and_counts_the_pairs(
    real_comparison: Comparison,
) -> None:
    page = html.render(real_comparison, RenderOptions())
    assert f"<strong>Notable edits:</strong> {REAL_SUMMARY}." in page
    notable_pairs = sum(1 for pair in real_comparison.pairs if pair.notable)
    assert f"Notable edits only ({notable_pairs})" in page
    assert page.count('data-notable="true"') == notable_pairs
    assert (
        '<mark class="notable notable-date" data-kind="date"><span class="notable-label">date'
        "</span> 31 July 2021 → 31 January 2022</mark>"
    ) in page
    marks = re.findall(r'<mark class="notable notable-(\w+)', page)
    assert len(marks) == sum(len(pair.notable) for pair in real_comparison.pairs)


def test_hostile_wording_of_a_notable_edit_is_escaped(madeup: Comparison) -> None:
    hostile = NotableEdit(NotableKind.CITATION, XSS_SCRIPT, XSS_IMAGE)
    pairs = tuple(
        dataclasses.replace(pair, notable=(hostile,)) if pair.status is Status.ALTERED else pair
        for pair in madeup.pairs
    )
    page = html.render(dataclasses.replace(madeup, pairs=pairs), RenderOptions())
    assert XSS_SCRIPT not in page and XSS_IMAGE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
