"""The sync engine: push the outbox, then pull what changed.

``SyncEngine.run`` pushes the outbox in ``seq`` order in batches, records
each answer in one transaction (acknowledged ops leave the outbox, conflict
records are kept, refused ops stay with their reason and the push goes on
with the rest), then pulls pages from the stored cursor, storing each page
with its cursor in one transaction, so an interrupted run resumes where it
stopped.  A pulled row whose parent is not on the desk yet is kept in that
transaction and applied once its parent arrives (a later page or run).
A record that left the user's view (``{"visible": false}``) is removed with
everything under it, in the page's transaction (``storage.revocations``).
A cursor the registry no longer serves (``cursor_too_old``: its log of who
lost what was pruned past it) starts a full pull from 0, after which the
synced rows that did not come again are removed the same way.
A run that pulled rows ends with the ``after_pull`` hook its builder
passes (the engine knows no services): given the entity names pulled, it
may write on the desk (the consultant's engagements of the assignments that
arrived) and returns True when it did, and those changes are pushed in the
same run.
``SyncRunner`` repeats it on a thread of its own with exponential back-off
on failures; neither touches Qt.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any, Protocol

from erpdesk.domain.customer import utcnow
from erpdesk.domain.errors import DomainError
from erpdesk.services.events import Change
from erpdesk.storage.mapping import to_text
from erpdesk.storage.outbox import OutboxOp
from erpdesk.storage.revocations import RESYNC_FLAG, begin_resync, finish_resync, mark_seen
from erpdesk.storage.sync_store import Ack, ConflictRecord, Failure, SyncStore
from erpdesk.sync.apply import BadChange, PulledRow, children_of, parents_first, pulled_row
from erpdesk.sync.client import RegistryClient, RequestRefused, SyncError
from erpdesk.sync.entities import ENTITIES, entity
from erpdesk.sync.registration import send_registrations

log = logging.getLogger(__name__)

MAX_BATCH = 500
PAGE = 500
SKEW_LIMIT_SECONDS = 300
ACKED = frozenset({"applied", "duplicate", "conflict"})
SYNCED_TABLES = tuple(kind.table for kind in ENTITIES)
# (phase "push" or "pull", done, total); a pull's total grows page by page.
Progress = Callable[[str, int, int], None]
# The entity names a run pulled -> whether the hook wrote changes to push.
AfterPull = Callable[[frozenset[str]], bool]


class Feed(Protocol):
    def publish(self, change: Change) -> None: ...


@dataclass
class SyncReport:
    """What one run did."""

    pushed: int = 0  # ops the registry acknowledged
    applied: int = 0  # ... of which it applied now (not duplicates)
    duplicates: int = 0
    conflicts: int = 0  # fields recorded as conflicts
    rejected: int = 0  # ops refused (kept in the outbox)
    pulled: int = 0  # rows stored from pulls
    kept_fields: int = 0  # pulled fields not written: their own change waits
    skipped: int = 0
    deferred: int = 0  # pulled rows still waiting for their parent (kept for a later run)
    removed: int = 0  # rows removed: they left the user's view (also counted in pulled)
    resynced: bool = False  # the registry no longer served the cursor: everything was pulled
    entities: set[str] = field(default_factory=set)  # entity names of the rows pulled
    pages: int = 0
    registry_time: str | None = None
    clock_skew_seconds: int | None = None
    clock_skewed: bool = False
    failures: list[Failure] = field(default_factory=list)


def wire_op(op: OutboxOp) -> dict[str, Any]:
    return {
        "op_id": op.op_id, "seq": op.seq, "entity": op.entity, "entity_id": op.entity_id,
        "op": op.op, "base_version": op.base_version, "fields": op.fields,
        "created_at": op.created_at, "payload_version": op.payload_version,
    }


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def belongings() -> dict[str, list[tuple[str, str]]]:
    """table -> the (table, column) of the rows that go with its rows when
    the user loses one: the children by parent key, and the records that
    name a deal (a worksheet, quote or proposal of the deal: the registry
    shows them to whoever sees the deal)."""
    found = children_of()
    for kind in ENTITIES:
        for name, target in kind.optional_refs.items():
            parent = entity(target)
            if target == "deal" and parent is not None:
                found.setdefault(parent.table, []).append((kind.table, kind.column(name)))
    return found


def _too_old(exc: RequestRefused) -> bool:
    return exc.params.get("code") == "cursor_too_old"


class SyncEngine:
    """One desk database against one registry."""

    def __init__(
        self,
        store: SyncStore,
        client: RegistryClient,
        *,
        clock: Callable[[], datetime] = utcnow,
        feed: Feed | None = None,
        batch: int = MAX_BATCH,
        page: int = PAGE,
        after_pull: AfterPull | None = None,
    ) -> None:
        if not 1 <= batch <= MAX_BATCH:
            raise ValueError(f"batch must be 1 to {MAX_BATCH}")
        self.store = store
        self.client = client
        self.clock = clock
        self.feed = feed
        self.batch = batch
        self.page = page
        self.after_pull = after_pull
        self._children = belongings()

    def run(self, progress: Progress | None = None) -> SyncReport:
        """Push, then pull.  Raises ``SyncError`` (recorded in the state as
        the last error); whatever was acknowledged or pulled before stays."""
        report = SyncReport()
        try:
            device = self.store.device_id()
            # Registrations asked for offline go first (erpdesk.sync.registration).
            send_registrations(self.store, self.client, self.feed)
            self.push(device, report, progress)
            self.pull(device, report, progress)
            if self._after_pull(report):
                self.push(device, report, progress)
        except SyncError as exc:
            self.store.set_state({
                "sync.last_error": exc.render(), "sync.last_error_kind": exc.kind,
                "sync.last_attempt": self.clock().isoformat(),
            })
            raise
        now = self.clock().isoformat()
        self.store.set_state({
            "sync.last_error": None, "sync.last_error_kind": None,
            "sync.last_attempt": now, "sync.last_sync": now,
        })
        report.failures = self.store.failures()
        return report

    def _after_pull(self, report: SyncReport) -> bool:
        """Run the hook when rows were pulled; True when it wrote changes.
        A refusal of the hook is logged: the run itself went through."""
        if self.after_pull is None or not report.entities:
            return False
        try:
            return self.after_pull(frozenset(report.entities))
        except DomainError as exc:
            log.warning("sync: the after-pull step failed: %s", exc.render())
            return False

    # -- push ---------------------------------------------------------------

    def push(self, device: str, report: SyncReport, progress: Progress | None = None) -> None:
        total = self.store.pending_count()
        done = 0
        after = 0
        if progress:
            progress("push", 0, total)
        while True:
            ops = self.store.outbox_page(after, self.batch)
            if not ops:
                break
            answer = self.client.push(device, self.clock(), [wire_op(op) for op in ops])
            self._record_push(ops, answer, report)
            after = ops[-1].seq
            done += len(ops)
            if progress:
                progress("push", done, max(total, done))

    def _record_push(self, ops: list[OutboxOp], answer: dict[str, Any], report: SyncReport) -> None:
        acks: list[Ack] = []
        conflicts: list[ConflictRecord] = []
        failures: list[Failure] = []
        for op, result in zip(ops, answer["results"], strict=True):
            status = str(result.get("status"))
            first = result.get("first_status")
            kind = entity(op.entity)
            if status in ACKED and not (status == "duplicate" and first == "rejected"):
                version = result.get("server_version")
                acks.append(Ack(
                    op.op_id, kind.table if kind else None, op.entity_id,
                    int(version) if isinstance(version, int) else None,
                ))
                report.pushed += 1
                if status == "duplicate":
                    report.duplicates += 1
                else:
                    report.applied += 1
                for c in result.get("conflicts") or ():
                    conflicts.append(ConflictRecord(
                        op.entity, op.entity_id, str(c.get("field")),
                        c.get("desk_value"), c.get("registry_value"),
                    ))
            else:
                reason = str(result.get("reason") or status)
                message = str(result.get("message") or reason)
                failures.append(Failure(op.op_id, op.seq, op.entity, op.entity_id, reason, message))
                log.warning("sync: %s %s %s (op %s) refused: %s: %s", op.op, op.entity,
                            op.entity_id, op.op_id, reason, message)
                report.rejected += 1
        report.conflicts += len(conflicts)
        skew = answer.get("clock_skew_seconds")
        state = self._clock_state(str(answer.get("registry_time", "")), skew, report)
        self.store.acknowledge(acks, conflicts, failures)
        self.store.set_state(state)

    def _clock_state(
        self, registry_time: str, skew: Any, report: SyncReport
    ) -> dict[str, str | None]:
        device = self.clock()
        if not isinstance(skew, int):
            try:
                skew = round((device - _parse_time(registry_time)).total_seconds())
            except ValueError:
                return {}
        report.registry_time = registry_time
        report.clock_skew_seconds = skew
        report.clock_skewed = abs(skew) > SKEW_LIMIT_SECONDS
        if report.clock_skewed:
            log.warning("sync: this computer's clock is %s s off the registry's", skew)
        return {
            "sync.registry_time": registry_time, "sync.device_time": device.isoformat(),
            "sync.clock_skew_seconds": str(skew),
        }

    # -- pull ---------------------------------------------------------------

    def pull(self, device: str, report: SyncReport, progress: Progress | None = None) -> None:
        stored = self.store.state()
        since = int(stored.get("sync.cursor", "0") or 0)
        resync = bool(stored.get(RESYNC_FLAG))  # a full pull under way (an earlier run)
        seen = 0
        while True:
            try:
                answer = self.client.pull(since, self.page, device, self.clock())
            except RequestRefused as exc:
                if not _too_old(exc) or since == 0:
                    raise
                log.warning("sync: the registry no longer serves cursor %s: pulling everything",
                            since)
                self.store.within(partial(begin_resync, tables=SYNCED_TABLES))
                since, resync, report.resynced = 0, True, True
                continue
            rows: list[PulledRow] = []
            for change in answer.get("changes", ()):
                try:
                    row = pulled_row(change)
                except BadChange as exc:
                    log.warning("sync: a pulled change was skipped: %s", exc)
                    report.skipped += 1
                    continue
                if row is None:
                    log.warning("sync: a pulled %s was skipped: not synced by this desk",
                                change.get("entity"))
                    report.skipped += 1
                else:
                    rows.append(row)
            cursor = int(answer["next_cursor"])
            state = self._clock_state(str(answer.get("registry_time", "")), None, report)
            state["sync.last_pull"] = self.clock().isoformat()
            if resync and rows:  # struck off before the page is stored (see revocations)
                self.store.within(partial(mark_seen, rows=rows))
            result = self.store.apply_page(parents_first(rows), cursor, state, self._children)
            report.pages += 1
            report.pulled += result.applied + result.dropped
            report.removed += result.dropped
            report.kept_fields += result.kept_fields
            report.skipped += result.skipped
            report.deferred = result.deferred
            report.entities.update(name for name, ids in result.touched.items() if ids)
            self._publish(result.touched)
            seen += len(rows)
            more = bool(answer.get("has_more")) and cursor > since
            if progress:
                progress("pull", seen, seen + (self.page if more else 0))
            since = cursor
            if not more:
                break
        if resync:  # what the full pull did not bring again has left the user's view
            removed = self.store.within(
                partial(finish_resync, children=self._children, now=to_text(self.clock()))
            )
            count = sum(len(ids) for ids in removed.values())
            report.pulled += count
            report.removed += count
            self._publish(removed)

    def _publish(self, touched: dict[str, set[str]]) -> None:
        if self.feed is None:
            return
        for name, ids in touched.items():
            if ids:
                self.feed.publish(Change(name, tuple(sorted(ids))))


class SyncRunner:
    """Runs ``run`` (an engine's ``run``, or anything building one) now and
    then on a thread of its own: every ``interval`` seconds while it works,
    after ``delay_after(failures)`` seconds (exponential, capped) while it
    fails.  ``trigger()`` asks for a run at once.  Usable from a QThread or
    a plain thread: ``loop(stop_event)`` is the whole job."""

    def __init__(
        self,
        run: Callable[[], SyncReport],
        *,
        interval: float = 300.0,
        base_delay: float = 5.0,
        max_delay: float = 600.0,
        on_report: Callable[[SyncReport], None] | None = None,
        on_error: Callable[[SyncError], None] | None = None,
    ) -> None:
        self._run = run
        self.interval = interval
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.on_report = on_report
        self.on_error = on_error
        self.failures = 0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def delay_after(self, failures: int) -> float:
        if failures <= 0:
            return self.interval
        return float(min(self.max_delay, self.base_delay * 2 ** (failures - 1)))

    def run_once(self) -> SyncReport | None:
        """One run; a ``SyncError`` is counted (and reported), not raised."""
        try:
            report = self._run()
        except SyncError as exc:
            self.failures += 1
            log.info("sync failed (%s in a row): %s", self.failures, exc)
            if self.on_error:
                self.on_error(exc)
            return None
        self.failures = 0
        if self.on_report:
            self.on_report(report)
        return report

    def loop(self, stop: threading.Event) -> None:
        while not stop.is_set():
            self.run_once()
            self._wake.wait(self.delay_after(self.failures))
            self._wake.clear()

    def trigger(self) -> None:
        self._wake.set()

    def start(self) -> threading.Thread:
        self._stop.clear()
        self._thread = threading.Thread(
            target=self.loop, args=(self._stop,), name="erpdesk-sync", daemon=True
        )
        self._thread.start()
        return self._thread

    def stop(self, timeout: float | None = None) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
