"""The one place that knows every format: picks the importer for a file from its bytes (the
extension only breaks ties), enforces the size limits, and walks folders for importable files."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from byline.core.errors import BylineError
from byline.core.model import ParsedDocument
from byline.importers import docx, epub, html, markdown, pdf, text
from byline.importers.base import Importer, failure

MAX_FILE_BYTES = 50 * 1024 * 1024
# Enough for every signature below, and for an HTML page's doctype after a long comment.
HEAD_BYTES = 8192

# Order matters: binary containers first, then the text formats that sniff more narrowly.
IMPORTERS: tuple[Importer, ...] = (
    pdf.IMPORTER,
    epub.IMPORTER,
    docx.IMPORTER,
    html.IMPORTER,
    markdown.IMPORTER,
    text.IMPORTER,
)
BY_FORMAT: dict[str, Importer] = {imp.format: imp for imp in IMPORTERS}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(
    sorted({suffix for imp in IMPORTERS for suffix in imp.suffixes})
)

# What a journalist calls each format, for messages.
_FORMAT_NAMES = {
    "text": "a text file",
    "markdown": "a Markdown file",
    "html": "a web page",
    "pdf": "a PDF",
    "epub": "an EPUB e-book",
    "docx": "a Word document",
}
# Formats whose extension is a promise: a file named so whose bytes differ is refused.
_CONTAINER_FORMATS = ("pdf", "epub", "docx")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .ppt from before 2007


def sniff_format(path: Path, head: bytes) -> str | None:
    """The format of a file from its first bytes, or None when Byline cannot read it.
    The bytes decide; the extension only tells Markdown and HTML fragments from plain text."""
    for imp in IMPORTERS:
        if imp.sniff(head, Path(path)):
            return imp.format
    return None


def parse_file(path: Path) -> ParsedDocument:
    """Read one file into a document. Raises ImportFailure with a one-line message naming the
    file when it is missing, empty, too large, of a type Byline cannot read, or damaged."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise failure(path, "is a folder, not a document.")
        if size > MAX_FILE_BYTES:
            raise failure(
                path,
                f"is {_megabytes(size)} MB; Byline opens documents up to "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB.",
            )
        if size == 0:
            raise failure(path, "is empty.")
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
            fmt = sniff_format(path, head)
            _check_name_matches(path, head, fmt)
            if fmt is None:
                raise failure(
                    path, "is not a document Byline can read (it looks like binary data)."
                )
            data = head + handle.read()
    except FileNotFoundError:
        raise failure(path, "does not exist.") from None
    except PermissionError:
        raise failure(path, "cannot be opened: permission denied.") from None
    except IsADirectoryError:
        raise failure(path, "is a folder, not a document.") from None
    except OSError as exc:
        raise failure(path, f"cannot be read: {exc.strerror or exc}.") from exc
    if not data:  # emptied between stat and read
        raise failure(path, "is empty.")
    importer = BY_FORMAT[fmt]
    try:
        parsed = importer.parse(data, path)
    except BylineError:
        raise
    except Exception as exc:
        # Damaged files make parsing libraries fail in countless ways; the journalist needs to
        # know the file is the problem, the traceback stays chained for whoever debugs it.
        kind = _FORMAT_NAMES.get(fmt, f"a {fmt} file")
        raise failure(path, f"could not be read as {kind}; it may be damaged.") from exc
    return dataclasses.replace(parsed, format=fmt, source_name=path.name)


def iter_importable(paths: Iterable[Path]) -> Iterator[Path]:
    """Files exactly as given; folders searched recursively in name order for files of a
    supported type, skipping hidden files and folders."""
    for given in paths:
        given = Path(given)
        if not given.is_dir():
            yield given
            continue
        for root, dirs, files in os.walk(given):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                if os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
                    yield Path(root) / name


def _check_name_matches(path: Path, head: bytes, fmt: str | None) -> None:
    """A file named like a container format whose bytes are something else is almost always a
    mis-saved or renamed file; say so instead of importing it as text."""
    if head.startswith(_OLE_SIGNATURE):
        raise failure(path, "is an old-style Office file (.doc); save it as .docx and import that.")
    suffix = path.suffix.lower()
    for expected in _CONTAINER_FORMATS:
        if suffix in BY_FORMAT[expected].suffixes and fmt != expected:
            raise failure(path, f"is named {suffix} but is not {_FORMAT_NAMES[expected]}.")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "iter_importable",
    "parse_file",
    "sniff_format",
]
