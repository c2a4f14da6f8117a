"""How Byline words counts, in the window and on the command line alike: "1 note", "2 notes"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def quote_count(n: int | None) -> str:
    """A document's quotes as the library list counts them; None: the current extractor has
    not read the document yet."""
    return "quotes not read yet" if n is None else counted(n, "quote")
