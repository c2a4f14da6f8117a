"""The Library: one SQLite file holding documents, highlights, notes, tags and cached quotes.

Every public write is one transaction, so a crash or a full disk never leaves half a record;
``Library.transaction()`` makes many writes one.
SQLite errors never escape: they become LibraryError with a message a journalist can act on.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from byline import APP_NAME
from byline.core.anchor import make_anchor
from byline.core.errors import ImportFailure, LibraryError, NotFound
from byline.core.model import (
    Document,
    DocumentSummary,
    Highlight,
    HitKind,
    ParsedDocument,
    Quote,
    QuoteCorrection,
    SearchHit,
    SpeakerIndex,
    SpeakerQuote,
)
from byline.store import migrations, speakers
from byline.store.connection import Connection
from byline.store.rows import (
    Row,
    blocks_from_json,
    blocks_to_json,
    content_hash,
    highlight_from_row,
    normalise_tags,
    now_iso,
    quote_from_row,
    quote_to_row,
    tags_from_json,
)

if TYPE_CHECKING:
    from byline.store.search_query import Term

LIBRARY_FILE = "library.db"
DATA_DIR_ENV = "BYLINE_DATA_DIR"
BUSY_TIMEOUT_MS = 5000
SNIPPET_TOKENS = 12
ITER_BATCH = 50  # documents iter_documents reads at once
MAX_RANKED = 2000  # see Library._ranked_documents
TITLE_WEIGHT = 10.0  # as in documents_fts's rank: bm25(10.0, 1.0)
SORTS = ("published", "title", "opened", "imported")

_SQLITE_HEADER = b"SQLite format 3\x00"
# Any character a reader can see: a text of spaces and zero-width marks is no text at all.
_VISIBLE = re.compile(r"[^\s\u00ad\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")

# Each order has an index matching it (m006, and m001's documents_imported): change both together.
_ORDER_BY = {
    "published": "d.published IS NULL, d.published DESC, d.title COLLATE NOCASE",
    "title": "d.title COLLATE NOCASE, d.id",
    "opened": "d.last_opened IS NULL, d.last_opened DESC, d.imported DESC, d.id DESC",
    "imported": "d.imported DESC, d.id DESC",
}

# Tags of a document or highlight as one JSON array column, so a list needs one query.
_DOCUMENT_TAGS_SQL = """(SELECT json_group_array(t.name) FROM document_tags dt
    JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id = d.id)"""
_HIGHLIGHT_TAGS_SQL = """(SELECT json_group_array(t.name) FROM highlight_tags ht
    JOIN tags t ON t.id = ht.tag_id WHERE ht.highlight_id = h.id)"""


# The counts of the library list, each computed in one pass over its table (a lookup per
# document per count was most of the time list_documents took on a large library). CROSS JOIN
# makes SQLite start from the few corrections instead of from every quote.
# Quotes a reader counts: the set the caller's extractor version cached (a document it has
# not read has no count: another version's set would disagree with the Speakers view), minus
# scare quotes and spans the reader marked not a quote. The LEFT JOIN keeps a set of no quotes.
# ``only`` limits the passes to some documents: "IN wanted", a CTE of their ids.
def _summary_counts_sql(only: str = "") -> str:
    where = f"WHERE document_id {only}" if only else ""
    also = f"AND document_id {only}" if only else ""
    return f"""
    highlight_counts AS (
        SELECT document_id, count(*) AS highlights, sum(note != '') AS notes
        FROM highlights {where} GROUP BY document_id),
    counted_sets AS (
        SELECT document_id, id AS set_id FROM quote_sets
        WHERE extractor_version = :version {also}),
    quote_counts AS (
        SELECT s.document_id, count(q.set_id) AS quotes FROM counted_sets s
        LEFT JOIN quotes q ON q.set_id = s.set_id AND q.kind != 'scare'
        GROUP BY s.document_id),
    rejected_counts AS (
        SELECT c.document_id, count(*) AS rejected FROM quote_corrections c
        CROSS JOIN counted_sets s ON s.document_id = c.document_id
        CROSS JOIN quotes q ON q.set_id = s.set_id AND q.start = c.start AND q."end" = c."end"
        WHERE c.not_a_quote AND q.kind != 'scare' GROUP BY c.document_id),
    tag_lists AS (
        SELECT dt.document_id, json_group_array(t.name) AS names FROM document_tags dt
        JOIN tags t ON t.id = dt.tag_id {where} GROUP BY dt.document_id)"""


_SUMMARY_SQL = """SELECT d.id, d.title, d.outlet, d.author, d.published, d.imported, d.last_opened,
        qc.quotes - coalesce(rc.rejected, 0) AS quote_count,
        coalesce(hc.highlights, 0) AS highlight_count,
        coalesce(hc.notes, 0) + (d.note != '') AS note_count,
        tl.names AS tag_names
    FROM documents d
    LEFT JOIN highlight_counts hc ON hc.document_id = d.id
    LEFT JOIN quote_counts qc ON qc.document_id = d.id
    LEFT JOIN rejected_counts rc ON rc.document_id = d.id
    LEFT JOIN tag_lists tl ON tl.document_id = d.id"""

_TAGGED_SQL = """d.id IN (SELECT dt.document_id FROM document_tags dt
    JOIN tags t ON t.id = dt.tag_id WHERE t.name = :tag)"""

P = ParamSpec("P")
R = TypeVar("R")


def default_data_dir() -> Path:
    """The folder Byline keeps its library in when nothing overrides it."""
    import platformdirs  # only here: a library named by the command line or a test needs none

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def library_folder(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """``data_dir``, else the folder named by the environment variable BYLINE_DATA_DIR, else the
    platform's user data folder."""
    if data_dir is not None:
        folder = Path(data_dir)
    elif os.environ.get(DATA_DIR_ENV):
        folder = Path(os.environ[DATA_DIR_ENV])
    else:
        folder = default_data_dir()
    return folder.expanduser()


