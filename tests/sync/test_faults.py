"""Faults a sync survives (issue 12): a desk killed at any step, a registry
killed mid-push, connections cut mid-answer, 500s and timeouts, two desks
editing one customer offline, and a desk upgraded with ops still pending.
After each: desk and registry agree, no edit is lost, nothing is doubled,
and the outbox is empty."""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from fault_support import (
    CUT,
    LOST_502,
    LOST_TIMEOUT,
    OK,
    REFUSED_500,
    TIMEOUT,
    CutProxy,
    FaultTransport,
    RegistryProcess,
    closing_sqlite,
    fresh_connections,
    outbox_size,
    sync_in_child,
    synced_rows,
)
from pg_support import create_pg_database, drop_pg_database, require_pg_server
from sqlalchemy import bindparam, create_engine, text
from sync_support import PASSWORD

from erpdesk.app import Desk, open_desk
from erpdesk.domain.customer import Activity, ActivityKind, Contact, Customer
from erpdesk.registry.db.database import migrate
from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync.client import Offline, RegistryClient, ServerError, SyncError
from erpdesk.sync.engine import SyncEngine

KILLS = 50  # SIGKILLs a desk's sync survives in one test (at least)

_clients: list[RegistryClient] = []


@contextmanager
def registry_database(like: str, folder: Path) -> Iterator[str]:
    """A new, migrated registry database of the same kind as *like*."""
    if not like.startswith("postgresql"):
        yield f"sqlite:///{folder / 'registry.db'}"
        return
    admin = require_pg_server()
    url = create_pg_database(admin)
    try:
        migrate(url)
        yield url
    finally:
        drop_pg_database(admin, url)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def registry(request, registry, tmp_path_factory) -> Iterator[Any]:
    """The faults against a registry process on SQLite (the session's) and on
    PostgreSQL (one of this module's; skipped without a server, except under
    CI=true)."""
    if request.param == "sqlite":
        yield registry
        return
    folder = tmp_path_factory.mktemp("pg-registry")
    with registry_database("postgresql", folder) as db_url:
        process = RegistryProcess(db_url, folder / "server.log")
        process.start()
        try:
            yield type(registry)(process.url, db_url)
        finally:
            process.stop(kill=False)


@pytest.fixture(autouse=True)
def _close_clients() -> Iterator[None]:
    yield
    while _clients:
        _clients.pop().close()


def signed_in(url: str, user: str, **kwargs) -> RegistryClient:
    client = RegistryClient(url, **kwargs)
    _clients.append(client)
    client.login(user, PASSWORD)
    return client


def engine_for(url: str, desk: Desk, user: str, client: RegistryClient | None = None,
               **kwargs) -> SyncEngine:
    client = client or signed_in(url, user)
    store = SyncStore(desk.db)
    store.reset_for(url, user)
    return SyncEngine(store, client, **kwargs)


def fill(desk: Desk, customers: int, *, deals: bool = True) -> None:
    """Pending local changes of every synced kind: creates, edits, deletes."""
    now = datetime.now(UTC)
    made = []
    for n in range(customers):
        c = desk.customers.create(Customer(
            name=f"故障测试{uuid.uuid4().hex[:6]}第{n}机械制造有限公司", need="ERP 选型",
            city="杭州",
        ))
        made.append(c)
        person = desk.customers.save_contact(
            Contact(customer_id=c.id, name=f"联系人{n}", mobile=f"1380000{n:04d}")
        )
        desk.customers.log_activity(Activity(
            customer_id=c.id, kind=ActivityKind.VISIT, occurred_at=now - timedelta(days=1),
            summary=f"第{n}次拜访", contact_id=person.id,
        ))
        if deals and n % 3 == 0:
            deal = desk.deals.create(c.id, f"ERP 项目 {n}", amount=Decimal("120000.50"))
            desk.deals.update(deal.id, next_step="演示财务模块", amount=Decimal("98000.00"))
    for n, c in enumerate(made):
        if n % 2 == 0:  # an edit after the create
            edit(desk, c.id, phone=f"0571-8800{n:04d}", notes=f"预算 {n} 万")
        if n % 7 == 5 and not (deals and n % 3 == 0):  # a delete of a row made offline
            desk.customers.delete(c.id)


