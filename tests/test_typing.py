"""The type check is part of the suite: mypy over the files and with the
settings of ``[tool.mypy]`` in pyproject.toml (strict on domain, storage,
services, cli, app.py, i18n.py and registry; checked but looser on ui).

About 7 s on a cold cache; the incremental cache (``.mypy_cache/`` at the
project root, shared with a plain ``mypy`` run) makes later runs near instant.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    # The configured `files` are relative to the project root.
    monkeypatch.chdir(ROOT)
    stdout, stderr, status = api.run(["--config-file", str(ROOT / "pyproject.toml")])
    assert status == 0, f"mypy failed (exit {status}):\n{stdout}{stderr}"
