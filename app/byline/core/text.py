"""Building a document's canonical text from its blocks, the one way every importer does it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from byline.core.model import Block, BlockKind

BLOCK_SEPARATOR = "\n\n"

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class BlockText:
    """A block as an importer sees it, before offsets are known."""

    kind: BlockKind
    text: str
    level: int = 0
    ordered: bool = False


def clean_inline(text: str) -> str:
    """Normalise one block's text: NFC, no control characters, runs of spaces folded,
    line breaks inside the block turned into spaces."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = " ".join(line.strip() for line in text.split("\n"))
    return _SPACES.sub(" ", text).strip()


def assemble(blocks: Iterable[BlockText]) -> tuple[str, tuple[Block, ...]]:
    """Join blocks into the canonical text (blocks separated by a blank line) and return the
    text with each block's offsets. Empty blocks are dropped."""
    parts: list[str] = []
    out: list[Block] = []
    pos = 0
    for b in blocks:
        body = clean_inline(b.text)
        if not body:
            continue
        if parts:
            pos += len(BLOCK_SEPARATOR)
        parts.append(body)
        out.append(Block(b.kind, pos, pos + len(body), b.level, b.ordered))
        pos += len(body)
    return BLOCK_SEPARATOR.join(parts), tuple(out)
