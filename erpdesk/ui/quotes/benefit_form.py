"""The benefit model's form in the proposal editor: every figure of
``FIGURES`` typed as the command line reads it ("800万", "1,200,000",
"20%"), its problem under it, and the result beside it, live.

The form holds text, not numbers: ``read`` turns the texts into
``BenefitInputs`` with the domain's ``parse_figures`` and checks them with
``benefit_problems``, so a figure the window accepts is exactly one the
command line and the service accept.  An empty field is the figure's
default (the carrying cost rate 20 %, the cost of capital 6 %, the
investment the quote's total), which its placeholder shows.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.benefit import (
    DEFAULT_YEARS,
    FIGURES,
    MAX_YEARS,
    BenefitInputs,
    BenefitResult,
    Figure,
    Kind,
    benefit_model,
    benefit_problems,
    number,
    parse_figures,
    with_investment,
    yuan,
)
from erpdesk.domain.errors import Problem
from erpdesk.ui.funnel.worksheet_widgets import ui_language
from erpdesk.ui.widgets import ProblemLabel

EMPTY_RESULT = benefit_model(BenefitInputs())
PROBLEM_EDIT_STYLE = "QLineEdit { border: 1px solid #c62828; }"


def figure_text(figure: Figure, value: Decimal | None) -> str:
    """How a stored figure is shown in its field: empty at its default
    (the placeholder shows it), amounts with thousands separators."""
    default = getattr(BenefitInputs(), figure.code)
    if value is None or value == default:
        return ""
    if figure.kind is Kind.MONEY and value.is_finite():
        whole = value == value.to_integral_value()
        return f"{int(value):,}" if whole else f"{value:,.2f}"
    return number(value)


class FigureField:
    """One figure's row: caption, edit, unit, problem."""

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"figure_{figure.code}")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.setMinimumWidth(110)
        self.unit = QLabel()
        self.unit.setMinimumWidth(28)
        self.unit.setStyleSheet("color: #546e7a;")
        self.problem = ProblemLabel()

    def show_problems(self, texts: list[str]) -> None:
        self.problem.show_text("\n".join(texts))
        self.edit.setStyleSheet(PROBLEM_EDIT_STYLE if texts else "")


