"""Finding where a draft's quotation sits in one source text, and how its words differ.

Each segment of the quotation (the words between ellipses) is placed where most of its words line
up on one diagonal of the source (source position minus quote position), then compared word by
word with the source around that place; segments must appear in order, each within
``MAX_ELLIPSIS_GAP`` words of the previous one. The source words between two segments are what the
ellipsis cut.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import Match, SequenceMatcher
from itertools import pairwise

from byline.core.check.diff import DiffOp, EditKind, is_faithful
from byline.core.check.words import QuoteWords, Word, word_keys

MAX_ELLIPSIS_GAP = 400  # words an ellipsis may stand for
FIRST_SEGMENT_TRIES = 3  # places tried for the first segment (its words may be common)
WEAK_SEGMENT_TRIES = 40  # places tried for a first segment of one or two words


@dataclass(frozen=True)
class SourceText:
    """A source document's word keys and where each word is, indexed by pairs of words (pairs
    are rarer than words, so few places get votes), ready for aligning many quotations;
    ``Word`` values are made only for the passages compared."""

    text: str
    keys: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    pairs: dict[tuple[str, str], tuple[int, ...]]  # two words in a row -> where the first is

    @classmethod
    def of(cls, text: str) -> SourceText:
        keys, spans = word_keys(text)
        index: dict[tuple[str, str], list[int]] = {}
        for i, pair in enumerate(pairwise(keys)):
            index.setdefault(pair, []).append(i)
        return cls(text, tuple(keys), tuple(spans), {k: tuple(v) for k, v in index.items()})

    def __len__(self) -> int:
        return len(self.keys)

    def words(self, lo: int, hi: int) -> tuple[Word, ...]:
        """The words from the ``lo``-th up to (not including) the ``hi``-th."""
        return tuple(
            Word(key, self.text[start:end].replace("’", "'"), start, end)
            for key, (start, end) in zip(self.keys[lo:hi], self.spans[lo:hi], strict=True)
        )


@dataclass(frozen=True)
class Alignment:
    """A quotation placed in a source: the passage ``text[start:end]`` and the difference."""

    start: int
    end: int
    ops: tuple[DiffOp, ...]
    matched: int  # the quotation's own words found, in order, in the passage
    spoken: int  # the quotation's own words (bracketed ones are the writer's)
    longest_run: int  # the most own words found one after another

    @property
    def faithful(self) -> bool:
        return is_faithful(self.ops)

    @property
    def share(self) -> float:
        return self.matched / self.spoken if self.spoken else 0.0


@dataclass(frozen=True)
class _Piece:
    """A piece of the difference while it is being built: words, not yet text."""

    kind: EditKind
    draft: tuple[Word, ...]
    source: tuple[Word, ...]


@dataclass(frozen=True)
class _Placed:
    """One segment compared with the source's words ``lo`` to ``hi``."""

    lo: int
    hi: int
    pieces: tuple[_Piece, ...]
    matched: int
    longest_run: int


def align(quote: QuoteWords, source: SourceText) -> Alignment | None:
    """The best placement of ``quote`` in ``source``, or None when too few of its words are
    there one after another."""
    if not quote.segments or not len(source):
        return None
    best: Alignment | None = None
    first = quote.segments[0]
    # A first segment of a word or two ("I … never wanted this") fits in many places; the one
    # that makes the shortest passage with the rest wins, so every place is tried.
    weak = len(quote.segments) > 1 and sum(1 for w in first if not w.bracketed) < 3
    tries = WEAK_SEGMENT_TRIES if weak else FIRST_SEGMENT_TRIES
    for diagonal in _diagonals(first, source, 0, len(source))[:tries]:
        candidate = _align_from(quote, source, diagonal)
        if candidate is not None and (best is None or _better(candidate, best)):
            best = candidate
            if not weak and best.faithful and best.matched == best.spoken:
                break
    if best is None and len(quote.segments) > 1:  # the first segment is not there at all
        best = _align_from(quote, source, None)
    return best


