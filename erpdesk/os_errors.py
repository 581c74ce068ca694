"""Errors of the system and of libraries explained in the user's language.

An ``OSError``'s ``strerror`` ("Permission denied"), a sqlite3 message
("database is locked"), an HTTP library's or a parser's text are English
whatever the user's language; put inside a Chinese sentence they leave an
English fragment.  ``explain(exc)`` gives, instead, a short explanation in
the user's language chosen by errno or by the exception's type, and the
original text, which belongs in the log (and ``erpdesk --verbose``), not in
the message.

The texts are translated when explained, by the translator of the process:
the command line's (``use_translator``, set by ``erpdesk.cli.main``) or, in
the window, the application's installed translators.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

CONTEXT = "OsErrors"
Translate = Callable[[str, str], str]
log = logging.getLogger(__name__)

PERMISSION = QT_TRANSLATE_NOOP("OsErrors", "permission denied")
MISSING = QT_TRANSLATE_NOOP("OsErrors", "no such file or folder")
NOT_A_FOLDER = QT_TRANSLATE_NOOP("OsErrors", "a part of the path is not a folder")
IS_A_FOLDER = QT_TRANSLATE_NOOP("OsErrors", "it is a folder, not a file")
EXISTS = QT_TRANSLATE_NOOP("OsErrors", "a file of that name already exists")
DISK_FULL = QT_TRANSLATE_NOOP("OsErrors", "the disk is full")
READ_ONLY = QT_TRANSLATE_NOOP("OsErrors", "the drive is read-only")
IN_USE = QT_TRANSLATE_NOOP(
    "OsErrors", "the file is in use by another program; close that program first"
)
TOO_MANY_FILES = QT_TRANSLATE_NOOP("OsErrors", "too many files are open")
NAME_TOO_LONG = QT_TRANSLATE_NOOP("OsErrors", "the file name is too long")
DISK_ERROR = QT_TRANSLATE_NOOP("OsErrors", "the disk could not be read or written")
NO_MEMORY = QT_TRANSLATE_NOOP("OsErrors", "not enough memory")
CONNECTION_REFUSED = QT_TRANSLATE_NOOP("OsErrors", "the server refused the connection")
TIMED_OUT = QT_TRANSLATE_NOOP("OsErrors", "the connection timed out")
UNREACHABLE = QT_TRANSLATE_NOOP("OsErrors", "the network cannot be reached")
NO_SUCH_HOST = QT_TRANSLATE_NOOP("OsErrors", "the server's name cannot be found")
CONNECTION_LOST = QT_TRANSLATE_NOOP("OsErrors", "the connection was interrupted")
SECURE_CONNECTION = QT_TRANSLATE_NOOP("OsErrors", "the secure connection (TLS) failed")
DB_LOCKED = QT_TRANSLATE_NOOP("OsErrors", "the database is in use by another program")
DB_NOT_A_DATABASE = QT_TRANSLATE_NOOP("OsErrors", "its content is not in SQLite's format")
DB_DAMAGED = QT_TRANSLATE_NOOP("OsErrors", "SQLite found damaged pages")
DB_READ_ONLY = QT_TRANSLATE_NOOP("OsErrors", "the database cannot be written")
DB_CANNOT_OPEN = QT_TRANSLATE_NOOP("OsErrors", "the database file cannot be opened")
NOT_SQLITE = QT_TRANSLATE_NOOP("OsErrors", "not an SQLite file")
TRUNCATED = QT_TRANSLATE_NOOP("OsErrors", "the file is cut short")
BAD_ENCODING = QT_TRANSLATE_NOOP(
    "OsErrors", "the text's encoding cannot be read; save the file as UTF-8"
)
CSV_UNCLOSED = QT_TRANSLATE_NOOP("OsErrors", "a quoted field is not closed")
CSV_BAD_QUOTE = QT_TRANSLATE_NOOP("OsErrors", "a closing quote is followed by other characters")
CSV_TOO_LONG = QT_TRANSLATE_NOOP("OsErrors", "a field is too long")
CSV_BROKEN = QT_TRANSLATE_NOOP("OsErrors", "the rows are not laid out as CSV")
NOT_ZIP = QT_TRANSLATE_NOOP("OsErrors", "the file is not a complete XLSX package")
WORKBOOK_PARTS = QT_TRANSLATE_NOOP("OsErrors", "parts of the workbook are missing or damaged")
UNEXPECTED = QT_TRANSLATE_NOOP("OsErrors", "an unexpected error of the system")

_BY_ERRNO: dict[int, str] = {
    errno.EACCES: PERMISSION,
    errno.EPERM: PERMISSION,
    errno.ENOENT: MISSING,
    errno.ENOTDIR: NOT_A_FOLDER,
    errno.EISDIR: IS_A_FOLDER,
    errno.EEXIST: EXISTS,
    errno.ENOSPC: DISK_FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): DISK_FULL,
    errno.EROFS: READ_ONLY,
    errno.EBUSY: IN_USE,
    getattr(errno, "ETXTBSY", errno.EBUSY): IN_USE,
    errno.EMFILE: TOO_MANY_FILES,
    errno.ENFILE: TOO_MANY_FILES,
    errno.ENAMETOOLONG: NAME_TOO_LONG,
    errno.EIO: DISK_ERROR,
    errno.ENOMEM: NO_MEMORY,
    errno.ECONNREFUSED: CONNECTION_REFUSED,
    errno.ETIMEDOUT: TIMED_OUT,
    errno.ENETUNREACH: UNREACHABLE,
    errno.EHOSTUNREACH: UNREACHABLE,
    errno.ENETDOWN: UNREACHABLE,
    errno.ECONNRESET: CONNECTION_LOST,
    errno.ECONNABORTED: CONNECTION_LOST,
    errno.EPIPE: CONNECTION_LOST,
}
# Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION, ERROR_HANDLE_DISK_FULL,
# ERROR_DISK_FULL, ERROR_WRITE_PROTECT.
_BY_WINERROR = {32: IN_USE, 33: IN_USE, 39: DISK_FULL, 112: DISK_FULL, 19: READ_ONLY}
# sqlite3's messages (lower case), first match wins.
_SQLITE = (
    ("locked", DB_LOCKED), ("busy", DB_LOCKED), ("not a database", DB_NOT_A_DATABASE),
    ("malformed", DB_DAMAGED), ("corrupt", DB_DAMAGED), ("full", DISK_FULL),
    ("readonly", DB_READ_ONLY), ("read-only", DB_READ_ONLY), ("disk i/o", DISK_ERROR),
    ("unable to open", DB_CANNOT_OPEN),
)
_CSV = (
    ("unexpected end of data", CSV_UNCLOSED), ("expected after", CSV_BAD_QUOTE),
    ("field limit", CSV_TOO_LONG),
)

_translate: Translate | None = None


def use_translator(translate: Translate | None) -> None:
    """Explain in *translate*'s language from now on (None: the window's
    installed translators, or English without an application)."""
    global _translate
    _translate = translate


def translated(text: str) -> str:
    """*text* (one of this module's marked texts) in the user's language."""
    if _translate is not None:
        return _translate(CONTEXT, text)
    qtcore = sys.modules.get("PySide6.QtCore")  # never import Qt for a text
    if qtcore is not None and qtcore.QCoreApplication.instance() is not None:
        return str(qtcore.QCoreApplication.translate(CONTEXT, text))
    return text


def remove_quietly(path: Path) -> None:
    """Remove the temporary *path* if it is there.  Removing it after a
    failed write may fail the same way (its folder is a file, the drive went
    away); that must not replace the explained error with a traceback."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def original(exc: BaseException) -> str:
    """The exception as the system or library said it, for the log."""
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def explain(exc: BaseException) -> tuple[str, str]:
    """``(explanation in the user's language, original text for the log)``;
    the original is logged too."""
    told = original(exc)
    log.info("%s", told, exc_info=False)
    return translated(reason(exc)), told


def reason(exc: BaseException) -> str:
    """The English (marked, untranslated) explanation of *exc*: the system's
    own error anywhere in the chain first, then a library's by its type."""
    links = list(_chain(exc))
    for classify in (_classify, _library):
        for link in links:
            found = classify(link)
            if found is not None:
                return found
    return UNEXPECTED


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """*exc*, then what it wraps (SQLAlchemy's ``orig``, ``__cause__``,
    ``__context__``), so an HTTP library's error is explained by its socket's."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo and len(seen) < 10:
        link = todo.pop(0)
        if id(link) in seen:
            continue
        seen.add(id(link))
        yield link
        for inner in (getattr(link, "orig", None), link.__cause__, link.__context__):
            if isinstance(inner, BaseException):
                todo.append(inner)


def _classify(exc: BaseException) -> str | None:
    """The explanation of *exc* itself, None when it says nothing known."""
    import csv
    import sqlite3
    import zipfile

    if isinstance(exc, OSError):
        by_windows = _BY_WINERROR.get(getattr(exc, "winerror", None) or 0)
        return by_windows or _BY_ERRNO.get(exc.errno or 0) or _os_type(exc)
    if isinstance(exc, sqlite3.Error):
        return _by_message(str(exc), _SQLITE)
    if isinstance(exc, csv.Error):
        return _by_message(str(exc), _CSV) or CSV_BROKEN
    if isinstance(exc, UnicodeError):
        return BAD_ENCODING
    if isinstance(exc, zipfile.BadZipFile):
        return NOT_ZIP
    if isinstance(exc, MemoryError):
        return NO_MEMORY
    return None


def _os_type(exc: OSError) -> str | None:
    """An OSError without an errno (sockets, ssl, timeouts) by its type."""
    import socket
    import ssl

    kinds: tuple[tuple[type[BaseException], str], ...] = (
        (ssl.SSLError, SECURE_CONNECTION), (socket.gaierror, NO_SUCH_HOST),
        (TimeoutError, TIMED_OUT), (ConnectionRefusedError, CONNECTION_REFUSED),
        (ConnectionError, CONNECTION_LOST), (PermissionError, PERMISSION),
        (FileNotFoundError, MISSING),
    )
    return next((text for kind, text in kinds if isinstance(exc, kind)), None)


def _library(exc: BaseException) -> str | None:
    """Errors of libraries by their type's name: no library is imported."""
    name = type(exc).__name__
    if name in ("ConnectTimeout", "ReadTimeout", "WriteTimeout", "PoolTimeout", "TimeoutException"):
        return TIMED_OUT
    if name in ("ConnectError",):
        return UNREACHABLE
    if name in ("RemoteProtocolError", "ReadError", "WriteError"):
        return CONNECTION_LOST
    if name in ("InvalidFileException",):
        return NOT_ZIP
    if name in ("ParseError", "XMLSyntaxError") or (
        isinstance(exc, KeyError) and "xl/" in str(exc)
    ):
        return WORKBOOK_PARTS
    return None


def _by_message(message: str, table: tuple[tuple[str, str], ...]) -> str | None:
    lowered = message.lower()
    return next((text for needle, text in table if needle in lowered), None)
