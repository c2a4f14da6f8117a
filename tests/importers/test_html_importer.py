"""Saved web pages: article text with structure, metadata, boilerplate left out, nothing fetched."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.core.errors import ImportFailure
from byline.core.model import BlockKind
from byline.importers import parse_file

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Council passes budget | The Daily</title>
<meta name="author" content="Ana Ruiz">
<meta property="og:site_name" content="The Daily">
<meta property="og:url" content="https://daily.example/og-url">
<link rel="canonical" href="https://daily.example/news/budget">
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
<script>var tracker = "TRACKER-SCRIPT";</script>
<style>body { color: red }</style>
<link rel="stylesheet" href="https://cdn.example/site.css">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport section</a></li></ul></nav>
<div class="advert">BUY NOW advertisement</div>
<article>
<h1>Council passes budget</h1>
<p>The council passed the budget on Tuesday after a long debate that ran late into the night
and left many members exhausted.</p>
<img src="https://tracker.example/pixel.gif" alt="PIXEL-ALT">
<h2>Reactions</h2>
<p>“We will appeal,” said Ana Ruiz, who leads the opposition group on the council and has
opposed the plan for months.</p>
<ul><li>Schools get more money than last year</li><li>Roads get less money than last year</li></ul>
<blockquote><p>“This is a fair budget for everyone in the city,” the mayor said.</p></blockquote>
<p>The vote was 12 to 9, with two members absent from the chamber for the final reading.</p>
</article>
<section class="comments" id="comments"><h3>Comments</h3>
<p class="comment">READER-COMMENT this is rubbish</p></section>
<footer>Copyright The Daily 2024 FOOTER-TEXT</footer>
</body></html>
"""


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_article_text_keeps_its_structure(tmp_path: Path) -> None:
    doc = parse_file(write(tmp_path, "budget.html", PAGE.encode()))
    assert doc.format == "html"
    kinds = [(b.kind, doc.text[b.start : b.end][:20]) for b in doc.blocks]
    assert kinds == [
        (BlockKind.HEADING, "Council passes budge"),
        (BlockKind.PARAGRAPH, "The council passed t"),
        (BlockKind.HEADING, "Reactions"),
        (BlockKind.PARAGRAPH, "“We will appeal,” sa"),
        (BlockKind.LIST_ITEM, "Schools get more mon"),
        (BlockKind.LIST_ITEM, "Roads get less money"),
        (BlockKind.BLOCKQUOTE, "“This is a fair budg"),
        (BlockKind.PARAGRAPH, "The vote was 12 to 9"),
    ]
    assert doc.blocks[0].level == 1 and doc.blocks[2].level == 2


def test_boilerplate_scripts_and_images_are_left_out(tmp_path: Path) -> None:
    doc = parse_file(write(tmp_path, "budget.html", PAGE.encode()))
    for unwanted in ["Sport section", "BUY NOW", "TRACKER-SCRIPT", "color: red",
                     "READER-COMMENT", "FOOTER-TEXT", "PIXEL-ALT", "tracker.example"]:  # fmt: skip
        assert unwanted not in doc.text


def test_metadata_comes_from_the_page(tmp_path: Path) -> None:
    doc = parse_file(write(tmp_path, "budget.html", PAGE.encode()))
    assert doc.title == "Council passes budget"
    assert doc.author == "Ana Ruiz"
    assert doc.outlet == "The Daily"
    assert doc.url == "https://daily.example/news/budget"  # canonical beats og:url
    assert doc.published == "2024-03-05T09:00:00+00:00"


def test_remote_resources_are_never_fetched(tmp_path: Path) -> None:
    # The autouse no_network fixture makes any socket raise; parsing must still succeed.
    doc = parse_file(write(tmp_path, "budget.html", PAGE.encode()))
    assert "We will appeal" in doc.text


def test_declared_legacy_charset_is_honoured(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    doc = parse_file(write(tmp_path, "legacy.htm", page.encode("cp1252")))
    assert "“We will appeal,” said Ana Ruiz" in doc.text


def test_page_without_an_article_falls_back_to_its_text(tmp_path: Path) -> None:
    doc = parse_file(write(tmp_path, "tiny.html", b"<html><body><p>Short note.</p></body></html>"))
    assert doc.text == "Short note."
    assert doc.title == "Short note."


def test_without_an_article_the_page_title_is_the_title(tmp_path: Path) -> None:
    page = b"<html><head><title>Minutes</title></head><body><p>Short note.</p></body></html>"
    assert parse_file(write(tmp_path, "m.html", page)).title == "Minutes"


def test_html_fragment_is_recognised_by_its_extension(tmp_path: Path) -> None:
    doc = parse_file(write(tmp_path, "frag.html", b"<p>Hello there.</p>"))
    assert doc.format == "html"
    assert doc.text == "Hello there."


def test_page_with_only_navigation_has_no_readable_text(tmp_path: Path) -> None:
    page = b"<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(ImportFailure, match=r"^empty\.html has no readable text"):
        parse_file(write(tmp_path, "empty.html", page))
