"""Quote extraction: direct, indirect and scare quotes in a document's canonical text, with the
speaker resolved to the full name the article introduced and the cue that marks the speech.

    from byline.core.quotes import extract_quotes, EXTRACTOR_VERSION
    quotes = extract_quotes(document.text)   # list[Quote], sorted by start
"""

from byline.core.quotes.corrections import apply_corrections
from byline.core.quotes.extract import EXTRACTOR_VERSION, extract_quotes

__all__ = ["EXTRACTOR_VERSION", "apply_corrections", "extract_quotes"]
