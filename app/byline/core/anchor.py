"""Anchoring a passage so it can be found again: offsets plus the exact text and its context.

A highlight keeps its offsets, but if the text it points into ever differs (a re-import, a fixed
importer) the offsets alone would point at the wrong words; ``find_anchor`` re-finds the passage.
"""

from __future__ import annotations

from byline.core.model import TextAnchor

DEFAULT_CONTEXT = 32


def make_anchor(text: str, start: int, end: int, context: int = DEFAULT_CONTEXT) -> TextAnchor:
    """Anchor ``text[start:end]`` with up to ``context`` characters either side.

    Raises ValueError unless ``0 <= start < end <= len(text)``."""
    if not 0 <= start < end <= len(text):
        raise ValueError(
            f"The passage {start}-{end} is not inside the text (0-{len(text)}) or is empty."
        )
    return TextAnchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def find_anchor(text: str, anchor: TextAnchor) -> tuple[int, int] | None:
    """Where ``anchor`` sits in ``text`` now, or None when its exact text is gone.

    The stored offsets win when they still hold the exact text. Otherwise every occurrence of the
    exact text is a candidate; the one whose surroundings agree most with the stored prefix and
    suffix wins, and among equals the one nearest the old offset."""
    exact = anchor.exact
    if not exact:
        return None
    if 0 <= anchor.start <= anchor.end <= len(text) and text[anchor.start : anchor.end] == exact:
        return anchor.start, anchor.end
    best: tuple[int, int] | None = None
    best_key: tuple[int, int] | None = None
    pos = text.find(exact)
    while pos != -1:
        end = pos + len(exact)
        agreement = _common_suffix(text[max(0, pos - len(anchor.prefix)) : pos], anchor.prefix)
        agreement += _common_prefix(text[end : end + len(anchor.suffix)], anchor.suffix)
        # Higher agreement first, then smaller distance from where the passage used to be.
        key = (-agreement, abs(pos - anchor.start))
        if best_key is None or key < best_key:
            best, best_key = (pos, end), key
        pos = text.find(exact, pos + 1)
    return best


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n
