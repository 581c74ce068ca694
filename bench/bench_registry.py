"""Benchmark: the registry's speed targets on PostgreSQL with 1,000,000 customers.

    python bench/bench_registry.py [--customers 1000000] [--pg URL] [--seconds 20]

Issue 3 ("Speed"): with 1,000,000 registered customers, the duplicate check
p95 under 30 ms with 50 concurrent clients; at least 300 registrations/s on
2 cores; push and pull at least 2,000 ops/s and within 5x of a bare bulk
insert of the same rows measured in the same run.

1. A fresh database ``erpdesk_bench_<pid>`` on the server of ``--pg`` (the
   admin URL; default the local ``postgres``), migrated with Alembic.
2. Bulk load (COPY, psycopg 3) of N protected customers with realistic
   Chinese names (``services.demo``'s name maker) and valid credit codes:
   exactly the rows a registration and its call-back leave for the checks --
   ``customers`` (name key from ``normalize_company_name``),
   ``customer_name_grams`` (``checks.name_grams``), the verified
   ``registrations`` and the ``changes`` rows with the change counter.
   (The audit log and call-back activities are not loaded: nothing measured
   reads them.)
3. ``erpdesk-registry serve --workers 2`` on a free port of 127.0.0.1, then,
   with a lean HTTP/1.1 client (``Lean``: one keep-alive connection per
   simulated client, asyncio streams) from this machine, every loop bounded
   by a count and a time:
   (a) ``GET /api/v1/customers/check`` with 50 concurrent clients, a mix of
       exact credit codes, exact-name variants, near names and free names;
   (b) ``POST /api/v1/registrations`` of complete, valid, new companies;
   (c) push/pull, when ``/api/v1/sync/push`` and ``/pull`` exist;
   (d) the floor: ``GET /healthz`` (no sign-in, no database) flat out;
   (e) the baseline: a bare bulk insert of as many rows as (b)/(c) wrote.
4. The near-name prefilter explained (EXPLAIN ANALYZE) for a few keys.
5. The database is dropped, whatever happened.

Prints a markdown table.  Not a test: the client shares the machine with the
server and PostgreSQL, so on a 2-core box the figures are pessimistic.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import platform
import random
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import psycopg  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from erpdesk.domain.names import normalize_company_name  # noqa: E402
from erpdesk.registry.checks import name_grams  # noqa: E402
from erpdesk.registry.db.database import migrate  # noqa: E402
from erpdesk.registry.security import new_token, token_digest  # noqa: E402
from erpdesk.services.demo import NEEDS, _Maker  # noqa: E402

DEFAULT_PG = os.environ.get(
    "ERPDESK_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
BATCH = 50_000
LOAD_OWNERS = 5_000  # reps owning the loaded customers (200 each at 1M)
BENCH_REPS = 200  # reps that register during the run (the cap is 200 each)
CHECK_CLIENTS = 50
REGISTER_CLIENTS = 16
DUMMY_HASH = "$argon2id$v=19$m=1024,t=1,p=1$YmVuY2hiZW5jaA$AAAAAAAAAAAAAAAAAAAAAA"


def say(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def pg_url(url: str) -> str:
    """A SQLAlchemy URL as libpq wants it."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _copy_text(value: Any) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    text = value if isinstance(value, str) else str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace(
        "\r", "\\r"
    )


class Rows:
    """Rows of one table in COPY text format, flushed with COPY."""

    def __init__(self, table: str, columns: tuple[str, ...]) -> None:
        self.table = table
        self.columns = columns
        self.buffer = io.StringIO()
        self.count = 0

    def add(self, *values: Any) -> None:
        self.buffer.write("\t".join(_copy_text(v) for v in values))
        self.buffer.write("\n")
        self.count += 1

    def flush(self, conn: psycopg.Connection[Any]) -> None:
        if not self.buffer.tell():
            return
        sql = f"COPY {self.table} ({', '.join(self.columns)}) FROM STDIN"
        with conn.cursor() as cur, cur.copy(sql) as copy:
            copy.write(self.buffer.getvalue())
        self.buffer = io.StringIO()


@dataclass
class Loaded:
    """What the load left that the measurements ask about."""

    samples: list[tuple[str, str, str, str]] = field(default_factory=list)  # name, key, uscc, brand
    maker: _Maker | None = None
    seconds: float = 0.0
    rows: int = 0


def issue_token(cur: psycopg.Cursor[Any], user_id: int, now: datetime) -> str:
    """A bearer token for *user_id*, valid for a day (stored hashed, as the registry does)."""
    token = new_token()
    cur.execute(
        "INSERT INTO tokens (token_hash, user_id, created_at, expires_at) VALUES (%s, %s, %s, %s)",
        (token_digest(token), user_id, now, now + timedelta(days=1)),
    )
    return token


