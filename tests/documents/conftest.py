"""Fixtures of the document tests (the builders are in review_support)."""

from __future__ import annotations

import pytest
from review_support import make_review

from erpdesk.documents.deal_review import DealReview


@pytest.fixture
def review() -> DealReview:
    return make_review()
