"""Everything Byline does with a document whose source points at the network, in one process:
import (HTML, Markdown, EPUB, Word) with remote images, style sheets, fonts and scripts; extract
quotes; export Markdown and a JSON backup; open each document in the real window's reading view,
and render the raw hostile HTML in that view too. Run by test_privacy.py, under a socket guard
and under strace; prints "scenario done" at the end.

    python privacy_scenario.py WORK_FOLDER
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hostile_corpus import ACTIVE_HTML, build_only

from byline.exports import export_json, export_markdown
from byline.store import Library
from byline.workflows import document_quotes, import_paths

REMOTE_MARKDOWN = """# Remote things

“We will appeal,” said Ana Ruiz. ![tracker](https://evil.example/pixel.png)

<img src="https://evil.example/a.png"><link rel="stylesheet" href="https://evil.example/s.css">
<style>@font-face { font-family: x; src: url(https://evil.example/f.woff2); }</style>

[a link](https://example.org/story)
"""


def settle(seconds: float) -> None:
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def main(work: Path) -> None:
    sources = work / "sources"
    sources.mkdir(parents=True)
    (sources / "page.html").write_text(ACTIVE_HTML)
    (sources / "remote.md").write_text(REMOTE_MARKDOWN)
    build_only(sources, ["active-content.epub", "xxe.docx"])
    data = work / "data"
    with Library.open(data / "library.db") as lib:
        report = import_paths(lib, [sources])
        ids = [o.document_id for o in report.outcomes if o.document_id is not None]
        assert len(ids) >= 3, report
        for doc_id in ids:
            document_quotes(lib, doc_id)
        export_markdown(lib, ids, work / "export")
        export_json(lib, ids, work / "backup.json")

    from byline.ui.app import application, create_window

    application()
    window = create_window(data)
    window.resize(1000, 700)
    window.show()
    for doc_id in ids:
        window.open_document(doc_id)
        settle(0.3)
    window.reader.setHtml(ACTIVE_HTML + REMOTE_MARKDOWN)
    window.reader.document().adjustSize()
    settle(0.5)
    window.close()
    window.session.library.close()
    print("scenario done", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
