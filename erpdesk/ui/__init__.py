"""The desk's PySide6 window: item models, views and dialogs over the services.

Nothing in this package writes SQL or holds a database session; it asks the
services (``erpdesk.services``) for plain rows and listens to their change
feed.
"""
