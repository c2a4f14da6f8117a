"""The Quotes tab: who said what, in text order, filterable by speaker, with the reader's
corrections (speaker, not a quote) and "Keep as highlight"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from byline.core.model import Quote, QuoteKind
from byline.ui.list_view import EntryList
from byline.ui.models import UNATTRIBUTED, ItemRole, QuoteListModel, speaker_label
from byline.ui.theme import make_muted

ALL_SPEAKERS = ""


class QuotesPanel(QWidget):
    quoteActivated = Signal(object)  # Quote clicked
    keepRequested = Signal(object)
    correctSpeakerRequested = Signal(object)
    notAQuoteRequested = Signal(object)
    copyRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QuoteListModel()
        self._all: list[Quote] = []
        self._given: list[Quote] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.speaker_combo = QComboBox(self)
        self.speaker_combo.setObjectName("speakerFilter")
        self.speaker_combo.currentIndexChanged.connect(self._refilter)
        self.status = QLabel("", self)
        make_muted(self.status)
        self.status.setWordWrap(True)
        self.list = EntryList(self)
        self.list.setObjectName("quoteList")
        self.list.setModel(self.model)
        self.list.clicked.connect(self._clicked)
        self.list.activated.connect(self._clicked)  # Enter on the keyboard
        self.list.customContextMenuRequested.connect(self._context_menu)
        buttons = QHBoxLayout()
        self.keep_button = QPushButton("Keep as highlight", self)
        self.keep_button.clicked.connect(lambda: self._emit_current(self.keepRequested))
        self.speaker_button = QPushButton("Speaker…", self)
        self.speaker_button.setToolTip("Correct who said this")
        self.speaker_button.clicked.connect(
            lambda: self._emit_current(self.correctSpeakerRequested)
        )
        self.not_quote_button = QPushButton("Not a quote", self)
        self.not_quote_button.clicked.connect(lambda: self._emit_current(self.notAQuoteRequested))
        for b in (self.keep_button, self.speaker_button, self.not_quote_button):
            buttons.addWidget(b)
        self.scare_check = QCheckBox("Include scare quotes", self)
        self.scare_check.setToolTip("Words in quotation marks that nobody is quoted as saying")
        self.scare_check.toggled.connect(lambda _on: self.set_quotes(self._given))
        layout.addWidget(self.speaker_combo)
        layout.addWidget(self.scare_check)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.set_quotes([], status="")

    def set_quotes(self, quotes: Sequence[Quote], status: str | None = None) -> None:
        """Show the quotes; scare quotes (words, not statements) only when asked for."""
        self._given = list(quotes)
        scare = self.scare_check.isChecked()
        self._all = [q for q in quotes if scare or q.kind is not QuoteKind.SCARE]
        keep = self.speaker_combo.currentData()
        counts = Counter(speaker_label(q) for q in self._all)
        self.speaker_combo.blockSignals(True)
        self.speaker_combo.clear()
        self.speaker_combo.addItem(f"All speakers ({len(self._all)})", ALL_SPEAKERS)
        named = sorted((s for s in counts if s != UNATTRIBUTED), key=lambda s: (-counts[s], s))
        for speaker in named + ([UNATTRIBUTED] if UNATTRIBUTED in counts else []):
            self.speaker_combo.addItem(f"{speaker} ({counts[speaker]})", speaker)
        index = self.speaker_combo.findData(keep) if keep else 0
        self.speaker_combo.setCurrentIndex(max(0, index))
        self.speaker_combo.blockSignals(False)
        self._refilter()
        if status is not None:
            self.status.setText(status)
        self.status.setVisible(bool(self.status.text()))

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def select_speaker(self, speaker: str) -> None:
        self.speaker_combo.setCurrentIndex(max(0, self.speaker_combo.findData(speaker)))

    @property
    def current(self) -> Quote | None:
        index = self.list.currentIndex()
        value = index.data(ItemRole) if index.isValid() else None
        return value if isinstance(value, Quote) else None

    def select_offset(self, offset: int) -> bool:
        row = self.model.row_at_offset(offset)
        self.list.select_row(row)
        return row >= 0

    def _refilter(self) -> None:
        speaker = self.speaker_combo.currentData()
        shown = [q for q in self._all if not speaker or speaker_label(q) == speaker]
        self.model.set_items(shown)
        if not self._all and not self.status.text():
            self.set_status("No quotations found in this document.")

    def _clicked(self, index: QModelIndex) -> None:
        value = index.data(ItemRole)
        if isinstance(value, Quote):
            self.quoteActivated.emit(value)

    def _emit_current(self, signal: SignalInstance) -> None:
        quote = self.current
        if quote is not None:
            signal.emit(quote)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        value = index.data(ItemRole) if index.isValid() else None
        if not isinstance(value, Quote):
            return
        menu = QMenu(self)
        menu.addAction("Copy with attribution", lambda: self.copyRequested.emit(value))
        menu.addAction("Keep as highlight", lambda: self.keepRequested.emit(value))
        menu.addAction("Correct speaker…", lambda: self.correctSpeakerRequested.emit(value))
        menu.addAction("Not a quote", lambda: self.notAQuoteRequested.emit(value))
        menu.exec(self.list.viewport().mapToGlobal(pos))
