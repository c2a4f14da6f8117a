"""How Byline words counts, in the window and on the command line alike: "1 note", "2 notes"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
