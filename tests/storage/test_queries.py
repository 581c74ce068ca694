"""The read model: paging, sorting, filtering and search over the list."""

from __future__ import annotations

import sqlite3

import pytest

from erpdesk.domain.customer import Customer, CustomerStatus, Industry, Source
from erpdesk.storage.database import open_database
from erpdesk.storage.queries import SORTS, CustomerCriteria, CustomerQueries
from erpdesk.storage.uow import UnitOfWork

NAMES = [
    ("北京百度网讯科技有限公司", "北京市", Source.PHONE, Industry.SERVICES),
    ("华为技术有限公司", "广东省", Source.REFERRAL, Industry.ELECTRONICS),
    ("阿里巴巴（中国）有限公司", "浙江省", Source.PHONE, Industry.RETAIL),
    ("浪潮电子信息产业股份有限公司", "山东省", Source.SELF_DEVELOPED, Industry.ELECTRONICS),
    ("青岛海尔股份有限公司", "山东省", Source.MARKETING_EVENT, Industry.MANUFACTURING),
]


@pytest.fixture
def queries(tmp_path):
    db = open_database(tmp_path / "desk.db")
    with UnitOfWork(db) as uow:
        for name, province, source, industry in NAMES:
            uow.customers.add(
                Customer(name=name, province=province, source=source, industry=industry)
            )
        uow.commit()
    yield CustomerQueries(db.reader)
    db.close()


def names(rows):
    return [r.name for r in rows]


def test_default_order_is_by_pinyin(queries):
    rows = queries.page(CustomerCriteria())
    assert names(rows) == [
        "阿里巴巴（中国）有限公司",  # a
        "北京百度网讯科技有限公司",  # b
        "华为技术有限公司",  # h
        "浪潮电子信息产业股份有限公司",  # l
        "青岛海尔股份有限公司",  # q
    ]


def test_descending_and_every_sort_key_work(queries):
    rows = queries.page(CustomerCriteria(), descending=True)
    assert names(rows)[0] == "青岛海尔股份有限公司"
    for sort in SORTS:
        assert len(queries.page(CustomerCriteria(), sort=sort)) == 5


def test_pages_cover_everything_once(queries):
    seen = []
    for offset in range(0, 5, 2):
        seen += names(queries.page(CustomerCriteria(), offset=offset, limit=2))
    assert sorted(seen) == sorted(n for n, *_ in NAMES)


def test_filters_combine_with_search(queries):
    shandong = CustomerCriteria(province="山东省")
    assert queries.count(shandong) == 2
    assert queries.count(CustomerCriteria(province="山东省", industry="electronics")) == 1
    assert queries.count(CustomerCriteria(source="phone", text="bd")) == 1
    assert queries.count(CustomerCriteria(status=CustomerStatus.SIGNED.value)) == 0


def test_search_text_is_a_parameter_not_sql(queries):
    assert queries.count(CustomerCriteria(text="' OR 1=1 --")) == 0
    assert queries.count(CustomerCriteria(text="%")) == 0


def test_text_search_pages_and_sorts_like_sql(queries):
    by_text = queries.page(CustomerCriteria(text="you"), limit=10)  # 有限公司 -> youxian
    assert names(by_text) == names(queries.page(CustomerCriteria()))
    desc = queries.page(CustomerCriteria(text="you"), descending=True, offset=1, limit=2)
    assert names(desc) == names(queries.page(CustomerCriteria(), descending=True))[1:3]
    by_region = queries.page(CustomerCriteria(text="you"), sort="region")
    assert [r.province for r in by_region] == sorted(r.province for r in by_region)


def test_search_index_follows_writes_from_any_connection(tmp_path):
    from erpdesk.app import open_desk

    desk = open_desk(tmp_path / "desk.db")
    service = desk.customers
    assert service.count(service.criteria("huawei")) == 0
    other = open_desk(tmp_path / "desk.db")  # e.g. an import in another process
    added = other.customers.create(Customer(name="华为技术有限公司"))
    assert service.count(service.criteria("huawei")) == 1
    assert service.count(service.criteria("hw")) == 1
    other.customers.update(
        Customer(**{**added.__dict__, "name": "荣耀终端有限公司"})
    )
    assert service.count(service.criteria("huawei")) == 0
    assert service.count(service.criteria("rongyao")) == 1
    other.customers.delete(added.id)
    assert service.count(service.criteria("rongyao")) == 0
    other.close()
    desk.close()


