"""YAML front matter that Obsidian and static-site tools read, written by hand: every string is a
double-quoted YAML scalar with escapes, so any title (colons, quotes, newlines, a leading ``-``
or ``#``) stays one valid value, in YAML 1.1 and 1.2 alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

_SHORT_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\x00": "\\0",
    "\x07": "\\a",
    "\x08": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\x0b": "\\v",
    "\x0c": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}
# Everything YAML does not allow as is inside a double-quoted scalar (outside its printable set,
# or a line break it would fold), plus the byte order mark.
_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]')
# Dates a reader expects to see as dates, written bare so tools read them as dates.
_ISO_DATE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(?:[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?"
)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    short = _SHORT_ESCAPES.get(char)
    if short is not None:
        return short
    code = ord(char)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}"


def yaml_string(value: str) -> str:
    """``value`` as a double-quoted YAML scalar."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'


def yaml_date(value: str) -> str:
    """An ISO 8601 date or date-time bare (a YAML timestamp), anything else quoted."""
    return value if _ISO_DATE.fullmatch(value) and _is_real_date(value) else yaml_string(value)


def _is_real_date(value: str) -> bool:
    # YAML readers turn a bare timestamp into a date and fail on 2024-02-30.
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value.replace("z", "Z").replace("t", "T"))
    except ValueError:
        return False
    return True


FrontMatterValue = str | Sequence[str] | None


def front_matter(fields: Sequence[tuple[str, FrontMatterValue]], dates: Sequence[str] = ()) -> str:
    """A ``---`` fenced YAML block. Keys are plain words chosen by Byline; a None value is left
    out, a sequence becomes a block list (empty: ``[]``); keys named in ``dates`` are written
    bare when they are ISO dates."""
    lines = ["---"]
    for key, value in fields:
        if value is None:
            continue
        if isinstance(value, str):
            scalar = yaml_date(value) if key in dates else yaml_string(value)
            lines.append(f"{key}: {scalar}")
        elif not value:
            lines.append(f"{key}: []")
        else:
            lines.append(f"{key}:")
            lines.extend(f"  - {yaml_string(item)}" for item in value)
    lines.append("---")
    return "\n".join(lines)
