"""The only code that speaks SQL: the Library (one SQLite file per reader) and its schema."""

from byline.store.library import (
    LIBRARY_FILE,
    Library,
    back_up_if_due,
    default_data_dir,
    library_folder,
    open_library,
)
from byline.store.rows import content_hash

__all__ = [
    "LIBRARY_FILE",
    "Library",
    "back_up_if_due",
    "content_hash",
    "default_data_dir",
    "library_folder",
    "open_library",
]
