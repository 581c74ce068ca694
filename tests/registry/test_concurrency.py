"""A race: many reps register one company at once through a real server
with two worker processes.  The database decides: one wins, the rest get 409."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
from registry_support import PASSWORD, START, free_port, registration, serving, uscc
from sqlalchemy import func, insert, select

from erpdesk.registry.accounts import add_user
from erpdesk.registry.config import CHEAP_PASSWORD_COST, system_clock
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.journal import Actor
from erpdesk.registry.db.schema import customers, tokens
from erpdesk.registry.security import Passwords, new_token, token_digest

RACERS = 50
NAMES = (
    "济南华信机械制造有限公司",
    "华信机械制造(济南)有限公司",
    "济南华信机械制造股份有限公司",
    "济南 华信机械制造 有限责任公司",
    "华信机械制造有限公司",
)

pytestmark = pytest.mark.slow


@pytest.fixture
def server(db_url: str) -> Iterator[str]:
    """``erpdesk-registry serve --workers 2`` on a free port; its base URL."""
    port = free_port()
    with serving(port, "--db", db_url, "--workers", "2", "--log-level", "warning"):
        yield f"http://127.0.0.1:{port}"


def make_racers(db_url: str) -> list[str]:
    """RACERS reps with a token each (made in the database: sign-in is tested elsewhere)."""
    db = RegistryDatabase(db_url)
    passwords = Passwords(CHEAP_PASSWORD_COST)
    now = START
    tokens_out = []
    try:
        for i in range(RACERS):
            user = add_user(db, passwords, now, Actor(None, "test"), f"rep{i:02d}", PASSWORD,
                            "rep", display_name=f"销售{i:02d}")
            token = new_token()
            with db.write() as conn:
                conn.execute(insert(tokens).values(
                    token_hash=token_digest(token), user_id=user.id, created_at=now,
                    expires_at=now + timedelta(days=3650),
                ))
            tokens_out.append(token)
    finally:
        db.dispose()
    return tokens_out


def test_one_company_registered_by_fifty_reps_at_once_has_one_owner(db_url, server):
    racers = make_racers(db_url)
    code = uscc(7)
    barrier = threading.Barrier(RACERS)
    results: list[tuple[int, str]] = []
    lock = threading.Lock()

    def race(i: int, token: str) -> None:
        # Visit "yesterday" on the server's real clock.
        body = registration(NAMES[i % len(NAMES)], code, now=system_clock())
        body["customer"]["id"] = str(uuid.uuid4())
        with httpx.Client(base_url=server, timeout=60) as http:
            barrier.wait()
            response = http.post(
                "/api/v1/registrations", json=body,
                headers={"Authorization": f"Bearer {token}", "X-ERPDesk-Protocol": "1"},
            )
        error = response.json().get("error", {}) if response.status_code >= 400 else {}
        with lock:
            results.append((response.status_code, error.get("code", "")))

    threads = [threading.Thread(target=race, args=(i, t)) for i, t in enumerate(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    statuses = Counter(results)
    assert statuses == Counter({(201, ""): 1, (409, "pending"): RACERS - 1}), statuses

    db = RegistryDatabase(db_url)
    try:
        with db.read() as conn:
            held = conn.execute(
                select(func.count()).select_from(customers)
                .where(customers.c.uscc == code, customers.c.status.in_(("pending", "protected")))
            ).scalar_one()
            total = conn.execute(select(func.count()).select_from(customers)).scalar_one()
    finally:
        db.dispose()
    assert (held, total) == (1, 1)
