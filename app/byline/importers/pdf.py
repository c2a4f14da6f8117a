"""PDF files (pypdf): the text layer page by page, lines rebuilt into paragraphs (hyphenation at
line ends undone), running headers, footers and page numbers dropped."""

from __future__ import annotations

import contextlib
import io
import itertools
import logging
import re
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from byline.core.model import BlockKind, ParsedDocument
from byline.core.text import BlockText, assemble
from byline.importers.base import MAX_TITLE_CHARS, failure, meta_text, title_from_blocks

SCANNED_MESSAGE = "This PDF has no text layer (it looks scanned); Byline can't read images of text."

_SENTENCE_END = re.compile(r"[.!?:;…)\]\"”’»]$")
_HYPHENATED = re.compile(r"[^\W\d_][-\u00ad]$")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")
# Placeholders and file names that producers write where a title or author belongs.
_JUNK_TITLE = re.compile(
    r"^(?:\(?anonymous\)?|untitled.*|unknown|microsoft word - .*|.*\.(?:docx?|pdf|indd|odt|rtf))$",
    re.IGNORECASE,
)


class PdfImporter:
    format = "pdf"
    suffixes: tuple[str, ...] = (".pdf",)

    def sniff(self, head: bytes, path: Path) -> bool:
        # Readers accept the header anywhere in the first kilobyte, after a little junk.
        return b"%PDF-" in head[:1024]

    def parse(self, data: bytes, path: Path) -> ParsedDocument:
        return parse_pdf(data, path)


IMPORTER = PdfImporter()


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    x: float
    y: float
    size: float
    page: int


def parse_pdf(data: bytes, path: Path) -> ParsedDocument:
    """A PDF's text layer as paragraphs; title and author from its metadata when present."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not _unlock(reader):
                raise failure(
                    path,
                    "is password-protected; save an unprotected copy and import that.",
                )
            pages = [_page_lines(page, number) for number, page in enumerate(reader.pages)]
            info = reader.metadata
        except DependencyError:
            raise failure(
                path, "is encrypted in a way Byline cannot open; save an unprotected copy."
            ) from None
        except PdfReadError as exc:
            raise failure(path, "is damaged or incomplete; Byline cannot read this PDF.") from exc
    if not pages:
        raise failure(path, "is a PDF without any pages.")
    lines = _drop_running_lines(pages)
    if not any(line.text.strip() for line in lines):
        raise failure(path, f"— {SCANNED_MESSAGE}")
    blocks = list(_paragraphs(lines))
    text, offsets = assemble(blocks)
    title = _real_metadata(info.title) if info is not None else None
    author = _real_metadata(info.author) if info is not None else None
    return ParsedDocument(
        text=text,
        blocks=offsets,
        title=title or title_from_blocks(blocks, path),
        format="pdf",
        author=author,
        source_name=path.name,
    )


def _real_metadata(value: object) -> str | None:
    text = meta_text(value)
    return None if text is None or _JUNK_TITLE.match(text) else text


def _unlock(reader: Any) -> bool:
    """Opens a PDF encrypted with an empty user password (common for "no copying" PDFs)."""
    from pypdf import PasswordType

    return bool(reader.decrypt("") != PasswordType.NOT_DECRYPTED)


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    # pypdf logs every flaw it works around (as warnings and errors) in a damaged file; the
    # user gets the text, or one clear message, instead.
    logger = logging.getLogger("pypdf")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _page_lines(page: Any, number: int) -> list[_Line]:
    """The lines of one page in content order, each with where its first text was drawn."""
    lines: list[_Line] = []
    parts: list[str] = []
    start: tuple[float, float, float] | None = None

    def finish() -> None:
        nonlocal parts, start
        text = "".join(parts).strip()
        if text and start is not None:
            lines.append(_Line(text, start[0], start[1], start[2], number))
        parts, start = [], None

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], font: Any, size: float) -> None:
        nonlocal start
        if not text:
            return
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if start is None and piece.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                scale = abs(tm[3] * cm[3]) or 1.0
                start = (x, y, size * scale)
            parts.append(piece)
            if index < len(pieces) - 1:
                finish()

    page.extract_text(visitor_text=visit)
    finish()
    return lines


def _running_key(text: str) -> str:
    return _DIGITS.sub("#", text.casefold().strip())


def _drop_running_lines(pages: list[list[_Line]]) -> list[_Line]:
    """All lines, without page numbers and the headers and footers repeated on most pages."""
    repeated: set[str] = set()
    if len(pages) >= 2:
        edges: Counter[str] = Counter()
        for lines in pages:
            edges.update({_running_key(line.text) for line in lines[:2] + lines[-2:]})
        threshold = max(2, len(pages) // 2)
        repeated = {key for key, count in edges.items() if count >= threshold}
    kept: list[_Line] = []
    for lines in pages:
        last = len(lines) - 1
        for index, line in enumerate(lines):
            at_edge = index < 2 or index > last - 2
            if at_edge and (_PAGE_NUMBER.match(line.text) or _running_key(line.text) in repeated):
                continue
            kept.append(line)
    return kept


def _paragraphs(lines: list[_Line]) -> Iterator[BlockText]:
    if not lines:
        return
    body_size = statistics.median(line.size for line in lines)
    spacing = _typical_spacing(lines)
    left = min(line.x for line in lines)
    # A long line or two (a URL, a table row) must not make every ordinary line look short.
    lengths = sorted(len(line.text) for line in lines)
    full_width = lengths[int(0.9 * (len(lengths) - 1))]
    current: list[_Line] = [lines[0]]
    for prev, line in itertools.pairwise(lines):
        if _starts_paragraph(prev, line, spacing, body_size, left, full_width):
            yield _block(current, body_size)
            current = []
        current.append(line)
    yield _block(current, body_size)


def _typical_spacing(lines: list[_Line]) -> float:
    gaps = [
        a.y - b.y
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and 0 < a.y - b.y < 4 * max(a.size, 1.0)
    ]
    return statistics.median(gaps) if gaps else 0.0


def _starts_paragraph(
    prev: _Line, line: _Line, spacing: float, body_size: float, left: float, full_width: float
) -> bool:
    big = 1.15 * body_size
    if (prev.size > big) != (line.size > big):
        return True  # into or out of a heading
    ends_sentence = bool(_SENTENCE_END.search(prev.text))
    if prev.page == line.page and spacing:
        gap = prev.y - line.y
        if gap > 1.4 * spacing:
            return True
        indent = 0.8 * max(line.size, 1.0)
        if gap > 0 and line.x - left > indent and prev.x - left <= indent and ends_sentence:
            return True  # first-line indent
    # The last line of a paragraph usually stops short of the margin.
    return ends_sentence and len(prev.text) < 0.8 * full_width


def _block(lines: list[_Line], body_size: float) -> BlockText:
    text = lines[0].text
    for line in lines[1:]:
        if _HYPHENATED.search(text) and line.text[:1].islower():
            text = text[:-1] + line.text
        else:
            text = f"{text}\n{line.text}"
    smallest = min(line.size for line in lines)
    if smallest > 1.15 * body_size and len(text) <= MAX_TITLE_CHARS:
        return BlockText(BlockKind.HEADING, text, level=1 if smallest >= 1.6 * body_size else 2)
    return BlockText(BlockKind.PARAGRAPH, text)
