"""The Debian package, as a journalist meets it: built by packaging/linux/build_deb.sh, installed
with dpkg, started from /usr/bin/byline on a fresh X server by a user who never ran Byline, and
removed again without leaving a file behind.

Needs root (dpkg), dpkg-deb, PyInstaller, Xvfb, xwininfo and ImageMagick's import; skipped where
any is missing. Refuses to touch a byline package that was installed before it started.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
PACKAGE = "byline"
INSTALL_DIR = Path("/opt/byline")
LAUNCHER = Path("/usr/bin/byline")
INSTALLED_SAMPLE = INSTALL_DIR / "_internal/byline/resources/sample-russian-officer.txt"
# The sample's title: the window shows it once the document is open.
SAMPLE_TITLE_PART = "Russian official reveals"
WINDOW_TIMEOUT_S = 90


def _load(path: Path) -> ModuleType:
    """A build script as a module (packaging/ is not a package: its name is PyPI's)."""
    spec = importlib.util.spec_from_file_location(f"byline_build_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


metadata = _load(PACKAGING / "metadata.py")
xsession = _load(PACKAGING / "linux" / "xvfb_session.py")


def _missing_tools() -> list[str]:
    missing = [t for t in ("dpkg-deb", "dpkg", "Xvfb", "xwininfo", "import") if not shutil.which(t)]
    if importlib.util.find_spec("PyInstaller") is None:
        missing.append("PyInstaller (pip install -e '.[packaging]')")
    return missing


pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(sys.platform != "linux", reason="the .deb is built on Linux"),
    pytest.mark.skipif(
        hasattr(os, "geteuid") and os.geteuid() != 0, reason="installing a .deb needs root"
    ),
    pytest.mark.skipif(bool(_missing_tools()), reason=f"missing: {', '.join(_missing_tools())}"),
]


def _run(
    *command: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in command], capture_output=True, text=True, check=False, cwd=cwd, env=env
    )


def _is_installed() -> bool:
    status = _run("dpkg-query", "-W", "-f=${Status}", PACKAGE)
    return status.returncode == 0 and "install ok installed" in status.stdout


@pytest.fixture(scope="module")
def deb() -> Path:
    """The package, built from this checkout by the script a developer runs."""
    result = _run(
        PACKAGING / "linux" / "build_deb.sh", cwd=REPO, env={**os.environ, "PYTHON": sys.executable}
    )
    assert result.returncode == 0, result.stderr[-4000:]
    path = Path(result.stdout.strip().splitlines()[-1])
    assert path.is_file() and path.suffix == ".deb"
    return path


