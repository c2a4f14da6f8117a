"""The ``byline`` command: a thin layer over the workflows, the store and the importers.

``byline`` alone, or ``byline FILE...``, starts the window; the sub-commands serve scripts and
checks that run without a display. ``--json`` output is one JSON document on stdout; messages go to
stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from types import FrameType
from typing import Any

from byline.core.errors import BylineError
from byline.core.model import ImportReport, Quote, QuoteKind, SpeakerIndex, SpeakerQuote
from byline.core.wording import document_counts

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_READER_GONE = 141  # 128 + SIGPIPE: what a shell reports for a tool stopped by a closed pipe

Handler = Callable[[argparse.Namespace], int]


class _PrintVersion(argparse.Action):
    """``--version``, with the version looked up only then (see ``byline.__getattr__``): every
    start builds this parser, the window's too."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.update(nargs=0, default=argparse.SUPPRESS, help="show the version and exit")
        super().__init__(option_strings, dest, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from byline import __version__

        print(f"byline {__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="byline",
        description="Read, highlight and annotate source documents; see every quotation.",
        epilog="Run without a command (or with files) to open the window.",
    )
    parser.add_argument("--version", action=_PrintVersion)
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="folder of the library (default: $BYLINE_DATA_DIR, else the user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = commands.add_parser("import", help="import files or folders into the library")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.set_defaults(handler=cmd_import)

    p = commands.add_parser("list", help="list the documents in the library")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = commands.add_parser("search", help="search documents, highlights and notes")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)

    p = commands.add_parser("quotes", help="print the quotations in a file")
    p.add_argument("path", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--include-scare", action="store_true", help="also list scare quotes (quoted terms)"
    )
    p.set_defaults(handler=cmd_quotes)

    p = commands.add_parser(
        "speakers", help="everyone quoted across the library, or one speaker's quotes"
    )
    p.add_argument(
        "name", nargs="?", metavar="NAME", help="this speaker's quotes (case and spacing ignored)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_speakers)

    p = commands.add_parser("check", help="check a draft's quotations against the library")
    p.add_argument("draft", type=Path, metavar="DRAFT")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=cmd_check)

    p = commands.add_parser("export", help="export notes as Markdown, or a full JSON backup")
    p.add_argument("--format", choices=("markdown", "json"), required=True)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--doc", type=int, nargs="+", metavar="ID", help="these documents")
    which.add_argument("--tag", help="the documents with this tag")
    which.add_argument("--all", action="store_true", help="every document")
    p.add_argument(
        "--template",
        metavar="NAME|FILE",
        help="Markdown shape: full (default), quotes, highlights, or a template file",
    )
    p.add_argument(
        "--out", type=Path, required=True, metavar="PATH", help="a .md/.json file or a folder"
    )
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.set_defaults(handler=cmd_export)

    p = commands.add_parser("import-backup", help="restore a JSON backup into the library")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_import_backup)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if _wants_window(args_list, parser):
        return _start_window(args_list, parser)
    args = parser.parse_args(args_list)
    handler: Handler = args.handler
    try:
        code = handler(args)
        sys.stdout.flush()  # a reader gone away shows here, not as an error when Python exits
        return code
    except BrokenPipeError:
        return _reader_gone()
    except BylineError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return EXIT_FAILED


