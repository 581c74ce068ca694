"""The table model every plain-rows model shares, and the workbench's
shared pieces (the lead table, the view set-up, the message line)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.sync.workbench_api import CheckResult, Lead
from erpdesk.ui.table_models import RowTableModel
from erpdesk.ui.workbench.common import RegistryView, html_escape, row_table
from erpdesk.ui.workbench.leads import LeadTableModel
from erpdesk.ui.workbench.runner import ApiRunner, MessageBar


class Words(RowTableModel[str]):
    context = "WordsModel"
    headers = (QT_TRANSLATE_NOOP("WordsModel", "Word"), QT_TRANSLATE_NOOP("WordsModel", "Length"))

    def __init__(self) -> None:
        super().__init__()
        self.resets = 0

    def _rows_reset(self) -> None:
        self.resets += 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        word = self.row_at(index.row()) if index.isValid() else None
        if word is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (word, str(len(word)))[index.column()]


class NumberedWords(Words):
    numbered = True


def test_rows_headers_and_reset(qtbot) -> None:
    model = Words()
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(iter(["alpha", "be"]))
    assert model.resets == 1
    assert model.rowCount() == 2 and model.columnCount() == 2
    assert model.rowCount(model.index(0, 0)) == 0  # flat: nothing under a row
    assert model.row_at(1) == "be" and model.row_at(2) is None and model.row_at(-1) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Word"
    assert model.headerData(2, Qt.Orientation.Horizontal) is None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.data(model.index(0, 1)) == "5"


def test_numbered_rows_and_change_signals(qtbot) -> None:
    model = NumberedWords()
    model.set_rows(["a", "b", "c"])
    assert [model.headerData(n, Qt.Orientation.Vertical) for n in range(4)] == [
        "1", "2", "3", None]
    with qtbot.waitSignal(model.headerDataChanged) as header:
        model.retranslate()
    assert header.args == [Qt.Orientation.Horizontal, 0, 1]
    with qtbot.waitSignal(model.dataChanged) as changed:
        model._all_changed()
    assert (changed.args[1].row(), changed.args[1].column()) == (2, 1)
    model.set_rows([])
    with qtbot.assertNotEmitted(model.dataChanged):
        model._all_changed()


def test_row_models_pass_the_model_tester(qtmodeltester) -> None:
    model = NumberedWords()
    model.set_rows(["one", "two", "three"])
    qtmodeltester.check(model)
    leads = LeadTableModel()
    leads.set_rows([_lead("1", "Acme"), _lead("2", "Bolt", status="handed_over")])
    qtmodeltester.check(leads)


def _lead(lead_id: str, company: str, status: str = "new") -> Lead:
    return Lead(id=lead_id, company_name=company, status=status, telemarketer="tm",
                telemarketer_display_name="TM", created_at=datetime(2024, 5, 1, tzinfo=UTC),
                flagged=False, check=CheckResult(status="free"))


def test_lead_model_replaces_in_place_or_puts_new_first() -> None:
    model = LeadTableModel()
    model.set_rows([_lead("1", "Acme"), _lead("2", "Bolt")])
    model.replace(_lead("2", "Bolt", status="handed_over"))
    assert [lead.id for lead in model.rows] == ["1", "2"]
    assert model.data(model.index(1, 1)) == "Handed over"
    model.replace(_lead("3", "Cato"))
    assert [lead.id for lead in model.rows] == ["3", "1", "2"]
    assert model.headerData(6, Qt.Orientation.Horizontal) == "Note"


def test_row_table_selects_one_whole_row(qtbot) -> None:
    model = Words()
    model.set_rows(["x", "y"])
    table = row_table(model)
    qtbot.addWidget(table)
    assert table.model() is model
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert table.verticalHeader().isHidden()
    assert table.horizontalHeader().stretchLastSection()


def test_html_escape() -> None:
    assert html_escape("<b>A & B</b>") == "&lt;b&gt;A &amp; B&lt;/b&gt;"


@pytest.fixture
def signed_out_runner(qtbot) -> ApiRunner:
    runner = ApiRunner(lambda: None, lambda _account: None, lambda: "en")
    yield runner
    runner.close()


def test_registry_view_refuses_and_reports_failures(qtbot, signed_out_runner) -> None:
    message = MessageBar()
    view = RegistryView(signed_out_runner, message)
    field = QLineEdit(view)
    qtbot.addWidget(message)
    qtbot.addWidget(view)
    view.show()
    view._refuse("Give the reason", field)
    assert (message.kind, message.text()) == ("error", "Give the reason")
    assert field.hasFocus() or view.focusWidget() is field
    done: list[object] = []
    view._call(lambda api: api.queue(), done.append)  # nobody signed in: told at once
    assert done == [] and message.kind == "signed_out" and message.text()


def test_index_of_no_parent_is_flat() -> None:
    assert Words().columnCount(QModelIndex()) == 2
