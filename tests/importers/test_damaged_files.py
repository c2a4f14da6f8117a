"""Damaged files of every format end in a plain ImportFailure naming the file, never in a
library's exception."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from ebooklib import epub
from reportlab.pdfgen import canvas

from byline.core.errors import ImportFailure
from byline.importers import parse_file

SENTENCE = "“We will appeal,” said Ana Ruiz, who leads the opposition group."


def make_pdf(path: Path) -> None:
    pdf = canvas.Canvas(str(path))
    for y in range(700, 500, -15):
        pdf.drawString(72, y, SENTENCE)
    pdf.showPage()
    pdf.save()


def make_epub(path: Path) -> None:
    book = epub.EpubBook()
    book.set_identifier("x")
    book.set_title("T")
    chapter = epub.EpubHtml(title="C", file_name="c.xhtml")
    chapter.content = f"<p>{SENTENCE}</p>" * 20
    book.add_item(chapter)
    book.spine = [chapter]
    epub.write_epub(str(path), book)


def make_docx(path: Path) -> None:
    document = docx.Document()
    for _ in range(20):
        document.add_paragraph(SENTENCE)
    document.save(str(path))


def make_html(path: Path) -> None:
    path.write_text(f"<!doctype html><html><body><article>{'<p>' + SENTENCE * 3}</article>")


BUILDERS: dict[str, Callable[[Path], None]] = {
    "story.pdf": make_pdf,
    "story.epub": make_epub,
    "story.docx": make_docx,
    "story.html": make_html,
}


def damaged_copies(data: bytes, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    copies = []
    for _ in range(12):
        copy = bytearray(data)
        if rng.random() < 0.5:
            copy = copy[: rng.randrange(1, len(copy))]
        else:
            for _ in range(rng.randint(1, 20)):
                copy[rng.randrange(len(copy))] = rng.randrange(256)
        copies.append(bytes(copy))
    return copies


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_damaged_copies_import_or_fail_plainly(tmp_path: Path, name: str) -> None:
    original = tmp_path / f"original-{name}"
    BUILDERS[name](original)
    target = tmp_path / name
    for data in damaged_copies(original.read_bytes(), seed=len(name)):
        target.write_bytes(data)
        try:
            parse_file(target)
        except ImportFailure as failure:
            message = str(failure)
            assert message.startswith(f"{name} ")
            assert "\n" not in message
