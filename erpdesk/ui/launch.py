"""Opening the window: the GUI half of the composition root.

``gui_main(args)`` checks that Qt can open a window here (before Qt could
abort the process), builds the QApplication, installs the language, opens the
desk through ``erpdesk.app.open_desk`` and shows ``MainWindow``.

Start-up speed: nothing on the way to the first shown window should import
SQLAlchemy, Alembic or pypinyin (the read path is plain sqlite3); once the
first page is painted, the search index and the write side load on
background threads.  ``ERPDESK_STARTUP_PROBE=1`` prints
``STARTUP_READY <time.time()>`` once the customer table has painted its first
page, then quits (the start-up benchmark uses it).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from erpdesk.domain.errors import DatabaseCorrupt, DatabaseForeign, StorageError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.i18n import Translator, resolve_language, system_language
from erpdesk.ui.language import LanguageManager, language_choice
from erpdesk.ui.widgets import app_settings

if TYPE_CHECKING:
    from erpdesk.app import Desk
    from erpdesk.services.deals import DealService
    from erpdesk.ui.admin.runner import ApiRunner
    from erpdesk.ui.main_window import MainWindow
    from erpdesk.ui.presales import PresalesServices
    from erpdesk.ui.today import TodayServices
    from erpdesk.ui.today.reminders import Reminders

CONTEXT = "Launch"
# What _run returns when the window closed to restore a backup and open again.
RESTART = -1
SCREENSHOT_SIZE = (1280, 800)
QUOTE_SCREENSHOT_SIZE = (1366, 768)  # the quote editor fits a common laptop screen
XCB_LIBRARIES = ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1")
XCB_PACKAGES = "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
CJK_FAMILY_HINTS = (
    "CJK", "WenQuanYi", "Noto Sans SC", "Noto Serif SC", "Source Han", "Microsoft YaHei",
    "SimSun", "SimHei", "PingFang", "Hiragino Sans GB", "Heiti", "Droid Sans Fallback",
    "AR PL", "Sarasa",
)


def _loadable(library: str) -> bool:
    try:
        import ctypes

        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def platform_problem(
    environ: dict[str, str] | None = None, platform: str | None = None
) -> tuple[str, dict[str, str]] | None:
    """Why Qt could not open a window here, as (English text, params); None if it can.

    Qt aborts the whole process when its platform plugin cannot load (on
    Linux typically for want of the xcb-cursor library), so this is checked
    before the QApplication exists.
    """
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if env.get("QT_QPA_PLATFORM") or not platform.startswith("linux"):
        return None
    display, wayland = env.get("DISPLAY"), env.get("WAYLAND_DISPLAY")
    if not display and not wayland:
        return (
            QT_TRANSLATE_NOOP(
                "Launch",
                "ERPDesk needs a display and none was found (DISPLAY is not set). "
                "Start it in a desktop session, or under a virtual display: xvfb-run erpdesk; "
                "erpdesk --screenshot FILE draws the window into a PNG without a display",
            ),
            {},
        )
    wayland_session = wayland and env.get("XDG_SESSION_TYPE", "").lower() == "wayland"
    if display and not wayland_session:
        missing = [lib for lib in XCB_LIBRARIES if not _loadable(lib)]
        if missing:
            return (
                QT_TRANSLATE_NOOP(
                    "Launch",
                    "The window cannot open: the system libraries {missing} are missing; "
                    "install them: sudo apt-get install {packages}",
                ),
                {"missing": ", ".join(missing), "packages": XCB_PACKAGES},
            )
    return None


def has_cjk_font() -> bool:
    """True when a font that draws Chinese is installed."""
    families = QFontDatabase.families()
    return any(hint.lower() in family.lower() for family in families for hint in CJK_FAMILY_HINTS)


def warn_without_cjk_font() -> None:
    if not has_cjk_font():
        print(
            QCoreApplication.translate(
                "Launch",
                "Warning: no Chinese font was found, so Chinese text may show as boxes; "
                "install one: sudo apt-get install fonts-noto-cjk",
            ),
            file=sys.stderr,
        )


class _FirstPaint(QObject):
    """Calls *then* once, right after *widget* has painted for the first time."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "erpdesk"])
    QCoreApplication.setOrganizationName("ERPDesk")
    QCoreApplication.setApplicationName("ERPDesk")
    return app  # type: ignore[return-value]