def _reader_gone() -> int:
    """Stop quietly when what reads our output has closed it (``byline list | head -1``), as
    Unix tools do. Output still buffered would fail again when Python flushes stdout at exit,
    so stdout now goes to the null device (the idiom of the Python docs' note on SIGPIPE)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_READER_GONE


def _wants_window(argv: list[str], parser: argparse.ArgumentParser) -> bool:
    """No sub-command means the window: ``byline`` or ``byline FILE...`` (what a file
    manager's "Open with" runs)."""
    commands = _command_names(parser)
    positional = [a for a in _strip_data_dir(argv) if not a.startswith("-")]
    wants_help = any(a in ("-h", "--help", "--version") for a in argv)
    return not wants_help and (not positional or positional[0] not in commands)


def _start_window(argv: list[str], parser: argparse.ArgumentParser) -> int:
    window_parser = argparse.ArgumentParser(prog="byline", parents=[], add_help=False)
    window_parser.add_argument("--data-dir", type=Path)
    window_parser.add_argument("paths", nargs="*", type=Path)
    args, unknown = window_parser.parse_known_args(argv)
    if unknown:
        parser.error(f"unrecognised arguments: {' '.join(unknown)}")
    from byline.store import LIBRARY_FILE, library_folder
    from byline.store.backups import check_library_in_background

    # The start-up check of the library file goes on while Qt and the window's modules load.
    health = check_library_in_background(library_folder(args.data_dir) / LIBRARY_FILE)
    from byline.ui.app import run  # Qt loads only when the window is wanted

    return run([p.resolve() for p in args.paths], args.data_dir, health)


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _strip_data_dir(argv: list[str]) -> list[str]:
    out: list[str] = []
    skip = False
    for a in argv:
        if skip:
            skip = False
        elif a == "--data-dir":
            skip = True
        elif not a.startswith("--data-dir="):
            out.append(a)
    return out


def _library(args: argparse.Namespace) -> Any:
    from byline.store import open_library

    return open_library(args.data_dir)


def _emit_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _err(message: str) -> None:
    print(message, file=sys.stderr)


# --- import ---------------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    from byline.workflows import import_paths

    library = _library(args)
    try:
        with _interruptible() as cancelled, _progress_bar() as progress:
            report = import_paths(
                library, args.paths, on_progress=progress, should_cancel=cancelled
            )
    finally:
        library.close()
    interrupted = cancelled()
    if args.json:
        _emit_json(
            {
                "imported": report.count("imported"),
                "duplicate": report.count("duplicate"),
                "failed": report.count("failed"),
                "interrupted": interrupted,
                "files": [asdict(o) for o in report.outcomes],
            }
        )
    else:
        _print_import_report(report)
    if interrupted:
        _err("Import stopped; what was imported before the interruption is kept.")
        return EXIT_INTERRUPTED
    return EXIT_OK if report.ok else EXIT_FAILED


def _print_import_report(report: ImportReport) -> None:
    for o in report.outcomes:
        if o.status == "failed":
            _err(f"failed: {o.error}")
        elif o.status == "duplicate":
            _err(f"duplicate: {o.path} (already in the library as #{o.document_id})")
        else:
            _err(f"imported #{o.document_id}: {o.title}")
    _err(
        f"{report.count('imported')} imported, {report.count('duplicate')} duplicate, "
        f"{report.count('failed')} failed"
    )


@contextmanager
def _interruptible() -> Iterator[Callable[[], bool]]:
    """Turn the first Ctrl+C into a request to stop between files, so the batch ends cleanly
    with what it imported kept; a second Ctrl+C interrupts at once."""
    hit = False

    def on_sigint(signum: int, frame: FrameType | None) -> None:
        nonlocal hit
        if hit:
            raise KeyboardInterrupt
        hit = True

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield lambda: hit
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _progress_bar(
    label: str = "importing",
) -> Iterator[Callable[[int, int | None, Path], None] | None]:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("", total=None)

        def update(done: int, total: int | None, path: Path) -> None:
            bar.update(task, completed=done, total=total, description=path.name[:40])

        yield update


# --- list and search ------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    from byline.workflows import library_documents

    library = _library(args)
    try:
        docs = library_documents(library)
    finally:
        library.close()
    if args.json:
        _emit_json(
            {
                "documents": [
                    {
                        "id": d.id,
                        "title": d.title,
                        "outlet": d.outlet,
                        "author": d.author,
                        "published": d.published,
                        "imported": d.imported,
                        "quotes": d.quote_count,
                        "highlights": d.highlight_count,
                        "notes": d.note_count,
                        "tags": list(d.tags),
                    }
                    for d in docs
                ]
            }
        )
        return EXIT_OK
    if not docs:
        _err("The library is empty. Add documents with: byline import PATH...")
    for d in docs:
        date = (d.published or "")[:10]
        source = " · ".join(x for x in (d.outlet, date) if x)
        counts = ", ".join(document_counts(d))
        print(f"{d.id:>5}  {d.title}" + (f"  ({source})" if source else "") + f"  [{counts}]")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    library = _library(args)
    try:
        hits = library.search(args.query, limit=args.limit)
    finally:
        library.close()
    if args.json:
        _emit_json({"query": args.query, "hits": [asdict(h) for h in hits]})
        return EXIT_OK
    if not hits:
        _err(f"No matches for {args.query!r}.")
    for h in hits:
        where = f"highlight #{h.highlight_id}" if h.highlight_id is not None else h.kind.value
        print(f"#{h.document_id} {h.title} ({where})\n    {h.snippet}")
    return EXIT_OK


# --- quotes ---------------------------------------------------------------------------------


def cmd_quotes(args: argparse.Namespace) -> int:
    from byline.core.quotes import extract_quotes
    from byline.importers import parse_file

    document = parse_file(args.path)
    quotes = [
        q
        for q in extract_quotes(document.text)
        if args.include_scare or q.kind is not QuoteKind.SCARE
    ]
    if args.json:
        _emit_json({"quotes": [quote_json(q) for q in quotes]})
        return EXIT_OK
    if not quotes:
        _err("No quotations found.")
    for q in quotes:
        who = q.speaker or "(unattributed)"
        cue = f" [{q.cue}]" if q.cue else ""
        print(f"{who}{cue}: {q.text}" + ("" if q.kind is QuoteKind.DIRECT else f"  ({q.kind})"))
    return EXIT_OK


def quote_json(q: Quote) -> dict[str, object]:
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "speaker": q.speaker,
        "cue": q.cue,
        "kind": q.kind.value,
    }


