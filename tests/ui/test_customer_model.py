"""The customer table model: a correct Qt model, lazy, sorted and filtered in SQL."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from erpdesk.domain.customer import Customer
from erpdesk.ui.customer_model import COLUMN_KEYS, ID_ROLE, PAGE_SIZE, CustomerTableModel


def column(key: str) -> int:
    return COLUMN_KEYS.index(key)


def test_model_passes_the_model_tester(qtmodeltester, add_customers, service, samples):
    add_customers(250)
    model = CustomerTableModel(service)
    qtmodeltester.check(model)
    model.set_criteria(service.criteria("lc"))
    qtmodeltester.check(model)


def test_a_valid_parent_has_no_rows(service, samples):
    model = CustomerTableModel(service)
    assert model.rowCount() == 5
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount(model.index(0, 0)) == 0


def test_only_the_first_page_is_loaded(add_customers, service, monkeypatch):
    add_customers(2000)
    asked: list[tuple[int, int]] = []
    real_page = service.page

    def page(criteria, **kw):
        asked.append((kw["offset"], kw["limit"]))
        return real_page(criteria, **kw)

    monkeypatch.setattr(service, "page", page)
    model = CustomerTableModel(service)
    assert model.total() == 2000
    assert model.rowCount() == PAGE_SIZE
    assert asked == [(0, PAGE_SIZE)]
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    assert asked[-1] == (PAGE_SIZE, PAGE_SIZE)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 2000
    assert len({model.index(r, 0).data(ID_ROLE) for r in range(2000)}) == 2000


def test_fetch_more_inserts_one_contiguous_batch(qtbot, add_customers, service):
    add_customers(450)
    model = CustomerTableModel(service)
    with qtbot.waitSignal(model.rowsInserted) as blocker:
        model.fetchMore(QModelIndex())
    assert blocker.args[1:] == [PAGE_SIZE, 2 * PAGE_SIZE - 1]


def test_shows_translated_labels_region_and_local_time(service, samples):
    model = CustomerTableModel(service)
    row = model.row_of(samples["浪潮"].id)
    assert model.index(row, column("name")).data() == "浪潮电子信息产业股份有限公司"
    assert model.index(row, column("region")).data() == "山东 济南市"
    assert model.index(row, column("source")).data() == "Referral"
    assert model.index(row, column("status")).data() == "Following up"
    assert model.index(row, column("registration")).data() == "Unregistered"
    assert model.index(row, column("industry")).data() == "Electronics"
    updated = model.index(row, column("updated_at")).data()
    assert len(updated) == 16 and updated[4] == "-" and updated[13] == ":"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Full name"


def test_sort_requeries_in_the_columns_order(service, samples):
    model = CustomerTableModel(service)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    model.sort(column("name"), Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == names[::-1]
    model.sort(column("region"), Qt.SortOrder.AscendingOrder)
    assert model.sort_key == "region" and not model.descending
    regions = [model.index(r, column("region")).data() for r in range(model.rowCount())]
    assert regions[0].startswith("山东") or regions[0].startswith("广东")


def test_criteria_filter_rows_and_total(qtbot, service, samples):
    model = CustomerTableModel(service)
    with qtbot.waitSignal(model.total_changed) as blocker:
        model.set_criteria(service.criteria("", province="山东省"))
    assert blocker.args == [3]
    assert model.rowCount() == 3


def test_a_change_from_the_service_refreshes_the_rows(qtbot, service, samples):
    model = CustomerTableModel(service)
    with qtbot.waitSignal(model.modelReset):
        service.create(Customer(name="格力电器股份有限公司", short_name="格力"))
    assert model.total() == 6
    assert any(model.index(r, 0).data() == "格力电器股份有限公司" for r in range(6))


def test_search_total_is_counted_after_typing_pauses(qtbot, service, samples):
    model = CustomerTableModel(service)
    criteria = service.criteria("youxian")  # every 有限公司
    with qtbot.waitSignal(model.total_changed, timeout=2000) as blocker:
        model.set_criteria(criteria)
    assert blocker.args == [service.count(criteria)]
    assert model.total() == service.count(criteria)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == model.total()
