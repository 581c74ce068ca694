"""The desk database's tables.

Declared with SQLAlchemy Core ``Table`` objects: Alembic compares against this
metadata, repositories write with Core statements and translate rows into
domain objects, so no live ORM instance ever leaves storage.

Times are ISO-8601 text in UTC (``2026-11-29T16:25:30.123456+00:00``): they
sort as text and read back the same through sqlite3 and SQLAlchemy.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _sync_columns() -> list[Column[Any]]:
    """Bookkeeping every syncable row has (architecture: the local database)."""
    return [
        Column("created_at", String(40), nullable=False),
        Column("updated_at", String(40), nullable=False),
        Column("server_version", Integer, nullable=True),
        Column("deleted", Boolean, nullable=False, server_default=text("0")),
    ]


customer = Table(
    "customer",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("short_name", String(50), nullable=False, server_default=""),
    Column("uscc", String(18), nullable=False, server_default=""),
    Column("industry", String(32), nullable=True),
    Column("province", String(20), nullable=False, server_default=""),
    Column("city", String(30), nullable=False, server_default=""),
    Column("address", String(300), nullable=False, server_default=""),
    Column("size_band", String(16), nullable=True),
    Column("source", String(32), nullable=False),
    Column("source_detail", String(200), nullable=False, server_default=""),
    Column("phone", String(40), nullable=False, server_default=""),
    Column("website", String(200), nullable=False, server_default=""),
    Column("need", Text, nullable=False, server_default=""),
    Column("notes", Text, nullable=False, server_default=""),
    Column("owner", String(64), nullable=False, server_default=""),
    Column("status", String(16), nullable=False),
    Column("registration", String(16), nullable=False, server_default="unregistered"),
    # Registry-owned, from a pull (0007): the end of protection and when the
    # customer goes to the pool unless followed up (UTC text; NULL: none).
    Column("protected_until", String(40), nullable=True),
    Column("release_due_at", String(40), nullable=True),
    # Derived, for duplicate checks, search-as-you-type and pinyin sorting.
    Column("name_key", String(200), nullable=False),
    Column("search_key", Text, nullable=False),
    Column("sort_key", String(400), nullable=False),
    *_sync_columns(),
)
Index("ix_customer_name_key", customer.c.name_key)
Index("ix_customer_uscc", customer.c.uscc)
Index("ix_customer_sort", customer.c.deleted, customer.c.sort_key)
Index("ix_customer_updated", customer.c.updated_at)
Index("ix_customer_source", customer.c.source, customer.c.sort_key)
Index("ix_customer_status", customer.c.status, customer.c.sort_key)
Index("ix_customer_province", customer.c.province, customer.c.sort_key)
Index("ix_customer_industry", customer.c.industry, customer.c.sort_key)

# A registration the rep asked for (0007): the request as sent (JSON, so a
# repeat is the same request), waiting until a sync sends it, then the
# registry's answer and decision.  ``state``: waiting, sent, refused, decided.
registration_request = Table(
    "registration_request",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), ForeignKey("customer.id"), nullable=False),
    Column("payload", Text, nullable=False),
    Column("state", String(16), nullable=False),
    Column("requested_at", String(40), nullable=False),
    Column("sent_at", String(40), nullable=True),
    Column("result", String(16), nullable=False, server_default=""),
    Column("reasons", Text, nullable=False, server_default=""),
    Column("decided_at", String(40), nullable=True),
    Column("notified", Boolean, nullable=False, server_default=text("0")),
    # Schema 0008: the registry's code of a refusal, and the possible
    # duplicates it found (JSON; empty: none).
    Column("code", String(40), nullable=False, server_default=""),
    Column("near_matches", Text, nullable=False, server_default=""),
)
Index("ix_registration_request_customer", registration_request.c.customer_id)
Index("ix_registration_request_state", registration_request.c.state)

contact = Table(
    "contact",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), ForeignKey("customer.id"), nullable=False),
    Column("name", String(50), nullable=False),
    Column("title", String(50), nullable=False, server_default=""),
    Column("department", String(50), nullable=False, server_default=""),
    Column("level", String(16), nullable=True),
    Column("mobile", String(30), nullable=False, server_default=""),
    Column("office_phone", String(40), nullable=False, server_default=""),
    Column("email", String(100), nullable=False, server_default=""),
    Column("wechat", String(50), nullable=False, server_default=""),
    *_sync_columns(),
)
Index("ix_contact_customer", contact.c.customer_id)

activity = Table(
    "activity",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), ForeignKey("customer.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("occurred_at", String(40), nullable=False),
    Column("contact_id", String(36), ForeignKey("contact.id"), nullable=True),
    Column("summary", Text, nullable=False),
    Column("outcome", Text, nullable=False, server_default=""),
    Column("next_step", Text, nullable=False, server_default=""),
    *_sync_columns(),
)
Index("ix_activity_customer", activity.c.customer_id, activity.c.occurred_at)

# The sync outbox (architecture: "Every local change writes, in the same
# transaction, a row to an outbox").  ``seq`` is the per-device order.
outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("op_id", String(36), nullable=False, unique=True),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("op", String(16), nullable=False),
    Column("base_version", Integer, nullable=True),
    Column("fields", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("payload_version", Integer, nullable=False),
)
Index("ix_outbox_entity", outbox.c.entity, outbox.c.entity_id)

# Small key/value facts about this database: its device id, sync cursor, ...
meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Conflict records of the three-way merge: a field both sides changed keeps
# the registry's value, and the desk's value waits here for the user.
conflict = Table(
    "conflict",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("field", String(64), nullable=False),
    Column("local_value", Text, nullable=True),
    Column("remote_value", Text, nullable=True),
    Column("created_at", String(40), nullable=False),
    Column("resolved_at", String(40), nullable=True),
)
Index("ix_conflict_entity", conflict.c.entity, conflict.c.entity_id)

# Deals (销售机会) and what hangs on them (docs/design.md, "Deals in the
# desk's database").  Money is integer fen (分): SQLite sums integers
# exactly, so the board's and the funnel's totals come from SQL as the exact
# sum of their deals; a Decimal in text would be summed as a float.  Lists
# and mappings (modules, team, competitors, checklist answers, worksheet
# data) are JSON text; dates are ISO text.
deal = Table(
    "deal",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), ForeignKey("customer.id"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("stage", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("amount_fen", Integer, nullable=False, server_default=text("0")),
    Column("close_date", String(10), nullable=True),
    Column("probability", Integer, nullable=False),
    Column("probability_reason", Text, nullable=False, server_default=""),
    Column("modules", Text, nullable=False, server_default="[]"),
    Column("owner", String(64), nullable=False, server_default=""),
    Column("team", Text, nullable=False, server_default="[]"),
    Column("competitors", Text, nullable=False, server_default="[]"),
    Column("next_step", Text, nullable=False, server_default=""),
    Column("next_step_date", String(10), nullable=True),
    Column("source", String(32), nullable=True),
    Column("lost_reason", Text, nullable=False, server_default=""),
    Column("winning_competitor", String(200), nullable=False, server_default=""),
    Column("playbook", String(100), nullable=False, server_default=""),
    Column("checklist", Text, nullable=False, server_default="{}"),
    Column("stage_entered_at", String(40), nullable=False),
    Column("closed_at", String(40), nullable=True),
    # The local date ``closed_at`` fell on, written with it (the forecast's
    # won and lost per month; docs/design.md, "The forecast").
    Column("closed_on", String(10), nullable=True),
    Column("notes", Text, nullable=False, server_default=""),
    *_sync_columns(),
)
# The board: open deals by stage (and by owner, by close date); closed
# deals by when they closed; a customer's deals.
Index("ix_deal_board", deal.c.status, deal.c.deleted, deal.c.stage)
Index("ix_deal_owner", deal.c.owner, deal.c.status, deal.c.stage)
Index("ix_deal_close_date", deal.c.status, deal.c.close_date)
Index("ix_deal_closed_at", deal.c.status, deal.c.closed_at)
Index("ix_deal_customer", deal.c.customer_id, deal.c.status)
# The funnel's sums read this index alone (no table row per deal).
Index(
    "ix_deal_funnel",
    deal.c.deleted,
    deal.c.status,
    deal.c.stage,
    deal.c.owner,
    deal.c.amount_fen,
    deal.c.probability,
)
# A card's customer name and industry, and the customer's last activity,
# each read from an index alone (20,000 cards: ~40 ms less each).
Index("ix_customer_card", customer.c.id, customer.c.name, customer.c.industry)
Index("ix_activity_last", activity.c.customer_id, activity.c.deleted, activity.c.occurred_at)
# Today (0013): the visits of a day; customers waiting for the registry or
# whose protection (or release for want of follow-ups) ends soon.
Index("ix_activity_kind_time", activity.c.kind, activity.c.occurred_at)
Index("ix_customer_registration", customer.c.registration, customer.c.protected_until)
Index("ix_customer_release", customer.c.registration, customer.c.release_due_at)

# A deal's stage history, append-only like activities.
stage_change = Table(
    "stage_change",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("deal_id", String(36), ForeignKey("deal.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("from_stage", Integer, nullable=True),
    Column("to_stage", Integer, nullable=False),
    Column("changed_at", String(40), nullable=False),
    Column("changed_by", String(64), nullable=False, server_default=""),
    Column("reason", Text, nullable=False, server_default=""),
    Column("overridden", Text, nullable=False, server_default="[]"),
    *_sync_columns(),
)
Index("ix_stage_change_deal", stage_change.c.deal_id, stage_change.c.changed_at)
# The forecast's pipeline, won and lost per month, read from the index
# alone (``ix_deal_funnel``'s columns first, so the funnel may use either).
Index(
    "ix_deal_forecast",
    deal.c.deleted,
    deal.c.status,
    deal.c.stage,
    deal.c.owner,
    deal.c.amount_fen,
    deal.c.probability,
    deal.c.closed_on,
    deal.c.close_date,
)
# Stalled deals: every open deal's stay and what the list shows, from a
# partial index of the open deals alone (20,000 entries, not 120,000).
Index(
    "ix_deal_open_stay",
    deal.c.deleted,
    deal.c.stage_entered_at,
    deal.c.owner,
    deal.c.id,
    deal.c.customer_id,
    deal.c.name,
    deal.c.stage,
    deal.c.amount_fen,
    deal.c.close_date,
    deal.c.status,
    sqlite_where=text("status = 'open'"),
)

# The forecast's per-deal stage facts, rewritten from a deal's stage history
# whenever a change is added to it (``storage/forecast_facts.py``): for each
# stage the deal entered, whether it later got further (a later stage or
# won), how many of its stays there ended and how long they lasted in
# microseconds.  Conversion and days per stage are a GROUP BY over these.
deal_stage_fact = Table(
    "deal_stage_fact",
    metadata,
    Column("deal_id", String(36), ForeignKey("deal.id"), primary_key=True),
    Column("stage", Integer, primary_key=True),
    Column("converted", Integer, nullable=False),
    Column("stays", Integer, nullable=False),
    Column("spent_us", Integer, nullable=False),
)
# Conversion reads this index alone, in stage order.
Index(
    "ix_deal_stage_fact_stage",
    deal_stage_fact.c.stage,
    deal_stage_fact.c.converted,
    deal_stage_fact.c.stays,
    deal_stage_fact.c.spent_us,
    deal_stage_fact.c.deal_id,
)

# Filled-in worksheets, attached to a customer and (for an opportunity
# worksheet) to one of its deals; a team worksheet (the large-deal report, a
# roll-up across deals) to neither.  ``score_percent`` and ``low_verdict`` are
# derived when the sheet is saved (a score sheet's percent of its maximum and
# whether its verdict is the template's lowest; null and false for other
# layouts), kept for the board's low-score flag without reading every
# sheet's data.
worksheet = Table(
    "worksheet",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("template", String(64), nullable=False),
    Column("customer_id", String(36), ForeignKey("customer.id"), nullable=True),
    Column("deal_id", String(36), ForeignKey("deal.id"), nullable=True),
    Column("dated", String(10), nullable=False),
    Column("data", Text, nullable=False, server_default="{}"),
    Column("author", String(64), nullable=False, server_default=""),
    Column("score_percent", Integer, nullable=True),
    Column("low_verdict", Boolean, nullable=False, server_default=text("0")),
    *_sync_columns(),
)
Index("ix_worksheet_deal", worksheet.c.deal_id, worksheet.c.template)
# What the board reads of a customer's worksheets, from the index alone.
Index(
    "ix_worksheet_customer",
    worksheet.c.customer_id,
    worksheet.c.deleted,
    worksheet.c.deal_id,
    worksheet.c.template,
    worksheet.c.score_percent,
    worksheet.c.low_verdict,
)

# Quotes (报价单; docs/quotes.md).  One row per version: ``number`` is shared
# by a quote's versions.  Lines and milestones are JSON text (every Decimal as
# its exact decimal text); ``net_fen``, ``vat_fen`` and ``total_fen`` are the
# printed totals (``quote.quote_totals``) in whole fen, kept for lists.
quote = Table(
    "quote",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("number", String(40), nullable=False),
    Column("version", Integer, nullable=False),
    Column("customer_id", String(36), ForeignKey("customer.id"), nullable=False),
    Column("deal_id", String(36), ForeignKey("deal.id"), nullable=True),
    Column("title", String(200), nullable=False, server_default=""),
    Column("status", String(20), nullable=False),
    Column("price_mode", String(16), nullable=False),
    Column("currency", String(3), nullable=False, server_default="CNY"),
    Column("quote_date", String(10), nullable=False),
    Column("valid_until", String(10), nullable=True),
    Column("lines", Text, nullable=False, server_default="[]"),
    Column("milestones", Text, nullable=False, server_default="[]"),
    Column("delivery_terms", Text, nullable=False, server_default=""),
    Column("notes", Text, nullable=False, server_default=""),
    Column("language", String(8), nullable=False, server_default="zh_CN"),
    Column("author", String(64), nullable=False, server_default=""),
    Column("discount_limit", String(16), nullable=False, server_default="10"),
    Column("sent_at", String(40), nullable=True),
    Column("net_fen", Integer, nullable=False, server_default=text("0")),
    Column("vat_fen", Integer, nullable=False, server_default=text("0")),
    Column("total_fen", Integer, nullable=False, server_default=text("0")),
    *_sync_columns(),
    UniqueConstraint("number", "version"),
)
Index("ix_quote_customer", quote.c.customer_id, quote.c.deleted)
# The deal's quotes, and the board's "has a quote" from the index alone.
Index("ix_quote_deal", quote.c.deal_id, quote.c.deleted)
Index("ix_quote_status", quote.c.status, quote.c.quote_date)

# Discount approval requests (``decision`` null) and a manager's decisions.
quote_approval = Table(
    "quote_approval",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("quote_id", String(36), ForeignKey("quote.id"), nullable=False),
    Column("at", String(40), nullable=False),
    Column("by", String(64), nullable=False, server_default=""),
    Column("max_discount", String(16), nullable=False),
    Column("decision", String(16), nullable=True),
    Column("note", Text, nullable=False, server_default=""),
    *_sync_columns(),
)
Index("ix_quote_approval_quote", quote_approval.c.quote_id, quote_approval.c.at)

# Proposals (解决方案建议书) of a customer and, mostly, one of its deals:
# which sections are in, their edited texts and the benefit model's figures
# (JSON text).  Written by ``storage/proposal_repository.py``.
proposal = Table(
    "proposal",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), ForeignKey("customer.id"), nullable=False),
    Column("deal_id", String(36), ForeignKey("deal.id"), nullable=True),
    Column("quote_id", String(36), nullable=True),
    Column("title", String(200), nullable=False, server_default=""),
    Column("language", String(8), nullable=False, server_default="zh_CN"),
    Column("dated", String(10), nullable=False),
    Column("author", String(64), nullable=False, server_default=""),
    Column("sections", Text, nullable=False, server_default="{}"),
    Column("benefit", Text, nullable=False, server_default="{}"),
    *_sync_columns(),
)
Index("ix_proposal_customer", proposal.c.customer_id)
Index("ix_proposal_deal", proposal.c.deal_id)

# The desk's own catalogue (edited or imported), as ``catalogue_to_data``
# JSON in one row keyed 'current'; none means the shipped catalogue.  Local:
# never synced.
catalogue_doc = Table(
    "catalogue_doc",
    metadata,
    Column("key", String(16), primary_key=True),
    Column("version", String(100), nullable=False),
    Column("data", Text, nullable=False),
    Column("updated_at", String(40), nullable=False),
)

# The last quote sequence number given out per local day (YYYYMMDD).
# Local: a quote number is unique by the rep's code in it.
quote_sequence = Table(
    "quote_sequence",
    metadata,
    Column("day", String(8), primary_key=True),
    Column("last", Integer, nullable=False),
)

# Presales (docs/presales.md; 0009): a rep's support request, the
# consultant's engagement on it and the engagement's demos and surveys,
# synced like deals.  Lists and mappings are JSON text; ``deal_id`` is NULL
# for a customer without a deal (no foreign key: the registry shows a
# request to whoever sees its customer, with or without the deal).  A pulled
# row may lack a time the desk always writes, so those are nullable.
support_request = Table(
    "support_request",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), ForeignKey("customer.id"), nullable=False),
    Column("deal_id", String(36), nullable=True),
    Column("kind", String(32), nullable=False),
    Column("wanted_from", String(10), nullable=True),
    Column("wanted_until", String(10), nullable=True),
    Column("modules", Text, nullable=False, server_default="[]"),
    Column("attendees", Text, nullable=False, server_default="[]"),
    Column("customer_cares", Text, nullable=False, server_default=""),
    Column("notes", Text, nullable=False, server_default=""),
    Column("state", String(16), nullable=False, server_default="draft"),
    Column("decline_reason", Text, nullable=False, server_default=""),
    Column("consultant", String(64), nullable=False, server_default=""),
    Column("requested_by", String(64), nullable=False, server_default=""),
    Column("team", String(64), nullable=False, server_default=""),
    Column("submitted_at", String(40), nullable=True),
    Column("decided_at", String(40), nullable=True),
    *_sync_columns(),
)
# A deal's requests (its presales status: the latest); a customer's; the
# lead's queue and a consultant's assigned requests by wanted date.
Index(
    "ix_support_request_deal",
    support_request.c.deal_id,
    support_request.c.deleted,
    support_request.c.created_at,
)
Index("ix_support_request_customer", support_request.c.customer_id, support_request.c.deleted)
Index(
    "ix_support_request_state",
    support_request.c.state,
    support_request.c.consultant,
    support_request.c.wanted_from,
)

presales_engagement = Table(
    "presales_engagement",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("request_id", String(36), ForeignKey("support_request.id"), nullable=False),
    Column("customer_id", String(36), ForeignKey("customer.id"), nullable=False),
    Column("deal_id", String(36), nullable=True),
    Column("consultant", String(64), nullable=False, server_default=""),
    Column("step", Integer, nullable=False, server_default=text("1")),
    Column("checklist", Text, nullable=False, server_default="{}"),
    Column("history", Text, nullable=False, server_default="[]"),
    Column("technical_win", String(8), nullable=False, server_default="open"),
    Column("opened_at", String(40), nullable=True),
    Column("closed_at", String(40), nullable=True),
    Column("notes", Text, nullable=False, server_default=""),
    *_sync_columns(),
)
Index("ix_presales_engagement_request", presales_engagement.c.request_id)
# A consultant's open engagements, oldest first (``closed_at`` NULL: open).
Index(
    "ix_presales_engagement_consultant",
    presales_engagement.c.consultant,
    presales_engagement.c.deleted,
    presales_engagement.c.closed_at,
    presales_engagement.c.opened_at,
)

presales_task = Table(
    "presales_task",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("engagement_id", String(36), ForeignKey("presales_engagement.id"), nullable=False),
    Column("customer_id", String(36), ForeignKey("customer.id"), nullable=False),
    Column("deal_id", String(36), nullable=True),
    Column("kind", String(16), nullable=False),
    Column("title", String(400), nullable=False, server_default=""),
    Column("starts_at", String(40), nullable=True),
    Column("ends_at", String(40), nullable=True),
    Column("place", String(400), nullable=False, server_default=""),
    Column("online", Boolean, nullable=False, server_default=text("0")),
    Column("our_attendees", Text, nullable=False, server_default="[]"),
    Column("customer_attendees", Text, nullable=False, server_default="[]"),
    Column("state", String(16), nullable=False, server_default="planned"),
    Column("outcome", Text, nullable=False, server_default=""),
    Column("follow_ups", Text, nullable=False, server_default="[]"),
    # a demo's
    Column("modules", Text, nullable=False, server_default="[]"),
    Column("scenarios", Text, nullable=False, server_default="[]"),
    Column("environment", Text, nullable=False, server_default=""),
    Column("data_prep", Text, nullable=False, server_default=""),
    Column("feedback", Text, nullable=False, server_default="{}"),
    # a survey's
    Column("departments", Text, nullable=False, server_default="[]"),
    Column("interviews", Text, nullable=False, server_default="[]"),
    Column("answers", Text, nullable=False, server_default="{}"),
    Column("findings", Text, nullable=False, server_default="[]"),
    *_sync_columns(),
)
Index("ix_presales_task_engagement", presales_task.c.engagement_id, presales_task.c.starts_at)
# The open work by date: planned tasks of a week, overdue and upcoming demos.
Index(
    "ix_presales_task_open",
    presales_task.c.deleted,
    presales_task.c.state,
    presales_task.c.starts_at,
)

# The desk's own presales content (docs/presales.md; 0010): an entry of the
# knowledge base (``kind`` module, industry, competitor) or a module's survey
# questionnaire (``questionnaire``) edited or added on this desk, as plain
# data (JSON text), or a shipped entry the company removed (``removed``).
# Local: never synced (company content is distributed as files).  Written by
# ``storage/content_repository.py``.
presales_content = Table(
    "presales_content",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("code", String(64), primary_key=True),
    Column("data", Text, nullable=False, server_default="{}"),
    Column("removed", Boolean, nullable=False, server_default=text("0")),
    Column("updated_at", String(40), nullable=False),
    Column("updated_by", String(64), nullable=False, server_default=""),
)

# Todos (docs/todos.md; 0011): a next step promised at an activity or a
# rep's own task, due at a time, about a customer (and maybe its deal),
# synced like deals.  ``done_at`` NULL: open.  ``reminded_at`` is when this
# desk last notified the user: desk-local, never synced.  No foreign key to
# the deal or the activity: a pulled todo may name one this desk lacks.
todo = Table(
    "todo",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), ForeignKey("customer.id"), nullable=False),
    Column("deal_id", String(36), nullable=True),
    Column("activity_id", String(36), nullable=True),
    Column("kind", String(16), nullable=False, server_default="task"),
    Column("title", String(200), nullable=False),
    Column("due_at", String(40), nullable=False),
    Column("notes", Text, nullable=False, server_default=""),
    Column("done_at", String(40), nullable=True),
    Column("reminded_at", String(40), nullable=True),
    *_sync_columns(),
)
# Open todos by due time (overdue, today, this week); a customer's; a deal's.
Index("ix_todo_open_due", todo.c.done_at, todo.c.due_at)
Index("ix_todo_customer", todo.c.customer_id)
Index("ix_todo_deal", todo.c.deal_id)
