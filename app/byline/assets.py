"""Files Byline ships beside its code (icons, style sheets, the sample document).

They live in the top-level ``resources/`` folder, installed as the package ``byline.resources``, so
the same lookup works from a source checkout, an installed wheel and a frozen bundle.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

SAMPLE_DOCUMENT = "sample-russian-officer.txt"


def resource_path(name: str) -> Path:
    """A real file system path to a bundled resource (all of Byline's install forms unpack
    resources onto disk, so the path stays valid after the context manager closes)."""
    with as_file(files("byline.resources").joinpath(name)) as path:
        return Path(path)


def resource_text(name: str) -> str:
    return files("byline.resources").joinpath(name).read_text(encoding="utf-8")


def sample_document_path() -> Path:
    return resource_path(SAMPLE_DOCUMENT)
