"""List models over Byline's values, for the library pane and the sidebar. Each holds a list of
frozen values and shows them (the library list reads them as they are shown); ``ItemRole`` gives
the value itself back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6 import QtCore
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex

from byline.core.model import DocumentSummary, Highlight, Quote, QuoteKind, SearchHit
from byline.core.selection import innermost_at
from byline.core.wording import document_counts
from byline.ui.attribution import quote_words, readable_date
from byline.ui.floating_bar import color_swatch
from byline.ui.qt_values import DECORATION_ROLE, DISPLAY_ROLE, TOOL_TIP_ROLE, USER_ROLE

ItemRole = USER_ROLE + 1
UNATTRIBUTED = "Unattributed"

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


def elide(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class ValueListModel(QAbstractListModel, Generic[T]):
    """A read-only list of values; subclasses say how one is shown. The first line of what
    ``display`` returns is the entry's heading."""

    bold_heading = True

    def __init__(self) -> None:
        super().__init__()
        self._items: list[T] = []

    def set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    @property
    def items(self) -> list[T]:
        return list(self._items)

    def item(self, row: int) -> T:
        return self._items[row]

    def value_at(self, row: int) -> T | None:
        """What ``row`` shows (None: nothing to show)."""
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        value = self.value_at(index.row())
        if value is None:
            return None
        if role == ItemRole:
            return value
        if role == DISPLAY_ROLE:
            return self.display(value)
        if role == TOOL_TIP_ROLE:
            return self.tooltip(value)
        if role == DECORATION_ROLE:
            return self.decoration(value)
        return None

    def display(self, value: T) -> str:
        return str(value)

    def tooltip(self, value: T) -> str | None:
        return None

    def decoration(self, value: T) -> Any:
        return None


class DocumentListModel(ValueListModel[DocumentSummary]):
    """Every document's id, in the list's order, and the summaries of the rows the view asks
    for, read ``PAGE`` at a time: a library of 10,000 documents shows its first screen without
    reading the rest."""

    PAGE = 50

    def __init__(self, read: Callable[[Sequence[int]], list[DocumentSummary]]) -> None:
        super().__init__()
        self._read = read
        self._ids: list[int] = []
        self._read_rows: dict[int, DocumentSummary | None] = {}  # by id; None: it went

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._read_rows = {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._ids)

    def value_at(self, row: int) -> DocumentSummary | None:
        """The summary in ``row``: None when the document went (until the next ``set_ids``)."""
        doc_id = self._ids[row]
        if doc_id not in self._read_rows:
            first = row - row % self.PAGE
            page = [i for i in self._ids[first : first + self.PAGE] if i not in self._read_rows]
            found = {summary.id: summary for summary in self._read(page)}
            self._read_rows.update((i, found.get(i)) for i in page)
        return self._read_rows[doc_id]

    def reread(self, doc_id: int) -> None:
        """Show one document's row as the library has it now (its counts changed): its summary
        is read again when next shown, and the rest of the list is left as it is."""
        row = self.row_of(doc_id)
        if row < 0:
            return
        self._read_rows.pop(doc_id, None)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    def set_items(self, items: Sequence[DocumentSummary]) -> None:
        self.set_ids([s.id for s in items])
        self._read_rows = {s.id: s for s in items}

    @property
    def items(self) -> list[DocumentSummary]:
        """Every row's summary (reading them all)."""
        return [s for s in map(self.value_at, range(len(self._ids))) if s is not None]

    def item(self, row: int) -> DocumentSummary:
        value = self.value_at(row)
        if value is None:
            raise LookupError(f"document {self._ids[row]} is no longer in the library")
        return value

    def display(self, value: DocumentSummary) -> str:
        meta = " · ".join(p for p in (value.outlet, readable_date(value.published)) if p)
        counts = " · ".join(document_counts(value))
        lines = [elide(value.title or "Untitled", 90)]
        if meta:
            lines.append(meta)
        lines.append(counts)
        return "\n".join(lines)

    def tooltip(self, value: DocumentSummary) -> str | None:
        return value.title + (f"\nTags: {', '.join(value.tags)}" if value.tags else "")

    def row_of(self, doc_id: int) -> int:
        try:
            return self._ids.index(doc_id)
        except ValueError:
            return -1


