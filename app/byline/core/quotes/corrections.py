"""Applying a reader's corrections to extracted quotes: a corrected speaker replaces the
extracted one, a quote marked as not a quote is dropped. Corrections match quotes by span."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from byline.core.model import Quote, QuoteCorrection


def apply_corrections(
    quotes: Iterable[Quote], corrections: Iterable[QuoteCorrection]
) -> list[Quote]:
    """``quotes`` with ``corrections`` applied (matched by ``start`` and ``end``), in text order.
    A correction whose span matches no quote is ignored: the text it was made on has changed."""
    by_span = {(c.start, c.end): c for c in corrections}
    out: list[Quote] = []
    for q in quotes:
        c = by_span.get((q.start, q.end))
        if c is None:
            out.append(q)
        elif c.not_a_quote:
            continue
        elif c.speaker is not None:
            out.append(
                dataclasses.replace(q, speaker=c.speaker, speaker_start=None, speaker_end=None)
            )
        else:
            out.append(q)
    return sorted(out, key=lambda q: (q.start, q.end))