def make_users(conn: psycopg.Connection[Any], now: datetime) -> tuple[list[int], list[str]]:
    """LOAD_OWNERS owner reps, BENCH_REPS reps with a token each; (owner ids, tokens)."""
    with conn.cursor() as cur:
        rows = Rows("users", ("username", "display_name", "role", "team", "password_hash",
                              "disabled", "created_at", "updated_at"))
        for i in range(LOAD_OWNERS):
            rows.add(f"owner{i:05d}", f"销售{i:05d}", "rep", "", DUMMY_HASH, False, now, now)
        for i in range(BENCH_REPS):
            rows.add(f"bench{i:04d}", f"压测{i:04d}", "rep", "", DUMMY_HASH, False, now, now)
        rows.flush(conn)
        cur.execute("SELECT id FROM users WHERE username LIKE 'owner%' ORDER BY id")
        owners = [r[0] for r in cur.fetchall()]
        cur.execute("SELECT id FROM users WHERE username LIKE 'bench%' ORDER BY id")
        bench = [r[0] for r in cur.fetchall()]
        tokens = []
        for user_id in bench:
            tokens.append(issue_token(cur, user_id, now))
    conn.commit()
    return owners, tokens


def load_customers(conn: psycopg.Connection[Any], n: int, owners: list[int],
                   now: datetime) -> Loaded:
    """N protected customers with their grams, verified registrations and changes."""
    maker = _Maker(20260302, now, set(), set())
    rng = random.Random(7)
    loaded = Loaded(maker=maker)
    customers = Rows("customers", (
        "id", "name", "name_key", "uscc", "fields", "owner_id", "status", "protected_since",
        "protected_until", "verified_at", "created_at", "updated_at", "change_number"))
    grams = Rows("customer_name_grams", ("gram", "customer_id", "key_length", "name_key"))
    regs = Rows("registrations", (
        "id", "customer_id", "rep_id", "urgent", "need", "visit", "contacts",
        "customer_snapshot", "status", "reasons", "submitted_at", "deadline", "decided_at",
        "decided_by", "change_number"))
    changes = Rows("changes", ("number", "entity", "entity_id", "at"))
    tables = (customers, grams, regs, changes)
    number = 0
    started = time.perf_counter()
    for i in range(n):
        place = maker.places.pick(maker.rng)
        name, brand, industry, _word = maker.name(place)
        code = maker.uscc(place)
        key = normalize_company_name(name)
        cid, rid = maker.uuid(), maker.uuid()
        owner = owners[i % len(owners)]
        since = now - timedelta(days=rng.randrange(1, 170))
        fields = {"industry": industry.value, "province": place.province.name,
                  "city": place.city.name, "size_band": "medium", "source": "self_developed",
                  "phone": maker.landline(place.area), "need": rng.choice(NEEDS)}
        number += 2
        customers.add(cid, name, key, code, json.dumps(fields, ensure_ascii=False), owner,
                      "protected", since, since + timedelta(days=180), since, since, since,
                      number - 1)
        for gram in sorted(name_grams(key)):
            grams.add(gram, cid, len(key), key)
        visit = {"id": maker.uuid(), "occurred_at": (since - timedelta(days=1)).isoformat(),
                 "summary": "拜访信息部,了解 ERP 选型计划", "contact_id": None}
        contact = [{"id": maker.uuid(), "name": maker.person(), "title": "总经理",
                    "mobile": maker.mobile()}]
        regs.add(rid, cid, owner, False, fields["need"], json.dumps(visit, ensure_ascii=False),
                 json.dumps(contact, ensure_ascii=False),
                 json.dumps({"name": name, "uscc": code, **fields}, ensure_ascii=False),
                 "verified", "", since - timedelta(days=1), since + timedelta(days=2), since,
                 owners[0], number)
        changes.add(number - 1, "customers", cid, since)
        changes.add(number, "registrations", rid, since)
        if len(loaded.samples) < 20_000 and rng.random() < 0.05:
            loaded.samples.append((name, key, code, brand))
        if (i + 1) % BATCH == 0 or i + 1 == n:
            for table in tables:
                table.flush(conn)
            conn.commit()
            rate = (i + 1) / (time.perf_counter() - started)
            say(f"loaded {i + 1:,} customers ({rate:,.0f}/s)")
    with conn.cursor() as cur:
        cur.execute("UPDATE change_counter SET value = %s WHERE name = 'change'", (number,))
    conn.commit()
    loaded.seconds = time.perf_counter() - started
    loaded.rows = sum(t.count for t in tables)
    return loaded


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """``erpdesk-registry serve --workers 2`` on a free port of 127.0.0.1."""

    def __init__(self, db_url: str, workers: int) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.command = [
            sys.executable, "-c", "from erpdesk.registry.cli import main; raise SystemExit(main())",
            "serve", "--db", db_url, "--host", "127.0.0.1", "--port", str(self.port),
            "--workers", str(workers), "--log-level", "warning",
        ]
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        self.proc = subprocess.Popen(self.command, start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(self.base + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise RuntimeError("the registry server did not start")
            time.sleep(0.2)

    def __exit__(self, *_exc: object) -> None:
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        except ProcessLookupError:
            pass
        self.proc = None


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


class Answer:
    """An HTTP answer read by ``Lean``."""

    def __init__(self, status_code: int, body: bytes) -> None:
        self.status_code = status_code
        self.content = body

    def json(self) -> Any:
        return json.loads(self.content)


class Lean:
    """A minimal HTTP/1.1 client on one keep-alive connection: the load
    generator.  It shares the 2 cores with the server and PostgreSQL, and
    httpx's async client costs about as much per request as the server's
    whole HTTP stack (a raw ASGI app answered ~250 requests/s to httpx here),
    so the figures would mostly measure the client.  Only what the benchmark
    sends and receives: JSON bodies, Content-Length or chunked answers."""

    def __init__(self, base: str) -> None:
        url = httpx.URL(base)
        self.host, self.port = url.host, url.port or 80
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str, params: dict[str, Any] | None = None,
                  headers: dict[str, str] | None = None) -> Answer:
        if params:
            path += "?" + str(httpx.QueryParams(params))
        return await self._send("GET", path, headers or {}, b"")

    async def post(self, path: str, json: Any = None,
                   headers: dict[str, str] | None = None) -> Answer:
        body = _json_bytes(json)
        return await self._send("POST", path, {**(headers or {}),
                                               "Content-Type": "application/json"}, body)

    async def _send(self, method: str, path: str, headers: dict[str, str],
                    body: bytes) -> Answer:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}",
                f"Content-Length: {len(body)}"]
        head += [f"{k}: {v}" for k, v in headers.items()]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        try:
            status_line = await self.reader.readuntil(b"\r\n")
            length, chunked, closing = 0, False, False
            while (line := await self.reader.readuntil(b"\r\n")) != b"\r\n":
                name, _, value = line.decode("latin-1").partition(":")
                name, value = name.strip().lower(), value.strip().lower()
                if name == "content-length":
                    length = int(value)
                elif name == "transfer-encoding" and "chunked" in value:
                    chunked = True
                elif name == "connection" and value == "close":
                    closing = True
            if chunked:
                parts = []
                while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                    parts.append(await self.reader.readexactly(size + 2))
                await self.reader.readuntil(b"\r\n")
                data = b"".join(part[:-2] for part in parts)
            else:
                data = await self.reader.readexactly(length)
        except BaseException:
            await self.aclose()
            raise
        if closing:
            await self.aclose()
        return Answer(int(status_line.split()[1]), data)

    async def aclose(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = self.reader = None


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


async def _status(request: Any) -> int:
    """The answer's status, or 0 when the connection failed (counted, not fatal)."""
    try:
        response = await request
    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
        return 0
    return int(response.status_code)


async def closed_loop(
    base: str, clients: int, total: int, seconds: float,
    request: Callable[[Lean, int], Any],
) -> tuple[list[tuple[str, float, int]], float]:
    """*clients* concurrent loops sending up to *total* requests in *seconds*;
    ((kind, latency s, status) per request, elapsed s)."""
    results: list[tuple[str, float, int]] = []
    counter = iter(range(total))
    stop = time.perf_counter() + seconds

    async def worker(http: Lean) -> None:
        for i in counter:
            if time.perf_counter() > stop:
                return
            kind, coro = request(http, i)
            t0 = time.perf_counter()
            status = await _status(coro)
            results.append((kind, time.perf_counter() - t0, status))

    connections = [Lean(base) for _ in range(clients)]
    for http in connections:  # open every connection before the clock starts
        await http.get("/healthz")
    started = time.perf_counter()
    await asyncio.gather(*(worker(http) for http in connections))
    elapsed = time.perf_counter() - started
    for http in connections:
        await http.aclose()
    return results, elapsed


def _variant(name: str, brand: str, key: str, rng: random.Random) -> str:
    """Another way of writing the same company (same normalised name)."""
    word = key[len(brand):]
    return rng.choice((
        f"{brand}{word}股份有限公司", f"{brand}（北京）{word}有限公司",
        f"{brand} {word} 有限责任公司", f"{brand}{word}集团有限公司",
    )) if not name.startswith(brand) or rng.random() < 0.5 else name.replace(
        "有限公司", "（有限公司）")


def check_queries(loaded: Loaded, count: int) -> list[tuple[str, dict[str, str]]]:
    """The mix: 25 % exact code, 25 % same name written another way, 25 % near
    names (one brand character changed), 25 % names nobody holds."""
    rng = random.Random(11)
    maker = loaded.maker
    assert maker is not None
    brand_chars = "华盛鑫达瑞泰恒宏金新远通博众信安康海天宇永佳丰源隆昌兴德正中宝力凯捷锐诚"
    queries = []
    for i in range(count):
        name, key, code, brand = rng.choice(loaded.samples)
        kind = ("exact_uscc", "exact_name", "near_name", "free_name")[i % 4]
        if kind == "exact_uscc":
            queries.append((kind, {"uscc": code}))
        elif kind == "exact_name":
            queries.append((kind, {"name": _variant(name, brand, key, rng)}))
        elif kind == "near_name":
            pos = rng.randrange(len(brand))
            other = brand[:pos] + rng.choice(brand_chars) + brand[pos + 1:]
            queries.append((kind, {"name": other + key[len(brand):] + "有限公司"}))
        else:
            place = maker.places.pick(maker.rng)
            fresh, *_ = maker.name(place)
            queries.append((kind, {"name": fresh}))
    return queries


async def paced_loop(
    base: str, clients: int, total: int, seconds: float, think: float,
    request: Callable[[Lean, int], Any],
) -> tuple[list[tuple[str, float, int]], float]:
    """Like ``closed_loop``, but each client waits *think* seconds (on
    average; uniformly 0.5-1.5x, so the clients do not march in step)
    between its answer and its next request: people at their desks."""
    results: list[tuple[str, float, int]] = []
    counter = iter(range(total))
    stop = time.perf_counter() + seconds
    rng = random.Random(3)

    async def worker(http: Lean) -> None:
        await asyncio.sleep(rng.uniform(0, think))
        for i in counter:
            if time.perf_counter() > stop:
                return
            kind, coro = request(http, i)
            t0 = time.perf_counter()
            status = await _status(coro)
            results.append((kind, time.perf_counter() - t0, status))
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))

    connections = [Lean(base) for _ in range(clients)]
    for http in connections:
        await http.get("/healthz")
    started = time.perf_counter()
    await asyncio.gather(*(worker(http) for http in connections))
    elapsed = time.perf_counter() - started
    for http in connections:
        await http.aclose()
    return results, elapsed


