"""Where each key of a TOML text is: the line of every table, key and array
element, so a schema check can name the line of what it refuses.

``tomllib`` gives no positions, so this scans the text itself.  It is run
only on a text ``tomllib`` has already accepted, which keeps it simple: it
follows table headers (``[a.b]``, ``[[a.b]]``), dotted keys, strings of all
four kinds, and arrays and inline tables across lines.

A path is a tuple of keys and array indexes, e.g. ``("stages", 3,
"checklist", 0, "code")`` for the ``code`` of the first ``[[stages.checklist]]``
of the fourth ``[[stages]]``.
"""

from __future__ import annotations

Path = tuple[str | int, ...]

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.line = 1
        self.lines: dict[Path, int] = {}
        # arrays of tables seen so far: path -> number of elements
        self.tables: dict[Path, int] = {}

    # --- low level ------------------------------------------------------

    def peek(self, n: int = 1) -> str:
        return self.text[self.i : self.i + n]

    def advance(self, n: int = 1) -> None:
        self.line += self.text.count("\n", self.i, self.i + n)
        self.i += n

    def skip_blank(self, newlines: bool) -> None:
        """Skip spaces and comments (and newlines when *newlines*)."""
        while self.i < len(self.text):
            c = self.text[self.i]
            if c in " \t\r" or (newlines and c == "\n"):
                self.advance()
            elif c == "#":
                end = self.text.find("\n", self.i)
                self.advance((len(self.text) if end < 0 else end) - self.i)
            else:
                return

    def skip_string(self) -> str:
        """Skip the string starting here; return its value (escapes of basic
        strings are kept as written: keys seldom hold any)."""
        for quote in ('"""', "'''"):
            if self.peek(3) == quote:
                end = self.text.find(quote, self.i + 3)
                while quote == '"""' and end > 0 and self._escaped(end):
                    end = self.text.find(quote, end + 1)
                end = len(self.text) if end < 0 else end
                # a closing run of up to five quotes belongs to the string
                while self.text[end + 3 : end + 4] == quote[0]:
                    end += 1
                value = self.text[self.i + 3 : end]
                self.advance(end + 3 - self.i)
                return value
        quote = self.text[self.i]
        j = self.i + 1
        while j < len(self.text) and self.text[j] != quote:
            j += 2 if quote == '"' and self.text[j] == "\\" else 1
        value = self.text[self.i + 1 : j]
        self.advance(j + 1 - self.i)
        return value

    def _escaped(self, at: int) -> bool:
        backslashes = 0
        while at - 1 - backslashes >= 0 and self.text[at - 1 - backslashes] == "\\":
            backslashes += 1
        return backslashes % 2 == 1

    def read_key(self) -> list[str]:
        """A (dotted) key; stops before ``=`` or ``]``."""
        parts: list[str] = []
        while True:
            self.skip_blank(newlines=False)
            c = self.peek()
            if c in ('"', "'"):
                parts.append(self.skip_string())
            else:
                j = self.i
                while j < len(self.text) and self.text[j] in _BARE:
                    j += 1
                parts.append(self.text[self.i : j])
                self.advance(j - self.i)
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return parts
            self.advance()

    # --- structure --------------------------------------------------------

    def run(self) -> dict[Path, int]:
        table: Path = ()
        while True:
            self.skip_blank(newlines=True)
            if self.i >= len(self.text):
                return self.lines
            if self.peek() == "[":
                table = self.header()
            else:
                line = self.line
                path = table + tuple(self.read_key())
                self.lines.setdefault(path, line)
                self.skip_blank(newlines=False)
                self.advance()  # "="
                self.value(path)

    def header(self) -> Path:
        line = self.line
        array = self.peek(2) == "[["
        self.advance(2 if array else 1)
        keys = self.read_key()
        self.advance(2 if array else 1)
        path: Path = ()
        for n, key in enumerate(keys):
            path = (*path, key)
            last = n == len(keys) - 1
            if last and array:
                index = self.tables.get(path, 0)
                self.tables[path] = index + 1
                self.lines.setdefault(path, line)
                path = (*path, index)
            elif not last and path in self.tables:
                path = (*path, self.tables[path] - 1)
        self.lines.setdefault(path, line)
        return path

    def value(self, path: Path) -> None:
        self.skip_blank(newlines=False)
        c = self.peek()
        if c in ('"', "'"):
            self.skip_string()
        elif c == "[":
            self.array(path)
        elif c == "{":
            self.inline_table(path)
        else:  # number, date, boolean: up to the next separator
            j = self.i
            while j < len(self.text) and self.text[j] not in ",]}\n#":
                j += 1
            self.advance(j - self.i)

    def array(self, path: Path) -> None:
        self.advance()  # "["
        index = 0
        while True:
            self.skip_blank(newlines=True)
            c = self.peek()
            if c == "]" or not c:
                self.advance()
                return
            if c == ",":
                self.advance()
                continue
            self.lines.setdefault((*path, index), self.line)
            self.value((*path, index))
            index += 1

    def inline_table(self, path: Path) -> None:
        self.advance()  # "{"
        while True:
            self.skip_blank(newlines=True)
            c = self.peek()
            if c == "}" or not c:
                self.advance()
                return
            if c == ",":
                self.advance()
                continue
            line = self.line
            key = (*path, *self.read_key())
            self.lines.setdefault(key, line)
            self.skip_blank(newlines=False)
            self.advance()  # "="
            self.value(key)


def key_lines(text: str) -> dict[Path, int]:
    """The line (from 1) of every table, key and array element in *text*,
    a TOML text that ``tomllib`` accepts."""
    return _Scanner(text).run()


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of *path*, or of its nearest ancestor that has one."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None
