"""Reading a journalist's query: quoting, phrases, prefixes, and finding matches in a text."""

from __future__ import annotations

import pytest

from byline.store.search_query import Term, first_match, fts_expression, parse_query


def test_words_become_quoted_terms_that_are_anded() -> None:
    assert fts_expression(parse_query("mayor budget")) == '"mayor" "budget"'


def test_quoted_phrase_stays_one_term() -> None:
    assert parse_query('"central bank" rates') == [Term(("central", "bank")), Term(("rates",))]


def test_unclosed_quote_runs_to_the_end() -> None:
    assert parse_query('"central bank') == [Term(("central", "bank"))]


def test_trailing_star_is_a_prefix() -> None:
    assert fts_expression(parse_query("journ*")) == '"journ"*'


def test_apostrophe_word_is_one_phrase() -> None:
    assert fts_expression(parse_query("Putin's")) == '"Putin s"'


@pytest.mark.parametrize("query", ['"', "*", "()", ":", "  ", "^-+"])
def test_punctuation_alone_gives_no_terms(query: str) -> None:
    assert parse_query(query) == []


def test_operators_are_kept_as_plain_words() -> None:
    assert fts_expression(parse_query("a AND NEAR(b) col:x")) == '"a" "AND" "NEAR b" "col x"'


def test_first_match_respects_word_edges_and_case() -> None:
    text = "Warsaw. The war began."
    assert first_match(text, parse_query("WAR")) == text.index("war ")
    assert first_match(text, parse_query("war*")) == 0
    assert first_match(text, parse_query('"the war"')) == text.index("The war")
    assert first_match(text, parse_query("peace")) is None
