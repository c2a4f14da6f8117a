"""One document's notes as Markdown: what a template sees (front matter, title, the reader's
note, quotes grouped by speaker, highlights in text order) and the rendering itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from byline.core.export.escape import Markdown, block_quote, escape_inline, user_markdown
from byline.core.export.front_matter import front_matter
from byline.core.export.locations import ParagraphIndex, span_label
from byline.core.export.templates import ExportTemplate
from byline.core.model import Document, Highlight, Quote, QuoteKind

UNATTRIBUTED = "Unattributed"

# What CommonMark accepts inside <...> as an autolink, limited to schemes worth clicking.
_LINKABLE_URL = re.compile(r"(?:https?|mailto):[^\s<>\x00-\x1f\x7f]+", re.IGNORECASE)


@dataclass(frozen=True)
class DocumentNotes:
    """Everything one document's export shows: the document, the reader's note, highlights
    (any order; shown in text order) and quotes (scare quotes are left out)."""

    document: Document
    note: str = ""
    highlights: tuple[Highlight, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class DocumentView:
    """The document's metadata as a template reads it (plain text; templates escape it)."""

    id: str  # stable across libraries: "byline-" and the start of the content hash
    library_id: int
    title: str
    author: str | None
    outlet: str | None
    url: str | None
    published: str | None
    imported: str
    tags: tuple[str, ...]
    format: str
    source_name: str | None


@dataclass(frozen=True)
class QuoteView:
    text: str
    direct: bool  # False for reported speech (the quote is the reported clause)
    speaker: str  # "Unattributed" when the text does not say
    cue: str | None
    start: int
    end: int
    paragraph: int
    location: str  # "¶ 12"


@dataclass(frozen=True)
class SpeakerQuotes:
    speaker: str
    quotes: tuple[QuoteView, ...]


@dataclass(frozen=True)
class HighlightView:
    text: str
    note: Markdown  # the reader's own Markdown, passed through
    color: str
    tags: tuple[str, ...]
    start: int
    end: int
    paragraph: int
    location: str  # "¶ 12" or "¶ 12–13"
    label: Markdown  # location, colour and tags on one line
    created: str
    updated: str


@dataclass(frozen=True)
class TemplateContext:
    """The variables a template is rendered with (documented in docs/export-templates.md)."""

    doc: DocumentView
    front_matter: Markdown  # empty when several documents share one file
    byline: Markdown  # "Author · Outlet · 2022-05-11 · <url>", empty when nothing is known
    note: Markdown
    quotes: tuple[QuoteView, ...]  # text order
    speakers: tuple[SpeakerQuotes, ...]  # by first appearance, "Unattributed" last
    highlights: tuple[HighlightView, ...]  # text order

    def variables(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def stable_id(document: Document) -> str:
    return f"byline-{document.content_hash[:12]}"


def document_view(document: Document) -> DocumentView:
    return DocumentView(
        id=stable_id(document),
        library_id=document.id,
        title=document.title,
        author=document.author,
        outlet=document.outlet,
        url=document.url,
        published=document.published,
        imported=document.imported,
        tags=document.tags,
        format=document.format,
        source_name=document.source_name,
    )


def document_front_matter(view: DocumentView) -> Markdown:
    return Markdown(
        front_matter(
            [
                ("title", view.title),
                ("author", view.author),
                ("outlet", view.outlet),
                ("url", view.url),
                ("published", view.published),
                ("imported", view.imported),
                ("tags", view.tags),
                ("id", view.id),
            ],
            dates=("published", "imported"),
        )
    )


def byline_line(view: DocumentView) -> Markdown:
    parts: list[str] = [escape_inline(v) for v in (view.author, view.outlet) if v and v.strip()]
    if view.published:
        parts.append(escape_inline(view.published[:10]))
    if view.url:
        url = view.url.strip()
        parts.append(f"<{url}>" if _LINKABLE_URL.fullmatch(url) else escape_inline(url))
    return Markdown(" · ".join(p for p in parts if p))


def quote_views(quotes: Iterable[Quote], index: ParagraphIndex) -> tuple[QuoteView, ...]:
    views = []
    for q in sorted(quotes, key=lambda q: (q.start, q.end)):
        if q.kind is QuoteKind.SCARE:
            continue
        speaker = (q.speaker or "").strip() or UNATTRIBUTED
        first, last = index.span(q.start, q.end)
        views.append(
            QuoteView(
                text=q.text,
                direct=q.kind is QuoteKind.DIRECT,
                speaker=speaker,
                cue=q.cue,
                start=q.start,
                end=q.end,
                paragraph=first,
                location=span_label(first, last),
            )
        )
    return tuple(views)


def group_by_speaker(quotes: Sequence[QuoteView]) -> tuple[SpeakerQuotes, ...]:
    groups: dict[str, list[QuoteView]] = {}
    for q in quotes:
        groups.setdefault(q.speaker, []).append(q)
    unattributed = groups.pop(UNATTRIBUTED, None)
    out = [SpeakerQuotes(name, tuple(qs)) for name, qs in groups.items()]
    if unattributed:
        out.append(SpeakerQuotes(UNATTRIBUTED, tuple(unattributed)))
    return tuple(out)


def highlight_view(h: Highlight, index: ParagraphIndex) -> HighlightView:
    first, last = index.span(h.start, h.end)
    location = span_label(first, last)
    label_parts = [location]
    if h.color:
        label_parts.append(h.color)
    if h.tags:
        label_parts.append("tags: " + ", ".join(h.tags))
    return HighlightView(
        text=h.exact,
        note=user_markdown(h.note),
        color=h.color,
        tags=h.tags,
        start=h.start,
        end=h.end,
        paragraph=first,
        location=location,
        label=escape_inline(" · ".join(label_parts)),
        created=h.created,
        updated=h.updated,
    )


def template_context(notes: DocumentNotes, *, with_front_matter: bool = True) -> TemplateContext:
    document = notes.document
    index = ParagraphIndex(document.blocks)
    view = document_view(document)
    quotes = quote_views(notes.quotes, index)
    highlights = sorted(notes.highlights, key=lambda h: (h.start, h.end, h.id))
    return TemplateContext(
        doc=view,
        front_matter=document_front_matter(view) if with_front_matter else Markdown(""),
        byline=byline_line(view),
        note=user_markdown(notes.note),
        quotes=quotes,
        speakers=group_by_speaker(quotes),
        highlights=tuple(highlight_view(h, index) for h in highlights),
    )


def render_document(
    notes: DocumentNotes, template: ExportTemplate, *, with_front_matter: bool = True
) -> str:
    """One document's Markdown, ending with a single newline."""
    context = template_context(notes, with_front_matter=with_front_matter)
    return template.render(context.variables())


def render_documents(notes: Iterable[DocumentNotes], template: ExportTemplate) -> str:
    """Several documents in one file: no front matter (only a file's first block would be read
    as such), each document under its own heading."""
    return "\n".join(render_document(n, template, with_front_matter=False) for n in notes)


def render_highlight(document: Document, highlight: Highlight) -> str:
    """One highlight for the clipboard: the passage as a block quote, where it comes from, and
    the reader's note."""
    view = highlight_view(highlight, ParagraphIndex(document.blocks))
    source = escape_inline(f"{document.title}, {view.location}")
    parts = [block_quote(view.text), f"— {source}"]
    if view.note:
        parts.append(view.note)
    return "\n\n".join(parts) + "\n"
