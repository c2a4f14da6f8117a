"""Exports as the command line and the window do them: choose documents, gather their notes from
the library, write Markdown files or a JSON backup without overwriting anything unasked, copy
Markdown for the clipboard, and restore a backup.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from byline import __version__
from byline.core.anchor import find_anchor
from byline.core.errors import BylineError
from byline.core.export.backup import (
    BackupDocument,
    BackupHighlight,
    RestoreReport,
    backup_json,
    parse_backup,
)
from byline.core.export.filenames import UniqueNames
from byline.core.export.markdown import (
    DocumentNotes,
    render_document,
    render_documents,
    render_highlight,
)
from byline.core.export.templates import (
    BUILTIN_TEMPLATES,
    ExportTemplate,
    builtin_template,
    compile_template,
)
from byline.core.model import Quote, TextAnchor
from byline.store import Library, content_hash
from byline.workflows import add_document_with_quotes, document_quotes, quotes_if_new

MARKDOWN_SUFFIXES = (".md", ".markdown")
MAX_TEMPLATE_BYTES = 1_000_000
LISTED_CONFLICTS = 5  # file names named in the "already exists" message before "and N more"


# ------------------------------------------------------------------------------ choosing


def select_documents(
    library: Library,
    doc_ids: Sequence[int] | None = None,
    tag: str | None = None,
    all_: bool = False,
) -> list[int]:
    """The ids to export: the given ones (checked, repeats dropped, order kept), those tagged
    ``tag``, or every document (library order). Exactly one choice must be made."""
    chosen = sum([bool(doc_ids), tag is not None, all_])
    if chosen != 1:
        raise BylineError("Choose what to export: document ids, one tag, or all documents.")
    if doc_ids:
        unique = list(dict.fromkeys(doc_ids))
        for doc_id in unique:
            library.get_document(doc_id)  # raises NotFound with a clear message
        return unique
    if tag is not None:
        ids = library.document_ids(tag=tag)
        if not ids:
            raise BylineError(f"No document is tagged “{tag}”.")
        return ids
    ids = library.document_ids()
    if not ids:
        raise BylineError("The library has no documents to export.")
    return ids


def load_template(spec: str | Path | ExportTemplate = "full") -> ExportTemplate:
    """A built-in template by name ("full", "quotes", "highlights") or a template file."""
    if isinstance(spec, ExportTemplate):
        return spec
    if isinstance(spec, str) and spec in BUILTIN_TEMPLATES:
        return builtin_template(spec)
    path = Path(spec)
    if not path.is_file():
        names = ", ".join(BUILTIN_TEMPLATES)
        raise BylineError(
            f"There is no template “{spec}”: use {names}, or the path of a template file."
        )
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise BylineError(f"The template {path.name} is too large to be a template.")
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise BylineError(f"The template {path.name} is not a UTF-8 text file.") from exc
    except OSError as exc:
        raise BylineError(f"Byline cannot read the template {path}: {_reason(exc)}") from exc
    return compile_template(source, path.name)


def document_notes(library: Library, doc_id: int) -> DocumentNotes:
    """What a document's export shows, read from the library."""
    return DocumentNotes(
        document=library.get_document(doc_id),
        note=library.get_note(doc_id),
        highlights=tuple(library.highlights(doc_id)),
        quotes=tuple(document_quotes(library, doc_id)),
    )


# ------------------------------------------------------------------------------ Markdown


ProgressCallback = Callable[[int, int], None]


def writes_one_file(out: Path, single_file: bool | None = None) -> bool:
    """Whether a Markdown export to ``out`` is one file (``out`` ends with .md) or a folder."""
    if single_file is not None:
        return single_file
    return Path(out).suffix.lower() in MARKDOWN_SUFFIXES


def markdown_targets(
    library: Library, doc_ids: Sequence[int], out: Path, *, single_file: bool | None = None
) -> list[Path]:
    """The files a Markdown export would write, one per document in a folder (named after
    titles, unique, safe on every system) or ``out`` itself. The window asks before
    overwriting the ones that exist."""
    out = Path(out)
    if writes_one_file(out, single_file):
        return [out]
    titles = {d.id: d.title for d in library.list_documents()}
    names = UniqueNames(".md")
    return [out / names.name_for(titles.get(doc_id, "")) for doc_id in doc_ids]


