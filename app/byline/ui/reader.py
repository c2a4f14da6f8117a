"""The reading view: a document rendered from its blocks in a calm column, with highlights drawn in
their colours, quotes faintly underlined, find matches and a brief flash on what was jumped to.

Everything it reports or accepts is in canonical text offsets; ``OffsetMap`` translates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QPoint, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QTextEdit, QWidget

from byline.core.model import Document, Highlight, Quote, QuoteKind
from byline.core.selection import passage_span
from byline.ui.floating_bar import FloatingBar
from byline.ui.qt_values import set_by_name
from byline.ui.rendering import ReadingLook, RenderedDocument, reading_font, render_document
from byline.ui.textmap import OffsetMap
from byline.ui.theme import (
    DEFAULT_FONT_SIZE,
    MAX_FONT_SIZE,
    MIN_FONT_SIZE,
    highlight_color,
    reading_colors,
)

MEASURE_CHARS = 68  # characters per line of the reading column
FLASH_MS = 900

Span = tuple[int, int]


class ReaderView(QTextBrowser):
    """Read-only view of one document. Signals carry canonical offsets."""

    cursorOffsetChanged = Signal(int)  # the caret moved (no selection) to this text offset
    colorPicked = Signal(str)  # a colour on the floating bar was clicked
    noteRequested = Signal()  # the floating bar's note button
    linkClicked = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        set_by_name(self, "textInteractionFlags", "TextBrowserInteraction|TextSelectableByKeyboard")
        self.setOpenExternalLinks(False)
        self.setAcceptDrops(False)  # files dropped here go to the window, which imports them
        self.setUndoRedoEnabled(False)
        self.document().setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.anchorClicked.connect(self.linkClicked)
        self._document: Document | None = None
        self._highlights: list[Highlight] = []
        self._quotes: list[Quote] = []
        self._map = OffsetMap("", (), 0)
        self._dark = False
        self._font_size = DEFAULT_FONT_SIZE
        self._find_spans: list[Span] = []
        self._find_index = -1
        self._flash: Span | None = None
        self._built: QTextDocument | None = None
        self._pending_top: int | None = None  # see scroll_to_offset
        self._echo_caret = True  # see reveal
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)
        self.document().setDefaultFont(reading_font(self._font_size))
        self._floating_bar: FloatingBar | None = None  # made at the first selection
        self.selectionChanged.connect(self._place_floating_bar)
        self.cursorPositionChanged.connect(self._report_cursor)
        self._apply_colors()

    @property
    def floating_bar(self) -> FloatingBar:
        """The bar over a selection. Made when first wanted: its buttons and their swatches
        are a few milliseconds of start-up that a window showing no selection does not need."""
        if self._floating_bar is None:
            self._floating_bar = FloatingBar(self.viewport())
            self._floating_bar.colorPicked.connect(self.colorPicked)
            self._floating_bar.noteRequested.connect(self.noteRequested)
        return self._floating_bar

    # -- resources: Byline never loads anything from anywhere ------------------------------------
    def loadResource(self, type: int, name: QUrl | str) -> Any:
        # Empty bytes, not None: PySide mishandles None returned from this override.
        return QByteArray()

    # -- what is shown -------------------------------------------------------------------------
    @property
    def current_document(self) -> Document | None:
        return self._document

    @property
    def offset_map(self) -> OffsetMap:
        return self._map

    def show_document(
        self, document: Document, highlights: Sequence[Highlight], quotes: Sequence[Quote]
    ) -> None:
        self.show_rendered(render_document(document, highlights, quotes, self.look))

    def show_rendered(self, rendered: RenderedDocument) -> None:
        """Show a document rendered already (by a worker, see ui/rendering.py); rendered again
        here if the font size or theme changed while it was being built."""
        if not rendered.look.same_text_as(self.look):
            rendered = render_document(
                rendered.document, rendered.highlights, rendered.quotes, self.look
            )
        self._document = rendered.document
        self._highlights = list(rendered.highlights)
        self._quotes = list(rendered.quotes)
        self._find_spans, self._find_index, self._flash = [], -1, None
        self._attach(rendered)

    def clear_document(self) -> None:
        self._document = None
        self._highlights, self._quotes, self._find_spans = [], [], []
        self._map = OffsetMap("", (), 0)
        self.document().clear()
        if self._floating_bar is not None:
            self._floating_bar.hide()
        self._update_extra_selections()

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """Redraw highlights; only the spans that changed are reformatted."""
        old = {h.id: h for h in self._highlights}
        new = {h.id: h for h in highlights}
        changed: list[Span] = []
        for hid in old.keys() | new.keys():
            before, after = old.get(hid), new.get(hid)
            if before != after:
                for h in (before, after):
                    if h is not None:
                        changed.append((h.start, h.end))
        self._highlights = sorted(highlights, key=lambda h: (h.start, h.end, h.id))
        if self._document is None or not changed:
            return
        start = min(s for s, _ in changed)
        end = max(e for _, e in changed)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        self._paint_highlights(cursor, start, end)
        cursor.endEditBlock()

    def set_quotes(self, quotes: Sequence[Quote]) -> None:
        self._quotes = list(quotes)
        if self._document is None:
            return
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        clear = QTextCharFormat()
        clear.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
        self._merge(cursor, 0, len(self._document.text), clear)
        self._paint_quotes(cursor)
        cursor.endEditBlock()

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        self._apply_colors()
        if self._document is not None:
            # The place in the text, not the scroll bar's value: the text rendered anew is
            # laid out only in part, and the value would be cut to that part's height.
            top = self.top_offset()
            self._render()
            self.scroll_to_offset(top)

    @property
    def font_size(self) -> int:
        return self._font_size

    def set_font_size(self, size: int) -> None:
        self._font_size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))
        self.document().setDefaultFont(reading_font(self._font_size))
        self._fit_measure()

    # -- selection and caret, in canonical offsets ---------------------------------------------
    def selected_span(self) -> Span | None:
        """The selection as the canonical offsets of a passage: trimmed of surrounding white
        space and widened to whole words (``core.selection``)."""
        cursor = self.textCursor()
        if self._document is None or not cursor.hasSelection():
            return None
        start = self._map.to_text(cursor.selectionStart())
        end = self._map.to_text(cursor.selectionEnd())
        return passage_span(self._document.text, start, end)

    def select_span(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_doc(start))
        cursor.setPosition(self._map.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def caret_offset(self) -> int:
        return self._map.to_text(self.textCursor().position())

    def reveal(self, start: int, end: int, flash: bool = True) -> None:
        """Scroll so the span sits in the upper third of the view, put the caret there, and
        flash it briefly."""
        position = self._map.to_doc(start)
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        self._echo_caret = False  # the caret moved because of the sidebar; don't echo it back
        try:
            self.setTextCursor(cursor)  # selectionChanged still hides the floating bar
        finally:
            self._echo_caret = True
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)
        if flash:
            self._flash = (start, end)
            self._flash_timer.start(FLASH_MS)
            self._update_extra_selections()

    def top_offset(self) -> int:
        """Where the reader is: the canonical offset of the text at the top of the view (0 at
        the title). Kept across restarts instead of a scroll position, which a narrower window
        or another font size would make point elsewhere."""
        if self.verticalScrollBar().value() == 0:
            return 0
        return self._map.to_text(self.cursorForPosition(QPoint(0, 0)).position())

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the line holding ``offset`` is at the top of the view (0: the very top).
        Before the view is painted, again at each resize until it is: while a window is being
        shown its panes are resized more than once, and each width moves the lines."""
        self._pending_top = offset
        self._scroll_to_pending_top()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # QTextEdit scrolls to the caret when first shown
        if self._pending_top is not None:
            self._scroll_to_pending_top()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._pending_top = None  # on screen: from now on the reader scrolls

    def _scroll_to_pending_top(self) -> None:
        offset = self._pending_top
        bar = self.verticalScrollBar()
        if offset is None or offset <= 0 or self._document is None:
            bar.setValue(0)
            return
        position = self._map.to_doc(offset)
        qdoc = self.document()
        block = qdoc.findBlock(position)
        # Asking for the block's place lays the text out as far as it: a document just opened
        # is laid out only in part, and where a line falls is not known before.
        top = qdoc.documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(position - block.position())
        value = round(top + (line.y() if line.isValid() else 0))
        # The bar's range follows the layout a turn of the event loop later: widened now, so
        # that the value is not cut to the part laid out before.
        bar.setMaximum(max(bar.maximum(), value))
        bar.setValue(value)

    def span_is_visible(self, start: int) -> bool:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_doc(start))
        rect = self.cursorRect(cursor)
        return self.viewport().rect().contains(rect.center())

    # -- find ----------------------------------------------------------------------------------
    def find_all(self, needle: str) -> int:
        """Mark every match of ``needle`` (case-insensitive) and go to the first one after the
        caret; return the number of matches."""
        self._find_spans = []
        self._find_index = -1
        if self._document is not None and needle:
            pattern = re.compile(re.escape(needle), re.IGNORECASE)
            self._find_spans = [m.span() for m in pattern.finditer(self._document.text)]
        if self._find_spans:
            caret = self.caret_offset()
            after = [i for i, (s, _) in enumerate(self._find_spans) if s >= caret]
            self._go_to_match(after[0] if after else 0)
        self._update_extra_selections()
        return len(self._find_spans)

    def find_step(self, forward: bool = True) -> int:
        """Go to the next (or previous) match, wrapping; return its 0-based index or -1."""
        if not self._find_spans:
            return -1
        step = 1 if forward else -1
        self._go_to_match((self._find_index + step) % len(self._find_spans))
        self._update_extra_selections()
        return self._find_index

    @property
    def find_position(self) -> tuple[int, int]:
        """(index of the current match, number of matches)."""
        return self._find_index, len(self._find_spans)

    def clear_find(self) -> None:
        self._find_spans, self._find_index = [], -1
        self._update_extra_selections()

    def _go_to_match(self, index: int) -> None:
        self._find_index = index
        start, end = self._find_spans[index]
        self.reveal(start, end, flash=False)

    # -- rendering (built in ui/rendering.py, here or on a worker) ------------------------------
    @property
    def look(self) -> ReadingLook:
        """The settings a rendering for this view is made with."""
        link = self.palette().color(QPalette.ColorRole.Link).name()
        page = QTextFrameFormat(self.document().rootFrame().frameFormat())
        return ReadingLook(self._font_size, self._dark, link, page)

    def _render(self) -> None:
        assert self._document is not None
        self._attach(render_document(self._document, self._highlights, self._quotes, self.look))

    def _attach(self, rendered: RenderedDocument) -> None:
        qdoc = rendered.text
        qdoc.setParent(self)  # deleted with the view, or below when replaced
        self._map = rendered.offset_map
        previous, self._built = self._built, qdoc
        self.blockSignals(True)  # a new document is not the reader moving the caret
        self.setDocument(qdoc)  # deletes Qt's own first document, not the ones built here
        self.setTextCursor(QTextCursor(qdoc))
        self.blockSignals(False)
        if previous is not None:
            previous.deleteLater()
        self._fit_measure()
        # A new document starts at its top: placing the caret scrolled the page's top margin
        # (and so the title's breathing space) out of view.
        self.scroll_to_offset(0)
        self._update_extra_selections()

    def _merge(self, cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
        a, b = self._map.doc_span(start, end)
        if b <= a:
            return
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    def _paint_highlights(self, cursor: QTextCursor, start: int, end: int) -> None:
        """Clear backgrounds in [start, end) and draw every highlight overlapping it."""
        clear = QTextCharFormat()
        clear.setBackground(QBrush())
        self._merge(cursor, start, end, clear)
        formats: dict[str, QTextCharFormat] = {}
        for h in self._highlights:
            if h.end <= start or h.start >= end:
                continue
            fmt = formats.get(h.color)
            if fmt is None:
                fmt = QTextCharFormat()
                fmt.setBackground(highlight_color(h.color, self._dark))
                formats[h.color] = fmt
            self._merge(cursor, max(h.start, start), min(h.end, end), fmt)

    def _paint_quotes(self, cursor: QTextCursor) -> None:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(reading_colors(self._dark).quote_mark))
        for q in self._quotes:
            if q.kind is not QuoteKind.SCARE:
                self._merge(cursor, q.start, q.end, fmt)

    def _apply_colors(self) -> None:
        colors = reading_colors(self._dark)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(colors.page))
        palette.setColor(QPalette.ColorRole.Text, QColor(colors.ink))
        self.setPalette(palette)
        self.viewport().setPalette(palette)

    def _fit_measure(self) -> None:
        """Keep the text column about MEASURE_CHARS wide and centred."""
        metrics = QFontMetricsF(self.document().defaultFont())
        measure = metrics.averageCharWidth() * MEASURE_CHARS
        side = max(24.0, (self.viewport().width() - measure) / 2)
        root = self.document().rootFrame()
        frame_format = root.frameFormat()
        if abs(frame_format.leftMargin() - side) < 1 and frame_format.topMargin() == 32:
            return
        frame_format.setLeftMargin(side)
        frame_format.setRightMargin(side)
        frame_format.setTopMargin(32)
        frame_format.setBottomMargin(48)
        root.setFrameFormat(frame_format)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_measure()
        if self._pending_top is not None:
            self._scroll_to_pending_top()

    # -- transient marks -----------------------------------------------------------------------
    def _end_flash(self) -> None:
        self._flash = None
        self._update_extra_selections()

    def _extra(self, span: Span, color: str) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        a, b = self._map.doc_span(*span)
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(color))
        selection.format = fmt
        return selection

    def _update_extra_selections(self) -> None:
        colors = reading_colors(self._dark)
        selections = [
            self._extra(span, colors.find_current if i == self._find_index else colors.find_match)
            for i, span in enumerate(self._find_spans)
        ]
        if self._flash is not None:
            selections.append(self._extra(self._flash, colors.flash))
        self.setExtraSelections(selections)

    @property
    def is_flashing(self) -> bool:
        return self._flash is not None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.matches(QKeySequence.StandardKey.MoveToStartOfDocument):
            # Qt scrolls only as far as the caret's line; the page margin above the title
            # belongs to the top too, as when the document opened
            self.verticalScrollBar().setValue(0)

    # -- reporting -----------------------------------------------------------------------------
    def _report_cursor(self) -> None:
        if self._echo_caret and self._document is not None and not self.textCursor().hasSelection():
            self.cursorOffsetChanged.emit(self.caret_offset())

    def _place_floating_bar(self) -> None:
        if self.selected_span() is None:
            if self._floating_bar is not None:
                self._floating_bar.hide()
            return
        cursor = QTextCursor(self.textCursor())
        cursor.setPosition(self.textCursor().selectionStart())
        rect = self.cursorRect(cursor)
        bar = self.floating_bar
        bar.adjustSize()
        x = max(4, min(rect.left(), self.viewport().width() - bar.width() - 4))
        y = rect.top() - bar.height() - 6
        if y < 4:
            end_cursor = QTextCursor(self.textCursor())
            end_cursor.setPosition(self.textCursor().selectionEnd())
            y = self.cursorRect(end_cursor).bottom() + 6
        bar.move(x, y)
        bar.show()
        bar.raise_()