def gui_main(args: argparse.Namespace) -> int:
    """Open the main window (or render it to ``args.screenshot``); the exit code."""
    screenshot: Path | None = getattr(args, "screenshot", None)
    view = getattr(args, "view", None) or "customers"
    lang = getattr(args, "lang", None)
    probe = os.environ.get("ERPDESK_STARTUP_PROBE") == "1"
    if screenshot is not None and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    problem = platform_problem()
    if problem is not None:
        text, params = problem
        translated = Translator(lang or system_language())("Launch", text)
        print(translated.format(**params), file=sys.stderr)
        return 1

    app = _application()
    shot_folder = tempfile.mkdtemp(prefix="erpdesk-shot-") if screenshot is not None else None
    settings = _screenshot_settings(shot_folder) if shot_folder else app_settings()
    languages = LanguageManager(lang or resolve_language(language_choice(settings)), app)
    try:
        while (code := _run(app, args, settings, languages, screenshot, view, probe)) == RESTART:
            pass
        return code
    finally:
        languages.uninstall()
        if shot_folder:
            shutil.rmtree(shot_folder, ignore_errors=True)


def _run(
    app: QApplication,
    args: argparse.Namespace,
    settings: QSettings,
    languages: LanguageManager,
    screenshot: Path | None,
    view: str,
    probe: bool,
) -> int:
    desk = _open_desk(args, languages, quiet=screenshot is not None or probe)
    if desk is None:
        return 1

    from erpdesk.services.branding import BrandingService
    from erpdesk.services.presales_status import PresalesStatusService
    from erpdesk.ui.main_window import MainWindow

    branding = BrandingService(desk.unit_of_work, desk.feed)
    window = MainWindow(
        desk.customers, settings, languages, deals=desk.deals, quotes=desk.quotes,
        branding=branding, presales=lambda: presales_services(desk),
        presales_status=PresalesStatusService.of_database(desk.db),
        today=lambda: today_services(desk),
    )  # fmt: skip
    window.customers.detail.set_deals(desk.deals)  # a customer's deals tab
    window.customers.detail.set_quotes(window.quote_services)  # and its quotes tab
    window.customers.detail.set_presales(lambda: presales_services(desk))  # ask for support
    window.customers.detail.set_todos(lambda: today_services(desk))  # its todos tab
    runner, role = workbench_runner(desk, languages, window)
    window.set_workbench(runner, role)
    if screenshot is None:
        window.show_home()  # a presales user's desk opens on the workbench
        install_first_run(window, desk)  # an empty desk: import, add or demo data
    watch = DamageWatch(desk.db.path, languages, window)
    watch.restart.connect(app.quit)
    try:
        if screenshot is not None:
            _install_later(window, desk, runner)
            _install_sync(window, desk, languages, start=False)
            return _screenshot(app, window, Path(screenshot), view, desk.deals)
        service = desk.customers

        def first_painted() -> None:
            if probe:
                _report_ready(app)
                return
            service.warm_up()  # the search index loads in the background
            _preload_write_side(desk, watch)
            warn_without_cjk_font()
            # registration and sync (SQLAlchemy, httpx) after the first paint
            QTimer.singleShot(0, lambda: _install_later(window, desk, runner))
            QTimer.singleShot(0, lambda: _install_sync(window, desk, languages, start=True))
            QTimer.singleShot(0, lambda: install_reminders(window, desk))

        home = window.pages.currentWidget()
        if home is None or home is window.customers:
            home = window.customers.table.viewport()
        _FirstPaint(home, first_painted)
        window.show()
        code = app.exec()
    finally:
        sync_ui = getattr(window, "sync_ui", None)
        if sync_ui is not None:
            sync_ui.controller.stop()
        window.close()
        window.deleteLater()
        # Gone before its database closes: no late event of it reads a closed
        # connection (after a restore the loop runs again with a new window).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        desk.close()
    if watch.open_instead is not None:  # the window opens again on that database
        args.db = str(watch.open_instead)
        return RESTART
    if watch.restore_from is None:
        return code
    restored = _restore(desk.db.path, watch.restore_from, languages, damaged=not watch.chosen)
    return RESTART if restored or watch.chosen else 1


