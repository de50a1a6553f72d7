"""Series followed through the language (``series --from``): the lineage, not a text match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prstdiff.cli import app
from prstdiff.corpus.index import CorpusIndex
from prstdiff.corpus.series import find_indexed, follow_series, time_gaps

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT / "corpus"
# The UNFICYP renewals found by their renewal wording ("stationing in Cyprus of the ...") in the
# corpus notes, 1964-1993.
RENEWALS_OLD = {192, 194, 198, 201, 206, 219, 220, 222, 231, 238, 244, 247, 254, 261, 266, 274}
RENEWALS_OLD |= {281, 291, 293, 305, 315, 324, 334, 343, 349, 364, 370, 383, 391, 401, 410, 422}
RENEWALS_OLD |= {430, 443, 451, 458, 472, 482, 486, 495, 510, 526, 534, 544, 553, 559, 578, 585}
RENEWALS_OLD |= {597, 604, 614, 625, 634, 646, 657, 680, 682, 697, 723, 759, 796, 839, 889}
# The six-monthly renewals of 1995-1999 (the texts of those years may yet read differently).
RENEWALS_1990S = {1000, 1032, 1062, 1092, 1117, 1146, 1178, 1217, 1251, 1283}
# The renewals of 2000-2023, in order.
RENEWALS_NEW = [1303, 1331, 1354, 1384, 1416, 1442, 1486, 1517, 1548, 1568, 1604, 1642, 1687]
RENEWALS_NEW += [1728, 1758, 1789, 1818, 1847, 1873, 1898, 1930, 1953, 1986, 2026, 2058, 2089]
RENEWALS_NEW += [2114, 2135, 2168, 2197, 2234, 2263, 2300, 2338, 2369, 2398, 2430, 2453, 2483]
RENEWALS_NEW += [2506, 2537, 2561, 2587, 2618, 2646, 2674]
# Cyprus resolutions that are not renewals: admission (1960), the 1974 crisis, 1983, Varosha
# (1977) and the good-offices mission (1998).
NOT_RENEWALS = {155, 186, 187, 353, 354, 355, 357, 358, 359, 360, 361, 365, 367, 414, 541, 1179}


def _number(symbol: str | None) -> int:
    assert symbol is not None and symbol.startswith("S/RES/")
    return int(symbol.removeprefix("S/RES/").split(" ")[0])


def test_unficyp_from_2674_lists_the_renewals_only_in_order(subset_index: CorpusIndex) -> None:
    start = find_indexed(subset_index, "", CORPUS / "S_RES_2674_2023.txt")
    followed = follow_series(subset_index, start)
    numbers = [_number(d.symbol) for d in followed.documents]
    dates = [d.date for d in followed.documents]
    assert all(d is not None for d in dates) and dates == sorted(dates)  # type: ignore[type-var]
    assert numbers == sorted(numbers)
    assert not set(numbers) & NOT_RENEWALS
    old = [n for n in numbers if n < 1000]
    assert set(old) <= RENEWALS_OLD and len(old) == 61
    assert {n for n in numbers if 1000 <= n < 1300} <= RENEWALS_1990S
    assert [n for n in numbers if n >= 1300] == RENEWALS_NEW


def test_unficyp_names_its_gaps(subset_index: CorpusIndex) -> None:
    followed = follow_series(subset_index, find_indexed(subset_index, "S/RES/2674 (2023)"))
    reasons = [gap.reason for gap in followed.gaps]
    # 192 (1964), the first renewal, is new language: 186 (1964) created the Force in other words.
    assert reasons[0] == (
        "the language stops before S/RES/192 (1964): no earlier document carries 15% of it "
        "(the most: S/RES/187 (1964), 6%)"
    )
    assert (
        "363 days between S/RES/559 (1984) and S/RES/578 (1985), where the series' usual step "
        "is 182 days: documents may be missing in between"
    ) in reasons
    # 2674 (2023) is the subset's last document: nothing later to look for.
    assert not any("stops after" in reason for reason in reasons)


# From S/PRST/2013/12 or 1809 (2008) the series holds 2033 (2012), 2167 (2014) and 2014/27 but
# not 2009/3 and 2010/1: a step forward follows the document carrying the most of a document's
# language, and 1809's is 2167 (2014), not 2009/3.
@pytest.mark.parametrize("start", ["S/PRST/2009/3", "S/PRST/2010/1"])
def test_the_regional_organizations_series_holds_2009_3(
    subset_index: CorpusIndex, start: str
) -> None:
    followed = follow_series(subset_index, find_indexed(subset_index, start))
    symbols = [d.symbol for d in followed.documents]
    assert "S/PRST/2009/3" in symbols
    assert symbols == [
        "S/RES/1809 (2008)",
        "S/PRST/2009/3",
        "S/PRST/2010/1",
        "S/RES/2033 (2012)",
        "S/PRST/2013/12",
        "S/RES/2167 (2014)",
        "S/PRST/2014/27",
    ]


def test_far_apart_steps_are_named_and_flagged() -> None:
    import datetime as dt

    gaps = time_gaps(
        [dt.date(1993, 12, 15), dt.date(2016, 1, 28), dt.date(2016, 7, 26)],
        ["S/RES/889 (1993)", "S/RES/2263 (2016)", "S/RES/2300 (2016)"],
    )
    assert len(gaps) == 1 and gaps[0].after == 0 and gaps[0].far_apart
    assert gaps[0].reason.startswith("8079 days (22.1 years) between S/RES/889 (1993) and")


def test_cli_series_from_a_file_warns_on_far_apart_steps_and_fits_the_width(
    subset_folder: Path, subset_report: object
) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app,
        ["series", str(subset_folder), "--from", "S/PRST/2009/3", "--width", "60"],
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Series of 7 documents"
    assert all(len(line) <= 60 for line in lines)
    assert "prstdiff: warning: far apart in time" not in result.stderr
    # --match keeps, of the followed documents, those whose subject mentions the text.
    matched = runner.invoke(
        app,
        [
            "series",
            str(subset_folder),
            "--from",
            str(CORPUS / "S_RES_2674_2023.txt"),
            "--match",
            "Cyprus",
            "-f",
            "json",
        ],
    )
    assert matched.exit_code == 0, matched.stderr
    data = json.loads(matched.stdout)
    assert data["documents"][-1]["document"]["symbol"] == "S/RES/2674 (2023)"
    assert data["gaps"][0]["reason"].startswith("the language stops before S/RES/192 (1964)")


def test_cli_series_by_symbols_far_apart_is_a_warning(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["series", str(CORPUS), "--symbols", "889 (1993),2263 (2016)", "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    assert "prstdiff: warning: far apart in time: 8079 days (22.1 years)" in result.stderr