def open_library(data_dir: str | os.PathLike[str] | None = None) -> Library:
    """Open (creating if needed) ``library.db`` in ``library_folder(data_dir)``."""
    return Library.open(library_folder(data_dir) / LIBRARY_FILE)


def back_up_if_due(path: Path) -> None:
    """The day's backup of the library at ``path`` when it is due (see byline.store.backups)."""
    from byline.store import backups  # here: the window opens libraries without a backup

    # The library itself is sound, so a failed daily backup (disk full) must not keep the
    # reader out; the next start tries again.
    with contextlib.suppress(LibraryError):
        backups.back_up_if_due(path)


def _explain(exc: sqlite3.Error, path: Path) -> str:
    message = str(exc).lower()
    if message == "interrupted":
        return "The query was stopped before it finished."
    if "locked" in message or "busy" in message:
        return (
            f"The library {path} is busy: another Byline window or command is using it. "
            "Try again in a moment."
        )
    if "full" in message:
        return f"The library {path} could not be saved: the disk is full."
    if "readonly" in message or "read-only" in message:
        return f"The library {path} is read-only; Byline cannot save changes to it."
    if "disk i/o error" in message:
        return (
            f"Byline could not read or save the library {path}: the disk reported an error "
            "(it may be full, read-only or disconnected)."
        )
    if "malformed" in message or "not a database" in message or "corrupt" in message:
        from byline.store import backups  # see back_up_if_due

        return (
            f"The library {path} is damaged ({exc}). Start the Byline window to restore a "
            f"backup; they are kept in {backups.backups_dir_for(path)}."
        )
    return f"The library {path} could not be read or written: {exc}."


