"""Hostile files of every format end in a clean import or a clear one-line refusal: never a
crash, never a hang (a time bound per file), never unbounded memory, and a refused file leaves
the library exactly as it was. Each file is imported in its own process, with limits."""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_corpus import PASSWD_MARK, Hostile, build_corpus
from reliability_support import CHILDREN, PYTHON, child_env, make_document, snapshot

from byline.store import Library

CPU_LIMIT_S = 20  # a parser looping forever; counted in CPU time, so a busy machine is no excuse
WALL_LIMIT_S = 90  # a read that blocks forever (a FIFO, a device)
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024
MAX_MESSAGE_CHARS = 300
WORKERS = 2

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Tried:
    item: Hostile
    returncode: int | None  # None: killed at the time limit
    result: dict[str, object]
    stderr: str
    library_unchanged: bool
    seconds: float


def _limits() -> None:
    """Runs in the child before Byline starts: bounded memory and CPU time."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT_S, CPU_LIMIT_S + 5))


def _try(number: int, item: Hostile, corpus: Path, template: Path, work: Path) -> Tried:
    folder = work / f"file-{number:03d}"
    folder.mkdir()
    db = folder / "library.db"
    shutil.copyfile(template, db)
    before = snapshot(db)
    started = time.monotonic()
    try:
        proc = subprocess.run(
            [
                PYTHON,
                str(CHILDREN / "import_file.py"),
                str(db),
                str(corpus / item.name),
                str(folder),
            ],
            capture_output=True,
            text=True,
            timeout=WALL_LIMIT_S,
            env=child_env(),
            preexec_fn=_limits,
        )
    except subprocess.TimeoutExpired as exc:
        stderr = exc.stderr.decode() if isinstance(exc.stderr, bytes) else (exc.stderr or "")
        return Tried(item, None, {}, stderr, snapshot(db) == before, time.monotonic() - started)
    lines = proc.stdout.strip().splitlines()
    result = json.loads(lines[-1]) if proc.returncode == 0 and lines else {}
    seconds = time.monotonic() - started
    return Tried(item, proc.returncode, result, proc.stderr, snapshot(db) == before, seconds)


@pytest.fixture(scope="module")
def tried(tmp_path_factory: pytest.TempPathFactory) -> list[Tried]:
    corpus = tmp_path_factory.mktemp("hostile")
    items = build_corpus(corpus)
    work = tmp_path_factory.mktemp("imports")
    template = work / "template.db"
    with Library.open(template) as lib:
        doc_id, _ = lib.add_document(make_document())
        lib.set_note(doc_id, "A note that must survive.")
        lib.add_highlight(doc_id, 0, 12, note="kept")
    with ThreadPoolExecutor(WORKERS) as pool:
        tries = [pool.submit(_try, n, item, corpus, template, work) for n, item in enumerate(items)]
        results = [t.result() for t in tries]
    print(
        f"\nhostile files tried: {len(results)}, "
        f"imported: {sum(r.result.get('status') == 'imported' for r in results)}, "
        f"refused: {sum(r.result.get('status') == 'failed' for r in results)}, "
        f"crashed or hung: {sum(r.returncode != 0 for r in results)}",
        file=sys.stderr,
    )
    slowest = sorted(results, key=lambda r: -r.seconds)[:5]
    print(
        "slowest: " + ", ".join(f"{r.item.name!r} {r.seconds:.1f} s" for r in slowest),
        file=sys.stderr,
    )
    return results


def test_corpus_has_at_least_40_hostile_files(tried: list[Tried]) -> None:
    assert len(tried) >= 40
    suffixes = {Path(t.item.name).suffix for t in tried}
    assert {".txt", ".md", ".html", ".pdf", ".epub", ".docx"} <= suffixes


def test_no_hostile_file_crashes_or_hangs(tried: list[Tried]) -> None:
    bad = {
        t.item.name: ("hung" if t.returncode is None else t.stderr.strip().splitlines()[-3:])
        for t in tried
        if t.returncode != 0
    }
    assert bad == {}


def test_every_outcome_is_what_the_file_deserves(tried: list[Tried]) -> None:
    wrong = {
        t.item.name: t.result
        for t in tried
        if t.returncode == 0 and t.item.expect != "either" and t.result["status"] != t.item.expect
    }
    assert wrong == {}


def test_refusals_are_one_clear_line_naming_the_file(tried: list[Tried]) -> None:
    unclear = {}
    for t in tried:
        if t.result.get("status") != "failed":
            continue
        message = str(t.result["error"])
        clear = (
            message
            and "\n" not in message
            and "\r" not in message
            and len(message) <= MAX_MESSAGE_CHARS
            and "Traceback" not in message
            and "Error(" not in message
            and t.item.says.lower() in message.lower()
        )
        if not clear:
            unclear[t.item.name] = message
    assert unclear == {}


def test_refused_files_leave_the_library_unchanged(tried: list[Tried]) -> None:
    changed = [
        t.item.name
        for t in tried
        if t.result.get("status") != "imported" and not t.library_unchanged
    ]
    assert changed == []


def test_imported_hostile_files_are_read_safely(tried: list[Tried]) -> None:
    problems = {}
    for t in tried:
        r = t.result
        if r.get("status") != "imported":
            continue
        title = str(r["title"])
        if "\n" in title or not title.strip():
            problems[t.item.name] = f"title {title[:80]!r}"
        elif r["quotes_outside_text"]:
            problems[t.item.name] = "quote offsets outside the text"
        elif r["text_has_passwd"]:
            problems[t.item.name] = "read a file outside the document"
        elif not r["exported_chars"]:
            problems[t.item.name] = "empty export"
    assert problems == {}


def test_nothing_is_written_outside_the_library(tried: list[Tried], tmp_path: Path) -> None:
    roots = [Path("/tmp"), Path.cwd()]
    escaped = [p for root in roots for p in root.glob("evil*")]
    assert escaped == []
    assert PASSWD_MARK  # the mark each import looked for
