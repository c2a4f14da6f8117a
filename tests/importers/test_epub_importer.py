"""EPUB: chapters in spine order, metadata from the package, zip bombs refused unopened."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from ebooklib import epub

from byline.core.errors import ImportFailure
from byline.core.model import BlockKind
from byline.importers import parse_file


def build_epub(path: Path) -> Path:
    book = epub.EpubBook()
    book.set_identifier("byline-test-1")
    book.set_title("The Long Vote")
    book.set_language("en")
    book.add_author("Ana Ruiz")
    book.add_metadata("DC", "date", "2023-04-01")
    book.add_metadata("DC", "publisher", "Daily Books")
    one = epub.EpubHtml(title="One", file_name="one.xhtml", lang="en")
    one.content = (
        "<h1>Chapter One</h1><p>“It began in March,” she said.</p>"
        "<script>document.write('SCRIPT-TEXT')</script>"
        "<img src='https://tracker.example/pixel.png' alt='PIXEL-ALT'/>"
    )
    two = epub.EpubHtml(title="Two", file_name="two.xhtml", lang="en")
    two.content = (
        "<h1>Chapter Two</h1><ol><li>First vote</li><li>Second vote</li></ol>"
        "<blockquote><p>“Never again,” the mayor wrote.</p></blockquote>"
    )
    # Added to the manifest in the wrong order: only the spine decides reading order.
    book.add_item(two)
    book.add_item(one)
    book.toc = (one, two)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", one, two]
    epub.write_epub(str(path), book)
    return path


def test_chapters_are_read_in_spine_order_with_structure(tmp_path: Path) -> None:
    doc = parse_file(build_epub(tmp_path / "vote.epub"))
    assert doc.format == "epub"
    assert [(b.kind, doc.text[b.start : b.end], b.level, b.ordered) for b in doc.blocks] == [
        (BlockKind.HEADING, "Chapter One", 1, False),
        (BlockKind.PARAGRAPH, "“It began in March,” she said.", 0, False),
        (BlockKind.HEADING, "Chapter Two", 1, False),
        (BlockKind.LIST_ITEM, "First vote", 1, True),
        (BlockKind.LIST_ITEM, "Second vote", 1, True),
        (BlockKind.BLOCKQUOTE, "“Never again,” the mayor wrote.", 0, False),
    ]


def test_scripts_images_and_navigation_are_left_out(tmp_path: Path) -> None:
    doc = parse_file(build_epub(tmp_path / "vote.epub"))
    assert "SCRIPT-TEXT" not in doc.text
    assert "PIXEL-ALT" not in doc.text
    assert doc.text.count("Chapter One") == 1  # not repeated by the table of contents


def test_metadata_comes_from_the_package(tmp_path: Path) -> None:
    doc = parse_file(build_epub(tmp_path / "vote.epub"))
    assert doc.title == "The Long Vote"
    assert doc.author == "Ana Ruiz"
    assert doc.outlet == "Daily Books"
    assert doc.published == "2023-04-01"


def test_zip_bomb_is_refused_before_decompressing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", "<container/>")
        archive.writestr("zeros.xhtml", b"\0" * (20 * 1024 * 1024), zipfile.ZIP_DEFLATED)
    with pytest.raises(ImportFailure, match=r"^bomb\.epub would unpack to 20 MB"):
        parse_file(path)


def test_members_with_escaping_paths_are_never_written_out(tmp_path: Path) -> None:
    (tmp_path / "book").mkdir()
    path = build_epub(tmp_path / "book" / "vote.epub")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("../../escaped.txt", "should never appear on disk")
    parse_file(path)
    assert not list(tmp_path.rglob("escaped.txt"))


def test_truncated_epub_gives_a_plain_error(tmp_path: Path) -> None:
    whole = build_epub(tmp_path / "whole.epub").read_bytes()
    path = tmp_path / "cut.epub"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ImportFailure, match=r"^cut\.epub "):
        parse_file(path)
