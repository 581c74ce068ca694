"""The registry database's tables (SQLAlchemy Core).

Alembic compares against this metadata (``migrations/registry``); services
write with Core statements and hand plain dataclasses upwards.

Rules that must hold across several workers are constraints here, not code:
one protected (or pending) owner per company is two partial unique indexes
over the customers that hold a registration slot, by credit code and by
normalised name.  Times are ``UTCDateTime``: aware UTC datetimes in Python,
``timestamptz`` on PostgreSQL, naive UTC text on SQLite.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    false,
    literal_column,
    text,
)
from sqlalchemy.types import TypeDecorator

# Registration statuses of a customer that hold the company's slot.
ACTIVE_STATUSES = ("pending", "protected")
# "unregistered": created by a desk's sync push, never registered (holds no slot).
CUSTOMER_STATUSES = ("unregistered", "pending", "protected", "invalid", "pool")
REGISTRATION_STATUSES = ("pending", "verified", "rejected")
ROLES = ("rep", "presales", "admin", "telemarketer", "manager")

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every database."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.utcoffset() is None:
            raise ValueError("the registry stores aware datetimes only")
        aware = value.astimezone(UTC)
        return aware.replace(tzinfo=None) if dialect.name == "sqlite" else aware

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", String(100), nullable=False),
    Column("role", String(16), nullable=False),
    Column("team", String(64), nullable=False, server_default=""),
    Column("password_hash", String(255), nullable=False),
    Column("disabled", Boolean, nullable=False, server_default=false()),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    # A rep's profile for allocation suggestions (methodology section 7:
    # project type, size, location, sales ability): the industries, size
    # bands and regions (provinces or cities) the rep covers, ability 1-5.
    Column("industries", JSON, nullable=False, server_default=text("'[]'")),
    Column("size_bands", JSON, nullable=False, server_default=text("'[]'")),
    Column("regions", JSON, nullable=False, server_default=text("'[]'")),
    Column("ability", Integer, nullable=False, server_default=text("3")),
    # A presales consultant who leads its team's presales work (schema 0012):
    # it decides the team's support requests and assigns consultants.
    Column("presales_lead", Boolean, nullable=False, server_default=false()),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # sha256 of the bearer token, hex; the token itself is never stored.
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime, nullable=True),
)
Index("ix_tokens_user_id", tokens.c.user_id)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False),
    Column("client", String(64), nullable=False, server_default=""),
    Column("at", UTCDateTime, nullable=False),
    Column("succeeded", Boolean, nullable=False),
)
Index("ix_login_attempts_username_at", login_attempts.c.username, login_attempts.c.at)
Index("ix_login_attempts_client_at", login_attempts.c.client, login_attempts.c.at)

EXEMPT_REASON_LENGTH = 500  # customers.exempt_reason

customers = Table(
    "customers",
    metadata,
    # The desk's client-made UUID.
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("name_key", String(200), nullable=False),
    Column("uscc", String(18), nullable=False, server_default=""),
    # The other customer fields as the desk sent them (short_name, industry, ...).
    Column("fields", JSON, nullable=False),
    Column("owner_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("status", String(16), nullable=False),
    Column("protected_since", UTCDateTime, nullable=True),
    Column("protected_until", UTCDateTime, nullable=True),
    Column("verified_at", UTCDateTime, nullable=True),
    Column("released_at", UTCDateTime, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("change_number", BigInteger, nullable=False, server_default=text("0")),
    # Sync (``erpdesk.registry.sync``): per desk-editable field, the change
    # number that last wrote it and who wrote it ({field: [number, writer]}),
    # for the three-way merge; and the tombstone of a desk delete.
    Column("field_versions", JSON, nullable=False, server_default=text("'{}'")),
    Column("deleted", Boolean, nullable=False, server_default=false()),
    # Protection (``protection``): the last follow-up counted (registry
    # clock), when the customer goes to the pool (the earlier of
    # ``protected_until`` and the follow-up deadline; NULL unless
    # protected), when its owner was warned of that date, and who held it
    # before its release (for the claim-back cool-down).
    Column("last_follow_up_at", UTCDateTime, nullable=True),
    Column("release_due_at", UTCDateTime, nullable=True),
    Column("warned_at", UTCDateTime, nullable=True),
    Column("last_owner_id", Integer, ForeignKey("users.id"), nullable=True),
    # Exempt from release to the pool (a won customer; schema 0007): since
    # when, and the administrator's reason.  NULL: not exempt.
    Column("exempt_since", UTCDateTime, nullable=True),
    Column("exempt_reason", String(EXEMPT_REASON_LENGTH), nullable=True),
)
_ACTIVE_USCC = text(f"uscc != '' AND {_in('status', ACTIVE_STATUSES)}")
_ACTIVE = text(_in("status", ACTIVE_STATUSES))
# "The customer holds its company's slot", with the statuses written into the
# SQL (an IN of bound values is re-rendered by SQLAlchemy at every execution:
# ~1 ms of a registration's Python, docs/benchmarks.md).
HOLDS_SLOT = customers.c.status.in_([literal_column(f"'{s}'") for s in ACTIVE_STATUSES])
Index(
    "uq_customers_active_uscc", customers.c.uscc, unique=True,
    postgresql_where=_ACTIVE_USCC, sqlite_where=_ACTIVE_USCC,
)
Index(
    "uq_customers_active_name_key", customers.c.name_key, unique=True,
    postgresql_where=_ACTIVE, sqlite_where=_ACTIVE,
)
Index("ix_customers_owner_status", customers.c.owner_id, customers.c.status)
Index("ix_customers_uscc", customers.c.uscc)
Index("ix_customers_name_key", customers.c.name_key)
Index("ix_customers_change_number", customers.c.change_number)
Index("ix_customers_owner_change", customers.c.owner_id, customers.c.change_number)
Index("ix_customers_status_release_due", customers.c.status, customers.c.release_due_at)

# Distinct 2-character pieces of each customer's name key: the SQL prefilter
# of the near-name check (``checks``; why it never misses, in its docstring).
# Each row repeats the key and its length, and the primary key (the only
# index: every row written costs one index entry) covers them, so that the
# prefilter's tests run on the index alone (no visit to ``customers`` for a
# candidate it then throws away).  A customer's rows are found again from
# its old key (``checks.index_name``).
customer_name_grams = Table(
    "customer_name_grams",
    metadata,
    Column("gram", String(2), primary_key=True),
    Column("key_length", SmallInteger, primary_key=True, autoincrement=False),
    Column("name_key", String(200), primary_key=True),
    # No foreign key: an index kept by the code that writes names (schema 0006).
    Column("customer_id", String(36), primary_key=True),
)

registrations = Table(
    "registrations",
    metadata,
    # The desk's client-made UUID of the request: a repeat is answered from here.
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), ForeignKey("customers.id"), nullable=False),
    Column("rep_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("urgent", Boolean, nullable=False, server_default=false()),
    Column("need", Text, nullable=False),
    # The evidence as submitted: the visit, the contacts, the customer fields.
    Column("visit", JSON, nullable=False),
    Column("contacts", JSON, nullable=False),
    Column("customer_snapshot", JSON, nullable=False),
    Column("status", String(16), nullable=False),
    Column("reasons", Text, nullable=False, server_default=""),
    Column("submitted_at", UTCDateTime, nullable=False),
    Column("deadline", UTCDateTime, nullable=False),
    Column("decided_at", UTCDateTime, nullable=True),
    Column("decided_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("change_number", BigInteger, nullable=False, server_default=text("0")),
    # The possible duplicates found by the near-name check (schema 0010; each
    # entry as ``erpdesk.registry.near_checks.near_match_json`` writes it;
    # JSON null: not checked yet, ``near_checks``).
    Column("near_matches", JSON, nullable=False, server_default=text("'[]'")),
)
Index(
    "ix_registrations_queue", registrations.c.status, registrations.c.urgent,
    registrations.c.submitted_at,
)
Index("ix_registrations_customer_id", registrations.c.customer_id)
Index("ix_registrations_rep_id", registrations.c.rep_id)

# Activities on a customer: registry-made ones (the call-back result, ...)
# and the desks' (pushed by sync, keyed by the desk's UUID); append-only.
customer_activities = Table(
    "customer_activities",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), ForeignKey("customers.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("summary", Text, nullable=False),
    Column("outcome", Text, nullable=False, server_default=""),
    # Who wrote it: the administrator of a call-back, the rep of a pushed one.
    Column("user_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("change_number", BigInteger, nullable=False, server_default=text("0")),
    Column("contact_id", String(36), nullable=True),
    Column("next_step", Text, nullable=False, server_default=""),
    Column("deleted", Boolean, nullable=False, server_default=false()),
)
Index(
    "ix_customer_activities_customer_id", customer_activities.c.customer_id,
    customer_activities.c.occurred_at,
)
Index("ix_customer_activities_change_number", customer_activities.c.change_number)

# The desks' contacts of a customer, keyed by the desk's UUID.
customer_contacts = Table(
    "customer_contacts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), ForeignKey("customers.id"), nullable=False),
    # The desk's fields (name, title, department, level, mobile, ...).
    Column("fields", JSON, nullable=False),
    Column("field_versions", JSON, nullable=False, server_default=text("'{}'")),
    Column("deleted", Boolean, nullable=False, server_default=false()),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("change_number", BigInteger, nullable=False, server_default=text("0")),
)
Index("ix_customer_contacts_customer_id", customer_contacts.c.customer_id)
Index("ix_customer_contacts_change_number", customer_contacts.c.change_number)

# Every sync op the registry decided, kept ``op_retention_days``: a replay of
# ``op_id`` is answered from ``response`` (status ``duplicate``).
applied_ops = Table(
    "applied_ops",
    metadata,
    Column("op_id", String(36), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("status", String(16), nullable=False),  # applied, conflict, rejected
    Column("reason", String(64), nullable=False, server_default=""),
    Column("server_version", BigInteger, nullable=True),
    Column("response", JSON, nullable=False),
    Column("applied_at", UTCDateTime, nullable=False),
)
Index("ix_applied_ops_applied_at", applied_ops.c.applied_at)

# A desk value that lost a three-way merge (both sides changed the field):
# the registry kept its value; the desk shows this and may re-apply it.
sync_conflicts = Table(
    "sync_conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("field", String(64), nullable=False),
    Column("registry_value", JSON, nullable=True),
    Column("desk_value", JSON, nullable=True),
    Column("op_id", String(36), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("resolved_at", UTCDateTime, nullable=True),
)
Index("ix_sync_conflicts_entity", sync_conflicts.c.entity, sync_conflicts.c.entity_id)
Index("ix_sync_conflicts_user_id", sync_conflicts.c.user_id, sync_conflicts.c.resolved_at)

# Each desk's last sync and its clock against the registry's.
sync_devices = Table(
    "sync_devices",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    Column("device_id", String(64), primary_key=True),
    Column("last_push_at", UTCDateTime, nullable=True),
    Column("last_pull_at", UTCDateTime, nullable=True),
    Column("last_device_time", UTCDateTime, nullable=True),
    Column("last_registry_time", UTCDateTime, nullable=False),
    Column("skew_seconds", Integer, nullable=False, server_default=text("0")),
)

# A user gaining ("grant") or losing ("revoke") sight of a customer (its
# owner changed) or of one deal of it (``deal_id``: the deal's team changed;
# schema 0011); stamped with a change number so that pull tells the desk
# (``sync.access``).  Pruned after ``op_retention_days``.
sync_access = Table(
    "sync_access",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), ForeignKey("customers.id"), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("kind", String(8), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("change_number", BigInteger, nullable=False, server_default=text("0")),
    Column("deal_id", String(36), nullable=True),
    # Or one support request of it (schema 0012): the request, its
    # engagement and tasks, with the customer row and the request's deal.
    Column("request_id", String(36), nullable=True),
)
Index("ix_sync_access_user_change", sync_access.c.user_id, sync_access.c.change_number)
Index("ix_sync_access_created_at", sync_access.c.created_at)

# The desk's record types that came after customers (deals, stage changes,
# worksheets, quotes, quote approvals, proposals; ``sync.entities``): one
# table for all, keyed by the desk's UUID.  ``customer_id`` is the customer
# every record belongs to (a stage change's, an approval's through its deal
# or quote), ``deal_id`` its deal (a deal's is itself), ``quote_id`` an
# approval's quote: they decide who sees it.  ``owner_id`` is a deal's owner
# (the user that created it), ``user_id`` the user whose desk created the record.
synced_records = Table(
    "synced_records",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("entity", String(32), nullable=False),
    Column("customer_id", String(36), ForeignKey("customers.id"), nullable=False),
    Column("deal_id", String(36), nullable=True),
    Column("quote_id", String(36), nullable=True),
    Column("owner_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("fields", JSON, nullable=False),
    Column("field_versions", JSON, nullable=False, server_default=text("'{}'")),
    Column("deleted", Boolean, nullable=False, server_default=false()),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("change_number", BigInteger, nullable=False, server_default=text("0")),
    # Presales records (schema 0012): the support request a request, an
    # engagement or a task belongs to (a request's is itself; it decides who
    # sees them), and a task's engagement.
    Column("request_id", String(36), nullable=True),
    Column("engagement_id", String(36), nullable=True),
)
Index("ix_synced_records_change_number", synced_records.c.change_number)
Index("ix_synced_records_customer_id", synced_records.c.customer_id)
Index("ix_synced_records_deal_id", synced_records.c.deal_id)
Index("ix_synced_records_request_id", synced_records.c.request_id)

# Who a support request concerns (schema 0012; ``sync.presales``), one row
# per request, rewritten with it: the requesting rep, the rep's team (its
# presales lead and manager see the request) and the assigned consultant
# (a registry user name; empty until assigned).  The pull's filter reads it.
presales_requests = Table(
    "presales_requests",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), nullable=False),
    Column("deal_id", String(36), nullable=True),
    Column("requester_id", Integer, nullable=False),
    Column("team", String(64), nullable=False, server_default=""),
    Column("consultant", String(64), nullable=False, server_default=""),
)
Index("ix_presales_requests_requester_id", presales_requests.c.requester_id)
Index("ix_presales_requests_team", presales_requests.c.team)
Index("ix_presales_requests_consultant", presales_requests.c.consultant)
Index("ix_presales_requests_customer_id", presales_requests.c.customer_id)

# The registry user names on each deal's team (its ``team`` field): they
# see the deal and its records.  Rewritten with the deal's team.
deal_members = Table(
    "deal_members",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("deal_id", String(36), primary_key=True),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("actor_id", Integer, ForeignKey("users.id"), nullable=True),
    # The actor's user name, or "cli:<os user>" for the command line.
    Column("actor", String(100), nullable=False),
    Column("action", String(64), nullable=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("reason", Text, nullable=False, server_default=""),
    Column("before", JSON, nullable=True),
    Column("after", JSON, nullable=True),
)
Index("ix_audit_log_entity", audit_log.c.entity, audit_log.c.entity_id)
Index("ix_audit_log_at", audit_log.c.at)
Index("ix_audit_log_actor_action_at", audit_log.c.actor_id, audit_log.c.action, audit_log.c.at)

# Messages to a user: a coming release to the pool, a release, a lead's
# hand-over or outcome.  ``params`` fill the message on the reader's side.
notifications = Table(
    "notifications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("params", JSON, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("read_at", UTCDateTime, nullable=True),
)
Index("ix_notifications_user", notifications.c.user_id, notifications.c.read_at, notifications.c.id)

LEAD_STATUSES = ("new", "handed_over", "accepted", "returned")
LEAD_OUTCOMES = ("signed", "lost", "invalid", "follow_up")

# Telemarketing leads (电话营销): entered by a telemarketer, handed over to
# the administrator, who signs for them (and allocates them to a rep); the
# outcome goes back to both.
leads = Table(
    "leads",
    metadata,
    # The client-made UUID: entering a lead again is answered from here.
    Column("id", String(36), primary_key=True),
    Column("company_name", String(200), nullable=False),
    Column("name_key", String(200), nullable=False),
    Column("uscc", String(18), nullable=False, server_default=""),
    # industry, size_band, province, city, address, phone, project_type ...
    Column("fields", JSON, nullable=False),
    Column("contact_name", String(100), nullable=False, server_default=""),
    Column("contact_phone", String(40), nullable=False, server_default=""),
    Column("need", Text, nullable=False, server_default=""),
    Column("notes", Text, nullable=False, server_default=""),
    Column("telemarketer_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("status", String(16), nullable=False),
    Column("handed_over_at", UTCDateTime, nullable=True),
    Column("accepted_at", UTCDateTime, nullable=True),
    Column("accepted_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("customer_id", String(36), ForeignKey("customers.id"), nullable=True),
    Column("rep_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("outcome", String(16), nullable=True),
    Column("outcome_note", Text, nullable=False, server_default=""),
    Column("outcome_at", UTCDateTime, nullable=True),
    Column("outcome_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("change_number", BigInteger, nullable=False, server_default=text("0")),
)
Index("ix_leads_telemarketer", leads.c.telemarketer_id, leads.c.created_at)
Index("ix_leads_status", leads.c.status, leads.c.handed_over_at)
Index("ix_leads_rep_id", leads.c.rep_id)
Index("ix_leads_customer_id", leads.c.customer_id)

# Periodic jobs (the protection sweep): a lease row per job, taken with a
# conditional UPDATE, so that of several workers one runs it at a time.
job_leases = Table(
    "job_leases",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("holder", String(64), nullable=False, server_default=""),
    Column("lease_until", UTCDateTime, nullable=True),
    Column("last_run_at", UTCDateTime, nullable=True),
    Column("last_result", JSON, nullable=True),
)

# Administrator settings (``policy``), as text; absent keys take the defaults.
settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", String(64), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

# The registry-wide change cursor (``changes``): one row per named counter,
# taken with UPDATE ... RETURNING as the last write of a transaction.
change_counter = Table(
    "change_counter",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# One row per change number: what changed.  Pull pages through it.
changes = Table(
    "changes",
    metadata,
    Column("number", BigInteger, primary_key=True, autoincrement=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)
Index("ix_changes_entity", changes.c.entity, changes.c.entity_id)
