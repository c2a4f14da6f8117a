"""File names from titles: valid on Windows, macOS and Linux, unique in their folder, and never a
way out of it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from byline.core.export.filenames import MAX_NAME_BYTES, UniqueNames, safe_filename

FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)} | {"\x7f"}
RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(10)}

titles = st.one_of(
    st.text(),
    st.lists(st.sampled_from([*'<>:"/\\|?*. \x00\n\t-é中🙂', "..", "CON", "\u0301"])).map("".join),
    st.sampled_from(["CON", "con.txt", "Com1", "LPT9.md", "nul", "aux .md", "..", ".", ""]),
)


def assert_portable(name: str) -> None:
    assert name.endswith(".md")
    stem = name[: -len(".md")]
    assert stem, name
    assert not FORBIDDEN & set(name), name
    assert stem.split(".")[0].rstrip(" ").upper() not in RESERVED, name
    assert not stem.endswith((".", " ")) and not stem.startswith((".", " ")), name
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES, name


@settings(max_examples=500, deadline=None)
@given(titles)
def test_any_title_gives_a_portable_file_name(title: str) -> None:
    assert_portable(safe_filename(title))


@settings(max_examples=200, deadline=None)
@given(titles)
def test_the_file_is_created_inside_the_chosen_folder(title: str) -> None:
    folder = Path(tempfile.mkdtemp())
    path = folder / safe_filename(title)
    assert path.parent == folder
    path.write_text("x", encoding="utf-8")
    assert [p.name for p in folder.iterdir()] == [path.name]
    path.unlink()
    folder.rmdir()


@settings(deadline=None)
@given(st.lists(titles, max_size=30))
def test_names_in_one_folder_differ_even_ignoring_case(titles_: list[str]) -> None:
    namer = UniqueNames()
    names = [namer.name_for(t) for t in titles_]
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert_portable(name)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Putin: the war", "Putin - the war.md"),
        ("AC/DC \\ live | loud", "AC-DC - live - loud.md"),
        ('Why? "Because" <no> *stars*', "Why 'Because' no stars.md"),
        ("CON", "CON_.md"),
        ("com1.report", "com1_.report.md"),
        ("...", "Untitled.md"),
        ("../../etc/passwd", "-..-etc-passwd.md"),
        ("  Trailing dots...  ", "Trailing dots.md"),
        ("Line\nbreaks\tand\x00controls", "Line breaks and controls.md"),
        ("evil\u202eexe.md", "evilexe.md.md"),
    ],
)
def test_titles_become_readable_names(title: str, name: str) -> None:
    assert safe_filename(title) == name


def test_long_titles_are_cut_on_a_character_boundary() -> None:
    name = safe_filename("é" * 200)
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name == "é" * ((MAX_NAME_BYTES - 3) // 2) + ".md"


def test_repeated_titles_are_numbered() -> None:
    namer = UniqueNames()
    names = [namer.name_for(t) for t in ["Report", "report", "Report", "Report (2)"]]
    assert names == ["Report.md", "report (2).md", "Report (3).md", "Report (2) (2).md"]


def test_names_already_taken_in_the_folder_are_avoided() -> None:
    namer = UniqueNames(taken=["Report.md"])
    assert namer.name_for("Report") == "Report (2).md"


def test_numbered_names_of_long_titles_stay_within_the_limit() -> None:
    namer = UniqueNames()
    names = [namer.name_for("x" * 300) for _ in range(12)]
    assert names[11].endswith(" (12).md")
    assert all(len(n.encode("utf-8")) <= MAX_NAME_BYTES for n in names)
