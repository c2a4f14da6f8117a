"""Fixtures of the reliability suites (helpers live in reliability_support.py)."""

from __future__ import annotations

import pytest
from reliability_support import MakeDocument, make_document


@pytest.fixture(name="make_document")
def make_document_fixture() -> MakeDocument:
    return make_document
