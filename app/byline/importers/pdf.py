"""PDF files (pypdf): text in reading order, paragraphs rebuilt from lines."""

from __future__ import annotations

from pathlib import Path

from byline.core.model import ParsedDocument
from byline.importers.base import failure


class PdfImporter:
    format = "pdf"
    suffixes: tuple[str, ...] = (".pdf",)

    def sniff(self, head: bytes, path: Path) -> bool:
        # The header may follow a little junk; readers accept it within the first kilobyte.
        return b"%PDF-" in head[:1024]

    def parse(self, data: bytes, path: Path) -> ParsedDocument:
        raise failure(path, "is a PDF; PDF import is not ready yet.")


IMPORTER = PdfImporter()
