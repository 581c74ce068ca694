"""What the quote and proposal editors share: the PDF's path and the
question before closing over unsaved changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from erpdesk.ui.quotes.editor_flow import ask_pdf_path, may_close


class Editor(QWidget):
    def __init__(self, saves: bool = True) -> None:
        super().__init__()
        self.dirty = True
        self.saved = 0
        self._saves = saves

    def save(self) -> bool:
        self.saved += 1
        return self._saves


@pytest.mark.parametrize(("chosen", "expected"), [
    ("/tmp/offer", Path("/tmp/offer.pdf")),
    ("/tmp/offer.PDF", Path("/tmp/offer.PDF")),
    ("", None),
])
def test_pdf_path_gets_its_suffix(qtbot, monkeypatch, chosen, expected) -> None:
    asked: list[tuple[str, str]] = []

    def fake(_parent, title, start, _filter):
        asked.append((title, start))
        return chosen, "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ask_pdf_path(parent, "Save it", "Q-1.pdf") == expected
    assert asked == [("Save it", str(Path.home() / "Q-1.pdf"))]


def test_may_close_asks_only_when_dirty(qtbot, message_boxes) -> None:
    editor = Editor()
    qtbot.addWidget(editor)
    editor.dirty = False
    assert may_close(editor, "Unsaved", "Save first?")
    assert message_boxes.calls == []

    editor.dirty = True
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    assert not may_close(editor, "Unsaved", "Save first?")
    assert editor.dirty and message_boxes.calls == [("question", "Save first?")]

    message_boxes.answer = QMessageBox.StandardButton.Yes  # the stub answers Discard
    assert may_close(editor, "Unsaved", "Save first?")
    assert not editor.dirty and editor.saved == 0


def test_may_close_after_a_save_that_went_through(qtbot, message_boxes) -> None:
    message_boxes.answer = QMessageBox.StandardButton.Save
    good, bad = Editor(), Editor(saves=False)
    qtbot.addWidget(good)
    qtbot.addWidget(bad)
    assert may_close(good, "Unsaved", "Save first?") and good.saved == 1
    assert not may_close(bad, "Unsaved", "Save first?") and bad.saved == 1