@pytest.fixture(scope="module")
def installed(deb: Path) -> Iterator[list[Path]]:
    """Install the package; yield the paths it put on the system; purge it afterwards."""
    if _is_installed():
        pytest.skip("a byline package is already installed; remove it (dpkg --purge byline) first")
    result = _run("dpkg", "-i", deb, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    try:
        assert result.returncode == 0, (
            f"dpkg -i failed (missing Qt system libraries? see ./dev):\n{result.stderr}"
        )
        listed = _run("dpkg-query", "-L", PACKAGE).stdout.splitlines()
        yield [Path(p) for p in listed if p.strip() and p != "/."]
    finally:
        if _is_installed() or result.returncode != 0:
            _run("dpkg", "--purge", PACKAGE)


def test_package_puts_the_app_under_opt_and_a_launcher_on_path(installed: list[Path]) -> None:
    assert os.access(INSTALL_DIR / "byline", os.X_OK)
    assert LAUNCHER.resolve() == INSTALL_DIR / "byline"
    outside = [p for p in installed if p.parts[1] not in ("opt", "usr")]
    assert outside == []
    assert INSTALLED_SAMPLE.is_file()


def test_installed_command_reports_the_package_version(installed: list[Path]) -> None:
    result = _run(LAUNCHER, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"byline {metadata.VERSION}"


def test_menu_entry_offers_byline_for_every_format_it_reads(installed: list[Path]) -> None:
    entry = Path(f"/usr/share/applications/{metadata.APP_ID}.desktop").read_text()
    fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert set(fields["MimeType"].strip(";").split(";")) == set(metadata.mime_types())
    assert fields["Exec"] == "/usr/bin/byline %F"
    icons = Path("/usr/share/icons/hicolor")
    assert (icons / "scalable/apps" / f"{fields['Icon']}.svg").is_file()
    assert (icons / "256x256/apps" / f"{fields['Icon']}.png").is_file()
    if shutil.which("desktop-file-validate"):
        check = _run("desktop-file-validate", f"/usr/share/applications/{metadata.APP_ID}.desktop")
        assert check.returncode == 0, check.stdout + check.stderr


def test_installed_app_reads_every_format_with_its_bundled_libraries(
    installed: list[Path], tmp_path: Path
) -> None:
    """Importers load their libraries lazily; a module or data file the bundle lacks shows
    only here, when the frozen app parses each format."""
    documents = _documents_of_every_format(tmp_path / "docs")
    result = _run(LAUNCHER, "--data-dir", tmp_path / "library", "import", "--json", *documents)
    assert result.returncode == 0, result.stdout + result.stderr
    outcomes = {Path(f["path"]).suffix: f["status"] for f in json.loads(result.stdout)["files"]}
    assert outcomes == {doc.suffix: "imported" for doc in documents}


def test_installed_app_opens_its_window_on_the_bundled_sample(
    installed: list[Path], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    log = tmp_path / "byline.log"
    with xsession.xvfb() as display, log.open("wb") as out:
        env = xsession.fresh_user_env(home, display)
        app = subprocess.Popen(
            [str(LAUNCHER), str(INSTALLED_SAMPLE)], env=env, stdout=out, stderr=out
        )
        try:
            title = _wait_for_window(display, app, log)
            shot = _screenshot_once_painted(display, tmp_path / "installed-byline.png")
        finally:
            app.terminate()
            app.wait(timeout=30)
    print(f"screenshot: {shot}")
    assert title.endswith("Byline")
    # The frozen app keeps its library where Byline run from source would, for the same user.
    from_source = _run(
        sys.executable,
        "-c",
        "from byline.store import default_data_dir; print(default_data_dir())",
        env=env,
    )
    assert (Path(from_source.stdout.strip()) / "library.db").is_file()


def test_purging_the_package_leaves_no_file_behind(installed: list[Path]) -> None:
    result = _run("dpkg", "--purge", PACKAGE)
    assert result.returncode == 0, result.stderr
    assert not _is_installed()
    left = [p for p in installed if p.is_symlink() or (p.exists() and not p.is_dir())]
    assert left == []
    assert not INSTALL_DIR.exists()
    assert not Path(f"/usr/share/doc/{PACKAGE}").exists()


# --- helpers --------------------------------------------------------------------------------


def _wait_for_window(display: str, app: subprocess.Popen[bytes], log: Path) -> str:
    try:
        return str(xsession.wait_for_window(display, SAMPLE_TITLE_PART, WINDOW_TIMEOUT_S, app))
    except (TimeoutError, RuntimeError) as exc:
        pytest.fail(f"{exc}; windows: {xsession.window_titles(display)}; log:\n{log.read_text()}")


def _screenshot_once_painted(display: str, path: Path) -> Path:
    """Qt maps the window before it paints it: retake the screenshot until it shows more than
    a few flat colours (text and widgets), up to a few seconds."""
    from PIL import Image

    colours = 0
    for _ in range(50):
        shot = xsession.screenshot(display, path)
        with Image.open(shot) as image:
            colours = len(image.convert("RGB").getcolors(maxcolors=1 << 20) or [])
        if colours > 64:
            return Path(shot)
        time.sleep(0.2)
    pytest.fail(f"the screen stayed nearly blank ({colours} colours): {path}")


def _documents_of_every_format(folder: Path) -> list[Path]:
    """One small document per format Byline reads, each with its own quotation (the library
    refuses a second copy of the same text)."""
    folder.mkdir()

    def said(where: str) -> str:
        return f"“We counted every ballot in the {where} twice,” said Maria Lopez, the clerk."

    (folder / "note.txt").write_text(f"Count day\n\n{said('text')}\n", encoding="utf-8")
    (folder / "note.md").write_text(f"# Count day\n\n{said('notes')}\n", encoding="utf-8")
    (folder / "page.html").write_text(
        "<!doctype html><html><head><title>Count day</title></head><body><article>"
        f"<h1>Count day</h1><p>{said('page')}</p><p>The count ended at dawn.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    docx = pytest.importorskip("docx")
    word = docx.Document()
    word.add_heading("Count day", level=1)
    word.add_paragraph(said("memo"))
    word.save(str(folder / "memo.docx"))

    epub = pytest.importorskip("ebooklib.epub")
    book = epub.EpubBook()
    book.set_identifier("byline-packaging-test")
    book.set_title("Count day")
    book.set_language("en")
    chapter = epub.EpubHtml(title="One", file_name="one.xhtml", lang="en")
    chapter.content = f"<h1>Count day</h1><p>{said('book')}</p>"
    book.add_item(chapter)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", chapter]
    epub.write_epub(str(folder / "book.epub"), book)

    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    pdf = canvas.Canvas(str(folder / "report.pdf"))
    pdf.drawString(72, 760, "Count day")
    pdf.drawString(72, 740, '"We counted every ballot in the report twice," said Maria Lopez.')
    pdf.save()
    return sorted(folder.iterdir())
