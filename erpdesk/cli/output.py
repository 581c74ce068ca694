"""Printing for the command line: translated one-line errors, progress."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from erpdesk.domain.errors import DomainError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP


class CliError(DomainError):
    """A usage problem the user can fix; ``exit_code`` 2 by default."""

    context = "Cli"
    exit_code = 2

    def __init__(self, text: str, **params: Any) -> None:
        super().__init__(text, **params)


class Output:
    """Where a command writes: results to *out*, errors and progress to *err*."""

    def __init__(self, out: TextIO, err: TextIO, language: str | None = None) -> None:
        from erpdesk.i18n import Translator, resolve_language

        self.out = out
        self.err = err
        self.translate = Translator(resolve_language(language))

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def error(self, text: str) -> None:
        line = " ".join(text.split())  # one line, whatever the message held
        print(f"erpdesk: {line}", file=self.err)

    def progress(self, label: str, total: int) -> Progress:
        return Progress(self.err, label, total)

    @contextmanager
    def originals_shown(self, enabled: bool = True) -> Iterator[None]:
        """Inside the block (``--verbose``), each system or library error
        that a message explains in the user's language (``erpdesk.os_errors``)
        is also printed in its own words, on a line of its own."""
        if not enabled:
            yield
            return
        from erpdesk import os_errors

        handler = logging.StreamHandler(self.err)
        handler.setFormatter(_OriginalFormatter(self.translate("Cli", SYSTEM_SAID)))
        logger = logging.getLogger(os_errors.__name__)
        level = logger.level
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        try:
            yield
        finally:
            logger.removeHandler(handler)
            logger.setLevel(level)


SYSTEM_SAID = QT_TRANSLATE_NOOP("Cli", "The system said: {original}")


class _OriginalFormatter(logging.Formatter):
    """``erpdesk: The system said: PermissionError: [Errno 13] ...``"""

    def __init__(self, template: str) -> None:
        super().__init__()
        self.template = template

    def format(self, record: logging.LogRecord) -> str:
        return "erpdesk: " + self.template.format(original=record.getMessage())


class Progress:
    """A text progress bar on stderr, redrawn at most 10 times a second."""

    def __init__(self, stream: TextIO, label: str, total: int) -> None:
        self.stream = stream
        self.label = label
        self.total = max(total, 1)
        self.done = 0
        self._last = 0.0
        self._tty = getattr(stream, "isatty", lambda: False)()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._last >= 0.1 or self.done >= self.total:
            self._last = now
            self._draw()

    def _draw(self) -> None:
        share = min(self.done / self.total, 1.0)
        bar = "#" * int(share * 30)
        end = "\r" if self._tty and self.done < self.total else "\n"
        if not self._tty and self.done < self.total and share < 1.0:
            return  # no redraws into a pipe or file; only the final line
        self.stream.write(f"{self.label} [{bar:<30}] {self.done}/{self.total}{end}")
        self.stream.flush()

    def finish(self) -> None:
        if self.done < self.total:
            self.done = self.total
            self._draw()


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()
