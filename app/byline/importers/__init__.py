"""Importers: the only code that parses files. One module per format, one registry.

parse_file(path) -> ParsedDocument          raises ImportFailure with a one-line message
iter_importable(paths) -> Iterator[Path]    files as given, folders searched recursively
sniff_format(path, head) -> str | None      "text", "markdown", "html", "pdf", "epub", "docx"
"""

from byline.importers.registry import (
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    iter_importable,
    parse_file,
    sniff_format,
)

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "iter_importable", "parse_file", "sniff_format"]
