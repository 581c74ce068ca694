"""Regenerate every screenshot of the user guide (docs/guide.md).

    python scripts/guide_screenshots.py [OUT_DIR] [--lang zh_CN|en] [--only NAME ...]

Makes three demo desks in a temporary folder with ``erpdesk demo`` (a rep's,
a presales consultant's and the presales lead's), then runs
``erpdesk --db DESK --lang zh_CN --screenshot OUT_DIR/NAME.png --view VIEW``
once per picture, exactly as a user could.  The runs use TZ=Asia/Shanghai so
the times read as a rep in China sees them.  Each PNG is then made small
(optimised, and reduced to a 256-colour palette when still large) so the
guide stays light in the repository.  OUT_DIR defaults to docs/images.
Nothing outside the temporary folder and OUT_DIR is touched: the window
keeps its settings in a temporary file when it takes a screenshot.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 200_000  # bytes: above this a picture is reduced to a palette


@dataclass(frozen=True)
class Shot:
    """One picture of the guide: its file name, the desk and the view."""

    name: str
    desk: str  # "rep", "consultant" or "lead"
    view: str


SHOTS = (
    Shot("today", "rep", "today"),
    Shot("customers", "rep", "customers"),
    Shot("editor", "rep", "editor"),
    Shot("funnel", "rep", "funnel"),
    Shot("deal", "rep", "deal"),
    Shot("quote", "rep", "quote"),
    Shot("catalogue", "rep", "catalogue"),
    Shot("proposal", "rep", "proposal"),
    Shot("presales", "consultant", "presales"),
    Shot("presales-week", "consultant", "presales-week"),
    Shot("presales-knowledge", "consultant", "presales-knowledge"),
    Shot("presales-engagement", "consultant", "presales-engagement"),
    Shot("presales-demo", "consultant", "presales-demo"),
    Shot("presales-survey", "consultant", "presales-survey"),
    Shot("presales-requests", "lead", "presales-requests"),
    Shot("presales-workload", "lead", "presales-workload"),
)

# How big each demo desk is: enough rows to fill every view, small enough
# to be made in seconds.
DEMO = {
    "rep": ["--customers", "2000", "--deals", "400"],
    "consultant": ["--customers", "2000", "--deals", "900", "--as", "consultant"],
    "lead": ["--customers", "2000", "--deals", "900", "--as", "lead"],
}


def erpdesk(*args: str) -> list[str]:
    """The erpdesk command run by this script's Python (the checkout's venv)."""
    return [sys.executable, "-m", "erpdesk.cli.main", *args]


def environment(lang: str) -> dict[str, str]:
    """China's clock, the offscreen platform and the chosen language."""
    env = dict(os.environ)
    env.update(TZ="Asia/Shanghai", QT_QPA_PLATFORM="offscreen", ERPDESK_LANG=lang)
    return env


def make_desk(folder: Path, role: str, env: dict[str, str]) -> Path:
    """A fresh demo desk acting as ROLE, made by the ordinary command."""
    path = folder / f"{role}.db"
    subprocess.run(erpdesk("demo", *DEMO[role], "--db", str(path), "--replace"),
                   env=env, check=True, stdout=subprocess.DEVNULL)
    return path


def take(shot: Shot, desk: Path, out: Path, lang: str, env: dict[str, str]) -> Path:
    """Open the window on DESK at SHOT's view and save its picture."""
    target = out / f"{shot.name}.png"
    subprocess.run(erpdesk("--db", str(desk), "--lang", lang, "--screenshot", str(target),
                           "--view", shot.view), env=env, check=True)
    return target


def shrink(path: Path) -> int:
    """Rewrite PATH optimised; a large one as a 256-colour palette image
    (screenshots of a window lose nothing visible).  Returns the new size."""
    from PIL import Image

    with Image.open(path) as image:
        image.load()
    rgb = image.convert("RGB")
    rgb.save(path, optimize=True)
    if path.stat().st_size > LIMIT:
        rgb.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    return path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", default=ROOT / "docs" / "images")
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--only", nargs="*", default=None, metavar="NAME",
                        help="only these pictures (names as in docs/images)")
    args = parser.parse_args(argv)
    unknown = set(args.only or ()) - {s.name for s in SHOTS}
    if unknown:
        parser.error(f"no such picture: {', '.join(sorted(unknown))}")
    shots = [s for s in SHOTS if args.only is None or s.name in args.only]
    args.out.mkdir(parents=True, exist_ok=True)
    env = environment(args.lang)
    with tempfile.TemporaryDirectory(prefix="erpdesk-guide-") as tmp:
        folder = Path(tmp)
        desks = {role: make_desk(folder, role, env) for role in sorted({s.desk for s in shots})}
        for shot in shots:
            path = take(shot, desks[shot.desk], args.out, args.lang, env)
            print(f"{path}  {shrink(path) // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
