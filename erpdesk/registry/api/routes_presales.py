"""``/api/v1/presales``: the presales consultants a lead assigns support
requests to (docs/registry.md, "Presales consultants").

``GET /consultants`` lists the active ``presales`` users a user may assign
or oversee: a team's presales lead and a manager those of their team, an
administrator all; each with its team, whether it leads it, and the open
engagements assigned to it (the synced ``presales_engagement`` records
naming it as consultant, not closed).  Anyone else is refused (403).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import Connection, false, func, select

from erpdesk.registry.accounts import User
from erpdesk.registry.api.deps import RegistryDep, protocol, require
from erpdesk.registry.api.presales_schemas import ConsultantOut, ConsultantsOut
from erpdesk.registry.api.schemas import ErrorOut
from erpdesk.registry.db.schema import synced_records, users
from erpdesk.registry.errors import Forbidden

router = APIRouter(
    prefix="/api/v1/presales", tags=["presales"], dependencies=[Depends(protocol(False))]
)
ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 422)
}
PresalesReaderDep = Annotated[User, Depends(require("presales", "manager", "admin"))]
PRESALES_ROLE = "presales"
ENGAGEMENT = "presales_engagement"
NOT_A_LEAD_TEXT = "Only a team's presales lead, a manager or an administrator lists the consultants"
MAX_PAGE = 500


def _team_of(user: User) -> str | None:
    """The team whose consultants *user* may list (None: every team);
    a presales user who leads no team may list none (refused)."""
    if user.role == "admin":
        return None
    if user.role == PRESALES_ROLE and not user.presales_lead:
        raise Forbidden(NOT_A_LEAD_TEXT, code="not_presales_lead")
    return user.team


def _open_engagements(conn: Connection, names: list[str]) -> dict[str, int]:
    """Per consultant of *names*: the engagements naming it and not closed."""
    if not names:
        return {}
    fields = synced_records.c.fields
    consultant = fields["consultant"].as_string()
    rows = conn.execute(
        select(consultant, func.count())
        .where(
            synced_records.c.entity == ENGAGEMENT,
            synced_records.c.deleted == false(),
            consultant.in_(names),
            func.coalesce(fields["closed_at"].as_string(), "") == "",
        )
        .group_by(consultant)
    )
    return {str(name): int(count) for name, count in rows}


def consultants_for(conn: Connection, user: User, limit: int, offset: int) -> ConsultantsOut:
    """The page of consultants *user* may list, by team then user name."""
    team = _team_of(user)
    where: list[Any] = [users.c.role == PRESALES_ROLE, users.c.disabled == false()]
    if team is not None:
        where.append(users.c.team == team)
    total = int(conn.execute(select(func.count()).select_from(users).where(*where)).scalar_one())
    rows = list(conn.execute(
        select(users.c.username, users.c.display_name, users.c.team, users.c.presales_lead)
        .where(*where)
        .order_by(users.c.team, users.c.username)
        .limit(limit)
        .offset(offset)
    ))  # fmt: skip
    counts = _open_engagements(conn, [r.username for r in rows])
    return ConsultantsOut(
        consultants=[
            ConsultantOut(
                username=r.username, display_name=r.display_name, team=r.team,
                lead=bool(r.presales_lead), open_engagements=counts.get(r.username, 0),
            )
            for r in rows
        ],
        total=total,
    )


@router.get(
    "/consultants",
    response_model=ConsultantsOut,
    responses=ERRORS,
    summary="The active presales consultants a lead may assign (a lead's or a manager's team; "
    "an administrator's: all) with their open engagements",
)
def consultants(
    registry: RegistryDep,
    user: PresalesReaderDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 200,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> ConsultantsOut:
    with registry.db.read() as conn:
        return consultants_for(conn, user, limit, offset)