def install_first_run(window: MainWindow, desk: Desk) -> QWidget | None:
    """An empty desk opens on the first-run page: import customers, add
    one, or open demo data (made beside the database on a worker, then the
    window opens again on it); it says where the database lives.  A desk
    with customers (the common case) costs one count, no import."""
    if desk.customers.count(desk.customers.criteria()):
        return None
    from erpdesk.ui.first_run import FirstRunPage, desk_is_empty

    if not desk_is_empty(desk.customers, desk.deals):
        return None
    page = FirstRunPage(desk.db.path)

    def add() -> None:
        window.show_key("customers")
        window.customers.new_customer()

    def demo() -> None:
        from erpdesk.ui.file_actions import make_demo_job
        from erpdesk.ui.file_restore import request_open

        job = make_demo_job(window, desk.db.path)
        job.succeeded.connect(lambda path: request_open(window, path))

    page.add_requested.connect(add)
    page.import_requested.connect(lambda: window.import_customers())
    page.demo_requested.connect(demo)
    window.set_first_run(page)
    return page


def today_services(desk: Desk) -> TodayServices:
    """What the Today page works through, from the desk."""
    from erpdesk.ui.today import TodayServices

    return TodayServices.of_desk(desk)


def install_reminders(window: MainWindow, desk: Desk) -> Reminders:
    """Due todos notify (the tray, else the status bar) and their count
    shows on Today's rail item, while the window is open."""
    from erpdesk.ui.today.reminders import Reminders

    reminders = Reminders(desk.todos, window)
    reminders.badge_changed.connect(window.set_today_badge)
    reminders.notice.connect(lambda text: window.statusBar().showMessage(text, 15_000))
    reminders.start()
    return reminders


def presales_services(desk: Desk) -> PresalesServices:
    """What the presales views work through, from the desk."""
    from erpdesk.services.branding import BrandingService
    from erpdesk.ui.presales import PresalesServices

    return PresalesServices(
        desk.presales, desk.deals, desk.customers,
        branding=BrandingService(desk.unit_of_work, desk.feed), content=desk.presales_content,
    )  # fmt: skip


def _install_later(window: MainWindow, desk: Desk, runner: ApiRunner) -> None:
    """What the first window does without, installed after its first paint
    (SQLAlchemy, the proposal writer): proposals (the deal page's
    "Proposal…"); registration from the field (the customer panel's
    protection line and "Register this customer…", decisions notified; the
    pool: browse, claim)."""
    if window.quote_services is not None:
        window.quote_services.proposals = desk.proposals
    window.customers.detail.set_registrations(desk.registrations, runner)
    window.customers.set_pool_runner(runner)
    from erpdesk.ui.file_actions import install_file_actions

    install_file_actions(window, desk.customers)  # File: export the list, back up, restore


def _install_sync(
    window: MainWindow, desk: Desk, languages: LanguageManager, start: bool
) -> None:
    """The sync state in the status bar and the File menu's sync actions
    (``erpdesk.ui.sync``); with *start*, sync runs in the background.  The
    registry answers in the window's language (read at each run)."""
    from erpdesk.sync.client import RegistryClient
    from erpdesk.ui.sync import install_sync

    def client(server: str, token: str | None) -> RegistryClient:
        return RegistryClient(server, token, language=languages.language)

    install_sync(window, desk, start=start, client_factory=client)


def _open_desk(
    args: argparse.Namespace, languages: LanguageManager, quiet: bool, restored: bool = False
) -> Desk | None:
    """The desk of ``args.db``, or None after telling the user why not (on
    stderr when *quiet*, else in a dialog).  A damaged database is offered
    its newest backup (once); when it is restored, it is opened again."""
    from erpdesk.app import default_db_path, latest_backup, open_desk

    path = Path(getattr(args, "db", None) or default_db_path()).expanduser().resolve()
    if getattr(args, "db", None) and not restored and not _may_create(path, quiet):
        return None
    try:
        return open_desk(path)
    except StorageError as exc:
        message = exc.render(languages.translator)
        if quiet:
            print(message, file=sys.stderr)
            return None
        backup = latest_backup(path) if offers_backup(exc) and not restored else None
        if backup is None:
            QMessageBox.critical(None, QCoreApplication.translate("Launch", "ERPDesk"), message)
            return None
        if damaged_dialog(None, message, path, backup).exec() != QMessageBox.StandardButton.Yes:
            return None
        if not _restore(path, backup, languages):
            return None
    return _open_desk(args, languages, quiet, restored=True)


