"""Small dialogs of the customer panel: a contact, and an activity (a visit,
a call ...; its next step may get a due time, which makes it a todo:
docs/todos.md).  Both validate inline with the domain's rules and save
through ``CustomerService``; an error from the service is shown in the
dialog and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.customer import Activity, ActivityKind, Contact, ContactLevel, utcnow
from erpdesk.domain.dates import EARLIEST, latest_plausible
from erpdesk.domain.errors import DomainError, Problem, ValidationError
from erpdesk.domain.todo import next_step_todo
from erpdesk.domain.validation import (
    activity_problems,
    contact_problems,
    normalize_contact,
)
from erpdesk.ui.form_fit import (
    add_field_row,
    field_width,
    reserved_problem,
)
from erpdesk.ui.presales.survey_parts import reserved_problem_label
from erpdesk.ui.presales.task_common import default_start, from_qdatetime, to_qdatetime
from erpdesk.ui.widgets import (
    EnumCombo,
    ProblemLabel,
    problems_by_field,
    settle_minimum_size,
    translate,
)

if TYPE_CHECKING:
    from erpdesk.services.customers import CustomerService

class ContactDialog(QDialog):
    """Add or edit one contact of a customer.

    Signals:
        saved(str): the contact's id, after the service saved it.
    """

    saved = Signal(str)

    def __init__(
        self,
        service: CustomerService,
        customer_id: str,
        contact: Contact | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._base = contact or Contact(customer_id=customer_id, name="")
        self._touched: set[str] = set()
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("New contact"))

        self.name_edit = QLineEdit(self._base.name)
        self.title_edit = QLineEdit(self._base.title)
        self.department_edit = QLineEdit(self._base.department)
        self.level_combo = EnumCombo(ContactLevel, "—")
        self.level_combo.set_member(self._base.level)
        self.mobile_edit = QLineEdit(self._base.mobile)
        self.office_phone_edit = QLineEdit(self._base.office_phone)
        self.email_edit = QLineEdit(self._base.email)
        self.wechat_edit = QLineEdit(self._base.wechat)
        self.mobile_edit.setPlaceholderText("138 0000 0000")
        self.office_phone_edit.setPlaceholderText("0531-8510 6000")

        self.problem_labels: dict[str, ProblemLabel] = {}
        rows = (
            ("name", self.tr("Name"), self.name_edit),
            ("title", self.tr("Title"), self.title_edit),
            ("department", self.tr("Department"), self.department_edit),
            ("level", self.tr("Level"), self.level_combo),
            ("mobile", self.tr("Mobile"), self.mobile_edit),
            ("office_phone", self.tr("Office phone"), self.office_phone_edit),
            ("email", self.tr("E-mail"), self.email_edit),
            ("wechat", self.tr("WeChat"), self.wechat_edit),
        )
        # Two columns (who; how to reach), each field over its problem line:
        # short enough for a 150 % laptop, and no field moves on an error.
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        grid.setColumnMinimumWidth(2, 12)
        for index, (key, label, editor) in enumerate(rows):
            row, column = 2 * (index % 4), 3 * (index // 4)
            editor.setMinimumWidth(field_width(editor))
            holder, self.problem_labels[key] = reserved_problem(2)
            grid.addWidget(QLabel(label), row, column)
            grid.addWidget(editor, row, column + 1)
            grid.addWidget(holder, row + 1, column + 1)
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(lambda _t, k=key: self._edited(k))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(4, 1)
        self.level_combo.currentIndexChanged.connect(lambda _i: self._edited("level"))

        self.error_label = reserved_problem_label(2, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        settle_minimum_size(self)
        self._validate()

    def current_contact(self) -> Contact:
        return replace(
            self._base,
            name=self.name_edit.text(),
            title=self.title_edit.text(),
            department=self.department_edit.text(),
            level=self.level_combo.current_member(),
            mobile=self.mobile_edit.text(),
            office_phone=self.office_phone_edit.text(),
            email=self.email_edit.text(),
            wechat=self.wechat_edit.text(),
        )

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._validate()

    def _validate(self) -> bool:
        problems = contact_problems(normalize_contact(self.current_contact()))
        by_field = problems_by_field(problems)
        for key, label in self.problem_labels.items():
            shown = key in self._touched or key != "name"
            label.set_problems(by_field.get(key, []) if shown else [])
        self.save_button.setEnabled(not problems)
        return not problems

    def save(self) -> None:
        if not self._validate():
            return
        try:
            saved = self._service.save_contact(self.current_contact())
        except ValidationError as exc:
            self._touched.update(self.problem_labels)
            by_field = problems_by_field(exc.problems)
            for key, label in self.problem_labels.items():
                label.set_problems(by_field.get(key, []))
            self.error_label.show_text(exc.render(translate))
            return
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return
        self.saved.emit(saved.id)
        self.accept()


class ActivityDialog(QDialog):
    """Log an activity on a customer: kind (preset), time (now, editable),
    contact, summary (required), outcome, next step and, optionally, when
    the next step is due ("Remind me" ticked): saving then makes it a todo
    in the same transaction.

    Signals:
        saved(str): the activity's id, after the service saved it.
    """

    saved = Signal(str)

    def __init__(
        self,
        service: CustomerService,
        customer_id: str,
        kind: ActivityKind = ActivityKind.VISIT,
        contacts: Sequence[Contact] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._customer_id = customer_id
        self._summary_touched = False
        titles = {
            ActivityKind.VISIT: self.tr("Log a visit"),
            ActivityKind.CALL: self.tr("Log a call"),
        }
        self.setWindowTitle(titles.get(kind, self.tr("Log an activity")))

        self.kind_combo = EnumCombo(ActivityKind)
        self.kind_combo.set_member(kind)
        self.time_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.time_edit.setCalendarPopup(True)
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        # Only plausible dates can be picked (the domain's rule, as the registry checks).
        latest = latest_plausible(utcnow())
        self.time_edit.setMinimumDate(QDate(EARLIEST.year, EARLIEST.month, EARLIEST.day))
        self.time_edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        self.contact_combo = QComboBox()
        self.contact_combo.addItem(self.tr("(no contact)"), None)
        for contact in contacts:
            label = f"{contact.name}  {contact.title}".strip()
            self.contact_combo.addItem(label, contact.id)
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setPlaceholderText(self.tr("What happened"))
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(80)
        self.outcome_edit = QLineEdit()
        self.next_step_edit = QLineEdit()
        self._build_due()

        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind_combo)
        self.time_edit.setMinimumWidth(field_width(self.time_edit))
        self.time_problem = add_field_row(form, self.tr("Time"), self.time_edit, 1)
        form.addRow(self.tr("Contact"), self.contact_combo)
        self.summary_problem = add_field_row(form, self.tr("Summary"), self.summary_edit, 1)
        form.addRow(self.tr("Outcome"), self.outcome_edit)
        form.addRow(self.tr("Next step"), self.next_step_edit)
        form.addRow(self.due_label, self.due_box)

        self.error_label = reserved_problem_label(2, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.summary_edit.textChanged.connect(self._summary_edited)
        self.time_edit.dateTimeChanged.connect(self._validate)
        self.next_step_edit.textChanged.connect(self._validate)
        self.remind_check.toggled.connect(self._remind_toggled)
        self.due_edit.dateTimeChanged.connect(self._validate)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.summary_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.retranslate_ui()
        settle_minimum_size(self)
        self.setMinimumWidth(max(self.minimumWidth(), 460))
        self._validate()

    def _build_due(self) -> None:
        """The next step's due row: "Remind me" and a date and time (from
        today on, tomorrow 9:30 by default), with a problem line whose room
        is kept so the form never shifts."""
        self.due_label = QLabel()
        self.remind_check = QCheckBox()
        self.due_edit = QDateTimeEdit(to_qdatetime(default_start()))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        today = QDate.currentDate()
        latest = latest_plausible(utcnow())
        self.due_edit.setMinimumDate(today)
        self.due_edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        self.due_edit.setEnabled(False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.remind_check)
        row.addWidget(self.due_edit, 1)
        self.due_problem = reserved_problem_label(2)
        self.due_box = QWidget()
        box = QVBoxLayout(self.due_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(row)
        box.addWidget(self.due_problem)

    def retranslate_ui(self) -> None:
        self.due_label.setText(self.tr("Due"))
        self.remind_check.setText(self.tr("Remind me"))
        self.remind_check.setToolTip(
            self.tr("Make the next step a todo due at this date and time")
        )
        self._validate_due()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def next_step_due(self) -> datetime | None:
        """When the next step is due, or None when "Remind me" is not ticked."""
        if not self.remind_check.isChecked():
            return None
        return from_qdatetime(self.due_edit.dateTime())

    def _remind_toggled(self, checked: bool) -> None:
        self.due_edit.setEnabled(checked)
        self._validate()

    def _due_problems(self, activity: Activity) -> list[Problem]:
        due = self.next_step_due()
        if due is None:
            return []
        try:
            next_step_todo(activity, due, now=utcnow().astimezone())
        except ValidationError as refused:
            return refused.problems
        return []

    def _validate_due(self) -> bool:
        problems = self._due_problems(self.current_activity())
        self.due_problem.set_problems(problems)
        return not problems

    def current_activity(self) -> Activity:
        seconds = self.time_edit.dateTime().toSecsSinceEpoch()
        return Activity(
            customer_id=self._customer_id,
            kind=self.kind_combo.current_member() or ActivityKind.OTHER,
            occurred_at=datetime.fromtimestamp(seconds, UTC),
            summary=self.summary_edit.toPlainText(),
            contact_id=self.contact_combo.currentData() or None,
            outcome=self.outcome_edit.text(),
            next_step=self.next_step_edit.text(),
        )

    def _summary_edited(self) -> None:
        self._summary_touched = True
        self._validate()

    def _validate(self) -> bool:
        activity = self.current_activity()
        activity = replace(activity, summary=activity.summary.strip())
        problems = activity_problems(activity, now=utcnow())
        summary_problems = [p for p in problems if p.field == "summary"]
        self.summary_problem.set_problems(summary_problems if self._summary_touched else [])
        self.time_problem.set_problems([p for p in problems if p.field == "occurred_at"])
        due_ok = self._validate_due()
        self.save_button.setEnabled(not problems and due_ok)
        return not problems and due_ok

    def save(self) -> None:
        if not self._validate():
            return
        try:
            saved = self._service.log_activity(
                self.current_activity(), next_step_due=self.next_step_due()
            )
        except ValidationError as exc:
            by_field = problems_by_field(exc.problems)
            self.summary_problem.set_problems(by_field.get("summary", []))
            self.time_problem.set_problems(by_field.get("occurred_at", []))
            due = by_field.get("due_at", []) + by_field.get("next_step", [])
            self.due_problem.set_problems(due)
            self.error_label.show_text(exc.render(translate))
            return
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return
        self.saved.emit(saved.id)
        self.accept()
