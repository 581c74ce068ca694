"""The desk's side of the sync protocol (docs/sync.md).

No Qt and no SQL here: the database is reached through
``erpdesk.storage.sync_store``, the registry through ``client``.
"""
