"""Exports, free of Qt and SQL: one document's notes as Markdown through a template, safe file
names for a folder of them, and the versioned JSON backup format.

    from byline.core.export import DocumentNotes, builtin_template, render_document
    markdown = render_document(DocumentNotes(document, note, highlights, quotes),
                               builtin_template("full"))
"""

from byline.core.export.backup import (
    BackupDocument,
    BackupError,
    RestoreReport,
    backup_json,
    parse_backup,
)
from byline.core.export.filenames import UniqueNames, safe_filename
from byline.core.export.markdown import (
    DocumentNotes,
    render_document,
    render_documents,
    render_highlight,
)
from byline.core.export.templates import (
    BUILTIN_TEMPLATES,
    ExportTemplate,
    builtin_template,
    compile_template,
)

__all__ = [
    "BUILTIN_TEMPLATES",
    "BackupDocument",
    "BackupError",
    "DocumentNotes",
    "ExportTemplate",
    "RestoreReport",
    "UniqueNames",
    "backup_json",
    "builtin_template",
    "compile_template",
    "parse_backup",
    "render_document",
    "render_documents",
    "render_highlight",
    "safe_filename",
]
