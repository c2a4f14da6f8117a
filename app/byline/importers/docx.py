"""Word documents (.docx, python-docx): headings, lists and quotes from paragraph styles."""

from __future__ import annotations

from pathlib import Path

from byline.core.model import ParsedDocument
from byline.importers.base import failure
from byline.importers.sniffing import zip_member_names


class DocxImporter:
    format = "docx"
    suffixes: tuple[str, ...] = (".docx",)

    def sniff(self, head: bytes, path: Path) -> bool:
        return "word/document.xml" in zip_member_names(head, path)

    def parse(self, data: bytes, path: Path) -> ParsedDocument:
        raise failure(path, "is a Word document; .docx import is not ready yet.")


IMPORTER = DocxImporter()
