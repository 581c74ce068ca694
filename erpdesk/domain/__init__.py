"""Plain-Python domain: entities, value objects and rules.

Imports neither Qt nor SQLAlchemy (enforced by ruff TID251).
"""