# Seconds a client waits between checks in the paced run: the desk checks a
# name while it is typed, after a pause in typing; one check a second per
# person is a busy rep.
CHECK_THINK = 1.0


def bench_check(base: str, tokens: list[str], loaded: Loaded, seconds: float,
                total: int) -> dict[str, Any]:
    """The check, 50 clients: paced (each a check about every CHECK_THINK
    seconds, the target's setting), then flat out (no pause: the ceiling)."""
    queries = check_queries(loaded, total)

    def request(http: Lean, i: int) -> Any:
        kind, params = queries[i]
        headers = {"Authorization": f"Bearer {tokens[i % len(tokens)]}"}
        return kind, http.get("/api/v1/customers/check", params=params, headers=headers)

    paced, paced_elapsed = asyncio.run(
        paced_loop(base, CHECK_CLIENTS, total, seconds, CHECK_THINK, request))
    results, elapsed = asyncio.run(closed_loop(base, CHECK_CLIENTS, total, seconds, request))
    return {"results": results, "elapsed": elapsed, "paced": paced,
            "paced_elapsed": paced_elapsed}


def registration_body(maker: _Maker, now: datetime) -> dict[str, Any]:
    place = maker.places.pick(maker.rng)
    name, _brand, industry, _word = maker.name(place)
    contact_id = maker.uuid()
    return {
        "id": maker.uuid(),
        "customer": {
            "id": maker.uuid(), "name": name, "uscc": maker.uscc(place),
            "industry": industry.value, "size_band": "medium",
            "province": place.province.name, "city": place.city.name,
            "address": f"{place.city.name}高新区科技大道 {maker.rng.randrange(1, 999)} 号",
            "phone": maker.landline(place.area), "source": "self_developed",
        },
        "contacts": [{"id": contact_id, "name": maker.person(), "title": "信息部经理",
                      "mobile": maker.mobile()}],
        "visit": {"occurred_at": (now - timedelta(days=1)).isoformat(),
                  "summary": "拜访信息部,了解 ERP 选型计划", "contact_id": contact_id},
        "need": maker.rng.choice(NEEDS),
    }


