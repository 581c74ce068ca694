"""Every window and dialog of the desk, rendered on a laptop's screen, for
people to look at (and, through ``SHOTS``, for tests/ui/test_laptop_fit.py
to measure).

    python scripts/dialog_screenshots.py OUT [--lang zh_CN|en] [--scale 1.25]

Makes a demo database in a temporary folder (``erpdesk demo``), opens the
main window on it as ``erpdesk`` does (offline), and writes one PNG per
window or dialog to OUT at the size it opens with on a 1366×768 screen: the
main window's areas fill the screen, a dialog takes the size of its
content.  ``--scale`` sets ``QT_SCALE_FACTOR`` before the application is
made, so 1.5 shows what a 150 % laptop shows (a 910×512 logical screen).
A ``sizes.txt`` beside the PNGs lists each one's minimum and opened size.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, QSize
    from PySide6.QtWidgets import QApplication, QWidget

    from erpdesk.app import Desk
    from erpdesk.ui.language import LanguageManager
    from erpdesk.ui.main_window import MainWindow

SCREEN = (1366, 768)
TASKBAR = 40  # what a taskbar leaves of a screen's height


@dataclass
class Context:
    """What the shots are made from: an opened desk and its main window."""

    desk: Desk
    window: MainWindow
    extra: dict[str, Any] = field(default_factory=dict)

    def presales(self) -> Any:
        from erpdesk.ui.launch import presales_services

        if "presales" not in self.extra:
            self.extra["presales"] = presales_services(self.desk)
        return self.extra["presales"]

    def sync(self) -> Any:
        """The window's sync (installed, never started: no network)."""
        if "sync" not in self.extra:
            from erpdesk.ui.sync import install_sync

            self.extra["sync"] = install_sync(self.window, self.desk, start=False)
        return self.extra["sync"]

    def first_customer(self) -> str:
        row = self.desk.db.reader.execute("SELECT id FROM customer ORDER BY name LIMIT 1")
        return str(row.fetchone()[0])

    def first_deal(self) -> Any:
        from erpdesk.storage.deal_queries import DealCriteria

        cards = self.desk.deals.board(DealCriteria(), flags=False)
        return self.desk.deals.get(cards[0].id)


@dataclass(frozen=True)
class Shot:
    """One window or dialog: its name (the PNG's), the file that builds it
    (who fixes it), and how to open it on a context."""

    name: str
    owner: str
    make: Callable[[Context], QWidget | None]
    is_window: bool = False


def build_window(desk: Desk, settings: QSettings, languages: LanguageManager) -> MainWindow:
    """The main window over *desk*, wired as ``erpdesk`` wires it (offline)."""
    from erpdesk.services.branding import BrandingService
    from erpdesk.services.presales_status import PresalesStatusService
    from erpdesk.ui.launch import _install_later, presales_services, today_services
    from erpdesk.ui.main_window import MainWindow
    from erpdesk.ui.workbench.runner import ApiRunner

    window = MainWindow(
        desk.customers, settings, languages, deals=desk.deals, quotes=desk.quotes,
        branding=BrandingService(desk.unit_of_work, desk.feed),
        presales=lambda: presales_services(desk),
        presales_status=PresalesStatusService.of_database(desk.db),
        today=lambda: today_services(desk),
    )  # fmt: skip
    window.customers.detail.set_deals(desk.deals)
    window.customers.detail.set_quotes(window.quote_services)
    window.customers.detail.set_presales(lambda: presales_services(desk))
    runner = ApiRunner(lambda: None, lambda _account: None, lambda: languages.language, window)
    _install_later(window, desk, runner)
    window.extra_runner = runner  # type: ignore[attr-defined]
    return window


def _area(key: str) -> Callable[[Context], QWidget]:
    def make(ctx: Context) -> QWidget:
        ctx.window.show_key(key)
        return ctx.window

    return make


def _customer_editor(ctx: Context) -> QWidget:
    from erpdesk.ui.customer_editor import CustomerEditor

    settings = ctx.window._settings  # its drafts: in the run's settings, not the user's
    return CustomerEditor(ctx.desk.customers, ctx.first_customer(), settings, ctx.window)


def _contact(ctx: Context) -> QWidget:
    from erpdesk.ui.record_dialogs import ContactDialog

    return ContactDialog(ctx.desk.customers, ctx.first_customer(), parent=ctx.window)


def _activity(ctx: Context) -> QWidget:
    from erpdesk.ui.record_dialogs import ActivityDialog

    customer_id = ctx.first_customer()
    contacts = ctx.desk.customers.detail(customer_id).contacts
    return ActivityDialog(ctx.desk.customers, customer_id, contacts=contacts, parent=ctx.window)


