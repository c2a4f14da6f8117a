"""Export templates: the built-in shapes (full, quotes, highlights) and the reader's own files, in
Jinja's sandboxed template language.

Every ``{{ value }}`` is escaped as Markdown unless it already is Markdown (the note, the front
matter, the output of the ``blockquote``, ``list_item``, ``paragraphs`` and ``md`` filters), so a
template cannot turn a document's text into structure by accident. ``raw`` opts out.
"""

from __future__ import annotations

import types
from collections.abc import Mapping, Sequence

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from byline.core.errors import BylineError
from byline.core.export.escape import (
    Markdown,
    block_quote,
    escape_inline,
    escape_paragraphs,
    list_item,
)
from byline.core.export.front_matter import yaml_string

_HEAD = """\
{% if front_matter %}
{{ front_matter }}

{% endif %}
# {{ doc.title }}

{% if byline %}
{{ byline }}

{% endif %}
"""

_NOTE = """\
{% if note %}
## Note

{{ note }}

{% endif %}
"""

_QUOTES = """\
{% if speakers %}
## Quotes

{% for group in speakers %}
### {{ group.speaker }}

{% for q in group.quotes %}
{{ q.text | list_item(suffix=" — " ~ q.location ~ ("" if q.direct else ", reported")) }}
{% endfor %}

{% endfor %}
{% endif %}
"""

_HIGHLIGHTS = """\
{% if highlights %}
## Highlights

{% for h in highlights %}
{{ h.text | blockquote }}

*{{ h.label }}*

{% if h.note %}
{{ h.note }}

{% endif %}
{% endfor %}
{% endif %}
"""

BUILTIN_TEMPLATES: Mapping[str, str] = types.MappingProxyType(
    {
        "full": _HEAD + _NOTE + _QUOTES + _HIGHLIGHTS,
        "quotes": _HEAD + _QUOTES,
        "highlights": _HEAD + _HIGHLIGHTS,
    }
)


def _finalize(value: object) -> str:
    """What ``{{ value }}`` writes: Markdown as it is, anything else escaped."""
    if isinstance(value, Markdown):
        return value
    if value is None:
        return ""
    if isinstance(value, str):
        return escape_inline(value)
    if isinstance(value, Sequence):
        return ", ".join(_finalize(v) for v in value)
    return escape_inline(str(value))


def _yaml(value: object) -> Markdown:
    return Markdown(yaml_string("" if value is None else str(value)))


def _environment(kind: type[jinja2.Environment]) -> jinja2.Environment:
    env = kind(
        loader=jinja2.DictLoader(dict(BUILTIN_TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        md=escape_inline,
        blockquote=block_quote,
        paragraphs=escape_paragraphs,
        list_item=list_item,
        yaml=_yaml,
        raw=Markdown,
    )
    return env


# The built-in shapes are Byline's own code and skip the sandbox's checks on every attribute
# (a third of the time of a large export); a reader's template always runs sandboxed.
_BUILTIN_ENV = _environment(jinja2.Environment)
_SANDBOX_ENV = _environment(SandboxedEnvironment)


class ExportTemplate:
    """A compiled template; ``render`` turns a document's template variables into Markdown."""

    def __init__(self, name: str, template: jinja2.Template) -> None:
        self.name = name
        self._template = template

    def render(self, variables: Mapping[str, object]) -> str:
        try:
            out = self._template.render(variables)
        except (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError) as exc:
            line = _template_line(exc)
            where = f", line {line}" if line else ""
            raise BylineError(f"The template {self.name}{where} failed: {_message(exc)}") from exc
        return out.rstrip() + "\n"


def builtin_template(name: str) -> ExportTemplate:
    """One of the built-in shapes; raises BylineError for an unknown name."""
    if name not in BUILTIN_TEMPLATES:
        choices = ", ".join(BUILTIN_TEMPLATES)
        raise BylineError(f"There is no built-in template “{name}” (choose {choices}).")
    return ExportTemplate(name, _BUILTIN_ENV.get_template(name))


def compile_template(source: str, name: str) -> ExportTemplate:
    """A reader's template from its text; ``name`` (its file name) is used in error messages.
    A syntax error raises BylineError naming the line."""
    try:
        return ExportTemplate(name, _SANDBOX_ENV.from_string(source))
    except jinja2.TemplateSyntaxError as exc:
        raise BylineError(
            f"The template {name} has an error on line {exc.lineno}: {_message(exc)}"
        ) from exc
    except jinja2.TemplateError as exc:
        raise BylineError(f"The template {name} cannot be used: {_message(exc)}") from exc


def _message(exc: BaseException) -> str:
    text = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else str(exc)
    text = " ".join(text.split()) or type(exc).__name__
    return text if text.endswith(".") else text + "."


def _template_line(exc: BaseException) -> int | None:
    # Jinja rewrites tracebacks so that template code shows as frames of "<template>" with the
    # template's own line numbers; the innermost one is where the template failed.
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
