"""The knowledge tab's editing bar (a desk with its content service): where
the shown entry comes from ("edited on this desk"), and New…, Edit…,
Remove, Reset, Questionnaires… and Export….

A demo script is edited as part of its module.  Every change goes through
``PresalesContentService``, whose ``Change("presales_content")`` makes the
view read the base again (on its worker) and show the entry again.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.services.presales_content import CONTENT_ENTITY, ENTRY_FILES
from erpdesk.ui.presales.knowledge_editor import edit_entry
from erpdesk.ui.widgets import FeedBridge, local_time_text, translate

if TYPE_CHECKING:
    from erpdesk.services.events import Change
    from erpdesk.ui.presales.knowledge_view import KnowledgeView


class KnowledgeEditBar(QWidget):
    """The editing buttons of a knowledge view, acting on its shown entry."""

    def __init__(self, view: KnowledgeView, content: Any) -> None:
        super().__init__(view)
        self.view = view
        self.content = content
        self.origin_label = QLabel()
        self.origin_label.setObjectName("knowledgeOrigin")
        self.origin_label.setStyleSheet("color: #a15c00;")
        policy = self.origin_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the reader does not jump
        self.origin_label.setSizePolicy(policy)
        self.new_button = QToolButton()
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_menu = QMenu(self.new_button)
        self.new_menu.aboutToShow.connect(self._fill_new_menu)
        self.new_button.setMenu(self.new_menu)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset)
        self.questionnaires_button = QPushButton()
        self.questionnaires_button.clicked.connect(self.questionnaires)
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self.export_button)
        self.export_button.setMenu(self.export_menu)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.new_button, self.edit_button, self.remove_button, self.reset_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.questionnaires_button)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.origin_label)
        self._bridge = FeedBridge(content.feed, self)
        self._bridge.changed.connect(self._content_changed)
        view.entry_shown.connect(self.follow)
        self.retranslate_ui()
        self.follow("", "")

    def retranslate_ui(self) -> None:
        self.new_button.setText(self.tr("New…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.remove_button.setText(self.tr("Remove"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to the entry of the knowledge base files"))
        self.questionnaires_button.setText(self.tr("Questionnaires…"))
        self.export_button.setText(self.tr("Export…"))
        self.export_menu.clear()
        self.export_menu.addAction(self.tr("Export the knowledge base…"), self.export_knowledge)
        self.export_menu.addAction(self.tr("Export the questionnaires…"),
                                   self.export_questionnaires)
        if self.view.shown is not None:
            self.follow(*self.view.shown)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- the shown entry -------------------------------------------------------

    def target(self) -> tuple[str, str, str]:
        """(kind, code, demo code) of the shown entry: a demo script is its
        module's; ("", "", "") when nothing is shown."""
        if self.view.shown is None:
            return "", "", ""
        kind, code = self.view.shown
        if kind == "demo":
            return "module", code.split(".", 1)[0], code
        return kind, code, ""

    def follow(self, _kind: str, _code: str) -> None:
        """Enable the buttons for the shown entry and say where it is from."""
        kind, code, _demo = self.target()
        editable = kind in ENTRY_FILES
        self.edit_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and self.view.shown is not None
                                      and self.view.shown[0] != "demo")
        origin = self.content.origin(kind, code) if editable else None
        self.reset_button.setEnabled(bool(origin and origin.origin == "edited"))
        if origin is None or not origin.edited:
            self.origin_label.setText("")
            self.origin_label.setVisible(False)
            return
        text = (self.tr("Edited on this desk {when} by {who}") if origin.origin == "edited"
                else self.tr("Added on this desk {when} by {who}"))
        self.origin_label.setText(text.format(when=local_time_text(origin.updated_at),
                                              who=origin.updated_by or "—"))
        self.origin_label.setVisible(True)

    def _content_changed(self, change: Change) -> None:
        if change.entity == CONTENT_ENTITY:
            self.view.reload()

    # -- actions ---------------------------------------------------------------

    def _fill_new_menu(self) -> None:
        self.new_menu.clear()
        self.new_menu.addAction(self.tr("Module…"), lambda: self.new_entry("module"))
        self.new_menu.addAction(self.tr("Industry…"), lambda: self.new_entry("industry"))
        self.new_menu.addAction(self.tr("Competitor…"), lambda: self.new_entry("competitor"))
        removed = self.content.removed_entries()
        if removed:
            restore = self.new_menu.addMenu(self.tr("Restore a removed entry"))
            files = self.content.file_knowledge()
            getters = {"module": files.module, "industry": files.industry,
                       "competitor": files.competitor}
            for row in removed:
                name = getters[row.kind](row.code).name
                restore.addAction(name, partial(self.restore, row.kind, row.code))

    def new_entry(self, kind: str) -> str | None:
        if kind == "module" and not self.content.addable_modules():
            QMessageBox.information(self, self.tr("New module"), self.tr(
                "The knowledge base has an entry for every module of the playbook."))
            return None
        code = edit_entry(self, self.content, kind)
        if code:
            self.view.reload(show=(kind, code))
        return code

    def edit(self) -> str | None:
        kind, code, demo = self.target()
        if not code:
            return None
        saved = edit_entry(self, self.content, kind, code, demo=demo)
        if saved:
            self.view.reload(show=self.view.shown)
        return saved

    def remove(self) -> bool:
        kind, code, _demo = self.target()
        if not code:
            return False
        shipped = self.content.in_files(kind, code)
        text = (self.tr("Remove this entry from the knowledge base on this desk? "
                        "It can be restored from New….") if shipped
                else self.tr("Delete this entry added on this desk?"))
        answer = QMessageBox.question(
            self, self.tr("Remove entry"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._act(lambda: self.content.remove_entry(kind, code))

    def reset(self) -> bool:
        kind, code, _demo = self.target()
        answer = QMessageBox.question(
            self, self.tr("Reset entry"),
            self.tr("Forget this desk's changes to the entry and use the files' again?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._act(lambda: self.content.reset_entry(kind, code))

    def restore(self, kind: str, code: str) -> bool:
        done = self._act(lambda: self.content.reset_entry(kind, code))
        if done:
            self.view.reload(show=(kind, code))
        return done

    def _act(self, action: Any) -> bool:
        try:
            action()
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Knowledge base"), exc.render(translate))
            return False
        return True

    def questionnaires(self) -> None:
        from erpdesk.ui.presales.questionnaire_editor import edit_questionnaires

        kind, code, _demo = self.target()
        edit_questionnaires(self, self.content, code if kind == "module" else "")

    def export_knowledge(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export the knowledge base to"))
        if folder:
            self._export(lambda: self.content.export_knowledge(folder), folder)

    def export_questionnaires(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the questionnaires"), "questionnaires.toml",
            self.tr("TOML files (*.toml)"))
        if path:
            self._export(lambda: self.content.export_questionnaires(path), path)

    def _export(self, write: Any, where: str) -> None:
        try:
            write()
        except (OSError, DomainError) as exc:
            detail = exc.render(translate) if isinstance(exc, DomainError) else str(exc)
            QMessageBox.warning(self, self.tr("Export"),
                                self.tr("Could not write {where}: {detail}").format(
                                    where=where, detail=detail))
            return
        QMessageBox.information(self, self.tr("Export"), self.tr(
            "Written to {where}. Name it in ERPDESK_KNOWLEDGE or ERPDESK_QUESTIONNAIRES "
            "on the other desks.").format(where=where))