def export_markdown(
    library: Library,
    doc_ids: Sequence[int],
    out: Path,
    *,
    template: str | Path | ExportTemplate = "full",
    single_file: bool | None = None,
    force: bool = False,
    on_progress: ProgressCallback | None = None,
) -> list[Path]:
    """Write the documents' notes as Markdown: into one file when ``out`` ends with .md (or
    ``single_file``), else into the folder ``out`` (created if needed) with one file per
    document named after its title. Existing files are left alone unless ``force``: a
    BylineError lists them and nothing is written. ``on_progress(done, total)`` is called as
    documents are rendered. Returns the files written."""
    if not doc_ids:
        raise BylineError("There are no documents to export.")
    chosen = load_template(template)
    out = Path(out)
    if not writes_one_file(out, single_file) and out.exists() and not out.is_dir():
        raise BylineError(f"{out} is a file, not a folder to export into.")
    targets = markdown_targets(library, doc_ids, out, single_file=single_file)
    _refuse_existing(targets, force)
    # Everything is rendered before the first file is written, so a failing template leaves
    # nothing half exported.
    notes = _notes_with_progress(library, doc_ids, on_progress)
    if writes_one_file(out, single_file):
        gathered = list(notes)
        if len(gathered) == 1:
            markdown = render_document(gathered[0], chosen)
        else:
            markdown = render_documents(gathered, chosen)
        _write_atomically(out, markdown)
        return [out]
    rendered = [render_document(n, chosen) for n in notes]
    _write_files(out, targets, rendered)
    return targets


def _notes_with_progress(
    library: Library, doc_ids: Sequence[int], on_progress: ProgressCallback | None
) -> Iterator[DocumentNotes]:
    for done, doc_id in enumerate(doc_ids):
        if on_progress is not None:
            on_progress(done, len(doc_ids))
        yield document_notes(library, doc_id)
    if on_progress is not None:
        on_progress(len(doc_ids), len(doc_ids))


def _write_files(folder: Path, targets: Sequence[Path], contents: Sequence[str]) -> None:
    """Write each file in place (a temporary file per document doubled the time on slow
    disks); if writing fails midway, the files this export created are taken back."""
    _make_folder(folder)
    created: list[Path] = []
    try:
        for target, markdown in zip(targets, contents, strict=True):
            if not target.exists():
                # Counted before writing: a write that fails midway (a full disk) leaves half
                # a file, and that one must be taken back too.
                created.append(target)
            _write_text(target, markdown)
    except BylineError:
        for path in created:
            path.unlink(missing_ok=True)
        raise


def copy_markdown(
    library: Library,
    doc_id: int,
    *,
    template: str | Path | ExportTemplate = "full",
    front_matter: bool = False,
) -> str:
    """A document's notes as Markdown for the clipboard ("Copy as Markdown"); without front
    matter unless asked, since it is usually pasted into a draft."""
    notes = document_notes(library, doc_id)
    return render_document(notes, load_template(template), with_front_matter=front_matter)


def highlight_markdown(library: Library, highlight_id: int) -> str:
    """One highlight as Markdown for the clipboard: the passage, its source and location, and
    the reader's note."""
    highlight = library.get_highlight(highlight_id)
    return render_highlight(library.get_document(highlight.document_id), highlight)


# -------------------------------------------------------------------------------- backup


def backup_documents(library: Library, doc_ids: Iterable[int]) -> list[BackupDocument]:
    return [
        BackupDocument.of(
            library.get_document(doc_id),
            library.get_note(doc_id),
            library.highlights(doc_id),
            library.quote_corrections(doc_id),
        )
        for doc_id in doc_ids
    ]


def export_json(library: Library, doc_ids: Sequence[int], out: Path, force: bool = False) -> Path:
    """Write a backup of the documents (text, structure, metadata, note, tags, highlights and
    quote corrections) to ``out``, in the format of docs/backup-format.md."""
    out = Path(out)
    _refuse_existing([out], force)
    text = backup_json(
        backup_documents(library, doc_ids),
        exported=datetime.now(UTC).isoformat(timespec="seconds"),
        generator=f"Byline {__version__}",
    )
    _write_atomically(out, text)
    return out


