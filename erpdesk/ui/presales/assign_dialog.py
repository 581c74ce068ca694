"""Assigning (or re-assigning) a support request to a presales consultant.

The lead picks a consultant from the list the desk keeps
(``PresalesPeople``: the registry's last list and the consultants the
desk's own work names), with each one's team and open engagements; when
the desk is signed in (a runner), the list is refreshed from the registry
in the background and the choice follows.  A user name may also be typed:
one the list does not hold is checked by the registry when the desk syncs
(the desk cannot know), and the dialog says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from erpdesk.services.presales_people import Consultant, ConsultantList, PresalesPeople
from erpdesk.ui.presales.requests_dialogs import Submit, problem_line
from erpdesk.ui.widgets import WARNING_STYLE, local_time_text, settle_minimum_size

if TYPE_CHECKING:
    from erpdesk.ui.workbench.runner import ApiRunner

NAME_ROLE = Qt.ItemDataRole.UserRole
MAX_NAME = 64  # a registry user name


class AssignDialog(QDialog):
    """Choose the consultant of *what* (a request, as the user reads it);
    *current* is its consultant now ("" when none); *submit* assigns."""

    def __init__(
        self,
        people: PresalesPeople,
        what: str,
        submit: Submit,
        *,
        current: str = "",
        runner: ApiRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._people = people
        self._what = what
        self._current = current
        self._submit = submit
        self._runner = runner
        self._state = "kept"  # kept | refreshing | refreshed | failed
        self._failure = ""
        self.found = ConsultantList()
        self._build()
        self.show_list(people.consultants())
        self.retranslate_ui()
        settle_minimum_size(self)
        if runner is not None:
            self.refresh()

    def _build(self) -> None:
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setColumnCount(3)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumWidth(440)
        self.table.setMaximumHeight(260)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentItemChanged.connect(self._picked)
        self.table.itemDoubleClicked.connect(lambda *_: self.accept())
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: #616161;")
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.name.textEdited.connect(self._typed)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        self.note = problem_line(self)
        self.note.setStyleSheet(WARNING_STYLE)
        self.problem = problem_line(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.assign_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.source)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    # -- texts ---------------------------------------------------------------

    def retranslate_ui(self) -> None:
        again = bool(self._current)
        self.setWindowTitle(self.tr("Re-assign the support request") if again
                            else self.tr("Assign the support request"))  # fmt: skip
        self.intro.setText(
            self.tr("Hand {what} from {current} to another presales consultant.").format(
                what=self._what, current=self._current)
            if again else
            self.tr("Assign {what} to a presales consultant.").format(what=self._what)
        )  # fmt: skip
        self.table.setHeaderLabels(
            [self.tr("Consultant"), self.tr("Team"), self.tr("Open engagements")]
        )
        self.name_label.setText(self.tr("User name:"))
        self.name.setPlaceholderText(self.tr("Pick from the list or type a registry user name"))
        self.assign_button.setText(self.tr("Re-assign") if again else self.tr("Assign"))
        self._fill_tips()
        self._show_source()
        self._show_note()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_source(self) -> None:
        when = local_time_text(self.found.fetched_at)
        if self._state == "refreshing":
            text = self.tr("Refreshing the list from the registry…")
        elif self._state == "failed":
            text = self.tr("The list was not refreshed ({reason}); the one kept on this desk "
                           "is shown.").format(reason=self._failure)  # fmt: skip
        elif when:
            text = self.tr("The registry's list of {when}.").format(when=when)
        else:
            text = self.tr("No list from the registry yet: the consultants this desk's "
                           "requests name are shown.")  # fmt: skip
        self.source.setText(text)

    def _show_note(self) -> None:
        name = self.chosen()
        found = self.found.get(name) if name else None
        if not name:
            text = ""
        elif name == self._current:
            text = self.tr("{name} is the consultant now.").format(name=name)
        elif found is None or not found.listed:
            text = self.tr("{name} is not in the registry's list: the registry checks that "
                           "it is a presales consultant when the desk syncs.").format(name=name)
        else:
            text = ""
        self.note.setText(text)

    # -- the list ------------------------------------------------------------

    def show_list(self, found: ConsultantList) -> None:
        """Show *found*, keeping what the user chose or typed."""
        self.found = found
        typed = self.chosen()
        self.table.blockSignals(True)
        self.table.clear()
        for consultant in found.consultants:
            self.table.addTopLevelItem(self._item(consultant))
        self.table.blockSignals(False)
        self._fill_tips()
        self._select(typed)
        self._show_note()

    def _item(self, consultant: Consultant) -> QTreeWidgetItem:
        label = consultant.label() + (" ★" if consultant.lead else "")
        item = QTreeWidgetItem([label, consultant.team, str(consultant.open_engagements)])
        item.setData(0, NAME_ROLE, consultant.username)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not consultant.listed:
            font = QFont(item.font(0))
            font.setItalic(True)
            for column in range(3):
                item.setFont(column, font)
                item.setForeground(column, QBrush(QColor("#757575")))
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _fill_tips(self) -> None:
        for item in self._items():
            found = self.found.get(str(item.data(0, NAME_ROLE)))
            if found is None:
                continue
            if not found.listed:
                tip = self.tr("Named on this desk; not in the registry's last list")
            else:
                tip = self.tr("The team's presales lead") if found.lead else ""
            item.setToolTip(0, tip)

    def _select(self, name: str) -> None:
        self.table.blockSignals(True)
        self.table.setCurrentIndex(QModelIndex())
        self.table.clearSelection()
        for item in self._items():
            if item.data(0, NAME_ROLE) == name:
                self.table.setCurrentItem(item)
                break
        self.table.blockSignals(False)

    def _picked(self, item: QTreeWidgetItem | None, _previous: Any = None) -> None:
        if item is not None:
            self.name.setText(str(item.data(0, NAME_ROLE)))
            self.problem.setText("")
            self._show_note()

    def _typed(self, _text: str) -> None:
        self._select(self.chosen())
        self.problem.setText("")
        self._show_note()

    def chosen(self) -> str:
        """The user name to assign (typed or picked)."""
        return self.name.text().strip()

    def pick(self, username: str) -> None:
        """Choose *username* as a click on its row (or typing it) does."""
        self.name.setText(username)
        self._typed(username)

    # -- the registry --------------------------------------------------------

    def refresh(self) -> None:
        """Ask the registry for the list (off the UI thread); the answer is
        kept on the desk even if the dialog has closed meanwhile."""
        if self._runner is None:
            return
        self._state = "refreshing"
        self._show_source()
        people = self._people

        def done(answer: Any) -> None:
            merged = people.remember(answer)
            if shiboken6.isValid(self):
                self._state = "refreshed"
                self.show_list(merged)
                self._show_source()

        def failed(_kind: str, message: str) -> None:
            if shiboken6.isValid(self):
                self._state, self._failure = "failed", message
                self._show_source()

        self._runner.run(lambda api: api.consultants(), done, failed)

    # -- assigning -----------------------------------------------------------

    def accept(self) -> None:
        """Assign; a refusal stays here with the choice kept."""
        refused = self._submit(self.chosen())
        if refused:
            self.problem.setText(refused)
            self.name.setFocus()
            return
        super().accept()
