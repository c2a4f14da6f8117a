"""Window figures (issue on start-up and reading speed): start-up time, opening a long document,
and memory, printed (no targets are asserted).

    python benchmarks/ui_bench.py [--docs 10000] [--runs 5] [--keep DIR] [--cached-bytecode]

- Start-up: from starting a process to the first paint of the Byline window, on an empty library,
  on a library of ``--docs`` generated articles, and on that library reopening the document
  read last (its quotes cached, as after an import), each against a bare PySide6 window holding
  one QTextEdit started the same way (a new Python process, offscreen platform); the four are
  started in turn, ``--runs`` rounds, and medians compared, so load on the machine falls on all
  alike. The child watches paint events with an application event filter: no hook in Byline's
  code. With PYTHONDONTWRITEBYTECODE set, Byline's modules are compiled from source at every
  start (the bare window's PySide6 is compiled at install); ``--cached-bytecode`` gives the
  children a bytecode cache, warmed first, as an installed Byline (wheel, PyInstaller bundle)
  has.
- Opening and painting a 1 MB document with 2,000 highlights (target < 300 ms), median.
- Resident memory with the large library open and listed, a second after the first paint, every
  row's summary read (target < 250 MB).

Libraries are built with ``newsgen.articles`` and ``Library.add_documents`` in ``--keep`` (reused
when there) or a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from newsgen import articles

CHILD = r"""
import os, sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit, QWidget

mode, folder = sys.argv[1], sys.argv[2]
if mode == "bare":
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTextEdit())
    window.resize(1200, 760)
else:
    from byline.ui.app import application, create_window
    app = application()
    window = create_window(Path(folder))

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        paint = event.type() == QEvent.Type.Paint
        if paint and isinstance(obj, QWidget) and obj.window() is window:
            app.removeEventFilter(self)
            print("painted", time.monotonic(), time.process_time(), flush=True)
            QTimer.singleShot(1000, listed)  # the list laid out (and so read) to its end
        return False

def vm(key):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0

def listed():
    pane = getattr(window, "library_pane", None)
    rows = len(pane.documents.items) if pane is not None else 0  # reads any row not read yet
    print("rss", vm("VmRSS"), vm("VmHWM"), rows, flush=True)
    os._exit(0)

