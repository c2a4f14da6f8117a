"""How Byline words counts, in the window and on the command line alike: "1 note", "2 notes"."""

from __future__ import annotations

from byline.core.model import DocumentSummary


def counted(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def quote_count(n: int | None) -> str:
    """A document's quotes as the library list counts them; None: the current extractor has
    not read the document yet."""
    return "quotes not read yet" if n is None else counted(n, "quote")


def document_counts(summary: DocumentSummary) -> tuple[str, str, str]:
    """What the library list says of a document's quotes, highlights and notes."""
    return (
        quote_count(summary.quote_count),
        counted(summary.highlight_count, "highlight"),
        counted(summary.note_count, "note"),
    )
