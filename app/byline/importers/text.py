"""Plain text files: decoding (UTF-8, UTF-16, legacy 8-bit), paragraphs at blank lines, and the
``<unix time> <title>`` first line that some article dumps carry."""

from __future__ import annotations

import codecs
import re
from datetime import UTC, datetime
from pathlib import Path

from byline.core.model import BlockKind, ParsedDocument
from byline.core.text import BlockText, assemble, clean_inline
from byline.importers.base import MAX_TITLE_CHARS, failure, title_from_name

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v]*\n")
# "1653254935 EXCLUSIVE Russian official reveals ..." -- a 9 or 10 digit timestamp covers
# 1973 to 2286, so an ordinary first line that starts with a number is not mistaken for one.
_UNIX_HEADER = re.compile(r"^(\d{9,10}) +(\S.*)$")
# Characters that do not occur in text people write; many of them mean the bytes are not text.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")
_SAMPLE_CHARS = 65536
_MAX_NOT_TEXT_SHARE = 0.05


class TextImporter:
    format = "text"
    suffixes: tuple[str, ...] = (".txt", ".text")

    def sniff(self, head: bytes, path: Path) -> bool:
        return looks_like_text(head)

    def parse(self, data: bytes, path: Path) -> ParsedDocument:
        return parse_plain_text(decode_text(data, path), path)


IMPORTER = TextImporter()


def looks_like_text(head: bytes) -> bool:
    """True when the first bytes of a file could be text in one of the encodings Byline reads."""
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    if _utf16_without_bom(head) is not None:
        return True
    if b"\x00" in head:
        return False
    sample = _decode_8bit(head, final=False)
    return _mostly_printable(sample)


def decode_text(data: bytes, path: Path) -> str:
    """The bytes of a text file as a str: UTF-8 (BOM or not), UTF-16 (BOM, or plainly UTF-16),
    else cp1252 / latin-1. Raises ImportFailure when the bytes are not text at all."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    utf16 = _utf16_without_bom(data[:4096])
    if utf16 is not None:
        return data.decode(utf16, errors="replace")
    if b"\x00" in data:
        raise _binary(path)
    text = _decode_8bit(data, final=True)
    if not _mostly_printable(text[:_SAMPLE_CHARS]):
        raise _binary(path)
    return text


def parse_plain_text(text: str, path: Path) -> ParsedDocument:
    """Paragraphs at blank lines; the title and publication time from a unix-time first line,
    else the first line when short, else the file name."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title: str | None = None
    published: str | None = None
    first_line, _, rest = text.lstrip("\n").partition("\n")
    header = _UNIX_HEADER.match(first_line.strip())
    if header:
        published = datetime.fromtimestamp(int(header.group(1)), UTC).isoformat()
        title = clean_inline(header.group(2))
        text = rest
    blocks = [BlockText(BlockKind.PARAGRAPH, para) for para in _PARAGRAPH_BREAK.split(text)]
    body, offsets = assemble(blocks)
    if not body:
        raise failure(path, "has no text in it.")
    if title is None:
        line = clean_inline(first_line)
        title = line if 0 < len(line) <= MAX_TITLE_CHARS else title_from_name(path)
    return ParsedDocument(
        text=body,
        blocks=offsets,
        title=title,
        format="text",
        published=published,
        source_name=path.name,
    )


def _decode_8bit(data: bytes, *, final: bool) -> str:
    """UTF-8 when the bytes are (mostly) UTF-8, else the Windows code page, else latin-1.
    ``final`` is False for a head cut at an arbitrary byte, where a split UTF-8 sequence at the
    end is not an error."""
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(data, final=final)
    except UnicodeDecodeError:
        pass
    # A UTF-8 file with a few stray bytes stays UTF-8: reading it as cp1252 would garble every
    # curly quote in it, and quotation marks are what Byline reads text for.
    lenient = data.decode("utf-8", errors="replace")
    damaged = lenient.count("\ufffd")
    if len(_NON_ASCII.findall(lenient)) >= damaged:
        return lenient
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _utf16_without_bom(head: bytes) -> str | None:
    """Returns "utf-16-le" or "utf-16-be" when the bytes look like mostly-ASCII UTF-16 without a BOM
    (every other byte zero), else None."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 8:
        return None
    pairs = len(sample) // 2
    if sample[1::2].count(0) > 0.9 * pairs and sample[0::2].count(0) < 0.1 * pairs:
        return "utf-16-le"
    if sample[0::2].count(0) > 0.9 * pairs and sample[1::2].count(0) < 0.1 * pairs:
        return "utf-16-be"
    return None


def _mostly_printable(text: str) -> bool:
    if not text:
        return True
    return len(_NOT_TEXT.findall(text)) <= _MAX_NOT_TEXT_SHARE * len(text)


def _binary(path: Path) -> Exception:
    return failure(path, "does not contain text Byline can read (it looks like binary data).")
