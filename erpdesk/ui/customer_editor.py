"""The customer editor: a dialog for a new or an existing customer.

Every edit re-runs the domain's correctness rules and shows each field's
problem under the field; Save is disabled while there are problems or while
the customer is the same company as another one (the same credit code, or the
same normalised name and no other credit code).  A possible duplicate (a
similar name, the same name with another credit code, or the same name but
for a region on one side only) is a warning that says so and leaves Save
enabled: the user decides.  The duplicate check runs
~250 ms after typing stops.  The draft is kept in QSettings
(``drafts/customer/<id or new>``) while the dialog is open, so a crash loses
nothing; the next editor for that customer offers to restore it.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.customer import (
    Customer,
    CustomerStatus,
    Industry,
    SizeBand,
    Source,
    enum_member,
)
from erpdesk.domain.errors import DomainError, DuplicateCustomer, ValidationError
from erpdesk.domain.names import key_parts, normalize_company_name
from erpdesk.domain.regions import PROVINCES, find_province
from erpdesk.domain.uscc import normalize_uscc
from erpdesk.domain.validation import customer_problems, normalize_customer
from erpdesk.ui.form_fit import fit_to_screen, natural_height, scrolling, with_reserved_problem
from erpdesk.ui.presales.survey_parts import reserved_problem_label
from erpdesk.ui.widgets import (
    PROBLEM_STYLE,
    WARNING_STYLE,
    EnumCombo,
    ProblemLabel,
    app_settings,
    enum_text,
    local_time_text,
    problems_by_field,
    settle_minimum_size,
    translate,
)

if TYPE_CHECKING:
    from erpdesk.domain.duplicates import DuplicateMatch
    from erpdesk.services.customers import CustomerService

DUPLICATE_DELAY_MS = 250
DRAFT_DELAY_MS = 1000
TEXT_FIELDS = (
    "name", "short_name", "uscc", "address", "source_detail", "phone", "website",
    "need", "notes", "city", "province",
)
ENUM_FIELDS = {
    "industry": Industry, "size_band": SizeBand, "source": Source, "status": CustomerStatus,
}


def draft_key(customer_id: str | None) -> str:
    return f"drafts/customer/{customer_id or 'new'}"


# Fields whose messages can take two lines (and their neighbours in the
# grid's row): the room under them is kept for two.
LONG_PROBLEMS = frozenset({"uscc", "province", "source", "phone"})


class CustomerEditor(QDialog):
    """Create or edit a customer.

    Signals:
        saved(str): the customer's id, after the service saved it.
        open_customer_requested(str): the user wants to see the customer
            this one duplicates.
    """

    saved = Signal(str)
    open_customer_requested = Signal(str)

    def __init__(
        self,
        service: CustomerService,
        customer_id: str | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._settings = settings or app_settings()
        self._existing = customer_id is not None
        self._base = (
            service.detail(customer_id).customer if customer_id else Customer(name="")
        )
        self._draft_key = draft_key(customer_id)
        self._touched: set[str] = set()
        self._loading = False
        self._dirty = False
        self._duplicates: list[DuplicateMatch] = []
        self._found_draft: dict[str, Any] | None = None

        self.setWindowTitle(
            self.tr("Edit customer – {name}").format(name=self._base.name)
            if self._existing else self.tr("New customer")
        )
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._build()
        self._set_values(self._values_of(self._base))

        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(DUPLICATE_DELAY_MS)
        self._duplicate_timer.timeout.connect(self.check_duplicates)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft)

        self._offer_draft()
        self.validate()
        if self._existing:
            self._duplicate_timer.start()

    # -- building ----------------------------------------------------------------

    def _build(self) -> None:
        self.edits: dict[str, QWidget] = {}
        self.problem_labels: dict[str, ProblemLabel] = {}

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(
            self.tr("Full registered name, e.g. 浪潮电子信息产业股份有限公司")
        )
        self.short_name_edit = QLineEdit()
        self.uscc_edit = QLineEdit()
        self.uscc_edit.setPlaceholderText(self.tr("18 characters, e.g. 91370000163446410B"))
        self.uscc_edit.setMaxLength(40)
        self.industry_combo = EnumCombo(Industry, "—")
        self.size_band_combo = EnumCombo(SizeBand, "—")
        self.status_combo = EnumCombo(CustomerStatus)
        self.source_combo = EnumCombo(Source)
        self.source_detail_edit = QLineEdit()
        self.source_detail_edit.setPlaceholderText(self.tr("e.g. referred by 海尔 Qingdao office"))
        self.province_combo = QComboBox()
        self.province_combo.addItem("—", "")
        for province in PROVINCES:
            self.province_combo.addItem(province.name, province.name)
        self.city_combo = QComboBox()
        self.city_combo.setEditable(True)
        self.city_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.address_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText("0531-8510 6000")
        self.website_edit = QLineEdit()
        self.website_edit.setPlaceholderText("www.example.com.cn")
        self.need_edit = QPlainTextEdit()
        self.need_edit.setPlaceholderText(
            self.tr("What the customer wants to solve (required for registration)")
        )
        self.notes_edit = QPlainTextEdit()
        for text_edit in (self.need_edit, self.notes_edit):
            text_edit.setTabChangesFocus(True)
            text_edit.setMinimumHeight(70)
        self.registration_label = QLabel()

        self.edits = {
            "name": self.name_edit, "short_name": self.short_name_edit,
            "uscc": self.uscc_edit, "industry": self.industry_combo,
            "size_band": self.size_band_combo, "status": self.status_combo,
            "source": self.source_combo, "source_detail": self.source_detail_edit,
            "province": self.province_combo, "city": self.city_combo,
            "address": self.address_edit, "phone": self.phone_edit,
            "website": self.website_edit, "need": self.need_edit, "notes": self.notes_edit,
        }
        captions = {
            "name": self.tr("Full name *"), "short_name": self.tr("Short name"),
            "uscc": self.tr("USCC"), "industry": self.tr("Industry"),
            "size_band": self.tr("Size"), "status": self.tr("Status"),
            "source": self.tr("Source"), "source_detail": self.tr("Source detail"),
            "province": self.tr("Province"), "city": self.tr("City"),
            "address": self.tr("Address"), "phone": self.tr("Phone"),
            "website": self.tr("Website"), "need": self.tr("Stated need"),
            "notes": self.tr("Notes"),
        }
        boxes: dict[str, QWidget] = {}
        for key, edit in self.edits.items():
            lines = 2 if key in LONG_PROBLEMS else 1
            boxes[key], self.problem_labels[key] = with_reserved_problem(edit, lines)
            self._connect(key, edit)
        self.province_combo.currentIndexChanged.connect(self._province_changed)

        self.draft_banner = self._build_draft_banner()
        self.duplicate_frame = QFrame()
        self.duplicate_layout = QVBoxLayout(self.duplicate_frame)
        self.duplicate_layout.setContentsMargins(0, 0, 0, 0)
        self.duplicate_frame.setVisible(False)

        form = QWidget()
        grid = QGridLayout(form)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        def caption(key: str) -> QLabel:
            label = QLabel(captions[key])
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 4, 0, 0)
            label.setBuddy(self.edits[key])
            return label

        grid.addWidget(caption("name"), 0, 0)
        grid.addWidget(boxes["name"], 0, 1, 1, 3)
        grid.addWidget(self.duplicate_frame, 1, 1, 1, 3)
        left = ("short_name", "uscc", "industry", "size_band", "source", "source_detail")
        right = ("status", "province", "city", "address", "phone", "website")
        for row, (a, b) in enumerate(zip(left, right, strict=True), start=2):
            grid.addWidget(caption(a), row, 0)
            grid.addWidget(boxes[a], row, 1)
            grid.addWidget(caption(b), row, 2)
            grid.addWidget(boxes[b], row, 3)
        row = 2 + len(left)
        grid.addWidget(caption("need"), row, 0)
        grid.addWidget(boxes["need"], row, 1)
        grid.addWidget(caption("notes"), row, 2)
        grid.addWidget(boxes["notes"], row, 3)
        registration_caption = QLabel(self.tr("Registration"))
        registration_caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(registration_caption, row + 1, 0)
        grid.addWidget(self.registration_label, row + 1, 1, 1, 3)

        self.error_label = reserved_problem_label(2, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self.form_area = scrolling(form)  # scrolls on a laptop at 150 %
        layout = QVBoxLayout(self)
        layout.addWidget(self.draft_banner)
        layout.addWidget(self.form_area, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        settle_minimum_size(self)
        height = natural_height(self, self.form_area)
        fit_to_screen(self, max(860, self.minimumWidth()), height)

    def _build_draft_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("draftBanner")
        banner.setStyleSheet(
            "#draftBanner { background: #fff8e1; border: 1px solid #ffcc80; border-radius: 4px; }"
        )
        self.draft_label = QLabel()
        self.draft_label.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        layout = QHBoxLayout(banner)
        layout.addWidget(self.draft_label, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)
        banner.setVisible(False)
        return banner

    def _connect(self, key: str, edit: QWidget) -> None:
        if isinstance(edit, QLineEdit):
            edit.textChanged.connect(lambda _t: self._edited(key))
        elif isinstance(edit, QPlainTextEdit):
            edit.textChanged.connect(lambda: self._edited(key))
        elif isinstance(edit, QComboBox) and edit.isEditable():
            edit.currentTextChanged.connect(lambda _t: self._edited(key))
        elif isinstance(edit, QComboBox):
            edit.currentIndexChanged.connect(lambda _i: self._edited(key))

    # -- values ------------------------------------------------------------------

    @staticmethod
    def _values_of(customer: Customer) -> dict[str, Any]:
        values: dict[str, Any] = {key: getattr(customer, key) for key in TEXT_FIELDS}
        for key in ENUM_FIELDS:
            member = getattr(customer, key)
            values[key] = member.value if member is not None else None
        return values

    def values(self) -> dict[str, Any]:
        """What the form holds now: texts, and enum members as codes."""
        out: dict[str, Any] = {}
        for key in TEXT_FIELDS:
            edit = self.edits[key]
            if isinstance(edit, QLineEdit):
                out[key] = edit.text()
            elif isinstance(edit, QPlainTextEdit):
                out[key] = edit.toPlainText()
            elif key == "province":
                out[key] = self.province_combo.currentData() or ""
            else:
                out[key] = self.city_combo.currentText()
        for key in ENUM_FIELDS:
            out[key] = self.edits[key].current_code()  # type: ignore[attr-defined]
        return out

    def _set_values(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            self._set_province(values.get("province") or "")
            for key in TEXT_FIELDS:
                edit = self.edits[key]
                text = str(values.get(key) or "")
                if isinstance(edit, QLineEdit):
                    edit.setText(text)
                elif isinstance(edit, QPlainTextEdit):
                    edit.setPlainText(text)
                elif key == "city":
                    self.city_combo.setEditText(text)
            for key, enum_type in ENUM_FIELDS.items():
                code = values.get(key)
                member = enum_member(enum_type, code) if code else None
                self.edits[key].set_member(member)  # type: ignore[attr-defined]
        finally:
            self._loading = False
        self.registration_label.setText(enum_text(self._base.registration))

    def _set_province(self, name: str) -> None:
        index = self.province_combo.findData(name)
        if index < 0 and name:
            found = find_province(name)
            index = self.province_combo.findData(found.name) if found else -1
            if index < 0:  # not a known province: keep it as typed
                self.province_combo.addItem(name, name)
                index = self.province_combo.count() - 1
        self.province_combo.setCurrentIndex(max(index, 0))
        self._fill_cities()

    def _fill_cities(self) -> None:
        text = self.city_combo.currentText()
        self.city_combo.blockSignals(True)
        self.city_combo.clear()
        province = find_province(self.province_combo.currentData() or "")
        if province:
            self.city_combo.addItems([city.name for city in province.cities])
        self.city_combo.setEditText(text)
        self.city_combo.blockSignals(False)

    def _province_changed(self, _index: int) -> None:
        if self._loading:
            return
        province = find_province(self.province_combo.currentData() or "")
        city = self.city_combo.currentText()
        self._fill_cities()
        if province and city and city not in {c.name for c in province.cities}:
            self.city_combo.setEditText("")

    def current_customer(self) -> Customer:
        """The customer as the form describes it (not yet normalised)."""
        values = self.values()
        changes: dict[str, Any] = {key: values[key] for key in TEXT_FIELDS}
        for key, enum_type in ENUM_FIELDS.items():
            code = values[key]
            changes[key] = enum_member(enum_type, code) if code else None
        if changes["source"] is None:
            changes["source"] = self._base.source
        if changes["status"] is None:
            changes["status"] = self._base.status
        return replace(self._base, **changes)

    # -- checking ----------------------------------------------------------------

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
        self._dirty = True
        self.error_label.show_text("")
        self.validate()
        if key in ("name", "uscc"):
            self._duplicate_timer.start()
        self._draft_timer.start()

    def problems(self) -> list:
        return customer_problems(normalize_customer(self.current_customer()))

    def validate(self) -> bool:
        """Show each field's problems; enable Save when there are none."""
        problems = self.problems()
        by_field = problems_by_field(problems)
        for key, label in self.problem_labels.items():
            # "required" is noise before the user has typed anything there
            shown = by_field.get(key, [])
            if key not in self._touched and not self._existing:
                shown = [p for p in shown if p.code != "required"]
            label.set_problems(shown)
        blocking = any(m.is_duplicate for m in self._duplicates)
        ok = not problems and not blocking
        self.save_button.setEnabled(ok)
        tips = [p.render(translate) for p in problems]
        if blocking:
            tips.append(self.tr("This company is already a customer: open it instead"))
        self.save_button.setToolTip("\n".join(tips))
        return ok

    def check_duplicates(self) -> list[DuplicateMatch]:
        """Look for customers with the same or a similar name or USCC."""
        values = self.values()
        name = values["name"].strip()
        uscc = values["uscc"].strip()
        matches: list[DuplicateMatch] = []
        if len(name) >= 2 or uscc:
            try:
                matches = self._service.check_duplicates(
                    name, uscc, exclude_id=self._base.id if self._existing else None, limit=3
                )
            except DomainError:
                matches = []
        self._duplicates = matches
        self._show_duplicates()
        self.validate()
        return matches

    @property
    def duplicates(self) -> list[DuplicateMatch]:
        return list(self._duplicates)

    def duplicate_text(self, match: DuplicateMatch) -> str:
        """What the warning says of *match*: "same company" only when it is
        (``is_duplicate``), else "possible duplicate" with why."""
        name = match.candidate.name
        # kinds by value: importing ``duplicates`` (rapidfuzz) is for the check
        if match.kind.value == "same_uscc":
            return self.tr("Same company: {name} has this USCC").format(name=name)
        if match.kind.value == "same_name":
            return self.tr("Same company: {name} has this name").format(name=name)
        values = self.values()
        uscc = normalize_uscc(values["uscc"])
        other = match.candidate.uscc
        key = normalize_company_name(values["name"]) if values["name"].strip() else ""
        if uscc and other and other != uscc and match.candidate.name_key == key:
            return self.tr(
                "Possible duplicate: {name} has the same name but another USCC ({uscc})"
            ).format(name=name, uscc=other)
        rest = key_parts(key).rest if key else ""
        if rest and key_parts(match.candidate.name_key).rest == rest:
            return self.tr(
                "Possible duplicate: {name} has the same name but for the region"
            ).format(name=name)
        return self.tr("Possible duplicate: {name} ({score}% similar)").format(
            name=name, score=round(match.score)
        )

    def _show_duplicates(self) -> None:
        while self.duplicate_layout.count():
            item = self.duplicate_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone now, deleted once back in the event loop
                widget.deleteLater()
        for match in self._duplicates:
            line = QWidget()
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 0, 0, 0)
            pixmap = self.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if match.is_duplicate
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            ).pixmap(16, 16)
            sign = QLabel()
            sign.setPixmap(pixmap)
            label = QLabel(self.duplicate_text(match))
            label.setWordWrap(True)
            label.setStyleSheet(PROBLEM_STYLE if match.is_duplicate else WARNING_STYLE)
            label.setTextFormat(Qt.TextFormat.PlainText)
            row.addWidget(sign)
            button = QPushButton(self.tr("Open"))
            button.setToolTip(self.tr("Show this customer"))
            button.clicked.connect(
                lambda _c=False, cid=match.candidate.id: self.open_customer_requested.emit(cid)
            )
            row.addWidget(label, 1)
            row.addWidget(button)
            self.duplicate_layout.addWidget(line)
        if self._duplicates and not any(m.is_duplicate for m in self._duplicates):
            hint = QLabel(self.tr(
                "A possible duplicate is for you to check: if this is another company, "
                "save it as it is."
            ))
            hint.setWordWrap(True)
            hint.setTextFormat(Qt.TextFormat.PlainText)
            hint.setObjectName("possibleDuplicateHint")
            self.duplicate_layout.addWidget(hint)
        self.duplicate_frame.setVisible(bool(self._duplicates))

    # -- drafts ------------------------------------------------------------------

    def write_draft(self) -> None:
        """Keep what is typed in QSettings until the editor saves or cancels."""
        if not self._dirty:
            return
        payload = {"saved_at": datetime.now(UTC).isoformat(), "values": self.values()}
        self._settings.setValue(self._draft_key, json.dumps(payload, ensure_ascii=False))
        self._settings.sync()

    def clear_draft(self) -> None:
        self._draft_timer.stop()
        self._settings.remove(self._draft_key)
        self._settings.sync()

    def _offer_draft(self) -> None:
        raw = self._settings.value(self._draft_key)
        if not raw:
            return
        try:
            draft = json.loads(str(raw))
            values = dict(draft["values"])
        except (ValueError, KeyError, TypeError):
            self.clear_draft()
            return
        if values == self.values():
            self.clear_draft()
            return
        self._found_draft = values
        self.draft_label.setText(
            self.tr("Unsaved changes from {time} were found. Restore them?").format(
                time=local_time_text(draft.get("saved_at"))
            )
        )
        self.draft_banner.setVisible(True)

    @property
    def has_draft_offer(self) -> bool:
        return self._found_draft is not None

    def restore_draft(self) -> None:
        if self._found_draft is None:
            return
        values = {**self.values(), **self._found_draft}
        self._found_draft = None
        self.draft_banner.setVisible(False)
        self._set_values(values)
        self._touched.update(k for k in values if k in self.edits)
        self._dirty = True
        self.write_draft()
        self.validate()
        self._duplicate_timer.start()

    def discard_draft(self) -> None:
        self._found_draft = None
        self.draft_banner.setVisible(False)
        if not self._dirty:
            self.clear_draft()

    # -- saving ------------------------------------------------------------------

    def save(self) -> None:
        """Create or update through the service; on an error stay open."""
        self._touched.update(self.edits)
        if not self.validate():
            return
        customer = self.current_customer()
        try:
            if self._existing:
                saved = self._service.update(customer)
            else:
                saved = self._service.create(customer)
        except ValidationError as exc:
            by_field = problems_by_field(exc.problems)
            for key, label in self.problem_labels.items():
                label.set_problems(by_field.get(key, []))
            self.error_label.show_text(exc.render(translate))
            return
        except DuplicateCustomer as exc:
            self.error_label.show_text(exc.render(translate))
            self.check_duplicates()
            return
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return
        self._dirty = False
        self.clear_draft()
        self.saved.emit(saved.id)
        self.accept()

    def reject(self) -> None:
        if self._dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Discard changes"),
                self.tr("Discard the changes to this customer?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.clear_draft()
        super().reject()

    def hideEvent(self, event: Any) -> None:
        """Hidden or closed: keep the draft now and stop the timers."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self.write_draft()
        self._duplicate_timer.stop()
        super().hideEvent(event)
