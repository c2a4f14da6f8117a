"""Every change a reader makes, as an undoable command on the session's QUndoStack. Each calls the
Library and announces the change through the Session's signals; widgets only listen.

A command whose change cannot be saved marks itself obsolete, so the stack drops it instead of
keeping a step that never happened, and the session reports the error."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from byline.core.errors import BylineError
from byline.core.model import Highlight, QuoteCorrection
from byline.store.rows import normalise_tags
from byline.ui.session import Session

_HIGHLIGHT_NOTE_EDIT_ID = 1002


class LibraryCommand(QUndoCommand):
    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self._session = session
        self.error: str | None = None

    def _apply(self, change: Callable[[], object]) -> bool:
        try:
            self._session.write(change)
        except BylineError as exc:
            self.error = str(exc)
            self.setObsolete(True)
            self._session.errorOccurred.emit(self.error)
            return False
        return True


class CreateHighlight(LibraryCommand):
    """Make a highlight; undo deletes it, redo brings it back with the same id."""

    def __init__(
        self, session: Session, doc_id: int, start: int, end: int, color: str, note: str = ""
    ) -> None:
        super().__init__(session, "Highlight")
        self._args = (doc_id, start, end, color, note)
        self.highlight: Highlight | None = None

    def redo(self) -> None:
        lib = self._session.library
        if self.highlight is None:
            doc_id, start, end, color, note = self._args

            def create() -> None:
                self.highlight = lib.add_highlight(doc_id, start, end, color=color, note=note)

            ok = self._apply(create)
        else:
            highlight = self.highlight
            ok = self._apply(lambda: lib.restore_highlight(highlight))
        if ok:
            self._announce()

    def undo(self) -> None:
        assert self.highlight is not None
        hl_id = self.highlight.id

        def delete() -> None:
            self.highlight = self._session.library.delete_highlight(hl_id)

        if self._apply(delete):
            self._announce()

    def _announce(self) -> None:
        self._session.highlightsChanged.emit(self._args[0])
        self._session.documentChanged.emit(self._args[0])


class DeleteHighlight(LibraryCommand):
    def __init__(self, session: Session, highlight: Highlight) -> None:
        super().__init__(session, "Delete highlight")
        self.highlight = highlight

    def redo(self) -> None:
        def delete() -> None:
            self.highlight = self._session.library.delete_highlight(self.highlight.id)

        if self._apply(delete):
            self._announce()

    def undo(self) -> None:
        highlight = self.highlight
        if self._apply(lambda: self._session.library.restore_highlight(highlight)):
            self._announce()

    def _announce(self) -> None:
        self._session.highlightsChanged.emit(self.highlight.document_id)
        self._session.documentChanged.emit(self.highlight.document_id)


class EditHighlight(LibraryCommand):
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
        super().__init__(session, f"Edit highlight {what}")
        self.before = before
        self.color, self.note = color, note
        self.tags = tuple(tags) if tags is not None else None

    def id(self) -> int:
        only_note = self.note is not None and self.color is None and self.tags is None
        return _HIGHLIGHT_NOTE_EDIT_ID if only_note else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditHighlight) or other.before.id != self.before.id:
            return False
        if other.isObsolete():  # its save failed: nothing to merge, the stack drops it
            return False
        self.note = other.note
        # Typing that ends where it began (Escape in the row editor) leaves no undo step.
        self.setObsolete(self.note == self.before.note)
        return True

    def redo(self) -> None:
        lib, b = self._session.library, self.before
        color, note, tags = self.color, self.note, self.tags
        if self._apply(lambda: lib.update_highlight(b.id, color=color, note=note, tags=tags)):
            self._announce()

    def undo(self) -> None:
        lib, b = self._session.library, self.before
        if self._apply(lambda: lib.update_highlight(b.id, color=b.color, note=b.note, tags=b.tags)):
            self._announce()

    def _announce(self) -> None:
        self._session.highlightsChanged.emit(self.before.document_id)
        self._session.documentChanged.emit(self.before.document_id)


class EditDocumentNote(LibraryCommand):
    """One coarse step of editing a document's note (the editor saves every half second of
    quiet; those saves are the steps)."""

    def __init__(self, session: Session, doc_id: int, before: str, after: str) -> None:
        super().__init__(session, "Edit note")
        self.doc_id, self.before, self.after = doc_id, before, after

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)

    def _set(self, text: str) -> None:
        if self._apply(lambda: self._session.library.set_note(self.doc_id, text)):
            self._session.noteChanged.emit(self.doc_id, text)
            self._session.documentChanged.emit(self.doc_id)


class CorrectQuote(LibraryCommand):
    """Record a reader's correction of a quote (its speaker, or "not a quote"); undo puts back
    the correction that was there before, or none."""

    def __init__(self, session: Session, correction: QuoteCorrection) -> None:
        super().__init__(session, "Not a quote" if correction.not_a_quote else "Correct speaker")
        self.after = correction
        span = (correction.start, correction.end)
        earlier = session.library.quote_corrections(correction.document_id)
        self.before = next(
            (c for c in earlier if (c.start, c.end) == span),
            QuoteCorrection(correction.document_id, *span),  # no correction: the extracted quote
        )

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)

    def _set(self, correction: QuoteCorrection) -> None:
        if self._apply(lambda: self._session.library.set_quote_correction(correction)):
            self._session.quotesChanged.emit(correction.document_id)
            self._session.documentChanged.emit(correction.document_id)


class EditDocumentTags(LibraryCommand):
    """Replace a document's tags; undo puts back the ones it had."""

    def __init__(
        self, session: Session, doc_id: int, before: Sequence[str], after: Sequence[str]
    ) -> None:
        super().__init__(session, "Edit document tags")
        self.doc_id = doc_id
        self.before = tuple(normalise_tags(before))
        self.after = tuple(normalise_tags(after))  # as the library will store them

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)

    def _set(self, tags: tuple[str, ...]) -> None:
        if self._apply(lambda: self._session.library.set_document_tags(self.doc_id, tags)):
            self._session.documentTagsChanged.emit(self.doc_id, tags)
            self._session.documentsChanged.emit()
