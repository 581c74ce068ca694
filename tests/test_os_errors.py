"""``erpdesk.os_errors``: real system and library errors explained in the
user's language, the original kept for the log."""

from __future__ import annotations

import csv
import errno
import io
import logging
import os
import re
import socket
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from erpdesk import os_errors
from erpdesk.i18n import Translator
from erpdesk.os_errors import explain, reason

# ASCII words a Chinese explanation may hold: names of formats and programs.
NAMES = {"SQLite", "CSV", "XLSX", "UTF", "TLS"}


@pytest.fixture
def zh() -> Iterator[None]:
    os_errors.use_translator(Translator("zh_CN"))
    yield
    os_errors.use_translator(None)


def caught(action) -> BaseException:
    """The exception *action* raises (it must raise)."""
    try:
        action()
    except BaseException as exc:  # any error is what is looked at
        return exc
    raise AssertionError("no error was raised")


def english_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{2,}", text)) - NAMES


def test_real_file_errors_by_errno(tmp_path):
    a_file = tmp_path / "a.txt"
    a_file.write_text("x")
    assert reason(caught(lambda: (tmp_path / "missing.txt").read_bytes())) == os_errors.MISSING
    assert reason(caught(lambda: (a_file / "inner.txt").write_text("x"))) == (
        os_errors.NOT_A_FOLDER
    )
    assert reason(caught(lambda: tmp_path.read_bytes())) == os_errors.IS_A_FOLDER
    assert reason(caught(lambda: tmp_path.mkdir())) == os_errors.EXISTS
    assert reason(caught(lambda: (tmp_path / ("x" * 300)).write_text("x"))) == (
        os_errors.NAME_TOO_LONG
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_real_read_only_folder_is_permission_denied(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert reason(caught(lambda: (folder / "x.pdf").write_bytes(b"x"))) == os_errors.PERMISSION
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.EACCES, os_errors.PERMISSION), (errno.EPERM, os_errors.PERMISSION),
        (errno.ENOSPC, os_errors.DISK_FULL), (errno.EROFS, os_errors.READ_ONLY),
        (errno.EBUSY, os_errors.IN_USE), (errno.EIO, os_errors.DISK_ERROR),
        (errno.ENETUNREACH, os_errors.UNREACHABLE), (errno.ETIMEDOUT, os_errors.TIMED_OUT),
    ],
)
def test_errors_a_test_cannot_cause_by_their_errno(code, expected):
    assert reason(OSError(code, os.strerror(code), "/data/x")) == expected


def test_a_windows_sharing_violation_is_a_file_in_use():
    exc = PermissionError(errno.EACCES, "The process cannot access the file", "C:\\q.xlsx")
    exc.winerror = 32  # type: ignore[attr-defined]  # set by Windows, not on Linux
    assert reason(exc) == os_errors.IN_USE


def test_a_refused_connection_also_through_an_http_library():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    refused = caught(lambda: socket.create_connection(("127.0.0.1", port), timeout=2))
    assert reason(refused) == os_errors.CONNECTION_REFUSED
    import httpx

    with httpx.Client(timeout=2) as client:
        wrapped = caught(lambda: client.get(f"http://127.0.0.1:{port}/"))
    assert isinstance(wrapped, httpx.ConnectError)
    assert reason(wrapped) == os_errors.CONNECTION_REFUSED  # its socket's error, found inside


def test_sqlite_locked_and_not_a_database(tmp_path):
    path = tmp_path / "d.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    try:
        assert reason(caught(lambda: other.execute("SELECT * FROM t").fetchall())) == (
            os_errors.DB_LOCKED
        )
    finally:
        other.close()
        holder.close()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is no database at all " * 200)
    conn = sqlite3.connect(junk)
    try:
        error = caught(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall())
    finally:
        conn.close()
    assert reason(error) == os_errors.DB_NOT_A_DATABASE


def test_sqlalchemy_wraps_are_explained_by_the_original(tmp_path):
    from sqlalchemy import create_engine, text

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is no database at all " * 200)
    engine = create_engine(f"sqlite:///{junk}")
    try:
        with engine.connect() as conn:
            error = caught(lambda: conn.execute(text("SELECT * FROM sqlite_master")).all())
    finally:
        engine.dispose()
    assert reason(error) == os_errors.DB_NOT_A_DATABASE


def test_file_format_errors():
    unclosed = caught(lambda: list(csv.reader(io.StringIO('a,"b\n'), strict=True)))
    assert reason(unclosed) == os_errors.CSV_UNCLOSED
    bad_quote = caught(lambda: list(csv.reader(io.StringIO('a,"b"c\n'), strict=True)))
    assert reason(bad_quote) == os_errors.CSV_BAD_QUOTE
    assert reason(caught(lambda: b"\xff\xfe\xfa".decode("utf-8"))) == os_errors.BAD_ENCODING
    not_zip = caught(lambda: zipfile.ZipFile(io.BytesIO(b"PK\x03\x04 not really")))
    assert reason(not_zip) == os_errors.NOT_ZIP
    assert reason(ValueError("something odd")) == os_errors.UNEXPECTED


def test_explain_gives_the_original_and_logs_it(caplog, tmp_path):
    error = caught(lambda: (tmp_path / "missing.txt").read_bytes())
    with caplog.at_level(logging.INFO, logger="erpdesk.os_errors"):
        explanation, original = explain(error)
    assert explanation == "no such file or folder"  # English without a translator
    assert original.startswith("FileNotFoundError: [Errno 2] No such file or directory")
    assert original in caplog.text


def test_chinese_explanations_hold_no_english(zh, tmp_path):
    error = caught(lambda: (tmp_path / "missing.txt").read_bytes())
    explanation, original = explain(error)
    assert explanation == "文件或文件夹不存在"
    assert "No such file" in original
    for name, text in vars(os_errors).items():
        if name.isupper() and isinstance(text, str) and name != "CONTEXT":
            shown = os_errors.translated(text)
            assert shown != text, f"{name} is not translated"
            assert not english_words(shown), shown


def test_the_window_translates_through_the_application(qapp):
    translator = Translator("zh_CN")
    translator.install(qapp)
    try:
        assert os_errors.translated(os_errors.DISK_FULL) == "磁盘已满"
    finally:
        translator.uninstall(qapp)
    assert os_errors.translated(os_errors.DISK_FULL) == "the disk is full"


def test_call_sites_explain_instead_of_quoting(zh, tmp_path):
    """The importer and the storage put the explanation into their
    messages, not the English strerror (the exporter: tests/cli/test_cli_zh.py)."""
    from erpdesk.services.importer import ImportFileError, read_table
    from erpdesk.storage.database import open_database

    translate = Translator("zh_CN")
    error = caught(lambda: list(read_table(tmp_path)))
    assert isinstance(error, ImportFileError)
    assert "这是一个文件夹" in error.render(translate)
    assert "Is a directory" not in error.render(translate)
    error = caught(lambda: open_database(tmp_path))
    assert "这是一个文件夹" in error.render(translate)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"x" * 50)
    error = caught(lambda: open_database(junk))
    assert "不是 SQLite 文件" in error.render(translate)
    assert not Path(str(junk) + "-wal").exists()
