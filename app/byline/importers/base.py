"""What every importer is (the ``Importer`` protocol) and the small helpers they share:
error messages that name the file, titles when a file has none, dates in ISO 8601."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from byline.core.errors import ImportFailure
from byline.core.model import BlockKind, ParsedDocument
from byline.core.text import BlockText, clean_inline

# A first line longer than this is a paragraph, not a title.
MAX_TITLE_CHARS = 150


class Importer(Protocol):
    """One file format: how to recognise it from its first bytes and how to parse it."""

    format: str  # "text", "markdown", "html", "pdf", "epub", "docx"
    suffixes: tuple[str, ...]  # lower-case, with the dot

    def sniff(self, head: bytes, path: Path) -> bool:
        """True when ``head`` (the file's first bytes) looks like this format."""
        ...

    def parse(self, data: bytes, path: Path) -> ParsedDocument:
        """Turn the whole file's bytes into a document; raise ImportFailure on bad input."""
        ...


def failure(path: Path, problem: str) -> ImportFailure:
    """An ImportFailure whose one-line message starts with the file's name."""
    return ImportFailure(f"{display_name(path)} {problem}")


# Characters a file name may hold that would break a one-line message (line breaks) or reorder
# how it reads (bidirectional overrides can disguise "gpj.exe" as "exe.jpg").
_UNSHOWABLE_IN_NAMES = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def display_name(path: Path) -> str:
    """The file's name for a message, with line breaks and direction overrides shown as escapes."""
    return _UNSHOWABLE_IN_NAMES.sub(lambda m: f"\\u{ord(m.group()):04x}", path.name)


def title_from_blocks(blocks: Iterable[BlockText], path: Path) -> str:
    """A title for a file that declares none: its first heading, else its first block when short,
    else the file name without its extension."""
    first: str | None = None
    for block in blocks:
        text = clean_inline(block.text)
        if not text:
            continue
        if block.kind is BlockKind.HEADING and len(text) <= MAX_TITLE_CHARS:
            return text
        if first is None:
            first = text
    if first is not None and len(first) <= MAX_TITLE_CHARS:
        return first
    return title_from_name(path)


def title_from_name(path: Path) -> str:
    """The file name without its extension, cleaned like text (a name may hold line breaks)."""
    return clean_inline(path.stem) or "Untitled"


_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def iso_date(value: object) -> str | None:
    """A date or date-time as ISO 8601 (date-times converted to UTC), or None when ``value``
    is not recognisably a date. Accepts datetimes and ISO-like strings."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if _DATE_ONLY.match(text):
            return text
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            head = text[:10]
            return head if _DATE_ONLY.match(head) else None
    else:
        return None
    if moment.tzinfo is None:
        return moment.isoformat(timespec="seconds")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def meta_text(value: object) -> str | None:
    """A metadata string cleaned for display, or None when empty or not a string."""
    if not isinstance(value, str):
        return None
    text = clean_inline(value)
    return text or None
