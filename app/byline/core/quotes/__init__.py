"""Quote extraction: direct, indirect and scare quotes in a document's canonical text, with the
speaker resolved to the full name the article introduced and the cue that marks the speech.

    from byline.core.quotes import extract_quotes, EXTRACTOR_VERSION
    quotes = extract_quotes(document.text)   # list[Quote], sorted by start
"""

from typing import TYPE_CHECKING

from byline.core.quotes.corrections import apply_corrections
from byline.core.quotes.version import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from byline.core.quotes.extract import extract_quotes

__all__ = ["EXTRACTOR_VERSION", "apply_corrections", "extract_quotes"]


def __getattr__(name: str) -> object:
    # The extractor is loaded when first used, not with its version (see version.py).
    if name == "extract_quotes":
        from byline.core.quotes.extract import extract_quotes

        return extract_quotes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
