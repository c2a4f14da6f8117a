"""Putting the pieces together: quoted spans, their kind, speaker and cue, and reported speech."""

from __future__ import annotations

from byline.core.model import Quote, QuoteKind
from byline.core.quotes.marks import find_quoted_spans

# Bump whenever the output for some text can change: cached quotes are keyed by it.
EXTRACTOR_VERSION = "0.1"


def extract_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, sorted by start."""
    out: list[Quote] = []
    for s in find_quoted_spans(text):
        body = text[s.start : s.end]
        kind = QuoteKind.SCARE if s.single or len(body.split()) <= 3 else QuoteKind.DIRECT
        out.append(Quote(s.start, s.end, body, kind))
    return out
