"""Markdown files (markdown-it-py): headings, paragraphs, lists and block quotes kept; inline
markup reduced to its text (link text stays, URLs and images go); YAML-style front matter
gives the title, author, date, outlet and URL."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from byline.core.model import BlockKind, ParsedDocument
from byline.core.text import BlockText, assemble
from byline.importers.base import failure, iso_date, meta_text, title_from_blocks
from byline.importers.htmlblocks import blocks_from_html, sanitize_html
from byline.importers.text import decode_text, looks_like_text

if TYPE_CHECKING:
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_FRONT_MATTER_KEYS = {
    "title": ("title",),
    "author": ("author", "authors", "byline", "by"),
    "published": ("date", "published", "pubdate", "published_at"),
    "url": ("url", "link", "canonical_url", "source_url"),
    "outlet": ("outlet", "publication", "source", "site_name", "sitename", "publisher"),
}


class MarkdownImporter:
    format = "markdown"
    suffixes: tuple[str, ...] = (".md", ".markdown")

    def sniff(self, head: bytes, path: Path) -> bool:
        return path.suffix.lower() in self.suffixes and looks_like_text(head)

    def parse(self, data: bytes, path: Path) -> ParsedDocument:
        return parse_markdown(decode_text(data, path), path)


IMPORTER = MarkdownImporter()


def parse_markdown(source: str, path: Path) -> ParsedDocument:
    """A Markdown text as a document; metadata from front matter when there is some."""
    from markdown_it import MarkdownIt

    source = source.replace("\r\n", "\n").replace("\r", "\n")
    meta, source = split_front_matter(source)
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    blocks = list(_blocks(parser.parse(source)))
    text, offsets = assemble(blocks)
    if not text:
        raise failure(path, "has no text in it.")
    title = meta_text(meta.get("title")) or _first_h1(blocks) or title_from_blocks(blocks, path)
    return ParsedDocument(
        text=text,
        blocks=offsets,
        title=title,
        format="markdown",
        author=meta_text(meta.get("author")),
        outlet=meta_text(meta.get("outlet")),
        url=meta_text(meta.get("url")),
        published=iso_date(meta.get("published")),
        source_name=path.name,
    )


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """The front matter's known fields (title, author, published, url, outlet) and the text
    after it. Only flat ``key: value`` lines are read; a file without front matter is returned
    whole."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    raw: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        pair = _FRONT_MATTER_LINE.match(line)
        if pair:
            raw[pair.group(1).lower()] = _unquote(pair.group(2))
    if not raw:  # a thematic break, not front matter
        return {}, source
    meta: dict[str, str] = {}
    for field, keys in _FRONT_MATTER_KEYS.items():
        for key in keys:
            if raw.get(key):
                meta[field] = raw[key]
                break
    return meta, source[match.end() :]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _blocks(tokens: Sequence[Token]) -> Iterator[BlockText]:
    ordered_lists: list[bool] = []  # one entry per open list, innermost last
    quote_depth = 0
    heading_level = 0
    row: list[str] | None = None  # the cells of the table row being read
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered_lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            ordered_lists.pop()
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            yield BlockText(BlockKind.PARAGRAPH, " | ".join(cell for cell in row if cell))
            row = None
        elif kind in ("fence", "code_block"):
            yield BlockText(BlockKind.PARAGRAPH, token.content)
        elif kind == "html_block":
            yield from blocks_from_html(sanitize_html(token.content))
        elif kind == "inline":
            content = _inline_text(token.children or [])
            if row is not None:
                row.append(content)
            elif heading_level:
                yield BlockText(BlockKind.HEADING, content, level=heading_level)
            elif ordered_lists:
                yield BlockText(
                    BlockKind.LIST_ITEM,
                    content,
                    level=len(ordered_lists),
                    ordered=ordered_lists[-1],
                )
            elif quote_depth:
                yield BlockText(BlockKind.BLOCKQUOTE, content)
            else:
                yield BlockText(BlockKind.PARAGRAPH, content)


def _inline_text(children: Sequence[Token]) -> str:
    """The readable text of inline tokens: text and code kept, link targets, images and raw
    HTML dropped, line breaks kept as line breaks (assemble turns them into spaces)."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def _first_h1(blocks: Sequence[BlockText]) -> str | None:
    for block in blocks:
        if block.kind is BlockKind.HEADING and block.level == 1:
            return meta_text(block.text)
    return None
