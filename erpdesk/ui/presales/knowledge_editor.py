"""The knowledge base entry editor: a form per kind of entry (module,
industry, competitor) built from the entry's plain data.

Single texts are line or paragraph edits, lists of texts one per line, a
module's FAB statements a table and its demo scripts a table with the
selected script's steps and data to prepare.  Saving goes through
``PresalesContentService.save_entry``; its problems (named by key path:
``demos.1.duration_minutes``) show under the field they are about, and a
refused entry keeps the dialog open with everything typed.  The form sits
in a scroll area so that the dialog fits a 1366x768 screen.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.customer import Industry as IndustryCode
from erpdesk.domain.errors import DomainError, Problem, ValidationError
from erpdesk.domain.knowledge import FIELD_LABELS, INDUSTRY_CODES
from erpdesk.ui.form_fit import fit_to_screen
from erpdesk.ui.funnel import names_text
from erpdesk.ui.presales.knowledge_editor_fields import DemoScriptsEditor, LinesEdit, TextTable
from erpdesk.ui.widgets import (
    ProblemLabel,
    enum_text_of,
    problems_by_field,
    settle_minimum_size,
    translate,
    with_problem_label,
)

LINE, TEXT, LINES, FAB, DEMOS = "line", "text", "lines", "fab", "demos"
_HEAD = (("code", LINE), ("name", LINE), ("name_en", LINE))
# Per kind of entry: its fields in the form's order and how each is edited.
FORMS: dict[str, tuple[tuple[str, str], ...]] = {
    "module": (*_HEAD, ("architecture", TEXT), ("processes", LINES), ("functions", LINES),
               ("target_customers", LINES), ("advantages", LINES), ("fab", FAB),
               ("demos", DEMOS)),
    "industry": (*_HEAD, ("needs", LINES), ("trends", LINES), ("vendors_domestic", LINES),
                 ("vendors_foreign", LINES), ("modules", LINES)),
    "competitor": (*_HEAD, ("overview", TEXT), ("products", LINES), ("strengths", LINES),
                   ("weaknesses", LINES), ("how_to_compete", LINES)),
}
FAB_KEYS = ("feature", "advantage", "benefit")
MAX_HEIGHT = 680


def _module_names() -> dict[str, str]:
    """Module code -> its name in the UI's language (the playbook's)."""
    from erpdesk.playbooks import read_playbook

    return {m.code: names_text(m.names) for m in read_playbook().modules}


class KnowledgeEditor(QDialog):
    """Edit (or add) one entry of the knowledge base.

    Signals:
        saved(str, str): the entry was stored (kind, code).
    """

    saved = Signal(str, str)

    def __init__(self, content: Any, kind: str, code: str | None = None,
                 parent: QWidget | None = None, demo: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("knowledgeEditor")
        self.content = content
        self.kind = kind
        self.code = code  # None: a new entry
        self.dirty = False
        self.saved_code: str | None = None
        self.editors: dict[str, QWidget] = {}
        self.captions: dict[str, QLabel] = {}
        self.problem_labels: dict[str, ProblemLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, how in FORMS[kind]:
            editor = self._editor(key, how)
            self.editors[key] = editor
            box, label = with_problem_label(editor)
            policy = label.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # the form never shifts
            label.setSizePolicy(policy)
            self.problem_labels[key] = label
            caption = QLabel()
            self.captions[key] = caption
            form.addRow(caption, box)
        body = QWidget()
        body.setLayout(form)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        self.error_label = ProblemLabel(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)  # the scroll area does not jump
        self.error_label.setSizePolicy(policy)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._load()
        if demo and isinstance(self.editors.get("demos"), DemoScriptsEditor):
            self.editors["demos"].select_code(demo)  # type: ignore[attr-defined]
        self._watch()
        self.retranslate_ui()
        width = max(720, body.sizeHint().width() + 60)
        settle_minimum_size(self)
        # the form scrolls: the dialog opens at most as high as the screen leaves
        fit_to_screen(self, width, min(MAX_HEIGHT, body.sizeHint().height() + 110))

    # -- building --------------------------------------------------------------

    def _editor(self, key: str, how: str) -> QWidget:
        if key == "code":
            return self._code_editor()
        if how == LINE:
            return QLineEdit()
        if how == TEXT:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            lines = edit.fontMetrics().lineSpacing()
            edit.setMinimumHeight(lines * 4 + 12)
            edit.setMaximumHeight(lines * 8 + 12)
            return edit
        if how == LINES:
            return LinesEdit(4)
        if how == FAB:
            return TextTable(FAB_KEYS)
        return DemoScriptsEditor()

    def _code_editor(self) -> QWidget:
        if self.code is not None:
            edit = QLineEdit(self.code)
            edit.setReadOnly(True)
            return edit
        if self.kind == "competitor":
            return QLineEdit()
        combo = QComboBox()
        if self.kind == "module":
            names = _module_names()
            for code in self.content.addable_modules():
                combo.addItem(f"{names.get(code, code)} ({code})", code)
        else:
            present = {i.code for i in self.content.knowledge().industries}
            for code in INDUSTRY_CODES:
                if code not in present:
                    combo.addItem(f"{enum_text_of(IndustryCode, code)} ({code})", code)
        return combo

    def _load(self) -> None:
        if self.code is None:
            return
        data = self.content.entry_data(self.kind, self.code)
        for key, _how in FORMS[self.kind]:
            editor, value = self.editors[key], data.get(key)
            if key == "code":
                continue
            if isinstance(editor, QLineEdit):
                editor.setText(str(value or ""))
            elif isinstance(editor, LinesEdit):
                editor.set_lines(value or [])
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(str(value or ""))
            elif isinstance(editor, TextTable):
                editor.set_rows(value or [])
            elif isinstance(editor, DemoScriptsEditor):
                editor.set_scripts(value or [])

    def _watch(self) -> None:
        for editor in self.editors.values():
            for name in ("textChanged", "changed", "currentIndexChanged"):
                signal = getattr(editor, name, None)
                if signal is not None:
                    signal.connect(self._mark_dirty)
                    break

    def _mark_dirty(self, *_args: Any) -> None:
        self.dirty = True

    # -- texts -----------------------------------------------------------------

    def retranslate_ui(self) -> None:
        name = self.tr("module") if self.kind == "module" else (
            self.tr("industry") if self.kind == "industry" else self.tr("competitor"))
        if self.code is None:
            self.setWindowTitle(self.tr("New {kind}").format(kind=name))
        else:
            self.setWindowTitle(self.tr("Edit {kind} {code}").format(kind=name, code=self.code))
        for key, caption in self.captions.items():
            text = self.tr("Code") if key == "code" else translate("Domain", FIELD_LABELS[key])
            caption.setText(text)
        for key in ("processes", "functions", "target_customers", "advantages", "needs",
                    "trends", "vendors_domestic", "vendors_foreign", "modules", "products",
                    "strengths", "weaknesses", "how_to_compete"):
            editor = self.editors.get(key)
            if isinstance(editor, LinesEdit):
                editor.setPlaceholderText(self.tr("One per line"))
        if isinstance(fab := self.editors.get("fab"), TextTable):
            fab.set_headers([QCoreApplication.translate("KnowledgeView", "Feature"),
                             QCoreApplication.translate("KnowledgeView", "Advantage"),
                             QCoreApplication.translate("KnowledgeView", "Benefit")])
        if isinstance(demos := self.editors.get("demos"), DemoScriptsEditor):
            demos.set_headers(
                [self.tr("Code"), self.tr("Title"), self.tr("Minutes")],
                translate("Domain", FIELD_LABELS["steps"]),
                translate("Domain", FIELD_LABELS["data_to_prepare"]))
            demos.table.table.setToolTip(
                self.tr("A demo code is the module's code, a dot and a name: finance.month_end"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- saving ----------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form as the knowledge base's plain data of the entry."""
        data: dict[str, Any] = {}
        for key, _how in FORMS[self.kind]:
            editor = self.editors[key]
            if isinstance(editor, QComboBox):
                data[key] = str(editor.currentData() or "")
            elif isinstance(editor, QLineEdit):
                data[key] = editor.text().strip()
            elif isinstance(editor, LinesEdit):
                data[key] = editor.lines()
            elif isinstance(editor, QPlainTextEdit):
                data[key] = editor.toPlainText().strip()
            elif isinstance(editor, TextTable):
                data[key] = editor.rows()
            elif isinstance(editor, DemoScriptsEditor):
                data[key] = editor.scripts()
        return data

    def save(self) -> bool:
        """Store the entry through the service; its problems under their
        fields otherwise (the dialog stays open, nothing is lost)."""
        try:
            entry = self.content.save_entry(self.kind, self.values(), new=self.code is None)
        except ValidationError as exc:
            self.show_problems(exc)
            return False
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return False
        self.dirty = False
        self.saved_code = entry.code
        self.saved.emit(self.kind, entry.code)
        self.accept()
        return True

    def _named(self, problem: Problem) -> Problem:
        """*problem* naming its field by caption ("Demo scripts, row 2")
        rather than by key path."""
        parts = problem.field.split(".")
        caption = self.captions.get(parts[0])
        if "key" not in problem.params or caption is None:
            return problem
        name = caption.text()
        if len(parts) > 1 and parts[1].isdigit():
            name = self.tr("{field}, row {n}").format(field=name, n=int(parts[1]) + 1)
        if len(parts) > 2 and parts[2] in FIELD_LABELS:  # a demo script's steps
            name = f"{name} · {translate('Domain', FIELD_LABELS[parts[2]])}"
        return replace(problem, params={**problem.params, "key": name})

    def show_problems(self, exc: ValidationError) -> None:
        by_field: dict[str, list[Any]] = {}
        named = [self._named(p) for p in exc.problems]
        for field, found in problems_by_field(named).items():
            by_field.setdefault(field.split(".", 1)[0], []).extend(found)
        for key, label in self.problem_labels.items():
            label.set_problems(by_field.pop(key, []))
        rest = [p for found in by_field.values() for p in found]
        self.error_label.show_text(
            "\n".join(p.render(translate) for p in rest)
            or self.tr("Please correct the fields marked in red."))
        for field in reversed([p.field for p in exc.problems if p.field]):
            self._go_to(field)  # each table on its first problem's row; the first field last

    def _go_to(self, field: str) -> None:
        """Scroll to the field of *field* (a key path) and select its row."""
        parts = field.split(".")
        editor = self.editors.get(parts[0])
        if editor is None:
            return
        row = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else -1
        if isinstance(editor, DemoScriptsEditor) and row >= 0:
            editor.select(row)
        elif isinstance(editor, TextTable) and row >= 0:
            editor.select_row(row)
        self.scroll_area.ensureWidgetVisible(editor)
        editor.setFocus()

    def reject(self) -> None:
        if self.dirty:
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"), self.tr("Discard the changes to this entry?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.dirty = False
        super().reject()


def edit_entry(parent: QWidget | None, content: Any, kind: str, code: str | None = None,
               demo: str = "") -> str | None:
    """Edit the entry *kind*/*code* (None: a new one) in a dialog; the code
    saved, or None if cancelled."""
    editor = KnowledgeEditor(content, kind, code, parent, demo=demo)
    editor.exec()
    return editor.saved_code
