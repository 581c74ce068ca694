"""Errors the domain, storage and services raise; none are framework errors."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

# Translation context for every text defined in the domain.
CONTEXT = "Domain"


def render_text(
    context: str, text: str, params: dict[str, Any], translate: Any = None
) -> str:
    """*text* translated by ``translate(context, text)`` (if given) with its
    ``{placeholders}`` filled from *params*; a translation whose placeholders
    do not fit is shown unfilled rather than failing."""
    template = translate(context, text) if translate else text
    params = {
        k: v.render(translate) if isinstance(v, Localized) else v for k, v in params.items()
    }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


@dataclass(frozen=True)
class Localized:
    """A parameter that is a translatable text itself (a library's message
    the product knows, say): rendered in the message's language."""

    text: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    context: str = CONTEXT

    def render(self, translate: Any = None) -> str:
        return render_text(self.context, self.text, self.params, translate)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with user input.

    ``text`` is an English template marked for translation in context
    ``Domain``; ``params`` fill its ``{placeholders}`` after translation.
    ``field`` names the offending field (``""`` for the record as a whole).
    """

    field: str
    code: str
    text: str
    # dataclasses.field: inside the class body ``field`` names the str field
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def render(self, translate: Any = None) -> str:
        """The message, translated by ``translate(context, text)`` if given."""
        return render_text(CONTEXT, self.text, self.params, translate)


class DomainError(Exception):
    """Base of every error that carries a user-facing message; ``text`` is
    translated in the class's ``context``."""

    context: str = CONTEXT
    text: str = QT_TRANSLATE_NOOP("Domain", "Something went wrong")

    def __init__(self, text: str | None = None, **params: Any) -> None:
        self.text = text or type(self).text
        self.params = params
        super().__init__(self.render())

    def render(self, translate: Any = None) -> str:
        return render_text(self.context, self.text, self.params, translate)


class ValidationError(DomainError):
    """Input that breaks the rules; ``problems`` lists every reason."""

    text = QT_TRANSLATE_NOOP("Domain", "The input is not valid")

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__()

    def render(self, translate: Any = None) -> str:
        return "; ".join(p.render(translate) for p in self.problems) or super().render(
            translate
        )


class NotFound(DomainError):
    text = QT_TRANSLATE_NOOP("Domain", "{what} {id} was not found")


class DuplicateCustomer(DomainError):
    text = QT_TRANSLATE_NOOP("Domain", "The customer already exists: {name}")


class StorageError(DomainError):
    """The database cannot be used; the user's file is left untouched."""


class DatabaseLocked(StorageError):
    text = QT_TRANSLATE_NOOP(
        "Domain", "The database {path} is in use by another program; close it and try again"
    )


class DatabaseReadOnly(StorageError):
    text = QT_TRANSLATE_NOOP(
        "Domain", "The database {path} is read-only; check the file's permissions"
    )


class DatabaseCorrupt(StorageError):
    text = QT_TRANSLATE_NOOP(
        "Domain", "The file {path} is not a readable ERPDesk database ({detail})"
    )


class DatabaseDamaged(DatabaseCorrupt):
    """The file is an ERPDesk database with damaged pages: SQLite says it is
    malformed, or its quick or integrity check found problems."""

    text = QT_TRANSLATE_NOOP(
        "Domain",
        "The database {path} is damaged ({detail}); ERPDesk writes nothing more into it. "
        "Restore the latest backup: erpdesk db restore",
    )


class DatabaseForeign(DatabaseCorrupt):
    """A SQLite file of another program (another application id, or tables
    that are not ERPDesk's); refused untouched."""

    text = QT_TRANSLATE_NOOP(
        "Domain",
        "The file {path} is not an ERPDesk database but another program's ({detail}); "
        "it was left untouched",
    )


class DatabaseTooNew(StorageError):
    text = QT_TRANSLATE_NOOP(
        "Domain",
        "The database {path} was written by a newer ERPDesk (schema {found}); "
        "install the newer version to open it",
    )


class DatabaseNeedsUpgrade(StorageError):
    text = QT_TRANSLATE_NOOP(
        "Domain", "The database {path} is from an older ERPDesk; run: erpdesk db upgrade"
    )
