"""Demo todos: the open demo deals' next steps near today become todos of
their deal and customer, due on the step's date at a working hour, a few
overdue ones done; nothing in the outbox; the same for a seed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from erpdesk.app import open_desk
from erpdesk.domain.todo import TodoKind
from erpdesk.services.demo import generate_demo
from erpdesk.services.demo_todos import CHINA, EARLIEST, LATEST

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)


def test_open_deals_next_steps_become_todos(tmp_path):
    desk = open_desk(tmp_path / "desk.db")
    try:
        result = generate_demo(desk.unit_of_work, customers=300, seed=3, now=NOW, deals=150)
        rows = desk.db.reader.execute(
            "SELECT t.*, d.status, d.next_step, d.next_step_date, d.customer_id AS deal_customer"
            " FROM todo t JOIN deal d ON d.id = t.deal_id").fetchall()
        outbox = desk.db.reader.execute("SELECT count(*) FROM outbox").fetchone()[0]
    finally:
        desk.close()
    assert result.todos == len(rows) > 10 and outbox == 0
    today = NOW.astimezone(CHINA).date()
    done = 0
    for row in rows:
        due = datetime.fromisoformat(row["due_at"]).astimezone(CHINA)
        assert row["status"] == "open" and row["kind"] == TodoKind.NEXT_STEP.value
        assert row["title"] == row["next_step"] and row["customer_id"] == row["deal_customer"]
        assert due.date().isoformat() == row["next_step_date"]
        assert EARLIEST <= (due.date() - today).days <= LATEST and 9 <= due.hour <= 16
        if row["done_at"]:
            done += 1
            assert due < NOW + timedelta(hours=1)
    assert 0 < done < len(rows)
