"""Work that must not run on the GUI thread: importing files (parse, store, extract quotes) and
extracting one document's quotes. Each task opens its own Library connection to the same file,
because an sqlite connection belongs to the thread that opened it."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, SignalInstance

from byline.core.errors import BylineError, LibraryError
from byline.store import Library, back_up_if_due

if TYPE_CHECKING:
    from byline.ui.rendering import ReadingLook


def open_library_for_task(db_path: Path) -> Library:
    """The library as a worker opens it: without the day's backup, which the window makes once,
    on its own worker, after it is on screen (DailyBackupTask). Each task opening with it would
    copy the whole library first, and two could make the same day's backup at once."""
    return Library.open(db_path, daily_backup=False)


class _Ends(Protocol):
    @property
    def finished(self) -> SignalInstance: ...
    @property
    def failed(self) -> SignalInstance: ...


class ReportingTask(QRunnable):
    """A task that ends with one of its signals, ``finished`` or ``failed``."""

    signals: _Ends


class AnswerSignals(QObject):
    """What a task with one answer says: the answer, or why there is none, keyed by what it
    answers (a document id, or the generation of the request)."""

    finished = Signal(int, object)
    failed = Signal(int, str)  # also when a task is cancelled: every task ends with one signal


class LibraryTask(ReportingTask):
    """A task that opens the library, works out one answer (``work``) and sends it with its
    ``key``. A fault says why in ``failed`` too (and is raised again, for the log), so nothing
    in the window waits for an answer that never comes."""

    signals: AnswerSignals

    def __init__(self, db_path: Path, key: int) -> None:
        super().__init__()
        self.db_path = db_path
        self.key = key
        self.signals = AnswerSignals()

    def work(self, library: Library) -> object:
        raise NotImplementedError

    def run(self) -> None:
        try:
            with open_library_for_task(self.db_path) as library:
                answer = self.work(library)
        except BylineError as exc:
            self.signals.failed.emit(self.key, str(exc))
            return
        except Exception as exc:
            self.signals.failed.emit(self.key, f"internal error: {exc!r}")
            raise
        self.signals.finished.emit(self.key, answer)


class ImportSignals(QObject):
    progress = Signal(int, int, str)  # done, total, file being read
    finished = Signal(object)  # ImportReport
    failed = Signal(str)  # the whole batch could not run (library unreadable)


class ImportTask(ReportingTask):
    """Import files and folders, with their quotes (the import workflow extracts them)."""

    signals: ImportSignals

    def __init__(self, db_path: Path, paths: Sequence[Path]) -> None:
        super().__init__()
        self.db_path = db_path
        self.paths = list(paths)
        self.signals = ImportSignals()
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        # Importers and the quote extractor load here, on the worker, not at window start.
        from byline.workflows import import_paths

        try:
            with open_library_for_task(self.db_path) as library:
                report = import_paths(
                    library,
                    self.paths,
                    on_progress=lambda done, total, path: self.signals.progress.emit(
                        done, total or 0, str(path)
                    ),
                    should_cancel=self._cancelled.is_set,
                )
        except BylineError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug must not leave the window importing forever
            self.signals.failed.emit(f"The import stopped because of an internal error: {exc!r}")
            raise
        self.signals.finished.emit(report)


class QuotesTask(LibraryTask):
    """Extract (and cache) one document's quotes: list[Quote], keyed by the document id."""

    def __init__(self, db_path: Path, doc_id: int) -> None:
        super().__init__(db_path, doc_id)
        self.doc_id = doc_id

    def work(self, library: Library) -> object:
        from byline.workflows import document_quotes  # see ImportTask.run

        return document_quotes(library, self.doc_id)


def start(task: QRunnable) -> None:
    """Run on the global pool, which deletes the runnable when done."""
    QThreadPool.globalInstance().start(task)


T = TypeVar("T", bound="ReportingTask")


def start_kept(task: T, keep: set[T]) -> None:
    """``start``, with ``task`` held in ``keep`` until its last signal has arrived: without a
    Python reference its signals object would go before the answer is delivered."""
    keep.add(task)
    task.signals.finished.connect(lambda *_: keep.discard(task))
    task.signals.failed.connect(lambda *_: keep.discard(task))
    start(task)


