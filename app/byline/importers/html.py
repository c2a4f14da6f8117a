"""Saved web pages: the article's text and metadata, without navigation, ads or comments."""

from __future__ import annotations

from pathlib import Path

from byline.core.model import ParsedDocument
from byline.importers.base import failure
from byline.importers.sniffing import starts_like_html
from byline.importers.text import looks_like_text


class HtmlImporter:
    format = "html"
    suffixes: tuple[str, ...] = (".html", ".htm", ".xhtml")

    def sniff(self, head: bytes, path: Path) -> bool:
        if starts_like_html(head):
            return True
        return path.suffix.lower() in self.suffixes and looks_like_text(head)

    def parse(self, data: bytes, path: Path) -> ParsedDocument:
        raise failure(path, "is a web page; web page import is not ready yet.")


IMPORTER = HtmlImporter()