def _better(a: Alignment, b: Alignment) -> bool:
    return (a.matched, a.longest_run, b.end - b.start) > (b.matched, b.longest_run, a.end - a.start)


def _align_from(
    quote: QuoteWords, source: SourceText, first_diagonal: int | None
) -> Alignment | None:
    pieces: list[_Piece] = []
    if quote.leading_ellipsis:
        pieces.append(_Piece(EditKind.ELLIPSIS, (), ()))
    spans: list[tuple[int, int]] = []
    matched = longest = 0
    previous_end: int | None = None
    for index, segment in enumerate(quote.segments):
        floor = previous_end if previous_end is not None else 0
        if index == 0:
            diagonal = first_diagonal
        else:
            hi = min(len(source), floor + MAX_ELLIPSIS_GAP + len(segment))
            found = _diagonals(segment, source, floor, hi)
            diagonal = found[0] if found else None
        placed = None if diagonal is None else _place(segment, source, diagonal, floor)
        if index > 0:
            cut: tuple[Word, ...] = ()
            if placed is not None and previous_end is not None:
                cut = source.words(previous_end, placed.lo)
            pieces.append(_Piece(EditKind.ELLIPSIS, (), cut))
        if placed is None:
            pieces.extend(_unmatched(segment))
            continue
        pieces.extend(placed.pieces)
        matched += placed.matched
        longest = max(longest, placed.longest_run)
        spans.append((placed.lo, placed.hi))
        previous_end = placed.hi
    if not spans:
        return None
    if quote.trailing_ellipsis:
        pieces.append(_Piece(EditKind.ELLIPSIS, (), ()))
    start = source.spans[spans[0][0]][0]
    end = source.spans[spans[-1][1] - 1][1]
    ops = tuple(_as_op(p, quote.text, source.text) for p in _merged(pieces))
    return Alignment(start, end, ops, matched, len(quote.spoken), longest)


def _diagonals(segment: Sequence[Word], source: SourceText, lo: int, hi: int) -> list[int]:
    """Diagonals (source position of the segment's first word) where the segment's own words
    line up between the source's words ``lo`` and ``hi``, most votes first. Pairs of words in a
    row vote, and a place needs two votes (a close passage has at least three words in a row);
    a segment without such pairs is looked for word by word."""
    spoken = [(j, w.key) for j, w in enumerate(segment) if not w.bracketed]
    pairs = [(j, (a, b)) for (j, a), (k, b) in pairwise(spoken) if k == j + 1]
    votes: Counter[int] = Counter()
    if pairs:
        for j, pair in pairs:
            for p in source.pairs.get(pair, ()):
                if lo <= p < hi:
                    votes[p - j] += 1
        needed = min(2, len(pairs))
    else:
        for j, key in spoken:
            for p in range(lo, hi):
                if source.keys[p] == key:
                    votes[p - j] += 1
        needed = 1
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    return [d for d, count in ranked if count >= needed]


def _place(
    segment: Sequence[Word], source: SourceText, diagonal: int, floor: int
) -> _Placed | None:
    n = len(source)
    # Room around the diagonal for words added or dropped; none for a word or two, which would
    # otherwise snap to the first occurrence nearby rather than the one voted for.
    slack = 3 + len(segment) // 3 if len(segment) >= 3 else 0
    lo = max(floor, diagonal - slack)
    hi = min(n, diagonal + len(segment) + slack)
    if lo >= hi:
        return None
    keys = [w.key for w in segment]
    region = source.keys[lo:hi]
    matcher = SequenceMatcher(None, keys, region, autojunk=False)
    blocks = _without_stray_edges([b for b in matcher.get_matching_blocks() if b.size])
    if not blocks:
        return None
    # Widen the passage over quote words left unmatched at either end, so that a changed first or
    # last word reads as changed rather than as an addition.
    first, last = blocks[0], blocks[-1]
    start = max(lo, lo + first.b - first.a)
    end = min(hi, lo + last.b + last.size + (len(segment) - last.a - last.size))
    return _compare(segment, source, start, max(end, start + 1))


