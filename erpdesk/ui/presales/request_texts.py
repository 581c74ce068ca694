"""How a support request's status reads and looks wherever it shows (the
request dialog, the deal page's presales tab, the board's card badge): its
state as a coloured chip, the engagement's step as "5/8 DEMO演示" and the
technical win, so the three places never disagree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from erpdesk.domain.presales import RequestState, TechnicalWin
from erpdesk.ui.funnel import names_text
from erpdesk.ui.widgets import enum_text

if TYPE_CHECKING:
    from erpdesk.domain.playbook import Playbook
    from erpdesk.services.presales_status import PresalesBadge

# A state's colour: grey while the rep holds it, amber while the lead
# decides, blue while presales works, green done, red declined.
STATE_COLOURS: dict[RequestState, str] = {
    RequestState.DRAFT: "#78909c",
    RequestState.SUBMITTED: "#ef6c00",
    RequestState.ACCEPTED: "#f9a825",
    RequestState.DECLINED: "#c62828",
    RequestState.ASSIGNED: "#1565c0",
    RequestState.IN_PROGRESS: "#1565c0",
    RequestState.DONE: "#2e7d32",
    RequestState.CANCELLED: "#9e9e9e",
}
WIN_COLOURS: dict[TechnicalWin, str] = {
    TechnicalWin.OPEN: "#1565c0",
    TechnicalWin.WON: "#2e7d32",
    TechnicalWin.LOST: "#c62828",
}
WIN_MARKS = {TechnicalWin.WON: "✓", TechnicalWin.LOST: "✗"}
CHIP_STYLE = "padding: 1px 8px; border-radius: 8px; color: white; background: {colour};"


def chip_style(state: RequestState) -> str:
    """A QLabel style sheet showing *state* as a coloured chip."""
    return CHIP_STYLE.format(colour=STATE_COLOURS[state])


def step_text(playbook: Playbook, step: int | None) -> str:
    """ "5/8 DEMO演示": the engagement's step of the playbook's presales
    steps, in the window's language ("—" before an engagement is open)."""
    if step is None:
        return "—"
    steps = playbook.presales_steps
    if not 1 <= step <= len(steps):
        return str(step)
    return f"{step}/{len(steps)} {names_text(steps[step - 1].names)}"


def win_text(win: TechnicalWin | None) -> str:
    """The technical win's label with its mark ("✓ Technical win")."""
    if win is None:
        return "—"
    mark = WIN_MARKS.get(win)
    return f"{mark} {enum_text(win)}" if mark else enum_text(win)


def badge_text(badge: PresalesBadge, steps: int) -> str:
    """The card's short badge: "售前 5/8 ✓" with an engagement, else "售前 已提交"."""
    word = QCoreApplication.translate("PresalesStatus", "Presales")
    if badge.step is not None and steps:
        mark = WIN_MARKS.get(badge.technical_win) if badge.technical_win else None
        return f"{word} {badge.step}/{steps}" + (f" {mark}" if mark else "")
    return f"{word} {enum_text(badge.state)}"


def badge_colour(badge: PresalesBadge) -> str:
    """The badge's colour: the technical win's once decided, else the state's."""
    if badge.technical_win in (TechnicalWin.WON, TechnicalWin.LOST):
        return WIN_COLOURS[badge.technical_win]
    return STATE_COLOURS[badge.state]


def badge_tooltip(badge: PresalesBadge, playbook: Playbook) -> str:
    """The badge spelled out: kind and state, consultant, step, technical win."""
    lines = [
        QCoreApplication.translate("PresalesStatus", "Presales: {kind}, {state}").format(
            kind=enum_text(badge.kind), state=enum_text(badge.state)
        )
    ]
    if badge.consultant:
        lines.append(
            QCoreApplication.translate("PresalesStatus", "Consultant: {name}").format(
                name=badge.consultant
            )
        )
    if badge.step is not None:
        lines.append(
            QCoreApplication.translate("PresalesStatus", "Step {step}").format(
                step=step_text(playbook, badge.step)
            )
        )
        lines.append(win_text(badge.technical_win))
    return "\n".join(lines)
