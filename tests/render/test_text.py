"""The terminal renderer: golden output of a real pair, and every status on a made-up pair."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from rich.cells import cell_len

from prstdiff.model import Comparison
from prstdiff.render import RenderOptions, text
from prstdiff.render.text import ordinal, render

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_real_pair_matches_the_golden_file(
    real_comparison: Comparison, golden: Callable[[str, str], None]
) -> None:
    golden("S_RES_2561_2021-S_RES_2587_2021.txt", render(real_comparison, RenderOptions(width=100)))


def test_real_pair_shows_the_mandate_extension_as_a_word_change(
    real_comparison: Comparison,
) -> None:
    output = render(real_comparison, RenderOptions(width=100))
    assert "--- S/RES/2561 (2021), 29 January 2021" in output
    assert "+++ S/RES/2587 (2021), 29 July 2021, 8827th meeting" in output
    assert "ending on 31 [-July 2021;-]{+January 2022;+}" in output
    assert (
        "Welcoming the report of the Secretary-General of [-10 January-] {+9 July+} 2021" in output
    )
    assert "\x1b[" not in output
    assert all(len(line) <= 100 for line in output.splitlines())
    assert output.rstrip().endswith("% new.")


def test_every_status_and_flag_is_marked_without_colour(madeup: Comparison) -> None:
    output = render(madeup, RenderOptions(width=100))
    blocks = output.split("\n\n")
    assert blocks[0] == (
        "--- S/MADEUP/1 (2030), 29 January 2030, 9001st meeting, 6 paragraphs\n"
        "+++ S/MADEUP/2 (2030), 30 July 2030, 9101st meeting, 7 paragraphs"
    )
    assert blocks[1] == (
        "= reused       ¶2 → ¶1  moved from ¶2\n    Stressing that gadgets matter to everyone,"
    )
    assert blocks[3] == (
        "~ altered 0.82 ¶3 OP 1 → ¶3 OP 1\n"
        "    Decides to extend the made-up mandate until 31 [-January-]{+July+} 2031;"
    )
    assert blocks[4].startswith("~ altered 0.71 ¶4 OP 2 → ¶4 OP 2 + ¶5 OP 3  split into 2\n")
    assert blocks[5] == "- dropped      ¶5 OP 3 → —\n    Urges the parties to tidy the workshop;"
    assert blocks[6] == (
        "+ new          — → ¶6 OP 4\n"
        "    Welcomes the new made-up bicycle shed [with brackets] and *stars* in it;\n"
        "    ↳ 3 words also in old ¶3: “the made-up mandate”"
    )
    assert blocks[-1] == (
        "Summary: 3 reused, 2 altered, 1 new, 1 dropped (1 moved, 1 split, 0 merged); 37% of the "
        "new text's\nwords reused (19 of 51), 39% altered, 24% new.\n"
    )


def test_only_changes_hides_reused_pairs_that_did_not_move(madeup: Comparison) -> None:
    output = render(madeup, RenderOptions(width=100, only_changes=True))
    assert "¶2 → ¶1  moved from ¶2" in output  # reused but moved: still a change
    assert "¶1 → ¶2" not in output
    assert "Decides to remain seized" not in output
    assert "Summary: 3 reused" in output  # statistics still count everything


def test_colour_strikes_deletions_in_red_and_shows_insertions_in_green(madeup: Comparison) -> None:
    output = render(madeup, RenderOptions(width=100, color=True))
    assert "\x1b[9;31mJanuary\x1b[0m\x1b[32mJuly\x1b[0m" in output
    assert "[-" not in output
    plain = ANSI.sub("", output)
    assert "until 31 JanuaryJuly 2031;" in plain


def test_text_wraps_to_the_width_with_an_indent(madeup: Comparison) -> None:
    output = render(madeup, RenderOptions(width=40))
    lines = output.splitlines()
    assert max(len(line) for line in lines) <= 40
    assert "    Welcomes the new made-up bicycle" in lines
    assert all(line == line.rstrip() for line in lines)


def test_ordinals_follow_english_usage() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 8782, 8827, 1102, 111)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "8782nd",
        "8827th",
        "1102nd",
        "111th",
    ]


def test_plain_output_is_what_rich_prints(real_comparison: Comparison, madeup: Comparison) -> None:
    for comparison in (real_comparison, madeup):
        for options in (RenderOptions(width=100), RenderOptions(width=41, only_changes=True)):
            blocks = list(text._blocks(comparison, options))
            assert render(comparison, options) == text._render_rich(blocks, options)


def test_wide_characters_are_wrapped_by_their_cells(madeup: Comparison) -> None:
    # Made-up: the new document's fourth paragraph in Chinese characters, two cells each.
    wide = "安全理事会" * 12
    paragraphs = list(madeup.new.paragraphs)
    paragraphs[5] = dataclasses.replace(paragraphs[5], text=wide)
    comparison = dataclasses.replace(
        madeup, new=dataclasses.replace(madeup.new, paragraphs=tuple(paragraphs))
    )
    output = render(comparison, RenderOptions(width=40))
    lines = [line for line in output.splitlines() if "安" in line]
    assert [cell_len(line) for line in lines] == [40, 40, 40, 4 + 2 * 60 - 3 * 36]
    assert "".join(line.strip() for line in lines) == wide
