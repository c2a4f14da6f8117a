"""Word documents: headings, lists and quotes from styles and numbering; core properties."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from byline.core.errors import ImportFailure
from byline.core.model import BlockKind
from byline.importers import parse_file


def add_numbering(paragraph: docx.text.paragraph.Paragraph, num_id: int, ilvl: int) -> None:
    num_pr = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), str(ilvl))
    number = OxmlElement("w:numId")
    number.set(qn("w:val"), str(num_id))
    num_pr.append(level)
    num_pr.append(number)
    paragraph._p.get_or_add_pPr().append(num_pr)


def build_docx(path: Path, *, with_properties: bool = True) -> Path:
    document = docx.Document()
    if with_properties:
        document.core_properties.title = "Memo on the vote"
        document.core_properties.author = "Ana Ruiz"
    document.add_heading("Council vote", 0)
    document.add_heading("Background", 1)
    document.add_paragraph("The council met on “Tuesday” evening.")
    document.add_paragraph("Schools", style="List Bullet")
    document.add_paragraph("Roads", style="List Bullet 2")
    document.add_paragraph("Step one", style="List Number")
    # Numbering set on the paragraph itself (as Word does for "List Paragraph"); numId 5 is a
    # numbered list in python-docx's template, level 1 means the second nesting level.
    add_numbering(document.add_paragraph("Step one point one", style="List Paragraph"), 5, 1)
    document.add_paragraph("“We will appeal,” said Ana Ruiz.", style="Quote")
    document.add_paragraph("Never again.", style="Intense Quote")
    table = document.add_table(rows=2, cols=2)
    for (row, col), value in {
        (0, 0): "Party",
        (0, 1): "Votes",
        (1, 0): "Green",
        (1, 1): "12",
    }.items():
        table.cell(row, col).text = value
    document.add_paragraph("The end.")
    document.save(str(path))
    return path


def test_styles_become_headings_lists_and_quotes(tmp_path: Path) -> None:
    doc = parse_file(build_docx(tmp_path / "memo.docx"))
    assert doc.format == "docx"
    assert [(b.kind, doc.text[b.start : b.end], b.level, b.ordered) for b in doc.blocks] == [
        (BlockKind.HEADING, "Council vote", 1, False),
        (BlockKind.HEADING, "Background", 1, False),
        (BlockKind.PARAGRAPH, "The council met on “Tuesday” evening.", 0, False),
        (BlockKind.LIST_ITEM, "Schools", 1, False),
        (BlockKind.LIST_ITEM, "Roads", 2, False),
        (BlockKind.LIST_ITEM, "Step one", 1, True),
        (BlockKind.LIST_ITEM, "Step one point one", 2, True),
        (BlockKind.BLOCKQUOTE, "“We will appeal,” said Ana Ruiz.", 0, False),
        (BlockKind.BLOCKQUOTE, "Never again.", 0, False),
        (BlockKind.PARAGRAPH, "Party | Votes", 0, False),
        (BlockKind.PARAGRAPH, "Green | 12", 0, False),
        (BlockKind.PARAGRAPH, "The end.", 0, False),
    ]


def test_core_properties_give_title_and_author(tmp_path: Path) -> None:
    doc = parse_file(build_docx(tmp_path / "memo.docx"))
    assert doc.title == "Memo on the vote"
    assert doc.author == "Ana Ruiz"


def test_without_properties_the_title_style_is_the_title(tmp_path: Path) -> None:
    doc = parse_file(build_docx(tmp_path / "memo.docx", with_properties=False))
    assert doc.title == "Council vote"


def test_zip_that_is_not_a_word_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ImportFailure, match=r"^archive\.docx is named \.docx but is not a Word"):
        parse_file(path)


def test_word_document_missing_its_parts_gives_a_plain_error(tmp_path: Path) -> None:
    path = tmp_path / "hollow.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<not-really/>")
    with pytest.raises(ImportFailure, match=r"^hollow\.docx is damaged"):
        parse_file(path)


def test_zip_bomb_named_docx_is_refused_before_decompressing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (30 * 1024 * 1024))
    with pytest.raises(ImportFailure, match=r"^bomb\.docx would unpack to 30 MB"):
        parse_file(path)
