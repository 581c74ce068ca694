"""The window's language: which translator is installed, switched live.

Installing or removing a translator makes Qt send every widget a
``LanguageChange`` event; each page re-sets its texts in ``changeEvent``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Signal

from erpdesk.i18n import Translator, resolve_language
from erpdesk.ui.ui_font import apply_ui_font

SETTING = "ui/language"
CHOICES = ("system", "zh_CN", "en")


def language_choice(settings: QSettings) -> str:
    """The stored choice: "system", "zh_CN" or "en"."""
    value = str(settings.value(SETTING, "system") or "system")
    return value if value in CHOICES else "system"


class LanguageManager(QObject):
    """Owns the installed ``Translator``.

    Signals:
        language_changed(str): the concrete language now installed.
    """

    language_changed = Signal(str)

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translator = Translator(language)
        app = QCoreApplication.instance()
        if app is not None:
            self._translator.install(app)
        apply_ui_font(language)

    @property
    def language(self) -> str:
        return self._translator.language

    @property
    def translator(self) -> Translator:
        return self._translator

    def apply_choice(self, choice: str) -> None:
        """Switch to the language a setting names ("system" resolves)."""
        self.set_language(resolve_language(choice))

    def set_language(self, language: str) -> None:
        if language == self._translator.language:
            return
        app = QCoreApplication.instance()
        if app is not None:
            self._translator.uninstall(app)
        self._translator = Translator(language)
        apply_ui_font(language)  # a Chinese UI font in zh_CN
        if app is not None:
            self._translator.install(app)
            if app.thread().loopLevel() == 0:
                # Qt announces a new translator only while exec() runs
                QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
            # the application posts the change to each window: deliver it now
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.language_changed.emit(language)

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            self._translator.uninstall(app)
