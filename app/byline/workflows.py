"""What the command line and the window both do, in one place: import a batch of files into the
library with their quotes, get a document's quotes (cached per extractor version, with the
reader's corrections), and see who is quoted across the library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from byline.core.errors import BylineError, NotFound
from byline.core.model import (
    DocumentSummary,
    ImportOutcome,
    ImportReport,
    ParsedDocument,
    Quote,
    SpeakerIndex,
    SpeakerQuote,
)
from byline.core.quotes import EXTRACTOR_VERSION, apply_corrections
from byline.store import Library, content_hash

# The window shows cached quotes through this module before its first paint, so the importers
# (and the parsers they load) and the extractor (its patterns compile on import) are imported
# where a file is read or a text searched for quotes, not here.

ProgressCallback = Callable[[int, int | None, Path], None]


def import_paths(
    library: Library,
    paths: Iterable[Path],
    *,
    on_progress: ProgressCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import files and folders (recursively). One bad file never stops the batch: it is reported
    as failed with a one-line reason. ``on_progress(done, total, path)`` is called before each
    file; ``should_cancel()`` is polled between files, and what was imported so far is kept."""
    from byline.importers import iter_importable  # see the imports above

    files = list(iter_importable(Path(p) for p in paths))
    outcomes: list[ImportOutcome] = []
    for index, path in enumerate(files):
        if should_cancel is not None and should_cancel():
            break
        if on_progress is not None:
            on_progress(index, len(files), path)
        outcomes.append(import_one(library, path))
    if on_progress is not None and (should_cancel is None or not should_cancel()):
        on_progress(len(files), len(files), files[-1] if files else Path())
    return ImportReport(tuple(outcomes))


def import_one(library: Library, path: Path) -> ImportOutcome:
    """Import one file with its quotes (see ``add_document_with_quotes``)."""
    from byline.importers import parse_file  # see the imports above

    try:
        parsed = parse_file(path)
        digest = content_hash(parsed.text)
        quotes = quotes_if_new(library, parsed, digest)
        doc_id, duplicate = add_document_with_quotes(library, parsed, quotes, digest=digest)
    except BylineError as exc:
        return ImportOutcome(str(path), "failed", error=str(exc))
    except OSError as exc:
        return ImportOutcome(str(path), "failed", error=f"{path.name}: {exc.strerror or exc}")
    return ImportOutcome(
        str(path), "duplicate" if duplicate else "imported", document_id=doc_id, title=parsed.title
    )


def library_documents(
    library: Library, sort: str = "published", tag: str | None = None
) -> list[DocumentSummary]:
    """The library list, its quotes counted as the current extractor found them, as the
    Speakers view counts them (``quote_count`` None: a document it has not read yet)."""
    return library.list_documents(sort, tag, extractor_version=EXTRACTOR_VERSION)


def document_summaries(library: Library, doc_ids: Sequence[int]) -> list[DocumentSummary]:
    """Some rows of ``library_documents`` (the window's list reads a page at a time)."""
    return library.document_summaries(doc_ids, extractor_version=EXTRACTOR_VERSION)


def document_quotes(library: Library, doc_id: int) -> list[Quote]:
    """The document's quotes, scare quotes included, with the reader's corrections applied.
    Extraction runs once per extractor version; the result is cached in the library."""
    quotes = library.cached_quotes(doc_id, EXTRACTOR_VERSION)
    if quotes is None:
        quotes = _read_stored_document(library, doc_id)
    return _with_corrections(library, doc_id, quotes)


def cached_document_quotes(library: Library, doc_id: int) -> list[Quote] | None:
    """``document_quotes`` if the current extractor has read the document, else None: it never
    extracts, so the window can call it on its GUI thread and leave extraction to a worker."""
    quotes = library.cached_quotes(doc_id, EXTRACTOR_VERSION)
    return None if quotes is None else _with_corrections(library, doc_id, quotes)