class SearchTask(LibraryTask):
    """Search the library for the library pane's search box. Most searches take milliseconds,
    but an odd query over a large library can take much longer; a search that newer typing
    made pointless is interrupted, so it does not hold a worker the open document's quotes
    may be waiting for. Its answer: list[SearchHit], keyed by the generation."""

    def __init__(self, db_path: Path, generation: int, query: str) -> None:
        super().__init__(db_path, generation)
        self.query = query
        self._lock = threading.Lock()  # guards _library and _cancelled across threads
        self._library: Library | None = None
        self._cancelled = False

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._library is not None:
                self._library.interrupt()

    def work(self, library: Library) -> object:
        with self._lock:
            if self._cancelled:
                raise LibraryError("The search was cancelled.")
            self._library = library
        try:
            return library.search(self.query)
        finally:
            with self._lock:
                self._library = None


class ExportSignals(QObject):
    progress = Signal(int, int)  # documents done, total
    finished = Signal(object)  # list[Path] written
    failed = Signal(str)


class ExportTask(ReportingTask):
    """Write Markdown notes (``template`` given) or, when ``template`` is None, a JSON backup of
    the documents. ``force`` is set only after the reader agreed to overwrite."""

    signals: ExportSignals

    def __init__(
        self,
        db_path: Path,
        doc_ids: Sequence[int],
        out: Path,
        *,
        template: str | None,
        single_file: bool = True,
        force: bool = False,
    ) -> None:
        super().__init__()
        self.db_path = db_path
        self.doc_ids = list(doc_ids)
        self.out = out
        self.template = template
        self.single_file = single_file
        self.force = force
        self.signals = ExportSignals()

    def run(self) -> None:
        from byline import exports  # loads the quote extractor: on the worker, see ImportTask

        try:
            with open_library_for_task(self.db_path) as library:
                if self.template is None:
                    written = [exports.export_json(library, self.doc_ids, self.out, self.force)]
                else:
                    written = exports.export_markdown(
                        library,
                        self.doc_ids,
                        self.out,
                        template=self.template,
                        single_file=self.single_file,
                        force=self.force,
                        on_progress=self.signals.progress.emit,
                    )
        except BylineError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug must not leave the progress bar up forever
            self.signals.failed.emit(f"The export stopped because of an internal error: {exc!r}")
            raise
        self.signals.finished.emit(written)


class OpenTask(LibraryTask):
    """Read a document and render it for the reading view (ui/opening.py), and note that it
    was opened; the rendering is handed to the GUI thread, which only has to show it. Its
    answer: an OpenedDocument, keyed by the generation."""

    def __init__(self, db_path: Path, generation: int, doc_id: int, look: ReadingLook) -> None:
        super().__init__(db_path, generation)
        self.doc_id = doc_id
        self.look = look
        self.gui_thread = QThread.currentThread()  # made on the GUI thread

    def work(self, library: Library) -> object:
        from byline.ui.opening import open_from_library  # and rendering: not at start

        opened = open_from_library(library, self.doc_id, self.look, for_thread=self.gui_thread)
        library.mark_opened(self.doc_id)  # here, not on the GUI thread: a commit waits for the disk
        return opened


class MarkdownCopyTask(LibraryTask):
    """One document's notes as Markdown for the clipboard (a str, keyed by the document id).
    They list its quotes, which are extracted here first when they are not cached yet
    (seconds for a long document)."""

    def __init__(self, db_path: Path, doc_id: int) -> None:
        super().__init__(db_path, doc_id)
        self.doc_id = doc_id

    def work(self, library: Library) -> object:
        from byline.exports import copy_markdown  # see ExportTask.run

        return copy_markdown(library, self.doc_id)


class CheckTask(LibraryTask):
    """Check a draft's quotations against the library: the pasted ``text``, or the file at
    ``path`` (read here too, since a long Word file takes a while to parse). Its answer: a
    DraftCheck, keyed by the generation."""

    def __init__(
        self, db_path: Path, generation: int, *, text: str | None = None, path: Path | None = None
    ) -> None:
        super().__init__(db_path, generation)
        self.text, self.path = text, path

    def work(self, library: Library) -> object:
        from byline.checking import check_file, check_text  # see ImportTask.run

        if self.path is not None:
            return check_file(library, self.path)
        return check_text(library, self.text or "", title="Pasted draft")


class DailyBackupTask(QRunnable):
    """The day's backup of the library when it is due: a copy of the whole file, seconds on a
    large library, so the window makes it here once it is on screen."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path

    def run(self) -> None:
        back_up_if_due(self.db_path)
