"""A plain-text editor that saves itself: it reports its text after half a second without typing
and again when it loses focus, so nothing typed is ever lost."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFont
from PySide6.QtWidgets import QPlainTextEdit, QWidget

SAVE_DELAY_MS = 500


class NoteEdit(QPlainTextEdit):
    saveRequested = Signal(str)  # the text to store (only when it differs from what is stored)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.05)
        self.setFont(font)
        self.setTabChangesFocus(True)

    def load(self, text: str) -> None:
        """Show stored text (a different document or highlight); nothing is saved by this."""
        self._timer.stop()
        self._stored = text
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)

    def show_stored(self, text: str) -> None:
        """The stored text changed underneath (undo/redo): show it, keeping the caret. The same
        text as before (another field of the same thing changed) keeps unsaved typing."""
        if text == self._stored:
            return
        self._stored = text
        if self.toPlainText() == text:
            return
        position = self.textCursor().position()
        self.load(text)
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(text)))
        self.setTextCursor(cursor)

    def discard(self) -> None:
        """Forget typing not saved yet (what it was typed for is gone)."""
        self.load(self._stored)

    @property
    def has_unsaved_text(self) -> bool:
        return self.toPlainText() != self._stored

    def flush(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        if text != self._stored:
            self._stored = text
            self.saveRequested.emit(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)
