"""Render the one icon source, ``resources/byline.svg``, into what each installer needs: PNGs for
Linux's hicolor theme, ``byline.ico`` for Windows and ``byline.icns`` for macOS.

Qt draws the SVG (no display needed: it runs on the offscreen platform) and the two container
formats are written here, since both are a short header around PNG images; so a build needs no
image library beyond PySide6, which Byline already has. The outputs are build products, never
committed: ``python packaging/make_icons.py [OUT_DIR]`` (default ``packaging/build/icons``).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

PACKAGING_DIR = Path(__file__).resolve().parent
DEFAULT_SVG = PACKAGING_DIR.parent / "resources" / "byline.svg"
DEFAULT_OUT = PACKAGING_DIR / "build" / "icons"

# Sizes of the freedesktop hicolor theme's apps/ folders.
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# Windows picks among these for taskbar, Explorer views and the installer (256 is the largest).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Each .icns entry type and the pixel size of its PNG (the @2x types hold double the points).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of ``size`` pixels, as PNG bytes."""
    # A build tool, outside Byline's layers: the rule that keeps Qt in byline.ui does not apply.
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: TID251
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: TID251
    from PySide6.QtSvg import QSvgRenderer  # noqa: TID251

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep_alive.append(QGuiApplication([sys.argv[0]]))
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG image Qt can draw.")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 accepts the format as str at run time; its stubs only admit bytes.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


_keep_alive: list[object] = []


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding the given PNGs (Vista and later read PNG entries at any size)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory = b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + directory + b"".join(pngs[s] for s in sizes)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns with one PNG entry per type in ICNS_TYPES."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(svg: Path = DEFAULT_SVG, out: Path = DEFAULT_OUT) -> dict[str, Path]:
    """Write ``png/<size>.png``, ``byline.png`` (512 px), ``byline.ico`` and ``byline.icns``
    under ``out``; return their paths by kind ("png", "ico", "icns", "png/<size>")."""
    if not svg.is_file():
        raise SystemExit(f"The icon source {svg} is missing.")
    wanted = set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: render_png(svg, size) for size in sorted(wanted)}
    (out / "png").mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for size in PNG_SIZES:
        path = out / "png" / f"{size}.png"
        path.write_bytes(pngs[size])
        written[f"png/{size}"] = path
    outputs = {
        "png": ("byline.png", pngs[512]),
        "ico": ("byline.ico", ico_bytes({s: pngs[s] for s in ICO_SIZES})),
        "icns": ("byline.icns", icns_bytes(pngs)),
    }
    for kind, (name, data) in outputs.items():
        (out / name).write_bytes(data)
        written[kind] = out / name
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    for path in make_icons(out=target).values():
        print(path)
