"""The registry: choosing a format from bytes, limits, misnamed files, folder walking."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.core.errors import ImportFailure
from byline.importers import (
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    iter_importable,
    parse_file,
    sniff_format,
)


def test_format_is_sniffed_from_bytes_not_the_extension(tmp_path: Path) -> None:
    assert sniff_format(tmp_path / "x.txt", b"%PDF-1.7\n...") == "pdf"
    assert sniff_format(tmp_path / "x.txt", b"<!DOCTYPE html><html><body>") == "html"
    assert sniff_format(tmp_path / "x.txt", b"\xef\xbb\xbf<!-- saved -->\n<html lang=en>") == "html"
    assert sniff_format(tmp_path / "x.txt", b"Just words.") == "text"
    assert sniff_format(tmp_path / "x.bin", b"\x00\x01\x02\x03" * 100) is None


def test_extension_only_breaks_ties_between_text_formats(tmp_path: Path) -> None:
    assert sniff_format(tmp_path / "x.md", b"# Heading\n\nText") == "markdown"
    assert sniff_format(tmp_path / "x.txt", b"# Heading\n\nText") == "text"
    assert sniff_format(tmp_path / "x.html", b"<p>fragment</p>") == "html"


def test_text_named_pdf_is_refused_as_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_text("This is not a PDF at all.")
    with pytest.raises(ImportFailure, match=r"^report\.pdf is named \.pdf but is not a PDF"):
        parse_file(path)


def test_docx_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "memo.docx"
    path.write_text("plain words")
    with pytest.raises(ImportFailure, match=r"^memo\.docx is named \.docx but is not a Word"):
        parse_file(path)


def test_old_word_file_gets_a_hint_to_save_as_docx(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ImportFailure, match=r"save it as \.docx"):
        parse_file(path)


def test_too_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: costs no disk
    assert path.stat().st_size > MAX_FILE_BYTES
    with pytest.raises(ImportFailure) as info:
        parse_file(path)
    assert str(info.value) == "huge.txt is 60 MB; Byline opens documents up to 50 MB."


def test_missing_file_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match=r"^gone\.txt does not exist"):
        parse_file(tmp_path / "gone.txt")


def test_binary_file_of_unknown_type_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    with pytest.raises(ImportFailure, match=r"^photo\.jpg is not a document Byline can read"):
        parse_file(path)


def test_error_messages_are_one_line(tmp_path: Path) -> None:
    path = tmp_path / "e.txt"
    path.write_bytes(b"")
    with pytest.raises(ImportFailure) as info:
        parse_file(path)
    assert "\n" not in str(info.value)


def test_folders_are_walked_sorted_skipping_hidden_and_unsupported(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in [
        "b/2.txt",
        "a/z.md",
        "a/y.pdf",
        "top.html",
        "a/.hidden.txt",
        ".git/x.txt",
        "a/photo.jpg",
        "notes.TXT",
    ]:
        (tmp_path / rel).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_importable([tmp_path])]
    assert found == ["notes.TXT", "top.html", "a/y.pdf", "a/z.md", "b/2.txt"]


def test_files_given_by_name_are_yielded_as_given(tmp_path: Path) -> None:
    odd = tmp_path / "odd.xyz"
    odd.write_text("x")
    assert list(iter_importable([odd])) == [odd]


def test_supported_suffixes_cover_every_format() -> None:
    for suffix in [".txt", ".md", ".html", ".htm", ".pdf", ".epub", ".docx"]:
        assert suffix in SUPPORTED_SUFFIXES


def test_importer_tests_run_without_network() -> None:
    import socket

    with pytest.raises(AssertionError, match="network"):
        socket.socket()
