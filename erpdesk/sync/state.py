"""The desk's sync state, as ``erpdesk sync status`` and the window show it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync.credentials import CredentialStore

SIGNED_OUT = "signed_out"
OFFLINE = "offline"
UP_TO_DATE = "up_to_date"
PENDING = "pending"
CONFLICTS = "conflicts"
ERROR = "error"
STATES = (SIGNED_OUT, OFFLINE, UP_TO_DATE, PENDING, CONFLICTS, ERROR)


@dataclass(frozen=True)
class SyncStatus:
    server: str | None
    user: str | None
    pending_ops: int
    last_pull: str | None
    conflicts: int
    state: str
    failed_ops: list[dict[str, Any]] = field(default_factory=list)
    last_error: str | None = None
    clock_skew_seconds: int | None = None
    clock_skewed: bool = False
    deferred: int = 0  # pulled rows waiting for their parent

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def read_status(store: SyncStore, credentials: CredentialStore | None = None) -> SyncStatus:
    """The state: signed out (no account or no token) > offline > error
    (the last run failed) > conflicts to review > pending ops > up to date.
    Ops the registry refused count as pending and are listed."""
    meta = store.state()
    server, user = meta.get("sync.server"), meta.get("sync.user")
    pending = store.pending_count()
    conflicts = store.open_conflict_count()
    failures = [
        {"op_id": f.op_id, "entity": f.entity, "entity_id": f.entity_id, "reason": f.reason,
         "message": f.message}
        for f in store.failures()
    ]
    signed_in = bool(server and user) and (
        credentials is None or credentials.get(server or "", user or "") is not None
    )
    kind = meta.get("sync.last_error_kind")
    if not signed_in or kind == SIGNED_OUT:
        state = SIGNED_OUT
    elif kind == OFFLINE:
        state = OFFLINE
    elif kind:
        state = ERROR
    elif conflicts:
        state = CONFLICTS
    elif pending:
        state = PENDING
    else:
        state = UP_TO_DATE
    skew = meta.get("sync.clock_skew_seconds")
    skew_seconds = int(skew) if skew and skew.lstrip("-").isdigit() else None
    return SyncStatus(
        server=server, user=user, pending_ops=pending, last_pull=meta.get("sync.last_pull"),
        conflicts=conflicts, state=state, failed_ops=failures,
        last_error=meta.get("sync.last_error"), clock_skew_seconds=skew_seconds,
        clock_skewed=skew_seconds is not None and abs(skew_seconds) > 300,
        deferred=store.deferred_count(),
    )
