"""The HTML report: self-contained, escaped, deterministic, one row per pair, moved links."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from prstdiff.model import Comparison
from prstdiff.render import RenderOptions
from prstdiff.render.html import build_rows, environment, inline_asset, render

from .madeup import XSS_IMAGE, XSS_SCRIPT


class Elements(HTMLParser):
    """Collects the start tags of a page with their attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def parse(page: str) -> Elements:
    elements = Elements()
    elements.feed(page)
    return elements


def test_hostile_text_is_escaped_everywhere(madeup_xss: Comparison) -> None:
    page = render(madeup_xss, RenderOptions())
    elements = parse(page)
    assert [tag for tag, _ in elements.tags].count("script") == 1  # only our own
    assert not any(tag == "img" for tag, _ in elements.tags)
    assert not any(name.startswith("on") for _, attributes in elements.tags for name in attributes)
    assert XSS_SCRIPT not in page
    assert XSS_IMAGE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    text = "".join(elements.data)
    assert f"Condemns the made-up tag {XSS_SCRIPT} and the attribute {XSS_IMAGE} alike;" in text


def test_page_is_self_contained(real_comparison: Comparison) -> None:
    page = render(real_comparison, RenderOptions())
    elements = parse(page)
    for tag, attributes in elements.tags:
        for name in ("src", "href"):
            value = attributes.get(name)
            if value is not None:
                assert value.startswith("#") or value == "data:,", (tag, name, value)
    assert '<link rel="stylesheet"' not in page
    assert "@import" not in page
    assert "url(" not in page
    assert re.search(r"https?://", page) is None


def test_one_row_per_pair_with_deterministic_unique_ids(real_comparison: Comparison) -> None:
    page = render(real_comparison, RenderOptions())
    assert page == render(real_comparison, RenderOptions())
    elements = parse(page)
    pair_rows = [a for tag, a in elements.tags if tag == "article" and "pair" in (a["class"] or "")]
    assert all(a["id"] for a in pair_rows)
    assert len(pair_rows) == len(real_comparison.pairs)
    assert [a["id"] for a in pair_rows] == [
        f"pair-{n}" for n in range(1, len(real_comparison.pairs) + 1)
    ]
    assert [a["data-status"] for a in pair_rows] == [p.status for p in real_comparison.pairs]
    ids = [str(a["id"]) for _, a in elements.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    old_ids = {f"old-p{n}" for n in range(1, len(real_comparison.old.paragraphs) + 1)}
    new_ids = {f"new-p{n}" for n in range(1, len(real_comparison.new.paragraphs) + 1)}
    assert old_ids | new_ids <= set(ids)
    hrefs = {a.get("href") or "" for _, a in elements.tags}
    hrefs = {href for href in hrefs if href.startswith("#")}
    assert {href[1:] for href in hrefs} <= set(ids)  # every in-page link has a target


def test_header_and_summary_of_the_real_pair(real_comparison: Comparison) -> None:
    page = render(real_comparison, RenderOptions())
    assert "<title>S/RES/2561 (2021) → S/RES/2587 (2021) · prstdiff</title>" in page
    assert "<dt>Date</dt><dd>29 January 2021</dd>" in page
    assert "<dt>Meeting</dt><dd>8827th meeting</dd>" in page
    assert "ending on 31 <del>July 2021;</del>" in page
    assert "ending on 31 <ins>January 2022;</ins>" in page
    stats = real_comparison.stats
    assert f'<span class="count-value">{stats.altered}</span>' in page
    assert '<svg class="share-bar"' in page


def test_moved_pair_links_to_the_marker_where_it_stood(madeup: Comparison) -> None:
    rows = build_rows(madeup)
    assert [row.anchor for row in rows] == [
        "pair-1",
        "pair-2",
        "origin-1",
        "pair-3",
        "pair-4",
        "pair-5",
        "pair-6",
        "pair-7",
    ]
    page = render(madeup, RenderOptions())
    assert '<a class="flag flag-moved" href="#origin-1">' in page
    assert re.search(r'id="origin-1"[^>]*>.*?<a href="#pair-1">¶1</a>', page, re.S)


def test_only_changes_starts_the_page_filtered(madeup: Comparison) -> None:
    assert 'data-filter="all"' in render(madeup, RenderOptions())
    assert '<body data-view="side" data-filter="changes">' in render(
        madeup, RenderOptions(only_changes=True)
    )


def test_base_template_serves_other_pages() -> None:
    page = (
        environment()
        .from_string(
            '{% extends "base.html.j2" %}{% import "base.html.j2" as ui %}'
            "{% block title %}Index{% endblock %}"
            '{% block content %}{{ ui.badge("new", "+") }}{{ text }}{% endblock %}'
        )
        .render(text="<b>made-up</b>")
    )
    assert "<title>Index</title>" in page
    assert '<span class="badge badge-new">' in page
    assert "&lt;b&gt;made-up&lt;/b&gt;" in page
    assert ".share-bar" in page  # the CSS is inlined


def test_inline_asset_refuses_anything_but_template_assets() -> None:
    with pytest.raises(ValueError, match="not an asset"):
        inline_asset("../html.py")
    with pytest.raises(ValueError, match="not an asset"):
        inline_asset("report.html.j2")