def _without_stray_edges(blocks: list[Match]) -> list[Match]:
    """Drop matches of a word or two at either end that lie far from the rest: a common word
    that happens to occur nearby, not part of the quotation's passage."""

    def stray(edge: Match, before: Match, after: Match) -> bool:
        quote_gap = after.a - (before.a + before.size)
        source_gap = after.b - (before.b + before.size)
        return edge.size <= 2 and source_gap > quote_gap + edge.size

    while len(blocks) > 1 and stray(blocks[0], blocks[0], blocks[1]):
        blocks = blocks[1:]
    while len(blocks) > 1 and stray(blocks[-1], blocks[-2], blocks[-1]):
        blocks = blocks[:-1]
    return blocks


def _compare(segment: Sequence[Word], source: SourceText, lo: int, hi: int) -> _Placed:
    passage = source.words(lo, hi)
    matcher = SequenceMatcher(
        None, [w.key for w in segment], [w.key for w in passage], autojunk=False
    )
    pieces: list[_Piece] = []
    matched = longest = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        draft, src = tuple(segment[i1:i2]), passage[j1:j2]
        if tag == "equal":
            pieces.extend(_equal(draft, src, at_segment_start=i1 == 0))
            own = sum(1 for w in draft if not w.bracketed)
            matched += own
            longest = max(longest, own)
        elif tag == "insert":
            pieces.append(_Piece(EditKind.DROPPED, (), src))
        elif all(w.bracketed for w in draft):
            pieces.append(_Piece(EditKind.BRACKETED, draft, src))
        elif tag == "delete":
            pieces.extend(_unmatched(draft))
        else:
            pieces.append(_Piece(EditKind.CHANGED, draft, src))
    return _Placed(lo, hi, tuple(pieces), matched, longest)


def _equal(draft: Sequence[Word], src: Sequence[Word], *, at_segment_start: bool) -> list[_Piece]:
    """Same keys; a difference of case is ignored only on a segment's first word (a quotation
    may start mid-sentence) and on a "[T]he" the writer marked."""
    pieces = []
    for i, (d, s) in enumerate(zip(draft, src, strict=True)):
        if d.recased or (i == 0 and at_segment_start) or d.text == s.text:
            kind = EditKind.BRACKETED if d.bracketed else EditKind.SAME
        else:
            kind = EditKind.CHANGED
        pieces.append(_Piece(kind, (d,), (s,)))
    return pieces


def _unmatched(words: Sequence[Word]) -> list[_Piece]:
    return [_Piece(EditKind.BRACKETED if w.bracketed else EditKind.ADDED, (w,), ()) for w in words]


def _merged(pieces: list[_Piece]) -> list[_Piece]:
    """Neighbouring pieces of the same kind joined, so the difference reads as phrases."""
    out: list[_Piece] = []
    for piece in pieces:
        if out and out[-1].kind is piece.kind and piece.kind is not EditKind.ELLIPSIS:
            prev = out[-1]
            out[-1] = _Piece(piece.kind, prev.draft + piece.draft, prev.source + piece.source)
        else:
            out.append(piece)
    return out


def _as_op(piece: _Piece, draft_text: str, source_text: str) -> DiffOp:
    """The piece as text: each side's words as written there, with the punctuation between."""
    if piece.kind is EditKind.ELLIPSIS:
        return DiffOp(piece.kind, "…", _span(piece.source, source_text))
    return DiffOp(piece.kind, _span(piece.draft, draft_text), _span(piece.source, source_text))


def _span(words: Sequence[Word], text: str) -> str:
    return " ".join(text[words[0].start : words[-1].end].split()) if words else ""