def edit(desk: Desk, customer_id: str, **changes) -> None:
    desk.customers.update(replace(desk.customers.detail(customer_id).customer, **changes))


def assert_converged(url: str, user: str, desk: Desk, expected: dict, tmp_path: Path,
                     registry_db: str | None = None) -> None:
    """The outbox is empty, the desk still holds *expected* (no edit lost),
    and a fresh desk of the same user pulls exactly the same rows."""
    path = Path(desk.db.path)
    assert outbox_size(path) == 0
    got = synced_rows(path)
    assert got == expected
    other = open_desk(tmp_path / f"check-{uuid.uuid4().hex[:6]}.db", owner="")
    try:
        engine_for(url, other, user, page=1000).run()
        pulled = synced_rows(Path(other.db.path))
    finally:
        other.close()
    assert comparable(pulled) == comparable(expected)
    if registry_db is not None:
        assert_registry_holds(registry_db, expected)


def comparable(rows: dict) -> dict:
    """The live rows a fresh desk receives: a deleted customer never reaches
    it (a tombstone of a row it never had), nor the rows under it."""
    gone = {i for i, r in rows["customer"].items() if r[0]}
    return {table: {i: r for i, r in found.items()
                    if not r[0] and (table == "customer" or r[1] not in gone)}
            for table, found in rows.items()}


