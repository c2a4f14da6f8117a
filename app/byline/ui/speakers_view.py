"""The Speakers view beside the library list: everyone quoted across the library, with how many
quotes in how many documents, a filter box for names, and the chosen speaker's quotes with their
documents. Activating a quote asks for it to be shown in its document (``quoteActivated``).

The view reads the library on workers (``speakers_tasks``) and only while it is shown. Each time
it opens it first reads the documents whose quotes are not cached for the current extractor
(imported or read by an older version), with progress and Cancel, so no document is silently
left out of the count; a cancelled read is said and can be resumed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from byline.core.model import QuoteKind, SpeakerCount, SpeakerIndex, SpeakerQuote
from byline.core.speaker_names import speaker_key
from byline.core.wording import counted
from byline.ui.attribution import readable_date
from byline.ui.list_view import EntryList
from byline.ui.models import UNATTRIBUTED, ItemRole, ValueListModel, elide, elide_quote
from byline.ui.speakers_tasks import CountedSpeakers, SpeakerQuotesTask, SpeakersTask
from byline.ui.theme import make_muted
from byline.ui.workers import start_kept

REFRESH_DELAY_MS = 300  # a burst of changes (an undo of many steps) counts once


def speaker_label(speaker: SpeakerCount) -> str:
    return speaker.name or UNATTRIBUTED


def same_speaker(a: SpeakerCount | None, b: SpeakerCount | None) -> bool:
    """Whether two rows name the same speaker, as the store groups names (None: no row)."""
    if a is None or b is None:
        return a is b
    return speaker_key(a.name) == speaker_key(b.name)


class SpeakerListModel(ValueListModel[SpeakerCount]):
    def display(self, value: SpeakerCount) -> str:
        counts = f"{counted(value.quotes, 'quote')} · {counted(value.documents, 'document')}"
        return f"{speaker_label(value)}\n{counts}"

    def row_of(self, speaker: SpeakerCount | None) -> int:
        return next((r for r, s in enumerate(self._items) if same_speaker(s, speaker)), -1)


class SpeakerQuoteListModel(ValueListModel[SpeakerQuote]):
    """Each quote (the heading, in bold) over the document it is in."""

    def display(self, value: SpeakerQuote) -> str:
        quote = value.quote
        said = elide_quote(quote, 240)
        if quote.kind is QuoteKind.INDIRECT:
            said += " (reported)"
        title = elide(value.title or "Untitled", 70)
        source = " · ".join(p for p in (title, value.outlet, readable_date(value.published)) if p)
        return f"{said}\n{source}"

    def tooltip(self, value: SpeakerQuote) -> str | None:
        cue = f" ({value.quote.cue})" if value.quote.cue else ""
        return f"{value.title}{cue}"


class SpeakersView(QWidget):
    quoteActivated = Signal(int, int, int)  # document id, start, end of the quote
    quotesCached = Signal()  # unread documents were read: the library list's counts changed

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.index: SpeakerIndex | None = None
        self.selected: SpeakerCount | None = None
        self.unread = 0  # documents whose quotes are not counted (reading was cancelled)
        self._stale = True  # the library may have changed since the last count
        self._generation = 0  # answers of counts started before the latest are dropped
        self._quotes_generation = 0
        self._running: SpeakersTask | None = None
        self._quotes_loading = False
        self._tasks: set[SpeakersTask | SpeakerQuotesTask] = set()
        self._declined = False  # the reader cancelled reading: don't start again on a change
        self._stopped = False

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("speakersFilter")
        self.filter_edit.setPlaceholderText("Filter speakers")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _text: self._show_index())
        self.filter_edit.returnPressed.connect(self._choose_first)
        self.status = QLabel("", self)
        make_muted(self.status)
        self.status.setWordWrap(True)

        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setToolTip("Stop reading documents; the quotes read so far count")
        self.cancel_button.clicked.connect(self.cancel)
        self.read_button = QPushButton("Read them", self)
        self.read_button.setToolTip("Find the quotes in the documents not read yet")
        self.read_button.clicked.connect(lambda: self.refresh(read_unread=True))
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.progress, 1)
        busy_row.addWidget(self.cancel_button)
        busy_row.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.speakers = SpeakerListModel()
        self.speaker_list = EntryList(self)
        self.speaker_list.setObjectName("speakerList")
        self.speaker_list.setModel(self.speakers)
        self.speaker_list.selectionModel().currentChanged.connect(self._speaker_chosen)
        self.quotes = SpeakerQuoteListModel()
        self.quotes_title = QLabel("", self)
        make_muted(self.quotes_title)
        self.quotes_title.setWordWrap(True)
        self.quote_list = EntryList(self)
        self.quote_list.setObjectName("speakerQuoteList")
        self.quote_list.setModel(self.quotes)
        self.quote_list.clicked.connect(self._quote_clicked)
        self.quote_list.activated.connect(self._quote_clicked)  # Enter on the keyboard
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        lower_layout.addWidget(self.quotes_title)
        lower_layout.addWidget(self.quote_list, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.speaker_list)
        self.splitter.addWidget(lower)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.status)
        layout.addLayout(busy_row)
        layout.addWidget(self.splitter, 1)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(lambda: self.refresh(read_unread=not self._declined))
        self._set_busy(None)
        self.read_button.hide()
        self._show_quotes_title()

    # ------------------------------------------------------------------------- counting

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Spontaneous: the window came back from being minimised, not the view opened.
        # Counting reads the whole library: again only if it changed or some is still unread.
        if not self._stopped and not event.spontaneous() and (self._stale or self.unread):
            self._declined = False
            self.refresh(read_unread=True)

    def library_changed(self) -> None:
        """Something in the library changed (an import, a correction): count again soon if
        shown; a hidden view counts when it is next shown."""
        if self.isVisible() and not self._stopped:
            self._refresh_timer.start()
        else:
            self._stale = True

    def refresh(self, *, read_unread: bool) -> None:
        """Count again on a worker, first reading unread documents if ``read_unread``; the
        newest request wins."""
        self._refresh_timer.stop()
        self._stale = False
        if self._running is not None:
            self._running.cancel()  # its answer is dropped; the new count reads on from there
        if read_unread:
            self._declined = False
        self._generation += 1
        task = SpeakersTask(self.db_path, self._generation, read_unread=read_unread)
        task.signals.progress.connect(self._progress)
        task.signals.finished.connect(self._counted)
        task.signals.failed.connect(self._failed)
        self._run(task)
        self._set_busy(task)
        if self.index is None:
            self.status.setText("Counting quotes…")

    @property
    def busy(self) -> bool:
        """Whether a count (or a speaker's quotes) is still on its way."""
        return self._running is not None or self._quotes_loading

    def cancel(self) -> None:
        """Stop reading unread documents; the count of what was read still comes."""
        if self._running is not None:
            self._running.cancel()
            self._declined = True
            self.cancel_button.setEnabled(False)
            self.status.setText("Stopping after this document…")

    def stop(self) -> None:
        """The window is closing: stop reading, drop whatever answers are still to come."""
        self._stopped = True
        self._refresh_timer.stop()
        if self._running is not None:
            self._running.cancel()

    def _run(self, task: SpeakersTask | SpeakerQuotesTask) -> None:
        start_kept(task, self._tasks)

    def _set_busy(self, task: SpeakersTask | None) -> None:
        self._running = task
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)  # shown once there are documents to read
        self.cancel_button.setVisible(False)
        self.cancel_button.setEnabled(True)

    def _progress(self, generation: int, done: int, total: int) -> None:
        if generation != self._generation or self._stopped or not total:
            return
        self.read_button.hide()
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.show()
        self.cancel_button.setVisible(done < total)
        if done < total and self.cancel_button.isEnabled():
            self.status.setText(f"Reading quotes in {done + 1} of {counted(total, 'document')}…")

    def _counted(self, generation: int, count: CountedSpeakers) -> None:
        if generation != self._generation or self._stopped:
            return
        index, read, left = count.index, count.read, count.left
        self._set_busy(None)
        self.index, self.unread = index, left
        self.read_button.setVisible(left > 0)
        self._show_index()
        # The chosen speaker's quotes may have changed too (a correction, a document read).
        everyone = [*index.speakers, index.unattributed]
        still_there = next((s for s in everyone if same_speaker(s, self.selected)), None)
        self._choose(still_there if still_there is not None and still_there.quotes else None)
        if read:
            self.quotesCached.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation or self._stopped:
            return
        self._set_busy(None)
        self._stale = True
        self.status.setText(f"The speakers could not be counted: {message}")

    # ----------------------------------------------------------------------- the speakers

    def _show_index(self) -> None:
        """List the speakers the filter lets through, the chosen one marked if among them."""
        index = self.index
        if index is None:
            return
        needle = " ".join(self.filter_edit.text().split()).casefold()
        rows = [s for s in index.speakers if needle in speaker_label(s).casefold()]
        if index.unattributed.quotes and needle in UNATTRIBUTED.casefold():
            rows.append(index.unattributed)
        if rows != self.speakers.items:
            self.speakers.set_items(rows)
        # Marking the row is not choosing it again: the quotes shown stay as they are.
        selection = self.speaker_list.selectionModel()
        selection.blockSignals(True)
        self.speaker_list.select_row(self.speakers.row_of(self.selected))
        selection.blockSignals(False)
        if not needle:
            self.status.setText(_summary(index, self.unread))
        elif not rows:
            self.status.setText(f"No speaker matches “{self.filter_edit.text().strip()}”.")
        else:
            self.status.setText(f"{counted(len(rows), 'speaker')} of {len(index.speakers)}")
        self._show_quotes_title()

    def select_speaker(self, name: str | None) -> bool:
        """Choose the speaker called ``name`` (None: the unattributed quotes), as a click
        would; False when the list does not show them."""
        row = self.speakers.row_of(SpeakerCount(name, 0, 0))
        if row >= 0:
            self.speaker_list.select_row(row)
        return row >= 0

    def _choose_first(self) -> None:
        if self.speakers.rowCount():
            self.speaker_list.select_row(0)
            self.speaker_list.setFocus()

    def _speaker_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        value = current.data(ItemRole) if current.isValid() else None
        self._choose(value if isinstance(value, SpeakerCount) else None)

    def _choose(self, speaker: SpeakerCount | None) -> None:
        """Show ``speaker``'s quotes (fetched again: a correction may have changed them)."""
        self.selected = speaker
        self._show_quotes_title()
        self._quotes_generation += 1
        if speaker is None:
            self._quotes_loading = False
            self.quotes.set_items([])
            return
        task = SpeakerQuotesTask(self.db_path, self._quotes_generation, speaker.name)
        task.signals.finished.connect(self._quotes_ready)
        task.signals.failed.connect(self._quotes_failed)
        self._quotes_loading = True
        self._run(task)

    def _quotes_ready(self, generation: int, quotes: list[SpeakerQuote]) -> None:
        if generation != self._quotes_generation or self._stopped:
            return
        self._quotes_loading = False
        if quotes != self.quotes.items:  # an unchanged list keeps its scroll position
            self.quotes.set_items(quotes)

    def _quotes_failed(self, generation: int, message: str) -> None:
        if generation != self._quotes_generation or self._stopped:
            return
        self._quotes_loading = False
        self.quotes.set_items([])
        self.quotes_title.setText(f"The quotes could not be read: {message}")

    def _show_quotes_title(self) -> None:
        speaker = self.selected
        if speaker is None:
            text = "Choose a speaker to see their quotes." if self.speakers.rowCount() else ""
        elif speaker.name is None:
            text = "Quotes nobody could be named for"
        else:
            text = f"Quotes by {speaker.name}"
        self.quotes_title.setText(text)
        self.quotes_title.setVisible(bool(text))

    def _quote_clicked(self, index: QModelIndex) -> None:
        value = index.data(ItemRole)
        if isinstance(value, SpeakerQuote):
            self.quoteActivated.emit(value.document_id, value.quote.start, value.quote.end)


def _summary(index: SpeakerIndex, unread: int) -> str:
    if not index.speakers and not index.unattributed.quotes and not unread:
        return "Nobody is quoted in the library yet."
    quotes = sum(s.quotes for s in index.speakers)
    text = f"{counted(len(index.speakers), 'speaker')} · {counted(quotes, 'quote')}"
    if index.unattributed.quotes:
        text += f", {index.unattributed.quotes} unattributed"
    if unread:
        text += (
            f". {counted(unread, 'document')} not read yet: "
            f"{'its' if unread == 1 else 'their'} quotes are not counted."
        )
    return text
