"""Pairing quotation marks into quoted spans: curly, straight, guillemets and low-high marks,
single quotes nested in double ones, apostrophes told apart from quotation marks, and the
unpaired marks of badly typed or machine-translated text."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Paragraphs are separated by line breaks; a quote never pairs across one (a quotation that runs
# over several paragraphs repeats its opening mark at each paragraph start instead).
PARAGRAPH = re.compile(r"[^\n]+")
_DOUBLE_MARKS = "“”\"„«»‟"
_SINGLE_MARKS = "‘’'‚‹›"
_MARK = re.compile(f"[{_DOUBLE_MARKS}{_SINGLE_MARKS}]")
_OPENERS_BEFORE = set(" \t([{—–-/:;,\u00a0") | {""}
_NESTED_MAX_WORDS = 4  # a quotation inside a quotation is a word or a short phrase
_SPACE_AFTER = set(" \t\n.,;:!?)]}—–-\u00a0") | {""}


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Quoted words with their marks, ``text[start:end]``. ``opened`` / ``closed`` say whether
    the opening and closing marks are really there (missing ones happen in careless text)."""

    start: int
    end: int
    opened: bool
    closed: bool
    single: bool = False  # in single marks ‘ ’ at the top level (headlines, scare terms)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t":
        end -= 1
    return end


def _trim_start(text: str, start: int, end: int) -> int:
    while start < end and text[start] in " \t":
        start += 1
    return start


def _can_open(text: str, i: int, ch: str, opener: str | None) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if ch in "“„‟«":
        return True
    if ch == "»":  # German »...« style opens with »
        return after not in _SPACE_AFTER or before in _OPENERS_BEFORE
    if ch == "”":  # Swedish style, or a typo: ” used as an opening mark before a word
        return before in _OPENERS_BEFORE and after not in _SPACE_AFTER
    # straight ": an opening mark stands before a word, never before a space; one with a
    # space on both sides (a typo: 'would " provide supply."') opens when none is open
    return after not in _SPACE_AFTER or (before in " \t" and after in " \t")


def _can_close(text: str, i: int, ch: str, opener: str) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if ch in "”»":
        return True
    if ch == "«":
        return opener == "»"
    if ch == "“":  # closes a German „...“ quote, or a typo'd closing mark after a word
        return opener == "„" or (before not in _OPENERS_BEFORE and after in _SPACE_AFTER)
    if ch in "„‟":
        return False
    # straight ": closes unless it clearly starts a word
    return not (before in _OPENERS_BEFORE and after not in _SPACE_AFTER)


def _double_spans(text: str, ps: int, pe: int, marks: list[int]) -> list[QuotedSpan]:
    """The double-quoted spans of the paragraph ``text[ps:pe]``, from where its double marks
    are (``marks``, in order)."""
    spans: list[QuotedSpan] = []
    pending: int | None = None
    for i in marks:
        ch = text[i]
        if pending is None:
            if _can_open(text, i, ch, None):
                pending = i
            else:
                # A closing mark with no opening one (lost in translation or typing): the
                # quote runs from the paragraph's start, and a few words paired before it
                # were a quotation inside the quotation; after a full quotation, it runs
                # from there instead.
                nested = all(len(text[sp.start : sp.end].split()) <= _NESTED_MAX_WORDS
                             for sp in spans)
                s = _trim_start(text, ps if nested else spans[-1].end, i)
                if s < i:
                    if nested:
                        spans = []
                    spans.append(QuotedSpan(s, i + 1, False, True))
        elif _can_close(text, i, ch, text[pending]):
            spans.append(QuotedSpan(pending, i + 1, True, True))
            pending = None
        else:
            # A second opening mark: the first quote lost its closing mark.
            e = _trim_end(text, pending, i)
            spans.append(QuotedSpan(pending, e, True, False))
            pending = i
    if pending is not None:
        e = _trim_end(text, pending, pe)
        if e - pending > 1:
            spans.append(QuotedSpan(pending, e, True, False))
    return spans


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isalnum() and after.isalnum():
        return True  # don't, Tabalov's, rock'n'roll
    return before in _OPENERS_BEFORE and after.isdigit()  # the '90s


def _single_spans(text: str, marks: list[int]) -> list[QuotedSpan]:
    """Top-level single-quoted spans of a stretch outside double quotes, from where its single
    marks are (``marks``, in order)."""
    spans: list[QuotedSpan] = []
    pending: int | None = None
    for i in marks:
        ch = text[i]
        if _is_apostrophe(text, i):
            continue
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        opens = ch in "‘‚‹'" and before in _OPENERS_BEFORE and after not in _SPACE_AFTER
        closes = ch in "’›'" and before not in " \t" and after in _SPACE_AFTER
        if pending is not None and closes and i - pending < 300:
            spans.append(QuotedSpan(pending, i + 1, True, True, single=True))
            pending = None
        elif opens:
            pending = i
    return spans


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted span in ``text`` in order: double-quoted spans (with any single quotes nested
    inside them left alone) and top-level single-quoted spans between them."""
    out: list[QuotedSpan] = []
    # every mark found in one pass; only the paragraphs that have one are read
    marks = [m.start() for m in _MARK.finditer(text)]
    k = 0
    while k < len(marks):
        ps = text.rfind("\n", 0, marks[k]) + 1
        pe = text.find("\n", marks[k])
        pe = len(text) if pe < 0 else pe
        first = k
        while k < len(marks) and marks[k] < pe:
            k += 1
        doubles = [i for i in marks[first:k] if text[i] in _DOUBLE_MARKS]
        singles = [i for i in marks[first:k] if text[i] in _SINGLE_MARKS]
        pos = ps
        for d in _double_spans(text, ps, pe, doubles):
            if d.start > pos:
                out.extend(_single_spans(text, _within(singles, pos, d.start)))
            out.append(d)
            pos = d.end
        if pos < pe:
            out.extend(_single_spans(text, _within(singles, pos, pe)))
    return out


def _within(marks: list[int], start: int, end: int) -> list[int]:
    return marks[bisect.bisect_left(marks, start) : bisect.bisect_left(marks, end)]
