"""An engagement's window: who and what it is for, the eight presales
steps as a bar (the current one marked), the shown step's checklist (a
tick saves at once) and outputs, the moves through the gates (a forward
move past unticked required activities asks for the override and a
reason, a move back for a reason: ``StepMoveDialog``), the technical win,
closing in the last step, the step history and the engagement's tasks.

Every change goes through ``PresalesService`` (and so through the outbox);
the window reloads on the service feed's ``Change("presales")``.  A closed
engagement is shown read-only.  The notes are saved with "Save notes" or
when the window closes (a refusal keeps the window open with the text); a
reload never replaces notes being typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError, NotFound, ValidationError
from erpdesk.domain.presales import Engagement, TechnicalWin
from erpdesk.domain.presales_rules import missing_activities
from erpdesk.services.events import Change
from erpdesk.ui.form_fit import fit_to_screen
from erpdesk.ui.funnel.worksheet_widgets import name_text
from erpdesk.ui.presales.engagement_parts import EngagementHeader, StepHistory
from erpdesk.ui.presales.engagement_steps import StepBar, StepMoveDialog
from erpdesk.ui.presales.engagement_tasks import EngagementTasks
from erpdesk.ui.widgets import (
    PROBLEM_STYLE,
    FeedBridge,
    enum_text,
    settle_minimum_size,
    translate,
)

if TYPE_CHECKING:
    from erpdesk.domain.playbook import Playbook, PresalesStep
    from erpdesk.ui.presales import PresalesServices

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class EngagementDialog(QDialog):
    """One engagement (see the module's docstring); not modal."""

    def __init__(
        self, services: PresalesServices, engagement_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("engagementDialog")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.services = services
        self.engagement_id = engagement_id
        self.engagement: Engagement | None = None
        self.viewed_step = 0
        self._loading = False
        self._facts: dict[str, str] = {}
        self._reload_pending = False
        self._bridge = FeedBridge(services.presales.feed, self)
        self._bridge.changed.connect(self._on_change)
        self._build()
        self.retranslate_ui()
        self.reload()
        settle_minimum_size(self)
        fit_to_screen(self, 1000, 680)  # less on a laptop at 125 % or 150 %

    # -- building ----------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.header = EngagementHeader()
        self.header.win_chosen.connect(self.set_technical_win)
        self.values = self.header.values  # the shown facts (tests, screen readers)
        self.win_combo = self.header.win_combo

        self.next_button = QPushButton()
        self.move_button = QPushButton()
        self.move_menu = QMenu(self)
        self.move_button.setMenu(self.move_menu)
        self.close_button = QPushButton()
        self.next_button.clicked.connect(self.move_next)
        self.close_button.clicked.connect(self.close_engagement)
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.move_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        self.step_bar = StepBar()
        self.step_bar.chosen.connect(self.view_step)
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet(PROBLEM_STYLE)
        self.problem_label.setWordWrap(True)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_checklist())
        self.tabs = QTabWidget()
        self.tasks = EngagementTasks(self.services, self.engagement_id)
        self.tabs.addTab(self.tasks, "")
        self.history_table = StepHistory()
        self.tabs.addTab(self.history_table, "")
        self.notes_edit = QPlainTextEdit()
        self.notes_button = QPushButton()
        self.notes_button.clicked.connect(self.save_notes)
        self.notes_edit.textChanged.connect(
            lambda: self.notes_button.setEnabled(self._notes_changed())
        )
        notes = QWidget()
        notes_layout = QVBoxLayout(notes)
        notes_layout.addWidget(self.notes_edit, 1)
        notes_layout.addWidget(self.notes_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(notes, "")
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.header)
        layout.addWidget(self.step_bar)
        layout.addLayout(buttons)
        layout.addWidget(self.problem_label)
        layout.addWidget(splitter, 1)

    def _build_checklist(self) -> QWidget:
        page = QWidget()
        self.checklist_caption = QLabel()
        self.checklist_caption.setWordWrap(True)
        self.checklist = QListWidget()
        self.checklist.setObjectName("stepChecklist")
        self.checklist.setAlternatingRowColors(True)
        self.checklist.setSpacing(2)
        self.checklist.itemChanged.connect(self._item_changed)
        self.outputs_box = QGroupBox()
        self.outputs_label = QLabel()
        self.outputs_label.setWordWrap(True)
        self.outputs_label.setTextFormat(Qt.TextFormat.PlainText)
        QVBoxLayout(self.outputs_box).addWidget(self.outputs_label)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.checklist_caption)
        layout.addWidget(self.checklist, 1)
        layout.addWidget(self.outputs_box)
        return page

    # -- texts -------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.next_button.setText(self.tr("Next step"))
        self.move_button.setText(self.tr("Move to step…"))
        self.close_button.setText(self.tr("Close engagement…"))
        self.outputs_box.setTitle(self.tr("Outputs of the step"))
        if self.engagement is not None:
            self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- loading -----------------------------------------------------------------

    @property
    def playbook(self) -> Playbook:
        return self.services.presales.playbook

    def reload(self) -> None:
        try:
            self.engagement = self.services.presales.engagement(self.engagement_id)
        except NotFound:
            self.engagement = None
            self.problem_label.setText(self.tr("The engagement is no longer on this desk."))
            self.setEnabled(False)
            return
        if not self._facts:
            self._facts = self._load_facts(self.engagement)
        self.tasks.reload()
        self._show()

    def _load_facts(self, engagement: Engagement) -> dict[str, str]:
        """The names that do not change: the customer, the deal, the request's kind."""
        facts = {"customer": engagement.customer_id, "deal": engagement.deal_id, "kind": ""}
        try:
            if self.services.customers is not None:
                facts["customer"] = self.services.customers.detail(
                    engagement.customer_id
                ).customer.name
            if self.services.deals is not None and engagement.deal_id:
                facts["deal"] = self.services.deals.get(engagement.deal_id).name
            facts["kind"] = self.services.presales.request(engagement.request_id).kind.value
        except DomainError:
            pass  # a name not on the desk shows as its id
        return facts

    def _on_change(self, change: Change) -> None:
        """Reload once the changes of this turn of the event loop are in (a
        sync run or a series of moves reloads once, not per change)."""
        if change.entity == "presales":
            self._reload_soon()

    def _reload_soon(self) -> None:
        if not self._reload_pending:
            self._reload_pending = True
            QTimer.singleShot(0, self, self._deferred_reload)

    def _deferred_reload(self) -> None:
        self._reload_pending = False
        self.reload()

    def _done(self) -> bool:
        """A change of the window's own saved: shown at once."""
        self.problem_label.clear()
        self.reload()
        return True

    # -- showing -----------------------------------------------------------------

    def step_name(self, number: int) -> str:
        try:
            return f"{number} · {name_text(self.playbook.presales_step(number).names)}"
        except KeyError:
            return str(number)

    def _show(self) -> None:
        engagement = self.engagement
        assert engagement is not None
        playbook = self.playbook
        customer = self._facts.get("customer", "")
        self.setWindowTitle(self.tr("Engagement · {customer}").format(customer=customer))
        self.title_label.setText(
            self.tr("{customer}: presales in step {step}").format(
                customer=customer, step=self.step_name(engagement.step)
            )
        )
        self.header.show_engagement(engagement, self._facts)
        steps = playbook.presales_steps
        if not self.viewed_step or self.viewed_step > len(steps):
            self.viewed_step = engagement.step
        counts = {
            s.number: f"{sum(1 for i in s.checklist if i.code in engagement.ticked(s.code))}"
            f"/{len(s.checklist)}"
            for s in steps
        }
        self.step_bar.set_steps(steps, engagement.step, self.viewed_step, counts)
        self._show_moves(engagement, steps)
        if steps:
            self._show_checklist(engagement, playbook.presales_step(self.viewed_step))
        self.history_table.show_history(engagement, playbook, self.step_name)
        if not self._notes_changed() or not engagement.is_open:
            self.notes_edit.setPlainText(engagement.notes)  # not over what is being typed
        self._shown_notes = engagement.notes
        self.notes_edit.setReadOnly(not engagement.is_open)
        self.notes_button.setEnabled(False)
        self.notes_button.setVisible(engagement.is_open)
        self.notes_button.setText(self.tr("Save notes"))
        self.tasks.set_open(engagement.is_open)
        self.tabs.setTabText(0, self.tr("Tasks ({n})").format(n=len(self.tasks.tasks)))
        self.tabs.setTabText(1, self.tr("History ({n})").format(n=len(engagement.history)))
        self.tabs.setTabText(2, self.tr("Notes"))

    def _show_moves(self, engagement: Engagement, steps: tuple[PresalesStep, ...]) -> None:
        is_open = engagement.is_open
        self.next_button.setEnabled(is_open and engagement.step < len(steps))
        self.move_button.setEnabled(is_open)
        self.close_button.setEnabled(is_open)
        self.move_menu.clear()
        for step in steps:
            if step.number != engagement.step:
                action = self.move_menu.addAction(self.step_name(step.number))
                action.triggered.connect(lambda _c=False, n=step.number: self.move_to(n))

    def _show_checklist(self, engagement: Engagement, step: PresalesStep) -> None:
        self._loading = True
        self.checklist.clear()
        ticked = engagement.ticked(step.code)
        for item in step.checklist:
            text = name_text(item.names)
            text += " *" if item.required else "  " + self.tr("(optional)")
            row = QListWidgetItem(text)
            row.setData(CODE_ROLE, item.code)
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
            if engagement.is_open:
                flags |= Qt.ItemFlag.ItemIsEnabled
            row.setFlags(flags)
            done = item.code in ticked
            row.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
            self.checklist.addItem(row)
        caption = self.tr("Checklist of step {step} (* required)").format(
            step=self.step_name(step.number)
        )
        if step.number == engagement.step:
            caption += "  ◀ " + self.tr("current step")
        self.checklist_caption.setText(caption)
        self.outputs_label.setText("\n".join(f"• {name_text(o)}" for o in step.outputs) or "—")
        self._loading = False

    # -- actions -------------------------------------------------------------------

    def view_step(self, number: int) -> None:
        """Show step *number*'s checklist (the bar's click)."""
        self.viewed_step = number
        if self.engagement is not None:
            self._show()

    def _refused(self, exc: DomainError) -> None:
        if isinstance(exc, ValidationError) and exc.problems:
            text = "\n".join(p.render(translate) for p in exc.problems)
        else:
            text = exc.render(translate)
        self.problem_label.setText(text)

    def _item_changed(self, item: QListWidgetItem) -> None:
        if not self._loading:
            self.tick(item.data(CODE_ROLE), item.checkState() == Qt.CheckState.Checked)

    def tick(self, code: str, done: bool) -> bool:
        """Tick (or untick) an activity; saved at once (the list is redrawn
        once its signal is over, by the feed, or undone on a refusal)."""
        try:
            self.services.presales.tick(self.engagement_id, code, done)
        except DomainError as exc:
            self._refused(exc)
            self._reload_soon()
            return False
        self.problem_label.clear()
        return True

    def _notes_changed(self) -> bool:
        shown = getattr(self, "_shown_notes", None)
        return shown is not None and self.notes_edit.toPlainText().strip() != shown.strip()

    def save_notes(self) -> bool:
        """Save the notes as typed; a refusal shows why and keeps them."""
        try:
            saved = self.services.presales.set_notes(
                self.engagement_id, self.notes_edit.toPlainText()
            )
        except DomainError as exc:
            self._refused(exc)
            return False
        self._shown_notes = saved.notes
        self.notes_button.setEnabled(False)
        self.problem_label.clear()
        return True

    def set_technical_win(self, win: TechnicalWin) -> bool:
        try:
            self.services.presales.set_technical_win(self.engagement_id, win)
        except DomainError as exc:
            self._refused(exc)
            self._reload_soon()
            return False
        self.problem_label.clear()
        return True

    def _fresh(self) -> Engagement | None:
        """The engagement as stored now (a change may not be shown yet)."""
        try:
            self.engagement = self.services.presales.engagement(self.engagement_id)
        except NotFound:
            self.engagement = None
        return self.engagement

    def move_next(self) -> bool:
        engagement = self._fresh()
        if engagement is None:
            return False
        return self.move_to(engagement.step + 1)

    def move_to(self, step: int) -> bool:
        """Move to *step* through the gates, asking what they need; True when moved."""
        presales = self.services.presales
        try:
            check = presales.check_step(self.engagement_id, step)
            if check.forward and not check.needs_override:
                presales.move_step(self.engagement_id, step)
                return self._done()
        except DomainError as exc:
            self._refused(exc)
            return False
        current = self._fresh()
        here = self.step_name(current.step if current else 0)
        there = self.step_name(step)
        if check.forward:
            title = self.tr("Move the engagement forward")
            summary = self.tr(
                "Move from {step} to {target}. The step's checklist has required work "
                "that is not done; you may move on anyway, and the override and its "
                "reason are recorded in the history."
            ).format(step=here, target=there)
            hint, ok = self.tr("Why move on without this work?"), self.tr("Move")
        else:
            title = self.tr("Move the engagement back")
            summary = self.tr("Move back from {step} to {target}.").format(step=here, target=there)
            hint, ok = self.tr("Why does the engagement go back?"), self.tr("Move back")
        return self._ask(
            title, summary, check.missing, hint, ok,
            lambda reason, confirm: presales.move_step(
                self.engagement_id, step, reason=reason, confirm_override=confirm
            ),
        )  # fmt: skip

    def _ask(self, title: str, summary: str, missing: Any, hint: str, ok: str, act: Any) -> bool:
        dialog = StepMoveDialog(
            title, summary, missing, act, needs_reason=True, reason_hint=hint, ok_text=ok,
            steps=self.playbook.presales_steps, parent=self,
        )  # fmt: skip
        try:
            moved = dialog.exec() == QDialog.DialogCode.Accepted and dialog.succeeded
        finally:
            dialog.deleteLater()
        return self._done() if moved else False

    def close_engagement(self) -> bool:
        """Close in the last step with the technical win decided; unticked
        required activities of that step are an override (confirmed, with a
        reason).  Anything else is refused with the reason shown."""
        engagement, presales = self._fresh(), self.services.presales
        if engagement is None:
            return False
        last = self.playbook.presales_steps[-1:]
        missing = missing_activities(engagement, last)
        if engagement.step == len(self.playbook.presales_steps) and (
            engagement.technical_win is not TechnicalWin.OPEN
        ) and missing:  # fmt: skip
            return self._ask(
                self.tr("Close the engagement"),
                self.tr(
                    "Close the engagement as “{win}”. The last step has required work that "
                    "is not done; the override and its reason are recorded."
                ).format(win=enum_text(engagement.technical_win)),
                missing, self.tr("Why close without this work?"), self.tr("Close"),
                lambda reason, confirm: presales.close_engagement(
                    self.engagement_id, reason=reason, confirm_override=confirm
                ),
            )  # fmt: skip
        if not self._confirm_close(engagement):
            return False
        try:
            presales.close_engagement(self.engagement_id)
        except DomainError as exc:
            self._refused(exc)
            QMessageBox.warning(
                self, self.tr("The engagement cannot be closed"), self.problem_label.text()
            )
            return False
        return self._done()

    def _confirm_close(self, engagement: Engagement) -> bool:
        """Closing is final: ask first (only when the rules would allow it)."""
        if engagement.step != len(self.playbook.presales_steps) or (
            engagement.technical_win is TechnicalWin.OPEN
        ):
            return True  # the service refuses it with the reason
        answer = QMessageBox.question(
            self,
            self.tr("Close the engagement"),
            self.tr(
                "Close the engagement as “{win}”? A closed engagement is not changed any more."
            ).format(win=enum_text(engagement.technical_win)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: Any) -> None:
        if self._notes_changed() and self.isEnabled() and not self.save_notes():
            self.tabs.setCurrentIndex(2)
            event.ignore()  # nothing typed is lost: the reason shows, the text stays
            return
        self._bridge.close()
        super().closeEvent(event)
