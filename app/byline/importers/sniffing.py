"""Recognising container formats from a file's first bytes without parsing it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

ZIP_SIGNATURE = b"PK\x03\x04"
_LEADING_NOISE = re.compile(rb"^(?:\s+|<\?xml[^>]*\?>|<!--.*?-->)+", re.DOTALL)


def zip_member_names(head: bytes, path: Path) -> frozenset[str]:
    """The member names of a zip archive, or an empty set when the file is not a readable zip.
    Only the archive's directory is read, never its contents."""
    if not head.startswith(ZIP_SIGNATURE):
        return frozenset()
    try:
        with zipfile.ZipFile(path) as archive:
            return frozenset(archive.namelist())
    except Exception:
        # zipfile fails on damaged archives in many ways (unsupported versions, bad headers);
        # for a sniffer every one of them means "not an archive Byline can read".
        return frozenset()


def starts_like_html(head: bytes) -> bool:
    """True when the bytes open with an HTML doctype or ``<html`` tag (after any BOM, XML
    declaration, comments such as "saved from url", and white space)."""
    lower = head.removeprefix(b"\xef\xbb\xbf").lower()
    lower = _LEADING_NOISE.sub(b"", lower, count=1)
    return lower.startswith((b"<!doctype html", b"<html"))
