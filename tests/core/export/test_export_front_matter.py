"""Front matter is valid YAML that reads back as the same values, whatever a title holds."""

from __future__ import annotations

import datetime

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from byline.core.export.front_matter import front_matter, yaml_date, yaml_string

TITLES = [
    'Putin: "We will win"',
    "- starts with a dash",
    "# starts with a hash",
    "line one\nline two",
    "tab\there",
    "'single' and \"double\" quotes",
    "key: value: more",
    "trailing backslash \\",
    "{not: a mapping}",
    "[not, a, list]",
    "&anchor *alias !tag %directive @at `tick",
    "yes",
    "null",
    "2022-05-11",
    "Ünïcödé — “curly” 中文 🙂",
    "\x00\x07\x1b\x7f\x85\u2028\u2029\ufeff",
    "",
    "   spaces around   ",
]


@pytest.mark.parametrize("title", TITLES)
def test_hostile_titles_read_back_unchanged(title: str) -> None:
    assert yaml.safe_load(f"title: {yaml_string(title)}") == {"title": title}


@settings(deadline=None)
@given(st.text())
def test_any_string_reads_back_unchanged(value: str) -> None:
    assert yaml.safe_load(f"v: {yaml_string(value)}") == {"v": value}


def test_values_are_one_line_each() -> None:
    block = front_matter([("title", "a\nb\r\nc"), ("tags", ["x\ny"])])
    assert block.splitlines() == ["---", 'title: "a\\nb\\r\\nc"', "tags:", '  - "x\\ny"', "---"]


def test_missing_values_are_left_out_and_empty_lists_kept() -> None:
    block = front_matter([("author", None), ("tags", [])])
    assert yaml.safe_load(block.strip("-\n")) == {"tags": []}


def test_real_dates_are_bare_so_tools_read_them_as_dates() -> None:
    block = front_matter(
        [("published", "2022-05-11"), ("imported", "2026-11-25T04:00:00.123456+00:00")],
        dates=("published", "imported"),
    )
    data = yaml.safe_load(block.strip("-\n"))
    assert data["published"] == datetime.date(2022, 5, 11)
    assert isinstance(data["imported"], datetime.datetime)


@pytest.mark.parametrize("value", ["2024-02-30", "May 2022", "2022-05", "2022-05-11 10:00"])
def test_dates_that_are_not_real_iso_dates_stay_strings(value: str) -> None:
    assert yaml.safe_load(f"d: {yaml_date(value)}") == {"d": value}
