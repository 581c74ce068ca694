"""What the quote editor and the proposal editor do alike around their
document: ask where to save its PDF, and ask before closing over unsaved
changes.  The texts are the editor's own (translated in its context), so
each window keeps its wording."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class UnsavedEditor(Protocol):
    """An editor window with changes that may not be saved yet."""

    dirty: bool

    def save(self) -> bool: ...


def ask_pdf_path(parent: QWidget, title: str, file_name: str) -> Path | None:
    """Where to save a PDF (*file_name* in the home folder offered; ".pdf"
    added when the name lacks it); None when the user cancelled."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / file_name), "PDF (*.pdf)"
    )
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    return Path(path)


def may_close(editor: UnsavedEditor, title: str, question: str) -> bool:
    """True when *editor* may close: nothing unsaved, or the user saved
    (and the save went through) or discarded the changes."""
    if not editor.dirty:
        return True
    answer = QMessageBox.question(
        editor if isinstance(editor, QWidget) else None,
        title,
        question,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    if answer == QMessageBox.StandardButton.Save:
        return editor.save()
    if answer == QMessageBox.StandardButton.Discard:
        editor.dirty = False
        return True
    return False
