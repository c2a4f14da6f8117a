import re

from byline.core.quotes.lexicon import alternation


def test_word_alternation_matches_exactly_its_words() -> None:
    words = ["say", "says", "said", "saying", "tell", "e-mail", "editor's"]
    pattern = re.compile(alternation(words))
    assert all(pattern.fullmatch(w) for w in words)
    assert not any(pattern.fullmatch(w) for w in ["sa", "sai", "tel", "sayings", "email", "x"])


def test_word_alternation_tries_the_longer_of_two_words_first() -> None:
    # as a list sorted longest first would: "president-elect", not "president" then "-elect"
    pattern = re.compile(alternation(["president", "president-elect", "vice-president"]))
    match = pattern.match("president-elect Lee")
    assert match is not None and match.group() == "president-elect"
