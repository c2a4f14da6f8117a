"""Turning text from a document into Markdown that renders as the same text, never as structure,
and fencing the user's own Markdown (notes) so it cannot swallow what follows it.

Escaping is minimal so the exported file stays pleasant to read raw (Obsidian's editor, a CMS
field): characters that are Markdown anywhere are escaped everywhere, characters that are Markdown
only at the start of a line are escaped only there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser

from markdown_it import MarkdownIt


class Markdown(str):
    """Text that is already Markdown: templates emit it as it is instead of escaping it."""

    __slots__ = ()


# Characters that start inline structure wherever they stand: escapes, code spans, emphasis,
# links and images, raw HTML and autolinks, table cells, strikethrough, Obsidian #tags.
_ANYWHERE = re.compile(r"[\\`*_\[\]<|~#]")
# An entity reference (&amp; &#35; &#x23;) would render as the character it names.
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_SPECIAL = re.compile(r"[\\`*_\[\]<|~#&]")
# At a line start: block quotes, ATX headings, list bullets, setext underlines.
_LINE_START = frozenset(">#-+=")
# At a line start: an ordered list marker "12." or "12)".
_ORDERED_MARKER = re.compile(r"^([0-9]+)([.)])")
# C0 controls other than tab and newline, and DEL: CommonMark renders NUL as U+FFFD and the
# others are invisible; dropping them is what "the same text" means to a reader.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_ANY_WHITESPACE = re.compile(r"\s+")


_UNUSUAL = re.compile(r"[\r\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")


def _normalise_newlines(text: str) -> str:
    if not _UNUSUAL.search(text):  # the usual case, checked once
        return text
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def escape_line(line: str) -> str:
    """One line of text as Markdown that renders as that text, wherever the line starts."""
    line = line.strip(" \t")  # leading spaces could make code, trailing ones a line break
    if not line:
        return ""
    # Most prose has nothing to escape; checking first halves the time of a large export.
    escaped = (
        _ENTITY.sub(r"\\&", _ANYWHERE.sub(r"\\\g<0>", line)) if _SPECIAL.search(line) else line
    )
    if "%%" in escaped:  # Obsidian hides text between %% marks as a comment
        escaped = escaped.replace("%", "\\%")
    first = escaped[0]
    if first in _LINE_START:
        return "\\" + escaped
    if first.isdigit():
        return _ORDERED_MARKER.sub(r"\1\\\2", escaped, count=1)
    return escaped


def escape_inline(text: str) -> Markdown:
    """Text as one line of Markdown (whitespace runs, newlines included, become one space):
    for headings, list items and labels."""
    if text.isprintable() and "  " not in text:  # no line breaks, controls or odd spaces
        return Markdown(escape_line(text))
    return Markdown(escape_line(_ANY_WHITESPACE.sub(" ", _normalise_newlines(text))))


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs (separated by blank lines), each escaped; lines inside a paragraph
    stay separate lines."""
    text = _normalise_newlines(text)
    if "\n" not in text:
        line = escape_line(text)
        return [line] if line else []
    out: list[str] = []
    for chunk in _BLANK_LINES.split(text):
        lines = [escape_line(line) for line in chunk.split("\n")]
        body = "\n".join(line for line in lines if line)
        if body:
            out.append(body)
    return out


def escape_paragraphs(text: str) -> Markdown:
    """Text as Markdown paragraphs."""
    return Markdown("\n\n".join(paragraphs(text)))


def block_quote(text: str) -> Markdown:
    """Text as one Markdown block quote; its paragraphs stay paragraphs inside the quote."""
    quoted = ["\n".join("> " + line for line in p.split("\n")) for p in paragraphs(text)]
    return Markdown("\n>\n".join(quoted) if quoted else ">")