def _guarded(
    method: Callable[Concatenate[Library, P], R],
) -> Callable[Concatenate[Library, P], R]:
    """Turn any SQLite error raised by a Library method into a LibraryError."""

    @functools.wraps(method)
    def wrapper(self: Library, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise LibraryError(_explain(exc, self.path)) from exc

    return wrapper


class Library:
    """A reader's library in one SQLite file. Open with ``Library.open(path)`` or
    ``open_library()``; close with ``close()`` or use it as a context manager."""

    def __init__(self, db: Connection, path: Path) -> None:
        self.db = db
        self.path = path

    # ----------------------------------------------------------------- opening and closing

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, daily_backup: bool = True) -> Library:
        """Open the library at ``path``, creating it (and its folder) or bringing its schema up
        to date, and make the day's backup when it is due (``daily_backup=False``: the caller
        makes it, as the window does once it is on screen). Raises LibraryError when the file
        is not a Byline library, is damaged, or cannot be written."""
        path = Path(path)
        _check_location(path)
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as exc:
            raise LibraryError(f"Byline cannot open the library {path}: {exc}.") from exc
        db = Connection(conn)
        try:
            _configure(db)
            _check_is_byline_library(db, path)
            _bring_schema_up_to_date(db, path)
        except sqlite3.Error as exc:
            conn.close()
            raise LibraryError(_explain(exc, path)) from exc
        except BaseException:
            conn.close()
            raise
        if daily_backup:
            back_up_if_due(path)
        return cls(db, path)

    def close(self) -> None:
        self.db.close()

    def interrupt(self) -> None:
        """Stop the query running on this connection, from any thread (a search nobody waits
        for any more); that query raises LibraryError. Does nothing when none runs."""
        self.db.conn.interrupt()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Make every write inside the ``with`` block one transaction: all of them are kept, or
        none when the block raises (a restore of many documents, all or nothing). The write lock
        is taken at once (BEGIN IMMEDIATE), so another window or command waits its turn; a
        transaction inside another is a savepoint, undone alone when its own block raises."""
        try:
            with _write_transaction(self.db):
                yield
        except sqlite3.Error as exc:
            raise LibraryError(_explain(exc, self.path)) from exc

    def integrity_ok(self) -> bool:
        """Whether SQLite's integrity checks find the file and its search indexes sound (a file
        so damaged the check cannot finish counts as not sound)."""
        try:
            rows = self.db.execute("PRAGMA integrity_check").fetchall()
            if [tuple(r) for r in rows] != [("ok",)]:
                return False
            # The pragma does not look inside FTS5 indexes; their own check compares each
            # index with the table it was built from.
            # These checks are spelt as INSERTs: run them in a transaction closed at once, so
            # no driver leaves one open (and a lock held) behind them, that waits for the lock
            # like every write.
            with _write_transaction(self.db):
                for table in migrations.FTS_TABLES:
                    self.db.execute(
                        f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"
                    )
        except sqlite3.DatabaseError:
            return False
        return True

    @_guarded
    def backup_to(self, path: str | os.PathLike[str]) -> None:
        """Write a consistent copy of the whole library to ``path`` (replaced if it exists),
        using SQLite's online backup, so it is safe while the library is in use."""
        target_path = Path(path)
        target = sqlite3.connect(target_path)
        try:
            self.db.conn.backup(target)
        finally:
            target.close()

    # ----------------------------------------------------------------------- documents

    @_guarded
    def add_document(
        self, parsed: ParsedDocument, imported: str | None = None, *, digest: str | None = None
    ) -> tuple[int, bool]:
        """Store ``parsed``; returns (document id, was_duplicate). A document whose text is the
        same as one already stored is not stored again: its existing id comes back.
        ``imported`` (ISO 8601) is when it was first imported, for a restore to keep; now when
        not given. ``digest``: its text's ``content_hash``, when the caller has it already (a
        5 MB text takes ~30 ms to hash)."""
        with _write_transaction(self.db):
            return self._insert_document(parsed, imported or now_iso(), digest)

    @_guarded
    def add_documents(self, parsed: Iterable[ParsedDocument]) -> list[tuple[int, bool]]:
        """``add_document`` for many documents in one transaction (all or none are stored)."""
        imported = now_iso()
        with _write_transaction(self.db):
            return [self._insert_document(p, imported) for p in parsed]

    @_guarded
    def document_with_hash(self, digest: str) -> int | None:
        """The id of the stored document whose text has this ``content_hash`` (the one
        ``add_document`` would take a document of that text for), or None. A read: it lets an
        import skip the work a duplicate does not need before it writes."""
        sql = "SELECT id FROM documents WHERE content_hash = ?"
        row = self.db.execute(sql, [digest]).fetchone()
        return None if row is None else int(row[0])

    def _insert_document(
        self, parsed: ParsedDocument, imported: str, digest: str | None = None
    ) -> tuple[int, bool]:
        if not _VISIBLE.search(parsed.text):
            raise ImportFailure(f"“{parsed.title}” has no text to store.")
        digest = digest or content_hash(parsed.text)
        existing = self.document_with_hash(digest)
        if existing is not None:
            return existing, True
        cursor = self.db.execute(
            """INSERT INTO documents (title, author, outlet, url, published, imported,
                source_name, format, content_hash, text, blocks)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                parsed.title,
                parsed.author,
                parsed.outlet,
                parsed.url,
                parsed.published,
                imported,
                parsed.source_name,
                parsed.format,
                digest,
                parsed.text,
                blocks_to_json(parsed.blocks),
            ],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid, False

    @_guarded
    def get_document(self, doc_id: int) -> Document:
        """The stored document with its text and tags; raises NotFound."""
        row = self._document_row(doc_id)
        return _document_from_row(row)

    def iter_documents(self) -> Iterator[Document]:
        """Every document in import order, read a few at a time (for exports and checks).

        Each batch is read to its end before any of it is handed out: a read left open between
        two documents would pin this connection to an old snapshot, and a write made meanwhile
        (caching a document's quotes) could then never take the lock and would fail as busy."""
        sql = f"""SELECT d.*, {_DOCUMENT_TAGS_SQL} AS tag_names FROM documents d
            WHERE d.id > ? ORDER BY d.id LIMIT {ITER_BATCH}"""
        last_id = 0
        while True:
            try:
                rows = list(self.db.query(sql, [last_id]))
            except sqlite3.Error as exc:  # _guarded would only cover creating the generator
                raise LibraryError(_explain(exc, self.path)) from exc
            for row in rows:
                yield _document_from_row(row)
            if len(rows) < ITER_BATCH:
                return
            last_id = rows[-1]["id"]

    @_guarded
    def document_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])

    @_guarded
    def list_documents(
        self,
        sort: str = "published",
        tag: str | None = None,
        *,
        extractor_version: str | None = None,
    ) -> list[DocumentSummary]:
        """Every document (or those tagged ``tag``, ignoring case) without its text, with the
        counts the library list shows. ``sort``: "published" (newest first, undated last),
        "title", "opened" (most recent first) or "imported" (newest first). Quotes are counted
        as ``extractor_version`` cached them; a document it has not read (or every document,
        without a version) has ``quote_count`` None."""
        where, params = _list_filter(sort, tag)
        params["version"] = extractor_version
        sql = f"""WITH {_summary_counts_sql()}
            {_SUMMARY_SQL} {where} ORDER BY {_ORDER_BY[sort]}"""
        return [_summary_from_row(r) for r in self.db.query(sql, params)]

    @_guarded
    def document_ids(self, sort: str = "published", tag: str | None = None) -> list[int]:
        """The ids of the documents ``list_documents`` lists, in its order, from an index: with
        ``document_summaries`` a list of thousands reads only the rows it shows."""
        where, params = _list_filter(sort, tag)
        sql = f"SELECT d.id FROM documents d {where} ORDER BY {_ORDER_BY[sort]}"
        return [int(r[0]) for r in self.db.execute(sql, params)]

    @_guarded
    def document_summaries(
        self, doc_ids: Sequence[int], *, extractor_version: str | None = None
    ) -> list[DocumentSummary]:
        """The documents with these ids as ``list_documents`` gives them, in the order given
        (an id no longer in the library is left out); counted for these documents alone."""
        sql = f"""WITH wanted(id) AS (SELECT value FROM json_each(:ids)),
            {_summary_counts_sql(only="IN wanted")}
            {_SUMMARY_SQL} WHERE d.id IN wanted"""
        params = {"ids": json.dumps(list(doc_ids)), "version": extractor_version}
        found = {r["id"]: _summary_from_row(r) for r in self.db.query(sql, params)}
        return [found[i] for i in doc_ids if i in found]

    @_guarded
    def delete_document(self, doc_id: int) -> None:
        """Delete a document with its highlights, note, tags, quotes and corrections."""
        with _write_transaction(self.db):
            self._require_document(doc_id)
            self.db.execute("DELETE FROM documents WHERE id = ?", [doc_id])
            self._drop_unused_tags()

    @_guarded
    def mark_opened(self, doc_id: int) -> None:
        """Record that the reader opened the document now (for the "opened" sort)."""
        with _write_transaction(self.db):
            self._update_document(doc_id, "last_opened = ?", [now_iso()])

    # ---------------------------------------------------------------------- notes, tags

    @_guarded
    def get_note(self, doc_id: int) -> str:
        """The document's own note (markdown), "" when there is none; raises NotFound."""
        row = self.db.execute("SELECT note FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise NotFound(f"Document {doc_id} is not in the library.")
        return str(row[0])

    @_guarded
    def set_note(self, doc_id: int, markdown: str) -> None:
        """Replace the document's note."""
        with _write_transaction(self.db):
            self._update_document(doc_id, "note = ?, note_updated = ?", [markdown, now_iso()])

    @_guarded
    def set_document_tags(self, doc_id: int, tags: Iterable[str]) -> None:
        """Replace the document's tags (trimmed; repeats ignoring case are dropped)."""
        names = normalise_tags(tags)
        with _write_transaction(self.db):
            self._require_document(doc_id)
            self.db.execute("DELETE FROM document_tags WHERE document_id = ?", [doc_id])
            for tag_id in self._tag_ids(names):
                self.db.execute(
                    "INSERT INTO document_tags (document_id, tag_id) VALUES (?, ?)",
                    [doc_id, tag_id],
                )
            self._drop_unused_tags()

    @_guarded
    def all_tags(self) -> list[str]:
        """Every tag on a document or a highlight, sorted ignoring case."""
        return sorted(
            (str(r[0]) for r in self.db.execute("SELECT name FROM tags")), key=str.casefold
        )

    # ----------------------------------------------------------------------- highlights

    @_guarded
    def add_highlight(
        self,
        doc_id: int,
        start: int,
        end: int,
        color: str = "yellow",
        note: str = "",
        tags: Iterable[str] = (),
        *,
        created: str | None = None,
        updated: str | None = None,
    ) -> Highlight:
        """Highlight ``text[start:end]`` of the document. Raises NotFound for an unknown
        document and ValueError unless ``0 <= start < end <= len(text)``. ``created`` and
        ``updated`` (ISO 8601) are for a restore to keep the original times; now when not
        given (``updated`` defaults to ``created``)."""
        names = normalise_tags(tags)
        with _write_transaction(self.db):
            row = self.db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
            if row is None:
                raise NotFound(f"Document {doc_id} is not in the library.")
            anchor = make_anchor(row[0], start, end)
            created = created or now_iso()
            cursor = self.db.execute(
                """INSERT INTO highlights (document_id, start, "end", exact, prefix, suffix,
                    color, note, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    doc_id,
                    start,
                    end,
                    anchor.exact,
                    anchor.prefix,
                    anchor.suffix,
                    color,
                    note,
                    created,
                    updated or created,
                ],
            )
            assert cursor.lastrowid is not None
            self._set_highlight_tags(cursor.lastrowid, names)
            return self._highlight(cursor.lastrowid)

    @_guarded
    def update_highlight(
        self,
        hl_id: int,
        *,
        color: str | None = None,
        note: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Highlight:
        """Change what is given of a highlight's color, note and tags; returns it as it is now."""
        names = None if tags is None else normalise_tags(tags)
        with _write_transaction(self.db):
            current = self._highlight(hl_id)
            self.db.execute(
                "UPDATE highlights SET color = ?, note = ?, updated = ? WHERE id = ?",
                [
                    current.color if color is None else color,
                    current.note if note is None else note,
                    now_iso(),
                    hl_id,
                ],
            )
            if names is not None:
                self._set_highlight_tags(hl_id, names)
                self._drop_unused_tags()
            return self._highlight(hl_id)

    @_guarded
    def delete_highlight(self, hl_id: int) -> Highlight:
        """Delete a highlight; returns it as it was, so ``restore_highlight`` can undo this."""
        with _write_transaction(self.db):
            deleted = self._highlight(hl_id)
            self.db.execute("DELETE FROM highlights WHERE id = ?", [hl_id])
            self._drop_unused_tags()
            return deleted

    @_guarded
    def restore_highlight(self, highlight: Highlight) -> None:
        """Put back a deleted highlight with its id, timestamps and tags (undo of delete)."""
        names = normalise_tags(highlight.tags)
        with _write_transaction(self.db):
            self._require_document(highlight.document_id)
            exists = self.db.execute(
                "SELECT 1 FROM highlights WHERE id = ?", [highlight.id]
            ).fetchone()
            if exists:
                raise LibraryError(f"Highlight {highlight.id} already exists.")
            self.db.execute(
                """INSERT INTO highlights (id, document_id, start, "end", exact, prefix, suffix,
                    color, note, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    highlight.id,
                    highlight.document_id,
                    highlight.start,
                    highlight.end,
                    highlight.exact,
                    highlight.prefix,
                    highlight.suffix,
                    highlight.color,
                    highlight.note,
                    highlight.created,
                    highlight.updated,
                ],
            )
            self._set_highlight_tags(highlight.id, names)

    @_guarded
    def highlights(self, doc_id: int) -> list[Highlight]:
        """The document's highlights in text order."""
        sql = f"""SELECT h.*, {_HIGHLIGHT_TAGS_SQL} AS tag_names FROM highlights h
            WHERE h.document_id = ? ORDER BY h.start, h."end", h.id"""
        return [
            highlight_from_row(r, tags_from_json(r["tag_names"]))
            for r in self.db.query(sql, [doc_id])
        ]

    @_guarded
    def get_highlight(self, hl_id: int) -> Highlight:
        """One highlight; raises NotFound."""
        return self._highlight(hl_id)

    # --------------------------------------------------------------------------- quotes

    @_guarded
    def cached_quotes(self, doc_id: int, extractor_version: str) -> list[Quote] | None:
        """The quotes stored for this document by this extractor version, in text order, or
        None when that version has not run on it yet."""
        row = self.db.execute(
            "SELECT id FROM quote_sets WHERE document_id = ? AND extractor_version = ?",
            [doc_id, extractor_version],
        ).fetchone()
        if row is None:
            return None
        return [
            quote_from_row(r)
            for r in self.db.query(
                'SELECT * FROM quotes WHERE set_id = ? ORDER BY start, "end"', [row[0]]
            )
        ]

    @_guarded
    def store_quotes(self, doc_id: int, extractor_version: str, quotes: Iterable[Quote]) -> None:
        """Cache the quotes an extractor version found, replacing the document's earlier set
        whichever version stored it: a document keeps one reading, the latest, so the file does
        not grow with each extractor upgrade. The reader's corrections are kept."""
        with _write_transaction(self.db):
            self._require_document(doc_id)
            self.db.execute("DELETE FROM quote_sets WHERE document_id = ?", [doc_id])
            cursor = self.db.execute(
                """INSERT INTO quote_sets (document_id, extractor_version, created)
                VALUES (?, ?, ?)""",
                [doc_id, extractor_version, now_iso()],
            )
            assert cursor.lastrowid is not None
            set_id = cursor.lastrowid
            rows = [quote_to_row(set_id, q) for q in quotes]
            if rows:
                self.db.utils.table("quotes").insert_all(rows)

    @_guarded
    def speakers(self, extractor_version: str) -> SpeakerIndex:
        """Everyone quoted across the library in the quotes this extractor version cached, with
        the reader's corrections: each with their number of quotes and of documents, most
        quoted first, then by name; unattributed quotes counted apart. Spellings differing only
        in case or spacing are one speaker. Scare quotes and "not a quote" do not count."""
        return speakers.speaker_index(self.db, extractor_version)

    @_guarded
    def speaker_quotes(self, name: str | None, extractor_version: str) -> list[SpeakerQuote]:
        """The quotes of one speaker (as ``speakers`` counts them; None: the unattributed
        ones) with their document, newest document first, each document's in text order."""
        return speakers.speaker_quotes(self.db, name, extractor_version)

    @_guarded
    def documents_without_quotes(self, extractor_version: str) -> list[int]:
        """Ids of the documents whose quotes this extractor version has not cached yet."""
        return speakers.documents_without_quotes(self.db, extractor_version)

    @_guarded
    def set_quote_correction(self, correction: QuoteCorrection) -> None:
        """Record a reader's fix to the quote at (start, end). A correction that changes
        nothing (no speaker, not marked "not a quote") removes the earlier one."""
        with _write_transaction(self.db):
            self._require_document(correction.document_id)
            key = [correction.document_id, correction.start, correction.end]
            self.db.execute(
                'DELETE FROM quote_corrections WHERE document_id = ? AND start = ? AND "end" = ?',
                key,
            )
            if correction.speaker is not None or correction.not_a_quote:
                self.db.execute(
                    """INSERT INTO quote_corrections
                        (document_id, start, "end", speaker, not_a_quote, updated)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    [*key, correction.speaker, int(correction.not_a_quote), now_iso()],
                )

    @_guarded
    def quote_corrections(self, doc_id: int) -> list[QuoteCorrection]:
        """The reader's fixes for the document's quotes, in text order."""
        return [
            QuoteCorrection(
                document_id=r["document_id"],
                start=r["start"],
                end=r["end"],
                speaker=r["speaker"],
                not_a_quote=bool(r["not_a_quote"]),
            )
            for r in self.db.query(
                'SELECT * FROM quote_corrections WHERE document_id = ? ORDER BY start, "end"',
                [doc_id],
            )
        ]

    # --------------------------------------------------------------------------- search

    @_guarded
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Documents (title and text), highlights (passage and note) and document notes that
        match every term of ``query``, best first. A "quoted phrase" must match as a phrase and
        ``word*`` matches words starting with "word"; anything else is taken literally, so no
        query raises. Snippets mark the matched terms with [ and ]."""
        # Loaded at the first search, not with the library (start-up, see ui/app.py).
        from byline.store.search_query import fts_expression, parse_query

        terms = parse_query(query)
        if not terms or limit <= 0:
            return []
        expression = fts_expression(terms)
        hits = self._document_hits(expression, terms, limit)
        for row in self.db.query(
            f"""SELECT h.id, h.document_id, h.start, d.title, f.snip, f.rank FROM (
                    SELECT rowid, rank,
                        snippet(highlights_fts, -1, '[', ']', '…', {SNIPPET_TOKENS}) AS snip
                    FROM highlights_fts WHERE highlights_fts MATCH ? ORDER BY rank LIMIT ?
                ) f JOIN highlights h ON h.id = f.rowid JOIN documents d ON d.id = h.document_id""",
            [expression, limit],
        ):
            hits.append(
                SearchHit(
                    kind=HitKind.HIGHLIGHT,
                    document_id=row["document_id"],
                    title=row["title"],
                    snippet=" ".join(row["snip"].split()),
                    rank=row["rank"],
                    highlight_id=row["id"],
                    start=row["start"],
                )
            )
        for row in self.db.query(
            f"""SELECT d.id, d.title, f.snip, f.rank FROM (
                    SELECT rowid, rank,
                        snippet(notes_fts, 0, '[', ']', '…', {SNIPPET_TOKENS}) AS snip
                    FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rank LIMIT ?
                ) f JOIN documents d ON d.id = f.rowid""",
            [expression, limit],
        ):
            hits.append(
                SearchHit(
                    kind=HitKind.NOTE,
                    document_id=row["id"],
                    title=row["title"],
                    snippet=" ".join(row["snip"].split()),
                    rank=row["rank"],
                )
            )
        hits.sort(key=lambda h: h.rank)
        return hits[:limit]

    def _document_hits(self, expression: str, terms: list[Term], limit: int) -> list[SearchHit]:
        from byline.store.search_query import make_snippet, match_pattern

        ranked = self._ranked_documents(expression, limit)
        if not ranked:
            return []
        marks = ("[", "]")
        pattern = match_pattern(terms)
        ids = [doc_id for doc_id, _ in ranked]
        rows = {
            row["id"]: row
            for row in self.db.query(
                f"SELECT id, title, text FROM documents WHERE id IN ({', '.join('?' * len(ids))})",
                ids,
            )
        }
        hits = []
        for doc_id, rank in ranked:
            text = rows[doc_id]["text"]
            first = pattern.search(text)
            if first:
                snippet = make_snippet(text, pattern, first, SNIPPET_TOKENS, marks)
            else:  # matched through stemming or accents only, or in the title only
                snippet = self._fts_snippet("documents_fts", expression, doc_id)
            hits.append(
                SearchHit(
                    kind=HitKind.DOCUMENT,
                    document_id=doc_id,
                    title=rows[doc_id]["title"],
                    snippet=snippet,
                    rank=rank,
                    start=first.start() if first else None,
                )
            )
        return hits

    def _ranked_documents(self, expression: str, limit: int) -> list[tuple[int, float]]:
        """(document id, rank) of the best matches, best first.

        Ranking costs time for every match, so when more than MAX_RANKED documents match (words
        nearly every article has) only the newest MAX_RANKED are ranked by bm25; older documents
        whose title matches the whole query join them, ranked by their title alone (through the
        small titles index, scaled by the weight a title has in the full ranking) unless
        thousands of titles match too."""
        match_sql = "SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH ?"
        floor = self.db.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?"
            " ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            [expression, MAX_RANKED - 1],
        ).fetchone()
        if floor is None:
            sql = f"{match_sql} ORDER BY rank LIMIT ?"
            return [(r[0], r[1]) for r in self.db.execute(sql, [expression, limit])]
        newest = [
            (r[0], r[1])
            for r in self.db.execute(
                f"{match_sql} AND rowid >= ? ORDER BY rank LIMIT ?", [expression, floor[0], limit]
            )
        ]
        title_sql = "SELECT rowid, rank FROM titles_fts WHERE titles_fts MATCH ? AND rowid < ?"
        too_common = self.db.execute(
            f"{title_sql} ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            [expression, floor[0], MAX_RANKED - 1],
        ).fetchone()
        if too_common:  # thousands of titles match: a title match says nothing here
            return newest
        older_titles = [
            (r[0], r[1] * TITLE_WEIGHT)
            for r in self.db.execute(
                f"{title_sql} ORDER BY rank LIMIT ?", [expression, floor[0], limit]
            )
        ]
        return sorted([*newest, *older_titles], key=lambda pair: pair[1])[:limit]

    def _fts_snippet(self, table: str, expression: str, rowid: int) -> str:
        row = self.db.execute(
            f"SELECT snippet({table}, -1, '[', ']', '…', {SNIPPET_TOKENS}) FROM {table}"
            f" WHERE {table} MATCH ? AND rowid = ?",
            [expression, rowid],
        ).fetchone()
        return " ".join(str(row[0]).split()) if row else ""

    # ------------------------------------------------------------------------ internals

    def _document_row(self, doc_id: int) -> Row:
        sql = f"SELECT d.*, {_DOCUMENT_TAGS_SQL} AS tag_names FROM documents d WHERE d.id = ?"
        rows = list(self.db.query(sql, [doc_id]))
        if not rows:
            raise NotFound(f"Document {doc_id} is not in the library.")
        return rows[0]

    def _require_document(self, doc_id: int) -> None:
        if self.db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is None:
            raise NotFound(f"Document {doc_id} is not in the library.")

    def _update_document(self, doc_id: int, assignments: str, params: list[Any]) -> None:
        cursor = self.db.execute(
            f"UPDATE documents SET {assignments} WHERE id = ?", [*params, doc_id]
        )
        if cursor.rowcount == 0:
            raise NotFound(f"Document {doc_id} is not in the library.")

    def _highlight(self, hl_id: int) -> Highlight:
        sql = f"SELECT h.*, {_HIGHLIGHT_TAGS_SQL} AS tag_names FROM highlights h WHERE h.id = ?"
        rows = list(self.db.query(sql, [hl_id]))
        if not rows:
            raise NotFound(f"Highlight {hl_id} is not in the library.")
        return highlight_from_row(rows[0], tags_from_json(rows[0]["tag_names"]))

    def _tag_ids(self, names: list[str]) -> list[int]:
        ids = []
        for name in names:
            self.db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", [name])
            row = self.db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
            ids.append(int(row[0]))
        return ids

    def _set_highlight_tags(self, hl_id: int, names: list[str]) -> None:
        self.db.execute("DELETE FROM highlight_tags WHERE highlight_id = ?", [hl_id])
        for tag_id in self._tag_ids(names):
            self.db.execute(
                "INSERT INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)", [hl_id, tag_id]
            )

    def _drop_unused_tags(self) -> None:
        self.db.execute(
            """DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM document_tags)
            AND id NOT IN (SELECT tag_id FROM highlight_tags)"""
        )


def _list_filter(sort: str, tag: str | None) -> tuple[str, dict[str, Any]]:
    """The WHERE clause and parameters of the library list sorted by ``sort``, tagged ``tag``."""
    if sort not in _ORDER_BY:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    if tag is None:
        return "", {}
    return f"WHERE {_TAGGED_SQL}", {"tag": tag.strip()}


def _summary_from_row(r: Row) -> DocumentSummary:
    return DocumentSummary(
        id=r["id"],
        title=r["title"],
        outlet=r["outlet"],
        author=r["author"],
        published=r["published"],
        imported=r["imported"],
        last_opened=r["last_opened"],
        quote_count=r["quote_count"],
        highlight_count=r["highlight_count"],
        note_count=r["note_count"],
        tags=tags_from_json(r["tag_names"]),
    )


def _document_from_row(row: Row) -> Document:
    return Document(
        id=row["id"],
        title=row["title"],
        text=row["text"],
        blocks=blocks_from_json(row["blocks"]),
        format=row["format"],
        author=row["author"],
        outlet=row["outlet"],
        url=row["url"],
        published=row["published"],
        imported=row["imported"],
        source_name=row["source_name"],
        content_hash=row["content_hash"],
        tags=tags_from_json(row["tag_names"]),
    )


def _check_location(path: Path) -> None:
    """Refuse, with a clear message, a path Byline could not use or must not overwrite."""
    if path.is_dir():
        raise LibraryError(f"{path} is a folder, not a library file.")
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(
            f"Byline cannot create the folder {folder} for its library: {exc.strerror}."
        ) from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise LibraryError(
            f"Byline cannot write to the folder {folder}; the library needs a folder you can "
            "write to."
        )
    if not path.exists():
        return
    if not os.access(path, os.R_OK | os.W_OK):
        raise LibraryError(f"The library {path} is read-only; Byline cannot save changes to it.")
    if path.stat().st_size == 0:
        return
    with path.open("rb") as f:
        header = f.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise LibraryError(
            f"{path} is not a Byline library (it is not a SQLite database); "
            "Byline left it untouched."
        )


@contextlib.contextmanager
def _write_transaction(db: Connection) -> Iterator[None]:
    """One write as one transaction, like sqlite-utils' ``atomic()`` but taking the write lock
    first (BEGIN IMMEDIATE). A deferred transaction that reads and then writes while another
    process holds the lock fails at once as busy, without waiting out the busy timeout; one that
    starts with the lock waits its turn. Nested writes become savepoints, as in ``atomic()``."""
    if db.conn.in_transaction:
        with db.utils.atomic():
            yield
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.rollback()
        raise
    try:
        db.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


def _enable_wal(db: Connection, attempts: int = 40) -> None:
    """Switch a new library to WAL. Switching needs the file to itself and SQLite does not wait
    for that, so when another Byline is creating the same library at this moment (and switching
    it), wait a little and look again: it is then WAL already."""
    for attempt in range(1, attempts + 1):
        try:
            db.enable_wal()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts:
                raise
            time.sleep(0.025)


def _configure(db: Connection) -> None:
    # WAL lets the window read while the CLI writes; FULL makes a committed write survive
    # power loss; the busy timeout waits for the other process's lock instead of failing.
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    _enable_wal(db)
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    # What sqlite-utils sets on a connection it wraps: triggers then behave the same before and
    # after the store first needs it (see byline.store.connection).
    db.execute("PRAGMA recursive_triggers = ON")


def _bring_schema_up_to_date(db: Connection, path: Path) -> None:
    """Apply the pending migrations, backing up a library that holds documents first.

    The window, its workers and the command line may open (or create) the same library at the
    same moment. Deciding what is pending and applying it happen under the write lock, in one
    transaction: the first opener migrates, the others wait (busy timeout) and then find nothing
    left to do, instead of applying the same migrations at once and failing on each other's
    tables. An up-to-date library, the usual case, is only read."""
    if not migrations.pending_names(db):
        return
    with _write_transaction(db):
        if not migrations.pending_names(db):  # another opener migrated while we waited
            return
        if db.table_names():
            from byline.store import backups  # see back_up_if_due

            backups.back_up_before_migration(path)
        migrations.migrate(db)


def _check_is_byline_library(db: Connection, path: Path) -> None:
    """Refuse another program's SQLite database and a library from a newer Byline."""
    tables = set(db.table_names())
    # Only the bookkeeping table: another Byline is creating this library this very moment.
    if not tables - {migrations.MIGRATIONS_TABLE}:
        return
    applied = migrations.applied_names(db)
    if not applied:
        raise LibraryError(
            f"{path} is a SQLite database but not a Byline library; Byline left it untouched."
        )
    unknown = set(applied) - set(migrations.migration_names())
    if unknown:
        raise LibraryError(
            f"The library {path} was made by a newer version of Byline; update Byline to open it."
        )
