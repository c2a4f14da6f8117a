"""Checking a draft's quotations against the library, what the ``check`` command and the "Check
quotes" view both do.

Each direct quotation of the draft is looked up through the full-text index a few words at a time
(the runs of its words most likely to be rare), and aligned word by word with the documents that
hold them only; the source's speaker comes from that document's quotes (cached, with the reader's
corrections). See docs/check.md for the verdicts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from byline.core.check.align import Alignment, SourceText, align
from byline.core.check.speakers import same_speaker
from byline.core.check.verdicts import QuoteCheck, SourcePassage, Verdict, is_close, verdict_for
from byline.core.check.words import QuoteWords, Word, quote_words
from byline.core.model import Document, Quote, QuoteKind
from byline.core.quotes import extract_quotes
from byline.importers import parse_file
from byline.store import Library
from byline.store.passages import documents_with_phrase
from byline.workflows import document_quotes

PROBE_WORDS = 5  # words in a row asked of the index at once: few enough to survive an edit
MAX_PROBES = 4  # probes per quotation; the first that finds it word for word ends the search
CANDIDATES = 20  # documents aligned per probe
RECENT_SOURCES = 30  # sources of earlier quotations tried before the index
SPEAKER_TIES = 5  # equally good sources whose speakers are compared with the draft's


@dataclass(frozen=True)
class DraftCheck:
    """Every direct quotation of a draft, checked."""

    title: str
    text: str  # the draft's text as read: the quotations' offsets point into it
    checks: tuple[QuoteCheck, ...]

    @property
    def problems(self) -> int:
        """Quotations altered, misattributed or not found."""
        return sum(1 for c in self.checks if c.verdict.is_problem)

    def count(self, verdict: Verdict) -> int:
        return sum(1 for c in self.checks if c.verdict is verdict)


def check_file(library: Library, path: Path) -> DraftCheck:
    """Check the quotations of a draft file (plain text, Markdown, DOCX or any format Byline
    imports). Raises ImportFailure when the file cannot be read."""
    parsed = parse_file(path)
    return check_text(library, parsed.text, title=parsed.title)


def check_text(library: Library, text: str, title: str = "") -> DraftCheck:
    """Check the direct quotations of a draft's text against the library."""
    checker = _Checker(library, text)
    quotes = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    return DraftCheck(title, text, tuple(checker.check(q) for q in quotes))


@dataclass(frozen=True)
class _Found:
    document: Document
    alignment: Alignment