def test_refining_a_query_narrows_and_widening_recomputes(tmp_path):
    from erpdesk.app import open_desk

    desk = open_desk(tmp_path / "desk.db")
    s = desk.customers
    for name in ("华为技术有限公司", "华润万家有限公司", "海尔智家股份有限公司"):
        s.create(Customer(name=name))
    assert s.count(s.criteria("h")) == 3
    assert s.count(s.criteria("hua")) == 2
    assert s.count(s.criteria("huaw")) == 1
    assert s.count(s.criteria("hu")) == 2
    assert s.count(s.criteria("华")) == 2
    assert s.count(s.criteria("华", province="")) == 2
    desk.close()


def test_lazy_scans_agree_with_sql_while_typing(tmp_path):
    """Pages of a partial scan, refinements of partial scans, and counts equal
    what a plain SQL substring search returns."""
    import random

    from erpdesk.storage.search_index import CustomerSearchIndex

    db = open_database(tmp_path / "desk.db")
    rng = random.Random(7)
    brands = "华盛鑫达瑞泰恒宏金新远通博众信安康海天宇"
    with UnitOfWork(db) as uow:
        uow.customers.add_many([
            (Customer(name="".join(rng.choice(brands) for _ in range(3)) + f"{i}号科技有限公司",
                      phone=f"0531-{rng.randrange(10**7, 10**8)}",
                      province=rng.choice(["山东省", "北京市"])), [])
            for i in range(600)
        ])
        uow.commit()
    plain = CustomerQueries(db.reader)
    indexed = CustomerQueries(db.reader, CustomerSearchIndex(lambda: sqlite3.connect(db.path)))
    for province in (None, "山东省"):
        for word in ("huaxin", "hx", "0531", "华盛", "keji", "youxiangongsi", "12hao"):
            for end in range(1, len(word) + 1):  # typed on: refines a partial scan
                c = CustomerCriteria(text=word[:end], province=province)
                first = indexed.page(c, limit=7)
                assert first == plain.page(c, limit=7), c
                if indexed.known_count(c) is None:
                    assert len(first) == 7
            # the last prefix read further, then counted
            assert indexed.page(c, offset=5, limit=30) == plain.page(c, offset=5, limit=30)
            assert indexed.count(c) == plain.count(c)
            assert indexed.known_count(c) == plain.count(c)
    db.close()


def test_letters_match_names_not_credit_codes(tmp_path):
    from erpdesk.app import open_desk

    desk = open_desk(tmp_path / "desk.db")
    s = desk.customers
    from erpdesk.domain.uscc import uscc_check_char

    code = "91340100MA2NBJ8X1" + uscc_check_char("91340100MA2NBJ8X1")
    s.create(Customer(name="安徽凯金峰饮料有限公司", uscc=code))
    s.create(Customer(name="北京百度网讯科技有限公司"))
    assert [r.name for r in s.page(s.criteria("bj"))] == ["北京百度网讯科技有限公司"]
    assert s.count(s.criteria("ma2nbj")) == 1  # a code with digits still finds it
    assert s.count(s.criteria("91340100")) == 1
    desk.close()


def test_search_index_reloads_after_a_bulk_change(tmp_path, monkeypatch):
    from erpdesk.app import open_desk
    from erpdesk.storage import search_index

    monkeypatch.setattr(search_index, "_RELOAD_ABOVE", 3)
    desk = open_desk(tmp_path / "desk.db")
    s = desk.customers
    s.create(Customer(name="华为技术有限公司"))
    assert s.count(s.criteria("huawei")) == 1
    other = open_desk(tmp_path / "desk.db")
    with other.unit_of_work() as uow:  # like an import: many rows at once
        uow.customers.add_many([(Customer(name=f"荣耀终端{i}号有限公司"), []) for i in range(10)])
        uow.commit()
    assert s.count(s.criteria("rongyao")) == 10
    assert s.count(s.criteria("huawei")) == 1
    assert [r.name for r in s.page(s.criteria("ry"), limit=2)] == [
        r.name for r in s.page(s.criteria("rongyao"), limit=2)
    ]
    other.close()
    desk.close()
