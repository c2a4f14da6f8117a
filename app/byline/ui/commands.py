"""Every change a reader makes, as an undoable command on the session's QUndoStack. Each calls the
Library and announces the change through the Session's signals; widgets only listen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from byline.core.model import Highlight
from byline.ui.session import Session

_NOTE_EDIT_ID = 1001
_HIGHLIGHT_NOTE_EDIT_ID = 1002


class CreateHighlight(QUndoCommand):
    """Make a highlight; undo deletes it, redo brings it back with the same id."""

    def __init__(
        self, session: Session, doc_id: int, start: int, end: int, color: str, note: str = ""
    ) -> None:
        super().__init__("Highlight")
        self._session = session
        self._args = (doc_id, start, end, color, note)
        self.highlight: Highlight | None = None

    def redo(self) -> None:
        lib = self._session.library
        if self.highlight is None:
            doc_id, start, end, color, note = self._args
            self.highlight = lib.add_highlight(doc_id, start, end, color=color, note=note)
        else:
            lib.restore_highlight(self.highlight)
        self._announce()

    def undo(self) -> None:
        assert self.highlight is not None
        self.highlight = self._session.library.delete_highlight(self.highlight.id)
        self._announce()

    def _announce(self) -> None:
        self._session.highlightsChanged.emit(self._args[0])
        self._session.documentsChanged.emit()


class DeleteHighlight(QUndoCommand):
    def __init__(self, session: Session, highlight: Highlight) -> None:
        super().__init__("Delete highlight")
        self._session = session
        self.highlight = highlight

    def redo(self) -> None:
        self.highlight = self._session.library.delete_highlight(self.highlight.id)
        self._announce()

    def undo(self) -> None:
        self._session.library.restore_highlight(self.highlight)
        self._announce()

    def _announce(self) -> None:
        self._session.highlightsChanged.emit(self.highlight.document_id)
        self._session.documentsChanged.emit()


class EditHighlight(QUndoCommand):
    """Change a highlight's colour, note or tags. Successive note edits of the same highlight
    merge into one undo step."""

    def __init__(
        self,
        session: Session,
        before: Highlight,
        *,
        color: str | None = None,
        note: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> None:
        what = "colour" if color is not None else "note" if note is not None else "tags"
        super().__init__(f"Edit highlight {what}")
        self._session = session
        self.before = before
        self.color, self.note = color, note
        self.tags = tuple(tags) if tags is not None else None

    def id(self) -> int:
        only_note = self.note is not None and self.color is None and self.tags is None
        return _HIGHLIGHT_NOTE_EDIT_ID if only_note else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditHighlight) or other.before.id != self.before.id:
            return False
        self.note = other.note
        return True

    def redo(self) -> None:
        self._session.library.update_highlight(
            self.before.id, color=self.color, note=self.note, tags=self.tags
        )
        self._announce()

    def undo(self) -> None:
        b = self.before
        self._session.library.update_highlight(b.id, color=b.color, note=b.note, tags=b.tags)
        self._announce()

    def _announce(self) -> None:
        self._session.highlightsChanged.emit(self.before.document_id)
        self._session.documentsChanged.emit()


class EditDocumentNote(QUndoCommand):
    """One coarse step of editing a document's note (the editor saves every half second of
    quiet; those saves are the steps)."""

    def __init__(self, session: Session, doc_id: int, before: str, after: str) -> None:
        super().__init__("Edit note")
        self._session = session
        self.doc_id, self.before, self.after = doc_id, before, after

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)

    def _set(self, text: str) -> None:
        self._session.library.set_note(self.doc_id, text)
        self._session.noteChanged.emit(self.doc_id, text)
        self._session.documentsChanged.emit()