class SearchHitModel(ValueListModel[SearchHit]):
    def display(self, value: SearchHit) -> str:
        label = {"document": "", "highlight": "Highlight · ", "note": "Note · "}[value.kind.value]
        snippet = value.snippet.replace("[", "«").replace("]", "»")
        return f"{elide(value.title, 80)}\n{label}{elide(snippet, 160)}"


NOTE_SHOWN_CHARS = 1200  # a longer note shows its start in the list; its editor shows it all


def passage_text(highlight: Highlight) -> str:
    return f"“{elide(highlight.exact, 180)}”"


def note_text(highlight: Highlight) -> str:
    """The note as the list shows it: plain text, its lines kept (the row wraps them)."""
    note = "\n".join(line.rstrip() for line in highlight.note.strip().splitlines())
    if len(note) <= NOTE_SHOWN_CHARS:
        return note
    return note[: NOTE_SHOWN_CHARS - 1].rstrip() + "…"


def tags_text(highlight: Highlight) -> str:
    return "  ".join(f"#{t}" for t in highlight.tags)


class HighlightListModel(ValueListModel[Highlight]):
    """The document's highlights; their rows open into an editor (ui/highlight_rows.py)."""

    bold_heading = False  # the heading is the passage itself

    def display(self, value: Highlight) -> str:
        parts = (passage_text(value), note_text(value), tags_text(value))
        return "\n".join(p for p in parts if p)

    def decoration(self, value: Highlight) -> Any:
        return color_swatch(value.color)

    def flags(self, index: Index) -> QtCore.Qt.ItemFlag:
        return super().flags(index) | QtCore.Qt.ItemFlag.ItemIsEditable

    def update_items(self, items: Sequence[Highlight]) -> list[int] | None:
        """Show new values of the highlights. When the same highlights stay in the same order
        (one was edited), the changed rows are updated in place and returned, so the selection
        and an open row editor stay; otherwise the list is reset and None returned."""
        new = list(items)
        if [h.id for h in new] != [h.id for h in self._items]:
            self.set_items(new)
            return None
        old, self._items = self._items, new
        changed = [row for row, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
        for row in changed:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)
        return changed

    def row_of(self, hl_id: int) -> int:
        for row, item in enumerate(self._items):
            if item.id == hl_id:
                return row
        return -1

    def row_at_offset(self, offset: int) -> int:
        """The highlight that covers a text offset (the innermost, when they nest)."""
        found = innermost_at(self._items, offset)
        return -1 if found is None else self.row_of(found.id)


def elide_quote(quote: Quote, limit: int) -> str:
    """A quote's words (``attribution.quote_words``) cut to about ``limit`` characters."""
    words = quote_words(quote)
    if quote.kind is QuoteKind.INDIRECT:
        return elide(words, limit)
    return f"“{elide(words[1:-1], limit)}”"


def speaker_label(quote: Quote) -> str:
    return quote.speaker or UNATTRIBUTED


class QuoteListModel(ValueListModel[Quote]):
    def display(self, value: Quote) -> str:
        head = speaker_label(value)
        if value.cue:
            head += f" · {value.cue}"
        if value.kind.value == "indirect":
            head += " (reported)"
        elif value.kind.value == "scare":
            head = "Scare quote"
        return f"{head}\n{elide_quote(value, 240)}"

    def row_at_offset(self, offset: int) -> int:
        """The quote that covers a text offset (the innermost, when they nest, as Copy and the
        highlight list take it)."""
        found = innermost_at(self._items, offset)
        return next((row for row, q in enumerate(self._items) if q is found), -1)
