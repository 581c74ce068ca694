"""Where the playbook comes from: the default one shipped in
``resources/playbook/default.toml``, or a company's own named by
``$ERPDESK_PLAYBOOK``.  Reading files lives here, outside the domain; the
schema check is ``erpdesk.domain.playbook.load_playbook``.

The playbook is read once per file and modification time: a changed file is
read (and checked) again on the next call, an unchanged one costs a
``stat``.
"""

from __future__ import annotations

import os
from pathlib import Path

from erpdesk.domain.playbook import Playbook, PlaybookError, load_playbook
from erpdesk.domain.playbook_schema import CANNOT_READ, decode
from erpdesk.os_errors import explain

# Beside resources/translations (erpdesk/i18n.py): found from the checkout or
# an editable install.
DEFAULT_PLAYBOOK = Path(__file__).resolve().parents[1] / "resources" / "playbook" / "default.toml"
ENVIRONMENT = "ERPDESK_PLAYBOOK"

_cache: dict[Path, tuple[int, int, Playbook]] = {}


def playbook_path() -> Path:
    """``$ERPDESK_PLAYBOOK`` if set (a company ships its own), else the
    default playbook."""
    named = os.environ.get(ENVIRONMENT, "").strip()
    return Path(named).expanduser() if named else DEFAULT_PLAYBOOK


def read_playbook(path: Path | None = None) -> Playbook:
    """The checked playbook in *path* (default: ``playbook_path()``), cached
    per file and modification time; ``PlaybookError`` names the file, the
    line and the problem when it cannot be used."""
    given = path or playbook_path()
    source = str(given)
    path = given.resolve()
    try:
        stat = path.stat()
        cached = _cache.get(path)
        if cached and cached[:2] == (stat.st_mtime_ns, stat.st_size):
            return cached[2]
        raw = path.read_bytes()
    except OSError as exc:
        raise PlaybookError(
            source, None, CANNOT_READ, "cannot_read", detail=explain(exc)[0]
        ) from None
    playbook = load_playbook(decode(raw, source), source)
    _cache[path] = (stat.st_mtime_ns, stat.st_size, playbook)
    return playbook
