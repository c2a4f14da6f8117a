"""Checking a draft's quotations against their sources, without Qt or a database: words with
typography normalised away, placing a quotation in a source text, the word-level difference, and
the verdict.

    from byline.core.check import SourceText, align, quote_words
    alignment = align(quote_words("“We will ... win [the vote].”"), SourceText.of(source_text))
"""