def _with_corrections(library: Library, doc_id: int, quotes: list[Quote]) -> list[Quote]:
    return apply_corrections(quotes, library.quote_corrections(doc_id))


def extract_and_cache_quotes(library: Library, doc_id: int, text: str) -> list[Quote]:
    """Find the quotes in a stored document's text with the current extractor and cache them
    (the reader's corrections are kept)."""
    from byline.core.quotes.extract import extract_quotes  # see the imports above

    quotes = extract_quotes(text)
    library.store_quotes(doc_id, EXTRACTOR_VERSION, quotes)
    return quotes


def _read_stored_document(library: Library, doc_id: int) -> list[Quote]:
    return extract_and_cache_quotes(library, doc_id, library.get_document(doc_id).text)


def quotes_if_new(library: Library, parsed: ParsedDocument, digest: str) -> list[Quote] | None:
    """The quotes the current extractor finds in a document about to be imported (``digest``:
    its text's ``content_hash``), or None when the library holds it already (a duplicate is not
    read again). Run it before the write transaction: extracting takes longer than storing, and
    the window's writes would wait."""
    if library.document_with_hash(digest) is not None:
        return None
    from byline.core.quotes.extract import extract_quotes  # see the imports above

    try:
        return extract_quotes(parsed.text)
    except Exception:
        # A fault in the extractor must not cost the reader the document, nor stop the batch:
        # it is stored unread, and opening it reads it again and says what went wrong there.
        return None


def add_document_with_quotes(
    library: Library,
    parsed: ParsedDocument,
    quotes: list[Quote] | None,
    imported: str | None = None,
    *,
    digest: str | None = None,
) -> tuple[int, bool]:
    """Store a document and the quotes ``quotes_if_new`` found in it, in one transaction, so
    the library list and the Speakers view count them without reading it again, and a failed
    write (a full disk) leaves neither. Returns (document id, was_duplicate), as
    ``Library.add_document`` does."""
    with library.transaction():
        doc_id, duplicate = library.add_document(parsed, imported, digest=digest)
        if not duplicate and quotes is not None:
            library.store_quotes(doc_id, EXTRACTOR_VERSION, quotes)
    return doc_id, duplicate


def cache_missing_quotes(
    library: Library,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> tuple[int, int]:
    """Extract and cache the quotes of every document the current extractor has not read, so a
    library-wide count misses none: those read by an older extractor, or imported by an older
    Byline that left them unread. (Imports and restores cache quotes as they go.)
    ``on_progress(done, total)`` is called before each document and at the end;
    ``should_cancel()`` is polled between documents.
    Returns (documents read, documents left unread because of a cancel)."""
    missing = documents_without_quotes(library)
    for index, doc_id in enumerate(missing):
        if should_cancel is not None and should_cancel():
            return index, len(missing) - index
        if on_progress is not None:
            on_progress(index, len(missing))
        try:
            _read_stored_document(library, doc_id)
        except NotFound:  # removed by the window or another command meanwhile
            continue
        except Exception:
            # A fault in the extractor on one document must not stop the count of all the
            # others, every time: it stays unread, and opening it says what went wrong.
            continue
    if on_progress is not None:
        on_progress(len(missing), len(missing))
    return len(missing), 0


def documents_without_quotes(library: Library) -> list[int]:
    """The documents the current extractor has not read yet, in import order."""
    return library.documents_without_quotes(EXTRACTOR_VERSION)


def library_speakers(library: Library) -> SpeakerIndex:
    """Everyone quoted across the library, as the current extractor and the reader's
    corrections have it (documents not read yet: see ``cache_missing_quotes``)."""
    return library.speakers(EXTRACTOR_VERSION)


def speaker_quotes(library: Library, name: str | None) -> list[SpeakerQuote]:
    """One speaker's quotes across the library (None: the unattributed ones)."""
    return library.speaker_quotes(name, EXTRACTOR_VERSION)
