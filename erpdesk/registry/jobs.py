"""The periodic protection sweep: warn owners of a coming release, release
customers whose protection ran out to the pool (公海); and check the pending
registrations not checked for near names yet (``near_checks``).

Every worker of ``serve`` runs it every ``ERPDESK_REGISTRY_JOB_INTERVAL``
seconds (``JobRunner``) and ``erpdesk-registry jobs run`` runs it once (for
cron).  Several at once are safe: each release and each warning is a
conditional UPDATE (still protected, still due, still not warned) whose
rowcount decides whether this worker writes the audit entry and the
notification, in the same transaction; candidates are read with ``FOR
UPDATE SKIP LOCKED`` on PostgreSQL so that concurrent sweeps split the rows
instead of queueing on them.  Work goes in batches of ``BATCH`` customers
per transaction, so a sweep over many rows never holds locks for long.

The lease in ``job_leases`` only saves work: a worker takes it with a
conditional UPDATE (or the first INSERT) when it has expired and holds it
for about one interval, so normally one worker sweeps per interval.  A
worker that dies holding it is replaced when the lease runs out.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, Table, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.journal import Actor, audit, stamp_changes
from erpdesk.registry.db.schema import customers, job_leases, notifications
from erpdesk.registry.deal_hold import not_held
from erpdesk.registry.near_checks import check_batch
from erpdesk.registry.notifications import notify
from erpdesk.registry.policy import Policy, load_policy
from erpdesk.registry.protection import end_protection, release_reason
from erpdesk.registry.sync.access import owner_changed

log = logging.getLogger("erpdesk.registry.jobs")

JOB_NAME = "protection_sweep"
BATCH = 500
# Registrations checked for near names per transaction (a check reads for
# ~10-25 ms on PostgreSQL at 200,000 customers: a batch reads for a few seconds).
NEAR_CHECK_BATCH = 100
ACTOR = Actor(None, "job:protection_sweep")
# Notification kinds (stable API: the desk turns them into text).
WARNING_KIND = "release_warning"
RELEASED_KIND = "released"


@dataclass(frozen=True)
class SweepResult:
    """What one sweep did; ``ran`` is false when another worker held the lease
    (``holder`` until ``lease_until``)."""

    ran: bool
    released: int = 0
    warned: int = 0
    holder: str = ""
    checked: int = 0  # pending registrations checked for near names
    lease_until: datetime | None = None

    def describe(self) -> str:
        if not self.ran:
            until = self.lease_until.isoformat() if self.lease_until else "?"
            return f"skipped: {self.holder} holds the sweep's lease until {until}"
        checked = (
            f"; checked {self.checked} registration{'s' * (self.checked != 1)} for near names"
            if self.checked else ""
        )
        return (
            f"released {self.released} customer{'s' * (self.released != 1)} to the pool; "
            f"warned the owners of {self.warned} customer{'s' * (self.warned != 1)} of a coming "
            f"release{checked}"
        )


def new_holder() -> str:
    """A name for this process as a lease holder (host, pid, a random tag)."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def run_protection_sweep(
    db: RegistryDatabase,
    now: datetime,
    *,
    holder: str,
    lease: timedelta | None = None,
    batch: int = BATCH,
) -> SweepResult:
    """Release the customers due by *now* to the pool, then warn the owners of
    those due within ``warning_days``, then check the pending registrations
    not checked for near names yet.  With *lease*, first take the job's
    lease for that long, and do nothing if another holder has it."""
    if lease is not None:
        taken, current = take_lease(db, JOB_NAME, holder, now, lease)
        if not taken:
            return SweepResult(
                False,
                holder=current.holder if current else "",
                lease_until=current.lease_until if current else None,
            )
    released = _in_batches(lambda: _release_batch(db, now, batch))
    warned = _in_batches(lambda: _warn_batch(db, now, batch))
    checked = _in_batches(lambda: check_batch(db, now, min(batch, NEAR_CHECK_BATCH)))
    forget_read_notifications(db, now)
    result = SweepResult(True, released, warned, checked=checked)
    _record_run(db, now, holder, result)
    return result


# Days a notification is kept after its user read it.
READ_NOTIFICATION_DAYS = 90


def forget_read_notifications(db: RegistryDatabase, now: datetime) -> int:
    """Delete notifications read more than ``READ_NOTIFICATION_DAYS`` ago
    (unread ones stay until read); how many."""
    with db.write() as conn:
        result = conn.execute(
            delete(notifications).where(
                notifications.c.read_at < now - timedelta(days=READ_NOTIFICATION_DAYS)
            )
        )
    return int(result.rowcount)