def _settings(ctx: Context) -> QWidget:
    from erpdesk.ui.language import LanguageManager
    from erpdesk.ui.settings_dialog import SettingsDialog

    languages = ctx.window._languages or LanguageManager("en", ctx.window)
    return SettingsDialog(ctx.window._settings, languages, ctx.window)


def _register(ctx: Context) -> QWidget:
    from erpdesk.ui.registration import RegisterDialog

    return RegisterDialog(ctx.desk.registrations, ctx.first_customer(), parent=ctx.window)


def _pool(ctx: Context) -> QWidget:
    from erpdesk.ui.pool_dialog import PoolDialog

    return PoolDialog(ctx.window.extra_runner, ctx.window)  # type: ignore[attr-defined]


def _sign_in(ctx: Context) -> QWidget:
    from erpdesk.ui.sync.sign_in import SignInDialog

    return SignInDialog(ctx.sync().controller, ctx.window)


def _conflicts(ctx: Context) -> QWidget:
    from erpdesk.ui.sync.conflicts import ConflictReviewDialog

    ui = ctx.sync()
    return ConflictReviewDialog(ui.resolver, ui.controller, ctx.window)


def _sync_log(ctx: Context) -> QWidget:
    from erpdesk.ui.sync.sync_log import SyncLogDialog

    return SyncLogDialog(ctx.sync().controller, ctx.window)


def _branding(ctx: Context) -> QWidget:
    from erpdesk.services.branding import BrandingService
    from erpdesk.ui.quotes.branding_dialog import BrandingDialog

    return BrandingDialog(BrandingService(ctx.desk.unit_of_work, ctx.desk.feed), ctx.window)


def _deal_editor(ctx: Context) -> QWidget:
    from erpdesk.ui.funnel.deal_editor import DealEditor

    deal = ctx.first_deal()
    return DealEditor(ctx.desk.deals, deal.customer_id, deal, ctx.window)


def _gate(ctx: Context) -> QWidget:
    from erpdesk.ui.funnel.gate_dialog import GateDialog

    deal = ctx.first_deal()
    check = ctx.desk.deals.check_move(deal.id, min(int(deal.stage) + 1, 7))
    return GateDialog(ctx.desk.deals, deal, check, ctx.window)


def _quote_editor(ctx: Context) -> QWidget | None:
    from erpdesk.ui.quotes.quote_editor import QuoteEditor

    services = ctx.window.quote_services
    found = services.quotes.summaries(limit=1) if services else []
    if services is None or not found:
        return None
    return QuoteEditor(services, services.quotes.get(found[0].id), ctx.window)


def _proposal(ctx: Context) -> QWidget | None:
    from erpdesk.ui.quotes.proposal_editor import ProposalEditor

    services = ctx.window.quote_services
    if services is None or services.proposals is None:
        return None
    proposals = services.proposals
    return ProposalEditor(proposals, proposals.for_deal(ctx.first_deal().id), ctx.window)


def _catalogue_item(ctx: Context) -> QWidget | None:
    from erpdesk.ui.quotes.catalogue_item_dialog import CatalogueItemDialog

    services = ctx.window.quote_services
    if services is None:
        return None
    catalogue = services.quotes.catalogue()
    item = catalogue.items[0] if catalogue.items else None
    prices = catalogue.price_lists[0] if catalogue.price_lists else None
    return CatalogueItemDialog(services, catalogue, item, prices, ctx.window)


def _engagement(ctx: Context) -> QWidget | None:
    from erpdesk.ui.presales.engagement_view import EngagementDialog

    lines = ctx.presales().presales.engagement_lines(mine=False)
    return EngagementDialog(ctx.presales(), lines[0].id, ctx.window) if lines else None


def _task(kind_name: str) -> Callable[[Context], QWidget | None]:
    def make(ctx: Context) -> QWidget | None:
        from erpdesk.domain.presales import TaskKind
        from erpdesk.ui.presales.demo_editor import DemoEditor
        from erpdesk.ui.presales.survey_editor import SurveyEditor

        kind = TaskKind[kind_name]
        tasks = [t for t in ctx.presales().presales.task_lines(mine=False) if t.kind is kind]
        if not tasks:
            return None
        editor = DemoEditor if kind is TaskKind.DEMO else SurveyEditor
        return editor(ctx.presales(), task_id=tasks[0].id, parent=ctx.window)

    return make


def _request(ctx: Context) -> QWidget:
    from erpdesk.ui.presales.request_dialog import RequestDialog

    deal = ctx.first_deal()
    return RequestDialog(
        ctx.presales(), customer_id=deal.customer_id, deal_id=deal.id, parent=ctx.window
    )


def _assign(ctx: Context) -> QWidget:
    from erpdesk.ui.presales.assign_dialog import AssignDialog

    people = ctx.presales().presales.people()
    return AssignDialog(people, "华信ERP一期 · DEMO演示", lambda *_a: None, parent=ctx.window)