class _Checker:
    """One check run: source documents are read and indexed once however many quotations
    they are candidates for."""

    def __init__(self, library: Library, draft_text: str) -> None:
        self.library = library
        self.draft_text = draft_text
        self.sources: dict[int, tuple[Document, SourceText]] = {}
        self.speakers: dict[int, list[Quote]] = {}
        self.recent: dict[int, None] = {}  # sources found so far, the latest last

    def check(self, quote: Quote) -> QuoteCheck:
        words = quote_words(quote.text)
        found = self._best_passages(words)
        if not found:
            return QuoteCheck(quote, Verdict.NOT_FOUND)
        best, agrees = self._choose_by_speaker(found, quote.speaker)
        verdict = verdict_for(best.alignment, agrees)
        if verdict is Verdict.NOT_FOUND:
            return QuoteCheck(quote, verdict)
        a = best.alignment
        self.recent.pop(best.document.id, None)
        self.recent[best.document.id] = None
        passage = SourcePassage(
            document_id=best.document.id,
            title=best.document.title,
            start=a.start,
            end=a.end,
            text=best.document.text[a.start : a.end],
            speaker=self._source_speaker(best.document.id, a),
        )
        return QuoteCheck(quote, verdict, passage, a.ops)

    def _best_passages(self, words: QuoteWords) -> list[_Found]:
        """The equally best close passages found, probing the index until one is word for word."""
        tried: set[int] = set()
        found: list[_Found] = []
        # A draft quotes a few sources many times: those already found are tried first, and
        # the index is asked only when none of them has the quotation word for word.
        for from_index, batch in self._candidate_batches(words):
            for doc_id in batch:
                if doc_id in tried:
                    continue
                tried.add(doc_id)
                document, source = self._source(doc_id)
                if document.text == self.draft_text:  # the draft itself was imported
                    continue
                alignment = align(words, source)
                if alignment is not None and is_close(alignment):
                    found.append(_Found(document, alignment))
            found.sort(key=lambda f: _quality(f.alignment), reverse=True)
            # Faithful: nothing better to find. Or the index, asked for a run of the quotation's
            # words, answered with the best source: that run is intact, so a faithful copy
            # elsewhere would have had to answer too.
            if found and (
                found[0].alignment.faithful or (from_index and found[0].document.id in batch)
            ):
                break
        if not found:
            return []
        return [f for f in found if _quality(f.alignment) == _quality(found[0].alignment)]

    def _candidate_batches(self, words: QuoteWords) -> Iterator[tuple[bool, list[int]]]:
        """Documents to align with, batch by batch, each saying whether the index answered it:
        the sources found so far (latest first), then what the index holds for each probe,
        asked only when the batch is wanted."""
        yield False, list(reversed(self.recent))[:RECENT_SOURCES]
        for probe in probes(words):
            yield True, documents_with_phrase(self.library, probe, limit=CANDIDATES)

    def _choose_by_speaker(
        self, found: list[_Found], draft_speaker: str | None
    ) -> tuple[_Found, bool | None]:
        """Among equally good sources (a quotation reprinted in several articles), the one whose
        speaker agrees with the draft's, else one where it cannot be told, else the first."""
        judged = [
            (f, same_speaker(draft_speaker, self._source_speaker(f.document.id, f.alignment)))
            for f in found[:SPEAKER_TIES]
        ]
        for wanted in (True, None):
            for f, agrees in judged:
                if agrees is wanted:
                    return f, agrees
        return judged[0]

    def _source(self, doc_id: int) -> tuple[Document, SourceText]:
        if doc_id not in self.sources:
            document = self.library.get_document(doc_id)
            self.sources[doc_id] = (document, SourceText.of(document.text))
        return self.sources[doc_id]

    def _source_speaker(self, doc_id: int, alignment: Alignment) -> str | None:
        """Who says the passage in the source: the speaker of the source quote that overlaps it
        most (None when the passage is not inside a quote there, or its speaker is unknown)."""
        if doc_id not in self.speakers:
            self.speakers[doc_id] = [
                q for q in document_quotes(self.library, doc_id) if q.kind is not QuoteKind.SCARE
            ]
        best: Quote | None = None
        best_overlap = 0
        for q in self.speakers[doc_id]:
            overlap = min(q.end, alignment.end) - max(q.start, alignment.start)
            if overlap > best_overlap:
                best, best_overlap = q, overlap
        return best.speaker if best is not None else None


def _quality(a: Alignment) -> tuple[bool, int, int]:
    return (a.faithful, a.matched, a.longest_run)


def probes(words: QuoteWords) -> list[list[str]]:
    """Runs of the quotation's own words to ask the index for: up to ``PROBE_WORDS`` in a row
    (never across an ellipsis or a bracket), those with the longest words first, since long
    words are the rare ones that make the index answer fast and precisely."""
    runs: list[list[Word]] = []
    for segment in words.segments:
        run: list[Word] = []
        for word in segment:
            if word.bracketed:
                runs.append(run)
                run = []
            else:
                run.append(word)
        runs.append(run)
    chunks: list[list[Word]] = []
    for run in runs:
        for i in range(0, len(run), PROBE_WORDS):
            chunk = run[i : i + PROBE_WORDS]
            if len(chunk) < 2 and len(run) >= 2:  # a lone leftover word: join the chunk before
                chunk = run[max(0, len(run) - PROBE_WORDS) :]
            if chunk and chunk not in chunks:
                chunks.append(chunk)
    chunks.sort(key=lambda c: max(len(w.key) for w in c), reverse=True)
    return [[w.text for w in chunk] for chunk in chunks[:MAX_PROBES]]


def draft_check_json(result: DraftCheck) -> dict[str, object]:
    """The check as JSON-ready data, the shape ``byline check --json`` prints (docs/check.md)."""
    return {
        "draft": result.title,
        "summary": {
            "quotations": len(result.checks),
            **{v.value: result.count(v) for v in Verdict},
        },
        "quotations": [_quote_check_json(c) for c in result.checks],
    }


def _quote_check_json(check: QuoteCheck) -> dict[str, object]:
    source = check.source
    return {
        "text": check.quote.text,
        "start": check.quote.start,
        "end": check.quote.end,
        "speaker": check.quote.speaker,
        "verdict": check.verdict.value,
        "edited": check.edited,
        "source": None
        if source is None
        else {
            "document_id": source.document_id,
            "title": source.title,
            "start": source.start,
            "end": source.end,
            "text": source.text,
            "speaker": source.speaker,
        },
        "diff": [
            {
                "kind": op.kind.value,
                "draft": op.draft,
                "source": op.source,
                "legitimate": op.legitimate,
            }
            for op in check.diff
        ],
    }
