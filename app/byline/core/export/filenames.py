"""File names made from document titles that are valid on Windows, macOS and Linux, unique within
one folder, and never a path that leads out of it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

MAX_NAME_BYTES = 120  # well under every file system's 255; leaves room in long folder paths
FALLBACK_STEM = "Untitled"

# Windows refuses these as a name's stem whatever the extension ("con.md", "Com1.txt").
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{base}{n}" for base in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]]
)
# Characters Windows forbids (macOS Finder shows ":" as "/"), replaced with something a reader
# still recognises in the title.
_REPLACEMENTS = str.maketrans(
    {":": " -", "/": "-", "\\": "-", "|": "-", '"': "'", "<": "", ">": "", "?": "", "*": ""}
)
_WHITESPACE = re.compile(r"\s+")


def _visible(title: str) -> str:
    out = []
    for char in unicodedata.normalize("NFC", title):
        category = unicodedata.category(char)
        if category in ("Cc", "Zl", "Zp"):
            out.append(" ")
        elif category not in ("Cf", "Cs", "Co", "Cn"):
            # Format characters (bidi overrides can disguise an extension), lone surrogates,
            # private-use and unassigned characters have no business in a file name.
            out.append(char)
    return "".join(out)


def _trim(stem: str) -> str:
    # Windows drops trailing dots and spaces; a leading dot hides the file elsewhere.
    return stem.strip(" .")


def _truncate(stem: str, max_bytes: int) -> str:
    encoded = stem.encode("utf-8")
    if len(encoded) <= max_bytes:
        return stem
    cut = encoded[:max_bytes].decode("utf-8", "ignore")
    # Do not leave a combining mark without its base character.
    while cut and unicodedata.combining(cut[-1]):
        cut = cut[:-1]
    return cut


def _is_reserved(stem: str) -> bool:
    return stem.split(".")[0].rstrip(" ").upper() in _RESERVED


def safe_stem(title: str, max_bytes: int) -> str:
    """A file name stem (no extension) for ``title``, at most ``max_bytes`` of UTF-8."""
    stem = _WHITESPACE.sub(" ", _visible(title).translate(_REPLACEMENTS))
    stem = _trim(_truncate(_trim(stem), max_bytes))
    if not stem:
        stem = FALLBACK_STEM
    if _is_reserved(stem):
        # Windows judges the part before the first dot: "CON.notes" becomes "CON_.notes".
        base = stem.split(".")[0].rstrip(" ")
        stem = _trim(_truncate(base + "_" + stem[len(base) :], max_bytes))
    return stem


def safe_filename(title: str, extension: str = ".md", max_bytes: int = MAX_NAME_BYTES) -> str:
    """``title`` as a file name safe on every desktop system: forbidden and control characters
    replaced, no reserved Windows name, no trailing dot or space, never empty, no more than
    ``max_bytes`` bytes of UTF-8 including ``extension``."""
    return safe_stem(title, max_bytes - len(extension.encode("utf-8"))) + extension


def _key(name: str) -> str:
    # Windows and macOS compare names without case, and macOS without normalisation form.
    return unicodedata.normalize("NFC", name).casefold()


class UniqueNames:
    """Hands out file names for one folder, each different from the others (and from ``taken``)
    even where the file system ignores case: "Title.md", "Title (2).md", ..."""

    def __init__(
        self,
        extension: str = ".md",
        taken: Iterable[str] = (),
        max_bytes: int = MAX_NAME_BYTES,
    ) -> None:
        self.extension = extension
        self.max_bytes = max_bytes
        self._taken = {_key(n) for n in taken}
        self._last_number: dict[str, int] = {}  # per stem, so many equal titles stay fast

    def name_for(self, title: str) -> str:
        budget = self.max_bytes - len(self.extension.encode("utf-8"))
        stem = safe_stem(title, budget)
        name = stem + self.extension
        number = self._last_number.get(_key(stem), 1)
        while _key(name) in self._taken:
            number += 1
            suffix = f" ({number})"
            short = _trim(_truncate(stem, budget - len(suffix))) or FALLBACK_STEM
            name = short + suffix + self.extension
        self._taken.add(_key(name))
        self._last_number[_key(stem)] = number
        return name
