"""The sync log: the recent runs, errors and sign-ins of this window (kept
in memory, bounded), the stored last error, and the changes the registry
refused (they stay in the outbox and are offered again at every sync)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.ui.form_fit import fit_to_screen
from erpdesk.ui.sync.conflicts import entity_name
from erpdesk.ui.sync.controller import SyncController, render_entry
from erpdesk.ui.sync.rows_model import RowsModel
from erpdesk.ui.widgets import PROBLEM_STYLE, local_time_text, settle_minimum_size


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class SyncLogDialog(QDialog):
    """What sync did and what it could not do; follows *controller*."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncLogDialog")
        self.controller = controller
        self.last_error = QLabel()
        self.last_error.setWordWrap(True)
        self.last_error.setStyleSheet(PROBLEM_STYLE)
        self.runs_title = QLabel()
        self.runs = RowsModel()
        self.runs_view = _table(self.runs)
        self.refused_title = QLabel()
        self.refused = RowsModel()
        self.refused_view = _table(self.refused)
        self.empty = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(controller.sync_now)
        self.buttons.addButton(self.sync_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.last_error)
        layout.addWidget(self.runs_title)
        layout.addWidget(self.runs_view, 3)
        layout.addWidget(self.empty)
        layout.addWidget(self.refused_title)
        layout.addWidget(self.refused_view, 2)
        layout.addWidget(self.buttons)
        controller.log_changed.connect(self.reload)
        controller.status_changed.connect(self.reload)
        self.retranslate_ui()
        settle_minimum_size(self)
        fit_to_screen(self, 820, 520)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sync log"))
        self.runs_title.setText(self.tr("Recent sync activity (this session)"))
        self.refused_title.setText(self.tr(
            "Changes the registry refused: they stay on this desk and are offered again at "
            "every sync"))
        self.runs.set_headers([self.tr("Time"), self.tr("What"), self.tr("Details")])
        self.refused.set_headers([self.tr("Record"), self.tr("Id"), self.tr("Reason")])
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.sync_button.setText(self.tr("Sync now"))
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def reload(self, *_args: object) -> None:
        entries = list(reversed(self.controller.log.entries()))  # newest first
        kinds = {
            "run": self.tr("Sync"), "error": self.tr("Error"), "refused": self.tr("Refused"),
            "clock": self.tr("Clock"), "session": self.tr("Sign-in"),
        }
        texts = [render_entry(e) for e in entries]
        self.runs.set_rows(
            [[local_time_text(e.at), kinds.get(e.kind, e.kind), text]
             for e, text in zip(entries, texts, strict=True)],
            tips=texts,
        )
        self.empty.setText(self.tr("Nothing happened yet in this session."))
        self.empty.setVisible(not entries)
        status = self.controller.status
        failed = status.failed_ops if status is not None else []
        self.refused.set_rows(
            [[entity_name(str(f["entity"])), str(f["entity_id"]), str(f["message"])]
             for f in failed],
            tips=[str(f["message"]) for f in failed],
        )
        self.refused_title.setVisible(bool(failed))
        self.refused_view.setVisible(bool(failed))
        error = self.controller.last_error_text()
        self.last_error.setText(self.tr("Last error: {error}").format(error=error) if error
                                else "")
        self.last_error.setVisible(bool(error))
