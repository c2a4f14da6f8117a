"""The editor a highlight's row in the Highlights tab opens into (see ui/highlight_rows.py):
colour swatches, Copy and Delete, the note and the tags. The note is saved as it is typed
(NoteEdit, half a second after the last key); Escape puts back the note it opened with,
Ctrl+Enter or moving the focus elsewhere closes it keeping what was typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from byline.core.model import Highlight
from byline.ui.floating_bar import color_swatch
from byline.ui.list_view import WRAP
from byline.ui.note_edit import NoteEdit
from byline.ui.notes_panel import parse_tags
from byline.ui.theme import COLOR_NAMES, make_muted

NOTE_LINES = (3, 12)  # the note editor grows with its text from the first to the second
EDITOR_HINT = "Ctrl+Enter to finish · Esc to cancel"


class HighlightRowEditor(QFrame):
    """The editor a highlight's row opens into: colour swatches, Copy and Delete, the note and
    the tags. Its signals carry the highlight's id; the panel turns them into commands."""

    noteSaveRequested = Signal(int, str)  # highlight id, the note to store
    tagsEdited = Signal(int, object)  # highlight id, tuple[str, ...]
    colorPicked = Signal(int, str)
    copyRequested = Signal(int)
    deleteRequested = Signal(int)
    # keep (False: Escape, put the note back), and whether a key asked (True) or the focus left
    closeRequested = Signal(bool, bool)
    heightChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("highlightRowEditor")
        self.highlight_id: int | None = None
        self._note_at_start = ""
        self._tags: tuple[str, ...] = ()
        self._closing = False

        bar = QHBoxLayout()
        bar.setSpacing(2)
        self.color_buttons: dict[str, QToolButton] = {}
        for name in COLOR_NAMES:
            button = QToolButton(self)
            button.setIcon(color_swatch(name, 16))
            button.setToolTip(f"Make it {name}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, n=name: self._color_clicked(n))
            bar.addWidget(button)
            self.color_buttons[name] = button
        bar.addStretch(1)
        self.copy_button = QToolButton(self)
        self.copy_button.setText("Copy")
        self.copy_button.setToolTip("Copy with attribution")
        self.copy_button.setAutoRaise(True)
        self.copy_button.clicked.connect(lambda: self._emit_id(self.copyRequested))
        self.delete_button = QToolButton(self)
        self.delete_button.setText("Delete")
        self.delete_button.setToolTip("Delete this highlight (Edit › Undo brings it back)")
        self.delete_button.setAutoRaise(True)
        self.delete_button.clicked.connect(self._delete_clicked)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.delete_button)

        self.note_edit = NoteEdit(self)
        self.note_edit.setObjectName("highlightNote")
        self.note_edit.setPlaceholderText("Note on this highlight, saved as you type")
        self.note_edit.saveRequested.connect(
            lambda text: self._emit_id(self.noteSaveRequested, text)
        )
        self.note_edit.textChanged.connect(self._fit_height)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setObjectName("highlightTags")
        self.tags_edit.setPlaceholderText("Tags, separated by commas")
        self.tags_edit.editingFinished.connect(self._tags_done)
        hint = QLabel(EDITOR_HINT, self)
        make_muted(hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.tags_edit)
        layout.addWidget(hint)
        self.setFocusProxy(self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.tags_edit)
        for field in (self.note_edit, self.tags_edit):
            field.installEventFilter(self)
        self._app = QApplication.instance()
        if isinstance(self._app, QApplication):
            self._app.focusChanged.connect(self._focus_changed)
        self._fit_height()

    # -- what it shows -------------------------------------------------------------------------
    def load(self, highlight: Highlight) -> None:
        """Show a highlight to edit; Escape will put back the note it has now."""
        self.highlight_id = highlight.id
        self._note_at_start = highlight.note
        self.note_edit.load(highlight.note)
        cursor = self.note_edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)  # to add to the note, the usual wish
        self.note_edit.setTextCursor(cursor)
        self._show_tags(highlight.tags)
        self._show_color(highlight.color)
        self._fit_height()

    def show_stored(self, highlight: Highlight) -> None:
        """The stored highlight changed (this editor's saves, an undo): show it, keeping what is
        being typed."""
        self.note_edit.show_stored(highlight.note)
        if highlight.tags != self._tags and not self.tags_edit.hasFocus():
            self._show_tags(highlight.tags)
        self._tags = highlight.tags
        self._show_color(highlight.color)

    def focus_note(self) -> None:
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_tags(self) -> None:
        self.tags_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.tags_edit.selectAll()

    # -- saving --------------------------------------------------------------------------------
    def flush(self) -> None:
        """Save now what is typed but not saved yet (note and tags)."""
        self.note_edit.flush()
        self._tags_done()

    def revert(self) -> None:
        """Escape: the note goes back to what it was when the editor opened (saved at once,
        which undoes the saves made while typing) and unsaved tag typing is dropped."""
        if self.note_edit.toPlainText() != self._note_at_start:
            self.note_edit.setPlainText(self._note_at_start)
        self.note_edit.flush()
        self._show_tags(self._tags)

    def discard(self) -> None:
        """The highlight is gone: forget whatever was typed for it."""
        self.note_edit.discard()
        self._show_tags(self._tags)

    def release(self) -> None:
        """The row closes: nothing typed is lost, and no later focus change reaches here."""
        if not self._closing:
            self._closing = True
            self.flush()
        if isinstance(self._app, QApplication):
            self._app.focusChanged.disconnect(self._focus_changed)
            self._app = None

    def mark_closing(self) -> None:
        self._closing = True

    # -- reactions -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(event, QKeyEvent):
            return False
        key, mods = event.key(), event.modifiers()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        escape = key == Qt.Key.Key_Escape and mods == Qt.KeyboardModifier.NoModifier
        finish = enter and (
            bool(mods & Qt.KeyboardModifier.ControlModifier) or watched is self.tags_edit
        )
        if not (escape or finish):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # these keys are ours, not a window shortcut's
            return True
        if finish:
            self.flush()
        self._closing = True
        self.closeRequested.emit(finish, True)
        return True

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Another widget of the window took the focus (a click in the text, another row):
        # done. Menus and dialogs are windows of their own and leave the editor open.
        if self._closing or not self._holds(old) or self._holds(new) or not self.isVisible():
            return
        if new is None or new.window() is not self.window():
            return
        self.flush()  # at once, whatever comes next
        # Closed once the event that moved the focus is handled: a click on another row
        # lands on the rows as they were, before this one shrinks back.
        QTimer.singleShot(0, self, self._focus_left)

    def _focus_left(self) -> None:
        if not self._closing and not self._holds(QApplication.focusWidget()):
            self._closing = True
            self.closeRequested.emit(True, False)

    def _holds(self, widget: QWidget | None) -> bool:
        return widget is not None and (widget is self or self.isAncestorOf(widget))

    def _emit_id(self, signal: SignalInstance, *args: object) -> None:
        if self.highlight_id is not None:
            signal.emit(self.highlight_id, *args)

    def _color_clicked(self, name: str) -> None:
        self.note_edit.flush()  # the colour's save must not overtake the typing before it
        self._emit_id(self.colorPicked, name)

    def _delete_clicked(self) -> None:
        self.note_edit.discard()  # typing for a highlight being deleted
        self._closing = True
        self._emit_id(self.deleteRequested)

    def _tags_done(self) -> None:
        tags = parse_tags(self.tags_edit.text())
        if tags != self._tags:
            self._tags = tags
            self._emit_id(self.tagsEdited, tags)

    def _show_tags(self, tags: tuple[str, ...]) -> None:
        self._tags = tags
        self.tags_edit.setText(", ".join(tags))

    def _show_color(self, color: str) -> None:
        for name, button in self.color_buttons.items():
            button.setChecked(name == color)

    def _fit_height(self) -> None:
        """Grow or shrink the note editor to its text (within NOTE_LINES lines)."""
        edit = self.note_edit
        metrics = QFontMetrics(edit.font())
        width = max(60, edit.viewport().width() - 2 * int(edit.document().documentMargin()))
        text = edit.toPlainText() or " "
        text_height = metrics.boundingRect(QRect(0, 0, width, 100_000), WRAP, text).height()
        lines = max(NOTE_LINES[0], min(NOTE_LINES[1], round(text_height / metrics.lineSpacing())))
        margins = 2 * (edit.frameWidth() + int(edit.document().documentMargin()))
        height = lines * metrics.lineSpacing() + margins
        if height != edit.height() or edit.minimumHeight() != height:
            edit.setFixedHeight(height)
            self.resize(self.width(), self.sizeHint().height())  # the row follows (heightChanged)
            self.heightChanged.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_height()  # a narrower row wraps the note onto more lines
