"""Light and dark looks: the window palette, the reading column's colours, highlight colours.

No style sheet: a style sheet makes every widget's first polish several times slower (it was
6 ms of start-up), so the few touches the palette has no role for are painted by the widgets
that have them, in the colours below."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6 import QtCore
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

# Highlight colours by the name stored in the library, with a light and a dark rendering.
HIGHLIGHT_COLORS: dict[str, tuple[str, str]] = {
    "yellow": ("#fbe68a", "#6b5d1a"),
    "green": ("#bfe8b0", "#2f5a2a"),
    "blue": ("#bcdcf7", "#254a6b"),
    "pink": ("#f6c3dc", "#6b2c4b"),
    "orange": ("#fbcf9f", "#6e4320"),
}
COLOR_NAMES = tuple(HIGHLIGHT_COLORS)
# The reading column's font, in points: here, not in reader.py, for the window to know it
# before the reader is built.
DEFAULT_FONT_SIZE = 13
MIN_FONT_SIZE, MAX_FONT_SIZE = 9, 28
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
    rule: str  # the lines between the panes and above the find bar
    bar: str  # the floating bar over a selection, and its border
    bar_border: str


LIGHT = ReadingColors(
    page="#fbf8f1",
    ink="#2b2a27",
    muted="#77736a",
    quote_mark="#b4a98f",
    flash="#ffd54f",
    find_match="#e8e2cf",
    find_current="#f5b25b",
    rule="#e4dfd3",
    bar="#ffffff",
    bar_border="#cfc8b8",
)
DARK = ReadingColors(
    page="#1f1f1d",
    ink="#dcd8cf",
    muted="#9a958b",
    quote_mark="#7c7566",
    flash="#8a6d00",
    find_match="#3a3a34",
    find_current="#8a5a20",
    rule="#3a3935",
    bar="#2d2d2a",
    bar_border="#55524c",
)


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == QtCore.Qt.ColorScheme.Dark


def look_to_start_in(choice: ThemeChoice) -> bool:
    """Dark or not, before the first paint. Asking the system for its colour scheme makes the
    ``Qt`` namespace (see qt_values), so the system's own palette answers while Byline has
    applied none of its own; the window asks the system itself after its first paint. Where
    the two disagree (a light palette under a dark scheme, as Windows 10's default style
    gives), the first frame has the palette's look and the next the scheme's."""
    app = QApplication.instance()
    if choice is not ThemeChoice.SYSTEM or app is None or app.property(_APPLIED_LOOK):
        return is_dark(choice)
    palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    return window.lightness() < palette.color(QPalette.ColorRole.WindowText).lightness()


def applied_look_is_dark() -> bool:
    app = QApplication.instance()
    return app is not None and app.property(_APPLIED_LOOK) == "dark"


def is_dark(choice: ThemeChoice) -> bool:
    if choice is ThemeChoice.SYSTEM:
        return system_prefers_dark()
    return choice is ThemeChoice.DARK


def highlight_color(name: str, dark: bool) -> QColor:
    light_hex, dark_hex = HIGHLIGHT_COLORS.get(name, HIGHLIGHT_COLORS["yellow"])
    return QColor(dark_hex if dark else light_hex)


def reading_colors(dark: bool) -> ReadingColors:
    return DARK if dark else LIGHT


def applied_colors() -> ReadingColors:
    """The colours of the look ``apply_theme`` applied last, for widgets that paint their own."""
    return reading_colors(applied_look_is_dark())


def make_muted(label: QLabel) -> None:
    """Secondary text (counts, hints, empty states): the palette's placeholder colour, which
    each look sets, so it follows a change of look by itself."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)


def set_colors(widget: QWidget, background: str, text: str | None = None) -> None:
    """Fill ``widget`` with ``background`` (and its labels' text in ``text``); set again on
    every change of look, as the palette's own roles are."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(background))
    if text is not None:
        palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


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
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(DARK.muted))
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
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(LIGHT.muted))
    app.setPalette(palette)
    # Qt posts the change to every widget. Delivered now, before the window's widgets are
    # made, it reaches none of them (it was a hundred palette changes between the first show
    # and the first paint), and at a change of look every widget has the new one at once.
    QApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange)
