"""The only code that speaks SQL: the Library (one SQLite file per reader) and its schema."""

from byline.store.library import Library, default_data_dir, open_library
from byline.store.rows import content_hash

__all__ = ["Library", "content_hash", "default_data_dir", "open_library"]
