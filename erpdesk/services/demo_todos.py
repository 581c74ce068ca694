"""Demo todos: the next steps of the demo's open deals as todos (待办), so
that Today has work to show: of the open deals whose next step falls
between five days ago and ten days ahead, about two in five get a todo of
that step, due on its date
at a working hour (China time), about the deal's customer and the deal;
a few of the overdue ones are already done.  Deterministic for a seed;
written without outbox ops, like the rest of the demo."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable
from datetime import datetime, time, timedelta, timezone
from typing import TYPE_CHECKING

from erpdesk.domain.todo import Todo, TodoKind

if TYPE_CHECKING:
    from erpdesk.domain.deal import Deal
    from erpdesk.storage.uow import UnitOfWork

CHINA = timezone(timedelta(hours=8))
EARLIEST, LATEST = -5, 10  # days from today
HOURS = (9, 10, 11, 14, 15, 16)
SHARE = 0.4  # of those deals: a rep's day is full, not flooded


def demo_todos(deals: Iterable[Deal], now: datetime, seed: str) -> list[Todo]:
    """The todos of *deals*' next steps (open deals only)."""
    rng = random.Random(f"todos:{seed}")
    today = now.astimezone(CHINA).date()
    made = []
    for deal in deals:
        day = deal.next_step_date
        if not deal.next_step or day is None or deal.closed_at is not None:
            continue
        if not EARLIEST <= (day - today).days <= LATEST or rng.random() >= SHARE:
            continue
        due = datetime.combine(day, time(rng.choice(HOURS), rng.choice((0, 30))), CHINA)
        done = due + timedelta(hours=2) if due < now and rng.random() < 0.3 else None
        made.append(Todo(
            customer_id=deal.customer_id, title=deal.next_step[:200], due_at=due,
            kind=TodoKind.NEXT_STEP, deal_id=deal.id, done_at=done,
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            created_at=now - timedelta(days=rng.randrange(1, 10)), updated_at=now,
        ))  # fmt: skip
    return made


def write_todos(uow: UnitOfWork, todos: Iterable[Todo]) -> int:
    count = 0
    for todo in todos:
        uow.todos.add(todo, record_op=False)
        count += 1
    return count
