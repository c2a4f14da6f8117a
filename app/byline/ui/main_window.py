"""The main window: library pane, reading view and sidebar, the menus, and the wiring between
them. State lives in the Library (through the Session and its undo commands); this class routes
signals and never parses files or extracts quotes itself."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSettings, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPaintEvent,
    QUndoCommand,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from byline.assets import resource_path, sample_document_path
from byline.core.errors import BylineError, NotFound
from byline.core.model import (
    Document,
    DocumentSummary,
    Highlight,
    ImportReport,
    Quote,
    QuoteCorrection,
    QuoteKind,
    SearchHit,
)
from byline.core.selection import innermost_at
from byline.core.wording import counted
from byline.ui import commands
from byline.ui.attribution import attributed, attributed_quote
from byline.ui.floating_bar import color_swatch
from byline.ui.lazy_page import LazyPage
from byline.ui.library_pane import LibraryPane
from byline.ui.qt_values import set_by_name
from byline.ui.quotes_panel import QuotesPanel
from byline.ui.session import Session
from byline.ui.theme import (
    COLOR_NAMES,
    DEFAULT_FONT_SIZE,
    MAX_FONT_SIZE,
    MIN_FONT_SIZE,
    ThemeChoice,
    applied_look_is_dark,
    apply_theme,
    is_dark,
    look_to_start_in,
    reading_colors,
    set_colors,
)
from byline.ui.workers import (
    DailyBackupTask,
    ExportTask,
    ImportTask,
    MarkdownCopyTask,
    OpenTask,
    QuotesTask,
    start,
    start_kept,
)
from byline.workflows import cached_document_quotes

if TYPE_CHECKING:
    from byline.ui.check_view import CheckView
    from byline.ui.export_dialog import ExportChoice, ExportDialog, ExportScope
    from byline.ui.find_bar import FindBar
    from byline.ui.highlights_panel import HighlightsPanel
    from byline.ui.notes_panel import NotesPanel
    from byline.ui.opening import OpenedDocument
    from byline.ui.reader import ReaderView
    from byline.ui.shortcuts_dialog import ShortcutsDialog
    from byline.ui.speakers_view import SpeakersView

Task = ImportTask | QuotesTask | ExportTask | MarkdownCopyTask | OpenTask
Span = tuple[int, int]
QUOTES_TAB, HIGHLIGHTS_TAB, NOTES_TAB = 0, 1, 2
DOCUMENTS_TAB, SPEAKERS_TAB = 0, 1  # the library side's tabs
LINK_SCHEMES = {"http", "https", "mailto"}
# Fits a 1280×800 screen (with a panel and title bar) with all three panes showing.
DEFAULT_SIZE = (1200, 760)
DEFAULT_SPLIT = (240, 600, 360)

WELCOME_EMPTY = """<h2>Welcome to Byline</h2>
<p>Import articles, reports and transcripts (File › Import, or drop files on this window).
Everything stays on this computer.</p>
<p><b>How it works</b></p>
<ul>
<li>Select text and press <b>H</b> to highlight it; <b>N</b> highlights it and opens a note.</li>
<li>The <b>Quotes</b> tab lists every quotation with its speaker. Click one to jump to it.</li>
<li>The <b>Notes</b> tab holds your notes on the whole document, saved as you type.</li>
<li><b>Ctrl+Shift+C</b> copies a quote or highlight with its attribution, ready for a draft.</li>
<li><b>View › Speakers</b> (Ctrl+Shift+S) lists everyone quoted across the library.</li>
</ul>
<p>Not sure where to start? Open the sample article.</p>"""

WELCOME_LIBRARY = """<h2>Pick a document</h2>
<p>Choose a document in the library on the left, search it, or import more files
(File › Import, or drop them on this window).</p>"""


class MainWindow(QMainWindow):
    def __init__(self, session: Session, settings: QSettings) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.library = session.library
        self.document: Document | None = None
        self._quotes_pending = False  # the open document's quotes are being extracted
        self.quotes: list[Quote] = []
        self.highlights: list[Highlight] = []
        self.current_color = str(settings.value("currentColor", "yellow"))
        if self.current_color not in COLOR_NAMES:
            self.current_color = "yellow"
        self.theme = ThemeChoice(str(settings.value("theme", ThemeChoice.SYSTEM.value)))
        self._tasks: set[Task] = set()
        self._import_task: ImportTask | None = None
        self._export_task: ExportTask | None = None
        self.export_dialog: ExportDialog | None = None
        self.overwrite_box: QMessageBox | None = None
        self.last_export: list[Path] = []
        self._closed = False  # late worker results are dropped after close
        self.import_summary: QMessageBox | None = None
        self.error_box: QMessageBox | None = None
        self.link_dialog: QMessageBox | None = None
        self.check_view: CheckView | None = None
        self.last_report: ImportReport | None = None
        self._copy_after_quotes: int | None = None  # document to copy once its quotes are in
        self._open_generation = 0  # answers of open_document_soon asked before are dropped
        self._opening: OpenTask | None = None
        self._painted = False  # see paintEvent
        self._font_size = DEFAULT_FONT_SIZE  # the reader's, until it is built

        self.setWindowTitle("Byline")
        icon = resource_path("byline.svg")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.setAcceptDrops(True)
        # Before the widgets: after, each lays out anew. Reopening a document makes the Qt
        # namespace before the first paint anyway: then the system is asked at once, and no
        # wrong guess re-renders a long document after it (see look_to_start_in).
        reopening = settings.value("lastDocument") is not None
        dark = self._apply_application_theme(guess=not reopening)
        self._build_widgets()
        self._color_chrome(dark)
        self._build_actions()
        self._build_menus()
        self._connect()
        self._restore_settings()

    # ================================================================== building
    def _build_widgets(self) -> None:
        # Side by side. By keyword: a first argument is tried as a Qt.Orientation (qt_values).
        self.splitter = QSplitter(parent=self)
        self.splitter.setHandleWidth(1)  # a rule, coloured in _color_chrome
        # Made in the splitter: moved into it, the list would be polished and laid out again.
        self.library_side = QTabWidget(self.splitter)
        self.library_side.setObjectName("librarySide")
        self.library_side.setDocumentMode(True)  # no frame around the pages
        self.library_pane = LibraryPane(self.session, self.library_side)
        self._speakers_page = LazyPage(self._build_speakers_view, self.library_side)
        self.library_side.addTab(self.library_pane, "Documents")
        self.library_side.addTab(self._speakers_page, "Speakers")
        self.library_side.setMinimumWidth(200)

        self._reader: ReaderView | None = None
        self._find_bar: FindBar | None = None
        self._reading_page = LazyPage(self._build_reading, self)

        self.welcome = QWidget(self)
        welcome_layout = QVBoxLayout(self.welcome)
        welcome_layout.setContentsMargins(48, 48, 48, 48)
        self.welcome_text = QLabel(self.welcome)
        welcome_font = self.welcome_text.font()
        welcome_font.setPixelSize(14)
        self.welcome_text.setFont(welcome_font)
        self.welcome_text.setWordWrap(True)
        set_by_name(self.welcome_text, "textFormat", "RichText")
        self.welcome_text.setMaximumWidth(560)
        self.sample_button = QPushButton("Open the sample article", self.welcome)
        self.sample_button.clicked.connect(self.open_sample)
        welcome_layout.addStretch(1)
        # Centred between stretches: addWidget's alignment takes a Qt.AlignmentFlag (see
        # qt_values), and an int is refused.
        for centred in (self.welcome_text, self.sample_button):
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(centred)
            row.addStretch(1)
            welcome_layout.addLayout(row)
        welcome_layout.addStretch(2)

        self.centre = QStackedWidget(self)
        self.centre.addWidget(self.welcome)
        self.centre.addWidget(self._reading_page)

        self.quotes_panel = QuotesPanel(self)
        self.sidebar = QTabWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setDocumentMode(True)
        self._highlights_page = LazyPage(self._build_highlights_panel, self.sidebar)
        self._notes_page = LazyPage(self._build_notes_panel, self.sidebar)
        self.sidebar.addTab(self.quotes_panel, "Quotes")
        self.sidebar.addTab(self._highlights_page, "Highlights")
        self.sidebar.addTab(self._notes_page, "Notes")
        self.sidebar.setMinimumWidth(260)

        self.splitter.addWidget(self.library_side)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.sidebar)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes(list(DEFAULT_SPLIT))
        self.setCentralWidget(self.splitter)

        status = self.statusBar()
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self.cancel_import)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(300)
        self._refresh_timer.timeout.connect(self.library_pane.refresh)

    # The tabs behind the current ones are built when first shown or first wanted (LazyPage).
    @property
    def speakers_view(self) -> SpeakersView:
        return self._speakers_page.content()

    @property
    def highlights_panel(self) -> HighlightsPanel:
        return self._highlights_page.content()

    @property
    def notes_panel(self) -> NotesPanel:
        return self._notes_page.content()

    @property
    def reader(self) -> ReaderView:
        """The reading view, built with its page when first wanted: a start with no document
        to reopen shows the welcome page over it, and its modules and first text view are
        some 15 ms of the time to the first paint (issue 5)."""
        self._reading_page.content()
        assert self._reader is not None
        return self._reader

    @property
    def find_bar(self) -> FindBar:
        self._reading_page.content()
        assert self._find_bar is not None
        return self._find_bar

    def _build_reading(self, parent: QWidget) -> QWidget:
        """The reading view and its find bar, wired to the window's actions (so not before
        _build_actions)."""
        from byline.ui.find_bar import FindBar
        from byline.ui.reader import ReaderView

        reading = QWidget(parent)
        reader = self._reader = ReaderView(reading)
        self._find_bar = FindBar(reader, reading)
        layout = QVBoxLayout(reading)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(reader, 1)
        layout.addWidget(self._find_bar)
        # Made last, they would come last in the Tab order, after the sidebar.
        bar = self._find_bar
        order = (reader, bar.field, bar.previous_button, bar.next_button, bar.close_button)
        QWidget.setTabOrder(self.library_side, reader)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        set_by_name(reader, "contextMenuPolicy", "CustomContextMenu")  # _reader_menu
        reader.set_font_size(self._font_size)
        reader.set_dark(applied_look_is_dark())
        # Single-letter shortcuts would swallow typing in the sidebar's editors otherwise.
        reader.addActions([self.highlight_action, self.note_action, self.delete_highlight_action])
        reader.cursorOffsetChanged.connect(self._caret_moved)
        reader.colorPicked.connect(lambda name: self.highlight_selection(color=name))
        reader.noteRequested.connect(lambda: self.highlight_selection(with_note=True))
        reader.linkClicked.connect(self.confirm_open_link)
        reader.customContextMenuRequested.connect(self._reader_menu)
        return reading

    def _build_speakers_view(self, parent: QWidget) -> SpeakersView:
        from byline.ui.speakers_view import SpeakersView

        view = SpeakersView(self.session.db_path, parent)
        view.quoteActivated.connect(self.show_passage)
        view.quotesCached.connect(self._refresh_library_soon)
        return view

    def _build_highlights_panel(self, parent: QWidget) -> HighlightsPanel:
        from byline.ui.highlights_panel import HighlightsPanel

        s = self.session
        panel = HighlightsPanel(parent)
        panel.highlightActivated.connect(self.go_to_highlight)
        panel.colorChangeRequested.connect(
            lambda h, c: self._push(commands.EditHighlight(s, h, color=c))
        )
        panel.noteEdited.connect(lambda h, n: self._push(commands.EditHighlight(s, h, note=n)))
        panel.tagsEdited.connect(lambda h, t: self._push(commands.EditHighlight(s, h, tags=t)))
        panel.deleteRequested.connect(lambda h: self._push(commands.DeleteHighlight(s, h)))
        panel.copyRequested.connect(self.copy_highlight)
        return panel  # filled by _show_opened, which asks for it

    def _build_notes_panel(self, parent: QWidget) -> NotesPanel:
        from byline.ui.notes_panel import NotesPanel

        panel = NotesPanel(parent)
        panel.noteSaveRequested.connect(self._save_document_note)
        panel.tagsEdited.connect(self._save_document_tags)
        return panel  # filled by _show_opened, which asks for it

    def _speakers_library_changed(self) -> None:
        if self._speakers_page.built:  # else it counts when first shown
            self.speakers_view.library_changed()

    def _draw_color_swatches(self) -> None:
        """The colour menu's swatches, drawn when it first opens: painting one makes the Qt
        namespace (see qt_values)."""
        for name, action in self.color_actions.items():
            if action.icon().isNull():
                action.setIcon(color_swatch(name))

    def _flush_typing(self) -> None:
        """Save what is being typed in a note now (it is saved as you type, after a pause)."""
        if self._notes_page.built:
            self.notes_panel.flush()
        if self._highlights_page.built:
            self.highlights_panel.flush()

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence.StandardKey | str | Sequence[str] | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            # setShortcuts, not setShortcut: that one tries its argument as a Qt.Key first,
            # which makes the Qt namespace (see qt_values).
            keys = [shortcut] if isinstance(shortcut, str) else shortcut
            action.setShortcuts([QKeySequence.fromString(k) for k in keys])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        SK = QKeySequence.StandardKey
        self.import_files_action = self._action("&Import files…", self.ask_import_files, SK.Open)
        self.import_folder_action = self._action(
            "Import &folder…", self.ask_import_folder, "Ctrl+Shift+O"
        )
        self.sample_action = self._action("Open the &sample article", self.open_sample)
        self.check_action = self._action(
            "&Check quotes in a draft…",
            self.show_check_view,
            "Ctrl+Shift+K",
            "Check a draft's quotations against the library",
        )
        self.export_markdown_action = self._action(
            "&Export notes as Markdown…",
            self.ask_export_markdown,
            "Ctrl+E",
            "Write the notes, quotes and highlights of documents to Markdown files",
        )
        self.export_backup_action = self._action(
            "Export &backup (JSON)…",
            self.ask_export_backup,
            tip="Save every document with its highlights and notes in one file",
        )
        self.restore_backup_action = self._action(
            "&Restore a backup…",
            self.ask_restore_backup,
            tip="Replace the library with one of its automatic backups (the current one is kept)",
        )
        self.quit_action = self._action("&Quit", self.close, SK.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self.session.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(SK.Undo)
        self.redo_action = self.session.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(SK.Redo)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.copy_action = self._action("&Copy", self._copy_selection, SK.Copy)
        self.copy_attributed_action = self._action(
            "Copy with &attribution",
            self.copy_with_attribution,
            "Ctrl+Shift+C",
            "Copy the passage in quotation marks with speaker, outlet, title and date",
        )
        self.copy_markdown_action = self._action(
            "Copy document as &Markdown",
            self.copy_document_markdown,
            tip="Copy the open document's notes, quotes and highlights as Markdown",
        )
        self.copy_highlight_markdown_action = self._action(
            "Copy highlight as Mar&kdown",
            self.copy_highlight_markdown,
            tip="Copy the selected highlight with its source and note as Markdown",
        )
        self.highlight_action = self._action(
            "&Highlight selection", lambda: self.highlight_selection(), "H"
        )
        self.note_action = self._action(
            "Highlight and add &note", lambda: self.highlight_selection(with_note=True), "N"
        )
        self.delete_highlight_action = self._action(
            "&Delete highlight", self.delete_current_highlight, SK.Delete
        )
        # The reader's alone (see _build_reading).
        for action in (self.highlight_action, self.note_action, self.delete_highlight_action):
            set_by_name(action, "shortcutContext", "WidgetWithChildrenShortcut")
            self.removeAction(action)
        self.color_group = QActionGroup(self)
        self.color_actions: dict[str, QAction] = {}
        for number, name in enumerate(COLOR_NAMES, start=1):
            action = self._action(
                name.title(), lambda _=False, n=name: self.set_current_color(n), f"Ctrl+{number}"
            )
            action.setCheckable(True)
            action.setChecked(name == self.current_color)
            self.color_group.addAction(action)
            self.color_actions[name] = action
        self.find_action = self._action("&Find…", lambda: self.find_bar.open_bar(), SK.Find)
        self.find_next_action = self._action("Find &next", self.find_next, SK.FindNext)
        self.find_previous_action = self._action(
            "Find &previous", self.find_previous, SK.FindPrevious
        )

        self.zoom_in_action = self._action("&Larger text", self.zoom_in, SK.ZoomIn)
        self.zoom_out_action = self._action("&Smaller text", self.zoom_out, SK.ZoomOut)
        self.zoom_reset_action = self._action("&Normal size", self.zoom_reset, "Ctrl+0")
        self.toggle_library_action = self._action(
            "Show &library", self.toggle_library, "Ctrl+Shift+L"
        )
        self.toggle_library_action.setCheckable(True)
        self.toggle_library_action.setChecked(True)
        self.toggle_sidebar_action = self._action(
            "Show &sidebar", self.toggle_sidebar, "Ctrl+Shift+B"
        )
        self.toggle_sidebar_action.setCheckable(True)
        self.toggle_sidebar_action.setChecked(True)
        self.speakers_action = self._action(
            "S&peakers",
            self.show_speakers,
            "Ctrl+Shift+S",
            "Everyone quoted across the library, with their quotes",
        )
        self.tab_actions = [
            self._action(f"&{title}", lambda _=False, i=i: self.show_tab(i), f"Alt+{i + 1}")
            for i, title in enumerate(("Quotes", "Highlights", "Notes"))
        ]
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[ThemeChoice, QAction] = {}
        for choice, label in (
            (ThemeChoice.SYSTEM, "Follow the &system"),
            (ThemeChoice.LIGHT, "&Light"),
            (ThemeChoice.DARK, "&Dark"),
        ):
            action = self._action(label, lambda _=False, c=choice: self.set_theme(c))
            action.setCheckable(True)
            action.setChecked(choice is self.theme)
            self.theme_group.addAction(action)
            self.theme_actions[choice] = action

        self.shortcuts_action = self._action(
            "&Keyboard shortcuts", self.show_shortcuts, SK.HelpContents
        )
        self.about_action = self._action("&About Byline", self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.import_files_action, self.import_folder_action])
        file_menu.addAction(self.sample_action)
        file_menu.addSeparator()
        file_menu.addAction(self.check_action)
        file_menu.addSeparator()
        file_menu.addActions([self.export_markdown_action, self.export_backup_action])
        file_menu.addAction(self.restore_backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.copy_action, self.copy_attributed_action])
        edit_menu.addActions([self.copy_markdown_action, self.copy_highlight_markdown_action])
        edit_menu.addSeparator()
        edit_menu.addActions(
            [self.highlight_action, self.note_action, self.delete_highlight_action]
        )
        colors = edit_menu.addMenu("Highlight &colour")
        colors.addActions(list(self.color_actions.values()))
        colors.aboutToShow.connect(self._draw_color_swatches)
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.find_next_action, self.find_previous_action])
        view_menu = bar.addMenu("&View")
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        view_menu.addSeparator()
        view_menu.addActions([self.toggle_library_action, self.toggle_sidebar_action])
        view_menu.addAction(self.speakers_action)
        view_menu.addActions(self.tab_actions)
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        theme_menu.addActions(list(self.theme_actions.values()))
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.shortcuts_action, self.about_action])
        self.menus = [file_menu, edit_menu, view_menu, help_menu]

    def _connect(self) -> None:
        s = self.session
        s.highlightsChanged.connect(self._highlights_changed)
        s.noteChanged.connect(self._note_changed)
        s.documentsChanged.connect(self._refresh_library_soon)
        s.documentChanged.connect(self.library_pane.refresh_document)
        s.quotesChanged.connect(self._quotes_changed)
        s.documentTagsChanged.connect(self._document_tags_changed)
        s.errorOccurred.connect(self.show_error)
        self.library_pane.documentActivated.connect(lambda doc_id: self.open_document_soon(doc_id))
        self.library_pane.hitActivated.connect(self.open_hit)
        self.library_pane.removeRequested.connect(self.ask_remove_document)
        s.quotesChanged.connect(lambda _doc_id: self._speakers_library_changed())
        s.documentsChanged.connect(self._speakers_library_changed)
        self.quotes_panel.quoteActivated.connect(self.go_to_quote)
        self.quotes_panel.keepRequested.connect(self.keep_quote)
        self.quotes_panel.correctSpeakerRequested.connect(self.ask_speaker)
        self.quotes_panel.notAQuoteRequested.connect(self.mark_not_a_quote)
        self.quotes_panel.copyRequested.connect(self.copy_quote)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

    # ================================================================== documents
    def open_document(
        self, doc_id: int, reveal: tuple[int, int] | None = None, *, note_opened: bool = True
    ) -> bool:
        """Show a document now (its quotes when extracted, off this thread); reading and
        rendering it happen here, so a long one is better opened with ``open_document_soon``.
        ``note_opened``: the library notes it as opened now (a write that waits for the disk)."""
        from byline.ui.opening import open_from_library  # and rendering: not at start

        self._flush_typing()
        self._open_generation += 1  # an older open_document_soon's answer is dropped
        try:
            opened = open_from_library(self.library, doc_id, self.reader.look)
            if note_opened:
                self.session.write(lambda: self.library.mark_opened(doc_id))
        except BylineError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return False
        self._show_opened(opened, reveal)
        return True

    def open_document_soon(
        self,
        doc_id: int,
        reveal: tuple[int, int] | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Show a document once a worker has read and rendered it, then call ``then``: what a
        click in the library, a search hit, a speaker's quote or the end of an import do, since
        a long document takes a while."""
        self._flush_typing()  # the worker reads the library: unsaved typing goes first
        self._open_generation += 1
        task = OpenTask(self.session.db_path, self._open_generation, doc_id, self.reader.look)
        task.signals.finished.connect(lambda gen, opened: self._opened(gen, opened, reveal, then))
        task.signals.failed.connect(self._open_failed)
        self._opening = task
        self._run(task)

    @property
    def opening(self) -> bool:
        """A document is being read and rendered for ``open_document_soon``."""
        return self._opening is not None

    def _opened(
        self,
        generation: int,
        opened: OpenedDocument,
        reveal: Span | None,
        then: Callable[[], None] | None,
    ) -> None:
        if self._closed or generation != self._open_generation:
            return  # another document was opened meanwhile
        self._flush_typing()
        self._show_opened(opened, reveal)  # which ends the opening
        if then is not None:
            then()

    def _open_failed(self, generation: int, message: str) -> None:
        if not self._closed and generation == self._open_generation:
            self._opening = None
            self.statusBar().showMessage(message, 8000)

    def _show_opened(self, opened: OpenedDocument, reveal: Span | None) -> None:
        document = opened.document
        doc_id = document.id
        self._opening = None
        self.document = document
        self.highlights = list(opened.highlights)
        self._quotes_pending = opened.quotes is None
        self.quotes = list(opened.quotes or ())
        self.reader.show_rendered(opened.rendered)
        self.centre.setCurrentWidget(self._reading_page)
        self.highlights_panel.set_highlights(self.highlights)
        self.notes_panel.load(doc_id, opened.note, document.tags)
        if self._quotes_pending:
            self.quotes_panel.set_quotes([], status="Finding quotes…")
            self._extract_quotes(doc_id)
        else:
            self.quotes_panel.set_quotes(self.quotes, status="")
        self.find_bar.rerun()
        self.library_pane.mark_current(doc_id)
        self.setWindowTitle(f"{document.title} — Byline")
        self.settings.setValue("lastDocument", doc_id)
        if self.library_pane.sort_key == "opened":  # the worker noted it as opened just now
            self._refresh_library_soon()
        if reveal is not None:
            QTimer.singleShot(0, lambda: self.reader.reveal(*reveal))
            self.reader.reveal(*reveal)

    def close_document(self) -> None:
        self._flush_typing()
        self.document = None
        if self._reader is not None:
            self._reader.clear_document()
        if self._highlights_page.built:
            self.highlights_panel.set_highlights([])
        self.quotes_panel.set_quotes([], status="")
        if self._notes_page.built:
            self.notes_panel.load(None, "", ())
        self._show_welcome()

    def ask_remove_document(self, summary: DocumentSummary) -> None:
        answer = QMessageBox.question(
            self,
            "Remove from library?",
            f"Remove “{summary.title}” from the library, with its highlights, notes and quote "
            "corrections? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_document(summary.id)

    def remove_document(self, doc_id: int) -> None:
        """Delete a document for good (no undo: its highlights and note go with it)."""
        if self.document is not None and self.document.id == doc_id:
            self.close_document()
        try:
            self.session.write(lambda: self.library.delete_document(doc_id))
        except BylineError as exc:
            self.show_error(str(exc))
            return
        self.session.undo_stack.clear()  # earlier steps may point at what was deleted
        self.library_pane.refresh()
        self._speakers_library_changed()
        if self.document is None:
            self._show_welcome()

    def open_hit(self, hit: SearchHit) -> None:
        span: tuple[int, int] | None = None
        if hit.highlight_id is not None:
            try:
                h = self.library.get_highlight(hit.highlight_id)
                span = (h.start, h.end)
            except NotFound:
                span = None
        elif hit.start is not None:
            span = (hit.start, hit.start + max(1, self._hit_length(hit)))
        highlight_id = hit.highlight_id

        def show_where_it_matched() -> None:
            if hit.kind.value == "note":
                self.show_tab(NOTES_TAB)
            if highlight_id is not None:
                self.highlights_panel.select_highlight(highlight_id)

        self._show_document_at(hit.document_id, span, show_where_it_matched)

    def _show_document_at(
        self, doc_id: int, span: Span | None, then: Callable[[], None] | None = None
    ) -> None:
        """Reveal ``span`` in the document ``doc_id``, opening it on a worker unless it is the
        one open, then call ``then``."""
        if self.document is not None and self.document.id == doc_id and not self.opening:
            if span is not None:
                self.reader.reveal(*span)
            if then is not None:
                then()
        else:
            self.open_document_soon(doc_id, reveal=span, then=then)

    @staticmethod
    def _hit_length(hit: SearchHit) -> int:
        start, end = hit.snippet.find("["), hit.snippet.find("]")
        return end - start - 1 if 0 <= start < end else 1

    def _extract_quotes(self, doc_id: int) -> None:
        task = QuotesTask(self.session.db_path, doc_id)
        task.signals.finished.connect(self._quotes_ready)
        task.signals.failed.connect(self._quotes_failed)
        self._run(task)

    def _quotes_ready(self, doc_id: int, quotes: list[Quote]) -> None:
        if self._closed:
            return
        self._copy_when_quotes_are_in(doc_id)
        self.library_pane.refresh_document(doc_id)  # its quote count
        self._speakers_library_changed()
        if self.document is None or doc_id != self.document.id:
            return
        self._quotes_pending = False
        self._show_quotes(quotes)  # read with its corrections on the worker

    def _quotes_failed(self, doc_id: int, message: str) -> None:
        if self._closed:
            return
        self._copy_when_quotes_are_in(doc_id)  # the copy says why, if it fails the same way
        if self.document is not None and doc_id == self.document.id:
            self._quotes_pending = False
            self.quotes_panel.set_quotes([], status=f"Quotes could not be found: {message}")

    def _show_quotes(self, quotes: list[Quote] | None = None) -> None:
        """Show ``quotes``, or (after a correction) the open document's as the library has
        them now."""
        if self.document is None:
            return
        if quotes is None:
            quotes = cached_document_quotes(self.library, self.document.id) or []
        self.quotes = quotes
        self.reader.set_quotes(self.quotes)
        self.quotes_panel.set_quotes(self.quotes, status="")

    def _quotes_changed(self, doc_id: int) -> None:
        if self.document is not None and doc_id == self.document.id:
            self._show_quotes()

    @property
    def quotes_pending(self) -> bool:
        return self.document is not None and self._quotes_pending

    def _refresh_library_soon(self) -> None:
        if not self._closed:
            self._refresh_timer.start()

    # ================================================================== highlights
    def _push(self, command: QUndoCommand) -> None:
        self.session.undo_stack.push(command)  # failures arrive via session.errorOccurred

    def show_error(self, message: str) -> None:
        """Say what went wrong without blocking the window (a modal loop would)."""
        self.statusBar().showMessage(message, 10_000)
        box = QMessageBox(QMessageBox.Icon.Warning, "Byline", message, parent=self)
        self.error_box = box
        box.open()

    def _copy_selection(self) -> None:
        if self._reader is not None:  # else nothing is selected
            self._reader.copy()

    def _selected_span(self) -> Span | None:
        """The selection in the reading view; none before it is built."""
        return self._reader.selected_span() if self._reader is not None else None

    def highlight_selection(self, color: str | None = None, with_note: bool = False) -> None:
        span = self._selected_span()
        if with_note and self._note_existing_highlight(span):
            return
        if self.document is None or span is None:
            self.statusBar().showMessage("Select some text first.", 3000)
            return
        if any((h.start, h.end) == span for h in self.highlights):
            self.statusBar().showMessage("This passage is already highlighted.", 3000)
            return
        command = commands.CreateHighlight(
            self.session, self.document.id, span[0], span[1], color or self.current_color
        )
        self._push(command)
        cursor = self.reader.textCursor()
        cursor.clearSelection()
        self.reader.setTextCursor(cursor)
        if command.highlight is None:
            return
        # Only writing a note needs the sidebar; a plain highlight leaves a hidden one hidden.
        self.show_tab(HIGHLIGHTS_TAB, reveal=with_note)
        self.highlights_panel.select_highlight(command.highlight.id)
        if with_note:
            self.highlights_panel.edit_note(command.highlight.id, return_focus=self.reader)

    def _note_existing_highlight(self, span: tuple[int, int] | None) -> bool:
        """N on an existing highlight (selected exactly, or holding the caret) opens its note
        in its row instead of highlighting the passage a second time."""
        if self.document is None:
            return False
        if span is not None:
            target = next((h for h in self.highlights if (h.start, h.end) == span), None)
        else:
            target = self._highlight_under_caret()
        if target is None:
            return False
        self.show_tab(HIGHLIGHTS_TAB)
        return self.highlights_panel.edit_note(target.id, return_focus=self.reader)

    def _highlight_under_caret(self) -> Highlight | None:
        """The innermost highlight holding the caret."""
        if self._reader is None:
            return None
        return innermost_at(self.highlights, self._reader.caret_offset())

    def delete_current_highlight(self) -> None:
        target = self._highlight_under_caret()
        if target is None or self.sidebar.currentIndex() == HIGHLIGHTS_TAB:
            target = self.highlights_panel.current or target
        if target is not None:
            self._push(commands.DeleteHighlight(self.session, target))

    def set_current_color(self, name: str) -> None:
        self.current_color = name
        self.color_actions[name].setChecked(True)
        self.settings.setValue("currentColor", name)

    def _highlights_changed(self, doc_id: int) -> None:
        if self.document is None or doc_id != self.document.id:
            return
        self.highlights = self.library.highlights(doc_id)
        self.reader.set_highlights(self.highlights)
        self.highlights_panel.set_highlights(self.highlights)

    def keep_quote(self, quote: Quote) -> None:
        if self.document is None:
            return
        existing = next(
            (h for h in self.highlights if (h.start, h.end) == (quote.start, quote.end)), None
        )
        if existing is None:
            command = commands.CreateHighlight(
                self.session, self.document.id, quote.start, quote.end, self.current_color
            )
            self._push(command)
            existing = command.highlight
        if existing is not None:
            self.show_tab(HIGHLIGHTS_TAB)
            self.highlights_panel.select_highlight(existing.id)

    # ================================================================== quotes
    def ask_speaker(self, quote: Quote) -> None:
        name, ok = QInputDialog.getText(
            self, "Correct speaker", "Who said this?", text=quote.speaker or ""
        )
        if ok and name.strip():
            self.correct_speaker(quote, name.strip())

    def correct_speaker(self, quote: Quote, speaker: str) -> None:
        if self.document is None:
            return
        self._correct(QuoteCorrection(self.document.id, quote.start, quote.end, speaker=speaker))

    def mark_not_a_quote(self, quote: Quote) -> None:
        if self.document is None:
            return
        self._correct(QuoteCorrection(self.document.id, quote.start, quote.end, not_a_quote=True))

    def _correct(self, correction: QuoteCorrection) -> None:
        self._push(commands.CorrectQuote(self.session, correction))

    # ================================================================== notes
    def _save_document_note(self, doc_id: int, text: str) -> None:
        try:
            before = self.library.get_note(doc_id)
        except NotFound:
            return
        if before != text:
            self._push(commands.EditDocumentNote(self.session, doc_id, before, text))

    def _note_changed(self, doc_id: int, text: str) -> None:
        if self._notes_page.built and self.notes_panel.doc_id == doc_id:
            self.notes_panel.editor.show_stored(text)

    def _save_document_tags(
        self, doc_id: int, before: tuple[str, ...], after: tuple[str, ...]
    ) -> None:
        self._push(commands.EditDocumentTags(self.session, doc_id, before, after))

    def _document_tags_changed(self, doc_id: int, tags: tuple[str, ...]) -> None:
        if self._notes_page.built and self.notes_panel.doc_id == doc_id:
            self.notes_panel.show_tags(tags)

    # ================================================================== sidebar <-> text
    def go_to_quote(self, quote: Quote) -> None:
        self.reader.reveal(quote.start, quote.end)  # which does not report the caret back

    def go_to_highlight(self, highlight: Highlight) -> None:
        self.reader.reveal(highlight.start, highlight.end)

    def _caret_moved(self, offset: int) -> None:
        if self.highlights_panel.select_offset(offset):
            self.show_tab(HIGHLIGHTS_TAB, reveal=False)
            self.quotes_panel.select_offset(offset)
        else:
            self.quotes_panel.select_offset(offset)

    def show_tab(self, index: int, reveal: bool = True) -> None:
        """Switch the sidebar's tab, showing the sidebar first if ``reveal``."""
        if reveal and not self.sidebar.isVisibleTo(self):
            self.toggle_sidebar()
        self.sidebar.setCurrentIndex(index)

    # ================================================================== copying
    def _speaker_for(self, start: int, end: int) -> str | None:
        """Whose words a passage is: the speaker of the quotation it lies in. A passage of
        reported speech is the writer's words, attributed to the document alone."""
        for q in self.quotes:
            if q.speaker and q.kind is QuoteKind.DIRECT and q.start <= start and end <= q.end:
                return q.speaker
        return None

    def _copy(self, text: str) -> None:
        QApplication.clipboard().setText(text)
        self.statusBar().showMessage("Copied with attribution.", 3000)

    def copy_quote(self, quote: Quote) -> None:
        if self.document is not None:
            self._copy(attributed_quote(quote, self.document))

    def copy_highlight(self, highlight: Highlight) -> None:
        if self.document is not None:
            speaker = self._speaker_for(highlight.start, highlight.end)
            self._copy(attributed(highlight.exact, self.document, speaker))

    def copy_with_attribution(self) -> None:
        """The selection in the text, else the entry selected in the sidebar's open tab, else
        the highlight or quote under the caret."""
        if self.document is None:
            return
        span = self.reader.selected_span()
        if span is not None:
            text = self.document.text[span[0] : span[1]]
            self._copy(attributed(text, self.document, self._speaker_for(*span)))
            return
        tab = self.sidebar.currentIndex()
        if tab == QUOTES_TAB and self.quotes_panel.current is not None:
            self.copy_quote(self.quotes_panel.current)
            return
        if tab == HIGHLIGHTS_TAB and self.highlights_panel.current is not None:
            self.copy_highlight(self.highlights_panel.current)
            return
        offset = self.reader.caret_offset()
        highlight = innermost_at(self.highlights, offset)
        if highlight is not None:
            self.copy_highlight(highlight)
            return
        quote = innermost_at(self.quotes, offset)
        if quote is not None:
            self.copy_quote(quote)

    def _reader_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        has_selection = self.reader.selected_span() is not None
        for action in (self.copy_action, self.copy_attributed_action):
            menu.addAction(action)
        menu.addSeparator()
        self.highlight_action.setEnabled(has_selection)
        self.note_action.setEnabled(has_selection)
        menu.addActions([self.highlight_action, self.note_action])
        colors = menu.addMenu("Highlight in")
        colors.setEnabled(has_selection)
        for name in COLOR_NAMES:
            colors.addAction(
                color_swatch(name), name.title(), lambda n=name: self.highlight_selection(color=n)
            )
        offset = self.reader.caret_offset()
        if any(h.start <= offset < h.end for h in self.highlights):
            menu.addAction(self.delete_highlight_action)
        menu.exec(self.reader.viewport().mapToGlobal(pos))
        self.highlight_action.setEnabled(True)
        self.note_action.setEnabled(True)

    # ================================================================== find, zoom, view
    def find_next(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
        else:
            self.find_bar.find_next()

    def find_previous(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
        else:
            self.find_bar.find_previous()

    def zoom_in(self) -> None:
        self._set_font_size(self._font_size + 1)

    def zoom_out(self) -> None:
        self._set_font_size(self._font_size - 1)

    def zoom_reset(self) -> None:
        self._set_font_size(DEFAULT_FONT_SIZE)

    def _set_font_size(self, size: int) -> None:
        """The reading font's size, kept here so that it holds before the reader is built."""
        self._font_size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))
        if self._reader is not None:
            self._reader.set_font_size(self._font_size)
        self.settings.setValue("fontSize", self._font_size)

    def toggle_library(self) -> None:
        visible = not self.library_side.isVisibleTo(self)
        self.library_side.setVisible(visible)
        self.toggle_library_action.setChecked(visible)

    def show_speakers(self) -> SpeakersView:
        """View › Speakers: the library side, on its Speakers tab, with the name filter ready."""
        if not self.library_side.isVisibleTo(self):
            self.toggle_library()
        self.library_side.setCurrentIndex(SPEAKERS_TAB)
        self.speakers_view.filter_edit.setFocus()
        return self.speakers_view

    def show_passage(self, doc_id: int, start: int, end: int) -> None:
        """Scroll to and flash a passage, opening its document unless it is the one open."""

        def select_its_quote() -> None:
            self.show_tab(QUOTES_TAB, reveal=False)
            self.quotes_panel.select_offset(start)

        self._show_document_at(doc_id, (start, end), select_its_quote)

    def toggle_sidebar(self) -> None:
        visible = not self.sidebar.isVisibleTo(self)
        self.sidebar.setVisible(visible)
        self.toggle_sidebar_action.setChecked(visible)

    def set_theme(self, choice: ThemeChoice) -> None:
        self.theme = choice
        self.theme_actions[choice].setChecked(True)
        self.settings.setValue("theme", choice.value)
        self.apply_theme()

    def apply_theme(self) -> None:
        dark = self._apply_application_theme()
        self._color_chrome(dark)
        if self._reader is not None:
            self._reader.set_dark(dark)

    def _color_chrome(self, dark: bool) -> None:
        """The colours of the look that no palette role holds: the welcome page is the
        reading page, the splitter handles are rules."""
        colors = reading_colors(dark)
        set_colors(self.welcome, colors.page, colors.ink)
        for i in range(1, self.splitter.count()):
            set_colors(self.splitter.handle(i), colors.rule)

    def _apply_application_theme(self, guess: bool = False) -> bool:
        dark = look_to_start_in(self.theme) if guess else is_dark(self.theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, dark)
        return dark

    def _system_scheme_changed(self) -> None:
        if self.theme is ThemeChoice.SYSTEM and is_dark(self.theme) != applied_look_is_dark():
            self.apply_theme()

    # ================================================================== links
    def confirm_open_link(self, url: QUrl) -> None:
        if url.scheme().lower() not in LINK_SCHEMES:
            self.statusBar().showMessage(f"Byline does not open links like {url.toString()}", 5000)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Open link in your browser?",
            f"Open this address in your web browser?\n\n{url.toString()}",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: QDesktopServices.openUrl(url))
        self.link_dialog = box
        box.open()

    # ================================================================== importing
    def ask_import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            "Import documents",
            str(Path.home()),
            "Documents (*.txt *.md *.markdown *.html *.htm *.pdf *.epub *.docx);;All files (*)",
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def ask_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder", str(Path.home()))
        if folder:
            self.import_paths([Path(folder)])

    def open_sample(self) -> None:
        self.import_paths([sample_document_path()])

    def import_paths(self, paths: Sequence[Path]) -> None:
        """Import (and then open) files and folders on a worker thread."""
        if not paths:
            return
        if self._import_task is not None:
            self.statusBar().showMessage("Still importing; try again when it is done.", 5000)
            return
        task = ImportTask(self.session.db_path, paths)
        task.signals.progress.connect(self._import_progress)
        task.signals.finished.connect(self._import_finished)
        task.signals.failed.connect(self._import_failed)
        self._import_task = task
        self.progress.setRange(0, 0)
        self.progress.setFormat("Importing…")
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.statusBar().showMessage("Importing…")
        self._run(task)

    def cancel_import(self) -> None:
        if self._import_task is not None:
            self._import_task.cancel()
            self.cancel_button.setEnabled(False)
            self.statusBar().showMessage("Cancelling after the current file…")

    @property
    def importing(self) -> bool:
        return self._import_task is not None

    def _import_progress(self, done: int, total: int, path: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(f"{done} of {total}")
        if done < total:
            self.statusBar().showMessage(f"Importing {Path(path).name}…")

    def _import_ended(self) -> None:
        self._import_task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.statusBar().clearMessage()

    def _import_failed(self, message: str) -> None:
        self._import_ended()
        self.show_error(message)

    def _import_finished(self, report: ImportReport) -> None:
        if self._closed:
            return
        cancelled = self._import_task is not None and self._import_task.cancelled
        self._import_ended()
        self.last_report = report
        self.library_pane.refresh()
        self._speakers_library_changed()
        imported, duplicates, failed = (
            report.count("imported"),
            report.count("duplicate"),
            report.count("failed"),
        )
        summary = f"Imported {counted(imported, 'document')}"
        if duplicates:
            summary += f", {duplicates} already in the library"
        if failed:
            summary += f", {failed} failed"
        if cancelled:
            summary += " (cancelled)"
        self.statusBar().showMessage(summary + ".", 8000)
        opened = next((o.document_id for o in report.outcomes if o.document_id is not None), None)
        if opened is not None:
            self.open_document_soon(opened)
        if failed:
            self._show_import_summary(report, summary)
        elif not report.outcomes and not cancelled:
            self.statusBar().showMessage("No documents Byline can read were found there.", 8000)

    def _show_import_summary(self, report: ImportReport, summary: str) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Import summary")
        box.setText(summary + ".")
        failures = [o for o in report.outcomes if o.status == "failed"]
        lines = [f"{Path(o.path).name}: {o.error}" for o in failures[:12]]
        if len(failures) > 12:
            lines.append(f"…and {len(failures) - 12} more (see Details).")
        box.setInformativeText("\n".join(lines))
        box.setDetailedText("\n".join(f"{o.path}: {o.error}" for o in failures))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.import_summary = box
        box.open()  # not exec(): the window stays responsive

    def _run(self, task: Task) -> None:
        start_kept(task, self._tasks)

    def cancel_all_tasks(self) -> None:  # an export runs to its end: it writes atomically
        if self._import_task is not None:
            self._import_task.cancel()
        if self._speakers_page.built:  # reading unread documents; the count of the rest comes
            self.speakers_view.cancel()

    # ================================================================== exporting
    def ask_export_markdown(self) -> ExportDialog:
        """Open the export dialog (not modal); its Export button starts the export."""
        from byline.ui.export_dialog import ExportDialog  # loaded when first wanted

        dialog = ExportDialog(
            self,
            has_current=self.document is not None,
            selected_count=len(self.library_pane.selected_ids()),
            start_folder=Path(str(self.settings.value("exportFolder", str(Path.home())))),
        )
        dialog.accepted.connect(lambda: self.export_markdown(dialog.choice()))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def _export_ids(self, scope: ExportScope) -> list[int]:
        from byline.ui.export_dialog import ExportScope

        if scope is ExportScope.CURRENT:
            return [self.document.id] if self.document is not None else []
        if scope is ExportScope.SELECTED:
            return self.library_pane.selected_ids()
        return self.library.document_ids()

    def export_markdown(self, choice: ExportChoice) -> None:
        """Export as chosen, asking first when files would be overwritten."""
        from byline.exports import markdown_targets  # see ExportTask.run

        doc_ids = self._export_ids(choice.scope)
        if not doc_ids:
            self.show_error("There are no documents to export.")
            return
        targets = markdown_targets(
            self.library, doc_ids, choice.destination, single_file=choice.single_file
        )
        folder = choice.destination.parent if choice.single_file else choice.destination
        self.settings.setValue("exportFolder", str(folder))

        def run(force: bool) -> None:
            self._start_export(
                ExportTask(
                    self.session.db_path,
                    doc_ids,
                    choice.destination,
                    template=choice.template,
                    single_file=choice.single_file,
                    force=force,
                )
            )

        self._ask_overwrite([t for t in targets if t.exists()], run)

    def ask_restore_backup(self) -> None:
        # Imported here: the dialog module refers back to this window's type.
        from byline.ui import backup_dialog

        backup_dialog.ask_restore_backup(self)

    def ask_export_backup(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Export backup",
            str(Path(str(self.settings.value("exportFolder", str(Path.home())))) / "byline.json"),
            "Byline backup (*.json)",
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked below, like Markdown
        )
        if name:
            self.export_backup(Path(name))

    def export_backup(self, out: Path) -> None:
        """Save every document (text, highlights, notes, corrections) as a JSON backup."""
        doc_ids = self.library.document_ids()
        if not doc_ids:
            self.show_error("The library has no documents to back up.")
            return
        self.settings.setValue("exportFolder", str(out.parent))
        self._ask_overwrite(
            [out] if out.exists() else [],
            lambda force: self._start_export(
                ExportTask(self.session.db_path, doc_ids, out, template=None, force=force)
            ),
        )

    def _ask_overwrite(self, existing: list[Path], run: Callable[[bool], None]) -> None:
        """Run at once when nothing would be overwritten; else ask (without a modal loop)."""
        if not existing:
            run(False)
            return
        names = "\n".join(p.name for p in existing[:8])
        if len(existing) > 8:
            names += f"\n…and {len(existing) - 8} more"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Replace existing files?",
            f"{len(existing)} file(s) already exist in {existing[0].parent}:\n\n{names}\n\n"
            "Replace them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText("Replace")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: run(True))
        self.overwrite_box = box
        box.open()

    def _start_export(self, task: ExportTask) -> None:
        if self._import_task is not None or self._export_task is not None:
            self.statusBar().showMessage("Still busy; try again when it is done.", 5000)
            return
        self._flush_typing()  # the worker reads the library: unsaved typing goes first
        task.signals.progress.connect(self._export_progress)
        task.signals.finished.connect(self._export_finished)
        task.signals.failed.connect(self._export_failed)
        self._export_task = task
        self.progress.setRange(0, 0)
        self.progress.setFormat("Exporting…")
        self.progress.show()
        self.statusBar().showMessage("Exporting…")
        self._run(task)

    @property
    def exporting(self) -> bool:
        return self._export_task is not None

    def _export_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(f"{done} of {total}")

    def _export_ended(self) -> None:
        self._export_task = None
        self.progress.hide()
        self.statusBar().clearMessage()

    def _export_failed(self, message: str) -> None:
        if self._closed:
            return
        self._export_ended()
        self.show_error(message)

    def _export_finished(self, written: list[Path]) -> None:
        if self._closed:
            return
        self._export_ended()
        self.last_export = written
        where = written[0] if len(written) == 1 else written[0].parent
        self.statusBar().showMessage(f"Exported {counted(len(written), 'file')} to {where}.", 8000)

    def copy_document_markdown(self) -> None:
        """Copy the open document's notes as Markdown, built on a worker (they list its quotes,
        which may still be extracted: then the copy waits for them instead of extracting them
        a second time)."""
        if self.document is None:
            self.statusBar().showMessage("Open a document first.", 3000)
            return
        self._flush_typing()  # the worker reads the library: unsaved typing goes first
        self.statusBar().showMessage("Copying the document's notes as Markdown…")
        if self.quotes_pending:
            self._copy_after_quotes = self.document.id
        else:
            self._start_markdown_copy(self.document.id)

    def _start_markdown_copy(self, doc_id: int) -> None:
        task = MarkdownCopyTask(self.session.db_path, doc_id)
        task.signals.finished.connect(self._markdown_copied)
        task.signals.failed.connect(lambda _doc_id, message: self._markdown_copy_failed(message))
        self._run(task)

    def _copy_when_quotes_are_in(self, doc_id: int) -> None:
        if self._copy_after_quotes == doc_id:
            self._copy_after_quotes = None
            self._start_markdown_copy(doc_id)

    @property
    def copying_markdown(self) -> bool:
        return self._copy_after_quotes is not None or any(
            isinstance(t, MarkdownCopyTask) for t in self._tasks
        )

    def _markdown_copied(self, _doc_id: int, text: str) -> None:
        if self._closed:
            return
        QApplication.clipboard().setText(text)
        self.statusBar().showMessage("Copied the document's notes as Markdown.", 3000)

    def _markdown_copy_failed(self, message: str) -> None:
        if not self._closed:
            self.statusBar().clearMessage()
            self.show_error(message)

    def copy_highlight_markdown(self) -> None:
        """The highlight selected in the sidebar, else the one under the caret."""
        target = self.highlights_panel.current or self._highlight_under_caret()
        if self.document is None or target is None:
            self.statusBar().showMessage("Select a highlight first.", 3000)
            return
        from byline.exports import highlight_markdown  # see ExportTask.run

        self._flush_typing()
        try:
            text = highlight_markdown(self.library, target.id)
        except BylineError as exc:
            self.show_error(str(exc))
            return
        QApplication.clipboard().setText(text)
        self.statusBar().showMessage("Copied the highlight as Markdown.", 3000)

    # drag and drop --------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # ================================================================== checking drafts
    def show_check_view(self) -> CheckView:
        if self.check_view is None:
            from byline.ui.check_view import CheckView  # loaded when first wanted

            self.check_view = CheckView(self.library, self)
            self.check_view.open_source.connect(self.open_source)
        self.check_view.show()
        self.check_view.raise_()
        self.check_view.activateWindow()
        return self.check_view

    def open_source(self, doc_id: int, start: int, end: int) -> None:
        """Show a checked quotation's source passage in the reading view."""
        self.raise_()
        self.activateWindow()
        self._show_document_at(doc_id, (start, end))

    # ================================================================== help
    def show_shortcuts(self) -> ShortcutsDialog:
        from byline.ui.shortcuts_dialog import ShortcutsDialog  # loaded when first wanted

        dialog = ShortcutsDialog(self.menus, self)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Byline",
            "<b>Byline</b><p>An offline reading app for journalists: highlights, notes, and "
            "every quotation with its speaker.</p><p>Byline never connects to the internet.</p>",
        )

    # ================================================================== start and stop
    def _show_welcome(self) -> None:
        empty = self.library.document_count() == 0
        self.welcome_text.setText(WELCOME_EMPTY if empty else WELCOME_LIBRARY)
        self.sample_button.setVisible(empty)
        self.centre.setCurrentWidget(self.welcome)
        self.setWindowTitle("Byline")

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(*DEFAULT_SIZE)
        splitter = s.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.library_pane.set_sort_key(str(s.value("sort", "published")))
        self.library_side.setVisible(_as_bool(s.value("libraryVisible", True)))
        self.toggle_library_action.setChecked(self.library_side.isVisibleTo(self))
        self.sidebar.setVisible(_as_bool(s.value("sidebarVisible", True)))
        self.toggle_sidebar_action.setChecked(self.sidebar.isVisibleTo(self))
        self._font_size = max(
            MIN_FONT_SIZE, min(MAX_FONT_SIZE, _as_int(s.value("fontSize", DEFAULT_FONT_SIZE)))
        )
        last = s.value("lastDocument")
        # The document read last is the one the library noted as opened last: noting it again
        # would wait for the disk before the first paint.
        if last is not None and self.open_document(_as_int(last), note_opened=False):
            self.sidebar.setCurrentIndex(_as_int(s.value("sidebarTab", QUOTES_TAB)))
            self.reader.scroll_to_offset(_as_int(s.value("readingOffset", 0)))
        else:
            self._show_welcome()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """What the window does at start that its first frame does not need (issue 5: the time
        to the first paint counts)."""
        if not self._closed:
            self._system_scheme_changed()  # the look started in was the system palette's guess
            start(DailyBackupTask(self.library.path))

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("geometry", self.saveGeometry())
        s.setValue("splitter", self.splitter.saveState())
        s.setValue("sort", self.library_pane.sort_key)
        s.setValue("libraryVisible", self.library_side.isVisibleTo(self))
        s.setValue("sidebarVisible", self.sidebar.isVisibleTo(self))
        s.setValue("sidebarTab", self.sidebar.currentIndex())
        s.setValue("fontSize", self._font_size)
        s.setValue("theme", self.theme.value)
        s.setValue("currentColor", self.current_color)
        if self.document is not None:
            s.setValue("lastDocument", self.document.id)
            s.setValue("readingOffset", self.reader.top_offset())
        else:
            s.remove("lastDocument")
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._flush_typing()
        self.save_settings()
        self.cancel_all_tasks()
        self._closed = True
        self._refresh_timer.stop()
        self.library_pane.stop_timers()
        if self._speakers_page.built:
            self.speakers_view.stop()
        super().closeEvent(event)

    def receive_paths(self, paths: list[Path]) -> None:
        """A second ``byline`` start handed over its arguments."""
        if paths:
            self.import_paths(paths)
        self.showNormal()
        self.raise_()
        self.activateWindow()


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def _as_int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0
