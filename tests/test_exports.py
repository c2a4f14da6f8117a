"""Exports from a real library: the bundled sample with highlights, notes and tags to Markdown
files and folders, choosing documents, refusing to overwrite, templates from files, copying as
Markdown, and the JSON backup restored without loss or duplicates."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, tzinfo
from pathlib import Path

import pytest

import byline.exports
from byline.assets import sample_document_path
from byline.core.errors import BylineError, NotFound
from byline.core.model import BlockKind, ParsedDocument, QuoteCorrection
from byline.core.quotes import EXTRACTOR_VERSION
from byline.core.text import BlockText, assemble
from byline.exports import (
    backup_documents,
    copy_markdown,
    export_json,
    export_markdown,
    highlight_markdown,
    import_backup,
    markdown_targets,
    select_documents,
)
from byline.importers import parse_file
from byline.store import Library
from byline.workflows import document_quotes, library_documents
from export_rendering import render, render_html, same_text, split_front_matter

HOSTILE_NOTE = (
    "My *own* note.\n\n---\ntitle: not front matter\n---\n\n"
    "<!-- never closed\n\n```\nnor this fence"
)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "library.db")
    yield lib
    lib.close()


def add_text(library: Library, title: str, *paragraphs: str) -> int:
    text, blocks = assemble(BlockText(BlockKind.PARAGRAPH, p) for p in paragraphs)
    doc_id, _ = library.add_document(ParsedDocument(text, blocks, title, "text"))
    return doc_id


@pytest.fixture
def sample(library: Library) -> int:
    """The bundled sample with a note, tags, highlights (one over two paragraphs, one with a
    hostile note) and a quote correction."""
    doc_id, _ = library.add_document(parse_file(sample_document_path()))
    document = library.get_document(doc_id)
    library.set_document_tags(doc_id, ["Russia", "war: Ukraine"])
    library.set_note(doc_id, HOSTILE_NOTE)
    text = document.text
    start = text.index("We were dirty and tired")
    library.add_highlight(doc_id, start, start + len("We were dirty and tired"), note="Key line.")
    second = document.blocks[5]
    library.add_highlight(
        doc_id, document.blocks[4].start, second.end, color="blue", tags=["morale"], note="# Mine"
    )
    first_direct = next(q for q in document_quotes(library, doc_id) if q.kind == "direct")
    library.set_quote_correction(
        QuoteCorrection(doc_id, first_direct.start, first_direct.end, speaker="Ivan Officer")
    )
    return doc_id


# ------------------------------------------------------------------------------ Markdown


def test_the_sample_exports_to_a_folder_with_everything_a_reader_made(
    library: Library, sample: int, tmp_path: Path
) -> None:
    [path] = export_markdown(library, [sample], tmp_path / "out")
    assert path.parent == tmp_path / "out"
    assert path.name == "EXCLUSIVE Russian official reveals how he risked everything to get.md"
    data, body = split_front_matter(path.read_text(encoding="utf-8"))
    assert data["title"] == library.get_document(sample).title
    assert data["tags"] == ["Russia", "war: Ukraine"]
    assert str(data["id"]).startswith("byline-")
    html = render_html(body)
    for section in ("Note", "Quotes", "Ivan Officer", "Highlights"):
        assert f">{section}</h" in html, section
    assert "<em>own</em>" in html  # the note is the reader's Markdown
    assert html.count("<blockquote>") == 2
    assert "¶ 5–6 · blue · tags: morale" in html
    assert "“Ukrainian Nazis”" not in body.split("## Quotes", 1)[1].split("## Highlights")[0]


def test_every_quote_and_highlight_renders_as_its_own_text(
    library: Library, sample: int, tmp_path: Path
) -> None:
    markdown = copy_markdown(library, sample)
    rendered = render(markdown).text
    for highlight in library.highlights(sample):
        assert same_text(highlight.exact) in rendered
    for quote in document_quotes(library, sample):
        if quote.kind != "scare":
            assert same_text(quote.text) in rendered


def test_a_hostile_note_stays_inside_its_section(library: Library, sample: int) -> None:
    html = render_html(copy_markdown(library, sample))
    assert html.index("<h2>Note</h2>") < html.index("<h2>Quotes</h2>")
    assert html.index("<h2>Quotes</h2>") < html.index("<h2>Highlights</h2>")
    assert "<h1>Mine</h1>" in html  # a highlight note is Markdown too


def test_copy_as_markdown_has_no_front_matter(library: Library, sample: int) -> None:
    assert copy_markdown(library, sample).startswith("# EXCLUSIVE")
    assert copy_markdown(library, sample, front_matter=True).startswith("---\n")


def test_copying_a_highlight_gives_the_passage_its_source_and_note(
    library: Library, sample: int
) -> None:
    first = library.highlights(sample)[0]
    markdown = highlight_markdown(library, first.id)
    assert markdown.startswith("> ")
    assert "— EXCLUSIVE Russian official" in markdown
    assert markdown.rstrip().endswith(first.note)


def test_several_documents_in_one_file_each_get_a_heading_and_no_front_matter(
    library: Library, sample: int, tmp_path: Path
) -> None:
    other = add_text(library, "Second: story", "Plain text.")
    [path] = export_markdown(library, [sample, other], tmp_path / "all.md")
    markdown = path.read_text(encoding="utf-8")
    assert not markdown.startswith("---")
    lines = markdown.splitlines()
    first = lines.index("# EXCLUSIVE Russian official reveals how he risked everything to get")
    assert first < lines.index("# Second: story")


def test_one_document_to_one_file_keeps_its_front_matter(
    library: Library, sample: int, tmp_path: Path
) -> None:
    [path] = export_markdown(library, [sample], tmp_path / "sub" / "one.md")
    assert split_front_matter(path.read_text(encoding="utf-8"))[0]["tags"] == [
        "Russia",
        "war: Ukraine",
    ]


def test_documents_with_the_same_title_get_numbered_files(library: Library, tmp_path: Path) -> None:
    ids = [add_text(library, "CON: report", f"Text {n}.") for n in range(3)]
    paths = export_markdown(library, ids, tmp_path / "out")
    assert [p.name for p in paths] == [
        "CON - report.md",
        "CON - report (2).md",
        "CON - report (3).md",
    ]


def test_the_files_an_export_would_write_are_known_before_it_runs(
    library: Library, sample: int, tmp_path: Path
) -> None:
    other = add_text(library, "Other: one", "Text.")
    planned = markdown_targets(library, [sample, other], tmp_path / "out")
    assert [p.name for p in planned] == [
        "EXCLUSIVE Russian official reveals how he risked everything to get.md",
        "Other - one.md",
    ]
    assert markdown_targets(library, [sample, other], tmp_path / "all.md") == [tmp_path / "all.md"]
    progress: list[tuple[int, int]] = []
    written = export_markdown(
        library, [sample, other], tmp_path / "out", on_progress=lambda *a: progress.append(a)
    )
    assert written == planned
    assert progress == [(0, 2), (1, 2), (2, 2)]


def test_existing_files_are_not_overwritten_without_force(
    library: Library, sample: int, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    other = add_text(library, "Other", "Text.")
    [first, _] = export_markdown(library, [sample, other], out)
    first.write_text("edited by hand", encoding="utf-8")
    (out / "Other.md").unlink()
    with pytest.raises(
        BylineError, match=r"1 file\(s\) already exist.*EXCLUSIVE.*overwrite them \(--force"
    ):
        export_markdown(library, [sample, other], out)
    assert first.read_text(encoding="utf-8") == "edited by hand"
    assert not (out / "Other.md").exists()  # nothing half exported
    export_markdown(library, [sample, other], out, force=True)
    assert first.read_text(encoding="utf-8").startswith("---\n")
    assert sorted(p.name for p in out.iterdir()) == sorted([first.name, "Other.md"])


def test_a_failing_template_leaves_nothing_behind(
    library: Library, sample: int, tmp_path: Path
) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text("# {{ doc.title }}\n{{ 1 // (doc.library_id - doc.library_id) }}\n")
    out = tmp_path / "out"
    with pytest.raises(BylineError, match=r"mine\.md\.j2, line 2"):
        export_markdown(library, [sample], out, template=template)
    assert not out.exists()


def test_a_template_file_shapes_the_export(library: Library, sample: int, tmp_path: Path) -> None:
    template = tmp_path / "brief.md"
    template.write_text(
        "{{ doc.title }}\n{% for h in highlights %}\n{{ h.location }}: {{ h.text | md }}\n"
        "{% endfor %}\n",
        encoding="utf-8",
    )
    [path] = export_markdown(library, [sample], tmp_path / "x.md", template=str(template))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("EXCLUSIVE Russian official")
    assert lines[1] == "¶ 4: We were dirty and tired"


def test_a_broken_template_file_names_its_line(
    library: Library, sample: int, tmp_path: Path
) -> None:
    template = tmp_path / "broken.md"
    template.write_text("ok\n\n{% if doc.title %}\nunfinished\n", encoding="utf-8")
    with pytest.raises(BylineError, match=r"broken\.md has an error on line 4"):
        export_markdown(library, [sample], tmp_path / "x.md", template=template)
    assert not (tmp_path / "x.md").exists()


def test_an_unknown_template_name_lists_the_choices(
    library: Library, sample: int, tmp_path: Path
) -> None:
    with pytest.raises(BylineError, match="full, quotes, highlights"):
        export_markdown(library, [sample], tmp_path / "x.md", template="fancy")


def test_exporting_into_a_file_as_a_folder_is_refused(
    library: Library, sample: int, tmp_path: Path
) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("x")
    with pytest.raises(BylineError, match="is a file"):
        export_markdown(library, [sample], target)


# ------------------------------------------------------------------------------ choosing


def test_documents_are_chosen_by_id_tag_or_all(library: Library, sample: int) -> None:
    other = add_text(library, "Other", "Text.")
    library.set_document_tags(other, ["keep"])
    assert select_documents(library, doc_ids=[other, sample, other]) == [other, sample]
    assert select_documents(library, tag="keep") == [other]
    assert sorted(select_documents(library, all_=True)) == sorted([sample, other])


def test_choosing_needs_exactly_one_way(library: Library, sample: int) -> None:
    with pytest.raises(BylineError, match="Choose what to export"):
        select_documents(library)
    with pytest.raises(BylineError, match="Choose what to export"):
        select_documents(library, doc_ids=[sample], all_=True)


def test_unknown_ids_and_unused_tags_are_reported(library: Library, sample: int) -> None:
    with pytest.raises(NotFound):
        select_documents(library, doc_ids=[sample + 100])
    with pytest.raises(BylineError, match="No document is tagged “nothing”"):
        select_documents(library, tag="nothing")


# -------------------------------------------------------------------------------- backup


class _ExportClock(datetime):
    """One fixed "now", so two backups written seconds apart carry the same export time: the
    time a backup was written is not part of what a restore brings back."""

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _ExportClock:
        return cls(2026, 1, 2, 3, 4, 5, tzinfo=tz)


def test_a_backup_restores_into_a_fresh_library_without_loss(
    library: Library, sample: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(byline.exports, "datetime", _ExportClock)
    # Made years ago, so a restore that stamped "now" instead would show.
    text, blocks = assemble([BlockText(BlockKind.PARAGRAPH, "Text with “a quote,” she said.")])
    other, _ = library.add_document(
        ParsedDocument(text, blocks, "Other", "text"), imported="2019-03-04T05:06:07+00:00"
    )
    library.add_highlight(
        other, 0, 4, created="2019-03-05T00:00:00+00:00", updated="2019-04-01T00:00:00+00:00"
    )
    first = export_json(library, select_documents(library, all_=True), tmp_path / "one.json")
    with Library.open(tmp_path / "fresh.db") as fresh:
        report = import_backup(fresh, first)
        assert report.documents_added == 2 and report.highlights_added == 3
        assert report.corrections_added == 1 and report.notes_restored == 1
        second = export_json(fresh, select_documents(fresh, all_=True), tmp_path / "two.json")
    assert second.read_bytes() == first.read_bytes()


def test_restored_documents_come_with_their_quotes_and_the_readers_corrections(
    library: Library, sample: int, tmp_path: Path
) -> None:
    backup = export_json(library, [sample], tmp_path / "one.json")
    corrected = document_quotes(library, sample)
    with Library.open(tmp_path / "fresh.db") as fresh:
        import_backup(fresh, backup)
        (restored,) = library_documents(fresh)
        assert fresh.documents_without_quotes(EXTRACTOR_VERSION) == []
        assert restored.quote_count is not None and restored.quote_count > 0
        assert document_quotes(fresh, restored.id) == corrected  # "Ivan Officer" kept
        assert any(q.speaker == "Ivan Officer" for q in corrected)


def test_a_restore_keeps_when_documents_were_imported_and_highlights_made(
    library: Library, sample: int, tmp_path: Path
) -> None:
    backup = export_json(library, [sample], tmp_path / "one.json")
    document = json.loads(backup.read_text(encoding="utf-8"))["documents"][0]
    document["imported"] = "2020-05-06T07:08:09+00:00"
    document["highlights"][0]["created"] = "2021-01-01T00:00:00+00:00"
    document["highlights"][0]["updated"] = "2022-02-02T00:00:00+00:00"
    backup.write_text(
        json.dumps({"format": "byline-backup", "version": 1, "documents": [document]}),
        encoding="utf-8",
    )
    with Library.open(tmp_path / "fresh.db") as fresh:
        import_backup(fresh, backup)
        (restored,) = fresh.list_documents()
        first = fresh.highlights(restored.id)[0]
    assert restored.imported == "2020-05-06T07:08:09+00:00"
    assert (first.created, first.updated) == (
        "2021-01-01T00:00:00+00:00",
        "2022-02-02T00:00:00+00:00",
    )


def test_two_highlights_of_one_passage_are_both_restored_once(
    library: Library, tmp_path: Path
) -> None:
    doc_id = add_text(library, "Twice", "The same passage, highlighted twice.")
    library.add_highlight(doc_id, 4, 16, color="red", note="first")
    library.add_highlight(doc_id, 4, 16, color="blue", note="second")
    backup = export_json(library, [doc_id], tmp_path / "b.json")
    with Library.open(tmp_path / "fresh.db") as fresh:
        assert import_backup(fresh, backup).highlights_added == 2
        assert import_backup(fresh, backup).highlights_added == 0
        [restored] = select_documents(fresh, all_=True)
        assert sorted(h.note for h in fresh.highlights(restored)) == ["first", "second"]


def test_restoring_twice_adds_nothing_the_second_time(
    library: Library, sample: int, tmp_path: Path
) -> None:
    backup = export_json(library, [sample], tmp_path / "b.json")
    report = import_backup(library, backup)
    assert report.documents_added == 0 and report.documents_already_there == 1
    assert report.highlights_added == 0 and report.highlights_already_there == 2
    assert report.notes_restored == 0 and report.corrections_added == 0
    assert len(library.highlights(sample)) == 2
    assert library.get_note(sample) == HOSTILE_NOTE


def test_restoring_into_a_changed_library_merges_tags_notes_and_highlights(
    library: Library, sample: int, tmp_path: Path
) -> None:
    backup = export_json(library, [sample], tmp_path / "b.json")
    library.set_document_tags(sample, ["new"])
    library.set_note(sample, "A newer note.")
    library.delete_highlight(library.highlights(sample)[0].id)
    report = import_backup(library, backup)
    assert report.highlights_added == 1 and report.notes_restored == 1
    assert library.get_document(sample).tags == ("new", "Russia", "war: Ukraine")
    assert library.get_note(sample) == "A newer note.\n\n" + HOSTILE_NOTE
    assert len(library.highlights(sample)) == 2


def test_an_existing_backup_file_is_not_overwritten_without_force(
    library: Library, sample: int, tmp_path: Path
) -> None:
    target = tmp_path / "b.json"
    target.write_text("keep")
    with pytest.raises(BylineError, match="already exist"):
        export_json(library, [sample], target)
    assert target.read_text() == "keep"
    export_json(library, [sample], target, force=True)
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "byline-backup"


def test_a_damaged_backup_changes_nothing(library: Library, sample: int, tmp_path: Path) -> None:
    backup = export_json(library, [sample], tmp_path / "b.json")
    data = json.loads(backup.read_text(encoding="utf-8"))
    data["documents"].append({"title": "broken"})
    backup.write_text(json.dumps(data), encoding="utf-8")
    with Library.open(tmp_path / "fresh.db") as fresh:
        with pytest.raises(BylineError, match="document 2 has no valid"):
            import_backup(fresh, backup)
        assert fresh.list_documents() == []


def test_a_restore_failing_midway_leaves_the_library_as_it_was(
    library: Library, sample: int, tmp_path: Path
) -> None:
    """The third document of this backup cannot be stored (it has no text), so neither the new
    document before it nor the tags, note and highlight merged into the sample are kept."""
    other = add_text(library, "Other", "A second text with a passage.")
    library.add_highlight(other, 0, 8, note="Restored highlight.")
    backup = export_json(library, [sample, other], tmp_path / "b.json")
    data = json.loads(backup.read_text(encoding="utf-8"))
    data["documents"][0]["tags"].append("restored tag")
    data["documents"][0]["note"] = "A note the library does not have."
    empty = dict(data["documents"][1], text="   ", blocks=[], highlights=[], title="Empty")
    data["documents"].append(empty)
    backup.write_text(json.dumps(data), encoding="utf-8")
    library.delete_document(other)
    before = backup_documents(library, select_documents(library, all_=True))

    with pytest.raises(BylineError, match="“Empty” has no text"):
        import_backup(library, backup)

    assert backup_documents(library, select_documents(library, all_=True)) == before
    assert library.document_count() == 1
    assert "restored tag" not in library.all_tags()
    assert not library.db.conn.in_transaction


def test_a_file_that_is_not_a_backup_is_refused(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "photo.json"
    path.write_bytes(b"\xff\xd8\xff")
    with pytest.raises(BylineError, match="not a Byline backup"):
        import_backup(library, path)
