"""What every installer is told about Byline (packaging/metadata.py) and the icon set drawn from the
one SVG (packaging/make_icons.py): checks that need no packaging tool, so they run everywhere."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from byline import APP_ID, __version__
from byline.importers import SUPPORTED_SUFFIXES

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"byline_build_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


metadata = _load(PACKAGING / "metadata.py")
make_icons = _load(PACKAGING / "make_icons.py")


def test_installers_register_exactly_the_suffixes_the_importers_read() -> None:
    assert set(metadata.registered_suffixes()) == set(SUPPORTED_SUFFIXES)
    metadata.check_formats_match_importers()


def test_name_identifier_and_version_come_from_the_package() -> None:
    assert metadata.APP_ID == APP_ID
    assert __version__ == metadata.VERSION


def test_menu_entry_offers_every_format_and_passes_the_files_on() -> None:
    entry = metadata.desktop_entry("/usr/bin/byline")
    fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert fields["Exec"] == "/usr/bin/byline %F"
    assert fields["MimeType"].strip(";").split(";") == list(metadata.mime_types())
    assert "text/markdown" in fields["MimeType"] and "application/epub+zip" in fields["MimeType"]


def test_windows_installer_adds_open_with_for_every_suffix_without_taking_the_default() -> None:
    include = metadata.inno_setup_include()
    for suffix in SUPPORTED_SUFFIXES:
        assert f"\\{suffix}\\OpenWithProgids" in include
    # Setting a suffix key's unnamed value would make Byline the default program for it.
    assert not re.search(r'Subkey: "Software\\Classes\\\.\w+"; ', include)
    assert f'#define AppVersion "{__version__}"' in include


def test_macos_declares_byline_an_alternate_viewer_of_every_format() -> None:
    types = metadata.macos_document_types()
    assert {t["LSHandlerRank"] for t in types} == {"Alternate"}
    assert {t["CFBundleTypeRole"] for t in types} == {"Viewer"}
    extensions = {f".{e}" for t in types for e in t["CFBundleTypeExtensions"]}  # type: ignore[attr-defined]
    assert extensions == set(SUPPORTED_SUFFIXES)


def test_icon_set_is_drawn_from_the_one_svg_at_every_size(qapp: Any, tmp_path: Path) -> None:
    """``qapp`` first: the renderer must reuse the test run's QApplication, not make its own."""
    image = pytest.importorskip("PIL.Image")
    written = make_icons.make_icons(metadata.ICON_SVG, tmp_path)
    for size in make_icons.PNG_SIZES:
        with image.open(written[f"png/{size}"]) as png:
            assert png.size == (size, size)
            assert png.getextrema()[3][1] == 255  # something opaque was drawn
    with image.open(written["ico"]) as ico:
        assert ico.info["sizes"] == {(s, s) for s in make_icons.ICO_SIZES}
    with image.open(written["icns"]) as icns:
        assert icns.size == (1024, 1024)
        assert {s for s, _, _ in icns.info["sizes"]} >= {16, 32, 128, 256, 512}