class BenefitResultPanel(QFrame):
    """The model's result: each tangible benefit, the annual and net
    benefit, the investment, ROI over N years and the payback months."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("benefitResult")
        self.setStyleSheet(
            "QFrame#benefitResult { background: #f5f7f8; border: 1px solid #cfd8dc;"
            " border-radius: 4px; }"
        )
        self.result: BenefitResult | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; color: #37474f;")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(3)
        self.line_captions: list[QLabel] = []
        self.line_values: list[QLabel] = []
        for row in range(8):  # the model's eight tangible benefits
            caption, value = QLabel(), self._value_label()
            self.line_captions.append(caption)
            self.line_values.append(value)
            self.grid.addWidget(caption, row, 0)
            self.grid.addWidget(value, row, 1)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet("color: #cfd8dc;")
        self.grid.addWidget(rule, 8, 0, 1, 2)
        self.totals: dict[str, tuple[QLabel, QLabel]] = {}
        for n, key in enumerate(("annual", "running", "net", "investment", "roi", "payback")):
            caption, value = QLabel(), self._value_label()
            caption.setWordWrap(True)
            if key in ("annual", "roi", "payback"):
                caption.setStyleSheet("font-weight: bold;")
                value.setStyleSheet("font-weight: bold;")
            self.totals[key] = (caption, value)
            self.grid.addWidget(caption, 9 + n, 0)
            self.grid.addWidget(value, 9 + n, 1)
        self.grid.setColumnStretch(0, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #546e7a;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.heading)
        layout.addLayout(self.grid)
        layout.addWidget(self.note)
        layout.addStretch(1)

    @staticmethod
    def _value_label() -> QLabel:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def value_of(self, key: str) -> str:
        """The shown value of a total (``annual``, ``net``, ``roi`` …)."""
        return self.totals[key][1].text()

    def show_result(self, result: BenefitResult | None, *, typed_investment: bool) -> None:
        """Show *result*; None: the figures do not read (every value "—")."""
        self.result = result
        language = ui_language()
        self.heading.setText(self.tr("Result"))
        for n, (caption, value) in enumerate(
            zip(self.line_captions, self.line_values, strict=True)
        ):
            line = (result or EMPTY_RESULT).lines[n]  # names kept while figures do not read
            caption.setText(line.names.text(language))
            value.setText(yuan(line.amount) if result is not None else "—")
            caption.setToolTip(line.formula.text(language) if result is not None else "")
            muted = result is None or not line.amount
            caption.setStyleSheet("color: #90a4ae;" if muted else "")
            value.setStyleSheet("color: #90a4ae;" if muted else "")
        years = result.years if result is not None else DEFAULT_YEARS
        captions = {
            "annual": self.tr("Annual benefit"),
            "running": self.tr("Annual running cost"),
            "net": self.tr("Net annual benefit"),
            "investment": self.tr("Investment")
            if typed_investment
            else self.tr("Investment (the quote's total)"),
            "roi": self.tr("Return on investment over {years} years").format(years=years),
            "payback": self.tr("Payback"),
        }
        values = dict.fromkeys(captions, "—")
        if result is not None:
            values["annual"] = yuan(result.annual_benefit)
            values["running"] = yuan(result.running_cost)
            values["net"] = yuan(result.net_annual_benefit)
            values["investment"] = yuan(result.investment) if result.investment else "—"
            if result.roi_percent is not None:
                values["roi"] = f"{number(result.roi_percent)} %"
            if result.payback_months is not None:
                values["payback"] = self.tr("{months} months").format(
                    months=number(result.payback_months)
                )
        for key, (caption, value) in self.totals.items():
            caption.setText(captions[key])
            value.setText(values[key])
        if result is None:
            self.note.setText(self.tr("Correct the figures marked in red to see the result."))
        elif not result.annual_benefit:
            self.note.setText(
                self.tr("Type the customer's own figures: each benefit needs its amount and "
                         "its percentage.")
            )  # fmt: skip
        else:
            self.note.setText(self.tr("Hover over a benefit to see its formula."))


class BenefitForm(QWidget):
    """The benefit figures and the live result.

    Signals:
        edited(): a figure or the years were changed by the user.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_investment: Decimal | None = None
        self._loading = False
        self.fields: dict[str, FigureField] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        half = (len(FIGURES) + 1) // 2
        for n, figure in enumerate(FIGURES):
            field = FigureField(figure)
            field.edit.textChanged.connect(self._changed)
            self.fields[figure.code] = field
            row, col = (n % half) * 2, (n // half) * 4
            grid.addWidget(field.caption, row, col)
            grid.addWidget(field.edit, row, col + 1)
            grid.addWidget(field.unit, row, col + 2)
            grid.addWidget(field.problem, row + 1, col, 1, 3)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(4, 2)
        grid.setColumnMinimumWidth(3, 16)
        self.years_caption = QLabel()
        self.years_spin = QSpinBox()
        self.years_spin.setRange(1, MAX_YEARS)
        self.years_spin.setValue(DEFAULT_YEARS)
        self.years_spin.valueChanged.connect(self._changed)
        self.years_problem = ProblemLabel()
        self.years_spin.setFixedWidth(70)
        years_row = QHBoxLayout()
        years_row.addWidget(self.years_caption)
        years_row.addWidget(self.years_spin)
        years_row.addWidget(self.years_problem, 1)
        years_row.addStretch(1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #546e7a;")

        figures = QWidget()
        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(4, 4, 4, 4)
        figures_layout.addWidget(self.hint)
        figures_layout.addLayout(grid)
        figures_layout.addLayout(years_row)
        figures_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(figures)
        self.result_panel = BenefitResultPanel()
        self.result_panel.setMinimumWidth(360)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.result_panel, 1)
        self.retranslate()

    # -- texts -------------------------------------------------------------------

    def retranslate(self) -> None:
        language = ui_language()
        units = {
            Kind.MONEY: self.tr("CNY"),
            Kind.PERCENT: "%",
            Kind.DAYS: self.tr("days"),
        }
        for field in self.fields.values():
            field.caption.setText(field.figure.names.text(language))
            field.unit.setText(units[field.figure.kind])
        self._placeholders()
        self.years_caption.setText(self.tr("Count the return on investment over (years)"))
        self.hint.setText(
            self.tr("The customer's own figures, typed as 8000000, 800万, 1,200,000 or 20%. "
                    "A benefit counts once its amount and its percentage are given; "
                    "empty fields keep their default.")
        )  # fmt: skip
        self.update_result()

    def _placeholders(self) -> None:
        for field in self.fields.values():
            default = getattr(BenefitInputs(), field.figure.code)
            if field.figure.code == "investment":
                shown = yuan(self.default_investment) if self.default_investment else ""
                field.edit.setPlaceholderText(
                    self.tr("the quote's total {amount}").format(amount=shown).strip()
                )
            else:
                field.edit.setPlaceholderText(number(default) if default else "0")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- values ------------------------------------------------------------------

    def set_inputs(
        self, inputs: BenefitInputs, years: int, default_investment: Decimal | None
    ) -> None:
        """Show *inputs* (no edit is pending afterwards); *default_investment*
        is what an empty investment stands for (the quote's total)."""
        self._loading = True
        try:
            self.default_investment = default_investment
            for code, field in self.fields.items():
                field.edit.setText(figure_text(field.figure, getattr(inputs, code)))
                field.show_problems([])
            self.years_spin.setValue(years)
            self.years_problem.show_text("")
            self._placeholders()
        finally:
            self._loading = False
        self.update_result()

    def set_default_investment(self, amount: Decimal | None) -> None:
        self.default_investment = amount
        self._placeholders()
        self.update_result()

    def set_text(self, code: str, text: str) -> None:
        """Type *text* into the figure *code* (as the user would)."""
        self.fields[code].edit.setText(text)

    def texts(self) -> dict[str, str]:
        return {code: field.edit.text() for code, field in self.fields.items()}

    def years(self) -> int:
        return int(self.years_spin.value())

    def read(self) -> tuple[BenefitInputs, list[Problem]]:
        """The figures as typed, and every problem of them (text that is
        not a number, then the model's range checks)."""
        inputs, problems = parse_figures(BenefitInputs(), self.texts())
        unread = {p.field for p in problems}
        problems += [
            p for p in benefit_problems(inputs, years=self.years()) if p.field not in unread
        ]
        return inputs, problems

    def result(self) -> BenefitResult | None:
        """The model's result of the figures as typed (None while some do
        not read or are out of range)."""
        inputs, problems = self.read()
        if problems:
            return None
        return benefit_model(with_investment(inputs, self.default_investment), years=self.years())

    # -- showing -----------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self.update_result()
        self.edited.emit()

    def update_result(self) -> None:
        """Check the figures, show each problem under its field, and the result."""
        inputs, problems = self.read()
        self.show_problems(problems)
        result = None
        if not problems:
            result = benefit_model(
                with_investment(inputs, self.default_investment), years=self.years()
            )
        self.result_panel.show_result(result, typed_investment=inputs.investment is not None)

    def show_problems(self, problems: list[Problem]) -> list[Problem]:
        """Show *problems* (field ``code`` or ``benefit.code``) under their
        fields; returns those that name no field here."""
        from erpdesk.ui.widgets import translate

        by_field: dict[str, list[str]] = {}
        rest: list[Problem] = []
        for problem in problems:
            name = problem.field.removeprefix("benefit.")
            if name in self.fields or name == "years":
                by_field.setdefault(name, []).append(problem.render(translate))
            else:
                rest.append(problem)
        for code, field in self.fields.items():
            field.show_problems(by_field.get(code, []))
        self.years_problem.show_text("\n".join(by_field.get("years", [])))
        return rest

    def problem_text(self, code: str) -> str:
        """The problem shown under the figure *code* ("" when none)."""
        label = self.years_problem if code == "years" else self.fields[code].problem
        return label.text() if not label.isHidden() else ""
