"""Rendering exported Markdown the way a reader's tool would (markdown-it-py: CommonMark plus
tables and strikethrough) and reading back its tags and text, for the export tests."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import yaml
from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WHITESPACE = re.compile(r"\s+")


@dataclass
class Rendered:
    tags: list[str] = field(default_factory=list)  # start tags, in order
    text: str = ""  # the visible text, whitespace folded

    @property
    def tag_set(self) -> set[str]:
        return set(self.tags)


# Elements whose content a browser shows as text or not at all, never as markup.
RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
RAW_TEXT |= {"noscript", "plaintext"}


class _Collector(HTMLParser):
    """Start tags and visible text, as a browser would see them: nothing inside a raw-text
    element counts (html.parser itself only knows <script> and <style> are such)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.parts: list[str] = []
        self.inside_raw: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.inside_raw:
            return
        self.tags.append(tag)
        self.parts.append(" ")
        if tag in RAW_TEXT:
            self.inside_raw = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self.inside_raw:
            self.inside_raw = None
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.inside_raw:
            self.parts.append(data)


def same_text(text: str) -> str:
    """What "the same text" means to a reader: control characters dropped, every run of
    whitespace (line breaks included) one space."""
    return _WHITESPACE.sub(" ", _CONTROL.sub("", text)).strip()


def render(markdown: str) -> Rendered:
    collector = _Collector()
    collector.feed(_MD.render(markdown))
    collector.close()
    return Rendered(collector.tags, same_text("".join(collector.parts)))


def render_html(markdown: str) -> str:
    return _MD.render(markdown)


def split_front_matter(markdown: str) -> tuple[dict[str, object], str]:
    """The front matter (as YAML tools read it) and the Markdown after it, as Obsidian and
    static-site tools split a file."""
    assert markdown.startswith("---\n"), "the file does not start with front matter"
    end = markdown.index("\n---\n", 3)
    data = yaml.safe_load(markdown[4:end])
    assert isinstance(data, dict)
    return data, markdown[end + len("\n---\n") :]
