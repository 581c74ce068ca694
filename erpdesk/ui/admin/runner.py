"""Registry calls off the UI thread: moved to ``erpdesk.ui.workbench.runner``
(the telemarketing workbench uses them too); kept here for the callers that
import them from the administrator's package."""

from erpdesk.ui.workbench.runner import Account, ApiRunner, MessageBar, error_text

__all__ = ["Account", "ApiRunner", "MessageBar", "error_text"]