def _in_batches(step: Callable[[], tuple[int, bool]]) -> int:
    """Run *step* (one transaction: how many it did, and whether to go on)
    while it says so; the total."""
    total = 0
    while True:
        done, more = step()
        total += done
        if not more:
            return total


def preview_protection_sweep(db: RegistryDatabase, now: datetime) -> SweepResult:
    """What a sweep at *now* would do, changing nothing (``ran`` is false)."""
    with db.read() as conn:
        policy = load_policy(conn)

        def count(where: tuple[Any, ...]) -> int:
            return int(
                conn.execute(select(func.count()).select_from(customers).where(*where)).scalar_one()
            )

        warnable = count(_warnable(now, policy)) if policy.warning_days > 0 else 0
        return SweepResult(False, count(_due(now, policy)), warnable)


def _due(now: datetime, policy: Policy) -> tuple[Any, ...]:
    """The customers whose protection has run out by *now* (none exempt,
    none held by an open deal when *policy* says so)."""
    return (
        customers.c.status == "protected",
        customers.c.release_due_at <= now,
        customers.c.exempt_since.is_(None),
        *not_held(policy),
    )


def _warnable(now: datetime, policy: Policy) -> tuple[Any, ...]:
    """The customers due within ``warning_days`` (not yet due, not exempt,
    not held by an open deal when *policy* says so) whose owner was not
    warned."""
    return (
        customers.c.status == "protected",
        customers.c.exempt_since.is_(None),
        customers.c.warned_at.is_(None),
        customers.c.release_due_at > now,
        customers.c.release_due_at <= now + timedelta(days=policy.warning_days),
        *not_held(policy),
    )


# -- releases ------------------------------------------------------------------


_RELEASE_COLUMNS: tuple[Any, ...] = (
    customers.c.id,
    customers.c.name,
    customers.c.owner_id,
    customers.c.protected_since,
    customers.c.protected_until,
    customers.c.last_follow_up_at,
    customers.c.release_due_at,
)


