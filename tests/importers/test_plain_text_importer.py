"""Plain text: encodings, paragraphs, the unix-time header, titles, and text kept verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.core.errors import ImportFailure
from byline.core.model import BlockKind
from byline.importers import parse_file

ARTICLE = (
    "Officer quits\n\n"
    "“We were dirty and tired,” the official told CNN.\n"
    "He went to his commander.\n\n"
    "Britain’s agency said some refused — “it’s over”, he said.\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "encoded",
    [
        ARTICLE.encode("utf-8"),
        b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),  # with BOM
        ARTICLE.encode("cp1252"),
        ARTICLE.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "cp1252", "crlf"],
)
def test_every_supported_encoding_gives_the_same_text(tmp_path: Path, encoded: bytes) -> None:
    doc = parse_file(write(tmp_path, "a.txt", encoded))
    assert doc.text == (
        "Officer quits\n\n"
        "“We were dirty and tired,” the official told CNN. He went to his commander.\n\n"
        "Britain’s agency said some refused — “it’s over”, he said."
    )
    assert doc.title == "Officer quits"
    assert doc.format == "text"
    assert doc.source_name == "a.txt"


def test_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    doc = parse_file(write(tmp_path, "a.txt", ARTICLE.encode("utf-16-le")))
    assert doc.title == "Officer quits"


def test_blocks_are_paragraphs_at_blank_lines_with_exact_offsets(tmp_path: Path) -> None:
    doc = parse_file(write(tmp_path, "a.txt", ARTICLE.encode()))
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH] * 3
    assert [doc.text[b.start : b.end] for b in doc.blocks] == doc.text.split("\n\n")


def test_unix_time_header_gives_title_and_published_and_is_not_text(tmp_path: Path) -> None:
    raw = (
        "1653254935 EXCLUSIVE Russian official reveals how he risked everything to get\n\n"
        "EXCLUSIVE. Russian official reveals how he risked everything\n\n"
        "“I didn’t want to feel a part of it,” the official told CNN.\n"
    )
    doc = parse_file(write(tmp_path, "story.txt", raw.encode()))
    assert doc.title == "EXCLUSIVE Russian official reveals how he risked everything to get"
    assert doc.published == "2022-05-22T21:28:55+00:00"
    assert "1653254935" not in doc.text
    assert doc.text.startswith("EXCLUSIVE. Russian official")
    assert "“I didn’t want to feel a part of it,” the official told CNN." in doc.text


def test_short_first_line_is_title_and_stays_in_the_text(tmp_path: Path) -> None:
    doc = parse_file(write(tmp_path, "notes.txt", b"Interview notes\n\nShe said yes.\n"))
    assert doc.title == "Interview notes"
    assert doc.text.startswith("Interview notes")
    assert doc.published is None


def test_long_first_line_falls_back_to_the_file_name(tmp_path: Path) -> None:
    first = "word " * 60
    doc = parse_file(write(tmp_path, "council-meeting.txt", (first + "\n\nMore.").encode()))
    assert doc.title == "council-meeting"
    assert doc.text.startswith("word word")


def test_a_number_at_the_start_of_an_ordinary_line_is_not_a_timestamp(tmp_path: Path) -> None:
    doc = parse_file(write(tmp_path, "a.txt", b"2024 budget vote\n\nText."))
    assert doc.title == "2024 budget vote"
    assert doc.published is None
    assert doc.text.startswith("2024 budget vote")


def test_invalid_utf8_does_not_crash_and_keeps_the_rest(tmp_path: Path) -> None:
    raw = "“Quoted,” she said. ".encode() * 20 + b"\xff\xfe broken \xc3\n\nEnd."
    doc = parse_file(write(tmp_path, "bad.txt", raw))
    assert "“Quoted,” she said." in doc.text  # still read as UTF-8, not garbled as cp1252
    assert doc.text.endswith("End.")


def test_quotation_marks_and_punctuation_are_kept_verbatim(tmp_path: Path) -> None:
    line = "\"Straight,\" 'single', «guillemets», „low“ — and ‘curly’… (sic) [sic]"
    doc = parse_file(write(tmp_path, "q.txt", f"Title\n\n{line}\n".encode()))
    assert line in doc.text


def test_binary_garbage_is_refused_with_a_plain_message(tmp_path: Path) -> None:
    path = write(tmp_path, "blob.txt", bytes(range(256)) * 40)
    with pytest.raises(ImportFailure, match=r"^blob\.txt .*binary"):
        parse_file(path)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match=r"^empty\.txt is empty"):
        parse_file(write(tmp_path, "empty.txt", b""))


def test_whitespace_only_file_has_no_text(tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match=r"^blank\.txt has no text"):
        parse_file(write(tmp_path, "blank.txt", b"  \n\n \t\n"))
