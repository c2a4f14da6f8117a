"""PDF: paragraphs rebuilt from lines, hyphenation undone, running headers dropped, and plain
errors for scanned, encrypted and damaged files. The PDFs are drawn with reportlab."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from byline.core.errors import ImportFailure
from byline.core.model import BlockKind
from byline.importers import parse_file

PAGE_ONE = [
    ("Council passes budget", 20),
    "",
    "The council passed the budget on Tuesday after a long infor-",
    "mation session that ran late into the night. The well-known",
    "member said it was fine.",
    "",
    "“We will appeal,” said Ana Ruiz, who leads the opposition",
    "group on the council.",
]
PAGE_TWO = [
    "The vote was 12 to 9, with two members absent from the",
    "chamber for the final reading.",
]


def draw_pdf(
    path: Path,
    pages: list[list[str | tuple[str, int]]],
    *,
    title: str | None = None,
    author: str | None = None,
    **canvas_options: object,
) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4, **canvas_options)  # type: ignore[arg-type]
    if title:
        pdf.setTitle(title)
    if author:
        pdf.setAuthor(author)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 9)
        pdf.drawString(72, 800, "The Daily — Budget report")
        y = 760.0
        for line in lines:
            if line == "":
                y -= 10
                continue
            text, size = line if isinstance(line, tuple) else (line, 11)
            pdf.setFont("Helvetica", size)
            pdf.drawString(72, y, text)
            y -= size + 3
        pdf.setFont("Helvetica", 9)
        pdf.drawString(290, 40, str(number))
        pdf.showPage()
    pdf.save()
    return path


def test_lines_become_paragraphs_with_hyphenation_undone(tmp_path: Path) -> None:
    doc = parse_file(draw_pdf(tmp_path / "report.pdf", [PAGE_ONE, PAGE_TWO]))
    assert doc.format == "pdf"
    paragraphs = [doc.text[b.start : b.end] for b in doc.blocks]
    assert paragraphs == [
        "Council passes budget",
        "The council passed the budget on Tuesday after a long information session that ran "
        "late into the night. The well-known member said it was fine.",
        "“We will appeal,” said Ana Ruiz, who leads the opposition group on the council.",
        "The vote was 12 to 9, with two members absent from the chamber for the final reading.",
    ]
    assert doc.blocks[0].kind is BlockKind.HEADING


def test_running_header_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    doc = parse_file(draw_pdf(tmp_path / "report.pdf", [PAGE_ONE, PAGE_TWO, PAGE_TWO]))
    assert "The Daily — Budget report" not in doc.text
    assert not any(doc.text[b.start : b.end].isdigit() for b in doc.blocks)


def test_title_and_author_come_from_metadata(tmp_path: Path) -> None:
    path = draw_pdf(tmp_path / "r.pdf", [PAGE_ONE], title="Budget report", author="Ana Ruiz")
    doc = parse_file(path)
    assert doc.title == "Budget report"
    assert doc.author == "Ana Ruiz"


def test_without_metadata_the_first_heading_is_the_title(tmp_path: Path) -> None:
    doc = parse_file(draw_pdf(tmp_path / "r.pdf", [PAGE_ONE]))
    assert doc.title == "Council passes budget"  # not reportlab's "(anonymous)" placeholder
    assert doc.author is None


def test_file_name_in_the_title_metadata_is_ignored(tmp_path: Path) -> None:
    path = draw_pdf(tmp_path / "r.pdf", [PAGE_ONE], title="Microsoft Word - draft3.docx")
    assert parse_file(path).title == "Council passes budget"


def test_pdf_without_text_layer_is_reported_as_scanned(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(72, 72, 400, 600, fill=1)  # a picture of a page, no text
    pdf.showPage()
    pdf.save()
    with pytest.raises(ImportFailure) as info:
        parse_file(path)
    message = str(info.value)
    assert message.startswith("scan.pdf")
    assert "This PDF has no text layer (it looks scanned); Byline can't read images of text." in (
        message
    )


def test_truncated_pdf_gives_a_plain_error(tmp_path: Path) -> None:
    whole = draw_pdf(tmp_path / "whole.pdf", [PAGE_ONE]).read_bytes()
    path = tmp_path / "broken.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(ImportFailure, match=r"^broken\.pdf "):
        parse_file(path)


def test_pdf_with_a_broken_cross_reference_table_is_repaired(tmp_path: Path) -> None:
    whole = draw_pdf(tmp_path / "whole.pdf", [PAGE_ONE]).read_bytes()
    head, _, _ = whole.rpartition(b"startxref")
    path = tmp_path / "badxref.pdf"
    path.write_bytes(head + b"startxref\n12\n%%EOF\n")
    assert "We will appeal" in parse_file(path).text


def test_password_protected_pdf_is_refused_plainly(tmp_path: Path) -> None:
    path = draw_pdf(tmp_path / "locked.pdf", [PAGE_ONE], encrypt="secret")
    with pytest.raises(ImportFailure, match=r"^locked\.pdf is password-protected"):
        parse_file(path)


def test_pdf_locked_only_against_editing_opens(tmp_path: Path) -> None:
    lock = StandardEncryption("", ownerPassword="owner", canPrint=0, canCopy=0)
    path = draw_pdf(tmp_path / "nocopy.pdf", [PAGE_ONE], encrypt=lock)
    assert "We will appeal" in parse_file(path).text


def test_typeset_justified_paragraphs_come_back_whole(tmp_path: Path) -> None:
    words = [
        "council",
        "budget",
        "vote",
        "member",
        "opposition",
        "mayor",
        "statement",
        "chamber",
        "reading",
    ]
    paragraphs = [
        " ".join(words[(i * 7 + j) % len(words)] for j in range(25 + 9 * (i % 6))).capitalize()
        + (", said Ana Ruiz." if i % 3 == 0 else ".")
        for i in range(18)
    ]
    styles = getSampleStyleSheet()
    spaced = ParagraphStyle("spaced", parent=styles["BodyText"], alignment=4, spaceAfter=6)
    indented = ParagraphStyle(
        "indented", parent=styles["BodyText"], alignment=4, firstLineIndent=18, spaceAfter=0
    )
    story = [Paragraph("Annual report", styles["Title"])]
    story += [Paragraph(p, spaced if i < 9 else indented) for i, p in enumerate(paragraphs)]

    def footer(pdf: canvas.Canvas, doc: SimpleDocTemplate) -> None:
        pdf.setFont("Helvetica", 8)
        pdf.drawString(72, 30, f"Council report — page {doc.page}")

    path = tmp_path / "typeset.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=footer, onLaterPages=footer)
    doc = parse_file(path)
    assert [doc.text[b.start : b.end] for b in doc.blocks] == ["Annual report", *paragraphs]
