"""The company branding of the desk's customer documents: read, saved and
given a logo.

The branding is one small JSON document in the desk's ``meta`` table (key
``branding``; the logo inside it as base64, at most 2 MB).  It is local to
the desk, like the other ``meta`` facts: no outbox op is written.  Until a
user saves one, ``get()`` answers the neutral ``DEFAULT_BRANDING``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from erpdesk.domain.branding import (
    DEFAULT_BRANDING,
    LOGO_MAX_BYTES,
    LOGO_MISSING,
    LOGO_UNREADABLE,
    STORED_UNREADABLE,
    Branding,
    BrandingError,
    branding_from_data,
    branding_problems,
    branding_to_data,
    logo_problems,
    logo_too_big,
    normalize_branding,
)
from erpdesk.domain.errors import ValidationError
from erpdesk.services.events import Change, ChangeFeed

if TYPE_CHECKING:
    from erpdesk.storage.uow import UnitOfWork

META_KEY = "branding"
BRANDING_ENTITY = "branding"  # the change feed's entity


class BrandingService:
    """The branding of the desk's documents; publishes ``Change("branding")``
    on *feed* (when given) after each save."""

    def __init__(self, uow: Callable[[], UnitOfWork], feed: ChangeFeed | None = None) -> None:
        self._uow = uow
        self.feed = feed

    def get(self) -> Branding:
        """The saved branding, else ``DEFAULT_BRANDING``.  ``BrandingError``
        when what is stored cannot be read (saving again repairs it)."""
        with self._uow() as uow:
            stored = uow.meta_get(META_KEY)
        if stored is None:
            return DEFAULT_BRANDING
        try:
            return branding_from_data(json.loads(stored))
        except ValueError as exc:  # JSONDecodeError is a ValueError
            raise BrandingError(STORED_UNREADABLE) from exc

    def save(self, branding: Branding) -> Branding:
        """Save *branding* (normalised: texts stripped, phones and the tax id
        normalised) and return what was saved.  ``ValidationError`` with
        every problem; nothing is written then."""
        branding = normalize_branding(branding)
        problems = branding_problems(branding)
        if problems:
            raise ValidationError(problems)
        text = json.dumps(branding_to_data(branding), ensure_ascii=False, sort_keys=True)
        with self._uow() as uow:
            uow.meta_set(META_KEY, text)
            uow.commit()
        if self.feed is not None:
            self.feed.publish(Change(BRANDING_ENTITY))
        return branding

    def set_logo(self, path: Path | str) -> Branding:
        """Read the PNG or JPEG at *path* into the saved branding.  A missing
        or unreadable file, one that is not a PNG or JPEG (by its bytes, not
        its name) or one over 2 MB raises a ``DomainError`` saying which;
        nothing is changed then."""
        data = read_logo(Path(path))
        return self.save(replace(self.get(), logo=data))

    def clear_logo(self) -> Branding:
        """The saved branding without a logo."""
        return self.save(replace(self.get(), logo=None))

    def reset(self) -> Branding:
        """Back to ``DEFAULT_BRANDING`` (saved, so later reads agree)."""
        return self.save(DEFAULT_BRANDING)


def read_logo(path: Path) -> bytes:
    """The bytes of the logo file at *path*, checked (see ``set_logo``)."""
    shown = str(path)
    if not path.is_file():
        raise BrandingError(LOGO_MISSING, path=shown)
    try:
        size = path.stat().st_size
        if size > LOGO_MAX_BYTES:  # refused before reading it all
            raise ValidationError([logo_too_big(size)])
        data = path.read_bytes()
    except OSError as exc:
        raise BrandingError(LOGO_UNREADABLE, path=shown) from exc
    problems = logo_problems(data)
    if problems:
        raise ValidationError(problems)
    return data
