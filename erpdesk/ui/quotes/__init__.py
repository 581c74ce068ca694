"""The quotes area of the window: the quote list, the quote editor, the
catalogue, the PDF preview and the company branding.

Every view here works over a ``QuoteServices`` bundle that the composition
root (``erpdesk.ui.launch``) hands to the main window; a view opened deeper
in the window (a deal page opened from the board) finds the bundle of the
window it belongs to with ``services_of``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from erpdesk.services.branding import BrandingService
    from erpdesk.services.customers import CustomerService
    from erpdesk.services.deals import DealService
    from erpdesk.services.proposals import ProposalService
    from erpdesk.services.quotes import QuoteService

# The attribute of a window (``MainWindow``) that holds its QuoteServices.
ATTRIBUTE = "quote_services"


@dataclass
class QuoteServices:
    """What the quote views use: the quote service, the branding service
    (None: the PDF is printed with the default branding), and the customer
    and deal services (names, a customer's deals), and the proposal service
    (None: no "Proposal…" button)."""

    quotes: QuoteService
    customers: CustomerService
    branding: BrandingService | None = None
    deals: DealService | None = None
    proposals: ProposalService | None = None

    @property
    def feed(self) -> Any:
        return self.quotes.feed


def root_window(widget: QWidget | None) -> QWidget | None:
    """The outermost window *widget* belongs to (the main window for a deal
    page opened from it): editors opened there live as long as it does and
    are asked about unsaved changes when it closes, not when a deal page
    closes."""
    if widget is None:
        return None
    window = widget.window()
    while (opener := window.parentWidget()) is not None:
        window = opener.window()
    return window


def services_of(widget: QWidget | None) -> QuoteServices | None:
    """The QuoteServices of the window *widget* is in (walking up its
    parents, then the windows that opened it), or None."""
    seen = 0
    while widget is not None and seen < 64:
        found = getattr(widget, ATTRIBUTE, None)
        if isinstance(found, QuoteServices):
            return found
        widget = widget.parentWidget()
        seen += 1
    return None
