"""The sales funnel's windows: the board (看板), the list, the forecast, the
gate dialog and a deal's page.

Shared helpers of the area live here: the money format every funnel view
uses and the language the playbook's names are shown in.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QCoreApplication

from erpdesk.domain.deal import DealStatus
from erpdesk.domain.playbook import Names

YUAN = Decimal(1)


def ui_language() -> str:
    """ "zh_CN" when the installed translation is Chinese, else "en" (the
    playbook's names come in both; the window shows the one it speaks)."""
    label = DealStatus.WON.label
    return "en" if QCoreApplication.translate("Domain", label) == label else "zh_CN"


def names_text(names: Names) -> str:
    """A playbook name in the window's language."""
    return names.text(ui_language())


WAN = Decimal(10_000)
YI = Decimal(100_000_000)


def money_text(amount: Decimal) -> str:
    """The board's money format, in the units Chinese sales people count
    in: "¥9,999" below 1万, "¥273.8万" below 1亿, "¥69.86亿" from 1亿
    (half-up); ``money_exact`` gives the fen (tooltips, the list)."""
    size = abs(amount)
    if size < WAN:
        return f"¥{amount.quantize(YUAN, rounding=ROUND_HALF_UP):,}"
    if size < YI:
        return f"¥{(amount / WAN).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,}万"
    return f"¥{(amount / YI).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}亿"


def money_exact(amount: Decimal) -> str:
    """ "¥1,234,567.89": to the fen, for tooltips and the list's exact column."""
    return f"¥{amount.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}"
