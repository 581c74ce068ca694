"""The deal page: a deal's header, its stage's checklist (ticks save at
once), its worksheets (which exist, which the gates ask for), the customer's
activities and the stage history; moves go through the gates
(``gate_dialog.ask_move``), the deal-review PDF is written as
``erpdesk report deal-review`` writes it.

Everything it shows comes from one ``DealService.page`` call; it reloads
when the service reports a change of the deal.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.deal import DealStatus, Worksheet
from erpdesk.domain.errors import DomainError, NotFound
from erpdesk.domain.forecast import deal_weighted
from erpdesk.domain.playbook import Attachment
from erpdesk.services.events import Change
from erpdesk.ui.detail_models import ActivityListModel
from erpdesk.ui.funnel.worksheet_widgets import WorksheetDialog, name_text, ui_language
from erpdesk.ui.widgets import (
    OK_STYLE,
    PROBLEM_STYLE,
    WARNING_STYLE,
    FeedBridge,
    enum_text,
    local_time_text,
    settle_minimum_size,
    translate,
    value_label,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from erpdesk.domain.playbook import Playbook
    from erpdesk.services.deals import DealPage as PageData
    from erpdesk.services.deals import DealService
    from erpdesk.ui.presales import PresalesServices
    from erpdesk.ui.presales.deal_presales import DealPresales
    from erpdesk.ui.quotes import QuoteServices
    from erpdesk.ui.quotes.quote_list import RelatedQuotes

_STATUS_COLOURS = {
    DealStatus.OPEN: "#1565c0",
    DealStatus.WON: "#2e7d32",
    DealStatus.LOST: "#c62828",
}
_BADGE = "padding: 2px 8px; border-radius: 9px; color: white; background: {colour};"
CODE_ROLE = Qt.ItemDataRole.UserRole + 1

# header fields, in reading order (two columns)
_HEADER = (
    "customer", "stage", "amount", "probability", "weighted", "close_date", "days",
    "owner", "team", "competitors", "next_step", "source",
)  # fmt: skip


def _day(day: date | None) -> str:
    return day.isoformat() if day else "—"


class DealPage(QWidget):
    """One deal.

    Signals:
        closed(): the page was closed (its window, or the deal is gone).
    """

    closed = Signal()

    def __init__(self, deals: DealService, deal_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deals = deals
        self.deal_id = deal_id
        self.data: PageData | None = None
        self._checklist_stage: int | None = None
        self._loading = False
        self.quotes_tab: RelatedQuotes | None = None  # set_quotes (the window's services)
        self.presales_tab: DealPresales | None = None  # set_presales (the window's services)
        self._bridge = FeedBridge(deals.feed, self)
        self._bridge.changed.connect(self._on_change)
        self._build()
        from erpdesk.ui.quotes import services_of

        self.set_quotes(services_of(parent))
        self.reload()
        from erpdesk.ui.presales.deal_presales import presales_factory_of

        self.set_presales(presales_factory_of(parent))

    # -- building ----------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.status_label = QLabel()
        self.flags_label = QLabel()
        self.flags_label.setWordWrap(True)
        self.flags_label.setStyleSheet(WARNING_STYLE)

        self.edit_button = QPushButton(self.tr("Edit…"))
        self.forward_button = QPushButton(self.tr("Move forward"))
        self.move_button = QPushButton(self.tr("Move to…"))
        self.move_menu = QMenu(self)
        self.move_button.setMenu(self.move_menu)
        self.won_button = QPushButton(self.tr("Close won"))
        self.lost_button = QPushButton(self.tr("Close lost"))
        self.reopen_button = QPushButton(self.tr("Reopen…"))
        self.pdf_button = QPushButton(self.tr("Deal review PDF…"))
        self.edit_button.clicked.connect(self.edit)
        self.forward_button.clicked.connect(self.move_forward)
        self.won_button.clicked.connect(lambda: self.move_to(DealStatus.WON))
        self.lost_button.clicked.connect(lambda: self.move_to(DealStatus.LOST))
        self.reopen_button.clicked.connect(self.ask_reopen)
        self.pdf_button.clicked.connect(self.ask_review_pdf)
        buttons = QHBoxLayout()
        for button in (
            self.edit_button,
            self.forward_button,
            self.move_button,
            self.won_button,
            self.lost_button,
            self.reopen_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)

        header_box = QGroupBox()
        grid = QGridLayout(header_box)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for n, key in enumerate(_HEADER):
            caption = QLabel()
            caption.setStyleSheet("color: #546e7a;")
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value = value_label()
            self.captions[key] = caption
            self.values[key] = value
            row, col = n % 6, (n // 6) * 2
            grid.addWidget(caption, row, col)
            grid.addWidget(value, row, col + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignTop)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_checklist(), "")
        self.tabs.addTab(self._build_worksheets(), "")
        self.tabs.addTab(self._build_activities(), "")
        self.tabs.addTab(self._build_history(), "")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.flags_label)
        layout.addLayout(buttons)
        layout.addWidget(header_box)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()

    def set_quotes(self, services: QuoteServices | None) -> None:
        """Show the deal's quotes (and "New quote…") in a tab of their own."""
        if services is None or self.quotes_tab is not None:
            return
        from erpdesk.ui.quotes.quote_list import RelatedQuotes

        tab = RelatedQuotes(services)
        self.quotes_tab = tab
        tab.count_changed.connect(
            lambda n: self.tabs.setTabText(
                self.tabs.indexOf(tab), self.tr("Quotes ({n})").format(n=n)
            )
        )
        self.tabs.addTab(tab, "")
        if self.data is not None:
            tab.show_deal(self.deal_id, self.data.deal.customer_id)
        if services.proposals is not None:  # the deal's proposal, beside the tabs
            self.proposal_button = QPushButton(self.tr("Proposal…"))
            self.proposal_button.setToolTip(self.tr("The deal's solution proposal"))
            self.proposal_button.clicked.connect(lambda: self.open_proposal(services))
            self.tabs.setCornerWidget(self.proposal_button)

    def set_presales(self, factory: Callable[[], PresalesServices] | None) -> None:
        """Show the deal's support requests (and "Ask for presales
        support…") in a tab of their own; without *factory* there is none."""
        if factory is None or self.presales_tab is not None:
            return
        from erpdesk.ui.presales.deal_presales import DealPresales

        customer_id = self.data.deal.customer_id if self.data is not None else ""
        tab = DealPresales(factory(), self.deal_id, customer_id)
        self.presales_tab = tab
        tab.count_changed.connect(
            lambda n: self.tabs.setTabText(
                self.tabs.indexOf(tab), self.tr("Presales ({n})").format(n=n)
            )
        )
        self.tabs.addTab(tab, self.tr("Presales ({n})").format(n=len(tab.requests)))

    def open_proposal(self, services: QuoteServices) -> Any:
        """The deal's proposal in its editor (a new one until it is saved)."""
        from erpdesk.ui.quotes import root_window
        from erpdesk.ui.quotes.proposal_editor import open_deal_proposal

        assert services.proposals is not None
        try:
            return open_deal_proposal(root_window(self), services.proposals, self.deal_id)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Proposal"), exc.render(translate))
            return None

    def _build_checklist(self) -> QWidget:
        page = QWidget()
        self.stage_combo = QComboBox()
        self.stage_combo.currentIndexChanged.connect(self._stage_chosen)
        self.checklist = QListWidget()
        self.checklist.itemChanged.connect(self._item_changed)
        self.checklist.setAlternatingRowColors(True)
        self.exit_box = QGroupBox()
        self.exit_label = QLabel()
        self.exit_label.setWordWrap(True)
        self.exit_label.setTextFormat(Qt.TextFormat.PlainText)
        self.exit_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self.exit_box)
        column.addWidget(self.exit_label)
        self.stage_caption = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.stage_caption)
        row.addWidget(self.stage_combo, 1)
        self.checklist_problem = QLabel()
        self.checklist_problem.setStyleSheet(PROBLEM_STYLE)
        self.checklist_problem.setWordWrap(True)
        self.checklist_problem.hide()
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.checklist, 1)
        layout.addWidget(self.checklist_problem)
        layout.addWidget(self.exit_box)
        return page

    def _build_worksheets(self) -> QWidget:
        page = QWidget()
        self.sheet_model = QStandardItemModel(0, 5, self)
        self.sheet_view = QTableView()
        self.sheet_view.setModel(self.sheet_model)
        self.sheet_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sheet_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sheet_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sheet_view.verticalHeader().setVisible(False)
        self.sheet_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.sheet_view.horizontalHeader().setStretchLastSection(True)
        self.sheet_view.doubleClicked.connect(lambda index: self.open_worksheet_row(index.row()))
        self.open_sheet_button = QPushButton()
        self.open_sheet_button.clicked.connect(
            lambda: self.open_worksheet_row(self.sheet_view.currentIndex().row())
        )
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.open_sheet_button)
        row.addWidget(self.missing_label, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.sheet_view, 1)
        return page

    def _build_activities(self) -> QWidget:
        self.activity_model = ActivityListModel(self)
        self.activity_view = QListView()
        self.activity_view.setModel(self.activity_model)
        self.activity_view.setWordWrap(True)
        self.activity_view.setIconSize(QSize(24, 24))
        self.activity_view.setSpacing(4)
        self.activity_view.setAlternatingRowColors(True)
        self.activity_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        return self.activity_view

    def _build_history(self) -> QWidget:
        self.history_model = QStandardItemModel(0, 6, self)
        self.history_view = QTableView()
        self.history_view.setModel(self.history_model)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setWordWrap(True)
        self.history_view.verticalHeader().setVisible(False)
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return self.history_view

    # -- texts -------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        captions = {
            "customer": self.tr("Customer"),
            "stage": self.tr("Stage"),
            "amount": self.tr("Amount"),
            "probability": self.tr("Probability"),
            "weighted": self.tr("Weighted"),
            "close_date": self.tr("Close date"),
            "days": self.tr("Days in stage"),
            "owner": self.tr("Owner"),
            "team": self.tr("Team"),
            "competitors": self.tr("Competitors"),
            "next_step": self.tr("Next step"),
            "source": self.tr("Source"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.stage_caption.setText(self.tr("Checklist of stage"))
        self.exit_box.setTitle(self.tr("Exit criteria"))
        self.open_sheet_button.setText(self.tr("Open worksheet"))
        if getattr(self, "proposal_button", None) is not None:
            self.proposal_button.setText(self.tr("Proposal…"))
        self.sheet_model.setHorizontalHeaderLabels(
            [self.tr("Worksheet"), self.tr("Stage"), self.tr("Required"),
             self.tr("Dated"), self.tr("Attached to")]
        )  # fmt: skip
        self.history_model.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Change"), self.tr("From"), self.tr("To"),
             self.tr("By"), self.tr("Reason and overrides")]
        )  # fmt: skip
        if self.data is not None:
            self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- showing -----------------------------------------------------------------

    @property
    def playbook(self) -> Playbook:
        return self._deals.playbook

    def reload(self) -> None:
        try:
            self.data = self._deals.page(self.deal_id)
        except NotFound:
            self.data = None
            self.closed.emit()
            return
        self._show()

    def _on_change(self, change: Change) -> None:
        if not change.ids or self.deal_id in change.ids:
            self.reload()

    def stage_name(self, number: int) -> str:
        try:
            return name_text(self.playbook.stage(number).names)
        except KeyError:
            return str(number)

    def _show(self) -> None:
        data = self.data
        assert data is not None
        deal = data.deal
        self.setWindowTitle(f"{deal.name} · {data.customer_name}")
        self.title_label.setText(deal.name)
        status = enum_text(deal.status)
        self.status_label.setText(status)
        self.status_label.setStyleSheet(_BADGE.format(colour=_STATUS_COLOURS[deal.status]))
        stage = f"{deal.stage} · {self.stage_name(deal.stage)}"
        if not deal.is_open:
            stage = self.tr("{stage} (closed {status})").format(stage=stage, status=status)
        probability = f"{deal.probability} %"
        if deal.probability_reason:
            probability = self.tr("{probability} (overridden: {reason})").format(
                probability=probability, reason=deal.probability_reason
            )
        roles = {c.code: name_text(c.names) for c in self.playbook.team_roles}
        team = ", ".join(f"{m.name} ({roles.get(m.role, m.role)})" for m in deal.team)
        next_step = deal.next_step
        if deal.next_step_date:
            next_step = f"{next_step} ({deal.next_step_date.isoformat()})"
        closed_lost = ""
        if deal.status is DealStatus.LOST:
            closed_lost = self.tr("Lost: {reason}").format(reason=deal.lost_reason)
            if deal.winning_competitor:
                closed_lost += " · " + self.tr("won by {competitor}").format(
                    competitor=deal.winning_competitor
                )
        values = {
            "customer": data.customer_name,
            "stage": stage,
            "amount": f"¥{deal.amount:,.2f}",
            "probability": probability,
            "weighted": f"¥{deal_weighted(deal):,.2f}",
            "close_date": _day(deal.close_date),
            "days": str(data.days_in_stage),
            "owner": deal.owner,
            "team": team,
            "competitors": "、".join(deal.competitors),
            "next_step": next_step,
            "source": enum_text(deal.source),
        }
        for key, value in values.items():
            self.values[key].setText(value or "—")
        flags = [enum_text(flag) for flag in sorted(data.flags, key=lambda f: f.value)]
        text = "  ".join(f"⚠ {flag}" for flag in flags)
        self.flags_label.setText("  ".join(t for t in (closed_lost, text) if t))
        self.flags_label.setVisible(bool(flags or closed_lost))

        is_open = deal.is_open
        last = len(self.playbook.stages)
        self.forward_button.setEnabled(is_open and deal.stage < last)
        self.move_button.setEnabled(is_open)
        self.won_button.setEnabled(is_open)
        self.lost_button.setEnabled(is_open)
        self.reopen_button.setEnabled(not is_open)
        self.edit_button.setEnabled(True)
        self.move_menu.clear()
        for stage_def in self.playbook.stages:
            if stage_def.number == deal.stage:
                continue
            action = self.move_menu.addAction(f"{stage_def.number} · {name_text(stage_def.names)}")
            action.triggered.connect(lambda _c=False, n=stage_def.number: self.move_to(n))

        self._show_checklist()
        self._show_worksheets()
        self.activity_model.set_activities(data.activities)
        self._show_history()
        self.tabs.setTabText(0, self.tr("Checklist"))
        self.tabs.setTabText(1, self.tr("Worksheets ({n})").format(n=len(data.worksheets)))
        self.tabs.setTabText(2, self.tr("Activities ({n})").format(n=len(data.activities)))
        self.tabs.setTabText(3, self.tr("Stage history ({n})").format(n=len(data.history)))
        if self.quotes_tab is not None:
            self.quotes_tab.show_deal(deal.id, deal.customer_id)  # names its tab

    def _show_checklist(self) -> None:
        assert self.data is not None
        deal = self.data.deal
        stage = self._checklist_stage or deal.stage
        self._loading = True
        self.stage_combo.blockSignals(True)
        self.stage_combo.clear()
        for stage_def in self.playbook.stages:
            done = sum(
                1
                for item in stage_def.checklist
                if (a := deal.checklist.get(item.code)) is not None and a.done
            )
            count = f"({done}/{len(stage_def.checklist)})"
            label = f"{stage_def.number} · {name_text(stage_def.names)}  {count}"
            if stage_def.number == deal.stage:
                label += "  ◀"
            self.stage_combo.addItem(label, stage_def.number)
        self.stage_combo.setCurrentIndex(max(self.stage_combo.findData(stage), 0))
        self.stage_combo.blockSignals(False)
        stage_def = self.playbook.stage(stage)
        self.checklist.clear()
        for item in stage_def.checklist:
            answer = deal.checklist.get(item.code)
            text = name_text(item.names)
            if not item.required:
                text += "  " + self.tr("(optional)")
            if answer is not None and answer.done:
                text += "  — " + self.tr("{by}, {when}").format(
                    by=answer.by or "—", when=local_time_text(answer.at)
                )
            row = QListWidgetItem(text)
            row.setData(CODE_ROLE, item.code)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            done = answer is not None and answer.done
            row.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
            self.checklist.addItem(row)
        self.exit_label.setText("\n".join(f"• {name_text(c)}" for c in stage_def.exit_criteria))
        self._loading = False

    def _stage_chosen(self, index: int) -> None:
        if index >= 0:
            self._checklist_stage = self.stage_combo.itemData(index)
            self._show_checklist()

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        self.tick(item.data(CODE_ROLE), item.checkState() == Qt.CheckState.Checked)

    def tick(self, code: str, done: bool) -> bool:
        """Tick (or untick) a checklist item; saved at once."""
        try:
            self._deals.tick(self.deal_id, code, done)
        except DomainError as exc:
            self.checklist_problem.setText(exc.render(translate))
            self.checklist_problem.show()
            self.reload()
            return False
        self.checklist_problem.hide()
        return True

    def worksheet_rows(self) -> list[tuple[str, Worksheet | None, int, int]]:
        """(template code, its newest worksheet or None, first stage using it,
        the first stage whose gate requires it or 0) for each worksheet of the
        playbook's stages, then worksheets of templates no stage names."""
        assert self.data is not None
        newest: dict[str, Worksheet] = {}
        for sheet in self.data.worksheets:
            newest[sheet.template] = sheet  # oldest date first: the last wins
        rows: list[tuple[str, Worksheet | None, int, int]] = []
        seen: set[str] = set()
        for stage_def in self.playbook.stages:
            for code in stage_def.worksheets:
                if code in seen:
                    continue
                seen.add(code)
                required = next(
                    (s.number for s in self.playbook.stages if code in s.required_worksheets), 0
                )
                rows.append((code, newest.get(code), stage_def.number, required))
        for code, sheet in newest.items():
            if code not in seen:
                rows.append((code, sheet, 0, 0))
        return rows

    def _show_worksheets(self) -> None:
        assert self.data is not None
        deal = self.data.deal
        self.sheet_model.removeRows(0, self.sheet_model.rowCount())
        self._sheet_rows = self.worksheet_rows()
        missing: list[str] = []
        for code, sheet, stage, required in self._sheet_rows:
            template = self.playbook.worksheets.get(code)
            name = name_text(template.names) if template else code
            due = 0 < required <= deal.stage and sheet is None
            if due:
                missing.append(name)
            attached = ""
            if template is not None:
                attached = {
                    Attachment.CUSTOMER: self.tr("Customer"),
                    Attachment.OPPORTUNITY: self.tr("Deal"),
                    Attachment.TEAM: self.tr("Team"),
                }[template.attached_to]
            cells = [
                QStandardItem(name),
                QStandardItem(f"{stage} · {self.stage_name(stage)}" if stage else "—"),
                QStandardItem(
                    self.tr("Required in stage {n}").format(n=required) if required else ""
                ),
                QStandardItem(
                    sheet.dated.isoformat() if sheet else self.tr("missing") if due else "—"
                ),
                QStandardItem(attached),
            ]
            if due:
                for cell in cells:
                    cell.setForeground(QColor("#c62828"))
            elif sheet is not None:
                cells[3].setForeground(QColor("#2e7d32"))
            self.sheet_model.appendRow(cells)
        if missing:
            self.missing_label.setText(
                self.tr("Required and missing: {names}").format(names="、".join(missing))
            )
            self.missing_label.setStyleSheet(WARNING_STYLE)
        else:
            self.missing_label.setText(self.tr("✓ Every required worksheet so far is there"))
            self.missing_label.setStyleSheet(OK_STYLE)

    def _show_history(self) -> None:
        assert self.data is not None
        self.history_model.removeRows(0, self.history_model.rowCount())
        for change in reversed(self.data.history):
            reason = change.reason
            if change.overridden:
                names = []
                for code in change.overridden:
                    found = self.playbook.checklist_item(code)
                    template = self.playbook.worksheets.get(code)
                    if found is not None:
                        names.append(name_text(found[1].names))
                    elif template is not None:
                        names.append(name_text(template.names))
                    else:
                        names.append(code)
                reason = self.tr("{reason} (overridden: {items})").format(
                    reason=reason, items="、".join(names)
                )
            self.history_model.appendRow(
                [
                    QStandardItem(local_time_text(change.at)),
                    QStandardItem(enum_text(change.kind)),
                    QStandardItem(self.stage_name(change.from_stage) if change.from_stage else "—"),
                    QStandardItem(self.stage_name(change.to_stage)),
                    QStandardItem(change.by),
                    QStandardItem(reason),
                ]
            )

    # -- actions -----------------------------------------------------------------

    def edit(self) -> bool:
        from erpdesk.ui.funnel.deal_editor import edit_deal

        return edit_deal(self, self._deals, self.deal_id)

    def move_to(self, target: int | DealStatus) -> bool:
        """Move through the gates (asking what they need); True when moved."""
        from erpdesk.ui.funnel.gate_dialog import ask_move

        moved = ask_move(self, self._deals, self.deal_id, target)
        self.reload()
        return moved

    def move_forward(self) -> bool:
        if self.data is None:
            return False
        return self.move_to(self.data.deal.stage + 1)

    def ask_reopen(self) -> bool:
        if self.data is None:
            return False
        dialog = ReopenDialog(self.playbook, self.data.deal.stage, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.reopen(dialog.stage(), dialog.reason())

    def reopen(self, stage: int, reason: str) -> bool:
        try:
            self._deals.reopen(self.deal_id, stage, reason=reason)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Reopen the deal"), exc.render(translate))
            return False
        self.reload()
        return True

    def open_worksheet_row(self, row: int) -> WorksheetDialog | None:
        if self.data is None or not 0 <= row < len(getattr(self, "_sheet_rows", [])):
            return None
        code, sheet, _stage, _required = self._sheet_rows[row]
        return self.open_worksheet(code, sheet)

    def open_worksheet(self, code: str, sheet: Worksheet | None = None) -> WorksheetDialog | None:
        """Open (and show, not modal) the worksheet editor of *code*."""
        if self.data is None or code not in self.playbook.worksheets:
            return None
        deal = self.data.deal
        if sheet is None:
            template = self.playbook.worksheets[code]
            sheet = Worksheet(
                template=code,
                customer_id="" if template.attached_to is Attachment.TEAM else deal.customer_id,
                deal_id=deal.id if template.attached_to is Attachment.OPPORTUNITY else None,
                author=self._deals.user,
            )
        dialog = WorksheetDialog(self._deals, sheet, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def review(self) -> Any:
        """The deal-review content, as ``erpdesk report deal-review`` builds it."""
        from erpdesk.documents.deal_review import DealReview

        assert self.data is not None
        return DealReview(
            customer_name=self.data.customer_name,
            deal=self.data.deal,
            history=self.data.history,
            worksheets=self.data.worksheets,
            playbook=self.playbook,
            health=[enum_text(flag) for flag in sorted(self.data.flags)],
        )

    def write_review_pdf(self, path: Path) -> bool:
        """Write the deal-review PDF to *path*; True when written."""
        from erpdesk.documents.deal_review import render_deal_review

        if self.data is None:
            return False
        try:
            render_deal_review(path, self.review(), ui_language(), translate=translate)
        except (OSError, DomainError) as exc:
            text = exc.render(translate) if isinstance(exc, DomainError) else str(exc)
            QMessageBox.warning(self, self.tr("Deal review PDF"), text)
            return False
        return True

    def ask_review_pdf(self) -> bool:
        if self.data is None:
            return False
        name = f"{self.data.customer_name}-{self.data.deal.name}.pdf".replace("/", "_")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the deal review"), str(Path.home() / name), "PDF (*.pdf)"
        )
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return self.write_review_pdf(Path(path))

    def closeEvent(self, event: Any) -> None:
        self._bridge.close()
        if self.presales_tab is not None:
            self.presales_tab.close_section()
        self.closed.emit()
        super().closeEvent(event)


class ReopenDialog(QDialog):
    """Reopen a closed deal: into which stage, and why."""

    def __init__(self, playbook: Playbook, stage: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reopen the deal"))
        self.stage_combo = QComboBox()
        for stage_def in playbook.stages:
            self.stage_combo.addItem(
                f"{stage_def.number} · {name_text(stage_def.names)}", stage_def.number
            )
        self.stage_combo.setCurrentIndex(max(self.stage_combo.findData(stage), 0))
        self.reason_edit = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Into stage"), self.stage_combo)
        form.addRow(self.tr("Reason *"), self.reason_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def stage(self) -> int:
        return int(self.stage_combo.currentData())

    def reason(self) -> str:
        return self.reason_edit.text().strip()


class DealWindow(QWidget):
    """A deal page in a top-level window of its own."""

    def __init__(self, deals: DealService, deal_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.page = DealPage(deals, deal_id, self)
        self.page.closed.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page)
        if self.page.data is not None:
            self.setWindowTitle(self.page.windowTitle())
        self.resize(1100, 760)
        settle_minimum_size(self)


def open_deal(parent: QWidget | None, deals: DealService, deal_id: str) -> DealWindow:
    """Show the deal's page in its own window (several may be open)."""
    window = DealWindow(deals, deal_id, parent)
    window.show()
    return window