NO_DATABASE = QT_TRANSLATE_NOOP(
    "Launch",
    "There is no database at {path}. To make one with demo data: erpdesk demo --customers "
    "2000 --db {path}",
)
CREATE_DATABASE = QT_TRANSLATE_NOOP(
    "Launch", "There is no database at {path}.\n\nCreate a new, empty database there?"
)


def _may_create(path: Path, quiet: bool) -> bool:
    """A database named with ``--db`` that does not exist is made only when
    the user says so (a typo or a README line run in another folder must not
    leave an empty database behind); a screenshot or probe run refuses."""
    if path.exists():
        return True
    if quiet:
        print(QCoreApplication.translate("Launch", NO_DATABASE).format(path=path),
              file=sys.stderr)  # fmt: skip
        return False
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("Launch", "ERPDesk"),
        QCoreApplication.translate("Launch", CREATE_DATABASE).format(path=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def offers_backup(exc: StorageError) -> bool:
    """A damaged or unreadable desk file may be replaced by its backup;
    another program's file, a locked or a newer one never."""
    return isinstance(exc, DatabaseCorrupt) and not isinstance(exc, DatabaseForeign)


def damaged_dialog(
    parent: QWidget | None, message: str, path: Path, backup: Path
) -> QMessageBox:
    """The question shown for the damaged database *path*: restore *backup*
    or close."""
    from datetime import datetime

    saved = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Launch", "ERPDesk"))
    box.setText(message)
    box.setInformativeText(
        QCoreApplication.translate(
            "Launch",
            "The newest backup is {name}, saved {saved}. Restore it? The damaged file is kept "
            "beside it as {file}.damaged-<time>; changes made after the backup are not in it.",
        ).format(name=backup.name, saved=saved, file=path.name)
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Close)
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("Launch", "Restore the backup")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    return box


def _restore(path: Path, backup: Path, languages: LanguageManager, damaged: bool = True) -> bool:
    """Put *backup* in the place of *path* (kept aside as damaged, or as
    replaced when the user chose the restore); False (after a dialog) if it
    fails."""
    from erpdesk.app import restore_backup
    from erpdesk.os_errors import explain

    try:
        restore_backup(path, backup, damaged=damaged)
    except (StorageError, OSError) as exc:
        message = (
            exc.render(languages.translator) if isinstance(exc, StorageError) else explain(exc)[0]
        )
        QMessageBox.critical(None, QCoreApplication.translate("Launch", "ERPDesk"), message)
        return False
    return True


class DamageWatch(QObject):
    """Hears of damage found while the window is open (by the background
    check) and offers the newest backup; the window then closes, the backup
    is restored and the window opens again.

    Signals: ``found(str)``, the message, emitted from any thread;
    ``restart()`` when the user chose to restore ``restore_from``.
    """

    found = Signal(str)
    restart = Signal()

    def __init__(self, path: Path, languages: LanguageManager, window: QWidget) -> None:
        super().__init__(window)
        self._path = path
        self._languages = languages
        self._window = window
        self.restore_from: Path | None = None
        self.chosen = False  # File → Restore (not damage): a failed restore reopens
        self.open_instead: Path | None = None  # "Open demo data": restart on that file
        self.found.connect(self._offer)

    def report(self, exc: StorageError) -> None:
        self.found.emit(exc.render(self._languages.translator))

    def _offer(self, message: str) -> None:
        from erpdesk.app import latest_backup

        backup = latest_backup(self._path)
        if backup is None:
            QMessageBox.critical(
                self._window, QCoreApplication.translate("Launch", "ERPDesk"), message
            )
            return
        dialog = damaged_dialog(self._window, message, self._path, backup)
        if dialog.exec() == QMessageBox.StandardButton.Yes:
            self.restore_from = backup
            self.restart.emit()


def _preload_write_side(desk: Desk, watch: DamageWatch) -> None:
    """Import the write side (SQLAlchemy, ~0.2 s) on a background thread
    while the user looks at the list, so the first save does not wait; then
    quick-check the file (``DeskDatabase.verify``), so damage is found
    before the user types into a form that could not be saved."""

    def load() -> None:
        import importlib

        importlib.import_module("erpdesk.storage.uow")
        check_in_background(desk, watch)

    threading.Thread(target=load, name="preload-write-side", daemon=True).start()


def check_in_background(desk: Desk, watch: DamageWatch) -> None:
    """``desk.db.verify()``; damage goes to *watch* (any thread)."""
    try:
        desk.db.verify()
    except DatabaseCorrupt as exc:
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            watch.report(exc)
    except StorageError:
        pass  # locked or read-only: the next write says so


def _report_ready(app: QApplication) -> None:
    print(f"STARTUP_READY {time.time()}", flush=True)
    app.quit()


def workbench_runner(
    desk: Desk, languages: LanguageManager, parent: QObject
) -> tuple[ApiRunner, str | None]:
    """The registry calls of the workbench pages, and the role the desk signed
    in with (``sync.role`` in its meta; None when never signed in).  The
    account is read from the meta at each call (plain sqlite3, the UI
    thread), the token from the keyring on the worker."""
    from erpdesk.sync.credentials import CredentialStore
    from erpdesk.ui.admin.runner import Account, ApiRunner

    credentials = CredentialStore()

    def account() -> Account | None:
        server, user = desk.db.meta("sync.server"), desk.db.meta("sync.user")
        if not server or not user:
            return None
        return Account(server, user, desk.db.meta("sync.role") or "")

    def token(found: Account) -> str | None:
        return credentials.get(found.server, found.user)

    runner = ApiRunner(account, token, lambda: languages.language, parent)
    return runner, desk.db.meta("sync.role")


def _show_workbench(app: QApplication, window: MainWindow, view: str) -> None:
    """The administrator's (``--view admin``) or telemarketer's (``--view
    leads``) page, once its first registry answers arrived."""
    from erpdesk.ui.main_window import AREAS

    window.set_workbench(window.workbench_runner, "admin" if view == "admin" else "telemarketer")
    window.rail.setCurrentRow([key for key, _icon, _title in AREAS].index(view))
    runner = window.workbench_runner
    for _ in range(20):
        app.processEvents()
        if runner is None or not runner.busy:
            break
        runner.wait()
    app.processEvents()


def _screenshot_settings(folder: str) -> QSettings:
    """Fresh settings in a temporary folder: the picture does not depend on
    (or change) the user's saved window layout."""
    return QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)


