"""Converting between database rows and the frozen values of byline.core.model."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from byline.core.model import Block, BlockKind, Highlight, Quote, QuoteKind

Row = dict[str, Any]

_WHITESPACE = re.compile(r"\s+")


def now_iso() -> str:
    """The current UTC time as ISO 8601 with microseconds, so that sorting by it is stable."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


_HASH_PIECE = 1 << 16  # characters folded at a time by content_hash


def content_hash(text: str) -> str:
    """The fingerprint that makes two imports "the same document": sha256 of the text in NFC
    with every run of whitespace folded to one space, so layout differences don't count.

    Folded a piece at a time, each cut after white space: one fold of a 5 MB text holds the GIL
    for over 100 ms, and the window's thread would wait that long while a worker imports."""
    import hashlib  # here: OpenSSL takes ~3 ms to load, and only adding a document needs it

    canonical = unicodedata.normalize("NFC", text)
    digest = hashlib.sha256()
    start, length, first = 0, len(canonical), True
    while start < length:
        end = min(length, start + _HASH_PIECE)
        if end < length:  # move the cut past the next white space: no word is split
            space = _WHITESPACE.search(canonical, end)
            end = space.end() if space else length
        words = canonical[start:end].split()  # split() and \s agree on what is white space
        if words:
            digest.update(("" if first else " ").encode() + " ".join(words).encode("utf-8"))
            first = False
        start = end
    return digest.hexdigest()


def blocks_to_json(blocks: tuple[Block, ...]) -> str:
    # Arrays, not objects: a long document has hundreds of blocks and keys would dominate.
    return json.dumps(
        [[b.kind.value, b.start, b.end, b.level, int(b.ordered)] for b in blocks],
        separators=(",", ":"),
    )


def blocks_from_json(raw: str) -> tuple[Block, ...]:
    return tuple(
        Block(BlockKind(kind), start, end, level, bool(ordered))
        for kind, start, end, level, ordered in json.loads(raw)
    )


def tags_from_json(raw: str | None) -> tuple[str, ...]:
    """Tags from a ``json_group_array`` column, sorted case-insensitively."""
    if not raw:
        return ()
    return tuple(sorted((t for t in json.loads(raw) if t is not None), key=str.casefold))


def highlight_from_row(row: Row, tags: tuple[str, ...] = ()) -> Highlight:
    return Highlight(
        id=row["id"],
        document_id=row["document_id"],
        start=row["start"],
        end=row["end"],
        exact=row["exact"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        color=row["color"],
        note=row["note"],
        created=row["created"],
        updated=row["updated"],
        tags=tags,
    )


def quote_from_row(row: Row) -> Quote:
    return Quote(
        start=row["start"],
        end=row["end"],
        text=row["text"],
        kind=QuoteKind(row["kind"]),
        speaker=row["speaker"],
        cue=row["cue"],
        speaker_start=row["speaker_start"],
        speaker_end=row["speaker_end"],
    )


def quote_to_row(set_id: int, quote: Quote) -> Row:
    return {
        "set_id": set_id,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": quote.kind.value,
        "speaker": quote.speaker,
        "cue": quote.cue,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
    }


def normalise_tags(tags: Iterable[str]) -> list[str]:
    """Tags as a reader means them: trimmed, inner spaces folded, empty ones and repeats
    (ignoring case) dropped, first spelling kept."""
    if isinstance(tags, str):
        raise TypeError("tags must be a collection of strings, not one string")
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags:
        name = _WHITESPACE.sub(" ", str(tag)).strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out
