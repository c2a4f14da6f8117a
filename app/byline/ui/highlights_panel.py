"""The Highlights tab: the document's highlights in text order, and an editor for the selected one
(colour, note, tags, delete, copy with attribution)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from byline.core.model import Highlight
from byline.ui.floating_bar import color_swatch
from byline.ui.list_view import EntryList
from byline.ui.models import HighlightListModel, ItemRole
from byline.ui.note_edit import NoteEdit
from byline.ui.notes_panel import parse_tags
from byline.ui.theme import COLOR_NAMES


class HighlightsPanel(QWidget):
    highlightActivated = Signal(object)  # Highlight clicked in the list
    colorChangeRequested = Signal(object, str)
    noteEdited = Signal(object, str)
    tagsEdited = Signal(object, object)  # Highlight, tuple[str, ...]
    deleteRequested = Signal(object)
    copyRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HighlightListModel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.empty_label = QLabel("Select text and press H to highlight it, N to add a note.")
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("mutedLabel")
        self.list = EntryList(self)
        self.list.setObjectName("highlightList")
        self.list.setModel(self.model)
        self.list.setIconSize(QSize(14, 14))
        self.list.clicked.connect(self._clicked)
        self.list.activated.connect(self._clicked)  # Enter on the keyboard
        self.list.doubleClicked.connect(lambda _index: self.focus_note())
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.customContextMenuRequested.connect(self._context_menu)
        delete = QAction("Delete highlight", self.list)
        delete.setShortcuts(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._delete)
        self.list.addAction(delete)

        self.editor = QWidget(self)
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        colors = QHBoxLayout()
        self.color_buttons: dict[str, QToolButton] = {}
        for name in COLOR_NAMES:
            button = QToolButton(self.editor)
            button.setIcon(color_swatch(name, 16))
            button.setToolTip(f"Make it {name}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, n=name: self._color_clicked(n))
            colors.addWidget(button)
            self.color_buttons[name] = button
        colors.addStretch(1)
        self.copy_button = QPushButton("Copy", self.editor)
        self.copy_button.setToolTip("Copy with attribution")
        self.copy_button.clicked.connect(self._copy)
        self.delete_button = QPushButton("Delete", self.editor)
        self.delete_button.clicked.connect(self._delete)
        colors.addWidget(self.copy_button)
        colors.addWidget(self.delete_button)
        self.note_edit = NoteEdit(self.editor)
        self.note_edit.setObjectName("highlightNote")
        self.note_edit.setPlaceholderText("Note on this highlight")
        self.note_edit.setMaximumHeight(110)
        self.note_edit.saveRequested.connect(self._note_saved)
        self.tags_edit = QLineEdit(self.editor)
        self.tags_edit.setPlaceholderText("Tags, separated by commas")
        self.tags_edit.editingFinished.connect(self._tags_done)
        editor_layout.addLayout(colors)
        editor_layout.addWidget(self.note_edit)
        editor_layout.addWidget(self.tags_edit)

        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.editor)
        self._current: Highlight | None = None
        self._show_editor(None)

    # -- state ---------------------------------------------------------------------------------
    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """Show the highlights, keeping the selected one selected (and its note as typed)."""
        keep = self._current.id if self._current else None
        self.note_edit.flush()
        self.list.selectionModel().blockSignals(True)
        self.model.set_items(sorted(highlights, key=lambda h: (h.start, h.end, h.id)))
        self.list.selectionModel().blockSignals(False)
        self.empty_label.setVisible(not highlights)
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.list.select_row(row)
            self._show_editor(self.model.item(row), reload_note=False)
        else:
            self._show_editor(None)

    @property
    def current(self) -> Highlight | None:
        return self._current

    def select_highlight(self, hl_id: int) -> bool:
        row = self.model.row_of(hl_id)
        if row < 0:
            return False
        self.list.select_row(row)
        return True

    def select_offset(self, offset: int) -> bool:
        row = self.model.row_at_offset(offset)
        if row >= 0:
            self.list.select_row(row)
        return row >= 0

    def focus_note(self) -> None:
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def flush(self) -> None:
        self.note_edit.flush()

    # -- reactions -----------------------------------------------------------------------------
    def _show_editor(self, highlight: Highlight | None, reload_note: bool = True) -> None:
        previous = self._current
        if previous is not None and (highlight is None or highlight.id != previous.id):
            self.note_edit.flush()
            reload_note = True
        self._current = highlight
        self.editor.setEnabled(highlight is not None)
        for name, button in self.color_buttons.items():
            button.setChecked(highlight is not None and highlight.color == name)
        if highlight is None:
            self.note_edit.load("")
            self.tags_edit.clear()
            return
        if reload_note:
            self.note_edit.load(highlight.note)
        else:
            self.note_edit.show_stored(highlight.note)
        if not self.tags_edit.hasFocus():
            self.tags_edit.setText(", ".join(highlight.tags))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        value = current.data(ItemRole) if current.isValid() else None
        self._show_editor(value if isinstance(value, Highlight) else None)

    def _clicked(self, index: QModelIndex) -> None:
        value = index.data(ItemRole)
        if isinstance(value, Highlight):
            self.highlightActivated.emit(value)

    def _color_clicked(self, name: str) -> None:
        if self._current is not None and self._current.color != name:
            self.colorChangeRequested.emit(self._current, name)
        elif self._current is not None:
            self.color_buttons[name].setChecked(True)

    def _note_saved(self, text: str) -> None:
        if self._current is not None:
            self.noteEdited.emit(self._current, text)

    def _tags_done(self) -> None:
        if self._current is None:
            return
        tags = parse_tags(self.tags_edit.text())
        if tags != self._current.tags:
            self.tagsEdited.emit(self._current, tags)

    def _delete(self) -> None:
        if self._current is not None:
            self.deleteRequested.emit(self._current)

    def _copy(self) -> None:
        if self._current is not None:
            self.copyRequested.emit(self._current)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        value = index.data(ItemRole) if index.isValid() else None
        if not isinstance(value, Highlight):
            return
        menu = QMenu(self)
        menu.addAction("Copy with attribution", lambda: self.copyRequested.emit(value))
        colors = menu.addMenu("Colour")
        for name in COLOR_NAMES:
            colors.addAction(
                color_swatch(name),
                name.title(),
                lambda n=name: self.colorChangeRequested.emit(value, n),
            )
        menu.addSeparator()
        menu.addAction("Delete highlight", lambda: self.deleteRequested.emit(value))
        menu.exec(self.list.viewport().mapToGlobal(pos))
