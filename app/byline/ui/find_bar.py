"""The find bar under the reading view: a field, previous/next, and "n of m"."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from byline.ui.reader import ReaderView
from byline.ui.theme import applied_colors


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, reader: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in document")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self.find_next)
        self.field.installEventFilter(self)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.previous_button.setToolTip("Previous match (Shift+F3)")
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.setToolTip("Next match (F3)")
        self.next_button.clicked.connect(self.find_next)
        self.count_label = QLabel("", self)
        self.count_label.setMinimumWidth(90)
        close = self.close_button = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.setAutoRaise(True)
        close.clicked.connect(self.close_bar)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count_label)
        layout.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        selected = self.reader.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) < 80:
            self.field.setText(selected)
        self.field.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._search(self.field.text())

    def close_bar(self) -> None:
        self.reader.clear_find()
        self.hide()
        self.reader.setFocus()
        self.closed.emit()

    def find_next(self) -> None:
        self.reader.find_step(forward=True)
        self._show_count()

    def find_previous(self) -> None:
        self.reader.find_step(forward=False)
        self._show_count()

    def rerun(self) -> None:
        """The document changed: search it again."""
        if self.isVisible():
            self._search(self.field.text())

    def _search(self, text: str) -> None:
        self.reader.find_all(text)
        self._show_count()

    def _show_count(self) -> None:
        index, total = self.reader.find_position
        if not self.field.text():
            self.count_label.setText("")
        elif total == 0:
            self.count_label.setText("No matches")
        else:
            self.count_label.setText(f"{index + 1} of {total}")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)  # the rule that parts the bar from the text above it
        painter.setPen(QColor(applied_colors().rule))
        painter.drawLine(0, 0, self.width(), 0)

    def eventFilter(self, watched: object, event: object) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == QtCore.Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter) and (
                event.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier
            ):
                self.find_previous()
                return True
        return False
