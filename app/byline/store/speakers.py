"""Who is quoted across the library: each speaker with how many quotes and documents, and one
speaker's quotes with their documents. Only quotes cached by the given extractor version count;
the reader's corrections are applied, and scare quotes and quotes marked "not a quote" left out.

Corrections are applied here in SQL, with the very rules of ``core.quotes.apply_corrections``
(matched by span; "not a quote" drops the quote; a corrected speaker replaces the extracted
one): a library-wide count cannot build every document's quotes in Python.
tests/store/test_library_speakers.py holds the two to the same answers.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from byline.core.model import SpeakerCount, SpeakerIndex, SpeakerQuote
from byline.core.speaker_names import speaker_key
from byline.store.connection import Connection
from byline.store.rows import quote_from_row

_KEY_FUNCTION = "byline_speaker_key"

# Every quote a reader counts, as it reads after their corrections.
_CORRECTED_QUOTES_SQL = """
    SELECT s.document_id, q.start, q."end", q.text, q.kind, q.cue,
        coalesce(c.speaker, q.speaker) AS speaker,
        CASE WHEN c.speaker IS NULL THEN q.speaker_start END AS speaker_start,
        CASE WHEN c.speaker IS NULL THEN q.speaker_end END AS speaker_end
    FROM quote_sets s
    JOIN quotes q ON q.set_id = s.id
    LEFT JOIN quote_corrections c
        ON c.document_id = s.document_id AND c.start = q.start AND c."end" = q."end"
    WHERE s.extractor_version = :version AND q.kind != 'scare'
        AND NOT coalesce(c.not_a_quote, 0)"""

# As in the library list's default sort: newest first, undated last.
_DOCUMENT_ORDER = "d.published IS NULL, d.published DESC, d.title COLLATE NOCASE, d.id"


def speaker_index(db: Connection, version: str) -> SpeakerIndex:
    """Every speaker with their number of quotes and of documents."""
    quotes: Counter[str] = Counter()
    documents: defaultdict[str, set[int]] = defaultdict(set)
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    unattributed_quotes, unattributed_documents = 0, set()
    # Grouped by exact spelling in SQL (few rows per document), folded here.
    rows = db.execute(
        f"""SELECT document_id, speaker, count(*) FROM ({_CORRECTED_QUOTES_SQL})
        GROUP BY document_id, speaker""",
        {"version": version},
    )
    for doc_id, speaker, count in rows:
        key = speaker_key(speaker)
        if key is None:
            unattributed_quotes += count
            unattributed_documents.add(doc_id)
            continue
        quotes[key] += count
        documents[key].add(doc_id)
        spellings[key][" ".join(speaker.split())] += count
    named = [
        SpeakerCount(_display_name(spellings[key]), quotes[key], len(documents[key]))
        for key in quotes
    ]
    named.sort(key=lambda s: (-s.quotes, (s.name or "").casefold(), s.name or ""))
    return SpeakerIndex(
        speakers=tuple(named),
        unattributed=SpeakerCount(None, unattributed_quotes, len(unattributed_documents)),
    )


def _display_name(spellings: Counter[str]) -> str:
    """The spelling most of the speaker's quotes use; on a tie the one sorting first, which
    puts capitals ("Maria Okafor") before lower case ("maria okafor")."""
    return min(spellings, key=lambda s: (-spellings[s], s))


def speaker_quotes(db: Connection, name: str | None, version: str) -> list[SpeakerQuote]:
    """The quotes of the speaker called ``name`` (any spelling that folds to the same key;
    None for the unattributed quotes), documents newest first, each in text order."""
    db.conn.create_function(_KEY_FUNCTION, 1, speaker_key, deterministic=True)
    rows = db.query(
        f"""SELECT cq.*, d.title, d.outlet, d.published FROM ({_CORRECTED_QUOTES_SQL}) cq
        JOIN documents d ON d.id = cq.document_id
        WHERE {_KEY_FUNCTION}(cq.speaker) IS :key
        ORDER BY {_DOCUMENT_ORDER}, cq.start, cq."end"
        """,
        {"version": version, "key": speaker_key(name)},
    )
    return [
        SpeakerQuote(
            document_id=r["document_id"],
            title=r["title"],
            outlet=r["outlet"],
            published=r["published"],
            quote=quote_from_row(r),
        )
        for r in rows
    ]


def documents_without_quotes(db: Connection, version: str) -> list[int]:
    """The documents this extractor version has not run on yet (never opened since a command
    line import or a restore, or read by an older version), in import order."""
    return [
        int(r[0])
        for r in db.execute(
            """SELECT d.id FROM documents d WHERE NOT EXISTS (
                SELECT 1 FROM quote_sets s
                WHERE s.document_id = d.id AND s.extractor_version = ?)
            ORDER BY d.id""",
            [version],
        )
    ]