def _show_funnel(app: QApplication, window: MainWindow) -> None:
    """Show the funnel's board with its cards loaded (for ``--view funnel``)."""
    from erpdesk.ui.main_window import AREAS

    window.rail.setCurrentRow([key for key, _icon, _title in AREAS].index("funnel"))
    funnel = window.funnel
    if funnel is None:
        return
    funnel.tabs.setCurrentIndex(0)
    funnel.wait()  # the worker has read the cards; deliver them
    for _ in range(5):
        app.processEvents()
        if not funnel.loading:
            break
        funnel.wait()


def _deal_window(deals: DealService) -> QWidget | None:
    """The first open deal's page in its window (for ``--view deal``)."""
    from erpdesk.storage.deal_queries import DealCriteria
    from erpdesk.ui.funnel.deal_page import open_deal

    cards = deals.board(DealCriteria(), flags=False)
    if not cards:
        return None
    deal_window = open_deal(None, deals, cards[0].id)
    deal_window.resize(*SCREENSHOT_SIZE)
    return deal_window


def _quote_view(app: QApplication, window: MainWindow, view: str) -> QWidget | None:
    """The newest quote in its editor (``--view quote``), or the quotes
    area's catalogue (``--view catalogue``)."""
    from erpdesk.ui.main_window import AREAS

    services = window.quote_services
    if services is None:
        return None
    if view == "catalogue":
        window.rail.setCurrentRow([key for key, _icon, _title in AREAS].index("quotes"))
        if window.quotes is not None:
            window.quotes.show_catalogue()
        return window
    from erpdesk.ui.quotes.quote_editor import open_quote

    found = services.quotes.summaries(limit=1)
    if not found:
        return None
    editor = open_quote(window, services, found[0].id)
    editor.resize(*QUOTE_SCREENSHOT_SIZE)
    return editor


