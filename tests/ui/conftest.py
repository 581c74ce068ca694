"""Fixtures of the window's tests: a real desk database per test, settings in
a temporary folder, and message boxes that answer without blocking."""

from __future__ import annotations

import json
import os
import random
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from erpdesk.app import Desk, open_desk
from erpdesk.domain.customer import (
    Contact,
    Customer,
    CustomerStatus,
    Industry,
    SizeBand,
    Source,
)
from erpdesk.domain.regions import PROVINCES
from erpdesk.domain.uscc import make_uscc
from erpdesk.ui.widgets import app_settings

LANGCHAO_USCC = "91370000163446410B"


def _large_offscreen_screen() -> None:
    """The offscreen platform's screen is 800x600 unless configured, which is
    smaller than the main window: make it a common laptop/desktop size."""
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return
    config = Path(tempfile.mkdtemp(prefix="erpdesk-qpa-")) / "offscreen.json"
    screen = {"name": "OffscreenScreen", "x": 0, "y": 0, "width": 1920, "height": 1080,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


_large_offscreen_screen()


@pytest.fixture(autouse=True)
def settings_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """QSettings of the test live in tmp_path, never in the user's config."""
    folder = tmp_path / "settings"
    folder.mkdir()
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(folder / "system"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.setenv("ERPDESK_LANG", "en")
    return folder


@pytest.fixture
def settings(settings_folder: Path) -> QSettings:
    return app_settings()


@dataclass
class MessageBoxes:
    """What the stubbed QMessageBox was asked, and what it answers."""

    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    calls: list[tuple[str, str]] = field(default_factory=list)

    def ask(self, kind: str) -> Any:
        def stub(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            self.calls.append((kind, text))
            if kind == "question":
                buttons = args[0] if args else kwargs.get("buttons")
                if (
                    self.answer == QMessageBox.StandardButton.Yes
                    and buttons is not None
                    and buttons & QMessageBox.StandardButton.Discard
                ):
                    return QMessageBox.StandardButton.Discard
                return self.answer
            return QMessageBox.StandardButton.Ok

        return stub


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()
    for kind in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(boxes.ask(kind)))
    return boxes


@pytest.fixture
def desk(tmp_path: Path, qapp: QApplication) -> Desk:
    opened = open_desk(tmp_path / "d.db")
    yield opened
    # Windows of the test go before the database they read from.
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    opened.close()


@pytest.fixture
def service(desk: Desk):
    return desk.customers


def langchao(**changes: Any) -> Customer:
    base: dict[str, Any] = dict(
        name="浪潮电子信息产业股份有限公司",
        short_name="浪潮",
        uscc=LANGCHAO_USCC,
        industry=Industry.ELECTRONICS,
        province="山东省",
        city="济南市",
        address="济南市高新区浪潮路1036号",
        phone="0531-85106000",
        source=Source.REFERRAL,
        size_band=SizeBand.HUGE,
        need="集团财务与供应链一体化",
        status=CustomerStatus.FOLLOWING,
    )
    base.update(changes)
    return Customer(**base)


SAMPLES = (
    dict(name="海尔集团公司", short_name="海尔", province="山东省", city="青岛市",
         industry=Industry.MANUFACTURING, source=Source.WALK_IN, phone="0532-88939999"),
    dict(name="美的集团股份有限公司", short_name="美的", province="广东省", city="佛山市",
         industry=Industry.ELECTRONICS, source=Source.PHONE, phone="0757-26338888"),
    dict(name="三一重工股份有限公司", short_name="三一", province="湖南省", city="长沙市",
         industry=Industry.MACHINERY, source=Source.MARKETING_EVENT),
    dict(name="青岛啤酒股份有限公司", short_name="青啤", province="山东省", city="青岛市",
         industry=Industry.FOOD, source=Source.SELF_DEVELOPED, status=CustomerStatus.SIGNED),
)


@pytest.fixture
def samples(service) -> dict[str, Customer]:
    """浪潮 and four other well-known companies, made through the service."""
    made = {"浪潮": service.create(langchao())}
    for fields in SAMPLES:
        customer = service.create(Customer(**fields))
        made[customer.short_name] = customer
    return made


def _add_customers(desk: Desk, count: int, seed: int = 1) -> None:
    """*count* generated customers in one transaction (fast; for volume tests)."""
    rng = random.Random(seed)
    with desk.unit_of_work() as uow:
        for i in range(count):
            province = PROVINCES[i % 31]
            customer = Customer(
                name=f"{province.short}测试{i:05d}号机械有限公司",
                uscc=make_uscc(rng, province.code),
                province=province.name,
                city=province.cities[0].name,
                industry=list(Industry)[i % len(Industry)],
                source=list(Source)[i % len(Source)],
            )
            uow.customers.add(customer, [])
        uow.commit()


@pytest.fixture
def add_customers(desk: Desk):
    """``add_customers(count)``: generated customers, straight through storage."""
    return lambda count, seed=1: _add_customers(desk, count, seed)


@pytest.fixture
def add_contact(service):
    """``add_contact(customer, **fields)``: a contact saved through the service."""

    def add(customer: Customer, **changes: Any) -> Contact:
        fields: dict[str, Any] = dict(
            customer_id=customer.id, name="张伟", title="信息中心主任", mobile="13800138000"
        )
        fields.update(changes)
        return service.save_contact(Contact(**fields))

    return add


@pytest.fixture
def make_langchao():
    """``make_langchao(**changes)``: an unsaved, complete 浪潮 customer."""
    return langchao
