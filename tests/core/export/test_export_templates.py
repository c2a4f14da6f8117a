"""A reader's own template: values are escaped unless they are Markdown, filters give the
building blocks, the sandbox holds, and a broken template names its line."""

from __future__ import annotations

import pytest

from byline.core.errors import BylineError
from byline.core.export.escape import Markdown
from byline.core.export.markdown import DocumentNotes, template_context
from byline.core.export.templates import BUILTIN_TEMPLATES, builtin_template, compile_template
from byline.core.model import Document


def test_the_built_in_shapes_are_full_quotes_and_highlights() -> None:
    assert set(BUILTIN_TEMPLATES) == {"full", "quotes", "highlights"}


def test_an_unknown_built_in_name_is_refused_with_the_choices() -> None:
    with pytest.raises(BylineError, match="full, quotes, highlights"):
        builtin_template("fancy")


def test_values_are_escaped_unless_they_are_markdown() -> None:
    template = compile_template("{{ title }}\n\n{{ note }}\n", "mine.md")
    out = template.render({"title": "# *Not* a heading", "note": Markdown("*yes*")})
    assert out == "\\# \\*Not\\* a heading\n\n*yes*\n"


def test_filters_build_quotes_lists_and_yaml() -> None:
    source = (
        "---\ntitle: {{ t | yaml }}\n---\n{{ t | md }}\n\n{{ body | blockquote }}\n\n"
        "{{ body | list_item }}\n\n{{ '**raw**' | raw }}\n"
    )
    out = compile_template(source, "mine.md").render({"t": 'a: "b"', "body": "one\n\n> two"})
    assert 'title: "a: \\"b\\""' in out
    assert "> one\n>\n> \\> two" in out
    assert "- one\n\n  \\> two" in out
    assert out.endswith("**raw**\n")


def test_lists_print_as_comma_separated_escaped_values() -> None:
    out = compile_template("{{ tags }}", "mine.md").render({"tags": ("a*", "b")})
    assert out == "a\\*, b\n"


def test_a_syntax_error_names_the_line() -> None:
    with pytest.raises(BylineError, match=r"mine\.md has an error on line 3"):
        compile_template("# {{ doc.title }}\n\n{% for h in highlights %}\n", "mine.md")


def test_an_unknown_variable_names_the_line() -> None:
    template = compile_template("first\nsecond\n{{ doc.titel }}\n", "mine.md")
    with pytest.raises(BylineError, match=r"mine\.md, line 3 failed: .*titel"):
        template.render({"doc": object()})


def test_the_sandbox_refuses_python_internals() -> None:
    template = compile_template("{{ ''.__class__.__mro__ }}", "evil.md")
    with pytest.raises(BylineError, match=r"evil\.md, line 1"):
        template.render({})


def test_a_template_cannot_read_files() -> None:
    template = compile_template('{% include "/etc/passwd" %}', "evil.md")
    with pytest.raises(BylineError, match=r"evil\.md"):
        template.render({})


def test_a_user_template_can_include_a_built_in_shape() -> None:
    document = Document(
        1, "Title", "Some text.", (), "text", None, None, None, None, "2026-01-01", None, "ab" * 8
    )
    variables = template_context(DocumentNotes(document)).variables()
    mine = compile_template('{% include "quotes" %}\nMine.', "mine.md").render(variables)
    assert mine == builtin_template("quotes").render(variables) + "\nMine.\n"
