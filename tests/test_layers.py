"""The layers point one way: these tests read the source and fail on an import that crosses."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "app" / "byline"

# module prefix -> the only sub-packages allowed to import it
OWNERS = {
    "PySide6": ("ui",),
    "shiboken6": ("ui",),
    "sqlite3": ("store",),
    "sqlite_utils": ("store",),
    "pypdf": ("importers",),
    "ebooklib": ("importers",),
    "docx": ("importers",),
    "trafilatura": ("importers",),
    "nh3": ("importers",),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_only_what_its_layer_may(path: Path) -> None:
    layer = path.relative_to(PACKAGE).parts[0]
    for module in imported_modules(path):
        top = module.split(".")[0]
        owners = OWNERS.get(top)
        assert owners is None or layer in owners, f"{path.name} imports {module}"
        if layer == "core":
            assert not module.startswith(("byline.store", "byline.importers", "byline.ui")), (
                f"core module {path.name} imports {module}"
            )


def test_every_package_is_listed_for_the_wheel() -> None:
    """Folders of code and folders of data alike (the extractor's word lists): setuptools ships
    only what is listed, and warns of the rest."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {
        p.parent
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and ".egg-info" not in str(p)
    }
    found = {
        "byline." + ".".join(f.relative_to(PACKAGE).parts) if f != PACKAGE else "byline"
        for f in folders
    }
    assert found <= listed, f"add to pyproject's packages: {sorted(found - listed)}"


def imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def test_cached_quotes_meet_the_readers_corrections_only_in_workflows() -> None:
    """The window and the command line show a document's quotes as ``workflows`` corrects
    them, not with a copy of those lines of their own that could drift from it."""
    applying = {
        str(path.relative_to(PACKAGE))
        for path in sources()
        if path.relative_to(PACKAGE).parts[0] != "core"
        and "apply_corrections" in imported_names(path)
    }
    assert applying == {"workflows.py"}
