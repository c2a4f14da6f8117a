"""Whatever the text, quotes are valid, sorted slices of it: messy marks never break extraction."""

import random

from byline.core.quotes import extract_quotes

_PIECES = ["“", "”", '"', "‘", "’", "'", "«", "»", "„", "said", "says", "he", "she", "The",
           "officer", "Mr.", "Ms.", "Ann Lee", "according to", ",", ".", "?", "\n", "\n\n",
           "and", "that", "told", "CNN", "a spokeswoman", "U.S.", "—", "(", ")", "said:",
           "Tabalov’s", "'90s", "don't"]


def test_quotes_are_valid_sorted_slices_of_any_text() -> None:
    rng = random.Random(7)  # fixed seed: the same texts every run
    for _ in range(500):
        size = rng.randint(0, 60)
        text = "".join(rng.choice(_PIECES) + rng.choice(["", " "]) for _ in range(size))
        quotes = extract_quotes(text)
        assert [q.start for q in quotes] == sorted(q.start for q in quotes)
        for q in quotes:
            assert 0 <= q.start < q.end <= len(text)
            assert text[q.start : q.end] == q.text


def test_empty_and_blank_texts_have_no_quotes() -> None:
    assert extract_quotes("") == []
    assert extract_quotes(" \n\n ") == []
