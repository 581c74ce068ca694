"""Preferences: for now the language of the window (applied at once)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from erpdesk.ui.language import SETTING, LanguageManager, language_choice
from erpdesk.ui.widgets import settle_minimum_size


class SettingsDialog(QDialog):
    """Language: follow the system, 简体中文 or English."""

    def __init__(
        self,
        settings: QSettings,
        languages: LanguageManager,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._languages = languages
        self.setWindowTitle(self.tr("Settings"))
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("Follow the system"), "system")
        # Each language is named in itself, so it can be found in any language.
        self.language_combo.addItem("简体中文", "zh_CN")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData(language_choice(settings)), 0)
        )
        note = QLabel(self.tr("The window changes language at once."))
        note.setStyleSheet("color: #546e7a;")
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        settle_minimum_size(self)
        # room for the title bar's text and the buttons, not only the combo
        self.setMinimumWidth(max(self.minimumWidth(), 360))

    def accept(self) -> None:
        choice = self.language_combo.currentData()
        self._settings.setValue(SETTING, choice)
        self._settings.sync()
        self._languages.apply_choice(choice)
        super().accept()
