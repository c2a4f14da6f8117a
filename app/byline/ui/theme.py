"""Light and dark looks: the window palette, the reading column's colours, highlight colours."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from byline.assets import resource_path

# Highlight colours by the name stored in the library, with a light and a dark rendering.
HIGHLIGHT_COLORS: dict[str, tuple[str, str]] = {
    "yellow": ("#fbe68a", "#6b5d1a"),
    "green": ("#bfe8b0", "#2f5a2a"),
    "blue": ("#bcdcf7", "#254a6b"),
    "pink": ("#f6c3dc", "#6b2c4b"),
    "orange": ("#fbcf9f", "#6e4320"),
}
COLOR_NAMES = tuple(HIGHLIGHT_COLORS)
_APPLIED_LOOK = "bylineLook"  # application property: the look apply_theme set last


class ThemeChoice(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class ReadingColors:
    page: str
    ink: str
    muted: str
    quote_mark: str
    flash: str
    find_match: str
    find_current: str


LIGHT = ReadingColors("#fbf8f1", "#2b2a27", "#77736a", "#b4a98f", "#ffd54f", "#e8e2cf", "#f5b25b")
DARK = ReadingColors("#1f1f1d", "#dcd8cf", "#9a958b", "#7c7566", "#8a6d00", "#3a3a34", "#8a5a20")


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_dark(choice: ThemeChoice) -> bool:
    if choice is ThemeChoice.SYSTEM:
        return system_prefers_dark()
    return choice is ThemeChoice.DARK


def highlight_color(name: str, dark: bool) -> QColor:
    light_hex, dark_hex = HIGHLIGHT_COLORS.get(name, HIGHLIGHT_COLORS["yellow"])
    return QColor(dark_hex if dark else light_hex)


def reading_colors(dark: bool) -> ReadingColors:
    return DARK if dark else LIGHT


def apply_theme(app: QApplication, dark: bool) -> None:
    """Fusion with a palette of our own, so the look is the same on every desktop. The look
    applied already is not applied again: each change makes every widget lay itself out anew."""
    if app.property(_APPLIED_LOOK) == ("dark" if dark else "light"):
        return
    app.setProperty(_APPLIED_LOOK, "dark" if dark else "light")
    app.setStyle("Fusion")
    palette = QPalette()
    if dark:
        base, window, text, mid = QColor("#252523"), QColor("#2d2d2a"), QColor("#e6e2d9"), "#55524c"
        palette.setColor(QPalette.ColorRole.Window, window)
        palette.setColor(QPalette.ColorRole.WindowText, text)
        palette.setColor(QPalette.ColorRole.Base, base)
        palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#2a2a27"))
        palette.setColor(QPalette.ColorRole.Text, text)
        palette.setColor(QPalette.ColorRole.Button, window)
        palette.setColor(QPalette.ColorRole.ButtonText, text)
        palette.setColor(QPalette.ColorRole.ToolTipBase, base)
        palette.setColor(QPalette.ColorRole.ToolTipText, text)
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8c887f"))
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#3b5275"))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#f4f4f4"))
        palette.setColor(QPalette.ColorRole.Link, QColor("#8ab4f8"))
        palette.setColor(QPalette.ColorRole.Mid, QColor(mid))
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#77736a"))
        palette.setColor(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#77736a")
        )
    else:
        palette = app.style().standardPalette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#f2efe8"))
        palette.setColor(QPalette.ColorRole.Base, QColor("#fdfcf9"))
        palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f6f3ec"))
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#bcd2ee"))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#16202c"))
    app.setPalette(palette)
    sheet = resource_path("dark.qss" if dark else "light.qss")
    app.setStyleSheet(sheet.read_text(encoding="utf-8") if sheet.exists() else "")