PRESALES_TABS = {
    "presales": "work", "presales-week": "week", "presales-requests": "requests",
    "presales-workload": "workload", "presales-knowledge": "knowledge",
}  # fmt: skip
PRESALES_DIALOGS = ("presales-engagement", "presales-demo", "presales-survey")


def _show_presales(app: QApplication, window: MainWindow, view: str) -> QWidget | None:
    """The presales area (``--view presales``: my work; ``presales-week``,
    ``-requests``, ``-workload``, ``-knowledge``: that tab) or a dialog of it
    (``presales-engagement``, ``-demo``, ``-survey``: the desk's first
    engagement, or its demo or survey with the most to show: done first)."""
    from erpdesk.domain.presales import TaskKind, TaskState
    from erpdesk.ui.main_window import AREAS
    from erpdesk.ui.presales import opener

    window.rail.setCurrentRow([key for key, _icon, _title in AREAS].index("presales"))
    page = window.presales
    if page is None:
        return None
    tab = getattr(page, PRESALES_TABS.get(view, "work"), None) or page.knowledge
    page.tabs.setCurrentWidget(tab)
    if view == "presales-knowledge":
        page.knowledge.wait()
    app.processEvents()  # the tab reads its data when shown; the index arrives (queued)
    services = page.services
    if view not in PRESALES_DIALOGS or services is None:
        return None
    presales = services.presales
    if view == "presales-engagement":
        lines = presales.engagement_lines(mine=False)
        return opener.open_engagement(services, lines[0].id, window) if lines else None
    kind = TaskKind.DEMO if view == "presales-demo" else TaskKind.SURVEY
    tasks = [t for t in presales.task_lines(mine=False) if t.kind is kind]
    tasks.sort(key=lambda t: (t.state is not TaskState.DONE, t.starts_at))
    if not tasks:
        return None
    dialog = opener.open_task(services, tasks[0].id, window)
    tabs = getattr(dialog, "tabs", None)
    if tabs is not None:  # what the task is about: a demo's scenarios, a survey's findings
        tabs.setCurrentIndex(1 if kind is TaskKind.DEMO else 2)
    return dialog


def _screenshot(
    app: QApplication, window: MainWindow, path: Path, view: str, deals: DealService | None = None
) -> int:
    warn_without_cjk_font()
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    page = window.customers
    first = page.model.row_at(0)
    target: QWidget = window
    if first is not None:
        page.select_customer(first.id)
    if view == "funnel":
        _show_funnel(app, window)
    if view == "deal" and deals is not None:
        target = _deal_window(deals) or target
    if view in ("quote", "catalogue"):
        target = _quote_view(app, window, view) or target
    if view == "proposal" and window.quote_services is not None:
        from erpdesk.ui.quotes.proposal_editor import open_latest_proposal

        shown = open_latest_proposal(window, window.quote_services, QUOTE_SCREENSHOT_SIZE)
        target = shown or target
    if view == "today":
        window.resize(*QUOTE_SCREENSHOT_SIZE)  # a laptop's screen
        window.show_key("today")
        if window.today is not None:
            window.today.wait()
    if view.startswith("presales"):
        window.resize(*QUOTE_SCREENSHOT_SIZE)  # a laptop's screen
        target = _show_presales(app, window, view) or target
    if view in ("admin", "leads"):
        window.resize(*QUOTE_SCREENSHOT_SIZE)
        _show_workbench(app, window, view)
    if view == "editor":
        editor = page.edit_customer(first.id) if first is not None else None
        if editor is None:
            editor = page.new_customer()
        editor.check_duplicates()
        target = editor
    for _ in range(3):
        app.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not target.grab().save(str(path)):
        print(
            QCoreApplication.translate("Launch", "Could not write {path}").format(path=path),
            file=sys.stderr,
        )
        return 1
    return 0
