"""Translating between canonical text offsets and positions in the rendered QTextDocument.

Qt-free on purpose, so it can be tested on its own. The reading view renders a header (title,
outlet, date) before the text and one paragraph separator between blocks, where the canonical text
has a blank line ("\\n\\n"). Qt also counts positions in UTF-16 code units while Byline's offsets
count code points, so a character outside the Basic Multilingual Plane (an emoji) takes two
positions on screen and one in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from byline.core.model import Block

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_length(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))


class OffsetMap:
    """Maps offsets in a document's canonical text to positions in a rendering that holds each
    block as one paragraph, in order, the first starting at ``body_start``."""

    def __init__(self, text: str, blocks: Sequence[Block], body_start: int) -> None:
        self._text_length = len(text)
        self._blocks = tuple(blocks)
        self._text_starts = [b.start for b in self._blocks]
        # Astral characters inside each block, as offsets from the block's start (sorted).
        self._astral: list[list[int]] = []
        has_astral = _ASTRAL.search(text) is not None
        self._doc_starts: list[int] = []
        self._doc_lengths: list[int] = []
        pos = body_start
        for block in self._blocks:
            if has_astral:
                found = [m.start() for m in _ASTRAL.finditer(text, block.start, block.end)]
                self._astral.append([i - block.start for i in found])
            else:
                self._astral.append([])
            length = (block.end - block.start) + len(self._astral[-1])
            self._doc_starts.append(pos)
            self._doc_lengths.append(length)
            pos += length + 1  # one paragraph separator between rendered blocks
        self.body_start = body_start
        self.body_end = pos - 1 if self._blocks else body_start

    @property
    def block_doc_starts(self) -> tuple[int, ...]:
        """Where each block starts in the rendering (what the renderer must reproduce)."""
        return tuple(self._doc_starts)

    def to_doc(self, offset: int) -> int:
        """The rendered position of a canonical offset. An offset inside the blank line between
        two blocks lands on the end of the first (or the start of the next)."""
        if not self._blocks:
            return self.body_start
        offset = max(0, min(offset, self._text_length))
        index = max(0, bisect_right(self._text_starts, offset) - 1)
        block = self._blocks[index]
        within = offset - block.start
        length = block.end - block.start
        if within <= 0:
            return self._doc_starts[index]
        if within > length:
            return self._doc_starts[index] + self._doc_lengths[index] + 1
        astral_before = bisect_right(self._astral[index], within - 1)
        return self._doc_starts[index] + within + astral_before

    def to_text(self, position: int) -> int:
        """The canonical offset of a rendered position; positions in the header map to 0, a
        paragraph separator to the end of its block, a position inside a surrogate pair to the
        character it belongs to."""
        if not self._blocks or position <= self.body_start:
            return 0
        index = max(0, bisect_right(self._doc_starts, position) - 1)
        block = self._blocks[index]
        within = position - self._doc_starts[index]
        if within >= self._doc_lengths[index]:
            return block.end
        # Walk the astral characters before this position: each took two units.
        offset = within
        for k, astral in enumerate(self._astral[index]):
            unit = astral + k  # where this character's surrogate pair starts
            if within >= unit + 2:
                offset -= 1
            elif within == unit + 1:
                return block.start + astral
            else:
                break
        return block.start + offset

    def doc_span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_doc(start), self.to_doc(end)