def _release_batch(db: RegistryDatabase, now: datetime, limit: int) -> tuple[int, bool]:
    with db.write() as conn:
        due = _due(now, load_policy(conn))
        rows = conn.execute(
            select(*_RELEASE_COLUMNS)
            .where(*due)
            .order_by(customers.c.release_due_at, customers.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()
        targets: list[tuple[Table, str]] = []
        released = 0
        for row in rows:
            if _release(conn, row, now, due, targets):
                released += 1
        stamp_changes(conn, now, targets)
    # A full batch of which nothing was released: the rest is another sweep's.
    return released, len(rows) == limit and released > 0


def _release(
    conn: Connection,
    row: Row[Any],
    now: datetime,
    due: tuple[Any, ...],
    targets: list[tuple[Table, str]],
) -> bool:
    """Release one customer if it is still protected by the same owner and
    *due* (no deal opened meanwhile); the audit entry, the notification and
    the sync revoke only then."""
    changes: dict[str, Any] = {
        "status": "pool",
        "owner_id": None,
        **end_protection(),
        "last_owner_id": row.owner_id,
        "released_at": now,
    }
    result = conn.execute(
        update(customers)
        .where(
            customers.c.id == row.id, customers.c.owner_id == row.owner_id, *due
        )
        .values(**changes, updated_at=now)
    )
    if result.rowcount != 1:
        return False  # another sweep, a follow-up or the administrator came first
    reason = release_reason(
        row.protected_since,
        row.protected_until,
        row.last_follow_up_at,
        row.release_due_at,
        now,
    )
    before = {
        "status": "protected",
        "owner_id": row.owner_id,
        "protected_since": row.protected_since,
        "protected_until": row.protected_until,
        "last_follow_up_at": row.last_follow_up_at,
        "release_due_at": row.release_due_at,
    }
    audit(
        conn,
        now,
        ACTOR,
        "customer.release.expired",
        "customer",
        row.id,
        reason=reason,
        before=before,
        after={**before, **changes},
    )
    if row.owner_id is not None:
        notify(
            conn,
            now,
            [row.owner_id],
            RELEASED_KIND,
            "customer",
            row.id,
            {"customer_name": row.name, "released_at": now, "reason": reason},
        )
    targets.append((customers, row.id))
    targets.extend(owner_changed(conn, row.id, row.owner_id, None, now))
    return True


# -- warnings ------------------------------------------------------------------


def _warn_batch(db: RegistryDatabase, now: datetime, limit: int) -> tuple[int, bool]:
    with db.write() as conn:
        policy = load_policy(conn)
        if policy.warning_days <= 0:
            return 0, False
        in_window = _warnable(now, policy)
        rows = conn.execute(
            select(
                customers.c.id, customers.c.name, customers.c.owner_id, customers.c.release_due_at
            )
            .where(*in_window)
            .order_by(customers.c.release_due_at, customers.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()
        warned = marked = 0
        for row in rows:
            result = conn.execute(
                update(customers).where(customers.c.id == row.id, *in_window).values(warned_at=now)
            )
            if result.rowcount != 1:
                continue  # another sweep warned, or a follow-up moved the date
            marked += 1
            if row.owner_id is None:
                continue
            notify(
                conn,
                now,
                [row.owner_id],
                WARNING_KIND,
                "customer",
                row.id,
                {"customer_name": row.name, "release_due_at": row.release_due_at},
            )
            warned += 1
    return warned, len(rows) == limit and marked > 0


# -- the lease -----------------------------------------------------------------


@dataclass(frozen=True)
class Lease:
    holder: str
    lease_until: datetime | None


def take_lease(
    db: RegistryDatabase, name: str, holder: str, now: datetime, length: timedelta
) -> tuple[bool, Lease | None]:
    """Take the lease of job *name* for *length* if it is free or expired:
    ``(True, None)``; else ``(False, the current lease)``."""
    until = now + length
    with db.write() as conn:
        taken = conn.execute(
            update(job_leases)
            .where(
                job_leases.c.name == name,
                or_(job_leases.c.lease_until.is_(None), job_leases.c.lease_until <= now),
            )
            .values(holder=holder, lease_until=until)
        ).rowcount
        if taken:
            return True, None
        current = conn.execute(
            select(job_leases.c.holder, job_leases.c.lease_until).where(job_leases.c.name == name)
        ).first()
        if current is not None:
            return False, Lease(current.holder, current.lease_until)
        try:
            with conn.begin_nested():
                conn.execute(
                    insert(job_leases).values(
                        name=name,
                        holder=holder,
                        lease_until=until,
                    )
                )
        except IntegrityError:  # another worker made the row first: it has the lease
            return False, Lease("another worker", None)
    return True, None


def _record_run(db: RegistryDatabase, now: datetime, holder: str, result: SweepResult) -> None:
    """Note the last run (when, by whom, what it did) in the job's row."""
    summary = {"holder": holder, **asdict(result)}
    summary.pop("lease_until", None)
    with db.write() as conn:
        done = conn.execute(
            update(job_leases)
            .where(job_leases.c.name == JOB_NAME)
            .values(last_run_at=now, last_result=summary)
        ).rowcount
        if done:
            return
        try:
            with conn.begin_nested():
                conn.execute(
                    insert(job_leases).values(
                        name=JOB_NAME,
                        holder="",
                        lease_until=None,
                        last_run_at=now,
                        last_result=summary,
                    )
                )
        except IntegrityError:
            pass  # made at the same moment by another run; its note stands


# -- in the server -------------------------------------------------------------


class JobRunner:
    """Runs the sweep in a background thread of one server worker: at start
    and then every *interval* seconds, under the job's lease (held for most
    of an interval), so that of several workers normally one sweeps per
    interval.  A failed sweep (database unreachable, ...) is logged and tried
    again at the next interval."""

    def __init__(
        self, db: RegistryDatabase, clock: Callable[[], datetime], interval: float
    ) -> None:
        self.db = db
        self.clock = clock
        self.interval = interval
        self.holder = new_holder()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="erpdesk-registry-jobs", daemon=True)

    def start(self) -> JobRunner:
        self._thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        lease = timedelta(seconds=self.interval * 0.9)
        while not self._stop.is_set():
            try:
                result = run_protection_sweep(
                    self.db, self.clock(), holder=self.holder, lease=lease
                )
                if result.ran and (result.released or result.warned or result.checked):
                    log.info("protection sweep: %s", result.describe())
            except SQLAlchemyError:
                log.exception("protection sweep failed; trying again in %ss", self.interval)
            self._stop.wait(self.interval)