# --- speakers -------------------------------------------------------------------------------


def cmd_speakers(args: argparse.Namespace) -> int:
    """Documents whose quotes are not cached yet (read by an older extractor) are read first,
    so the count is the whole library's."""
    from byline import workflows

    library = _library(args)
    try:
        with _interruptible() as cancelled, _progress_bar("reading quotes") as progress:
            read, left = workflows.cache_missing_quotes(
                library,
                on_progress=(lambda d, t: progress(d, t, Path())) if progress else None,
                should_cancel=cancelled,
            )
        if args.name is None:
            _print_speakers(workflows.library_speakers(library), left, args.json)
        else:
            _print_speaker_quotes(
                args.name, workflows.speaker_quotes(library, args.name), args.json
            )
    finally:
        library.close()
    if read:
        _err(f"Read the quotes of {read} document(s) not read before.")
    if left:
        _err(f"Stopped reading: {left} document(s) not read are not counted.")
        return EXIT_INTERRUPTED
    return EXIT_OK


def _print_speakers(index: SpeakerIndex, unread: int, as_json: bool) -> None:
    if as_json:
        _emit_json(
            {
                "speakers": [
                    {"speaker": s.name, "quotes": s.quotes, "documents": s.documents}
                    for s in index.speakers
                ],
                "unattributed": {
                    "quotes": index.unattributed.quotes,
                    "documents": index.unattributed.documents,
                },
                "documents_not_read": unread,
            }
        )
        return
    if not index.speakers and not index.unattributed.quotes:
        _err("Nobody is quoted in the library.")
        return
    print(f"{'quotes':>6} {'docs':>5}  speaker")
    rows = [(s.quotes, s.documents, s.name) for s in index.speakers]
    if index.unattributed.quotes:
        rows.append((index.unattributed.quotes, index.unattributed.documents, "(unattributed)"))
    for quotes, documents, name in rows:
        print(f"{quotes:>6} {documents:>5}  {name}")


def _print_speaker_quotes(name: str, quotes: list[SpeakerQuote], as_json: bool) -> None:
    if as_json:
        _emit_json(
            {
                "speaker": name,
                "quotes": [
                    {
                        "document_id": sq.document_id,
                        "title": sq.title,
                        "outlet": sq.outlet,
                        "published": sq.published,
                        **quote_json(sq.quote),
                    }
                    for sq in quotes
                ],
            }
        )
        return
    if not quotes:
        _err(f"No quotes by {name!r} in the library.")
    document_id = None
    for sq in quotes:
        if sq.document_id != document_id:
            document_id = sq.document_id
            source = ", ".join(x for x in (sq.outlet, (sq.published or "")[:10]) if x)
            print(f"#{sq.document_id} {sq.title}" + (f" ({source})" if source else ""))
        cue = f" [{sq.quote.cue}]" if sq.quote.cue else ""
        print(f"    {sq.quote.start}-{sq.quote.end}{cue}: {sq.quote.text}")


# --- check ----------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    """Exit 1 when any quotation is altered, misattributed or not found, so a pipeline stops."""
    from byline.checking import check_file, draft_check_json
    from byline.core.check.diff import render_diff

    library = _library(args)
    try:
        result = check_file(library, args.draft)
    finally:
        library.close()
    if args.json:
        _emit_json(draft_check_json(result))
    else:
        if not result.checks:
            _err("No quotations found.")
        for c in result.checks:
            edited = " (with editing marks)" if c.edited else ""
            print(f"{c.verdict.value}{edited}: {c.quote.text} - {c.quote.speaker or '?'}")
            if c.source is not None:
                s = c.source
                print(f"    source #{s.document_id} {s.title} [{s.start}-{s.end}]", end="")
                print(f" - {s.speaker or '?'}")
            if c.words_altered or c.edited:
                print(f"    diff: {render_diff(c.diff)}")
        _err(f"{len(result.checks)} quotations, {result.problems} to fix")
    return EXIT_FAILED if result.problems else EXIT_OK


# --- export and backup ----------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from byline import exports

    if args.format == "json" and args.template:
        raise BylineError("--template shapes Markdown; a JSON backup always holds everything.")
    library = _library(args)
    try:
        ids = exports.select_documents(library, doc_ids=args.doc, tag=args.tag, all_=args.all)
        if args.format == "markdown":
            paths = exports.export_markdown(
                library, ids, args.out, template=args.template or "full", force=args.force
            )
        else:
            paths = [exports.export_json(library, ids, args.out, force=args.force)]
    finally:
        library.close()
    noun = "document" if len(ids) == 1 else "documents"
    where = paths[0] if len(paths) == 1 else args.out
    _err(f"Exported {len(ids)} {noun} to {where}")
    return EXIT_OK


def cmd_import_backup(args: argparse.Namespace) -> int:
    from byline import exports

    library = _library(args)
    try:
        report = exports.import_backup(library, args.file)
    finally:
        library.close()
    _err(report.summary())
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