watcher = FirstPaint()
app.installEventFilter(watcher)
window.show()
app.exec()
"""


def build_library(folder: Path, count: int) -> None:
    """``count`` generated articles in ``folder/library.db`` (kept when it is already there)."""
    from byline.core.model import BlockKind, ParsedDocument
    from byline.core.text import BlockText, assemble
    from byline.store import Library

    db = folder / "library.db"
    folder.mkdir(parents=True, exist_ok=True)
    with Library.open(db) as library:
        have = library.document_count()
        if have >= count:
            return
        started = time.perf_counter()
        batch: list[ParsedDocument] = []
        for i, (title, body) in enumerate(articles(count)):
            if i < have:
                continue
            text, spans = assemble([BlockText(BlockKind.PARAGRAPH, p) for p in body.split("\n\n")])
            batch.append(
                ParsedDocument(text, spans, title, "text", outlet="Newsgen", published="2024-01-01")
            )
            if len(batch) == 1000:
                library.add_documents(batch)
                batch = []
        if batch:
            library.add_documents(batch)
        print(f"  (built {count:,} documents in {time.perf_counter() - started:.0f} s)")


Started = tuple[float, float, int, int, int]  # wall and CPU seconds, VmRSS, VmHWM (kB), rows


def start_once(mode: str, folder: Path, env: dict[str, str], reopen: int | None = None) -> Started:
    """Seconds from process start to first paint, wall clock and the child's CPU time (steadier
    when other work shares the machine), and memory and rows listed. A first start, or
    (``reopen``) a start that reopens that document."""
    settings = folder / "settings.ini"
    settings.unlink(missing_ok=True)
    if reopen is not None:
        settings.write_text(f"[General]\nlastDocument={reopen}\n", encoding="utf-8")
    began = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    painted, cpu = next(
        map(float, line.split()[1:]) for line in out.splitlines() if line.startswith("painted")
    )
    rss, hwm, rows = next(
        map(int, line.split()[1:]) for line in out.splitlines() if line.startswith("rss")
    )
    return painted - began, cpu, rss, hwm, rows


def child_env(cached_bytecode: bool, cache: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if cached_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def cache_quotes_of_first_document(folder: Path) -> int:
    """The document the reopening start opens, with its quotes cached as an import leaves them."""
    from byline.store import Library
    from byline.workflows import document_quotes

    with Library.open(folder / "library.db") as library:
        doc_id = library.list_documents()[0].id
        document_quotes(library, doc_id)
        return doc_id


def startups(
    cases: list[tuple[str, str, Path, int | None]], runs: int, env: dict[str, str]
) -> dict[str, Started]:
    """Per case label: median wall and CPU seconds to first paint, the last run's memory and
    rows."""
    for _, mode, folder, reopen in cases:  # not timed: a cold file cache, a bytecode cache
        start_once(mode, folder, env, reopen)
    results: dict[str, list[Started]] = {label: [] for label, *_ in cases}
    for _ in range(runs):
        for label, mode, folder, reopen in cases:
            results[label].append(start_once(mode, folder, env, reopen))
    return {
        label: (
            statistics.median(r[0] for r in runs_),
            statistics.median(r[1] for r in runs_),
            *runs_[-1][2:],
        )
        for label, runs_ in results.items()
    }


def open_long_document(folder: Path, runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds to open and paint a 1 MB document with 2,000 highlights, per run: wall
    clock, and this process's CPU time (steadier when other work shares the machine)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from byline.core.model import BlockKind, ParsedDocument
    from byline.core.text import BlockText, assemble
    from byline.store import Library
    from byline.ui.app import application, create_window
    from byline.workflows import document_quotes

    db = folder / "library.db"
    folder.mkdir(parents=True, exist_ok=True)
    with Library.open(db) as library:
        if library.document_count() == 0:
            paragraphs: list[str] = []
            size = 0
            for _title, body in articles(400, seed=7):
                for p in body.split("\n\n"):
                    paragraphs.append(p)
                    size += len(p) + 2
                if size > 1_000_000:
                    break
            text, spans = assemble([BlockText(BlockKind.PARAGRAPH, p) for p in paragraphs])
            doc_id, _ = library.add_document(
                ParsedDocument(text, spans, "A very long report", "text", outlet="Newsgen")
            )
            rng = random.Random(3)
            colors = ["yellow", "green", "blue", "pink", "purple"]
            step = len(text) // 2000
            for n in range(2000):
                start = n * step + rng.randrange(0, step // 2)
                library.add_highlight(
                    doc_id, start, start + rng.randrange(20, step // 2), rng.choice(colors)
                )
            document_quotes(library, doc_id)  # extracted once, as after an import
        doc_id = library.list_documents()[0].id
        chars = len(library.get_document(doc_id).text)
    print(f"  document: {chars:,} characters, 2,000 highlights")

    app = application()
    (folder / "settings.ini").unlink(missing_ok=True)
    window = create_window(folder)
    window.show()
    app.processEvents()
    timings: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        window.close_document()
        app.processEvents()
        began, began_cpu = time.perf_counter(), time.process_time()
        window.open_document(doc_id)
        window.reader.viewport().repaint()  # paints now, laying out what is on screen
        timings.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
        app.processEvents()
    window.close()
    window.session.library.close()
    return timings, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the libraries here and keep them")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument(
        "--cached-bytecode", action="store_true", help="start the children with a bytecode cache"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        empty, large, long_doc = root / "empty", root / f"docs{args.docs}", root / "long"
        if not args.skip_startup:
            empty.mkdir(parents=True, exist_ok=True)
            build_library(large, args.docs)
            last_read = cache_quotes_of_first_document(large)
            env = child_env(args.cached_bytecode, Path(tmp) / "pycache")
            print(
                "children: "
                + ("bytecode cached" if args.cached_bytecode else "as this shell")
                + ("" if env.get("PYTHONDONTWRITEBYTECODE") is None else ", compiling from source")
            )
            many = f"{args.docs:,} documents"
            times = startups(
                [
                    ("bare", "bare", empty, None),
                    ("empty library", "byline", empty, None),
                    (many, "byline", large, None),
                    (f"{many}, reopening the last one read", "byline", large, last_read),
                ],
                args.runs,
                env,
            )
            bare, bare_cpu, _, bare_hwm, _ = times.pop("bare")
            print(
                f"bare PySide6 window (one QTextEdit): {bare * 1000:.0f} ms to first paint "
                f"({bare_cpu * 1000:.0f} ms CPU)"
            )
            for label, (shown, cpu, rss, hwm, rows) in times.items():
                print(
                    f"Byline, {label}: {shown * 1000:.0f} ms to first paint "
                    f"({shown / bare:.2f}x the bare window; CPU {cpu * 1000:.0f} ms, "
                    f"{cpu / bare_cpu:.2f}x); "
                    f"RSS {rss / 1024:.0f} MB (peak {hwm / 1024:.0f} MB), {rows:,} listed"
                )
            print(f"  (bare window RSS peak {bare_hwm / 1024:.0f} MB)")
        timings, cpu = open_long_document(long_doc, args.runs)
        print(
            f"open and paint 1 MB / 2,000 highlights: median {statistics.median(timings):.0f} ms "
            f"wall, {statistics.median(cpu):.0f} ms CPU "
            f"(wall runs: {', '.join(f'{t:.0f}' for t in timings)}; target < 300 ms)"
        )


if __name__ == "__main__":
    main()
