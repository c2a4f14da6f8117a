"""Guards for zip-based formats (EPUB, DOCX): refuse archives that would unpack to an absurd
size (zip bombs), judged from the archive's directory before anything is decompressed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from byline.importers.base import failure

MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
# Below this much content no compression ratio is dangerous, and small repetitive files can
# legitimately compress very well.
_RATIO_CHECK_FROM_BYTES = 10 * 1024 * 1024


def check_archive_size(data: bytes, path: Path, kind: str) -> frozenset[str]:
    """The archive's member names, after refusing it when its members add up to more than
    500 MB or to more than 100 times the archive's size. ``kind`` names the format in the
    message for an archive that cannot be read at all ("this EPUB")."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise failure(path, f"is damaged or incomplete; Byline cannot read {kind}.") from exc
    total = sum(info.file_size for info in members)
    too_big = total > MAX_UNCOMPRESSED_BYTES
    too_dense = total > _RATIO_CHECK_FROM_BYTES and total > MAX_COMPRESSION_RATIO * len(data)
    if too_big or too_dense:
        raise failure(
            path,
            f"would unpack to {total // (1024 * 1024)} MB, far more than any document; "
            "Byline refuses to open it.",
        )
    return frozenset(info.filename for info in members)
