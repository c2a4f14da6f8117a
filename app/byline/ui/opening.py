"""Opening a document: everything the window shows of it, read from the library and rendered for
the reading view in one go, so that a worker can do it (a 5 MB document takes a third of a
second) while the window stays responsive."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QThread

from byline.core.model import Document, Highlight, Quote
from byline.store import Library
from byline.ui.rendering import ReadingLook, RenderedDocument, render_document
from byline.workflows import cached_document_quotes


@dataclass(frozen=True)
class OpenedDocument:
    rendered: RenderedDocument
    note: str
    quotes: tuple[Quote, ...] | None  # with the reader's corrections; None: not extracted yet

    @property
    def document(self) -> Document:
        return self.rendered.document

    @property
    def highlights(self) -> tuple[Highlight, ...]:
        return self.rendered.highlights


def open_from_library(
    library: Library, doc_id: int, look: ReadingLook, *, for_thread: QThread | None = None
) -> OpenedDocument:
    """Read a document with its highlights, note and cached quotes, and render it. Raises
    NotFound when it is not in the library (any more)."""
    document = library.get_document(doc_id)
    highlights = library.highlights(doc_id)
    note = library.get_note(doc_id)
    quotes = cached_document_quotes(library, doc_id)
    rendered = render_document(document, highlights, quotes or [], look, for_thread=for_thread)
    return OpenedDocument(rendered, note, tuple(quotes) if quotes is not None else None)
