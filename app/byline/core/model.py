"""Values that cross layers: documents, their block structure, highlights, quotes, speakers and
search hits.

Offsets are always indexes into a document's canonical ``text`` (Python ``str`` indexes, that is
Unicode code points), half-open: ``text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    BLOCKQUOTE = "blockquote"


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the canonical text: ``text[start:end]``. ``level`` is the heading level
    (1-6) for headings, the nesting depth (1-based) for list items, else 0."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    ordered: bool = False  # list items only: numbered rather than bulleted


@dataclass(frozen=True)
class ParsedDocument:
    """What an importer produces from a file, before it is stored."""

    text: str
    blocks: tuple[Block, ...]
    title: str
    format: str  # "text", "markdown", "html", "pdf", "epub", "docx"
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or date-time, UTC when a time is known
    source_name: str | None = None  # the file name it came from


@dataclass(frozen=True)
class Document:
    """A stored document with its canonical text."""

    id: int
    title: str
    text: str
    blocks: tuple[Block, ...]
    format: str
    author: str | None
    outlet: str | None
    url: str | None
    published: str | None
    imported: str  # ISO 8601 UTC
    source_name: str | None
    content_hash: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentSummary:
    """A row of the library list: no text, but the counts a reader scans for."""

    id: int
    title: str
    outlet: str | None
    author: str | None
    published: str | None
    imported: str
    last_opened: str | None
    quote_count: int | None  # None: not read by the extractor version that was asked
    highlight_count: int
    note_count: int  # highlights with a note, plus one if the document note is not empty
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class TextAnchor:
    """Where a passage sits, robustly: offsets plus the exact text and a little context,
    so the passage can be found again if the offsets drift."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Highlight:
    id: int
    document_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    color: str
    note: str
    created: str
    updated: str
    tags: tuple[str, ...] = ()


class QuoteKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    SCARE = "scare"


@dataclass(frozen=True)
class Quote:
    """A quotation found in a text. For direct quotes the span includes the quotation marks;
    for indirect quotes it is the reported clause."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None  # the full name the article introduced, when known
    cue: str | None = None  # the verb or phrase that marks the speech: said, told, according to
    speaker_start: int | None = None  # where the text names the speaker at this quote
    speaker_end: int | None = None


@dataclass(frozen=True)
class QuoteCorrection:
    """A reader's fix to an extracted quote, keyed by the quote's span."""

    document_id: int
    start: int
    end: int
    speaker: str | None = None  # replaces the extracted speaker when set
    not_a_quote: bool = False


@dataclass(frozen=True)
class SpeakerCount:
    """One speaker across the library: how many of their quotes it holds, in how many
    documents. ``name`` is None for the quotes nobody could be named for."""

    name: str | None
    quotes: int
    documents: int


@dataclass(frozen=True)
class SpeakerIndex:
    """Everyone quoted in the library (scare quotes and quotes the reader rejected left out),
    most quoted first, then by name; the unattributed quotes counted apart."""

    speakers: tuple[SpeakerCount, ...]
    unattributed: SpeakerCount


@dataclass(frozen=True)
class SpeakerQuote:
    """A quote of one speaker with the document it is in (offsets index that document)."""

    document_id: int
    title: str
    outlet: str | None
    published: str | None
    quote: Quote


class HitKind(StrEnum):
    DOCUMENT = "document"
    HIGHLIGHT = "highlight"
    NOTE = "note"  # the document's own note


@dataclass(frozen=True)
class SearchHit:
    kind: HitKind
    document_id: int
    title: str
    snippet: str  # plain text with the matched terms wrapped in [ and ]
    rank: float  # lower is better (bm25)
    highlight_id: int | None = None
    start: int | None = None  # where in the document text the hit is, when known


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one file in an import batch."""

    path: str
    status: str  # "imported" | "duplicate" | "failed"
    document_id: int | None = None
    title: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class ImportReport:
    outcomes: tuple[ImportOutcome, ...] = field(default_factory=tuple)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> bool:
        return self.count("failed") == 0
