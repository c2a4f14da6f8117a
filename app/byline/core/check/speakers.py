"""Whether the draft names the same speaker as the source, as far as two names can tell.

Names are compared by their words with accents, case, titles and punctuation set aside: "Ms
Melnikova", "Anna Melnikova" and "MELNIKOVA" are the same person; "Anna Melnikova" and "Anna
Okafor" are not. A speaker that is not a name (a pronoun, "a spokeswoman", nothing) cannot be
judged.
"""

from __future__ import annotations

import re
import unicodedata


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TITLES = _word_set(
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev sen senator rep gov governor "
    "president minister mayor judge gen general col colonel capt captain sgt officer chief jr sr"
)
_NOT_NAMES = _word_set(
    "a an the he she they it we i you his her their someone somebody one spokesman spokeswoman "
    "spokesperson official officials source sources"
)
_PARTICLES = _word_set("de del della der di da van von la le du dos das bin al el st")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def name_words(name: str) -> tuple[str, ...]:
    """The words of a name that identify a person, folded for comparison ("" words dropped)."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return tuple(w for w in _NAME_WORD.findall(folded.replace("’", "'")) if w not in _TITLES)


def is_name(speaker: str | None) -> bool:
    """Whether ``speaker`` looks like a person's name: a capitalised word that is not a pronoun,
    an article or a role."""
    if not speaker:
        return False
    words = _NAME_WORD.findall(speaker)
    if not words or words[0].casefold() in _NOT_NAMES:
        return False
    return any(w[0].isupper() and w.casefold() not in _NOT_NAMES | _TITLES for w in words)


def same_speaker(draft: str | None, source: str | None) -> bool | None:
    """True when the names agree, False when they clearly name different people, None when
    either is not a name and the question cannot be answered."""
    if not is_name(draft) or not is_name(source):
        return None
    assert draft is not None and source is not None
    a, b = _identifying(name_words(draft)), _identifying(name_words(source))
    if not a or not b:
        return None
    if a[-1] == b[-1]:  # the surname decides; a first name alone may stand for the person too
        return True
    if len(a) == 1 or len(b) == 1:
        single, full = (a, b) if len(a) == 1 else (b, a)
        return single[0] in full
    return False


def _identifying(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if w not in _PARTICLES) or words
