"""The words a quotation check compares, with typography normalised away.

Quotation marks, dashes, other punctuation and whitespace are not words, so they never count as a
difference; curly and straight apostrophes are the same. In a draft's quotation, an ellipsis
("...", "…", ". . .", "[…]") marks words the writer cut, and words in [square brackets] are the
writer's own: both are recorded so the check can call them the legitimate edits they are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A word: letters and digits, joined across an apostrophe (don't) or a digit separator (1,000).
_WORD = re.compile(r"\w+(?:(?:['’](?=\w)|(?<=\d)[.,](?=\d))\w+)*")
_ELLIPSIS = r"\[\s*(?:…|(?:\.\s?){2}\.)\s*\]|…|(?:\.\s?){2}\."
# In a draft: an ellipsis, a bracketed insertion, or a word (possibly "[T]he": a bracketed letter
# that changes the case of the word it starts).
_DRAFT_TOKEN = re.compile(
    rf"(?P<ellipsis>{_ELLIPSIS})"
    r"|\[(?P<capital>\w)\](?P<rest>\w+(?:['’]\w+)*)"
    r"|\[(?P<insertion>[^\[\]]*)\]"
    rf"|(?P<word>{_WORD.pattern})"
)


@dataclass(frozen=True)
class Word:
    """One word: its comparison key, as written, where it is, and whether the draft's writer put
    it in square brackets (their own word, not the speaker's)."""

    key: str  # case-folded, NFKC, straight apostrophe
    text: str  # as written, apostrophe straightened
    start: int
    end: int
    bracketed: bool = False
    recased: bool = False  # "[T]he": only the bracketed first letter differs from the source


@dataclass(frozen=True)
class QuoteWords:
    """A draft quotation's words in segments: an ellipsis ends one segment and starts the next."""

    text: str  # the quotation as the draft has it
    segments: tuple[tuple[Word, ...], ...]
    leading_ellipsis: bool = False
    trailing_ellipsis: bool = False

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(w for segment in self.segments for w in segment)

    @property
    def spoken(self) -> tuple[Word, ...]:
        """The words the quotation attributes to the speaker (bracketed ones are the writer's)."""
        return tuple(w for w in self.words if not w.bracketed)


def _normal(text: str) -> str:
    text = text.replace("’", "'")
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def _word(raw: str, start: int, end: int, *, bracketed: bool = False) -> Word:
    text = _normal(raw)
    return Word(text.casefold(), text, start, end, bracketed)


def word_keys(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The comparison keys of ``text``'s words and where each word is: all a source needs to
    be searched (made fast, since every candidate document goes through it)."""
    plain = text.replace("’", "'")  # same length, so offsets hold
    spans = [m.span() for m in _WORD.finditer(plain)]
    if plain.isascii():
        return _WORD.findall(plain.lower()), spans
    words = _WORD.findall(plain)
    return [w.lower() if w.isascii() else _normal(w).casefold() for w in words], spans


def quote_words(quotation: str) -> QuoteWords:
    """The words of a draft's quotation, split at its ellipses, bracketed words marked."""
    segments: list[list[Word]] = [[]]
    leading = trailing = False
    for m in _DRAFT_TOKEN.finditer(quotation):
        if m.group("ellipsis") is not None:
            if not any(segments):
                leading = True
            elif segments[-1]:
                segments.append([])
            trailing = True
            continue
        trailing = False
        if m.group("capital") is not None:
            raw = m.group("capital") + m.group("rest")
            word = _word(raw, m.start(), m.end())
            segments[-1].append(
                Word(word.key, word.text, word.start, word.end, bracketed=False, recased=True)
            )
        elif m.group("insertion") is not None:
            base = m.start("insertion")
            for inner in _WORD.finditer(m.group("insertion")):
                segments[-1].append(
                    _word(inner.group(), base + inner.start(), base + inner.end(), bracketed=True)
                )
        else:
            segments[-1].append(_word(m.group(), m.start(), m.end()))
    kept = tuple(tuple(s) for s in segments if s)
    return QuoteWords(
        quotation, kept, leading_ellipsis=leading, trailing_ellipsis=trailing and bool(kept)
    )
