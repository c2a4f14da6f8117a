"""The Highlights tab's rows: each shows the highlighted passage, its note (plain text, wrapped,
beside a bar in the highlight's colour) and its tags, and opens in place into a
HighlightRowEditor (ui/highlight_editor.py): the passage stays above the editor and the row
grows to hold it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QListView, QStyle, QStyleOptionViewItem, QWidget

from byline.core.model import Highlight
from byline.ui.floating_bar import color_swatch
from byline.ui.highlight_editor import HighlightRowEditor
from byline.ui.list_view import (
    ICON_SPACE,
    LINE_GAP,
    PADDING,
    WRAP,
    EntryDelegate,
    draw_row_ground,
)
from byline.ui.models import ItemRole, note_text, passage_text, tags_text
from byline.ui.theme import highlight_color

Index = QModelIndex | QPersistentModelIndex
TAG_FONT_SCALE = 0.92
NOTE_INDENT, NOTE_BAR_WIDTH = 9, 3  # the note sits right of a bar in the highlight's colour

_Kind = Literal["passage", "note", "tags"]


@dataclass(frozen=True)
class _Part:
    """One piece of a row as painted: its text, font, indent and wrapped height."""

    text: str
    font: QFont
    kind: _Kind
    indent: int
    height: int


class HighlightDelegate(EntryDelegate):
    """Paints a highlight's row (passage, note, tags) and opens its editor in place: the
    passage stays above the editor, and the row grows to hold it."""

    editorOpened = Signal(object)  # HighlightRowEditor

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self.editor: HighlightRowEditor | None = None
        self._editing = QPersistentModelIndex()
        self._row_sizes: dict[tuple[object, ...], QSize] = {}

    @property
    def editing_row(self) -> int:
        return self._editing.row() if self.editor is not None and self._editing.isValid() else -1

    # -- painting and measuring ----------------------------------------------------------------
    def _width(self, option: QStyleOptionViewItem) -> int:
        return max(60, option.rect.width() - 2 * PADDING - ICON_SPACE)

    def _row_parts(
        self, option: QStyleOptionViewItem, value: Highlight, editing: bool
    ) -> list[_Part]:
        width = self._width(option)
        texts: list[tuple[str, QFont, _Kind]] = [
            (passage_text(value), QFont(option.font), "passage")
        ]
        if not editing:
            if value.note:
                texts.append((note_text(value), QFont(option.font), "note"))
            if value.tags:
                small = QFont(option.font)
                small.setPointSizeF(small.pointSizeF() * TAG_FONT_SCALE)
                texts.append((tags_text(value), small, "tags"))
        parts = []
        for text, font, kind in texts:
            indent = NOTE_INDENT if kind == "note" else 0
            bounds = QRect(0, 0, width - indent, 100_000)
            height = QFontMetrics(font).boundingRect(bounds, WRAP, text).height()
            parts.append(_Part(text, font, kind, indent, height))
        return parts

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        value = index.data(ItemRole)
        if not isinstance(value, Highlight):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        editing = self._is_editing(index)
        if editing:  # an open row is plainly the current one: a calmer ground under the editor
            option.state &= ~QStyle.StateFlag.State_Selected
            option.backgroundBrush = option.palette.alternateBase()
        draw_row_ground(option, painter)
        rect = option.rect
        left, top = rect.left() + PADDING, rect.top() + PADDING
        color_swatch(value.color).paint(painter, QRect(left, top + 1, 14, 14))
        left += ICON_SPACE
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        dark = option.palette.color(QPalette.ColorRole.Base).lightness() < 128
        width = self._width(option)
        painter.save()
        for part in self._row_parts(option, value, editing):
            if part.kind == "note":  # a bar in the highlight's colour: the reader's own words
                bar = QRect(left, top + 1, NOTE_BAR_WIDTH, part.height - 2)
                painter.fillRect(bar, highlight_color(value.color, dark).darker(115))
            role = QPalette.ColorRole.PlaceholderText if part.kind == "tags" else text_role
            painter.setPen(option.palette.color(role))
            painter.setFont(part.font)
            box = QRect(left + part.indent, top, width - part.indent, part.height)
            painter.drawText(box, WRAP, part.text)
            top += part.height + LINE_GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        value = index.data(ItemRole)
        if not isinstance(value, Highlight):
            return super().sizeHint(option, index)
        option.rect.setWidth(self._view.viewport().width() - 2)
        editing = self._is_editing(index)
        extra = self.editor.sizeHint().height() + LINE_GAP if editing and self.editor else 0
        # Measured once per distinct row and width: the list is laid out after every change.
        key = (value.exact, value.note, value.tags, option.rect.width(), option.font.key(), extra)
        size = self._row_sizes.get(key)
        if size is None:
            parts = self._row_parts(option, value, editing)
            height = sum(p.height for p in parts) + LINE_GAP * (len(parts) - 1) + extra
            size = QSize(self._width(option), height + 2 * PADDING)
            if len(self._row_sizes) > 50_000:
                self._row_sizes.clear()
            self._row_sizes[key] = size
        return size

    def _is_editing(self, index: Index) -> bool:
        return self.editor is not None and self._editing.isValid() and self._editing == index

    # -- the editor ----------------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = HighlightRowEditor(parent)
        self.editor, self._editing = editor, QPersistentModelIndex(index)
        editor.heightChanged.connect(self._editor_resized)
        self.editorOpened.emit(editor)
        self.sizeHintChanged.emit(index)  # the row grows to hold the editor (laid out soon)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(ItemRole)
        if isinstance(editor, HighlightRowEditor) and isinstance(value, Highlight):
            if editor.highlight_id != value.id:
                editor.load(value)
            else:
                editor.show_stored(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        # The view commits before closing the editor (another row was chosen): save what is
        # typed. The editor saves through its signals and commands, never into the model.
        if isinstance(editor, HighlightRowEditor):
            editor.flush()

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        value = index.data(ItemRole)
        passage = 0
        if isinstance(value, Highlight):
            passage = self._row_parts(option, value, True)[0].height
        left = option.rect.left() + PADDING + ICON_SPACE
        top = option.rect.top() + PADDING + passage + LINE_GAP
        width = max(60, option.rect.right() - PADDING - left)
        editor.setGeometry(left, top, width, editor.sizeHint().height())

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        if editor is self.editor:
            self.editor, self._editing = None, QPersistentModelIndex()
        if isinstance(editor, HighlightRowEditor):
            editor.release()
        super().destroyEditor(editor, index)
        self.sizeHintChanged.emit(index)  # the row shrinks back

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The row editor handles its own keys and focus (the default filter would close it on
        # Enter in the note, or when its swatches take a click).
        return False

    def _editor_resized(self) -> None:
        if self._editing.isValid():
            self.sizeHintChanged.emit(self._view.model().index(self._editing.row(), 0))
