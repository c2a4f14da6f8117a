"""Files Byline ships beside its code (icons, the sample document).

They live in the top-level ``resources/`` folder, installed as the package ``byline.resources``, so
the same lookup works from a source checkout, an installed wheel and a frozen bundle.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

SAMPLE_DOCUMENT = "sample-russian-officer.txt"

# Every form Byline is installed in (a checkout, a wheel, the PyInstaller bundle) has the
# package's files on disk beside its __init__, so no importlib.resources (2.5 ms of start-up,
# for the window icon) is needed to find them.
_FOLDER = Path(next(iter(import_module("byline.resources").__path__)))


def resource_path(name: str) -> Path:
    """A real file system path to a bundled resource."""
    return _FOLDER / name


def resource_text(name: str) -> str:
    return resource_path(name).read_text(encoding="utf-8")


def sample_document_path() -> Path:
    return resource_path(SAMPLE_DOCUMENT)
