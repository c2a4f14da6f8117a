"""The library's SQLite connection as the store uses it: the few calls its queries make
(``execute``, ``query``, ``rollback``, ``table_names``, ``enable_wal``), spelt and behaving as on
sqlite-utils' ``Database``, and that ``Database`` itself over the same connection (``utils``) for
what needs sqlite-utils: migrations and bulk inserts.

Opening a library and reading it need nothing but the sqlite3 module, and importing sqlite-utils
takes ~60 ms, longer than everything else the window does before it first paints; so sqlite-utils
is imported when ``utils`` is first used, not when a library is opened.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from byline.store.rows import Row

if TYPE_CHECKING:
    from sqlite_utils import Database


Parameters = Sequence[Any] | Mapping[str, Any]  # positional (?) or named (:name)


class Connection:
    def __init__(self, conn: sqlite3.Connection) -> None:
        # No implicit transactions from the driver: every write of the store runs in one it
        # begins itself (BEGIN IMMEDIATE), and a statement outside one is committed at once, as
        # sqlite-utils' execute() does.
        conn.isolation_level = None
        self.conn = conn

    @functools.cached_property
    def utils(self) -> Database:
        """sqlite-utils' Database over this connection (imported on first use, see above)."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    def execute(self, sql: str, parameters: Parameters = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def query(self, sql: str, parameters: Parameters = ()) -> Iterator[Row]:
        """The rows of a SELECT as dicts keyed by column name."""
        cursor = self.conn.execute(sql, parameters)
        keys = [column[0] for column in cursor.description]
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def rollback(self) -> None:
        """Undo the open transaction; nothing when none is open (an error may have ended it)."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def table_names(self) -> list[str]:
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return [str(r[0]) for r in rows]

    def enable_wal(self) -> None:
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = wal")

    def close(self) -> None:
        self.conn.close()
