"""A word-level difference between a draft's quotation and its source, piece by piece."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EditKind(StrEnum):
    SAME = "same"  # the same words (typography, and the case of a first letter, aside)
    ADDED = "added"  # words in the draft the source does not have
    DROPPED = "dropped"  # source words missing from the draft, with no ellipsis to say so
    CHANGED = "changed"  # source words the draft replaced by others
    ELLIPSIS = "ellipsis"  # source words cut where the draft has an ellipsis: legitimate
    BRACKETED = "bracketed"  # the writer's own [bracketed] words, added or replacing: legitimate


LEGITIMATE = frozenset({EditKind.SAME, EditKind.ELLIPSIS, EditKind.BRACKETED})


@dataclass(frozen=True)
class DiffOp:
    """One piece of the difference: the draft's words and the source's words it stands for
    ("" where a side has none)."""

    kind: EditKind
    draft: str
    source: str

    @property
    def legitimate(self) -> bool:
        """Whether this piece keeps the quotation faithful: the same words, or an editing mark."""
        return self.kind in LEGITIMATE


def is_faithful(ops: tuple[DiffOp, ...]) -> bool:
    """True when every piece is the same words or a legitimate editing mark."""
    return all(op.legitimate for op in ops)


def has_editing_marks(ops: tuple[DiffOp, ...]) -> bool:
    return any(op.kind in (EditKind.ELLIPSIS, EditKind.BRACKETED) for op in ops)


def render_diff(ops: tuple[DiffOp, ...]) -> str:
    """The difference on one line for a terminal: ``[-dropped-]``, ``{+added+}``,
    ``[-old-]{+new+}``, ``…(cut: words)``, ``[bracketed](for: words)``."""
    parts: list[str] = []
    for op in ops:
        if op.kind is EditKind.SAME:
            parts.append(op.draft)
        elif op.kind is EditKind.ADDED:
            parts.append(f"{{+{op.draft}+}}")
        elif op.kind is EditKind.DROPPED:
            parts.append(f"[-{op.source}-]")
        elif op.kind is EditKind.CHANGED:
            parts.append(f"[-{op.source}-]{{+{op.draft}+}}")
        elif op.kind is EditKind.ELLIPSIS:
            parts.append(f"…(cut: {op.source})" if op.source else "…")
        else:
            parts.append(f"[{op.draft}]" + (f"(for: {op.source})" if op.source else ""))
    return " ".join(parts)
