"""Keep the Qt translation files in step with the code.

    python scripts/translations.py update   # lupdate: new texts into the .ts files
    python scripts/translations.py release  # lrelease: .ts -> .qm (committed)
    python scripts/translations.py check    # fail on unfinished or stale files

Source texts are English; each area of the code has its own zh_CN file under
resources/translations/ (so people working on different areas never edit the
same file). Translators fill the .ts files (Qt Linguist: pyside6-linguist).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
AREAS = {
    "domain": [
        "erpdesk/domain", "erpdesk/storage", "erpdesk/services/customers.py",
        "erpdesk/services/events.py",
    ],
    "ui": ["erpdesk/ui"],
    "cli": [
        "erpdesk/cli", "erpdesk/services/importer.py", "erpdesk/services/exporter.py",
        "erpdesk/services/demo.py",
    ],
}


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def ts_files() -> list[tuple[str, Path]]:
    return [(area, TRANSLATIONS / f"{area}_{lang}.ts") for area in AREAS for lang in LANGUAGES]


def lupdate(area: str, ts: Path) -> None:
    sources = [str(ROOT / s) for s in AREAS[area] if (ROOT / s).exists()]
    subprocess.run(
        [tool("pyside6-lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "none",
         *sources, "-ts", str(ts)],
        check=True, capture_output=True,
    )


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
            print(f"updated {ts.relative_to(ROOT)}")
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
