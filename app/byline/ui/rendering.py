"""Building the reading view's text: a QTextDocument of a document's blocks, with its highlights
in their colours and its quotes faintly underlined, and the OffsetMap between the two.

Nothing here touches a widget, so a worker can build a long document while the window stays
responsive (Qt's text document classes are reentrant); ``render_document(..., for_thread=)``
then hands the QTextDocument to the GUI thread, where the reading view shows it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QThread
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextListFormat,
)

from byline.core.model import BlockKind, Document, Highlight, Quote, QuoteKind
from byline.ui.attribution import readable_date
from byline.ui.textmap import OffsetMap
from byline.ui.theme import highlight_color, reading_colors

SERIF_FAMILIES = [
    "Charter",
    "Georgia",
    "Source Serif 4",
    "Source Serif Pro",
    "Noto Serif",
    "Liberation Serif",
    "DejaVu Serif",
    "Times New Roman",
]

Run = tuple[int, int, str | None, bool]  # start, end, highlight colour on top, inside a quote


def reading_font(point_size: int) -> QFont:
    font = QFont()
    font.setFamilies(SERIF_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSize(point_size)
    return font


@dataclass(frozen=True)
class ReadingLook:
    """What a rendering depends on besides the document: the reading view's settings."""

    font_size: int
    dark: bool
    link_color: str  # the palette's link colour, as #rrggbb
    page: QTextFrameFormat  # the page margins the view set last (it adjusts them to its width)

    def same_text_as(self, other: ReadingLook) -> bool:
        """Whether a rendering made with ``other`` looks as one made with this would (the page
        margins are set again whenever a rendering is shown)."""
        return (self.font_size, self.dark, self.link_color) == (
            other.font_size,
            other.dark,
            other.link_color,
        )


@dataclass(frozen=True)
class RenderedDocument:
    """A document rendered for the reading view, with what it was rendered from."""

    document: Document
    highlights: tuple[Highlight, ...]  # in text order
    quotes: tuple[Quote, ...]
    look: ReadingLook
    text: QTextDocument
    offset_map: OffsetMap


def render_document(
    document: Document,
    highlights: Sequence[Highlight],
    quotes: Sequence[Quote],
    look: ReadingLook,
    *,
    for_thread: QThread | None = None,
) -> RenderedDocument:
    """The rendering of a document, built detached from any view (the view lays it out once,
    when it is shown, not after every insertion). A worker passes the GUI thread as
    ``for_thread``: the QTextDocument then belongs to that thread when this returns."""
    ordered = tuple(sorted(highlights, key=lambda h: (h.start, h.end, h.id)))
    qdoc = QTextDocument()
    qdoc.setUndoRedoEnabled(False)
    qdoc.setDefaultFont(reading_font(look.font_size))
    qdoc.rootFrame().setFrameFormat(look.page)
    colors = reading_colors(look.dark)
    cursor = QTextCursor(qdoc)
    cursor.beginEditBlock()

    title_block = QTextBlockFormat()
    title_block.setBottomMargin(6)
    title_block.setHeadingLevel(1)
    title_chars = QTextCharFormat()
    title_chars.setFontWeight(QFont.Weight.Bold)
    title_chars.setProperty(QTextFormat.Property.FontSizeAdjustment, 2)
    cursor.setBlockFormat(title_block)
    cursor.setBlockCharFormat(title_chars)
    cursor.insertText(document.title or "Untitled", title_chars)

    meta_block = QTextBlockFormat()
    meta_block.setBottomMargin(28)
    meta_chars = QTextCharFormat()
    meta_chars.setForeground(QColor(colors.muted))
    meta_chars.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
    cursor.insertBlock(meta_block, meta_chars)
    meta = [p for p in (document.outlet, document.author, readable_date(document.published)) if p]
    cursor.insertText(" · ".join(meta) if meta else (document.source_name or ""), meta_chars)
    if document.url:
        link = QTextCharFormat(meta_chars)
        link.setAnchor(True)
        link.setAnchorHref(document.url)
        link.setForeground(QColor(look.link_color))
        cursor.insertText(" · " if meta else "", meta_chars)
        cursor.insertText("original", link)

    body_start = -1
    current_list = None
    previous_kind: BlockKind | None = None
    # Highlights and quote underlines go in with the text, run by run: formatting them
    # afterwards (a merge per highlight and per quote) took most of the time on long texts.
    runs = highlight_runs(ordered, quotes, len(document.text))
    run_index = 0
    formats: dict[tuple[BlockKind, int], tuple[QTextBlockFormat, QTextCharFormat]] = {}
    run_formats: dict[tuple[BlockKind, int, str | None, bool], QTextCharFormat] = {}
    underline = QColor(colors.quote_mark)
    text = document.text
    for index, block in enumerate(document.blocks):
        key = (block.kind, block.level)
        if key not in formats:
            formats[key] = block_formats(block.kind, block.level)
        block_format, char_format = formats[key]
        cursor.insertBlock(block_format, char_format)
        if index == 0:
            body_start = cursor.position()
        # Characters Qt would treat as paragraph breaks are shown as spaces (same length).
        body = text[block.start : block.end]
        body = body.replace("\u2029", " ").replace("\u2028", " ").replace("\n", " ")
        while run_index < len(runs) and runs[run_index][1] <= block.start:
            run_index += 1
        position = block.start
        i = run_index
        while position < block.end:
            run_start, run_end, color, quoted = (
                runs[i] if i < len(runs) else (position, block.end, None, False)
            )
            if run_start > position:  # plain text before the next run
                run_end, color, quoted = run_start, None, False
            run_end = min(run_end, block.end)
            fmt = char_format
            if color is not None or quoted:
                fkey = (*key, color, quoted)
                cached = run_formats.get(fkey)
                if cached is None:
                    cached = QTextCharFormat(char_format)
                    if color is not None:
                        cached.setBackground(highlight_color(color, look.dark))
                    if quoted:
                        cached.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                        cached.setUnderlineColor(underline)
                    run_formats[fkey] = cached
                fmt = cached
            cursor.insertText(body[position - block.start : run_end - block.start], fmt)
            position = run_end
            if i < len(runs) and run_end >= runs[i][1]:
                i += 1
        if block.kind is BlockKind.LIST_ITEM:
            if (
                current_list is not None
                and previous_kind is BlockKind.LIST_ITEM
                and current_list.format().indent() == max(1, block.level)
                and (current_list.format().style() == QTextListFormat.Style.ListDecimal)
                == block.ordered
            ):
                current_list.add(cursor.block())
            else:
                list_format = QTextListFormat()
                list_format.setIndent(max(1, block.level))
                list_format.setStyle(
                    QTextListFormat.Style.ListDecimal
                    if block.ordered
                    else QTextListFormat.Style.ListDisc
                )
                current_list = cursor.createList(list_format)
        else:
            current_list = None
        previous_kind = block.kind
    if body_start < 0:
        body_start = cursor.position()
    cursor.endEditBlock()
    if for_thread is not None:
        qdoc.moveToThread(for_thread)
    offset_map = OffsetMap(text, document.blocks, body_start)
    return RenderedDocument(document, ordered, tuple(quotes), look, qdoc, offset_map)


