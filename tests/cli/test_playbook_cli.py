"""``erpdesk playbook check | show``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from erpdesk.cli.main import main
from erpdesk.playbooks import DEFAULT_PLAYBOOK


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--lang", "en", "playbook", "check")
    assert (code, err) == (0, "")
    assert out == "OK: erpdesk-default 2026.2, 7 stages, 18 worksheets\n"


def test_check_bad_file_prints_file_line_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "company.toml"
    text = DEFAULT_PLAYBOOK.read_text(encoding="utf-8").replace(
        "probability = 80", "probability = 60"
    )
    bad.write_text(text, encoding="utf-8")
    line = text.splitlines().index("probability = 60") + 1
    code, out, err = run(capsys, "--lang", "en", "playbook", "check", str(bad))
    assert (code, out) == (1, "")
    assert err == (
        f"{bad}:{line}: Stage 6's probability 60 is lower than stage 5's 70; "
        "probabilities may not decrease\n"
    )


def test_check_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--lang", "en", "playbook", "check", str(tmp_path / "no.toml"))
    assert code == 1
    assert err.startswith(f"{tmp_path / 'no.toml'}: The playbook cannot be read")


def test_check_uses_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "acme.toml"
    own.write_text(
        DEFAULT_PLAYBOOK.read_text(encoding="utf-8").replace(
            'id = "erpdesk-default"', 'id = "acme"'
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("ERPDESK_PLAYBOOK", str(own))
    code, out, _ = run(capsys, "--lang", "en", "playbook", "check")
    assert code == 0 and out.startswith("OK: acme 2026.2")


def test_show_text_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "zh_CN", "playbook", "show")
    assert code == 0
    assert "定位和挖掘目标客户" in out and "拜访客户高层领导,赢得信任" in out
    assert "客户ERP项目统汇" in out


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "playbook", "show", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["key"] == "erpdesk-default@2026.2"
    assert [s["code"] for s in data["stages"]][3] == "project_approval"
    assert data["stages"][0]["checklist"][2] == {
        "code": "target.visit",
        "names": {"zh": "拜访客户", "en": "Visit the customer"},
        "required": True,
    }
    assert len(data["worksheets"]) == 18
    assert data["worksheets"]["customer_swot"]["layout"] == "grid"
