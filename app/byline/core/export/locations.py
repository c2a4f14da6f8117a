"""Where a passage is, said the way a reader can find it again: the paragraph number ("¶ 12"),
counting every block of the document (headings and list items too) from 1, as the reader shows.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from byline.core.model import Block


class ParagraphIndex:
    """Paragraph numbers for offsets into one document's text."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        ordered = sorted(blocks, key=lambda b: b.start)
        self._starts = [b.start for b in ordered]
        self._ends = [b.end for b in ordered]

    def paragraph_at(self, offset: int) -> int:
        """The 1-based number of the block holding ``offset``; an offset between two blocks
        belongs to the next one, and a document without blocks is one paragraph."""
        index = bisect_right(self._starts, offset)
        if index == 0:
            return 1
        if offset >= self._ends[index - 1] and index < len(self._starts):
            return index + 1
        return index

    def span(self, start: int, end: int) -> tuple[int, int]:
        """First and last paragraph numbers of ``text[start:end]``."""
        first = self.paragraph_at(start)
        # The last character read belongs to the block it follows when it is a separator.
        last = max(1, bisect_right(self._starts, max(start, end - 1)))
        return first, max(first, last)

    def label(self, start: int, end: int) -> str:
        """The location as a reader reads it: "¶ 12", or "¶ 12–14" over several paragraphs."""
        return span_label(*self.span(start, end))


def span_label(first: int, last: int) -> str:
    return f"¶ {first}" if first == last else f"¶ {first}–{last}"
