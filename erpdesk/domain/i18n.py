"""Marking of translatable domain texts without importing Qt.

``QT_TRANSLATE_NOOP`` is recognised by ``pyside6-lupdate`` by its name, so the
texts below end up in ``resources/translations/*.ts``; at run time the text is
returned unchanged and translated where it is shown (``erpdesk.i18n``).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return *text*; marks it for extraction in *context*."""
    del context
    return text
