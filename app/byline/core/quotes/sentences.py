"""Splitting paragraphs into sentences without breaking inside a quotation or after an
abbreviation (Mr., Dr., U.S.) or an initial (John F. Kennedy)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from byline.core.quotes.marks import QuotedSpan

# A sentence ends with . ! ? (or an ellipsis), possibly followed by closing marks and brackets,
# then space and something that can start a sentence.
_BOUNDARY = re.compile(r"(?:[.!?]|…)[\"”’'»)\]]*[ \t]+(?=[\"“‘'«„(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


def sentence_spans(
    text: str, ps: int, pe: int, quotes: Sequence[QuotedSpan], abbreviations: frozenset[str]
) -> list[tuple[int, int]]:
    """Sentences of the paragraph ``text[ps:pe]`` as (start, end) pairs. ``quotes`` (sorted)
    are kept whole: a sentence boundary inside a quotation is not one for attribution."""
    starts = [q.start for q in quotes]
    out: list[tuple[int, int]] = []
    s = ps
    for m in _BOUNDARY.finditer(text, ps, pe):
        cut = m.start()
        # inside a quoted span? (the closing mark itself belongs to the quote's sentence)
        if starts:
            k = bisect.bisect_right(starts, cut) - 1
            if k >= 0 and quotes[k].start < cut and m.end() <= quotes[k].end:
                continue
        if text[cut] == ".":
            w = _WORD_BEFORE.search(text, max(ps, cut - 12), cut + 1)
            if w:
                word = w.group(1).lower()
                if word in abbreviations or (len(word) == 1 and word.isalpha()):
                    continue
        end = m.end()
        out.append((s, end))
        s = end
    if s < pe:
        out.append((s, pe))
    return out
