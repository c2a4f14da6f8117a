"""EPUB e-books (ebooklib): chapters in reading order, metadata from the package."""

from __future__ import annotations

from pathlib import Path

from byline.core.model import ParsedDocument
from byline.importers.base import failure
from byline.importers.sniffing import ZIP_SIGNATURE, zip_member_names

_EPUB_MIMETYPE = b"application/epub+zip"


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
        raise failure(path, "is an EPUB; EPUB import is not ready yet.")


IMPORTER = EpubImporter()
