"""Shared test setup: Qt draws offscreen; tests under tests/ui are marked ``gui``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

UI_TESTS = Path(__file__).parent / "ui"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if UI_TESTS in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.gui)