def bench_register(base: str, tokens: list[str], loaded: Loaded, seconds: float,
                   total: int) -> dict[str, Any]:
    assert loaded.maker is not None
    now = datetime.now(UTC)
    bodies = [registration_body(loaded.maker, now) for _ in range(total)]

    def request(http: Lean, i: int) -> Any:
        headers = {"Authorization": f"Bearer {tokens[i % len(tokens)]}"}
        return "register", http.post("/api/v1/registrations", json=bodies[i], headers=headers)

    results, elapsed = asyncio.run(closed_loop(base, REGISTER_CLIENTS, total, seconds, request))
    return {"results": results, "elapsed": elapsed, "bodies": bodies[: len(results)]}


def bench_floor(base: str, seconds: float) -> dict[str, Any]:
    """The HTTP stack's floor on this machine: the registration's clients asking
    ``/healthz`` (no sign-in, no database) flat out.  No endpoint can answer
    faster here; it puts the other rates in proportion."""

    def request(http: Lean, i: int) -> Any:
        return "healthz", http.get("/healthz")

    results, elapsed = asyncio.run(closed_loop(base, REGISTER_CLIENTS, 10**9, seconds, request))
    return {"results": results, "elapsed": elapsed}


PROTOCOL = {"X-ERPDesk-Protocol": "1"}
PUSH_CLIENTS = 16
PUSH_BATCH = 50


