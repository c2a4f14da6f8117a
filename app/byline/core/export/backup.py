"""Byline's backup format: everything a reader made (documents with their text and structure,
notes, tags, highlights, quote corrections) as one versioned JSON file, documented in
docs/backup-format.md. This module writes and reads it; it knows nothing of the library.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from byline.core.errors import BylineError
from byline.core.model import Block, BlockKind, Document, Highlight, ParsedDocument, QuoteCorrection

FORMAT_NAME = "byline-backup"
FORMAT_VERSION = 1


class BackupError(BylineError):
    """A file is not a Byline backup this version can read, or is damaged."""


@dataclass(frozen=True)
class BackupHighlight:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    color: str
    note: str
    tags: tuple[str, ...]
    created: str
    updated: str

    @classmethod
    def of(cls, h: Highlight) -> BackupHighlight:
        return cls(
            h.start,
            h.end,
            h.exact,
            h.prefix,
            h.suffix,
            h.color,
            h.note,
            h.tags,
            h.created,
            h.updated,
        )


@dataclass(frozen=True)
class BackupCorrection:
    start: int
    end: int
    speaker: str | None
    not_a_quote: bool

    @classmethod
    def of(cls, c: QuoteCorrection) -> BackupCorrection:
        return cls(c.start, c.end, c.speaker, c.not_a_quote)

    def for_document(self, document_id: int) -> QuoteCorrection:
        return QuoteCorrection(document_id, self.start, self.end, self.speaker, self.not_a_quote)


@dataclass(frozen=True)
class BackupDocument:
    """One document of a backup, free of any library's ids."""

    parsed: ParsedDocument  # text, blocks and metadata, as an importer would have made them
    imported: str
    content_hash: str
    tags: tuple[str, ...]
    note: str
    highlights: tuple[BackupHighlight, ...]
    corrections: tuple[BackupCorrection, ...]

    @classmethod
    def of(
        cls,
        document: Document,
        note: str,
        highlights: Iterable[Highlight],
        corrections: Iterable[QuoteCorrection],
    ) -> BackupDocument:
        parsed = ParsedDocument(
            text=document.text,
            blocks=document.blocks,
            title=document.title,
            format=document.format,
            author=document.author,
            outlet=document.outlet,
            url=document.url,
            published=document.published,
            source_name=document.source_name,
        )
        return cls(
            parsed=parsed,
            imported=document.imported,
            content_hash=document.content_hash,
            tags=document.tags,
            note=note,
            highlights=tuple(
                BackupHighlight.of(h) for h in sorted(highlights, key=lambda h: (h.start, h.end))
            ),
            corrections=tuple(
                BackupCorrection.of(c) for c in sorted(corrections, key=lambda c: (c.start, c.end))
            ),
        )


@dataclass(frozen=True)
class RestoreReport:
    """What restoring a backup did; "already there" counts what the library had before."""

    documents_added: int = 0
    documents_already_there: int = 0
    highlights_added: int = 0
    highlights_already_there: int = 0
    highlights_not_placed: int = 0  # their passage is not in the library's copy of the text
    notes_restored: int = 0
    corrections_added: int = 0

    def summary(self) -> str:
        return (
            f"Restored {self.documents_added} documents "
            f"({self.documents_already_there} were already in the library), "
            f"{self.highlights_added} highlights ({self.highlights_already_there} already there), "
            f"{self.notes_restored} notes and {self.corrections_added} quote corrections."
            + (
                f" {self.highlights_not_placed} highlights could not be placed: their passage "
                "is not in the library's copy of the document."
                if self.highlights_not_placed
                else ""
            )
        )


# --------------------------------------------------------------------------- writing


def _document_json(d: BackupDocument) -> dict[str, Any]:
    p = d.parsed
    return {
        "title": p.title,
        "author": p.author,
        "outlet": p.outlet,
        "url": p.url,
        "published": p.published,
        "imported": d.imported,
        "source_name": p.source_name,
        "format": p.format,
        "content_hash": d.content_hash,
        "tags": list(d.tags),
        "note": d.note,
        "text": p.text,
        "blocks": [
            {
                "kind": b.kind.value,
                "start": b.start,
                "end": b.end,
                "level": b.level,
                "ordered": b.ordered,
            }
            for b in p.blocks
        ],
        "highlights": [
            {
                "start": h.start,
                "end": h.end,
                "exact": h.exact,
                "prefix": h.prefix,
                "suffix": h.suffix,
                "color": h.color,
                "note": h.note,
                "tags": list(h.tags),
                "created": h.created,
                "updated": h.updated,
            }
            for h in d.highlights
        ],
        "quote_corrections": [
            {"start": c.start, "end": c.end, "speaker": c.speaker, "not_a_quote": c.not_a_quote}
            for c in d.corrections
        ],
    }


