"""The Speakers view's work off the GUI thread (as in ``workers``: each task opens its own
Library connection): reading the documents whose quotes are not cached yet, counting every
speaker, and listing one speaker's quotes. On a large library each query takes longer than a
frame, and reading unread documents takes seconds."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from byline.core.errors import BylineError
from byline.store import Library
from byline.ui.workers import LibraryTask, ReportingTask, open_library_for_task


class SpeakersSignals(QObject):
    progress = Signal(int, int, int)  # generation, documents read, documents to read
    finished = Signal(int, object, int, int)  # generation, SpeakerIndex, read, left unread
    failed = Signal(int, str)


class SpeakersTask(ReportingTask):
    """Count every speaker in the library; first, when ``read_unread``, extract the quotes of
    the documents the current extractor has not read (until cancelled)."""

    signals: SpeakersSignals

    def __init__(self, db_path: Path, generation: int, *, read_unread: bool) -> None:
        super().__init__()
        self.db_path = db_path
        self.generation = generation
        self.read_unread = read_unread
        self.signals = SpeakersSignals()
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        """Stop reading documents after the current one; the count still comes."""
        self._cancelled.set()

    def run(self) -> None:
        # The extractor loads here, on the worker, as in workers.ImportTask.
        from byline import workflows

        try:
            with open_library_for_task(self.db_path) as library:
                read, left = 0, 0
                if self.read_unread:
                    read, left = workflows.cache_missing_quotes(
                        library,
                        on_progress=lambda done, total: self.signals.progress.emit(
                            self.generation, done, total
                        ),
                        should_cancel=self._cancelled.is_set,
                    )
                else:
                    left = len(workflows.documents_without_quotes(library))
                index = workflows.library_speakers(library)
        except BylineError as exc:
            self.signals.failed.emit(self.generation, str(exc))
            return
        except Exception as exc:  # a bug must not leave "Reading quotes…" up forever
            self.signals.failed.emit(self.generation, f"internal error: {exc!r}")
            raise
        self.signals.finished.emit(self.generation, index, read, left)


class SpeakerQuotesTask(LibraryTask):
    """One speaker's quotes across the library (``name`` None: the unattributed ones): a
    list[SpeakerQuote], keyed by the generation."""

    def __init__(self, db_path: Path, generation: int, name: str | None) -> None:
        super().__init__(db_path, generation)
        self.name = name

    def work(self, library: Library) -> object:
        from byline import workflows  # see SpeakersTask.run

        return workflows.speaker_quotes(library, self.name)