def highlight_runs(
    highlights: Sequence[Highlight], quotes: Sequence[Quote], length: int
) -> list[Run]:
    """The text cut where highlights and quotes start and end: (start, end, colour of the
    highlight on top or None, inside a quote), for the runs that are either. Where highlights
    overlap, the later one in ``highlights`` (text order: start, end, id) is on top, as when
    painted one after another."""
    marks: list[tuple[int, int, int]] = []  # (start, end, -1 for a quote else highlight rank)
    for rank, h in enumerate(highlights):
        if h.start < h.end:
            marks.append((max(0, h.start), min(length, h.end), rank))
    for q in quotes:
        if q.kind is not QuoteKind.SCARE and q.start < q.end:
            marks.append((max(0, q.start), min(length, q.end), -1))
    if not marks:
        return []
    bounds = sorted({p for m in marks for p in m[:2]})
    starting: dict[int, list[tuple[int, int, int]]] = {}
    for m in marks:
        starting.setdefault(m[0], []).append(m)
    active: list[tuple[int, int, int]] = []
    runs: list[Run] = []
    for a, b in pairwise(bounds):
        active = [m for m in active if m[1] > a]
        active.extend(starting.get(a, ()))
        if not active:
            continue
        top = max(m[2] for m in active)
        color = highlights[top].color if top >= 0 else None
        quoted = any(m[2] < 0 for m in active)
        if runs and runs[-1][1] == a and runs[-1][2:] == (color, quoted):
            runs[-1] = (runs[-1][0], b, color, quoted)
        else:
            runs.append((a, b, color, quoted))
    return runs


def block_formats(kind: BlockKind, level: int) -> tuple[QTextBlockFormat, QTextCharFormat]:
    """How a block of this kind looks: its paragraph and character formats."""
    block_format = QTextBlockFormat()
    block_format.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    block_format.setBottomMargin(12)
    chars = QTextCharFormat()
    chars.setFontWeight(QFont.Weight.Normal)
    chars.setFontItalic(False)
    chars.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)
    chars.setForeground(QBrush())  # the view's text colour
    if kind is BlockKind.HEADING:
        block_format.setHeadingLevel(max(1, min(6, level)))
        block_format.setTopMargin(14)
        block_format.setBottomMargin(6)
        chars.setFontWeight(QFont.Weight.Bold)
        chars.setProperty(QTextFormat.Property.FontSizeAdjustment, max(0, 3 - level))
    elif kind is BlockKind.BLOCKQUOTE:
        block_format.setLeftMargin(28)
        block_format.setRightMargin(16)
        chars.setFontItalic(True)
    elif kind is BlockKind.LIST_ITEM:
        block_format.setBottomMargin(4)
    return block_format, chars