def backup_json(documents: Iterable[BackupDocument], *, exported: str, generator: str) -> str:
    """The backup file's text. ``exported`` is when (ISO 8601 UTC), ``generator`` which Byline
    wrote it; neither is needed to restore."""
    head = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported": exported,
        "generator": generator,
    }
    # One document per line: a person can still scan the file, and without indentation
    # Python's fast JSON encoder does the work (indenting was most of a large backup's time).
    lines = [json.dumps(_document_json(d), ensure_ascii=False) for d in documents]
    opening = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    documents_json = "[\n" + ",\n".join(lines) + "\n ]" if lines else "[]"
    return f'{opening},\n "documents": {documents_json}\n}}\n'


# --------------------------------------------------------------------------- reading


class _Fields:
    """Typed reads from one JSON object, with the place named when something is wrong."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, Mapping):
            raise BackupError(f"The backup is damaged: {where} is not an object.")
        self.data = data
        self.where = where

    def _get(self, key: str, types: tuple[type, ...], optional: bool) -> Any:
        value = self.data.get(key)
        if value is None and optional:
            return None
        # bool is an int to Python, never a position or a count here.
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise BackupError(f"The backup is damaged: {self.where} has no valid “{key}”.")
        return value

    def text(self, key: str) -> str:
        return str(self._get(key, (str,), optional=False))

    def optional_text(self, key: str) -> str | None:
        value = self._get(key, (str,), optional=True)
        return None if value is None else str(value)

    def number(self, key: str) -> int:
        return int(self._get(key, (int,), optional=False))

    def flag(self, key: str) -> bool:
        return bool(self._get(key, (bool,), optional=False))

    def texts(self, key: str) -> tuple[str, ...]:
        values = self._get(key, (list,), optional=False)
        if not all(isinstance(v, str) for v in values):
            raise BackupError(f"The backup is damaged: {self.where} has no valid “{key}”.")
        return tuple(values)

    def objects(self, key: str) -> Sequence[object]:
        return list(self._get(key, (list,), optional=False))


def _span(fields: _Fields, text_length: int) -> tuple[int, int]:
    start, end = fields.number("start"), fields.number("end")
    if not 0 <= start <= end <= text_length:
        raise BackupError(f"The backup is damaged: {fields.where} points outside its text.")
    return start, end


def _block(data: object, where: str, text_length: int) -> Block:
    f = _Fields(data, where)
    try:
        kind = BlockKind(f.text("kind"))
    except ValueError as exc:
        raise BackupError(f"The backup is damaged: {where} has an unknown kind.") from exc
    start, end = _span(f, text_length)
    return Block(kind, start, end, f.number("level"), f.flag("ordered"))


def _highlight(data: object, where: str, text: str) -> BackupHighlight:
    f = _Fields(data, where)
    start, end = _span(f, len(text))
    exact = f.text("exact")
    if text[start:end] != exact:
        raise BackupError(f"The backup is damaged: {where} does not match its document's text.")
    return BackupHighlight(
        start,
        end,
        exact,
        f.text("prefix"),
        f.text("suffix"),
        f.text("color"),
        f.text("note"),
        f.texts("tags"),
        f.text("created"),
        f.text("updated"),
    )


def _correction(data: object, where: str, text_length: int) -> BackupCorrection:
    f = _Fields(data, where)
    start, end = _span(f, text_length)
    return BackupCorrection(start, end, f.optional_text("speaker"), f.flag("not_a_quote"))


def _document(data: object, number: int) -> BackupDocument:
    where = f"document {number}"
    f = _Fields(data, where)
    text = f.text("text")
    parsed = ParsedDocument(
        text=text,
        blocks=tuple(
            _block(b, f"block {i} of {where}", len(text))
            for i, b in enumerate(f.objects("blocks"), 1)
        ),
        title=f.text("title"),
        format=f.text("format"),
        author=f.optional_text("author"),
        outlet=f.optional_text("outlet"),
        url=f.optional_text("url"),
        published=f.optional_text("published"),
        source_name=f.optional_text("source_name"),
    )
    return BackupDocument(
        parsed=parsed,
        imported=f.text("imported"),
        content_hash=f.text("content_hash"),
        tags=f.texts("tags"),
        note=f.text("note"),
        highlights=tuple(
            _highlight(h, f"highlight {i} of {where}", text)
            for i, h in enumerate(f.objects("highlights"), 1)
        ),
        corrections=tuple(
            _correction(c, f"quote correction {i} of {where}", len(text))
            for i, c in enumerate(f.objects("quote_corrections"), 1)
        ),
    )


def parse_backup(raw: str) -> list[BackupDocument]:
    """The documents of a backup file's text. Raises BackupError, saying what is wrong, for a
    file that is not a Byline backup, is from a newer Byline, or is damaged."""
    try:
        payload = json.loads(raw)
    except ValueError as exc:
        raise BackupError("This file is not a Byline backup (it is not JSON).") from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise BackupError("This file is not a Byline backup.")
    version = payload.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BackupError("The backup is damaged: its version is missing.")
    if version > FORMAT_VERSION:
        raise BackupError(
            f"This backup was written by a newer Byline (format version {version}); "
            "update Byline to restore it."
        )
    documents = _Fields(payload, "the backup").objects("documents")
    return [_document(d, i) for i, d in enumerate(documents, 1)]
