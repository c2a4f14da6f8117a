"""The "Copy with attribution" text: a passage in quotation marks followed by who said it and where,
ready to paste into a draft, and how a quote's words are shown. Reported speech is the writer's
words, not the speaker's: it is never put in quotation marks, in the sidebar or on the clipboard,
so it cannot be pasted into a draft as a quotation. Qt-free so it can be tested on its own."""

from __future__ import annotations

from datetime import date

from byline.core.model import Document, Quote, QuoteKind

REPORTED = "reported, not verbatim"

_OPENING = "\"'“‘«„‚"
_CLOSING = "\"'”’»“‘"

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def readable_date(published: str | None) -> str | None:
    """``2022-05-12`` or ``2022-05-12T10:00:00Z`` as ``12 May 2022``; anything else as given."""
    if not published:
        return None
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return published
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def strip_quotation_marks(text: str) -> str:
    """The passage without the quotation marks around it (a quote's span includes them)."""
    text = text.strip()
    if len(text) >= 2 and text[0] in _OPENING and text[-1] in _CLOSING:
        return text[1:-1].strip()
    if text[:1] in _OPENING and text.count(text[0]) == 1:
        return text[1:].strip()
    return text


def attributed(passage: str, document: Document, speaker: str | None = None) -> str:
    """“passage” — Speaker, Outlet, “Title”, 12 May 2022 (each part only when known)."""
    return _with_source(f"“{strip_quotation_marks(passage)}”", document, speaker)


def attributed_quote(quote: Quote, document: Document) -> str:
    """A quote as ``attributed`` words it; reported speech without quotation marks and said to
    be reported: "all troops may file reports (reported, not verbatim) — Speaker, Outlet, …"."""
    if quote.kind is QuoteKind.INDIRECT:
        return _with_source(f"{quote.text.strip()} ({REPORTED})", document, quote.speaker)
    return attributed(quote.text, document, quote.speaker)


def quote_words(quote: Quote) -> str:
    """A quote's words as a list shows them: a quotation in quotation marks, reported speech
    as written, without them."""
    if quote.kind is QuoteKind.INDIRECT:
        return quote.text.strip()
    return f"“{strip_quotation_marks(quote.text)}”"


def _with_source(body: str, document: Document, speaker: str | None) -> str:
    parts = [p for p in (speaker, document.outlet) if p]
    if document.title:
        parts.append(f"“{document.title}”")
    when = readable_date(document.published)
    if when:
        parts.append(when)
    return f"{body} — {', '.join(parts)}" if parts else body
