"""The Markdown redline: golden output of a real pair, escaping, and the redline marks."""

from __future__ import annotations

from collections.abc import Callable

from prstdiff.model import Comparison
from prstdiff.render import RenderOptions
from prstdiff.render.markdown import escape, render


def test_real_pair_matches_the_golden_file(
    real_comparison: Comparison, golden: Callable[[str, str], None]
) -> None:
    golden("S_RES_2561_2021-S_RES_2587_2021.md", render(real_comparison, RenderOptions()))


def test_real_pair_redlines_the_mandate_extension(real_comparison: Comparison) -> None:
    output = render(real_comparison, RenderOptions(only_changes=True))
    assert output.startswith("# S/RES/2561 (2021) → S/RES/2587 (2021)\n")
    assert "| Date | 29 January 2021 | 29 July 2021 |" in output
    assert "ending on 31 ~~July 2021;~~ **January 2022;**" in output
    assert "#### **=" not in output  # reused, unmoved pairs are left out


def test_made_up_pair_reads_as_a_redline(madeup: Comparison) -> None:
    output = render(madeup, RenderOptions())
    assert "Decides to extend the made-up mandate until 31 ~~January~~ **July** 2031;" in output
    assert (
        "#### **- dropped** · ¶5 OP 3 → —\n\n~~Urges the parties to tidy the workshop;~~" in output
    )
    assert (
        "**Welcomes the new made-up bicycle shed \\[with brackets\\] and \\*stars\\* in it;**"
        in output
    )
    assert "#### **= reused** · ¶2 → ¶1 · moved from ¶2" in output
    assert (
        "| Agenda item | Made-up agenda item on the \\<b\\>renderer\\</b\\> & its tests |" in output
    )
    assert "> 3 words also in old ¶3: “the made-up mandate”" in output


def test_escape_neutralises_markdown_formatting() -> None:
    assert escape("a *b* _c_ `d` [e](f) <g> ~~h~~ | i") == (
        "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> \\~\\~h\\~\\~ \\| i"
    )
    assert escape("# not a heading") == "\\# not a heading"
    assert escape("- not a list") == "\\- not a list"
    assert escape("1. not a list") == "\\1. not a list"
    assert escape("Bosnia & Herzegovina &amp;") == "Bosnia & Herzegovina \\&amp;"
    assert escape("two\nlines") == "two lines"
