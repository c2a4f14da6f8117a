"""The Highlights tab: the document's highlights in text order, each with its note, colour and
tags, edited in place in its row (double-click, Enter or F2: ui/highlight_rows.py paints the
rows, ui/highlight_editor.py is the editor), with a context menu for colour, tags, copying and
deleting."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from byline.core.model import Highlight
from byline.ui.floating_bar import color_swatch
from byline.ui.highlight_editor import HighlightRowEditor
from byline.ui.highlight_rows import HighlightDelegate
from byline.ui.list_view import EntryList
from byline.ui.models import HighlightListModel, ItemRole
from byline.ui.theme import COLOR_NAMES, make_muted

EDIT_KEYS = ("Return", "Enter", "F2")
LIST_HINT = "Double-click a highlight, or press Enter, to write its note."


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
        make_muted(self.empty_label)
        self.list = EntryList(self)
        self.list.setObjectName("highlightList")
        self.list.setModel(self.model)
        self.list.setIconSize(QSize(14, 14))
        self.delegate = HighlightDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        # On the press, not the click: a press on another row closes an open editor, and the
        # rows move up before the release.
        self.list.pressed.connect(self._pressed)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.delegate.editorOpened.connect(self._editor_opened)
        delete = QAction("Delete highlight", self.list)
        delete.setShortcuts(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._delete_current)
        edit = QAction("Edit note", self.list)
        edit.setShortcuts([QKeySequence(k) for k in EDIT_KEYS])
        edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # not inside the editor
        edit.triggered.connect(self._edit_current)
        self.list.addActions([delete, edit])
        self.hint_label = QLabel(LIST_HINT, self)
        self.hint_label.setWordWrap(True)
        make_muted(self.hint_label)

        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint_label)
        self._generation = 0  # counts updates: a save while updating may bring a newer one
        self._return_focus: QWidget | None = None  # where Escape / Ctrl+Enter send the focus
        self._show_empty(True)

    # -- state ---------------------------------------------------------------------------------
    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """Show the highlights, keeping the selected one selected. An edit of one highlight
        updates its row in place, so an open row editor stays open with what is typed in it;
        when highlights come or go the editor closes, saving its note first."""
        ordered = sorted(highlights, key=lambda h: (h.start, h.end, h.id))
        editor = self.editor
        if editor is not None and [h.id for h in ordered] != [h.id for h in self.model.items]:
            if any(h.id == editor.highlight_id for h in ordered):
                generation = self._generation
                editor.flush()
                if self._generation != generation:
                    return  # saving it showed the highlights as they are now
            else:
                editor.discard()  # its highlight is gone
            editor.mark_closing()
        self._generation += 1
        keep = self.current.id if self.current is not None else None
        changed = self.model.update_items(ordered)
        self._show_empty(not ordered)
        if changed is not None:
            for row in changed:  # a longer note makes a taller row
                self.delegate.sizeHintChanged.emit(self.model.index(row, 0))
            return
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.list.select_row(row)

    @property
    def current(self) -> Highlight | None:
        """The highlight selected in the list."""
        rows = self.list.selectionModel().selectedRows()
        value = rows[0].data(ItemRole) if rows else None
        return value if isinstance(value, Highlight) else None

    @property
    def editor(self) -> HighlightRowEditor | None:
        """The row editor, while one is open."""
        return self.delegate.editor

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

    def edit_note(self, hl_id: int | None = None, return_focus: QWidget | None = None) -> bool:
        """Open the row of a highlight (the selected one by default) into its editor, with the
        caret at the end of its note. ``return_focus`` gets the focus back when the editor is
        closed with Escape or Ctrl+Enter."""
        editor = self._open_editor(hl_id)
        if editor is None:
            return False
        self._return_focus = return_focus
        editor.focus_note()
        return True

    def edit_tags(self, hl_id: int | None = None) -> bool:
        editor = self._open_editor(hl_id)
        if editor is None:
            return False
        self._return_focus = None
        editor.focus_tags()
        return True

    def close_editor(self, keep: bool = True) -> None:
        """Close the row editor: keeping what was typed, or putting the note back (Escape)."""
        editor = self.editor
        if editor is None:
            return
        if keep:
            editor.flush()
        else:
            editor.revert()
        editor.mark_closing()
        self.delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def flush(self) -> None:
        """Save what is typed in the row editor now (before a worker reads the library)."""
        if self.editor is not None:
            self.editor.flush()

    # -- reactions -----------------------------------------------------------------------------
    def _show_empty(self, empty: bool) -> None:
        self.empty_label.setVisible(empty)
        self.hint_label.setVisible(not empty)

    def _highlight(self, hl_id: int) -> Highlight | None:
        row = self.model.row_of(hl_id)
        return self.model.item(row) if row >= 0 else None

    def _open_editor(self, hl_id: int | None) -> HighlightRowEditor | None:
        row = self.model.row_of(hl_id) if hl_id is not None else self.list.currentIndex().row()
        if row < 0:
            return None
        index = self.model.index(row, 0)
        if self.delegate.editing_row != row:
            self.list.select_row(row)  # closes another row's editor, saving it
            self.list.edit(index)
        self.list.lay_out_now()  # the row grew to hold the editor
        self.list.scrollTo(index)
        return self.editor

    def _editor_opened(self, editor: HighlightRowEditor) -> None:
        editor.noteSaveRequested.connect(self._note_saved)
        editor.tagsEdited.connect(self._tags_edited)
        editor.colorPicked.connect(self._color_picked)
        editor.copyRequested.connect(self._copy)
        editor.deleteRequested.connect(self._delete)
        editor.closeRequested.connect(self._editor_close_requested)
        self._return_focus = None
        # Opened by a double-click: show the whole grown row once it is laid out.
        QTimer.singleShot(0, self._scroll_to_editor)

    def _scroll_to_editor(self) -> None:
        row = self.delegate.editing_row
        if row >= 0:
            self.list.scrollTo(self.model.index(row, 0))

    def _editor_close_requested(self, keep: bool, by_key: bool) -> None:
        target = self._return_focus if by_key else None
        self._return_focus = None
        self.close_editor(keep)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _note_saved(self, hl_id: int, text: str) -> None:
        highlight = self._highlight(hl_id)
        if highlight is not None and highlight.note != text:
            self.noteEdited.emit(highlight, text)

    def _tags_edited(self, hl_id: int, tags: tuple[str, ...]) -> None:
        highlight = self._highlight(hl_id)
        if highlight is not None and highlight.tags != tags:
            self.tagsEdited.emit(highlight, tags)

    def _color_picked(self, hl_id: int, name: str) -> None:
        highlight = self._highlight(hl_id)
        if highlight is not None and highlight.color != name:
            self.colorChangeRequested.emit(highlight, name)
        elif self.editor is not None and highlight is not None:
            self.editor.show_stored(highlight)  # a click on the checked swatch unchecks it

    def _copy(self, hl_id: int) -> None:
        highlight = self._highlight(hl_id)
        if highlight is not None:
            self.copyRequested.emit(highlight)

    def _delete(self, hl_id: int) -> None:
        highlight = self._highlight(hl_id)
        if highlight is not None:
            self.deleteRequested.emit(highlight)

    def _edit_current(self) -> None:
        """Enter or F2 on a row: the text shows the passage, the row opens to write its note."""
        if self.current is not None:
            self.highlightActivated.emit(self.current)
        self.edit_note()

    def _delete_current(self) -> None:
        if self.current is not None:
            self.deleteRequested.emit(self.current)

    def _pressed(self, index: QModelIndex) -> None:
        value = index.data(ItemRole)
        left = QApplication.mouseButtons() & Qt.MouseButton.LeftButton
        if isinstance(value, Highlight) and left:
            self.highlightActivated.emit(value)

    def row_menu(self, value: Highlight) -> QMenu:
        """The context menu of a highlight's row."""
        menu = QMenu(self)
        edit = menu.addAction("Edit note", lambda: self.edit_note(value.id))
        edit.setShortcut(QKeySequence("F2"))
        menu.addAction("Edit tags", lambda: self.edit_tags(value.id))
        colors = menu.addMenu("Colour")
        for name in COLOR_NAMES:
            action = QAction(color_swatch(name), name.title(), colors)
            action.setCheckable(True)
            action.setChecked(name == value.color)
            action.triggered.connect(lambda _=False, n=name: self._color_picked(value.id, n))
            colors.addAction(action)
        menu.addSeparator()
        menu.addAction("Copy with attribution", lambda: self.copyRequested.emit(value))
        menu.addSeparator()
        menu.addAction("Delete highlight", lambda: self.deleteRequested.emit(value))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        value = index.data(ItemRole) if index.isValid() else None
        if isinstance(value, Highlight):
            self.row_menu(value).exec(self.list.viewport().mapToGlobal(pos))
