"""EPUB e-books (ebooklib): chapters in reading (spine) order, each chapter's XHTML sanitised and
read into blocks; title, author, date and publisher from the package metadata. The archive is
read in memory and checked against zip bombs before anything is decompressed."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

from byline.core.model import ParsedDocument
from byline.core.text import BlockText, assemble
from byline.importers.archives import check_archive_size
from byline.importers.base import failure, iso_date, meta_text, title_from_blocks
from byline.importers.htmlblocks import blocks_from_html, sanitize_html
from byline.importers.sniffing import ZIP_SIGNATURE, zip_member_names

_EPUB_MIMETYPE = b"application/epub+zip"
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding=["']([A-Za-z0-9_.:-]+)["']""")


class EpubImporter:
    format = "epub"
    suffixes: tuple[str, ...] = (".epub",)

    def sniff(self, head: bytes, path: Path) -> bool:
        if not head.startswith(ZIP_SIGNATURE):
            return False
        # The standard puts an uncompressed "mimetype" member first, so its content is in the head.
        if head[30:38] == b"mimetype" and _EPUB_MIMETYPE in head[38:120]:
            return True
        names = zip_member_names(head, path)
        return "mimetype" in names and "META-INF/container.xml" in names

    def parse(self, data: bytes, path: Path) -> ParsedDocument:
        return parse_epub(data, path)


IMPORTER = EpubImporter()


def parse_epub(data: bytes, path: Path) -> ParsedDocument:
    """The chapters of an EPUB, in reading order, as one document."""
    names = check_archive_size(data, path, "this EPUB")
    from ebooklib import epub

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ebooklib warns about options it may change
            book = epub.read_epub(io.BytesIO(data), options={"ignore_ncx": True})
        blocks = list(_chapter_blocks(book))
    except (epub.EpubException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise failure(path, "is damaged or incomplete; Byline cannot read this EPUB.") from exc
    text, offsets = assemble(blocks)
    if not text:
        if "META-INF/encryption.xml" in names:
            raise failure(path, "has no readable text; it is probably protected by DRM.")
        raise failure(path, "has no readable text in it.")
    return ParsedDocument(
        text=text,
        blocks=offsets,
        title=_first(book, "title") or title_from_blocks(blocks, path),
        format="epub",
        author=_first(book, "creator"),
        outlet=_first(book, "publisher"),
        published=iso_date(_first(book, "date")),
        source_name=path.name,
    )


def _chapter_blocks(book: Any) -> list[BlockText]:
    blocks: list[BlockText] = []
    for entry in book.spine:
        idref = entry[0] if isinstance(entry, tuple) else entry
        item = book.get_item_with_id(idref)
        if item is None:
            continue
        blocks.extend(blocks_from_html(sanitize_html(_decode_xhtml(item.get_content()))))
    return blocks


def _decode_xhtml(content: bytes) -> str:
    declared = _XML_ENCODING.match(content.lstrip(b"\xef\xbb\xbf"))
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return content.decode(encoding, errors="replace").removeprefix("\ufeff")
    except LookupError:
        return content.decode("utf-8", errors="replace").removeprefix("\ufeff")


def _first(book: Any, name: str) -> str | None:
    """The first Dublin Core ``name`` value of the book's metadata, cleaned."""
    for value, _attributes in book.get_metadata("DC", name) or []:
        text = meta_text(value)
        if text:
            return text
    return None
