"""The small bar that floats over a text selection: one button per highlight colour and a note
button."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QRectF, QSize, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from byline.ui.theme import COLOR_NAMES, applied_colors, highlight_color

_SWATCHES: dict[tuple[str, int, bool], QIcon] = {}


def color_swatch(name: str, size: int = 14, dark: bool = False) -> QIcon:
    """A round swatch of a highlight colour (made once per colour and size)."""
    key = (name, size, dark)
    if key not in _SWATCHES:
        _SWATCHES[key] = _draw_swatch(name, size, dark)
    return _SWATCHES[key]


def _draw_swatch(name: str, size: int, dark: bool) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QtCore.Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(highlight_color(name, dark))
    painter.setPen(QColor(0, 0, 0, 70))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class FloatingBar(QWidget):
    colorPicked = Signal(str)
    noteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(QtCore.Qt.CursorShape.ArrowCursor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for name in COLOR_NAMES:
            button = QToolButton(self)
            button.setIcon(color_swatch(name))
            button.setIconSize(QSize(16, 16))
            button.setAutoRaise(True)
            button.setToolTip(f"Highlight in {name}")
            button.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)  # keep the selection in the text
            button.clicked.connect(lambda _=False, n=name: self.colorPicked.emit(n))
            layout.addWidget(button)
            self.buttons[name] = button
        self.note_button = QToolButton(self)
        self.note_button.setText("Note")
        self.note_button.setAutoRaise(True)
        self.note_button.setToolTip("Highlight and write a note (N)")
        self.note_button.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.note_button.clicked.connect(self.noteRequested)
        layout.addWidget(self.note_button)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        colors = applied_colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(colors.bar_border))
        painter.setBrush(QColor(colors.bar))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
