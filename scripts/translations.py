"""Keep the Qt translation files in step with the code.

    python scripts/translations.py update   # lupdate: new texts into the .ts files
    python scripts/translations.py release  # lrelease: .ts -> .qm (committed)
    python scripts/translations.py check    # fail on unfinished or stale files

Source texts are English; each area of the code has its own zh_CN file under
resources/translations/ (so people working on different areas never edit the
same file). Translators fill the .ts files (Qt Linguist: pyside6-linguist);
`update` writes the Chinese translations with full-width punctuation (，：；（）)
and `check` refuses half-width punctuation in Chinese prose.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape, unescape

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
AREAS = {
    "domain": [
        "erpdesk/domain", "erpdesk/storage", "erpdesk/services/customers.py",
        "erpdesk/services/events.py", "erpdesk/services/deals.py",
        "erpdesk/services/quotes.py", "erpdesk/services/catalogue_io.py",
        "erpdesk/services/registration.py", "erpdesk/services/ics.py",
        "erpdesk/services/presales.py", "erpdesk/services/presales_content.py",
        "erpdesk/services/calendar_export.py", "erpdesk/services/today.py",
        "erpdesk/os_errors.py",
        "erpdesk/catalogues.py", "erpdesk/sync",
    ],
    "ui": ["erpdesk/ui"],
    "cli": [
        "erpdesk/cli", "erpdesk/services/importer.py", "erpdesk/services/exporter.py",
        "erpdesk/services/demo.py", "erpdesk/services/deal_import.py",
        "erpdesk/services/deal_export.py",
    ],
    "registry": ["erpdesk/registry"],
    "documents": ["erpdesk/documents"],
}
# Areas whose texts are found by reading the code (``registry_texts``), not by
# markers alone: the registry raises its errors with plain English texts.
READ_FROM_CODE = {"registry": "registry_texts"}

HAN = re.compile(r"[\u4e00-\u9fff]")
FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}


def zh_punctuation(text: str) -> str:
    """*text* with the half-width , : ; ! ? ( ) of Chinese prose written
    full-width (not inside {placeholders}, not in 10:30 or 1,000, not in
    a URL, not in a file-dialog filter such as "(*.xlsx)")."""
    if not HAN.search(text):
        return text
    out: list[str] = []
    parens: list[bool] = []  # per open "(": written full-width?
    depth = 0
    quoted = False  # inside ASCII "...": a syntax to type, left as it is
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < n else ""
        if c == '"':
            quoted = not quoted
        elif quoted:
            pass
        elif c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif depth == 0 and c in FULL:
            numeric = prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum()
            url = c == ":" and text.startswith("//", i + 1)
            tag = "<" in text and ">" in text and "=" in text
            if not (numeric or url or tag):
                out.append(FULL[c])
                i += 1
                while i < n and text[i] == " ":
                    i += 1
                continue
        elif depth == 0 and c == "(":
            full = nxt != "*" and not re.match(r"\(&\w\)", text[i:i + 4])
            parens.append(full)
            if full:
                while out and out[-1] == " ":
                    out.pop()
                out.append("（")
                i += 1
                continue
        elif depth == 0 and c == ")" and parens and parens.pop():
            out.append("）")
            i += 1
            while i < n and text[i] == " " and i + 1 < n and HAN.match(text[i + 1]):
                i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


_TRANSLATION = re.compile(r"(<translation(?: [^>]*)?>)(.*?)(</translation>)", re.DOTALL)
_ENTITIES = {"&quot;": '"', "&apos;": "'"}


def punctuate(ts: Path, write: bool = True) -> list[str]:
    """Write the Chinese translations of *ts* with full-width punctuation
    (``zh_punctuation``); the translations that were not (all of them are
    fixed when *write*)."""
    raw = ts.read_text(encoding="utf-8")
    found: list[str] = []

    def fix(match: re.Match[str]) -> str:
        body = match.group(2)
        text = unescape(body, _ENTITIES)
        fixed = zh_punctuation(text)
        if fixed == text:
            return match.group(0)
        found.append(text)
        out = escape(fixed)
        if "&quot;" in body:
            out = out.replace('"', "&quot;")
        if "&apos;" in body:
            out = out.replace("'", "&apos;")
        return match.group(1) + out + match.group(3)

    fixed = _TRANSLATION.sub(fix, raw)
    if write and fixed != raw:
        ts.write_text(fixed, encoding="utf-8")
    return found


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def ts_files() -> list[tuple[str, Path]]:
    return [(area, TRANSLATIONS / f"{area}_{lang}.ts") for area in AREAS for lang in LANGUAGES]


def lupdate(area: str, ts: Path) -> None:
    sources = [str(ROOT / s) for s in AREAS[area] if (ROOT / s).exists()]
    with tempfile.TemporaryDirectory() as tmp:
        if area in READ_FROM_CODE:  # lupdate reads the texts found, written as markers
            found = Path(tmp) / f"{area}_texts.py"
            found.write_text(
                "".join(
                    f"QT_TRANSLATE_NOOP({json.dumps(c)}, {json.dumps(t, ensure_ascii=False)})\n"
                    for c, t in registry_texts([ROOT / s for s in AREAS[area]])
                ),
                encoding="utf-8",
            )
            sources = [str(found)]
        subprocess.run(
            [tool("pyside6-lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "none",
             *sources, "-ts", str(ts)],
            check=True, capture_output=True,
        )


def registry_texts(roots: list[Path]) -> list[tuple[str, str]]:
    """The user-facing texts of the registry's code, as (context, text):

    - the first argument of a call to an error class of
      ``erpdesk/registry/errors.py`` (a literal, or either branch of a
      conditional of literals), its ``what=`` argument, and each such
      class's own ``text`` (context ``Registry``, the errors' context);
    - the text (third argument) of a ``Problem`` (context ``Domain``, where
      ``Problem.render`` translates);
    - every ``QT_TRANSLATE_NOOP("context", "text")``;
    - the text (second argument) of the command line's ``say(out, text)``;
    - the literal values of a module-level ``NAME_TEXTS = {...}`` dict and
      a ``NAME_TEXT = "..."`` constant (context ``Registry``).
    """
    errors_py = ROOT / "erpdesk" / "registry" / "errors.py"
    error_classes = {"RegistryError"}
    tree = ast.parse(errors_py.read_text(encoding="utf-8"))
    for node in tree.body:  # classes in order; bases defined before
        if isinstance(node, ast.ClassDef) and any(
            isinstance(b, ast.Name) and b.id in error_classes for b in node.bases
        ):
            error_classes.add(node.name)
    found: dict[tuple[str, str], None] = {}

    def literals(node: ast.AST | None) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip():
            return [node.value]
        if isinstance(node, ast.IfExp):
            return literals(node.body) + literals(node.orelse)
        return []

    files = sorted(p for root in roots for p in (root.rglob("*.py") if root.is_dir() else [root]))
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name in error_classes:
                for stmt in node.body:
                    if isinstance(stmt, ast.Assign) and any(
                        isinstance(t, ast.Name) and t.id == "text" for t in stmt.targets
                    ):
                        found.update(dict.fromkeys(("Registry", t) for t in literals(stmt.value)))
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                name = target.id if isinstance(target, ast.Name) else ""
                if name.endswith("_TEXTS") and isinstance(node.value, ast.Dict):
                    found.update(dict.fromkeys(
                        ("Registry", t) for v in node.value.values for t in literals(v)))
                elif name.endswith("_TEXT"):
                    found.update(dict.fromkeys(("Registry", t) for t in literals(node.value)))
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            texts: list[tuple[str, str]] = []
            if name in error_classes:
                texts += [("Registry", t) for t in literals(node.args[0] if node.args else None)]
                texts += [("Registry", t) for kw in node.keywords if kw.arg == "what"
                          for t in literals(kw.value)]
            elif name == "say" and len(node.args) >= 2:  # the registry's command line
                texts += [("Registry", t) for t in literals(node.args[1])]
            elif name == "Problem" and len(node.args) >= 3:
                texts += [("Domain", t) for t in literals(node.args[2])]
            elif name == "QT_TRANSLATE_NOOP" and len(node.args) == 2:
                context = literals(node.args[0])
                texts += [(context[0], t) for t in literals(node.args[1])] if context else []
            found.update(dict.fromkeys(texts))
    return list(found)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True, capture_output=True,
    )


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation, None where unfinished or empty."""
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = None if translation is None else translation.text
            if translation is not None and translation.get("type") in ("unfinished", "obsolete"):
                text = None
            found[(name, message.findtext("source") or "")] = text or None
    return found


