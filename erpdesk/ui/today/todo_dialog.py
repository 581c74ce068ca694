"""A new task (待办) or an edit of a todo: title, due date and time, the
customer picked by a search of the desk's customers, optionally one of its
deals, notes.

The service and the todo rules check everything; their problems show
under the field they name in a line whose space is kept, so the form does
not shift, and the dialog stays open with what was typed.  An edit checks
the new title and notes and the move together before writing either.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError, Problem, ValidationError
from erpdesk.ui.form_fit import fit_to_screen, reserved_problem, with_reserved_problem
from erpdesk.ui.widgets import (
    ProblemLabel,
    problems_by_field,
    settle_minimum_size,
    translate,
)

if TYPE_CHECKING:
    from erpdesk.domain.todo import Todo
    from erpdesk.ui.today import TodayServices

SEARCH_DELAY_MS = 200
SEARCH_LIMIT = 30
FIELDS = ("title", "due_at", "customer_id", "deal_id", "notes")


def default_due(now: datetime) -> datetime:
    """The next full hour today, or tomorrow 9:00 after 18:00."""
    if now.hour >= 18:
        return datetime.combine(now.date() + timedelta(days=1), time(9), tzinfo=now.tzinfo)
    return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


class TodoDialog(QDialog):
    """A new task (*todo* None; *customer_id* / *customer_name* preset it)
    or an edit of *todo*.

    Signals:
        saved(str): the todo was saved (its id).
    """

    saved = Signal(str)

    def __init__(
        self,
        services: TodayServices,
        todo: Todo | None = None,
        parent: QWidget | None = None,
        *,
        customer_id: str = "",
        customer_name: str = "",
        deal_id: str = "",
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.todo = todo
        self.saved_id: str | None = None
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        self.customer_search.textEdited.connect(lambda _t: self._search_timer.start())
        self.customer_combo.currentIndexChanged.connect(lambda _i: self._load_deals())
        now = services.todos.now()
        self.zone = now.tzinfo
        if todo is not None:
            self._load(todo, customer_name)
        else:
            self.set_due(default_due(now))
            if customer_id:
                self.customer_combo.addItem(customer_name or customer_id, customer_id)
                self.customer_search.setText(customer_name)
                self._select_deal(deal_id)
        self.retranslate_ui()
        settle_minimum_size(self)
        fit_to_screen(self, 520, self.sizeHint().height())

    def _build(self) -> None:
        self.title_edit = QLineEdit()
        self.due_edit = QDateTimeEdit()
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.customer_search = QLineEdit()
        self.customer_search.setClearButtonEnabled(True)
        self.customer_combo = QComboBox()
        self.customer_combo.setMinimumContentsLength(24)
        self.customer_note = QLabel()
        self.customer_note.setStyleSheet("color: #546e7a;")
        self.deal_combo = QComboBox()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(90)
        customer = QWidget()
        box = QVBoxLayout(customer)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        for widget in (self.customer_search, self.customer_combo, self.customer_note):
            box.addWidget(widget)
        editors: dict[str, QWidget] = {
            "title": self.title_edit, "due_at": self.due_edit, "customer_id": customer,
            "deal_id": self.deal_combo, "notes": self.notes_edit,
        }  # fmt: skip
        self.problem_labels: dict[str, ProblemLabel] = {}
        self.captions: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # every problem line keeps a fixed room (a whole line, also while
        # hidden): an error never shifts the form
        for key in FIELDS:
            row, label = with_reserved_problem(editors[key])
            self.problem_labels[key] = label
            self.captions[key] = QLabel()
            form.addRow(self.captions[key], row)
        error_room, self.error_label = reserved_problem(2)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(error_room)
        layout.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        editing = self.todo is not None
        self.setWindowTitle(self.tr("Edit todo") if editing else self.tr("New task"))
        captions = {
            "title": self.tr("Title *"), "due_at": self.tr("Due *"),
            "customer_id": self.tr("Customer *"), "deal_id": self.tr("Deal"),
            "notes": self.tr("Notes"),
        }  # fmt: skip
        for key, caption in captions.items():
            self.captions[key].setText(caption)
        self.title_edit.setPlaceholderText(self.tr("e.g. Send the revised quote"))
        self.customer_search.setPlaceholderText(self.tr("Type a company name, pinyin or phone"))
        self.customer_note.setText(
            self.tr("The customer of a todo stays as it is") if editing else ""
        )
        self.customer_note.setVisible(editing)
        if self.deal_combo.count():
            self.deal_combo.setItemText(0, self.tr("— no deal —"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- values ----------------------------------------------------------------

    def _load(self, todo: Todo, customer_name: str) -> None:
        self.title_edit.setText(todo.title)
        self.set_due(todo.due_at)
        self.notes_edit.setPlainText(todo.notes)
        self.customer_combo.addItem(customer_name or todo.customer_id, todo.customer_id)
        self.customer_search.setText(customer_name)
        for widget in (self.customer_search, self.customer_combo, self.deal_combo):
            widget.setEnabled(False)
        self._select_deal(todo.deal_id or "")

    def set_due(self, moment: datetime) -> None:
        local = moment.astimezone(self.zone) if moment.tzinfo else moment
        self.due_edit.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )

    def due_at(self) -> datetime:
        """The due time typed, in the user's zone."""
        naive = self.due_edit.dateTime().toPython()
        assert isinstance(naive, datetime)
        return naive.replace(second=0, microsecond=0, tzinfo=self.zone)

    def customer_id(self) -> str:
        return str(self.customer_combo.currentData() or "")

    def deal_id(self) -> str | None:
        return str(self.deal_combo.currentData() or "") or None

    def search(self) -> None:
        """Fill the customer list with the customers matching the search."""
        self._search_timer.stop()
        text = self.customer_search.text().strip()
        customers = self.services.customers
        rows = customers.page(customers.criteria(text), limit=SEARCH_LIMIT) if text else []
        self.customer_combo.blockSignals(True)
        self.customer_combo.clear()
        for row in rows:
            self.customer_combo.addItem(row.name, row.id)
        self.customer_combo.blockSignals(False)
        self._load_deals()

    def _load_deals(self, keep: str = "") -> None:
        self.deal_combo.clear()
        self.deal_combo.addItem(self.tr("— no deal —"), "")
        customer = self.customer_id()
        if not customer:
            return
        for card in self.services.deals.deals_of_customer(customer):
            if card.closed_at is None or card.id == keep:
                self.deal_combo.addItem(card.name, card.id)

    def _select_deal(self, deal_id: str) -> None:
        self._load_deals(keep=deal_id)
        index = self.deal_combo.findData(deal_id) if deal_id else 0
        self.deal_combo.setCurrentIndex(max(index, 0))

    # -- saving ----------------------------------------------------------------

    def save(self) -> bool:
        """Save through the service; show its problems by field otherwise
        (the dialog stays open, nothing typed is lost)."""
        title, notes = self.title_edit.text(), self.notes_edit.toPlainText()
        try:
            if self.todo is None:
                saved = self.services.todos.add_task(
                    self.customer_id(), title, self.due_at(), self.deal_id(), notes
                )
            else:
                saved = self._save_edit(self.todo, title, notes)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except DomainError as exc:
            self.show_problems([])
            self.error_label.show_text(exc.render(translate))
            return False
        self.saved_id = saved.id
        self.saved.emit(saved.id)
        self.accept()
        return True

    def _save_edit(self, todo: Todo, title: str, notes: str) -> Todo:
        """Check the edit and the move together, then write them."""
        from erpdesk.domain.todo import TodoRefused, edit_todo, move

        now = self.services.todos.now()
        due = self.due_at()
        problems: list[Problem] = []
        for check in (
            lambda: edit_todo(todo, now=now, title=title, notes=notes),
            lambda: move(todo, due, now=now) if due != todo.due_at else todo,
        ):
            try:
                check()
            except TodoRefused as refused:
                problems += refused.problems
        if problems:
            raise ValidationError(problems)
        saved = self.services.todos.edit(todo.id, title=title, notes=notes)
        if due != todo.due_at:
            saved = self.services.todos.move(todo.id, due)
        return saved

    def show_problems(self, problems: list[Problem]) -> None:
        by_field = problems_by_field(problems)
        for key, label in self.problem_labels.items():
            found = by_field.pop(key, [])
            label.set_problems(found)
            label.setToolTip(label.text())
        rest = [p for found in by_field.values() for p in found]
        self.error_label.show_text(
            "\n".join(p.render(translate) for p in rest)
            or (self.tr("Please correct the fields marked in red.") if problems else "")
        )

    def reject(self) -> None:
        if self.todo is None and self.title_edit.text().strip():
            answer = QMessageBox.question(
                self, self.tr("Unsaved task"), self.tr("Discard this task?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