def _decline(ctx: Context) -> QWidget:
    from erpdesk.ui.presales.requests_dialogs import DeclineDialog

    return DeclineDialog("华信ERP一期 · DEMO演示", lambda *_a: None, ctx.window)


def _knowledge(ctx: Context) -> QWidget:
    from erpdesk.ui.presales.knowledge_editor import KnowledgeEditor

    return KnowledgeEditor(ctx.desk.presales_content, "module", "finance", ctx.window)


def _questionnaire(ctx: Context) -> QWidget:
    from erpdesk.ui.presales.questionnaire_editor import QuestionnaireEditor

    return QuestionnaireEditor(ctx.desk.presales_content, "finance", ctx.window)


def _todo(ctx: Context) -> QWidget:
    from erpdesk.ui.today import TodayServices
    from erpdesk.ui.today.todo_dialog import TodoDialog

    return TodoDialog(TodayServices.of_desk(ctx.desk), parent=ctx.window)


def _first_run(ctx: Context) -> QWidget | None:
    """The window as an empty desk opens it (its first-run page)."""
    try:
        from erpdesk.ui.first_run import FirstRunPage
    except ImportError:  # not in this version
        return None
    set_first_run = getattr(ctx.window, "set_first_run", None)
    if set_first_run is None:
        return None
    set_first_run(FirstRunPage(ctx.desk.db.path))
    return ctx.window


def _import_wizard(ctx: Context) -> QWidget | None:
    try:
        from erpdesk.ui.import_wizard import ImportWizard
    except ImportError:  # not in this version
        return None
    return ImportWizard(ctx.desk.customers, ctx.window)


SHOTS: tuple[Shot, ...] = (
    Shot("main_today", "erpdesk/ui/today/page.py", _area("today"), True),
    Shot("main_customers", "erpdesk/ui/customer_list.py", _area("customers"), True),
    Shot("first_run", "erpdesk/ui/first_run.py", _first_run, True),
    Shot("main_funnel", "erpdesk/ui/funnel/page.py", _area("funnel"), True),
    Shot("main_presales", "erpdesk/ui/presales/page.py", _area("presales"), True),
    Shot("main_quotes", "erpdesk/ui/quotes/quote_list.py", _area("quotes"), True),
    Shot("import_wizard", "erpdesk/ui/import_wizard.py", _import_wizard),
    Shot("customer_editor", "erpdesk/ui/customer_editor.py", _customer_editor),
    Shot("contact", "erpdesk/ui/record_dialogs.py", _contact),
    Shot("activity", "erpdesk/ui/record_dialogs.py", _activity),
    Shot("settings", "erpdesk/ui/settings_dialog.py", _settings),
    Shot("register", "erpdesk/ui/registration.py", _register),
    Shot("pool", "erpdesk/ui/pool_dialog.py", _pool),
    Shot("sync_sign_in", "erpdesk/ui/sync/sign_in.py", _sign_in),
    Shot("sync_conflicts", "erpdesk/ui/sync/conflicts.py", _conflicts),
    Shot("sync_log", "erpdesk/ui/sync/sync_log.py", _sync_log),
    Shot("branding", "erpdesk/ui/quotes/branding_dialog.py", _branding),
    Shot("deal_editor", "erpdesk/ui/funnel/deal_editor.py", _deal_editor),
    Shot("gate", "erpdesk/ui/funnel/gate_dialog.py", _gate),
    Shot("quote_editor", "erpdesk/ui/quotes/quote_editor.py", _quote_editor),
    Shot("proposal_editor", "erpdesk/ui/quotes/proposal_editor.py", _proposal),
    Shot("catalogue_item", "erpdesk/ui/quotes/catalogue_item_dialog.py", _catalogue_item),
    Shot("presales_engagement", "erpdesk/ui/presales/engagement_view.py", _engagement),
    Shot("presales_demo", "erpdesk/ui/presales/demo_editor.py", _task("DEMO")),
    Shot("presales_survey", "erpdesk/ui/presales/survey_editor.py", _task("SURVEY")),
    Shot("presales_request", "erpdesk/ui/presales/request_dialog.py", _request),
    Shot("presales_assign", "erpdesk/ui/presales/assign_dialog.py", _assign),
    Shot("presales_decline", "erpdesk/ui/presales/requests_dialogs.py", _decline),
    Shot("knowledge_entry", "erpdesk/ui/presales/knowledge_editor.py", _knowledge),
    Shot("questionnaire", "erpdesk/ui/presales/questionnaire_editor.py", _questionnaire),
    Shot("todo", "erpdesk/ui/today/todo_dialog.py", _todo),
)


def available(scale: float = 1.0) -> tuple[int, int]:
    """The logical size a 1366×768 screen at *scale* leaves a window (the
    taskbar aside)."""
    return int(SCREEN[0] / scale), int((SCREEN[1] - TASKBAR) / scale)


