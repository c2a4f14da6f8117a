"""A list view for multi-line entries (quotes, highlights, documents): the first line of each
entry is its heading (bold), the rest wraps below it."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QIcon, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

PADDING = 6
ICON_SPACE = 22


class EntryDelegate(QStyledItemDelegate):
    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        head, _, rest = text.partition("\n")
        body = html.escape(rest).replace("\n", "<br>")
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        heading = html.escape(head)
        if getattr(index.model(), "bold_heading", True):
            heading = f"<b>{heading}</b>"
        doc.setHtml(heading + (f"<br>{body}" if rest else ""))
        width = option.rect.width() - 2 * PADDING
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            width -= ICON_SPACE
        doc.setTextWidth(max(80, width))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text = option.text
        option.text = ""
        decoration = index.data(Qt.ItemDataRole.DecorationRole)
        icon = decoration if isinstance(decoration, QIcon) else QIcon()
        option.icon = QIcon()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text
        rect = option.rect
        left = rect.left() + PADDING
        if not icon.isNull():
            icon.paint(painter, left, rect.top() + PADDING + 2, 14, 14)
            left += ICON_SPACE
        doc = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(left, rect.top() + PADDING)
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.initStyleOption(option, index)
        view = option.widget
        if isinstance(view, QListView):
            option.rect.setWidth(view.viewport().width() - 2)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2 * PADDING)


class EntryList(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(EntryDelegate(self))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # re-measure wrapped rows on resize
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def select_row(self, row: int) -> None:
        """Select a row without emitting ``clicked`` (what the caret in the text does)."""
        if row < 0:
            self.clearSelection()
            return
        index = self.model().index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
