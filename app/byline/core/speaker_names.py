"""Which spellings of a speaker's name are one speaker across the library: the one rule the
store's counts and the Speakers view's rows both go by."""

from __future__ import annotations


def speaker_key(name: str | None) -> str | None:
    """What two spellings of one speaker have in common: the name with its whitespace folded
    and its case ignored; None for no name (unattributed).

    Only that is folded. The extractor already names a speaker in full wherever the article
    introduced them ("Okafor" is quoted as "Maria Okafor"), so what differs between documents
    is mostly typing: "maria okafor" in a reader's correction, a line break inside a name.
    Looser matching (surnames alone, initials, accents dropped) would merge different people,
    "Smith" of one story with "Smith" of another, and a quote put in the wrong mouth is worse
    for a journalist than one speaker shown twice."""
    if name is None:
        return None
    key = " ".join(name.split()).casefold()
    return key or None
