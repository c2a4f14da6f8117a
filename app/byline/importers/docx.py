"""Word documents (.docx, python-docx): headings, lists and quotes from paragraph styles and
list numbering; title and author from the document properties."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from byline.core.model import BlockKind, ParsedDocument
from byline.core.text import BlockText, assemble
from byline.importers.archives import check_archive_size
from byline.importers.base import failure, meta_text, title_from_blocks
from byline.importers.sniffing import zip_member_names

_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^list\s+(bullet|number)(?:\s+([1-9]))?$", re.IGNORECASE)
_QUOTE_STYLES = frozenset({"quote", "intense quote"})
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class DocxImporter:
    format = "docx"
    suffixes: tuple[str, ...] = (".docx",)

    def sniff(self, head: bytes, path: Path) -> bool:
        return "word/document.xml" in zip_member_names(head, path)

    def parse(self, data: bytes, path: Path) -> ParsedDocument:
        return parse_docx(data, path)


IMPORTER = DocxImporter()


def parse_docx(data: bytes, path: Path) -> ParsedDocument:
    """A Word document's body text with its structure, in document order."""
    check_archive_size(data, path, "this Word document")
    import docx
    from docx.opc.exceptions import OpcError

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_body_blocks(document))
        properties = document.core_properties
        title, author = meta_text(properties.title), meta_text(properties.author)
    except (OpcError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise failure(
            path, "is damaged or not a real Word document; Byline cannot read it."
        ) from exc
    text, offsets = assemble(blocks)
    if not text:
        raise failure(path, "has no text in it.")
    return ParsedDocument(
        text=text,
        blocks=offsets,
        title=title or title_from_blocks(blocks, path),
        format="docx",
        author=author,
        source_name=path.name,
    )


def _body_blocks(document: Any) -> Iterator[BlockText]:
    from docx.table import Table

    numbering = _NumberingFormats(document)
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells = [cell.text.strip() for cell in row.cells]
                # Merged cells repeat their text in every grid column they span.
                unique = [c for i, c in enumerate(cells) if c and c not in cells[:i]]
                yield BlockText(BlockKind.PARAGRAPH, " | ".join(unique))
        else:
            yield _paragraph_block(item, numbering)


def _paragraph_block(paragraph: Any, numbering: _NumberingFormats) -> BlockText:
    text = paragraph.text
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    lowered = style.strip().lower()
    if lowered == "title":
        return BlockText(BlockKind.HEADING, text, level=1)
    heading = _HEADING_STYLE.match(style.strip())
    if heading:
        return BlockText(BlockKind.HEADING, text, level=int(heading.group(1)))
    if lowered in _QUOTE_STYLES:
        return BlockText(BlockKind.BLOCKQUOTE, text)
    numbered = _numbering_of(paragraph)
    if numbered is not None:
        num_id, ilvl = numbered
        return BlockText(
            BlockKind.LIST_ITEM, text, level=ilvl + 1, ordered=numbering.is_ordered(num_id, ilvl)
        )
    listed = _LIST_STYLE.match(style.strip())
    if listed:
        level = int(listed.group(2) or 1)
        return BlockText(
            BlockKind.LIST_ITEM, text, level=level, ordered=listed.group(1).lower() == "number"
        )
    return BlockText(BlockKind.PARAGRAPH, text)


def _numbering_of(paragraph: Any) -> tuple[str, int] | None:
    """(numId, level) when the paragraph itself carries list numbering."""
    num_pr = paragraph._p.find(f"{_W}pPr/{_W}numPr")
    if num_pr is None:
        return None
    num_id = num_pr.find(f"{_W}numId")
    if num_id is None or num_id.get(f"{_W}val") in (None, "0"):  # numId 0 switches a list off
        return None
    ilvl = num_pr.find(f"{_W}ilvl")
    level = ilvl.get(f"{_W}val") if ilvl is not None else "0"
    return str(num_id.get(f"{_W}val")), int(level) if level and level.isdigit() else 0


class _NumberingFormats:
    """Whether a list (numId) at a level is numbered or bulleted, from the numbering part."""

    def __init__(self, document: Any) -> None:
        try:
            self._root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            self._root = None

    def is_ordered(self, num_id: str, ilvl: int) -> bool:
        if self._root is None:
            return False
        abstract_ids = self._root.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
        if not abstract_ids:
            return False
        levels = self._root.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract_ids[0]}"]/w:lvl')
        # A single-level list indented further still uses its one format.
        formats: dict[int, str] = {}
        for lvl in levels:
            number_format = lvl.find(f"{_W}numFmt")
            level = lvl.get(f"{_W}ilvl", "0")
            if number_format is not None and level.isdigit():
                formats[int(level)] = number_format.get(f"{_W}val", "")
        defined = [level for level in formats if level <= ilvl]
        if not defined:
            return False
        return formats[max(defined)] not in ("bullet", "none", "")
