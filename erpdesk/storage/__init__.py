"""Persistence of the desk: SQLite through SQLAlchemy 2 (writes, schema) and a
thin sqlite3 read model for the lists the window shows (see docs/design.md)."""