def import_backup(library: Library, path: Path) -> RestoreReport:
    """Restore a backup into this library, empty or not, without duplicating anything:
    documents are matched by their text, highlights by (start, end, exact) within a document,
    quote corrections by their span. Tags are merged; a note is restored when the document has
    none, and appended when the library's note differs and lacks it. The whole file is checked
    before anything is written, and the restore is one transaction: all of it or nothing.
    Documents new to the library come with their quotes, as imported ones do."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise BylineError(f"{path.name} is not a Byline backup (it is not UTF-8 text).") from exc
    except OSError as exc:
        raise BylineError(f"Byline cannot read {path}: {_reason(exc)}") from exc
    documents = parse_backup(raw)
    # The quotes of the documents new here, found before the transaction takes the write lock.
    digests = [content_hash(backup.parsed.text) for backup in documents]
    quotes = [
        quotes_if_new(library, backup.parsed, digest)
        for backup, digest in zip(documents, digests, strict=True)
    ]
    counts = dict.fromkeys(RestoreReport.__dataclass_fields__, 0)
    # One transaction: a restore that fails midway (a full disk) leaves the library as it was.
    with library.transaction():
        for backup, digest, found in zip(documents, digests, quotes, strict=True):
            for key, added in _restore_document(library, backup, digest, found).items():
                counts[key] += added
    return RestoreReport(**counts)


def _restore_document(
    library: Library, backup: BackupDocument, digest: str, quotes: list[Quote] | None
) -> dict[str, int]:
    doc_id, existed = add_document_with_quotes(
        library, backup.parsed, quotes, imported=backup.imported, digest=digest
    )
    counts = {
        "documents_added": int(not existed),
        "documents_already_there": int(existed),
        "highlights_added": 0,
        "highlights_already_there": 0,
        "highlights_not_placed": 0,
        "notes_restored": 0,
        "corrections_added": 0,
    }
    document = library.get_document(doc_id)
    have = {t.casefold() for t in document.tags}
    missing_tags = [t for t in backup.tags if t.casefold() not in have]
    if missing_tags:
        library.set_document_tags(doc_id, [*document.tags, *missing_tags])

    note = library.get_note(doc_id)
    restored = backup.note.strip()
    if restored and restored not in note:
        library.set_note(
            doc_id, f"{note.rstrip()}\n\n{backup.note}" if note.strip() else backup.note
        )
        counts["notes_restored"] = 1

    # Counted, not a set: two highlights of the same passage in the backup are both restored,
    # and restoring again finds both already there.
    present = Counter((h.start, h.end, h.exact) for h in library.highlights(doc_id))
    for h in backup.highlights:
        span = _place(document.text, h)
        if span is None:
            counts["highlights_not_placed"] += 1
        elif present[(*span, h.exact)] > 0:
            present[(*span, h.exact)] -= 1
            counts["highlights_already_there"] += 1
        else:
            library.add_highlight(
                doc_id,
                *span,
                color=h.color,
                note=h.note,
                tags=h.tags,
                created=h.created,
                updated=h.updated,
            )
            counts["highlights_added"] += 1

    # Corrections are keyed by the offsets of quotes, which hold only for the very same text.
    if document.text == backup.parsed.text:
        corrected = {(c.start, c.end) for c in library.quote_corrections(doc_id)}
        for c in backup.corrections:
            if (c.start, c.end) not in corrected:
                library.set_quote_correction(c.for_document(doc_id))
                counts["corrections_added"] += 1
    return counts


def _place(text: str, h: BackupHighlight) -> tuple[int, int] | None:
    """Where a backed-up highlight sits in the library's copy of its document: the same
    offsets when the text is the same, else wherever its passage is found again."""
    if text[h.start : h.end] == h.exact:
        return h.start, h.end
    return find_anchor(text, TextAnchor(h.start, h.end, h.exact, h.prefix, h.suffix))


# ------------------------------------------------------------------------------- writing


def _reason(exc: OSError) -> str:
    return f"{exc.strerror or exc}."


def _refuse_existing(targets: Iterable[Path], force: bool) -> None:
    existing = [t for t in targets if t.exists()]
    if not existing:
        return
    directories = [t for t in existing if t.is_dir()]
    if directories:
        raise BylineError(f"{directories[0]} is a folder; choose another name to export to.")
    if force:
        return
    names = ", ".join(t.name for t in existing[:LISTED_CONFLICTS])
    more = len(existing) - LISTED_CONFLICTS
    if more > 0:
        names += f" and {more} more"
    raise BylineError(
        f"{len(existing)} file(s) already exist in {existing[0].parent}: {names}. "
        "Choose another place, or overwrite them (--force on the command line)."
    )


def _make_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise BylineError(f"{folder} is a file, not a folder to export into.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BylineError(f"Byline cannot create the folder {folder}: {_reason(exc)}") from exc


def _write_text(path: Path, text: str) -> None:
    try:
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        raise BylineError(f"Byline cannot write {path}: {_reason(exc)}") from exc


def _move(source: Path, target: Path) -> None:
    try:
        os.replace(source, target)
    except OSError as exc:
        raise BylineError(f"Byline cannot write {target}: {_reason(exc)}") from exc


def _write_atomically(path: Path, text: str) -> None:
    """Write the whole file or nothing: a temporary file beside it replaces it at the end."""
    _make_folder(path.parent)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".byline-", suffix=".tmp", dir=path.parent)
        os.close(handle)
    except OSError as exc:
        raise BylineError(f"Byline cannot write into {path.parent}: {_reason(exc)}") from exc
    try:
        _write_text(Path(temporary), text)
        _move(Path(temporary), path)
    finally:
        Path(temporary).unlink(missing_ok=True)
