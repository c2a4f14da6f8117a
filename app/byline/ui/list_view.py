"""A list view for multi-line entries (quotes, highlights, documents): the first line of each
entry is its heading (bold unless the model says otherwise), the rest wraps below it.

Rows are measured with font metrics, not a text document per row, and laid out in batches, so
a list of thousands of quotes or highlights appears at once."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from byline.ui.qt_values import DECORATION_ROLE, DISPLAY_ROLE, WRAPPED_TOP_LEFT, set_by_name

PADDING = 6
ICON_SPACE = 22
LINE_GAP = 2
WRAP = WRAPPED_TOP_LEFT  # what the delegates here and in highlight_rows wrap with


def draw_row_ground(option: QStyleOptionViewItem, painter: QPainter) -> None:
    """The row as the style draws it (selection, hover, focus) without its text or icon: the
    delegates draw those themselves."""
    widget = option.widget
    style = widget.style() if widget else QApplication.style()
    option.text = ""
    option.icon = QIcon()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)


class EntryDelegate(QStyledItemDelegate):
    def __init__(self, parent: QListView) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, str, str, str, int], QSize] = {}

    def _parts(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> tuple[str, str, QFont, QIcon | None, int]:
        text = str(index.data(DISPLAY_ROLE) or "")
        head, _, body = text.partition("\n")
        head_font = QFont(option.font)
        head_font.setBold(bool(getattr(index.model(), "bold_heading", True)))
        decoration = index.data(DECORATION_ROLE)
        icon = decoration if isinstance(decoration, QIcon) else None
        width = option.rect.width() - 2 * PADDING - (ICON_SPACE if icon else 0)
        return head, body, head_font, icon, max(60, width)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        head, body, head_font, icon, width = self._parts(option, index)
        draw_row_ground(option, painter)
        rect = option.rect
        left = rect.left() + PADDING
        top = rect.top() + PADDING
        if icon is not None:
            icon.paint(painter, QRect(left, top + 1, 14, 14))
            left += ICON_SPACE
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        style = option.widget.style() if option.widget else QApplication.style()
        palette = option.palette
        painter.save()
        painter.setFont(head_font)
        bounds = QFontMetrics(head_font).boundingRect(QRect(0, 0, width, 100_000), WRAP, head)
        head_rect = QRect(left, top, width, bounds.height())
        # The style draws the text in the palette's colour: painter.setPen would make the Qt
        # namespace at the first paint (see qt_values).
        style.drawItemText(painter, head_rect, WRAP, palette, True, head, role)
        if body:
            painter.setFont(option.font)
            body_top = head_rect.bottom() + 1 + LINE_GAP
            body_rect = QRect(left, body_top, width, rect.bottom() - body_top)
            style.drawItemText(painter, body_rect, WRAP, palette, True, body, role)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # Lists are laid out again after every change; measuring each distinct entry once keeps
        # that cheap with thousands of rows.
        view = self.parent()
        if isinstance(view, QListView):
            option.rect.setWidth(view.viewport().width() - 2)
        head, body, head_font, _icon, width = self._parts(option, index)
        key = (head, body, head_font.key(), option.font.key(), width)
        size = self._sizes.get(key)
        if size is None:
            bounds = QRect(0, 0, width, 100_000)
            height = QFontMetrics(head_font).boundingRect(bounds, WRAP, head).height()
            if body:
                body_rect = QFontMetrics(option.font).boundingRect(bounds, WRAP, body)
                height += LINE_GAP + body_rect.height()
            size = QSize(width, height + 2 * PADDING)
            if len(self._sizes) > 50_000:
                self._sizes.clear()
            self._sizes[key] = size
        return size


class EntryList(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setItemDelegate(EntryDelegate(self))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # re-measure wrapped rows on resize
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        set_by_name(self, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        set_by_name(self, "contextMenuPolicy", "CustomContextMenu")

    def lay_out_now(self) -> None:
        """Lay the rows out again now (a row's size changed), not at the next turn of the event
        loop: the first batch at once, the others after it."""
        self.doItemsLayout()

    def select_row(self, row: int) -> None:
        """Select a row without emitting ``clicked`` (what the caret in the text does)."""
        if row < 0:
            self.clearSelection()
            return
        self.setCurrentIndex(self.model().index(row, 0))
        if self.isVisible():
            self._scroll_to_current()
        else:  # scrolling lays the list out: not yet, at a width it will not have when shown
            QTimer.singleShot(0, self._scroll_to_current)

    def _scroll_to_current(self) -> None:
        index = self.currentIndex()
        if not index.isValid():
            return
        if self.visualRect(index).isValid():
            self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        elif self.isVisible():  # laid out a batch at a time: wait for the batch that holds it
            QTimer.singleShot(0, self._scroll_to_current)
