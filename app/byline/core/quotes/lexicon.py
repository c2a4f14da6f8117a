"""The word lists quote extraction reads (cue verbs, pronouns, titles, honorifics), loaded once
per language from the package's ``data/<lang>/*.txt`` files, so a language is added as data."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TypeAlias


@dataclass(frozen=True)
class Lexicon:
    """One language's words, lower-cased except honorifics (which are matched as written)."""

    cue_forms: frozenset[str]  # every form of every speech verb: say, says, said, saying
    cue_lemma: dict[str, str]  # form -> its verb's first form
    cue_family: dict[str, frozenset[str]]  # form -> every form of its verb
    cue_phrases: tuple[str, ...]  # "according to"
    pronouns: dict[str, str]  # pronoun -> gender letter (m, f, n, p)
    honorifics: frozenset[str]
    titles: frozenset[str]  # roles that stand before a name or alone for a person
    groups: frozenset[str]  # nouns for speakers that are bodies: police, officials
    first_names: dict[str, str]  # common given name -> the gender it marks (m, f)


def _lines(lang: str, name: str) -> list[str]:
    text = resources.files("byline.core.quotes").joinpath("data", lang, name).read_text("utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@cache
def load_lexicon(lang: str = "en") -> Lexicon:
    """The lexicon of ``lang``, read from package data the first time it is asked for."""
    forms: set[str] = set()
    lemma: dict[str, str] = {}
    family: dict[str, frozenset[str]] = {}
    for line in _lines(lang, "cues.txt"):
        words = line.lower().split()
        for w in words:
            forms.add(w)
            lemma.setdefault(w, words[0])
            family[w] = frozenset(words)
    pronouns = {}
    for line in _lines(lang, "pronouns.txt"):
        word, gender = line.split()
        pronouns[word.lower()] = gender
    return Lexicon(
        cue_forms=frozenset(forms),
        cue_lemma=lemma,
        cue_family=family,
        cue_phrases=tuple(line.lower() for line in _lines(lang, "cue_phrases.txt")),
        pronouns=pronouns,
        honorifics=frozenset(_lines(lang, "honorifics.txt")),
        titles=frozenset(line.lower() for line in _lines(lang, "titles.txt")),
        groups=frozenset(line.lower() for line in _lines(lang, "group_speakers.txt")),
        first_names=dict(line.lower().split() for line in _lines(lang, "first_names.txt")),
    )


@cache
def word_set(lang: str, name: str) -> frozenset[str]:
    """A plain word list of ``lang`` (one entry a line), lower-cased."""
    return frozenset(line.lower() for line in _lines(lang, name))


_Tree: TypeAlias = dict[str, "_Tree"]  # one letter -> the words that go on with it


def alternation(words: Iterable[str]) -> str:
    """A regex that matches exactly ``words`` (taken literally), written as a tree of shared
    prefixes: ``say says said`` becomes ``sa(?:id|y(?:s|))``. The regex engine tries the
    branches of an alternation one by one, so 300 cue forms side by side cost 300 tries at
    every place a cue may stand, a tree a handful. Where one word begins another ("president",
    "president-elect") the longer is tried first, as in a list sorted longest first."""
    tree: _Tree = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _branches(tree)


def _branches(node: _Tree) -> str:
    longer = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not longer:
        return ""
    if len(longer) == 1 and "" not in node:
        return longer[0]
    # the empty branch last: a word that ends here is tried after the words it begins
    return "(?:" + "|".join(longer) + ("|)" if "" in node else ")")
