"""Saved web pages: the article's text and metadata (title, author, date, outlet, canonical URL)
without navigation, ads or comments. Everything is read from the file; nothing is fetched."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from byline.core.model import BlockKind, ParsedDocument
from byline.core.text import BlockText, assemble
from byline.importers.base import failure, iso_date, meta_text, title_from_blocks
from byline.importers.htmlblocks import (
    blocks_from_html,
    declared_encoding,
    iter_meta,
    parse_html,
    sanitize_html,
)
from byline.importers.sniffing import starts_like_html
from byline.importers.text import decode_text, looks_like_text

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped]


class HtmlImporter:
    format = "html"
    suffixes: tuple[str, ...] = (".html", ".htm", ".xhtml")

    def sniff(self, head: bytes, path: Path) -> bool:
        if starts_like_html(head):
            return True
        return path.suffix.lower() in self.suffixes and looks_like_text(head)

    def parse(self, data: bytes, path: Path) -> ParsedDocument:
        return parse_web_page(decode_html(data, path), path)


IMPORTER = HtmlImporter()


def decode_html(data: bytes, path: Path) -> str:
    """The page as a str, in the encoding its BOM or ``<meta charset>`` declares, else sniffed
    like plain text."""
    encoding = declared_encoding(data)
    if encoding is None:
        return decode_text(data, path)
    return data.decode(encoding, errors="replace")


def parse_web_page(markup: str, path: Path) -> ParsedDocument:
    """The main text of a web page, found by trafilatura; the whole page's text when trafilatura
    finds no article in it."""
    page = sanitize_html(markup)
    found = _page_metadata(page)
    article = _extract_article(page)
    if article is not None:
        blocks = list(_article_blocks(article))
        for key in ("title", "author", "sitename"):
            found.setdefault(key, article.get(key) or "")
        found.setdefault("date", article.get("date") or "")
        found.setdefault("url", article.get("url") or "")
    else:
        blocks = []
    text, offsets = assemble(blocks)
    if not text:
        blocks = blocks_from_html(page)
        text, offsets = assemble(blocks)
    if not text:
        raise failure(path, "has no readable text in it.")
    return ParsedDocument(
        text=text,
        blocks=offsets,
        title=meta_text(found.get("title"))
        or meta_text(found.get("page_title"))
        or title_from_blocks(blocks, path),
        format="html",
        author=meta_text(found.get("author")),
        outlet=meta_text(found.get("sitename")),
        url=meta_text(found.get("url")),
        published=iso_date(found.get("date")),
        source_name=path.name,
    )


# The page's own declarations, in order of preference; trafilatura's findings fill the gaps.
_META_FIELDS = {
    "date": ("article:published_time", "og:published_time", "datepublished", "date"),
    "sitename": ("og:site_name", "application-name"),
    "author": ("author", "article:author", "dc.creator"),
}


def _page_metadata(page: str) -> dict[str, str]:
    """What the page says about itself that trafilatura would not prefer: the canonical URL,
    a full publication time, the site name."""
    root = parse_html(page)
    if root is None:
        return {}
    found: dict[str, str] = {}
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            found["url"] = link.get("href", "").strip()
            break
    metas: dict[str, str] = {}
    for key, content in iter_meta(root):
        metas.setdefault(key, content)
    # Only used when trafilatura finds no title: <title> often carries the site's name too.
    title = root.find(".//title")
    found["page_title"] = metas.get("og:title") or (
        title.text_content() if title is not None else ""
    )
    if "url" not in found and metas.get("og:url"):
        found["url"] = metas["og:url"]
    for field, keys in _META_FIELDS.items():
        for key in keys:
            value = metas.get(key)
            # An author given as a profile URL says nothing a reader can use.
            if value and not (field == "author" and value.startswith("http")):
                found[field] = value
                break
    return {k: v for k, v in found.items() if v}


def _extract_article(page: str) -> _Element | None:
    """trafilatura's XML for the page's main text (with title, author, date, sitename
    attributes), or None when it finds no article."""
    import trafilatura
    from lxml import etree  # type: ignore[import-untyped]

    xml = trafilatura.extract(
        page,
        output_format="xml",
        with_metadata=True,
        include_formatting=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_tables=True,
        deduplicate=False,
    )
    if not xml:
        return None
    try:
        return etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return None


def _article_blocks(doc: _Element) -> Iterator[BlockText]:
    main = doc.find("main")
    if main is None:
        return
    for element in main:
        yield from _element_blocks(element, list_depth=0, in_quote=False)


def _element_blocks(element: _Element, *, list_depth: int, in_quote: bool) -> Iterator[BlockText]:
    tag = element.tag
    if tag == "head":
        rend = element.get("rend") or "h2"
        level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
        yield BlockText(BlockKind.HEADING, _inline_text(element), level=level)
    elif tag == "list":
        ordered = element.get("rend") == "ol"
        for item in element.iter("item"):
            if item.getparent() is not element:
                continue
            yield BlockText(
                BlockKind.LIST_ITEM, _inline_text(item), level=list_depth + 1, ordered=ordered
            )
            for nested in item.findall("list"):
                yield from _element_blocks(nested, list_depth=list_depth + 1, in_quote=in_quote)
    elif tag == "quote":
        if any(child.tag in ("p", "list", "head", "quote") for child in element):
            if element.text and element.text.strip():
                yield BlockText(BlockKind.BLOCKQUOTE, element.text)
            for child in element:
                yield from _element_blocks(child, list_depth=list_depth, in_quote=True)
        else:
            yield BlockText(BlockKind.BLOCKQUOTE, _inline_text(element))
    elif tag == "table":
        for row in element.iter("row"):
            cells = [_inline_text(cell) for cell in row.iter("cell")]
            yield BlockText(BlockKind.PARAGRAPH, " | ".join(c.strip() for c in cells if c.strip()))
    else:
        kind = BlockKind.BLOCKQUOTE if in_quote else BlockKind.PARAGRAPH
        yield BlockText(kind, _inline_text(element))


def _inline_text(element: _Element) -> str:
    """An element's text with line breaks kept, nested lists left out (they are blocks)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag != "list":
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
