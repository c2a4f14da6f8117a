"""The Speakers view's work off the GUI thread (as in ``workers``: each task opens its own
Library connection): reading the documents whose quotes are not cached yet, counting every
speaker, and listing one speaker's quotes. On a large library each query takes longer than a
frame, and reading unread documents takes seconds."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal

from byline.core.model import SpeakerIndex
from byline.store import Library
from byline.ui.workers import AnswerSignals, LibraryTask


class SpeakersSignals(AnswerSignals):
    progress = Signal(int, int, int)  # generation, documents read, documents to read


@dataclass(frozen=True)
class CountedSpeakers:
    """What ``SpeakersTask`` answers: every speaker, and how many documents it read for them
    and left unread."""

    index: SpeakerIndex
    read: int
    left: int


class SpeakersTask(LibraryTask):
    """Count every speaker in the library; first, when ``read_unread``, extract the quotes of
    the documents the current extractor has not read (until cancelled). Its answer: a
    CountedSpeakers, keyed by the generation."""

    signals: SpeakersSignals

    def __init__(self, db_path: Path, generation: int, *, read_unread: bool) -> None:
        super().__init__(db_path, generation)
        self.read_unread = read_unread
        self.signals = SpeakersSignals()
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        """Stop reading documents after the current one; the count still comes."""
        self._cancelled.set()

    def work(self, library: Library) -> object:
        # The extractor loads here, on the worker, as in workers.ImportTask.
        from byline import workflows

        read, left = 0, 0
        if self.read_unread:
            read, left = workflows.cache_missing_quotes(
                library,
                on_progress=lambda done, total: self.signals.progress.emit(self.key, done, total),
                should_cancel=self._cancelled.is_set,
            )
        else:
            left = len(workflows.documents_without_quotes(library))
        return CountedSpeakers(workflows.library_speakers(library), read, left)


class SpeakerQuotesTask(LibraryTask):
    """One speaker's quotes across the library (``name`` None: the unattributed ones): a
    list[SpeakerQuote], keyed by the generation."""

    def __init__(self, db_path: Path, generation: int, name: str | None) -> None:
        super().__init__(db_path, generation)
        self.name = name

    def work(self, library: Library) -> object:
        from byline import workflows  # see SpeakersTask.work

        return workflows.speaker_quotes(library, self.name)
