"""A customer's trail on the registry, from its audit log: every decision
taken about the customer (its registration and call-back, allocations and
releases, claims from the pool, exemptions, the telemarketing lead it came
from), newest first: when, who, what, why, and what changed (before → after).

The trail loads on the page's ``ApiRunner`` (never on the UI thread), a page
at a time: more as the list is scrolled to its end (``fetchMore``) or with
"More".  A customer chosen while the tab is hidden loads when it is shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.sync.workbench_api import AuditEntry, AuditPage, RegistryCustomer
from erpdesk.ui.admin.allocation import customer_status_text
from erpdesk.ui.admin.picker import CustomerPicker
from erpdesk.ui.table_models import RowTableModel
from erpdesk.ui.widgets import local_time_text
from erpdesk.ui.workbench.common import RegistryView, row_table
from erpdesk.ui.workbench.leads import outcome_text, status_text
from erpdesk.ui.workbench.runner import ApiRunner, MessageBar

CONTEXT = "AuditView"
HEADERS = (
    QT_TRANSLATE_NOOP("AuditView", "When"),
    QT_TRANSLATE_NOOP("AuditView", "Who"),
    QT_TRANSLATE_NOOP("AuditView", "What"),
    QT_TRANSLATE_NOOP("AuditView", "Why"),
    QT_TRANSLATE_NOOP("AuditView", "Changes"),
)
# Every action the registry writes to its audit log (a customer's trail holds
# the registration, customer, pool and lead ones); another is shown as is.
ACTIONS = {
    "registration.submit": QT_TRANSLATE_NOOP("AuditView", "Registered by the rep"),
    "registration.possible_duplicate": QT_TRANSLATE_NOOP(
        "AuditView", "Possible duplicate: near the names of held customers"),
    "registration.callback.valid": QT_TRANSLATE_NOOP("AuditView", "Call-back: registration valid"),
    "registration.callback.invalid": QT_TRANSLATE_NOOP(
        "AuditView", "Call-back: registration invalid"),
    "customer.allocate": QT_TRANSLATE_NOOP("AuditView", "Allocated to a rep"),
    "customer.release": QT_TRANSLATE_NOOP("AuditView", "Released to the pool"),
    "customer.release.expired": QT_TRANSLATE_NOOP(
        "AuditView", "Released to the pool for want of follow-up"),
    "customer.from_lead": QT_TRANSLATE_NOOP("AuditView", "Made from a telemarketing lead"),
    "customer.exempt": QT_TRANSLATE_NOOP("AuditView", "Exempted from release to the pool"),
    "customer.unexempt": QT_TRANSLATE_NOOP("AuditView", "Exemption ended"),
    "pool.claim": QT_TRANSLATE_NOOP("AuditView", "Claimed from the pool"),
    "lead.create": QT_TRANSLATE_NOOP("AuditView", "Lead entered"),
    "lead.handover": QT_TRANSLATE_NOOP("AuditView", "Lead handed over"),
    "lead.return": QT_TRANSLATE_NOOP("AuditView", "Lead returned"),
    "lead.accept": QT_TRANSLATE_NOOP("AuditView", "Lead signed for"),
    "lead.allocate": QT_TRANSLATE_NOOP("AuditView", "Lead allocated to a rep"),
    "lead.outcome": QT_TRANSLATE_NOOP("AuditView", "Lead outcome reported"),
    "user.add": QT_TRANSLATE_NOOP("AuditView", "User added"),
    "user.role": QT_TRANSLATE_NOOP("AuditView", "Role changed"),
    "user.passwd": QT_TRANSLATE_NOOP("AuditView", "Password changed"),
    "user.disable": QT_TRANSLATE_NOOP("AuditView", "User disabled"),
    "user.enable": QT_TRANSLATE_NOOP("AuditView", "User enabled"),
    "user.profile": QT_TRANSLATE_NOOP("AuditView", "Rep profile changed"),
    "login.throttle_clear": QT_TRANSLATE_NOOP("AuditView", "Sign-in block cleared"),
    "settings.set": QT_TRANSLATE_NOOP("AuditView", "Setting changed"),
}
# The fields a logged before/after holds; another is shown by its name.
FIELDS = {
    "status": QT_TRANSLATE_NOOP("AuditView", "Status"),
    "owner_id": QT_TRANSLATE_NOOP("AuditView", "Owner"),
    "last_owner_id": QT_TRANSLATE_NOOP("AuditView", "Last owner"),
    "rep_id": QT_TRANSLATE_NOOP("AuditView", "Rep"),
    "protected_since": QT_TRANSLATE_NOOP("AuditView", "Protected since"),
    "protected_until": QT_TRANSLATE_NOOP("AuditView", "Protected until"),
    "release_due_at": QT_TRANSLATE_NOOP("AuditView", "Due for release"),
    "last_follow_up_at": QT_TRANSLATE_NOOP("AuditView", "Last follow-up"),
    "warned_at": QT_TRANSLATE_NOOP("AuditView", "Owner warned"),
    "released_at": QT_TRANSLATE_NOOP("AuditView", "Released"),
    "verified_at": QT_TRANSLATE_NOOP("AuditView", "Verified"),
    "exempt_since": QT_TRANSLATE_NOOP("AuditView", "Exempt since"),
    "exempt_reason": QT_TRANSLATE_NOOP("AuditView", "Exemption reason"),
    "registration": QT_TRANSLATE_NOOP("AuditView", "Registration"),
    "urgent": QT_TRANSLATE_NOOP("AuditView", "Urgent"),
    "lead": QT_TRANSLATE_NOOP("AuditView", "Lead"),
    "customer_id": QT_TRANSLATE_NOOP("AuditView", "Customer"),
    "outcome": QT_TRANSLATE_NOOP("AuditView", "Outcome"),
    "outcome_note": QT_TRANSLATE_NOOP("AuditView", "Outcome note"),
    "company_name": QT_TRANSLATE_NOOP("AuditView", "Company"),
    "uscc": QT_TRANSLATE_NOOP("AuditView", "Credit code"),
    "check": QT_TRANSLATE_NOOP("AuditView", "Duplicate check"),
}
USER_KEYS = frozenset({
    "owner_id", "last_owner_id", "rep_id", "telemarketer_id", "accepted_by", "outcome_by",
    "decided_by",
})
ID_KEYS = frozenset({"registration", "lead", "customer_id"})
TIME_KEYS = frozenset({"protected_since", "protected_until", "exempt_since"})
# The reasons the registry itself writes (its sweep, a signed lead), in English.
SWEEP_ACTOR = "job:protection_sweep"
_NO_FOLLOW_UP = re.compile(r"no follow-up for (\d+) days")
_WON = re.compile(r"won: lead (\S+) signed")
NO_VALUE = "—"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def action_text(action: str) -> str:
    """The action as the user reads it; an action this desk does not know, as is."""
    text = ACTIONS.get(action)
    return _tr(text) if text else action


def field_text(key: str) -> str:
    text = FIELDS.get(key)
    return _tr(text) if text else key


def actor_text(entry: AuditEntry) -> str:
    """Who: the user's display name; the registry's own jobs and its command line
    by what they are."""
    if entry.actor_display_name:
        return entry.actor_display_name
    if entry.actor == SWEEP_ACTOR:
        return QCoreApplication.translate("AuditView", "The registry (release sweep)")
    if entry.actor.startswith("job:"):
        return QCoreApplication.translate("AuditView", "The registry ({job})").format(
            job=entry.actor[4:])
    if entry.actor.startswith("cli:"):
        return QCoreApplication.translate("AuditView", "Command line ({user})").format(
            user=entry.actor[4:])
    return entry.actor


def reason_text(reason: str) -> str:
    """Why; the reasons the registry writes itself, translated."""
    text = reason.strip()
    if text == "protection ended":
        return QCoreApplication.translate("AuditView", "protection ended")
    if found := _NO_FOLLOW_UP.fullmatch(text):
        return QCoreApplication.translate("AuditView", "no follow-up for {days} days").format(
            days=found.group(1))
    if found := _WON.fullmatch(text):
        return QCoreApplication.translate("AuditView", "won: lead {lead} signed").format(
            lead=_short_id(found.group(1)))
    return text


def _short_id(value: str) -> str:
    return value if len(value) <= 8 else value[:8] + "…"


def value_text(entry: AuditEntry, key: str, value: Any, users: Mapping[int, str]) -> str:
    """One logged value as the user reads it: names for user ids, local
    times, translated statuses."""
    if value is None or value == "":
        return NO_VALUE
    if isinstance(value, bool):
        return (QCoreApplication.translate("AuditView", "yes") if value
                else QCoreApplication.translate("AuditView", "no"))
    if key in USER_KEYS and isinstance(value, int):
        return users.get(value) or f"#{value}"
    if key == "status" and isinstance(value, str):
        return status_text(value) if entry.entity == "lead" else customer_status_text(value)
    if key == "outcome" and isinstance(value, str):
        return outcome_text(value)
    if isinstance(value, str) and (key in TIME_KEYS or key.endswith("_at")):
        return local_time_text(value) or value
    if key in ID_KEYS:
        return _short_id(str(value))
    return str(value)


def changes(entry: AuditEntry, users: Mapping[int, str]) -> list[str]:
    """What changed: "field: before → after" for a field both sides hold and
    that differs, "field: value" for one only the after holds (a new record,
    the registration or lead it concerns)."""
    before = entry.before or {}
    after = entry.after or {}
    lines = []
    for key, new in after.items():
        label = field_text(key)
        if key in before:
            if before[key] == new:
                continue
            lines.append(f"{label}: {value_text(entry, key, before[key], users)} → "
                         f"{value_text(entry, key, new, users)}")
        elif new is not None or entry.before is None:
            lines.append(f"{label}: {value_text(entry, key, new, users)}")
    return lines


class AuditModel(RowTableModel[AuditEntry]):
    """A customer's trail, newest first, a page at a time.

    Signals:
        more_wanted(): the view scrolled to the end and the registry holds
            older entries; the owner loads the next page (``add_page``).
    """

    more_wanted = Signal()
    context = CONTEXT
    headers = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.users: dict[int, str] = {}
        self.total = 0
        self.has_more = False
        self.next_before: int | None = None
        self.loading = False

    def clear(self) -> None:
        self.users = {}
        self.total = 0
        self.has_more = False
        self.next_before = None
        self.loading = False
        self.set_rows([])

    def add_page(self, page: AuditPage) -> None:
        """Append *page*'s entries below those shown (one contiguous insert)."""
        self.users.update(page.users)
        self.total = page.total
        self.has_more = page.has_more
        self.next_before = page.next_before
        self.loading = False
        known = {e.id for e in self.rows}
        fresh = [e for e in page.entries if e.id not in known]
        if fresh:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self.rows.extend(fresh)
            self.endInsertRows()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and self.has_more and not self.loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if self.canFetchMore(parent):
            self.more_wanted.emit()

    def changes_of(self, entry: AuditEntry) -> list[str]:
        return changes(entry, self.users)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (local_time_text(entry.at), actor_text(entry), action_text(entry.action),
                    reason_text(entry.reason), "; ".join(self.changes_of(entry)))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return entry.actor
            if column == 2:
                return entry.action
            if column == 4:
                return "\n".join(self.changes_of(entry)) or None
        return None


