"""Checking a draft's quotations against a small library built here: every verdict, the source
passage and speaker, drafts in each format, and the ``byline check`` command's contract."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from byline.checking import MAX_PROBES, check_file, check_text, draft_check_json, probes
from byline.cli import main
from byline.core.check.diff import EditKind
from byline.core.check.verdicts import Verdict
from byline.core.check.words import quote_words
from byline.core.errors import ImportFailure
from byline.core.model import BlockKind, ParsedDocument
from byline.core.text import BlockText, assemble
from byline.store import Library, open_library

FLOOD = [
    "The council met on Monday to discuss the flood defences.",
    "“We cannot keep paying for the flood defences out of the rainy-day fund. It is not "
    "sustainable, and the council knows it,” said Anna Melnikova, the city's mayor.",
    "“The budget is perfectly healthy and nobody will lose their home this year,” Pavel Tabalov "
    "told reporters.",
]
OFFICERS = [
    "Soldiers are leaving the army.",
    "“Nobody asked us whether we wanted to go to war, nobody at all,” Ivan Petrov told reporters.",
]

VERBATIM = (
    "“We cannot keep paying for the flood defences out of the rainy-day fund,” Anna Melnikova said."
)
DROPPED = "“The budget is healthy and nobody will lose their home this year,” said Pavel Tabalov."
CHANGED = "“Nobody asked us if we wanted to go to war, nobody at all,” said Ivan Petrov."
ELLIPSIS = (
    "“We cannot keep paying for the flood defences … and the council knows it,” "
    "said Anna Melnikova."
)
BRACKETED = (
    "“It is not sustainable, and the council [of Springfield] knows it,” said Anna Melnikova."
)
MISATTRIBUTED = "“Nobody will lose their home this year,” said Anna Melnikova."
INVENTED = "“We will build a new bridge over the river by the spring,” said John Walsh."


def parsed(title: str, paragraphs: list[str]) -> ParsedDocument:
    text, blocks = assemble(BlockText(BlockKind.PARAGRAPH, p) for p in paragraphs)
    return ParsedDocument(text=text, blocks=blocks, title=title, format="text")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def library(data_dir: Path) -> Iterator[Library]:
    lib = open_library(data_dir)
    lib.add_document(parsed("Flood money", FLOOD))
    lib.add_document(parsed("Officers quit", OFFICERS))
    yield lib
    lib.close()


def test_every_verdict_with_its_source_and_speaker(library: Library) -> None:
    draft = "\n\n".join([VERBATIM, DROPPED, CHANGED, ELLIPSIS, BRACKETED, MISATTRIBUTED, INVENTED])
    checks = check_text(library, draft).checks
    assert [c.verdict for c in checks] == [
        Verdict.VERBATIM,
        Verdict.ALTERED,
        Verdict.ALTERED,
        Verdict.VERBATIM,
        Verdict.VERBATIM,
        Verdict.WRONG_SPEAKER,
        Verdict.NOT_FOUND,
    ]
    verbatim, dropped, changed, ellipsis, bracketed, misattributed, invented = checks

    assert verbatim.source is not None and verbatim.source.title == "Flood money"
    assert verbatim.source.speaker == "Anna Melnikova"
    assert verbatim.source.text == (
        "We cannot keep paying for the flood defences out of the rainy-day fund"
    )
    text = library.get_document(verbatim.source.document_id).text
    assert text[verbatim.source.start : verbatim.source.end] == verbatim.source.text
    assert not verbatim.edited

    assert [(op.kind, op.source) for op in dropped.diff if not op.legitimate] == [
        (EditKind.DROPPED, "perfectly")
    ]
    assert [(op.kind, op.draft, op.source) for op in changed.diff if not op.legitimate] == [
        (EditKind.CHANGED, "if", "whether")
    ]
    assert changed.source is not None and changed.source.speaker == "Ivan Petrov"

    assert ellipsis.edited and [op.kind for op in ellipsis.diff if op.kind != "same"] == [
        EditKind.ELLIPSIS
    ]
    assert bracketed.edited and [op.draft for op in bracketed.diff if op.kind == "bracketed"] == [
        "of Springfield"
    ]

    assert misattributed.quote.speaker == "Anna Melnikova"
    assert misattributed.source is not None and misattributed.source.speaker == "Pavel Tabalov"

    assert invented.source is None and invented.diff == ()


def test_surname_alone_in_the_draft_is_the_same_speaker(library: Library) -> None:
    draft = "Anna Melnikova is the mayor. " + ELLIPSIS.replace("Anna Melnikova", "Melnikova")
    [check] = check_text(library, draft).checks
    assert check.verdict is Verdict.VERBATIM


def test_quotation_reprinted_in_two_sources_is_credited_to_the_draft_speakers_source(
    library: Library,
) -> None:
    library.add_document(
        parsed("Reprint", ["“Nobody will lose their home this year,” said Maria Okafor."])
    )
    [check] = check_text(library, "“Nobody will lose their home this year,” said Okafor.").checks
    assert check.verdict is Verdict.VERBATIM
    assert check.source is not None and check.source.title == "Reprint"


def test_the_draft_itself_in_the_library_is_not_its_own_source(library: Library) -> None:
    draft = "\n\n".join(["Draft", VERBATIM, INVENTED])
    library.add_document(parsed("My draft", ["Draft", VERBATIM, INVENTED]))
    assert [c.verdict for c in check_text(library, draft).checks] == [
        Verdict.VERBATIM,
        Verdict.NOT_FOUND,
    ]


def test_probes_are_runs_of_spoken_words_never_across_a_mark() -> None:
    words = quote_words("“One two three four five six seven … eight nine [ten] eleven twelve”")
    runs = probes(words)
    assert ["One", "two", "three", "four", "five"] in runs
    assert ["eight", "nine"] in runs and ["eleven", "twelve"] in runs
    assert all("ten" not in run for run in runs)
    assert not any({"seven", "eight"} <= set(run) for run in runs)
    assert len(runs) <= MAX_PROBES


def test_draft_without_quotations_has_nothing_to_fix(library: Library) -> None:
    result = check_text(library, "The council met. Nobody said anything.")
    assert result.checks == () and result.problems == 0


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    document.save(str(path))
    return path


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx"])
def test_drafts_are_read_in_every_draft_format(
    library: Library, tmp_path: Path, suffix: str
) -> None:
    paragraphs = ["Draft: flood money", VERBATIM, CHANGED]
    path = tmp_path / f"draft{suffix}"
    if suffix == ".docx":
        write_docx(path, paragraphs)
    else:
        path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    result = check_file(library, path)
    assert [c.verdict for c in result.checks] == [Verdict.VERBATIM, Verdict.ALTERED]
    assert result.problems == 1


def test_unreadable_draft_is_refused_with_a_message(library: Library, tmp_path: Path) -> None:
    with pytest.raises(ImportFailure):
        check_file(library, tmp_path / "missing.docx")


def test_json_shape(library: Library) -> None:
    data = draft_check_json(check_text(library, "\n\n".join([DROPPED, INVENTED]), "Draft"))
    assert data["draft"] == "Draft"
    assert data["summary"] == {
        "quotations": 2,
        "verbatim": 0,
        "altered": 1,
        "wrong_speaker": 0,
        "not_found": 1,
    }
    altered, missing = data["quotations"]  # type: ignore[misc]
    assert altered["verdict"] == "altered" and altered["speaker"] == "Pavel Tabalov"
    assert altered["source"]["title"] == "Flood money"
    assert {"kind": "dropped", "draft": "", "source": "perfectly", "legitimate": False} in (
        altered["diff"]
    )
    assert missing["verdict"] == "not_found" and missing["source"] is None


# --- byline check ---------------------------------------------------------------------------


def run_check(data_dir: Path, draft: Path, *extra: str) -> int:
    return main(["--data-dir", str(data_dir), "check", str(draft), *extra])


def test_command_exits_0_when_every_quotation_is_faithful(
    library: Library, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("\n\n".join([VERBATIM, ELLIPSIS, BRACKETED]), encoding="utf-8")
    assert run_check(data_dir, draft) == 0
    out = capsys.readouterr().out
    assert out.count("verbatim") == 3 and "with editing marks" in out


@pytest.mark.parametrize("problem", [DROPPED, CHANGED, MISATTRIBUTED, INVENTED])
def test_command_exits_1_when_a_quotation_is_altered_misattributed_or_missing(
    library: Library,
    data_dir: Path,
    tmp_path: Path,
    problem: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(f"{VERBATIM}\n\n{problem}\n", encoding="utf-8")
    assert run_check(data_dir, draft) == 1
    capsys.readouterr()
    assert run_check(data_dir, draft, "--json") == 1
    result = json.loads(capsys.readouterr().out)
    assert result["summary"]["verbatim"] == 1
    assert result["summary"]["quotations"] == 2


def test_command_prints_the_diff_of_an_altered_quotation(
    library: Library, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DROPPED, encoding="utf-8")
    run_check(data_dir, draft)
    out = capsys.readouterr().out
    assert "altered" in out and "[-perfectly-]" in out and "Flood money" in out


def test_command_reports_an_unreadable_draft_in_one_line(
    library: Library, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_check(data_dir, tmp_path / "nowhere.txt") == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("byline:") and "\n" not in err
