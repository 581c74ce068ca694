"""Use cases: one method per thing a user does; they own the transactions."""