class AuditView(RegistryView):
    """One customer's trail on the registry.

    Signals:
        loaded(int): a page arrived (the number of entries shown now).
    """

    loaded = Signal(int)

    def __init__(self, runner: ApiRunner, message: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, message, parent)
        self.page_size = 50
        self.customer: RegistryCustomer | None = None
        self._stale = False
        self._generation = 0
        self.picker = CustomerPicker(runner, message)
        self.picker.chosen.connect(self.show_customer)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.model = AuditModel(self)
        self.model.more_wanted.connect(self.load_more)
        self.table = row_table(self.model)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_detail())
        self.count = QLabel()
        self.more_button = QPushButton()
        self.more_button.clicked.connect(self.load_more)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #607d8b;")
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        bar.addWidget(self.more_button)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        layout.addWidget(self.detail)
        layout.addWidget(self.note)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.picker.retranslate_ui()
        self.model.retranslate()
        self.model._all_changed()
        self.more_button.setText(self.tr("More"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.note.setText(self.tr(
            "Every decision the registry took about this customer, newest first: "
            "registration and call-back, allocations and releases, claims from the pool, "
            "exemptions, and the telemarketing lead it came from, with who took it and why."))
        self._show()

    # -- loading -------------------------------------------------------------------

    def show_customer(self, customer_id: str) -> None:
        self._call(lambda api: api.customer(customer_id), self.set_customer)

    def set_customer(self, customer: RegistryCustomer) -> None:
        """Show *customer*'s trail: now if the tab is shown, else when it is."""
        self.customer = customer
        self._show()
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """The newest page again (older ones follow as asked)."""
        self._stale = False
        self._generation += 1
        self.model.clear()
        self._load(None)

    def load_more(self) -> None:
        """The next older page, unless one is on its way or there is none."""
        if self.model.has_more and not self.model.loading:
            self._load(self.model.next_before)

    def _load(self, before: int | None) -> None:
        customer = self.customer
        if customer is None:
            self._show()
            return
        generation, size = self._generation, self.page_size
        self.model.loading = True
        self._show()
        self._runner.run(
            lambda api: api.audit_trail(customer.id, size, before),
            lambda page: self._arrived(generation, page),
            lambda kind, text: self._failed(generation, kind, text),
        )

    def _arrived(self, generation: int, page: AuditPage) -> None:
        if generation != self._generation:  # another customer (or a reload) since
            return
        self.model.add_page(page)
        self._show()
        self.loaded.emit(len(self.model.rows))

    def _failed(self, generation: int, kind: str, text: str) -> None:
        if generation == self._generation:
            self.model.loading = False
            self._show()
        self._message.show_message(kind, text)

    # -- showing -------------------------------------------------------------------

    def _show(self) -> None:
        c = self.customer
        m = self.model
        self.more_button.setEnabled(c is not None and m.has_more and not m.loading)
        self.refresh_button.setEnabled(c is not None and not m.loading)
        if c is None:
            self.heading.setText(self.tr("Find a customer to see its trail on the registry."))
            self.count.setText("")
            self._show_detail()
            return
        self.heading.setText(self.tr("{company}: {status}, owner {owner}").format(
            company=c.name, status=customer_status_text(c.status),
            owner=c.owner_display_name or c.owner or "—"))
        shown = len(m.rows)
        if m.loading and not shown:
            self.count.setText(self.tr("Loading the trail…"))
        elif not shown:
            self.count.setText(self.tr("The registry holds no decision about this customer."))
        elif m.total > shown:
            self.count.setText(self.tr("The newest {shown} of {total} entries").format(
                shown=shown, total=m.total))
        else:
            self.count.setText(self.tr("Entries: {total}").format(total=m.total))
        self._show_detail()

    def _show_detail(self) -> None:
        entry = self.model.row_at(self.table.currentIndex().row())
        if entry is None:
            self.detail.setText("")
            return
        lines: Iterable[str] = [
            f"{local_time_text(entry.at)}  {actor_text(entry)}  {action_text(entry.action)}",
            *([self.tr("Why: {reason}").format(reason=reason_text(entry.reason))]
              if entry.reason.strip() else []),
            *self.model.changes_of(entry),
        ]
        self.detail.setText("\n".join(lines))
