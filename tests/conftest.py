"""Shared test setup: Qt draws offscreen; tests under tests/ui are marked ``gui``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Registry processes and commands started by the tests hash passwords cheaply
# (argon2id at its full default cost is 0.3-1 s a user on these machines).
os.environ.setdefault("ERPDESK_REGISTRY_PASSWORD_COST", "t=1,m=1024,p=1")

UI_TESTS = Path(__file__).parent / "ui"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if UI_TESTS in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.gui)