def open_shot(shot: Shot, ctx: Context, app: QApplication) -> QWidget | None:
    """Make *shot*'s widget and show it as it opens on a 1366×768 laptop: a
    window fills the screen above the taskbar (maximised), a dialog takes
    the size it gives itself, else the size of its content."""
    widget = shot.make(ctx)
    if widget is None:
        return None
    if shot.is_window:
        widget.resize(*available(_scale()))
    widget.show()  # a dialog opens as the desk opens it: its own size, else its content's
    for _ in range(3):
        app.processEvents()
    return widget


def least_size(widget: QWidget) -> QSize:
    """The size the window cannot be made smaller than."""
    return widget.minimumSize().expandedTo(widget.minimumSizeHint())


def cut_fields(window: QWidget) -> list[str]:
    """The visible line edits narrower than 90 % of their size hint."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit

    found = []
    for edit in window.findChildren(QLineEdit):
        parent = edit.parentWidget()
        if not edit.isVisible() or isinstance(parent, (QAbstractSpinBox, QComboBox)):
            continue
        if edit.width() < edit.sizeHint().width() * 0.9:
            found.append(f"{edit.objectName() or edit.placeholderText()}: {edit.width()} px")
    return found


def measure(widget: QWidget) -> dict[str, Any]:
    """What sizes.json says of a window: least and opened size, cut fields."""
    least, size = least_size(widget), widget.size()
    return {"least": [least.width(), least.height()], "opened": [size.width(), size.height()],
            "cut": cut_fields(widget)}  # fmt: skip


def _scale() -> float:
    return float(os.environ.get("QT_SCALE_FACTOR") or 1.0)


def size_line(shot: Shot, widget: QWidget, app: QApplication) -> str:
    """One line of sizes.txt: the least and the opened size, and "TOO BIG"
    when the window does not fit the screen's area above the taskbar."""
    least, size = least_size(widget), widget.size()
    width, height = available(_scale())
    fits = size.width() <= width and size.height() <= height and least.width() <= width
    mark = "" if fits else "  TOO BIG"
    return (f"{shot.name}: minimum {least.width()}×{least.height()}, "
            f"opened {size.width()}×{size.height()}  ({shot.owner}){mark}")  # fmt: skip


def no_keyring() -> None:
    """Sync is installed but never signs in: no keyring is ever read."""
    import keyring
    from keyring.backends import null

    keyring.set_keyring(null.Keyring())  # type: ignore[no-untyped-call]


def _offscreen_screen(folder: Path) -> None:
    """A 1366×768 offscreen screen (QT_SCALE_FACTOR divides it)."""
    config = folder / "offscreen.json"
    screen = {"name": "Laptop", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def _demo_database(folder: Path, lang: str) -> Path:
    path = folder / "demo.db"
    subprocess.run(
        [sys.executable, "-c", "from erpdesk.cli.main import main; raise SystemExit(main())",
         "demo", "--customers", "400", "--deals", "60", "--db", str(path), "--lang", lang],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    parser.add_argument("--scale", type=float, default=None)
    parser.add_argument("--only", default="", help="comma-separated shot names")
    parser.add_argument("--db", type=Path, help="an existing desk to show, not a new demo")
    parser.add_argument("--no-png", action="store_true", help="only measure (sizes.json)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="erpdesk-dialogs-"))
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    _offscreen_screen(folder)
    database = args.db or _demo_database(folder, args.lang)

    from PySide6.QtCore import QSettings

    from erpdesk.app import open_desk
    from erpdesk.ui.language import LanguageManager
    from erpdesk.ui.launch import _application

    no_keyring()
    app = _application()
    languages = LanguageManager(args.lang, app)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        # whatever reads the user's settings reads the run's folder instead
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    desk = open_desk(database)
    ctx = Context(desk, build_window(desk, settings, languages))
    args.out.mkdir(parents=True, exist_ok=True)
    wanted = {n for n in args.only.split(",") if n}
    lines, sizes = [], {}
    for shot in SHOTS:
        if wanted and shot.name not in wanted:
            continue
        widget = open_shot(shot, ctx, app)
        if widget is None:
            lines.append(f"{shot.name}: nothing to show in the demo data")
            continue
        if not args.no_png:
            widget.grab().save(str(args.out / f"{shot.name}.png"))
        lines.append(size_line(shot, widget, app))
        sizes[shot.name] = measure(widget)
        if widget is not ctx.window:
            widget.hide()
            widget.deleteLater()
        app.processEvents()
    (args.out / "sizes.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (args.out / "sizes.json").write_text(json.dumps(sizes, ensure_ascii=False), encoding="utf-8")
    print("\n".join(lines))
    ctx.window.hide()
    desk.close()
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
