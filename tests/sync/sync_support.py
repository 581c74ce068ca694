"""Shared by the sync tests (importable by name, unlike conftest)."""

PASSWORD = "sync-test-password-1"