def list_item(text: str, marker: str = "-", suffix: str = "") -> Markdown:
    """Text as one list item (continuation paragraphs indented under the marker). ``suffix``,
    escaped too, ends the item's last line: a location such as " — ¶ 4"."""
    if suffix:
        # Joined before escaping, so the line is escaped as the reader will see it.
        suffix = _ANY_WHITESPACE.sub(" ", _normalise_newlines(suffix))
        text = _normalise_newlines(text).rstrip() + suffix
    parts = paragraphs(text) or [""]
    indent = " " * (len(marker) + 1)
    body = "\n\n".join(parts).replace("\n", "\n" + indent)
    # Blank lines inside the item must not carry the indent (it would be trailing spaces).
    body = "\n".join(line if line.strip() else "" for line in body.split("\n"))
    return Markdown(f"{marker} {body}")


_PARSER = MarkdownIt("commonmark").enable("table")
_SENTINEL = "byline-end-of-note-7b1e"
# Lines that end a construct a note may leave open (fenced code, the HTML blocks of
# CommonMark kinds 1-5), tried in order until what follows the note is its own paragraph.
_CLOSERS = ("```", "~~~", "-->", "?>", "]]>", ">", "</script>", "</pre>", "</style>", "</textarea>")


def _contained(markdown: str) -> bool:
    """Whether what follows ``markdown`` stays itself: its own paragraph in the Markdown, and
    visible in the HTML it renders to (raw HTML in a note could open a comment or a <script>
    that hides the rest of the page)."""
    tokens = _PARSER.parse(markdown + "\n\n" + _SENTINEL)
    if not (
        len(tokens) >= 3
        and tokens[-3].type == "paragraph_open"
        and tokens[-3].level == 0
        and tokens[-2].content == _SENTINEL
    ):
        return False
    if "<" not in markdown:
        return True
    html = _PARSER.renderer.render(tokens, _PARSER.options, {})
    probe = _SentinelProbe()
    probe.feed(html)
    probe.close()
    return probe.seen and not _comment_left_open(html)


def _comment_left_open(html: str) -> bool:
    """Whether an HTML comment is still open at the end, hiding the rest of the page from a
    browser. Python's HTMLParser (before 3.13) reads an unfinished comment as text instead."""
    at = 0
    while (start := html.find("<!--", at)) >= 0:
        if html.startswith(("<!-->", "<!--->"), start):  # closed at once, as browsers read it
            at = start + 4
            continue
        end = html.find("-->", start + 4)
        if end < 0:
            return True
        at = end + 3
    return False


# Elements whose content a browser does not read as markup: left open, they hide the page.
_RAW_TEXT_ELEMENTS = frozenset(
    [
        "script",
        "style",
        "textarea",
        "title",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "noscript",
        "plaintext",
    ]
)


class _SentinelProbe(HTMLParser):
    """Reads rendered HTML the way a browser would for our purpose: is the sentinel paragraph
    plain visible text, outside any comment or raw-text element?"""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open_raw: list[str] = []
        self.last_tag = ""
        self.seen = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.last_tag = tag
        if tag in _RAW_TEXT_ELEMENTS:
            self.open_raw.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open_raw:
            del self.open_raw[self.open_raw.index(tag) :]

    def handle_data(self, data: str) -> None:
        if data.strip() == _SENTINEL and self.last_tag == "p" and not self.open_raw:
            self.seen = True


def user_markdown(markdown: str) -> Markdown:
    """The user's own Markdown (a note), passed through as Markdown, but closed off so an
    unfinished code fence or HTML comment cannot swallow the rest of the export. If nothing
    closes it, the note is exported as plain text instead."""
    if not markdown:
        return Markdown("")
    text = _normalise_newlines(markdown).strip("\n").rstrip()
    if not text:
        return Markdown("")
    if not any(c in text for c in "`~<") or _contained(text):
        return Markdown(text)
    for candidate in _candidates(text):
        if _contained(candidate):
            return Markdown(candidate)
    return escape_paragraphs(text)


def _candidates(text: str) -> Iterable[str]:
    tokens = _PARSER.parse(text)
    if tokens and tokens[-1].type == "fence":
        yield f"{text}\n{tokens[-1].markup}"
    for closer in _CLOSERS:
        yield f"{text}\n{closer}"