def push_batches(loaded: Loaded, total_ops: int, devices: int) -> list[dict[str, Any]]:
    """Push bodies of PUSH_BATCH customer creates (new companies) each."""
    assert loaded.maker is not None
    maker = loaded.maker
    batches = []
    for b in range(total_ops // PUSH_BATCH):
        ops = []
        for _ in range(PUSH_BATCH):
            place = maker.places.pick(maker.rng)
            name, *_ = maker.name(place)
            ops.append({
                "op_id": maker.uuid(), "seq": len(ops) + 1, "entity": "customer",
                "entity_id": maker.uuid(), "op": "create", "base_version": None,
                "fields": {"name": name, "phone": maker.landline(place.area),
                           "status": "potential", "city": place.city.name},
                "created_at": datetime.now(UTC).isoformat(), "payload_version": 1,
            })
        batches.append({"device_id": f"bench-{b % devices}", "ops": ops})
    return batches


def bench_push(base: str, tokens: list[str], loaded: Loaded, seconds: float,
               total_ops: int) -> dict[str, Any]:
    """Batches of PUSH_BATCH customer creates (new companies), one rep per batch."""
    batches = push_batches(loaded, total_ops, len(tokens))

    def request(http: Lean, i: int) -> Any:
        headers = {"Authorization": f"Bearer {tokens[i % len(tokens)]}", **PROTOCOL}
        return "push", http.post("/api/v1/sync/push", json=batches[i], headers=headers)

    results, elapsed = asyncio.run(
        closed_loop(base, PUSH_CLIENTS, len(batches), seconds, request))
    ok = [batches[i] for i, (_k, _l, status) in enumerate(results) if status == 200]
    return {"results": results, "elapsed": elapsed, "ops": len(ok) * PUSH_BATCH,
            "items": [(o["fields"]["name"], "", o["fields"]) for b in ok for o in b["ops"]]}


def bench_pull(base: str, tokens: list[str], seconds: float, pages: int) -> dict[str, Any]:
    """Each client pulls one rep's changes from cursor 0, page by page (limit 500)."""
    changes = 0

    async def run() -> tuple[list[tuple[str, float, int]], float]:
        nonlocal changes
        results: list[tuple[str, float, int]] = []
        stop = time.perf_counter() + seconds
        budget = iter(range(pages))
        connections = [Lean(base) for _ in range(PUSH_CLIENTS)]
        for http in connections:
            await http.get("/healthz")
        started = time.perf_counter()

        async def worker(w: int) -> None:
            nonlocal changes
            http = connections[w]
            headers = {"Authorization": f"Bearer {tokens[w % len(tokens)]}", **PROTOCOL}
            since = 0
            for _ in budget:
                if time.perf_counter() > stop:
                    return
                t0 = time.perf_counter()
                response = await http.get("/api/v1/sync/pull", headers=headers,
                                          params={"since": since, "limit": 500})
                results.append(("pull", time.perf_counter() - t0, response.status_code))
                if response.status_code != 200:
                    return
                page = response.json()
                changes += len(page["changes"])
                since = 0 if not page["has_more"] else page["next_cursor"]

        await asyncio.gather(*(worker(w) for w in range(PUSH_CLIENTS)))
        elapsed = time.perf_counter() - started
        for http in connections:
            await http.aclose()
        return results, elapsed

    results, elapsed = asyncio.run(run())
    return {"results": results, "elapsed": elapsed, "ops": changes}


def bench_baseline(conn: psycopg.Connection[Any], items: list[tuple[str, str, dict[str, Any]]],
                   owner: int) -> dict[str, float]:
    """The bare bulk insert: the same customer rows (and their grams) as the
    service wrote, inserted into the same tables (same size, same indexes)
    in one transaction that is then rolled back, with executemany and with
    COPY.  (Status ``unregistered``: the rows stay out of the one-owner
    indexes, which the service's rows of the same names are in.)"""
    now = datetime.now(UTC)
    out = {}
    rows = []
    gram_rows = []
    for name, code, fields in items:
        cid = str(uuid.uuid4())
        key = normalize_company_name(name)
        rows.append((cid, name, key, code, json.dumps(fields, ensure_ascii=False),
                     owner, "unregistered", now, now))
        gram_rows.extend((g, cid, len(key), key) for g in sorted(name_grams(key)))
    customer_columns = ("id, name, name_key, uscc, fields, owner_id, status, created_at, "
                        "updated_at")
    gram_columns = "gram, customer_id, key_length, name_key"
    with conn.cursor() as cur:
        t0 = time.perf_counter()
        cur.executemany(f"INSERT INTO customers ({customer_columns}) "
                        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)
        cur.executemany(f"INSERT INTO customer_name_grams ({gram_columns}) "
                        "VALUES (%s, %s, %s, %s)", gram_rows)
        out["insert_s"] = time.perf_counter() - t0
        conn.rollback()
        t0 = time.perf_counter()
        with cur.copy(f"COPY customers ({customer_columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        with cur.copy(f"COPY customer_name_grams ({gram_columns}) FROM STDIN") as copy:
            for gram_row in gram_rows:
                copy.write_row(gram_row)
        out["copy_s"] = time.perf_counter() - t0
        conn.rollback()
    out["rows"] = len(rows)
    return out


def in_process_checks(url: str, loaded: Loaded, count: int = 400) -> dict[str, dict[str, float]]:
    """The check without HTTP: ``check_customer`` called in this process over
    the query mix, per kind (ms): what one request costs the database and the
    scoring, before FastAPI, JSON and queueing."""
    from erpdesk.registry.accounts import User
    from erpdesk.registry.checks import check_customer
    from erpdesk.registry.db.database import RegistryDatabase

    db = RegistryDatabase(url)
    user = User(id=-1, username="bench", display_name="bench", role="rep", team="",
                disabled=False)
    times: dict[str, list[float]] = defaultdict(list)
    try:
        queries = check_queries(loaded, count)
        for _kind, params in queries[:20]:  # warm the pool and the statistics cache
            check_customer(db, user, params.get("name", ""), params.get("uscc", ""))
        for kind, params in queries:
            t0 = time.perf_counter()
            check_customer(db, user, params.get("name", ""), params.get("uscc", ""))
            times[kind].append((time.perf_counter() - t0) * 1000)
    finally:
        db.dispose()
    return {
        kind: {"n": len(v), "p50": percentile(v, 50), "p95": percentile(v, 95), "max": max(v)}
        for kind, v in sorted(times.items())
    }


def summarize(results: list[tuple[str, float, int]]) -> dict[str, dict[str, Any]]:
    by_kind: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for kind, latency, status in results:
        by_kind[kind].append((latency, status))
        by_kind["all"].append((latency, status))
    out = {}
    for kind, items in by_kind.items():
        latencies = [lat * 1000 for lat, _ in items]
        statuses: dict[int, int] = defaultdict(int)
        for _, status in items:
            statuses[status] += 1
        out[kind] = {"n": len(items), "p50": percentile(latencies, 50),
                     "p95": percentile(latencies, 95), "max": max(latencies),
                     "statuses": dict(sorted(statuses.items()))}
    return out


def database(admin: str, name: str, *, keep: bool = False) -> Iterator[str]:
    """Create *name* on the server of *admin* (unless kept and there); drop it
    at the end unless *keep*."""
    with psycopg.connect(pg_url(admin), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not (keep and exists):
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        if not keep:
            with psycopg.connect(pg_url(admin), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            say(f"dropped database {name}")


def _samples_path(name: str, customers: int) -> Path:
    return ROOT / "bench" / "out" / f"{name}-{customers}.samples.json"


def save_samples(name: str, customers: int, loaded: Loaded) -> None:
    path = _samples_path(name, customers)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(loaded.samples, ensure_ascii=False), encoding="utf-8")


def reuse(conn: psycopg.Connection[Any], name: str, customers: int,
          now: datetime) -> tuple[list[int], list[str], Loaded] | None:
    """The owners, fresh bench reps with tokens, and the samples of a kept
    database loaded with *customers* customers before; ``None`` to load it."""
    path = _samples_path(name, customers)
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM users WHERE username LIKE 'owner%%'")
        if not path.exists() or cur.fetchone()[0] != LOAD_OWNERS:  # type: ignore[index]
            return None
        cur.execute("SELECT count(*) FROM customers WHERE owner_id IN "
                    "(SELECT id FROM users WHERE username LIKE 'owner%%')")
        if cur.fetchone()[0] != customers:  # type: ignore[index]
            return None
        say(f"reusing the {customers:,} customers of {name}")
        cur.execute("SELECT id FROM users WHERE username LIKE 'owner%%' ORDER BY id")
        owners = [r[0] for r in cur.fetchall()]
        cur.execute("SELECT name_key, uscc FROM customers")
        taken, codes = set(), set()
        for key, code in cur:
            taken.add(key)
            codes.add(code)
    # New bench reps for this run (the cap is per rep; earlier runs used theirs).
    run = f"r{os.getpid()}"
    tokens = []
    with conn.cursor() as cur:
        for i in range(BENCH_REPS):
            cur.execute(
                "INSERT INTO users (username, display_name, role, team, password_hash, disabled,"
                " created_at, updated_at) VALUES (%s, %s, 'rep', '', %s, false, %s, %s)"
                " RETURNING id",
                (f"bench{run}_{i:04d}", f"压测{i:04d}", DUMMY_HASH, now, now),
            )
            user_id = cur.fetchone()[0]  # type: ignore[index]
            tokens.append(issue_token(cur, user_id, now))
    conn.commit()
    loaded = Loaded(maker=_Maker(os.getpid(), now, taken, codes))
    loaded.samples = [tuple(s) for s in json.loads(path.read_text(encoding="utf-8"))]
    return owners, tokens, loaded


def has_sync(base: str) -> bool:
    paths = httpx.get(base + "/openapi.json", timeout=10).json()["paths"]
    return "/api/v1/sync/push" in paths and "/api/v1/sync/pull" in paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--pg", default=DEFAULT_PG, help="admin URL of the PostgreSQL server")
    parser.add_argument("--seconds", type=float, default=20.0,
                        help="time limit of each measured loop")
    parser.add_argument("--checks", type=int, default=20_000, help="most duplicate checks")
    parser.add_argument("--registrations", type=int, default=6_000,
                        help="most registrations (at most 200 per bench rep)")
    parser.add_argument("--push-ops", type=int, default=40_000, help="most ops pushed")
    parser.add_argument("--pull-pages", type=int, default=2_000, help="most pull pages")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", metavar="NAME", default="",
                        help="load into database NAME once and keep it: later runs with the "
                             "same NAME and --customers skip the load (for profiling)")
    args = parser.parse_args(argv)
    if args.registrations > BENCH_REPS * 200:
        parser.error(f"--registrations at most {BENCH_REPS * 200} (the rep cap)")

    name = args.keep or f"erpdesk_bench_{os.getpid()}"
    dbs = database(args.pg, name, keep=bool(args.keep))
    url = next(dbs)
    try:
        say(f"database {name}: migrating")
        migrate(url)
        now = datetime.now(UTC)
        with psycopg.connect(pg_url(url)) as conn:
            kept = reuse(conn, name, args.customers, now) if args.keep else None
            if kept is None:
                owners, tokens = make_users(conn, now)
                loaded = load_customers(conn, args.customers, owners, now)
                if args.keep:
                    save_samples(name, args.customers, loaded)
            else:
                owners, tokens, loaded = kept
            # Also on a kept database: earlier runs left dead rows (rewritten
            # push rows, the baselines' rolled-back inserts), and a server
            # with autovacuum off (as on these machines) never clears them.
            say("VACUUM ANALYZE")
            conn.autocommit = True
            conn.execute("VACUUM ANALYZE")
            conn.autocommit = False
        say("checks in-process")
        explained = in_process_checks(url, loaded)
        with Server(url, args.workers) as server:
            say(f"server on {server.base}; duplicate checks")
            check = bench_check(server.base, tokens, loaded, args.seconds, args.checks)
            say("registrations")
            register = bench_register(server.base, tokens, loaded, args.seconds,
                                      args.registrations)
            say("HTTP floor (/healthz)")
            floor = bench_floor(server.base, min(args.seconds, 10.0))
            sync = has_sync(server.base)
            push = pull = None
            if sync:
                say("push")
                push = bench_push(server.base, tokens, loaded, args.seconds, args.push_ops)
                say("pull")
                pull = bench_pull(server.base, tokens, args.seconds, args.pull_pages)
        with psycopg.connect(pg_url(url)) as conn:
            created = [(b["customer"]["name"], b["customer"]["uscc"], b["customer"])
                       for b, (_k, _l, s) in zip(register["bodies"], register["results"],
                                                 strict=True) if s == 201]
            baseline = bench_baseline(conn, created, owners[0])
            push_baseline = bench_baseline(conn, push["items"], owners[0]) if push else None
    finally:
        next(dbs, None)

    report(args, loaded, check, register, sync, baseline, explained, push, pull, push_baseline,
           floor)
    return 0


def report(args: argparse.Namespace, loaded: Loaded, check: dict[str, Any],
           register: dict[str, Any], sync: bool, baseline: dict[str, float],
           explained: dict[str, dict[str, float]], push: dict[str, Any] | None,
           pull: dict[str, Any] | None, push_baseline: dict[str, float] | None,
           floor: dict[str, Any]) -> None:
    checks = summarize(check["results"])
    regs = summarize(register["results"])
    ok = regs["register"]["statuses"].get(201, 0)
    reg_rate = ok / register["elapsed"]
    check_rate = checks["all"]["n"] / check["elapsed"]
    rows = baseline["rows"]
    lines = [
        f"## Registry benchmark ({args.customers:,} customers, PostgreSQL, "
        f"{args.workers} workers)",
        "",
        f"`python bench/bench_registry.py --customers {args.customers} "
        f"--seconds {args.seconds:g}` on {platform.node()} ({os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}); client, server and PostgreSQL on one machine.",
        "",
        "| measure | n | p50 ms | p95 ms | max ms | rate | target |",
        "|---|---|---|---|---|---|---|",
    ]
    paced = summarize(check["paced"])
    paced_rate = paced["all"]["n"] / check["paced_elapsed"]
    for kind in ("all", "exact_uscc", "exact_name", "near_name", "free_name"):
        s = paced.get(kind)
        if s is None:
            continue
        target = "p95 < 30 ms" if kind == "all" else ""
        rate = f"{paced_rate:,.0f}/s" if kind == "all" else ""
        lines.append(f"| check: {kind} (50 clients, ~{CHECK_THINK:g} s between checks) "
                     f"| {s['n']:,} | {s['p50']:.1f} | {s['p95']:.1f} | {s['max']:.0f} "
                     f"| {rate} | {target} |")
    for kind in ("all", "exact_uscc", "exact_name", "near_name", "free_name"):
        s = checks.get(kind)
        if s is None:
            continue
        rate = f"{check_rate:,.0f}/s" if kind == "all" else ""
        lines.append(f"| check: {kind} (50 clients flat out) | {s['n']:,} | {s['p50']:.1f} | "
                     f"{s['p95']:.1f} | {s['max']:.0f} | {rate} | |")
    r = regs["register"]
    lines.append(f"| registrations ({REGISTER_CLIENTS} clients) | {r['n']:,} | {r['p50']:.1f} | "
                 f"{r['p95']:.1f} | {r['max']:.0f} | {reg_rate:,.0f}/s | >= 300/s |")
    h = summarize(floor["results"])["healthz"]
    lines.append(f"| floor: GET /healthz, no sign-in or database ({REGISTER_CLIENTS} clients) "
                 f"| {h['n']:,} | {h['p50']:.1f} | {h['p95']:.1f} | {h['max']:.0f} | "
                 f"{h['n'] / floor['elapsed']:,.0f}/s | |")
    if push and pull and push_baseline:
        p = summarize(push["results"])["push"]
        q = summarize(pull["results"])["pull"]
        push_rate = push["ops"] / push["elapsed"]
        pull_rate = pull["ops"] / pull["elapsed"]
        bare = push_baseline["rows"] / push_baseline["insert_s"]
        lines.append(f"| push: batches of {PUSH_BATCH} customer creates ({PUSH_CLIENTS} clients) "
                     f"| {push['ops']:,} ops | {p['p50']:.0f} | {p['p95']:.0f} | {p['max']:.0f} "
                     f"| {push_rate:,.0f} ops/s | >= 2,000 ops/s |")
        lines.append(f"| pull: pages of 500 from cursor 0 ({PUSH_CLIENTS} clients) "
                     f"| {pull['ops']:,} changes | {q['p50']:.0f} | {q['p95']:.0f} | "
                     f"{q['max']:.0f} | {pull_rate:,.0f} ops/s | >= 2,000 ops/s |")
        lines.append(f"| baseline: bare INSERT of the pushed {push_baseline['rows']:,} customers "
                     f"+ grams | | | | | {bare:,.0f} rows/s | push within 5x: "
                     f"{bare / max(push_rate, 1e-9):.1f}x |")
        lines.append(f"| baseline: COPY of the pushed rows | | | | | "
                     f"{push_baseline['rows'] / push_baseline['copy_s']:,.0f} rows/s | |")
    else:
        lines.append("| push / pull | - | - | - | - | skipped: no /api/v1/sync yet "
                     "| >= 2,000 ops/s, <= 5x baseline |")
    lines.append(f"| baseline: bare INSERT of the same {rows:,} customers + grams | {rows:,} | | "
                 f"| | {rows / baseline['insert_s']:,.0f} rows/s | |")
    lines.append(f"| baseline: COPY of the same rows | {rows:,} | | | | "
                 f"{rows / baseline['copy_s']:,.0f} rows/s | |")
    if loaded.seconds:  # not when a kept database was reused
        lines.append(f"| bulk load (COPY, all tables) | {loaded.rows:,} rows | | | | "
                     f"{args.customers / loaded.seconds:,.0f} customers/s | |")
    if rows:
        lines.append("")
        lines.append(f"Registrations vs the bare INSERT baseline: "
                     f"{(rows / baseline['insert_s']) / max(reg_rate, 1e-9):.1f}x slower.")
    lines.append("")
    lines.append("Statuses: check " + json.dumps(checks["all"]["statuses"])
                 + "; registrations " + json.dumps(r["statuses"]))
    lines.append("")
    lines.append("### The check in-process (no HTTP), one at a time")
    lines.append("")
    lines.append("| kind | n | p50 ms | p95 ms | max ms |")
    lines.append("|---|---|---|---|---|")
    for kind, e in explained.items():
        lines.append(f"| {kind} | {e['n']} | {e['p50']:.1f} | {e['p95']:.1f} | {e['max']:.0f} |")
    print("\n".join(lines))


if __name__ == "__main__":
    raise SystemExit(main())
