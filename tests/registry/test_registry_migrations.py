"""The registry's Alembic history: linear, building exactly the declared
tables on both databases, reversible, and holding the one-owner rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, Table, insert, select, update
from sqlalchemy.exc import IntegrityError

from erpdesk.registry.checks import similar_holders
from erpdesk.registry.db.database import (
    MIGRATIONS,
    RegistryDatabase,
    current_revision,
    head_revision,
    make_engine,
    migrate,
)
from erpdesk.registry.db.schema import customer_name_grams, customers, metadata

NOW = datetime(2026, 3, 2, tzinfo=UTC)


def scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def test_history_is_linear_and_named_by_revision():
    directory = scripts()
    assert directory.get_heads() == [head_revision()]
    for script in directory.walk_revisions():
        assert script.path.split("/")[-1].startswith(script.revision + "_")


def test_migrations_build_exactly_the_declared_tables(db_url):
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_downgrade_and_upgrade_again(db_url):
    migrate(db_url, "base", down=True)
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) is None
    finally:
        engine.dispose()
    migrate(db_url)


def _customer(id: str, name_key: str, uscc: str, status: str = "pending") -> dict[str, object]:
    return {
        "id": id, "name": name_key, "name_key": name_key, "uscc": uscc, "fields": {},
        "status": status, "created_at": NOW, "updated_at": NOW,
    }


@pytest.mark.parametrize("second", [("c2", "其他名称", "CODE-1"), ("c2", "华信机械", "CODE-2")])
def test_the_database_itself_refuses_a_second_holder_of_a_company(db_url, second):
    db = RegistryDatabase(db_url)
    try:
        with db.write() as conn:
            conn.execute(insert(customers).values(_customer("c1", "华信机械", "CODE-1")))
        with pytest.raises(IntegrityError), db.write() as conn:
            conn.execute(insert(customers).values(_customer(*second)))
        # An invalid customer frees the slot; customers without a code never clash on it.
        with db.write() as conn:
            conn.execute(update(customers).where(customers.c.id == "c1").values(status="invalid"))
            conn.execute(insert(customers).values(_customer(*second)))
            conn.execute(insert(customers).values(_customer("c3", "甲公司", "")))
            conn.execute(insert(customers).values(_customer("c4", "乙公司", "")))
    finally:
        db.dispose()



def test_upgrade_to_0004_keeps_customers_and_dates_the_release_of_protected_ones(db_url):
    migrate(db_url, "0003", down=True)
    since = datetime(2026, 1, 10, 8, tzinfo=UTC)
    # Followed-up customers are dated on the real clock: the upgrade caps a
    # follow-up at its own now.
    before_upgrade = datetime.now(UTC)
    f1_since = before_upgrade - timedelta(days=60)
    f2_since = before_upgrade - timedelta(days=10)
    legacy = [
        ("p1", "华信机械", "CODE-1", "protected", since, datetime(2026, 4, 10, 8, tzinfo=UTC)),
        ("p2", "鲁信重工", "CODE-2", "protected", since, datetime(2026, 1, 20, 8, tzinfo=UTC)),
        ("q1", "齐鲁软件", "CODE-3", "pending", None, None),
        ("f1", "泰山机床", "CODE-4", "protected", f1_since, f1_since + timedelta(days=90)),
        ("f2", "黄河食品", "CODE-5", "protected", f2_since, f2_since + timedelta(days=90)),
    ]
    day = timedelta(days=1)
    # (customer, kind, occurred_at, written by the owner, deleted)
    activities = [
        ("f1", "visit", f1_since + 5 * day, True, False),
        ("f1", "call", f1_since + 20 * day, True, False),  # the one that counts
        ("f1", "call", f1_since + 40 * day, True, True),  # deleted
        ("f1", "callback", f1_since + 45 * day, False, False),  # the administrator's
        ("f1", "meeting", f1_since + 50 * day, False, False),  # not the owner's
        ("f2", "call", f2_since - 3 * day, True, False),  # before the protection
        ("f2", "email", before_upgrade + 30 * day, True, False),  # a laptop's clock ahead
        ("p1", "visit", since - day, True, False),  # the registration's visit: before it
    ]
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            # The 0003 tables, written as 0003 knew them (not through today's metadata).
            legacy_tables = MetaData()
            legacy_table = Table("customers", legacy_tables, autoload_with=conn)
            assert "release_due_at" not in legacy_table.c
            legacy_users = Table("users", legacy_tables, autoload_with=conn)
            legacy_activities = Table("customer_activities", legacy_tables, autoload_with=conn)
            legacy_settings = Table("settings", legacy_tables, autoload_with=conn)
            person = {
                "display_name": "", "team": "", "password_hash": "x", "disabled": False,
                "created_at": NOW, "updated_at": NOW,
            }
            conn.execute(
                insert(legacy_users),
                [
                    {"id": 1, "username": "rep.a", "role": "rep", **person},
                    {"id": 2, "username": "admin", "role": "admin", **person},
                ],
            )
            conn.execute(
                insert(legacy_settings).values(
                    key="protection_max_days", value="100", updated_at=NOW
                )
            )
            conn.execute(
                insert(legacy_table),
                [
                    {
                        **_customer(id, key, code, status),
                        "protected_since": since_, "protected_until": until,
                        "owner_id": 1 if status == "protected" else None,
                        "field_versions": {}, "deleted": False, "change_number": 0,
                    }
                    for id, key, code, status, since_, until in legacy
                ],
            )
            conn.execute(
                insert(legacy_activities),
                [
                    {
                        "id": f"a{n}", "customer_id": cid, "kind": kind, "occurred_at": at,
                        "summary": kind, "outcome": "", "user_id": 1 if by_owner else 2,
                        "created_at": NOW, "change_number": 0, "next_step": "",
                        "deleted": deleted,
                    }
                    for n, (cid, kind, at, by_owner, deleted) in enumerate(activities)
                ],
            )
    finally:
        engine.dispose()
    migrate(db_url)
    after_upgrade = datetime.now(UTC)
    db = RegistryDatabase(db_url)
    try:
        with db.read() as conn:
            rows = {
                r.id: r
                for r in conn.execute(select(customers).order_by(customers.c.id)).all()
            }
    finally:
        db.dispose()
    assert set(rows) == {"p1", "p2", "q1", "f1", "f2"}
    assert rows["p1"].name == "华信机械" and rows["p1"].status == "protected"
    # 30 days (the default) without a follow-up, or the end of protection if earlier.
    assert rows["p1"].release_due_at == datetime(2026, 2, 9, 8, tzinfo=UTC)
    assert rows["p1"].last_follow_up_at is None
    assert rows["p1"].protected_until == datetime(2026, 4, 10, 8, tzinfo=UTC)
    assert rows["p2"].release_due_at == datetime(2026, 1, 20, 8, tzinfo=UTC)
    assert rows["q1"].release_due_at is None and rows["q1"].last_follow_up_at is None
    # The owner's latest live follow-up counts as a push would have counted
    # it: protection 90 days past it, within the stored maximum of 100 days,
    # and the release 30 days past it.
    f1 = rows["f1"]
    assert f1.last_follow_up_at == f1_since + 20 * day
    assert f1.protected_until == f1_since + 100 * day
    assert f1.release_due_at == f1_since + 50 * day
    # A follow-up dated in the future counts at the upgrade's now.
    f2 = rows["f2"]
    assert before_upgrade <= f2.last_follow_up_at <= after_upgrade
    assert f2.protected_until == f2_since + 100 * day
    assert f2.release_due_at == f2.last_follow_up_at + 30 * day
    # Customers and users referred to by other rows go down and up again (no
    # copy of a table that foreign keys refer to, on SQLite either).
    migrate(db_url, "0003", down=True)
    migrate(db_url)


def test_upgrade_to_0005_fills_the_key_and_length_of_every_name_gram(db_url):
    migrate(db_url, "0004", down=True)
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            meta = MetaData()
            legacy_customers = Table("customers", meta, autoload_with=conn)
            legacy_grams = Table("customer_name_grams", meta, autoload_with=conn)
            assert set(legacy_grams.c.keys()) == {"gram", "customer_id"}
            conn.execute(
                insert(legacy_customers),
                [
                    {**_customer(cid, key, code, "protected"), "field_versions": {},
                     "deleted": False, "change_number": 0}
                    for cid, key, code in (("c1", "华信机械", "CODE-1"), ("c2", "鲁信", ""))
                ],
            )
            conn.execute(
                insert(legacy_grams),
                [{"gram": g, "customer_id": "c1"} for g in ("华信", "信机", "机械")]
                + [{"gram": "鲁信", "customer_id": "c2"}],
            )
    finally:
        engine.dispose()
    migrate(db_url)
    db = RegistryDatabase(db_url)
    try:
        with db.read() as conn:
            rows = conn.execute(
                select(customer_name_grams).order_by(
                    customer_name_grams.c.customer_id, customer_name_grams.c.gram
                )
            ).all()
            # The near-name check finds the upgraded rows (a key inside
            # 华信机械 is found through its bigrams).
            similar = [h.id for h, _ in similar_holders(conn, "信机械", 85.0)]
    finally:
        db.dispose()
    assert [tuple(r) for r in rows] == [
        ("信机", 4, "华信机械", "c1"), ("华信", 4, "华信机械", "c1"),
        ("机械", 4, "华信机械", "c1"), ("鲁信", 2, "鲁信", "c2"),
    ]
    assert similar == ["c1"]


def _rep_with_a_pending_op(conn) -> None:
    """The rep (id 1) whose desk pushed an op on customer c1 not yet answered."""
    from erpdesk.registry.db.schema import applied_ops, users

    conn.execute(insert(users).values(
        id=1, username="rep.a", role="rep", display_name="", team="",
        password_hash="x", disabled=False, created_at=NOW, updated_at=NOW,
    ))
    conn.execute(insert(applied_ops).values(
        op_id="op-1", user_id=1, device_id="laptop", entity="customer",
        entity_id="c1", status="pending", reason="", response={}, applied_at=NOW,
    ))


def test_upgrade_to_0006_keeps_every_gram_change_and_pending_op(db_url):
    # 0006 drops the name grams' foreign key: the customers, their grams, the
    # recorded changes and the ops a desk pushed stay as they were.
    from erpdesk.registry.db.schema import applied_ops, changes

    migrate(db_url, "0005", down=True)
    db = RegistryDatabase(db_url)
    try:
        with db.write() as conn:
            _rep_with_a_pending_op(conn)
            conn.execute(insert(customers).values(
                **_customer("c1", "华信机械", "CODE-1", "protected"), owner_id=1,
                field_versions={"name": [1, "d:1:laptop"]}, deleted=False, change_number=1,
            ))
            conn.execute(insert(customer_name_grams), [
                {"gram": g, "key_length": 4, "name_key": "华信机械", "customer_id": "c1"}
                for g in ("华信", "信机", "机械")
            ])
            conn.execute(insert(changes).values(
                number=1, entity="customers", entity_id="c1", at=NOW))
    finally:
        db.dispose()
    migrate(db_url)
    db = RegistryDatabase(db_url)
    try:
        with db.read() as conn:
            grams = conn.execute(select(customer_name_grams.c.gram).order_by("gram")).scalars()
            assert list(grams) == ["信机", "华信", "机械"]
            row = conn.execute(select(customers)).one()
            assert row.field_versions == {"name": [1, "d:1:laptop"]}
            assert conn.execute(select(changes.c.entity_id)).scalars().all() == ["c1"]
            assert conn.execute(select(applied_ops.c.status)).scalars().all() == ["pending"]
            similar = [h.id for h, _ in similar_holders(conn, "信机械", 85.0)]
        assert similar == ["c1"]
        # The grams no longer need their customer to exist first (a push
        # writes its new customers last).
        with db.write() as conn:
            conn.execute(insert(customer_name_grams).values(
                gram="鲁信", key_length=2, name_key="鲁信", customer_id="later"))
    finally:
        db.dispose()


def test_upgrade_to_0007_keeps_customers_and_pending_ops_none_exempt(db_url):
    # 0007 adds the exemption from release: every existing customer, its
    # protection dates and the ops a desk pushed stay; none is exempt.
    from erpdesk.registry.db.schema import applied_ops

    migrate(db_url, "0006", down=True)
    due = NOW + timedelta(days=30)
    db = RegistryDatabase(db_url)
    try:
        with db.write() as conn:
            _rep_with_a_pending_op(conn)
            conn.execute(insert(customers).values(
                **_customer("c1", "华信机械", "CODE-1", "protected"), owner_id=1,
                release_due_at=due, field_versions={}, deleted=False, change_number=1,
            ))
    finally:
        db.dispose()
    migrate(db_url)
    db = RegistryDatabase(db_url)
    try:
        with db.read() as conn:
            row = conn.execute(select(customers)).one()
            assert (row.name, row.status, row.owner_id) == ("华信机械", "protected", 1)
            assert row.release_due_at == due
            assert (row.exempt_since, row.exempt_reason) == (None, None)
            assert conn.execute(select(applied_ops.c.status)).scalars().all() == ["pending"]
    finally:
        db.dispose()


def test_upgrade_to_0008_rekeys_names_with_their_region_and_keeps_everything(db_url):
    # 0008: name keys keep the region.  The keys stored by the old rule (the
    # region set aside) are recomputed, the grams rebuilt from them, and the
    # registrations, pending ops and leads stay; two active customers the new
    # rule makes one company are both kept, the later with its own key.
    from erpdesk.domain.names import normalize_company_name

    migrate(db_url, "0007", down=True)
    # (id, name, key by the old rule, status)
    legacy = [
        ("c1", "北京银行股份有限公司", "银行", "protected"),
        ("c2", "上海银行股份有限公司", "银行", "invalid"),  # refused before: same key
        ("c3", "浪潮（北京）电子信息产业有限公司", "浪潮电子信息产业", "pending"),
        ("c4", "华信机械有限公司", "华信机械", "pool"),
        ("c5", "昆山市龙腾光电有限公司", "昆山市龙腾光电", "protected"),
        ("c6", "龙腾光电（昆山）有限公司", "龙腾光电昆山", "pending"),  # one company with c5 now
    ]
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            # The 0007 tables as 0007 knew them (not through today's metadata).
            meta = MetaData()
            old = {
                name: Table(name, meta, autoload_with=conn)
                for name in (
                    "users", "customers", "customer_name_grams", "registrations",
                    "applied_ops", "leads",
                )
            }
            conn.execute(insert(old["users"]), [
                {"id": uid, "username": name, "role": role, "display_name": "", "team": "",
                 "password_hash": "x", "disabled": False, "created_at": NOW, "updated_at": NOW}
                for uid, name, role in ((1, "rep.a", "rep"), (2, "tm.a", "telemarketer"))
            ])
            conn.execute(insert(old["customers"]), [
                {**_customer(cid, key, "", status), "name": name,
                 "protected_since": NOW if status == "protected" else None,
                 "owner_id": 1 if status in ("pending", "protected") else None,
                 "field_versions": {}, "deleted": False, "change_number": n}
                for n, (cid, name, key, status) in enumerate(legacy, start=1)
            ])
            conn.execute(insert(old["customer_name_grams"]), [
                {"gram": key[i : i + 2], "key_length": len(key), "name_key": key,
                 "customer_id": cid}
                for cid, _name, key, _status in legacy
                for i in range(len(key) - 1)
            ])
            conn.execute(insert(old["registrations"]).values(
                id="r1", customer_id="c3", rep_id=1, urgent=False, need="上线 ERP",
                visit={"summary": "拜访"}, contacts=[], customer_snapshot={"name": legacy[2][1]},
                status="pending", submitted_at=NOW, deadline=NOW + timedelta(days=3),
                change_number=7,
            ))
            conn.execute(insert(old["applied_ops"]).values(
                op_id="op-1", user_id=1, device_id="laptop", entity="customer",
                entity_id="c3", status="pending", reason="", response={}, applied_at=NOW,
            ))
            conn.execute(insert(old["leads"]).values(
                id="l1", company_name="深圳市华为技术有限公司", name_key="华为技术", uscc="",
                fields={}, telemarketer_id=2, status="new", created_at=NOW, updated_at=NOW,
            ))
    finally:
        engine.dispose()
    migrate(db_url)
    from erpdesk.registry.db.schema import applied_ops, leads, registrations

    db = RegistryDatabase(db_url)
    try:
        with db.read() as conn:
            keys = dict(conn.execute(select(customers.c.id, customers.c.name_key)).all())
            statuses = dict(conn.execute(select(customers.c.id, customers.c.status)).all())
            grams = conn.execute(
                select(customer_name_grams.c.customer_id, customer_name_grams.c.name_key,
                       customer_name_grams.c.key_length, customer_name_grams.c.gram)
            ).all()
            registration = conn.execute(select(registrations)).one()
            op_status = conn.execute(select(applied_ops.c.status)).scalars().all()
            lead_key = conn.execute(select(leads.c.name_key)).scalar_one()
            # The near-name check reads the rebuilt grams: a region on one side.
            plain = [h.id for h, _ in similar_holders(conn, "浪潮电子信息产业", 85.0)]
            shanghai = similar_holders(conn, "上海银行", 85.0)
    finally:
        db.dispose()
    assert keys == {
        "c1": "北京银行", "c2": "上海银行", "c3": "北京浪潮电子信息产业", "c4": "华信机械",
        "c5": "昆山龙腾光电", "c6": "昆山龙腾光电#c6",
    }
    assert all(
        keys[cid] == normalize_company_name(name) for cid, name, *_ in legacy if cid != "c6"
    )
    assert statuses == {cid: status for cid, _n, _k, status in legacy}
    expected_grams = {
        (cid, key, len(key), key[i : i + 2]) for cid, key in keys.items()
        for i in range(len(key) - 1)
    }
    assert {tuple(g) for g in grams} == expected_grams and len(grams) == len(expected_grams)
    assert (registration.id, registration.customer_id, registration.status) == (
        "r1", "c3", "pending"
    )
    assert op_status == ["pending"]
    assert lead_key == "深圳华为技术"
    assert plain == ["c3"]
    assert shanghai == []  # 北京银行 is another company
    # Down and up again keeps the keys (the rule lives in the code).
    migrate(db_url, "0007", down=True)
    migrate(db_url)
