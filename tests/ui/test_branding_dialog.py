"""The company branding dialog: every field saved through the service, a
logo file checked when chosen, problems under their fields, nothing saved
half-done, unsaved changes asked about."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QColorDialog, QMessageBox

from erpdesk.domain.branding import DEFAULT_BRANDING
from erpdesk.services.branding import BrandingService
from erpdesk.ui.quotes.branding_dialog import BrandingDialog


@pytest.fixture
def service(desk) -> BrandingService:
    return BrandingService(desk.unit_of_work, desk.feed)


@pytest.fixture
def dialog(qtbot, service) -> BrandingDialog:
    widget = BrandingDialog(service)
    qtbot.addWidget(widget)
    return widget


def png_file(path: Path, size: tuple[int, int] = (120, 40)) -> Path:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d4e89"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    path.write_bytes(bytes(data))
    return path


def test_the_dialog_shows_the_saved_branding(dialog) -> None:
    assert dialog.edits["name_zh"].text() == DEFAULT_BRANDING.name_zh
    assert dialog.edits["bank_account"].text() == DEFAULT_BRANDING.bank_account
    assert dialog.colours["primary_colour"].text() == DEFAULT_BRANDING.primary_colour
    assert dialog.logo_label.text() == "No logo"
    assert not dialog.dirty


def test_every_field_is_saved(dialog, service, tmp_path) -> None:
    dialog.edits["name_zh"].setText("山海软件有限公司")
    dialog.edits["name_en"].setText("Shanhai Software Co., Ltd.")
    dialog.edits["phone"].setText("0571-88886666")
    dialog.edits["seal_label"].setText("（合同专用章）")
    dialog.colours["accent_colour"].set_text("#AA3300")
    assert dialog.use_logo_file(png_file(tmp_path / "logo.png"))
    assert dialog.logo_label.pixmap() is not None and not dialog.logo_label.pixmap().isNull()
    assert dialog.save()
    saved = service.get()
    assert saved.name_zh == "山海软件有限公司"
    assert saved.name_en == "Shanhai Software Co., Ltd."
    assert saved.seal_label == "（合同专用章）"
    assert saved.accent_colour == "#aa3300"  # normalised
    assert saved.logo is not None and saved.logo.startswith(b"\x89PNG")


def test_a_logo_that_is_not_an_image_is_refused_with_a_message(dialog, service, tmp_path):
    fake = tmp_path / "logo.png"
    fake.write_text("这不是图片", encoding="utf-8")
    assert not dialog.use_logo_file(fake)
    label = dialog.problem_labels["logo"]
    assert not label.isHidden()
    assert label.text() == "The logo is not a PNG or JPEG image"
    assert dialog.tabs.currentIndex() == dialog.tab_of["logo"]
    assert dialog.logo is None  # the previous logo (none) stays
    assert not dialog.use_logo_file(tmp_path / "missing.png")
    assert "does not exist" in label.text()
    assert dialog.use_logo_file(png_file(tmp_path / "real.png"))
    assert label.isHidden()


def test_problems_show_under_their_fields_and_nothing_is_saved(dialog, service) -> None:
    dialog.edits["name_zh"].setText("")
    dialog.edits["name_en"].setText("")
    dialog.colours["primary_colour"].set_text("blue")
    dialog.edits["email"].setText("sales@")
    assert not dialog.save()
    assert dialog.problem_labels["name_zh"].text() == "The company name is required"
    assert "blue" in dialog.problem_labels["primary_colour"].text()
    assert "sales@" in dialog.problem_labels["email"].text()
    assert dialog.tabs.currentIndex() == 0  # the first tab with a problem
    assert service.get() == DEFAULT_BRANDING


def test_the_swatch_opens_the_colour_dialog(dialog, monkeypatch) -> None:
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#123456")))
    dialog.colours["primary_colour"].choose()
    assert dialog.colours["primary_colour"].text() == "#123456"
    assert dialog.dirty


def test_cancel_with_changes_asks(qtbot, dialog, message_boxes) -> None:
    dialog.show()
    dialog.edits["phone"].setText("021-1234567")
    dialog.edits["phone"].textEdited.emit("021-1234567")
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    dialog.reject()
    assert dialog.isVisible()
    assert message_boxes.calls[-1][0] == "question"
    message_boxes.answer = QMessageBox.StandardButton.Yes
    dialog.reject()
    assert not dialog.isVisible()


def test_the_main_window_opens_the_dialog(qtbot, desk, settings, service) -> None:
    from erpdesk.ui.main_window import MainWindow

    window = MainWindow(desk.customers, settings, quotes=desk.quotes, branding=service)
    qtbot.addWidget(window)
    assert window.branding_action.isVisible()
    opened = window.open_branding()
    assert isinstance(opened, BrandingDialog)
    assert opened.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    opened.close()