def registry_rows(db_url: str, sql: str, **params: Any) -> list[Any]:
    """Rows of a query on the registry's own database (SQLite or PostgreSQL)."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            statement = text(sql)
            for name, value in params.items():
                if isinstance(value, list):
                    statement = statement.bindparams(bindparam(name, expanding=True))
            return list(conn.execute(statement, params))
    finally:
        engine.dispose()


def assert_registry_holds(db_url: str, expected: dict) -> None:
    """Every desk row is on the registry once, deleted or not as on the desk."""
    tables = {"customer": "customers", "contact": "customer_contacts",
              "activity": "customer_activities"}
    for table, rows in expected.items():
        if not rows:
            continue
        ids = list(rows)
        if table in tables:
            found = registry_rows(
                db_url, f"SELECT id, deleted FROM {tables[table]} WHERE id IN :ids", ids=ids
            )
        else:
            found = registry_rows(
                db_url, "SELECT id, deleted FROM synced_records WHERE entity = :entity"
                " AND id IN :ids", entity=table, ids=ids,
            )
        assert len(found) == len(ids), table  # none missing, none doubled
        assert {str(i): bool(d) for i, d in found} == {
            i: bool(r[0]) for i, r in rows.items()
        }, table


# -- 1. SIGKILL at any step -----------------------------------------------------


def test_a_desk_killed_at_fifty_points_converges(registry, tmp_path) -> None:
    user = registry.add_user()
    path = tmp_path / "killed.db"
    token = signed_in(registry.url, user).token
    assert token
    desk = open_desk(path, owner="")
    try:
        fill(desk, 10)
        SyncStore(desk.db).reset_for(registry.url, user)
    finally:
        desk.close()  # the children alone have the file open
    expected = synced_rows(path)  # what the desk holds before any sync
    assert outbox_size(path) > 40
    rng = random.Random(12)
    kills = runs = rounds = 0
    while True:
        # Every SQL statement and commit of the desk, every request before it
        # leaves and every answer before it is stored is a kill point.
        code, _ = sync_in_child(path, registry.url, token, rng.randint(1, 60),
                                batch=3, page=4)
        runs += 1
        assert runs < 200, "no progress between kills"
        if code == -9:
            kills += 1
            continue
        assert code == 0, f"the sync child failed ({code}) at run {runs}"
        rounds += 1
        if kills >= KILLS:
            break
        # Done before enough kills: more offline work, killed again.
        desk = open_desk(path, owner="")
        try:
            fill(desk, 4)
        finally:
            desk.close()
        expected = synced_rows(path)
    assert kills >= KILLS and rounds >= 1
    desk = open_desk(path, owner="")
    try:
        assert_converged(registry.url, user, desk, expected, tmp_path,
                         registry.db_url)
    finally:
        desk.close()


def test_a_killed_run_in_the_middle_of_the_pull_resumes_from_its_cursor(
    registry, make_desk, tmp_path
) -> None:
    user = registry.add_user()
    source = make_desk("source")
    fill(source, 6, deals=False)
    engine_for(registry.url, source, user).run()
    desk = make_desk("puller")
    path = Path(desk.db.path)
    SyncStore(desk.db).reset_for(registry.url, user)
    token = signed_in(registry.url, user).token
    assert token
    cursors = []
    for die_at in range(6, 400, 7):
        code, _ = sync_in_child(path, registry.url, token, die_at, batch=3, page=2)
        cursors.append(int(SyncStore(desk.db).state().get("sync.cursor", "0")))
        if code == 0:
            break
        assert code == -9
    assert cursors == sorted(cursors) and len(cursors) > 5  # never goes back
    assert comparable(synced_rows(path)) == comparable(synced_rows(Path(source.db.path)))


# -- 2. the registry killed mid-push, connections cut, 500s and timeouts ----------


@pytest.fixture
def own_registry(tmp_path_factory, registry) -> Iterator[RegistryProcess]:
    """A registry process the test may kill, on the backend of ``registry``."""
    folder = tmp_path_factory.mktemp("own-registry")
    with registry_database(registry.db_url, folder) as db_url:
        process = RegistryProcess(db_url, folder / "server.log")
        process.start()
        yield process
        process.stop()


def add_user(process: RegistryProcess, session_registry: Any) -> str:
    # the conftest's Registry class, through the session fixture: "from
    # conftest import" would find another folder's conftest in a full run
    return type(session_registry)(process.url, process.db_url).add_user()


def test_registry_killed_between_and_during_push_batches(own_registry, make_desk, registry,
                                                         tmp_path) -> None:
    user = add_user(own_registry, registry)
    desk = make_desk("a")
    fill(desk, 8)
    expected = synced_rows(Path(desk.db.path))
    pushes = 0

    def plan(n: int, request: httpx.Request) -> str:
        nonlocal pushes
        if request.url.path.endswith("/sync/push"):
            pushes += 1
            if pushes in (2, 5):  # killed before this batch arrives
                own_registry.stop()
            if pushes == 4:  # the batch is applied, then the registry dies
                return "kill-after"
        return OK

    class KillingTransport(FaultTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if plan(self.count, request) == "kill-after":
                self.count += 1
                response = self.inner.handle_request(request)
                response.read()
                own_registry.stop()
                raise httpx.RemoteProtocolError("server disconnected", request=request)
            return super().handle_request(request)

    transport = KillingTransport(lambda n, r: OK)
    client = signed_in(own_registry.url, user, transport=transport, timeout=5)
    engine = engine_for(own_registry.url, desk, user, client, batch=5, page=7)
    failures = 0
    while True:
        try:
            engine.run()
            break
        except Offline:
            failures += 1
            own_registry.start()
        assert failures < 10
    assert failures == 3 and own_registry.starts == 4
    assert_converged(own_registry.url, user, desk, expected, tmp_path,
                     own_registry.db_url)


@pytest.mark.parametrize("fault", [REFUSED_500, LOST_502, TIMEOUT, LOST_TIMEOUT, CUT])
def test_every_third_request_failing_still_converges(registry, make_desk, tmp_path,
                                                     fault) -> None:
    user = registry.add_user()
    desk = make_desk("a")
    fill(desk, 5)
    expected = synced_rows(Path(desk.db.path))
    transport = FaultTransport(lambda n, request: fault if n % 3 == 2 else OK)
    client = signed_in(registry.url, user, transport=transport)
    engine = engine_for(registry.url, desk, user, client, batch=4, page=5)
    errors = 0
    while True:
        try:
            engine.run()
            break
        except (Offline, ServerError) as exc:
            errors += 1
            assert exc.kind in ("offline", "error")
        assert errors < 100
    assert errors > 3 and any(f == fault for _, f in transport.log)
    assert {p.rsplit("/", 1)[-1] for p, f in transport.log if f == fault} >= {"push", "pull"}
    assert_converged(registry.url, user, desk, expected, tmp_path,
                     registry.db_url)


def test_a_connection_cut_mid_page_by_a_proxy(registry, make_desk, tmp_path) -> None:
    user = registry.add_user()
    source = make_desk("source")
    fill(source, 6)
    expected = synced_rows(Path(source.db.path))
    proxy = CutProxy(int(registry.url.rsplit(":", 1)[1]))
    try:
        desk = make_desk("behind-proxy")
        # Answers cut after their headers, in the middle of the JSON, and
        # right before the end; pushes cut after the registry applied them.
        for after in (40, 300, 1500, 2500):
            proxy.cut("/api/v1/sync/pull", after)
        proxy.cut("/api/v1/sync/push", 200, times=2)
        client = signed_in(proxy.url, user, transport=fresh_connections(), timeout=5)
        source_engine = engine_for(proxy.url, source, user, client, batch=10, page=5)
        pulling = engine_for(proxy.url, desk, user, client, page=3)
        errors = 0
        for engine in (source_engine, pulling):
            while True:
                try:
                    engine.run()
                    break
                except Offline:
                    errors += 1
                assert errors < 50
        # (a cut past the end of a short answer lets it through whole)
        assert proxy.cut_count == 6 and 4 <= errors <= 6
    finally:
        proxy.close()
    assert_converged(registry.url, user, source, expected, tmp_path,
                     registry.db_url)
    assert comparable(synced_rows(Path(desk.db.path))) == comparable(expected)


# -- 3. two desks, one customer, offline ---------------------------------------


def test_two_desks_edit_one_customer_offline(registry, make_desk) -> None:
    user = registry.add_user()
    a, b = make_desk("a"), make_desk("b")
    c = a.customers.create(Customer(name="温州瓯海区东方阀门有限公司", need="ERP"))
    engine_a = engine_for(registry.url, a, user)
    engine_a.run()
    lose = [False]  # armed: the next push is applied but its answer lost

    def plan(n: int, request: httpx.Request) -> str:
        if lose[0] and request.url.path.endswith("/push"):
            lose[0] = False
            return LOST_502
        return OK

    transport = FaultTransport(plan)
    engine_b = engine_for(registry.url, b, user, signed_in(registry.url, user,
                                                           transport=transport))
    engine_b.run()
    edit(a, c.id, website="https://dongfang.example", industry="machinery", need="生产排程")
    edit(b, c.id, phone="0577-88990000", need="财务与库存")
    engine_a.run()
    # b's push of the conflicting edit is applied but its answer is lost:
    # the retry is a duplicate that must still bring the conflict home.
    lose[0] = True
    with pytest.raises(ServerError):
        engine_b.run()
    report = engine_b.run()
    assert report.duplicates == 1
    engine_a.run()
    for desk in (a, b):
        got = desk.db.reader.execute(
            "SELECT website, industry, phone, need FROM customer WHERE id = ?", (c.id,)
        ).fetchone()
        assert tuple(got) == ("https://dongfang.example", "machinery", "0577-88990000", "生产排程")
    # b's user sees the conflict on b (its conflict table) ...
    on_b = SyncStore(b.db).open_conflicts()
    assert [(x["field"], x["local_value"], x["remote_value"]) for x in on_b] == [
        ("need", "财务与库存", "生产排程")
    ]
    assert SyncStore(a.db).open_conflicts() == []
    # ... and on any other desk, through the registry (kept there once).
    answer = httpx.get(f"{registry.url}/api/v1/sync/conflicts", headers={
        "Authorization": f"Bearer {engine_a.client.token}", "X-ERPDesk-Protocol": "1"})
    assert answer.status_code == 200, answer.text
    records = [r for r in answer.json()["conflicts"] if r["entity_id"] == c.id]
    assert [(r["field"], r["desk_value"], r["registry_value"]) for r in records] == [
        ("need", "财务与库存", "生产排程")
    ]
    assert registry_rows(registry.db_url, "SELECT count(*) FROM sync_conflicts"
                         " WHERE entity_id = :id", id=c.id)[0][0] == 1


# -- 4. a desk upgraded with ops pending --------------------------------------------


def test_a_desk_upgraded_with_pending_ops_syncs_them(registry, tmp_path) -> None:
    from erpdesk.storage.database import head_revision, known_revisions, migrate

    user = registry.add_user()
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()
    first = known_revisions()[0]
    migrate(path, first)
    customer_id, contact_id, activity_id = (str(uuid.uuid4()) for _ in range(3))
    name = "嘉兴秀洲区老版本纺织有限公司"
    when = "2026-01-02T08:00:00.000000+00:00"
    ops = [
        ("customer", customer_id, "create", {"name": name, "need": "ERP", "city": "嘉兴",
                                             "source": "referral", "status": "following"}),
        ("contact", contact_id, "create", {"customer_id": customer_id, "name": "沈强",
                                           "mobile": "13900001111"}),
        ("activity", activity_id, "create", {"customer_id": customer_id, "kind": "visit",
                                             "occurred_at": when, "summary": "拜访厂长"}),
        ("customer", customer_id, "update", {"phone": "0573-82220000"}),
    ]
    with closing_sqlite(path) as conn, conn:
        conn.execute(
            "INSERT INTO customer (id, name, source, status, name_key, search_key, sort_key,"
            " created_at, updated_at, uscc, need, city, phone) VALUES (?, ?, 'referral',"
            " 'following', '', '', '', ?, ?, '', 'ERP', '嘉兴', '0573-82220000')",
            (customer_id, name, when, when),
        )
        conn.execute(
            "INSERT INTO contact (id, customer_id, name, mobile, created_at, updated_at)"
            " VALUES (?, ?, '沈强', '13900001111', ?, ?)", (contact_id, customer_id, when, when)
        )
        conn.execute(
            "INSERT INTO activity (id, customer_id, kind, occurred_at, summary, created_at,"
            " updated_at) VALUES (?, ?, 'visit', ?, '拜访厂长', ?, ?)",
            (activity_id, customer_id, when, when, when),
        )
        for seq, (entity, entity_id, op, fields) in enumerate(ops, start=1):
            conn.execute(
                "INSERT INTO outbox (seq, op_id, entity, entity_id, op, base_version, fields,"
                " created_at, payload_version) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 1)",
                (seq, str(uuid.uuid4()), entity, entity_id, op,
                 json.dumps(fields, ensure_ascii=False), when),
            )
    desk = open_desk(path, owner="")  # migrates to head
    try:
        assert desk.db.meta("device_id")
        revision = desk.db.reader.execute("SELECT version_num FROM alembic_version").fetchone()
        assert revision[0] == head_revision()
        assert outbox_size(path) == 4
        report = engine_for(registry.url, desk, user).run()
        assert (report.pushed, report.rejected) == (4, 0), report.failures
        expected = synced_rows(path)
        assert_converged(registry.url, user, desk, expected, tmp_path,
                         registry.db_url)
        assert expected["customer"][customer_id][1:3] == (name, "") or name in str(
            expected["customer"][customer_id])
    finally:
        desk.close()


def test_sync_error_kinds_are_recorded_after_faults(registry, make_desk) -> None:
    user = registry.add_user()
    desk = make_desk("a")
    fill(desk, 1, deals=False)
    transport = FaultTransport(lambda n, r: TIMEOUT)
    engine = engine_for(registry.url, desk, user,
                        signed_in(registry.url, user), )
    engine.client = RegistryClient(registry.url, engine.client.token, transport=transport)
    _clients.append(engine.client)
    with pytest.raises(SyncError):
        engine.run()
    state = SyncStore(desk.db).state()
    assert state["sync.last_error_kind"] == "offline"
    assert outbox_size(Path(desk.db.path)) > 0
