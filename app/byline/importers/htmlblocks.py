"""HTML made safe (nh3) and turned into blocks: the shared reader for saved web pages whose
article cannot be singled out, and for the chapters of EPUB books."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from byline.core.model import BlockKind
from byline.core.text import BlockText

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # type: ignore[import-untyped]

# Structure and the metadata a page describes itself with; no images, media, forms or scripts,
# so nothing left in the markup can point at a remote resource.
_KEPT_TAGS = frozenset(
    {
        "a", "abbr", "acronym", "address", "article", "aside", "b", "bdi", "bdo", "blockquote",
        "body", "br", "caption", "center", "cite", "code", "col", "colgroup", "data", "dd", "del",
        "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "ins", "kbd", "li",
        "link", "main", "mark", "meta", "nav", "ol", "p", "pre", "q", "rp", "rt", "rtc", "ruby",
        "s", "samp", "section", "small", "span", "strike", "strong", "sub", "summary", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "time", "title", "tr", "tt", "u", "ul",
        "var", "wbr",
    }
)  # fmt: skip
# Class and id stay because boilerplate detection relies on names like "nav", "ad", "comments".
_KEPT_ATTRIBUTES = {
    "*": {"class", "id", "lang", "itemprop", "role"},
    "meta": {"name", "property", "content", "charset", "http-equiv", "itemprop"},
    "link": {"rel", "href"},
    "time": {"datetime"},
    "a": {"href"},
    "ol": {"start"},
}
_DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "svg"})

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


# nh3's serialiser always double-quotes attribute values, so a quoted value may hold a ">".
_HEAD_ELEMENT = re.compile(r"""<(?:meta|link)\b(?:"[^"]*"|[^">])*>|<title>.*?</title>""", re.S)


def sanitize_html(markup: str) -> str:
    """A whole HTML document with scripts, styles, media, forms and event handlers removed.
    The head's title, meta and link elements are kept (they carry the page's metadata)."""
    import nh3

    clean = nh3.clean(
        markup,
        tags=set(_KEPT_TAGS),
        clean_content_tags=set(_DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in _KEPT_ATTRIBUTES.items()},
        link_rel=None,
        strip_comments=True,
    )
    # nh3 cleans a fragment, dropping <html>/<head>/<body>; without them lxml would file the
    # first HTML5 element (say <nav>) under <head>, so the document is put back together.
    head = "".join(_HEAD_ELEMENT.findall(clean))
    body = _HEAD_ELEMENT.sub("", clean)
    return f"<html><head>{head}</head><body>{body}</body></html>"


def declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML file declares by BOM or ``<meta charset>``, if Python knows it."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return name
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "div", "dl", "dt", "figcaption", "figure", "footer", "header", "hgroup", "hr", "html",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul", *_HEADINGS,
    }
)  # fmt: skip
# Navigation is never the text a journalist opens a page or a book for.
_SKIPPED = frozenset({"head", "title", "meta", "link", "nav", *_DROPPED_WITH_CONTENT})


@dataclass(frozen=True)
class _Context:
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0
    ordered: bool = False
    list_depth: int = 0
    list_ordered: bool = False
    in_quote: bool = False


class _BlockCollector:
    """Walks an element tree; text between block boundaries becomes one block of the kind of
    its innermost block element."""

    def __init__(self) -> None:
        self.blocks: list[BlockText] = []
        self._buffer: list[str] = []

    def flush(self, ctx: _Context) -> None:
        text = "".join(self._buffer)
        self._buffer = []
        if text.strip():
            self.blocks.append(BlockText(ctx.kind, text, ctx.level, ctx.ordered))

    def walk(self, element: HtmlElement, ctx: _Context) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower().rpartition("}")[2]  # XHTML elements carry a namespace
        if not tag or tag in _SKIPPED:
            return
        if tag == "br":
            self._buffer.append("\n")
            return
        if tag not in _BLOCK_TAGS:
            self._buffer.append(element.text or "")
            for child in element:
                self.walk(child, ctx)
                self._buffer.append(child.tail or "")
            return
        self.flush(ctx)
        inner = _inner_context(tag, ctx)
        self._buffer.append(element.text or "")
        for child in element:
            self.walk(child, inner)
            self._buffer.append(child.tail or "")
        self.flush(inner)


def _inner_context(tag: str, ctx: _Context) -> _Context:
    if tag in _HEADINGS:
        return _Context(BlockKind.HEADING, _HEADINGS[tag], False, ctx.list_depth, False, False)
    if tag in ("ul", "ol"):
        return _Context(
            ctx.kind, ctx.level, ctx.ordered, ctx.list_depth + 1, tag == "ol", ctx.in_quote
        )
    if tag == "li":
        depth = max(ctx.list_depth, 1)
        return _Context(
            BlockKind.LIST_ITEM, depth, ctx.list_ordered, depth, ctx.list_ordered, ctx.in_quote
        )
    if tag == "blockquote":
        return _Context(BlockKind.BLOCKQUOTE, 0, False, 0, False, True)
    if ctx.kind is BlockKind.HEADING or ctx.kind is BlockKind.LIST_ITEM:
        return ctx  # a <p> inside an <li> or heading stays part of it
    if ctx.in_quote:
        return _Context(BlockKind.BLOCKQUOTE, 0, False, 0, False, True)
    return _Context(list_depth=ctx.list_depth, list_ordered=ctx.list_ordered)


def blocks_from_html(markup: str) -> list[BlockText]:
    """The blocks of (already sanitised) HTML: headings, paragraphs, list items with their
    nesting, block quotes; inline markup reduced to its text."""
    root = parse_html(markup)
    if root is None:
        return []
    collector = _BlockCollector()
    body = root.find(".//body")
    collector.walk(body if body is not None else root, _Context())
    collector.flush(_Context())
    return collector.blocks


def parse_html(markup: str) -> HtmlElement | None:
    """An lxml tree of the markup, or None when there is nothing to parse."""
    import lxml.html  # type: ignore[import-untyped]
    from lxml.etree import ParserError  # type: ignore[import-untyped]

    if not markup.strip():
        return None
    try:
        return lxml.html.document_fromstring(markup)
    except (ParserError, ValueError):
        return None


def iter_meta(root: HtmlElement) -> Iterator[tuple[str, str]]:
    """(name or property in lower case, content) of every ``<meta>`` with content."""
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and content:
            yield key, content.strip()
