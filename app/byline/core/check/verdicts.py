"""What the check says about one quotation, and the rules that decide it.

- ``verbatim``: every word the draft puts in the speaker's mouth is in the source, in order, with
  nothing else changed; typography, the case of a first letter, ellipses and [bracketed] words
  are allowed (``QuoteCheck.edited`` says whether the draft used such marks).
- ``altered``: a close source passage exists (most of the quotation's own words, several of them
  in a row), but words were added, dropped without an ellipsis, or changed.
- ``wrong_speaker``: the words are in the source (verbatim or altered) but the draft names someone
  else than the source's speaker. Unresolvable speakers on either side are never "wrong".
- ``not_found``: no passage of the library is close enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from byline.core.check.align import Alignment
from byline.core.check.diff import DiffOp, has_editing_marks
from byline.core.model import Quote

MIN_SHARE = 0.6  # of the quotation's own words found in order in the passage
MIN_RUN = 3  # own words found one after another; shorter quotations must be found whole


class Verdict(StrEnum):
    VERBATIM = "verbatim"
    ALTERED = "altered"
    WRONG_SPEAKER = "wrong_speaker"
    NOT_FOUND = "not_found"

    @property
    def is_problem(self) -> bool:
        return self is not Verdict.VERBATIM


@dataclass(frozen=True)
class SourcePassage:
    """Where a quotation was found: a document, the span of its text, and who says it there."""

    document_id: int
    title: str
    start: int
    end: int
    text: str  # the document's text[start:end]
    speaker: str | None  # None when the source does not say (or the passage is not a quote)


@dataclass(frozen=True)
class QuoteCheck:
    """One quotation of the draft and what the check found for it."""

    quote: Quote  # as extracted from the draft: its span, text and speaker there
    verdict: Verdict
    source: SourcePassage | None = None
    diff: tuple[DiffOp, ...] = ()  # empty when not found

    @property
    def edited(self) -> bool:
        """Whether the draft used ellipses or [brackets] in this quotation."""
        return has_editing_marks(self.diff)

    @property
    def words_altered(self) -> bool:
        return any(not op.legitimate for op in self.diff)


def is_close(alignment: Alignment) -> bool:
    """Whether the passage is close enough to be the quotation's source."""
    if alignment.faithful and alignment.matched == alignment.spoken > 0:
        return True
    return alignment.share >= MIN_SHARE and alignment.longest_run >= MIN_RUN


def verdict_for(alignment: Alignment | None, speaker_agrees: bool | None) -> Verdict:
    """The verdict for the best passage found (None: nothing found) and whether the draft's
    speaker agrees with the source's (None: cannot tell)."""
    if alignment is None or not is_close(alignment):
        return Verdict.NOT_FOUND
    if speaker_agrees is False:
        return Verdict.WRONG_SPEAKER
    return Verdict.VERBATIM if alignment.faithful else Verdict.ALTERED
