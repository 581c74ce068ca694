"""The deal editor: a new deal of a customer, or an edit of a deal's fields
(stage moves are not edits: they go through the gates).

Values are passed to the service as typed (text for amounts and dates:
"12.5万", "2026-06-30"); the domain reads and checks them and its problems
are shown under the field they name.  Nothing is saved while there are
problems.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.customer import Source
from erpdesk.domain.errors import DomainError, ValidationError
from erpdesk.ui.form_fit import add_field_row, fit_to_screen, natural_height, scrolling
from erpdesk.ui.funnel.worksheet_widgets import name_text
from erpdesk.ui.presales.survey_parts import reserved_problem_label
from erpdesk.ui.widgets import (
    EnumCombo,
    ProblemLabel,
    problems_by_field,
    settle_minimum_size,
    translate,
)

if TYPE_CHECKING:
    from erpdesk.domain.deal import Deal
    from erpdesk.services.deals import DealService

# The fields the form edits, in order.
FIELDS = (
    "name", "modules", "amount", "close_date", "owner", "competitors",
    "next_step", "next_step_date", "source", "notes",
)  # fmt: skip


class DealEditor(QDialog):
    """A new deal of *customer_id* (``deal`` None) or an edit of *deal*.

    Signals:
        saved(str): the deal was saved (its id).
    """

    saved = Signal(str)

    def __init__(
        self,
        deals: DealService,
        customer_id: str,
        deal: Deal | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._deals = deals
        self.customer_id = customer_id
        self.deal = deal
        self.dirty = False
        self.saved_id: str | None = None
        playbook = deals.playbook

        self.name_edit = QLineEdit()
        self.modules_list = QListWidget()
        for choice in playbook.modules:
            item = QListWidgetItem(name_text(choice.names))
            item.setData(Qt.ItemDataRole.UserRole, choice.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.modules_list.addItem(item)
        self.modules_list.setMaximumHeight(130)
        self.modules_list.setMinimumHeight(min(130, self.fontMetrics().lineSpacing() * 6))
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(self.tr("e.g. 850000 or 85万"))
        self.close_date_edit = QLineEdit()
        self.close_date_edit.setPlaceholderText("2026-06-30")
        self.owner_edit = QLineEdit(deals.user)
        self.competitors_edit = QLineEdit()
        self.competitors_edit.setPlaceholderText(self.tr("Separated by commas"))
        self.next_step_edit = QLineEdit()
        self.next_step_date_edit = QLineEdit()
        self.next_step_date_edit.setPlaceholderText("2026-06-30")
        self.source_combo = EnumCombo(Source, "—")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(80)

        self.editors: dict[str, QWidget] = {
            "name": self.name_edit,
            "modules": self.modules_list,
            "amount": self.amount_edit,
            "close_date": self.close_date_edit,
            "owner": self.owner_edit,
            "competitors": self.competitors_edit,
            "next_step": self.next_step_edit,
            "next_step_date": self.next_step_date_edit,
            "source": self.source_combo,
            "notes": self.notes_edit,
        }
        captions = {
            "name": self.tr("Deal name *"),
            "modules": self.tr("ERP modules"),
            "amount": self.tr("Estimated amount (CNY)"),
            "close_date": self.tr("Expected close date"),
            "owner": self.tr("Owner"),
            "competitors": self.tr("Competitors"),
            "next_step": self.tr("Next step"),
            "next_step_date": self.tr("Next step date"),
            "source": self.tr("Source"),
            "notes": self.tr("Notes"),
        }
        self.problem_labels: dict[str, ProblemLabel] = {}
        fields = QWidget()
        form = QFormLayout(fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(1)
        for key in FIELDS:
            self.problem_labels[key] = add_field_row(form, captions[key], self.editors[key], 1)
        self.form_area = scrolling(fields)  # scrolls on a laptop at 150 %
        self.error_label = reserved_problem_label(2, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_area, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        if deal is not None:
            self.setWindowTitle(self.tr("Edit deal {name}").format(name=deal.name))
            self._load(deal)
        else:
            self.setWindowTitle(self.tr("New deal"))
        for widget in self.editors.values():
            signal = getattr(widget, "textChanged", None) or getattr(widget, "itemChanged", None)
            if signal is None:
                signal = widget.currentIndexChanged  # type: ignore[attr-defined]
            signal.connect(self._mark_dirty)
        settle_minimum_size(self)
        fit_to_screen(self, 560, natural_height(self, self.form_area))

    def _mark_dirty(self, *_args: Any) -> None:
        self.dirty = True

    def _load(self, deal: Deal) -> None:
        self.name_edit.setText(deal.name)
        for i in range(self.modules_list.count()):
            item = self.modules_list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in deal.modules
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.amount_edit.setText(str(deal.amount))
        self.close_date_edit.setText(deal.close_date.isoformat() if deal.close_date else "")
        self.owner_edit.setText(deal.owner)
        self.competitors_edit.setText(", ".join(deal.competitors))
        self.next_step_edit.setText(deal.next_step)
        self.next_step_date_edit.setText(
            deal.next_step_date.isoformat() if deal.next_step_date else ""
        )
        self.source_combo.set_member(deal.source)
        self.notes_edit.setPlainText(deal.notes)

    def values(self) -> dict[str, Any]:
        """The form's values as the service takes them (without the name)."""
        modules = tuple(
            self.modules_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.modules_list.count())
            if self.modules_list.item(i).checkState() == Qt.CheckState.Checked
        )
        return {
            "modules": modules,
            "amount": self.amount_edit.text().strip() or "0",
            "close_date": self.close_date_edit.text().strip(),
            "owner": self.owner_edit.text().strip(),
            "competitors": self.competitors_edit.text(),
            "next_step": self.next_step_edit.text().strip(),
            "next_step_date": self.next_step_date_edit.text().strip(),
            "source": self.source_combo.current_member(),
            "notes": self.notes_edit.toPlainText().strip(),
        }

    def save(self) -> bool:
        """Save through the service; show its problems by field otherwise."""
        name = self.name_edit.text().strip()
        try:
            if self.deal is None:
                saved = self._deals.create(self.customer_id, name, **self.values())
            else:
                saved = self._deals.update(self.deal.id, name=name, **self.values())
        except ValidationError as exc:
            by_field = problems_by_field(exc.problems)
            for key, label in self.problem_labels.items():
                label.set_problems(by_field.pop(key, []))
            rest = [p for found in by_field.values() for p in found]
            self.error_label.show_text(
                "\n".join(p.render(translate) for p in rest)
                or self.tr("Please correct the fields marked in red.")
            )
            return False
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return False
        self.dirty = False
        self.saved_id = saved.id
        self.saved.emit(saved.id)
        self.accept()
        return True

    def reject(self) -> None:
        if self.dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Discard the changes to this deal?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.dirty = False
        super().reject()


def new_deal(parent: QWidget | None, deals: DealService, customer_id: str) -> str | None:
    """Ask for a new deal of *customer_id*; its id, or None if cancelled."""
    editor = DealEditor(deals, customer_id, parent=parent)
    editor.exec()
    return editor.saved_id


def edit_deal(parent: QWidget | None, deals: DealService, deal_id: str) -> bool:
    """Edit the deal's fields; True when saved."""
    deal = deals.get(deal_id)
    editor = DealEditor(deals, deal.customer_id, deal, parent=parent)
    editor.exec()
    return editor.saved_id is not None