def problems() -> list[str]:
    """Texts missing from a .ts file, untranslated texts, stale .qm files."""
    out: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for area, ts in ts_files():
            if not ts.exists():
                out.append(f"{ts.name}: missing (run: python scripts/translations.py update)")
                continue
            fresh = Path(tmp) / ts.name
            shutil.copy(ts, fresh)
            lupdate(area, fresh)
            have = messages(ts)
            out.extend(
                f"{ts.name}: half-width punctuation in Chinese (run: python scripts/translations.py"
                f" update): {text}" for text in punctuate(ts, write=False)
            )
            for key, text in messages(fresh).items():
                if key not in have:
                    out.append(f"{ts.name}: new text not extracted yet: {key[0]}: {key[1]}")
                elif text is None:
                    out.append(f"{ts.name}: not translated: {key[0]}: {key[1]}")
            qm = ts.with_suffix(".qm")
            built = Path(tmp) / qm.name
            lrelease(ts, built)
            if not qm.exists() or qm.read_bytes() != built.read_bytes():
                out.append(f"{qm.name}: stale (run: python scripts/translations.py release)")
    return out


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        for area, ts in ts_files():
            lupdate(area, ts)
            fixed = punctuate(ts)
            print(f"updated {ts.relative_to(ROOT)}"
                  + (f" ({len(fixed)} translations given full-width punctuation)" if fixed else ""))
    elif command == "release":
        for _area, ts in ts_files():
            lrelease(ts, ts.with_suffix(".qm"))
            print(f"built {ts.with_suffix('.qm').relative_to(ROOT)}")
    elif command == "check":
        found = problems()
        print("\n".join(found) or "translations are complete and compiled")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
