"""Markdown files (markdown-it-py): structure kept, inline markup reduced to its text."""

from __future__ import annotations

from pathlib import Path

from byline.core.model import ParsedDocument
from byline.importers.base import failure
from byline.importers.text import looks_like_text


class MarkdownImporter:
    format = "markdown"
    suffixes: tuple[str, ...] = (".md", ".markdown")

    def sniff(self, head: bytes, path: Path) -> bool:
        return path.suffix.lower() in self.suffixes and looks_like_text(head)

    def parse(self, data: bytes, path: Path) -> ParsedDocument:
        raise failure(path, "is Markdown; Markdown import is not ready yet.")


IMPORTER = MarkdownImporter()
