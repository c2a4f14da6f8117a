"""Byline's installer metadata in one place: name, identifier, version, publisher, the icon's
source and the document formats an installer registers "Open with Byline" for.

Name, identifier and version come from the installed ``byline`` package; the suffixes come from
its importers, so a new format shows up in every installer. Used by the PyInstaller spec and,
through ``python packaging/metadata.py FIELD``, by the build scripts of each platform.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import byline
from byline.importers import SUPPORTED_SUFFIXES

PACKAGING_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGING_DIR.parent
RESOURCES_DIR = REPO_DIR / "resources"
ICON_SVG = RESOURCES_DIR / "byline.svg"
# Build outputs: generated icons, PyInstaller's work and dist folders, the installers.
BUILD_DIR = PACKAGING_DIR / "build"
DIST_DIR = PACKAGING_DIR / "dist"

APP_NAME: str = byline.APP_NAME
APP_ID: str = byline.APP_ID
VERSION: str = byline.__version__
# Lower-case name of the executable, the Debian package and the install folder.
EXECUTABLE = "byline"
PUBLISHER = "The Byline developers"
SUMMARY = "Offline reading app for journalists"
DESCRIPTION = (
    "Read source documents, highlight them, write notes, and see every direct quotation "
    "with its speaker. Everything stays on this computer."
)
CATEGORIES = ("Office", "Viewer")


@dataclass(frozen=True)
class DocumentFormat:
    """One kind of file Byline opens, as each platform's installer needs to name it."""

    suffixes: tuple[str, ...]
    mime_type: str
    uti: str  # macOS Uniform Type Identifier
    description: str


FORMATS: tuple[DocumentFormat, ...] = (
    DocumentFormat((".txt", ".text"), "text/plain", "public.plain-text", "Plain text"),
    DocumentFormat(
        (".md", ".markdown"), "text/markdown", "net.daringfireball.markdown", "Markdown"
    ),
    DocumentFormat((".html", ".htm"), "text/html", "public.html", "Web page"),
    DocumentFormat((".xhtml",), "application/xhtml+xml", "public.xhtml", "Web page (XHTML)"),
    DocumentFormat((".pdf",), "application/pdf", "com.adobe.pdf", "PDF document"),
    DocumentFormat((".epub",), "application/epub+zip", "org.idpf.epub-container", "EPUB e-book"),
    DocumentFormat(
        (".docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "org.openxmlformats.wordprocessingml.document",
        "Word document",
    ),
)


def registered_suffixes() -> tuple[str, ...]:
    return tuple(sorted(s for f in FORMATS for s in f.suffixes))


def mime_types() -> tuple[str, ...]:
    return tuple(f.mime_type for f in FORMATS)


def check_formats_match_importers() -> None:
    """Fail the build when the importers read a suffix no installer registers, or the other way
    round, instead of shipping an installer that silently lacks "Open with" for it."""
    if set(registered_suffixes()) != set(SUPPORTED_SUFFIXES):
        raise SystemExit(
            "packaging/metadata.py FORMATS lists "
            f"{', '.join(registered_suffixes())} but the importers read "
            f"{', '.join(SUPPORTED_SUFFIXES)}; update FORMATS."
        )


def debian_version() -> str:
    """The package version in Debian's spelling (a local version's '+' stays, '-' would
    start a Debian revision)."""
    return VERSION.replace("-", "~")


def desktop_entry(exec_path: str, icon: str = EXECUTABLE) -> str:
    """A freedesktop.org .desktop file: a menu entry, and "Open with Byline" in file managers
    for every format Byline reads."""
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            f"Name={APP_NAME}",
            f"GenericName={SUMMARY}",
            f"Comment={DESCRIPTION}",
            f"Exec={exec_path} %F",
            f"Icon={icon}",
            "Terminal=false",
            f"Categories={';'.join(CATEGORIES)};",
            f"MimeType={';'.join(mime_types())};",
            "Keywords=quotes;quotations;highlight;notes;journalism;reader;",
            "",
        ]
    )


def macos_document_types() -> list[dict[str, object]]:
    """CFBundleDocumentTypes for Info.plist: Byline is an alternate viewer, never the default."""
    return [
        {
            "CFBundleTypeName": f.description,
            "CFBundleTypeRole": "Viewer",
            "LSHandlerRank": "Alternate",
            "LSItemContentTypes": [f.uti],
            "CFBundleTypeExtensions": [s.lstrip(".") for s in f.suffixes],
        }
        for f in FORMATS
    ]


def inno_setup_include() -> str:
    """What packaging/windows/byline.iss includes: the name, version and identifier as
    preprocessor defines, and a registry entry per suffix that puts Byline under "Open with"
    without taking over the default program (the script itself holds no copy of either)."""
    prog_id = f"{APP_NAME}.Document"
    exe = f"{EXECUTABLE}.exe"
    lines = [
        f'#define AppName "{APP_NAME}"',
        f'#define AppId "{APP_ID}"',
        f'#define AppVersion "{VERSION}"',
        f'#define AppPublisher "{PUBLISHER}"',
        f'#define AppExe "{exe}"',
        f'#define ProgId "{prog_id}"',
        "",
        "[Registry]",
    ]
    key = "Software\\Classes"
    for suffix in registered_suffixes():
        lines.append(
            f'Root: HKA; Subkey: "{key}\\{suffix}\\OpenWithProgids"; ValueType: string; '
            f'ValueName: "{prog_id}"; ValueData: ""; Flags: uninsdeletevalue'
        )
        lines.append(
            f'Root: HKA; Subkey: "{key}\\Applications\\{exe}\\SupportedTypes"; '
            f'ValueType: string; ValueName: "{suffix}"; ValueData: ""; Flags: uninsdeletekey'
        )
    return "\n".join(lines) + "\n"


FIELDS = {
    "name": lambda: APP_NAME,
    "id": lambda: APP_ID,
    "version": lambda: VERSION,
    "debian-version": debian_version,
    "executable": lambda: EXECUTABLE,
    "summary": lambda: SUMMARY,
    "description": lambda: DESCRIPTION,
    "publisher": lambda: PUBLISHER,
    "icon-svg": lambda: str(ICON_SVG),
    "build-dir": lambda: str(BUILD_DIR),
    "dist-dir": lambda: str(DIST_DIR),
    "desktop-entry": lambda: desktop_entry(f"/usr/bin/{EXECUTABLE}"),
    "inno-include": inno_setup_include,
}


def main(argv: list[str]) -> int:
    """``metadata.py FIELD [--out FILE]``: print a field, or write it to FILE as UTF-8 (Windows
    shells re-encode redirected output)."""
    out = None
    if len(argv) == 3 and argv[1] == "--out":
        out, argv = Path(argv[2]), argv[:1]
    if len(argv) != 1 or argv[0] not in FIELDS:
        print(f"usage: metadata.py {{{','.join(FIELDS)}}} [--out FILE]", file=sys.stderr)
        return 2
    check_formats_match_importers()
    text = FIELDS[argv[0]]().rstrip("\n") + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
