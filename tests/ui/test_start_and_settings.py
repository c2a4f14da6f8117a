"""Starting again where you left off, themes, zoom, menus and shortcuts, one instance per
library, and no remote resources."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from byline.core.model import ParsedDocument
from byline.store import Library
from byline.ui import theme
from byline.ui.app import create_window
from byline.ui.main_window import MainWindow
from byline.ui.shortcuts_dialog import shortcut_rows
from byline.ui.single_instance import InstanceServer, hand_over, server_name
from byline.ui.theme import DARK, LIGHT, ThemeChoice, applied_colors, apply_theme

WindowFactory = Callable[[], MainWindow]
Article = Callable[..., ParsedDocument]


def test_restart_restores_document_font_size_theme_and_panes(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    library.add_document(article(title="First"))
    second, _ = library.add_document(article(title="Second", extra_paragraphs=3))
    window = make_window()
    window.open_document(second)
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    size = window.reader.font_size
    window.set_theme(ThemeChoice.DARK)
    window.toggle_library_action.trigger()
    window.show_tab(2)
    window.close()

    again = make_window()
    assert again.document is not None and again.document.id == second
    assert again.reader.font_size == size
    assert again.theme is ThemeChoice.DARK
    assert again.theme_actions[ThemeChoice.DARK].isChecked()
    assert not again.library_pane.isVisible()
    assert again.sidebar.currentIndex() == 2
    again.set_theme(ThemeChoice.LIGHT)  # leave the application palette as it was


def test_the_reading_view_is_built_when_a_document_first_opens_with_the_look_set_before(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    """A start with no document to reopen shows the welcome page and builds no reading view
    (issue 5: start-up time); the one built later has the font size and look of the settings,
    and a window closed without one keeps its font size."""
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    window.zoom_in_action.trigger()
    size = window.reader.font_size
    window.set_theme(ThemeChoice.DARK)
    window.close_document()
    window.close()

    again = make_window()
    assert again.document is None and again._reader is None
    again.close()  # saved without a reading view
    third = make_window()
    assert third._reader is None
    third.open_document(doc_id)
    assert third.centre.currentWidget().isVisible() and third.reader.isVisible()
    assert third.reader.font_size == size
    assert third.reader.document().defaultFont().pointSize() == size
    assert third.reader.palette().color(QPalette.ColorRole.Base) == QColor(DARK.page)
    third.reader.select_span(0, 8)
    third.reader.setFocus()
    qtbot.keyClick(third.reader, Qt.Key.Key_H)  # the reader's own shortcut
    assert [(h.start, h.end) for h in library.highlights(doc_id)] == [(0, 8)]
    third.set_theme(ThemeChoice.LIGHT)  # leave the application palette as it was


def test_restart_reopens_the_document_where_it_was_being_read(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article(extra_paragraphs=400))
    window = make_window()
    window.show()
    window.open_document(doc_id)
    text = window.document.text  # type: ignore[union-attr]
    window.reader.reveal(text.index("Filler paragraph number 300"), 0, flash=False)
    where = window.reader.top_offset()
    assert where > text.index("Filler paragraph number 250")
    window.close()

    again = make_window()
    again.show()
    assert again.reader.top_offset() == where
    assert again.reader.verticalScrollBar().value() > 0


def test_reopening_at_start_leaves_when_it_was_last_opened_as_it_was(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    window.close()
    opened = library.list_documents()[0].last_opened
    assert opened is not None

    again = make_window()
    assert again.document is not None and again.document.id == doc_id
    assert library.list_documents()[0].last_opened == opened  # no write before the first paint


def test_zoom_changes_the_reading_font(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    before = window.reader.document().defaultFont().pointSize()
    window.zoom_in_action.trigger()
    assert window.reader.document().defaultFont().pointSize() == before + 1
    window.zoom_reset_action.trigger()
    assert window.reader.document().defaultFont().pointSize() == before


def test_menus_show_standard_shortcuts_and_help_lists_them(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.import_files_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.zoom_in_action.shortcut() == QKeySequence(QKeySequence.StandardKey.ZoomIn)
    rows = shortcut_rows(window.menus)
    actions = {action for _, action, _ in rows}
    assert {"Undo", "Redo", "Find", "Highlight selection", "Copy with attribution"} <= actions
    assert ("Edit", "Highlight selection", "H") in rows
    dialog = window.show_shortcuts()
    assert dialog.table.rowCount() == len(rows)
    dialog.close()


def test_reading_view_never_loads_resources_and_does_not_follow_links(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    reader = window.reader
    assert not reader.openLinks() and not reader.openExternalLinks()
    for url in ("https://example.com/pixel.png", "file:///etc/passwd", "data:,x"):
        for _ in range(3):  # asked through the document, as an <img> would be
            data = reader.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(url))
            assert not data


def test_a_second_start_hands_its_paths_to_the_running_window(qtbot: QtBot, tmp_path: Path) -> None:
    name = server_name(tmp_path / f"lib-{id(tmp_path)}")
    assert not hand_over(name, [Path("/nowhere.txt")])  # nobody is listening yet
    server = InstanceServer(name)
    with qtbot.waitSignal(server.pathsReceived, timeout=5000) as received:
        assert hand_over(name, [tmp_path / "a.txt", tmp_path / "b.md"])
    assert received.args == [[tmp_path / "a.txt", tmp_path / "b.md"]]
    server.close()


def test_links_open_only_in_the_browser_and_only_after_asking(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    parsed = article()
    doc_id, _ = library.add_document(
        ParsedDocument(
            parsed.text, parsed.blocks, parsed.title, "html", url="https://example.com/a"
        )
    )
    window = make_window()
    window.open_document(doc_id)
    assert "original" in window.reader.toPlainText()  # the source link in the header
    window.reader.linkClicked.emit(QUrl("javascript:alert(1)"))
    assert window.link_dialog is None
    window.reader.linkClicked.emit(QUrl("https://example.com/a"))
    dialog = window.link_dialog
    assert dialog is not None and dialog.isVisible()
    assert "https://example.com/a" in dialog.text()
    dialog.reject()  # Cancel: nothing is opened
    assert window.reader.source().isEmpty()


def test_run_imports_the_paths_it_is_given_and_returns_when_closed(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from byline.ui.app import run

    path = tmp_path / "given.txt"
    path.write_text("Given on the command line\n\n“Yes,” said Ada Byron.\n", encoding="utf-8")
    seen: list[str] = []

    def close_when_imported() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = windows[-1] if windows else None
        if window is None or window.importing or window.document is None:
            QTimer.singleShot(50, close_when_imported)
            return
        seen.append(window.document.title)
        window.close()

    QTimer.singleShot(50, close_when_imported)
    assert run([path], data_dir) == 0
    QThreadPool.globalInstance().waitForDone(10_000)
    assert seen == ["Given on the command line"]
    with Library.open(data_dir / "library.db") as lib:
        assert [d.title for d in lib.list_documents()] == ["Given on the command line"]


def test_check_quotes_window_opens_sources_in_the_reading_view(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article(extra_paragraphs=80))
    window = make_window()
    check_view = window.show_check_view()
    assert check_view.isVisible()
    text = library.get_document(doc_id).text
    start = text.index("never our war")
    check_view.open_source.emit(doc_id, start, start + len("never our war"))
    qtbot.waitUntil(lambda: not window.opening)  # read and rendered on a worker
    assert window.document is not None and window.document.id == doc_id
    assert window.reader.textCursor().position() == window.reader.offset_map.to_doc(start)
    assert window.reader.span_is_visible(start)
    check_view.close()


def test_first_start_fits_a_1280_by_800_screen_with_every_pane_showing(
    qtbot: QtBot, data_dir: Path
) -> None:
    with _window_as_started(qtbot, data_dir) as window:  # no settings yet: default geometry
        window.show()
        qtbot.waitExposed(window)
        frame = window.frameGeometry()
        assert frame.width() <= 1280 and frame.height() <= 800
        assert window.width() >= 1100
        assert window.sidebar.isVisible() and window.library_pane.isVisible()
        assert window.sidebar.width() >= window.sidebar.minimumWidth()


def test_a_change_of_look_recolours_what_the_palette_has_no_role_for(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """No style sheet (it slows every widget's first polish): the welcome page, the rules
    between the panes and the muted labels take their colours from the look applied, at once,
    and so do the tabs built after it."""
    window = make_window()
    app = QApplication.instance()
    assert isinstance(app, QApplication) and app.styleSheet() == ""
    muted = window.library_pane.count_label
    for choice, colors in ((ThemeChoice.DARK, DARK), (ThemeChoice.LIGHT, LIGHT)):
        window.set_theme(choice)
        assert applied_colors() == colors
        assert window.welcome.palette().color(QPalette.ColorRole.Window) == QColor(colors.page)
        assert window.welcome_text.palette().color(QPalette.ColorRole.WindowText) == QColor(
            colors.ink
        )
        for i in range(1, window.splitter.count()):
            handle = window.splitter.handle(i)
            assert handle.palette().color(QPalette.ColorRole.Window) == QColor(colors.rule)
        assert muted.palette().color(muted.foregroundRole()) == QColor(colors.muted)

    window.set_theme(ThemeChoice.DARK)
    hint = window.notes_panel.findChild(QLabel, None)  # built now, after the change of look
    assert hint is not None
    assert hint.palette().color(QPalette.ColorRole.PlaceholderText) == QColor(DARK.muted)
    window.set_theme(ThemeChoice.LIGHT)  # leave the application palette as it was


@contextmanager
def _window_as_started(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    """The window as ``byline`` builds it, not shown yet (``make_window`` shows it); closed
    after, in the light look the other tests expect."""
    window = create_window(data_dir)
    qtbot.addWidget(window)
    try:
        yield window
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone(20_000)
        window.session.library.close()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, False)


def _as_a_new_process_on_a_dark_desktop(app: QApplication) -> None:
    apply_theme(app, True)  # a dark palette, as a dark desktop gives
    app.setProperty(theme._APPLIED_LOOK, None)  # no look of Byline's applied yet


def test_following_the_system_starts_in_its_palettes_look_and_asks_it_after_the_first_paint(
    qtbot: QtBot, data_dir: Path, library: Library, article: Article
) -> None:
    """Asking for the system's colour scheme makes the Qt namespace (ui/qt_values.py), so the
    first frame takes the look of the system's palette, and the scheme is asked after it: here
    a dark palette, on a platform that reports no scheme (offscreen), so light."""
    doc_id, _ = library.add_document(article())
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    _as_a_new_process_on_a_dark_desktop(app)
    assert theme.look_to_start_in(ThemeChoice.SYSTEM)
    assert not theme.look_to_start_in(ThemeChoice.LIGHT)

    with _window_as_started(qtbot, data_dir) as window:
        assert window.theme is ThemeChoice.SYSTEM and theme.applied_look_is_dark()
        assert window.welcome.palette().color(QPalette.ColorRole.Window) == QColor(DARK.page)
        window.open_document(doc_id)  # a reading view made in the guessed look
        assert window.reader.palette().color(QPalette.ColorRole.Base) == QColor(DARK.page)
        window.show()
        qtbot.waitUntil(lambda: not theme.applied_look_is_dark())
        assert window.welcome.palette().color(QPalette.ColorRole.Window) == QColor(LIGHT.page)
        assert window.reader.palette().color(QPalette.ColorRole.Base) == QColor(LIGHT.page)


def test_a_start_that_reopens_a_document_asks_the_system_for_its_look_at_once(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path, library: Library, article: Article
) -> None:
    """Rendering the document makes the Qt namespace before the first paint anyway, and a
    wrong guess would render a long document again after it."""
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    window.close()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    _as_a_new_process_on_a_dark_desktop(app)
    with _window_as_started(qtbot, data_dir) as again:
        assert again.document is not None and not theme.applied_look_is_dark()
        assert again.reader.palette().color(QPalette.ColorRole.Base) == QColor(LIGHT.page)


def test_a_change_of_the_systems_scheme_is_followed_unless_a_look_was_chosen(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    assert window.theme is ThemeChoice.SYSTEM and not theme.applied_look_is_dark()
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: True)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.applied_look_is_dark()
    assert window.welcome.palette().color(QPalette.ColorRole.Window) == QColor(DARK.page)
    window.set_theme(ThemeChoice.LIGHT)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not theme.applied_look_is_dark()


def test_a_change_of_look_keeps_the_place_in_a_long_document(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    """The text rendered in the new colours is laid out only in part at first: the place is
    kept as a text offset, not as a scroll bar value cut to that part."""
    doc_id, _ = library.add_document(article(extra_paragraphs=3000))
    window = make_window()
    window.resize(1000, 700)  # a narrower window: the text is longer than laid out at first
    window.open_document(doc_id)
    bar = window.reader.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 200_000)  # laid out to the end
    bar.setValue(bar.maximum() * 4 // 5)
    before = window.reader.top_offset()
    assert before > 100_000
    window.set_theme(ThemeChoice.DARK)
    assert abs(window.reader.top_offset() - before) < 100  # the same line at the top
    window.set_theme(ThemeChoice.LIGHT)  # leave the application palette as it was
    assert abs(window.reader.top_offset() - before) < 100


def test_before_the_reading_view_is_built_zoom_counts_tab_leads_to_it_and_swatches_wait(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    size = window._font_size
    window.zoom_in_action.trigger()
    window.highlight_action.trigger()  # nothing selected, and nothing built for it
    window.copy_action.trigger()
    assert window._reader is None and window.settings.value("fontSize") == size + 1
    colors = window.color_actions
    assert all(a.icon().isNull() for a in colors.values())  # drawn when the menu first opens
    menu = next(iter(colors.values())).associatedObjects()
    next(m for m in menu if isinstance(m, QMenu)).aboutToShow.emit()
    assert not any(a.icon().isNull() for a in colors.values())

    window.open_document(doc_id)
    assert window.reader.font_size == size + 1
    chain, widget = [], window.library_pane.document_list.nextInFocusChain()
    while widget is not window.library_pane.document_list and len(chain) < 200:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    focusable = [w for w in chain if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    reading = focusable.index(window.reader)  # Tab goes from the library into the text
    assert focusable[reading + 1] is window.find_bar.field
    assert reading < focusable.index(window.quotes_panel.list)
