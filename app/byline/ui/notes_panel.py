"""The Notes tab: the document's own Markdown note and its tags."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from byline.store.rows import normalise_tags
from byline.ui.note_edit import NoteEdit
from byline.ui.theme import make_muted


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed as "#war, Kyiv": as the library will store them (``normalise_tags``), so
    retyping the tags shown is no change."""
    return tuple(normalise_tags(t.strip().lstrip("#") for t in text.split(",")))


class NotesPanel(QWidget):
    noteSaveRequested = Signal(int, str)  # document id, note
    tagsEdited = Signal(int, object, object)  # document id, tags before, tags after

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc_id: int | None = None
        self._tags: tuple[str, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText("Document tags, separated by commas")
        self.tags_edit.editingFinished.connect(self._tags_done)
        self.editor = NoteEdit(self)
        self.editor.setObjectName("documentNote")
        self.editor.setPlaceholderText("Notes on this document (Markdown). Saved as you type.")
        self.editor.saveRequested.connect(self._save)
        hint = QLabel("Saved as you type.", self)
        make_muted(hint)
        layout.addWidget(self.tags_edit)
        layout.addWidget(self.editor, 1)
        layout.addWidget(hint)
        self.setEnabled(False)

    def load(self, doc_id: int | None, note: str, tags: tuple[str, ...]) -> None:
        self.flush()
        self.doc_id = doc_id
        self.editor.load(note)
        self.tags_edit.setText(", ".join(tags))
        self._tags = tags
        self.setEnabled(doc_id is not None)

    def show_tags(self, tags: tuple[str, ...]) -> None:
        """The stored tags changed (an edit, its undo or redo): show them."""
        self._tags = tags
        self.tags_edit.setText(", ".join(tags))

    def flush(self) -> None:
        if self.doc_id is not None:
            self.editor.flush()

    def _save(self, text: str) -> None:
        if self.doc_id is not None:
            self.noteSaveRequested.emit(self.doc_id, text)

    def _tags_done(self) -> None:
        tags = parse_tags(self.tags_edit.text())
        if self.doc_id is not None and tags != self._tags:
            before, self._tags = self._tags, tags
            self.tagsEdited.emit(self.doc_id, before, tags)
