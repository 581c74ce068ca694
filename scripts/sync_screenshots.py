"""Screenshots of the desk online, to look at as a user would.

    python scripts/sync_screenshots.py OUT_DIR [--lang zh_CN|en]

Starts a registry (``erpdesk-registry serve`` on a temporary SQLite file)
with a rep, an administrator and a telemarketer, opens the main window on a
small demo desk and saves one PNG per state to OUT_DIR: signed out, the
sign-in dialog, syncing (with progress), up to date, changes waiting,
conflicts to review and their review, the sync log, offline (the registry
stopped), and the administrator's and the telemarketer's workbenches with
work in them.  Nothing outside a temporary folder is touched (the keyring is
an in-memory one).
"""

from __future__ import annotations

import argparse
import io
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

PASSWORD = "screenshot-password-1"
SIZE = (1366, 768)


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_registry(folder: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    db_url = f"sqlite:///{folder / 'registry.db'}"
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from erpdesk.registry.cli import main; raise SystemExit(main())",
         "serve", "--db", db_url, "--port", str(port), "--log-level", "warning"],
        env={**os.environ, "ERPDESK_REGISTRY_JOB_INTERVAL": "0"},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return process, url, db_url
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("the registry did not start")
        time.sleep(0.1)


def add_user(db_url: str, name: str, role: str) -> None:
    from erpdesk.registry.cli import main as registry_main

    out = io.StringIO()
    code = registry_main(
        ["user", "add", name, "--role", role, "--password-stdin", "--db", db_url],
        stdout=out, stdin=io.StringIO(PASSWORD + "\n"),
    )
    if code != 0:
        raise SystemExit(out.getvalue())


def token(url: str, user: str) -> str:
    from erpdesk.sync.client import RegistryClient

    with RegistryClient(url) as client:
        return client.login(user, PASSWORD).token


def settle(app: Any, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def wait(app: Any, done: Any, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise SystemExit("timed out waiting for the window")
        app.processEvents()
        time.sleep(0.02)


def sync_and_wait(app: Any, controller: Any) -> None:
    finished: list[int] = []
    controller.run_finished.connect(finished.append)
    ticket = controller.sync_now()
    wait(app, lambda: any(n >= ticket for n in finished) and controller.idle)
    controller.run_finished.disconnect(finished.append)
    settle(app)


def shoot(widget: Any, folder: Path, name: str, shots: list[Path]) -> None:
    path = folder / f"{len(shots) + 1:02d}_{name}.png"
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    shots.append(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    args = parser.parse_args(argv)
    os.environ["ERPDESK_LANG"] = args.lang
    keyring.set_keyring(MemoryKeyring())
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="erpdesk-sync-shots-") as tmp:
        folder = Path(tmp)
        process, url, db_url = start_registry(folder)
        try:
            for name, role in (("wangfang", "rep"), ("admin", "admin"), ("lixia", "telemarketer")):
                add_user(db_url, name, role)
            shots = run(folder, url, args.out, args.lang, process)
        finally:
            if process.poll() is None:
                process.terminate()
                process.wait(20)
    for path in shots:
        print(path)
    return 0


def run(
    folder: Path, url: str, out: Path, lang: str, process: subprocess.Popen[bytes]
) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from erpdesk.app import open_desk
    from erpdesk.domain.customer import Customer
    from erpdesk.services.demo import generate_demo
    from erpdesk.storage.sync_store import SyncStore
    from erpdesk.sync.client import RegistryClient
    from erpdesk.sync.credentials import CredentialStore
    from erpdesk.sync.engine import SyncEngine
    from erpdesk.ui.language import LanguageManager
    from erpdesk.ui.main_window import MainWindow
    from erpdesk.ui.sync import install_sync

    app = QApplication.instance() or QApplication([])
    languages = LanguageManager(lang, app)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    desk = open_desk(folder / "desk.db")
    generate_demo(desk.unit_of_work, customers=40, deals=12, closed_deals=4, owner="wangfang")
    window = MainWindow(desk.customers, settings, languages, deals=desk.deals, quotes=desk.quotes)
    window.resize(*SIZE)
    ui = install_sync(window, desk, CredentialStore(), start=False, debounce_ms=60_000,
                      interval=3600.0, base_delay=3600.0)
    controller = ui.controller
    window.show()
    settle(app, 0.5)
    shots: list[Path] = []
    shoot(window, out, "signed_out", shots)

    dialog = ui.open_sign_in()
    dialog.server_edit.setText(url)
    dialog.user_edit.setText("wangfang")
    dialog.password_edit.setText(PASSWORD)
    settle(app)
    shoot(dialog, out, "sign_in", shots)
    controller.start()
    signed: list[Any] = []
    controller.signed_in.connect(signed.append)
    dialog.submit()
    wait(app, lambda: bool(signed))
    wait(app, lambda: ui.status.state not in ("signed_out", "syncing")
         and not controller.running, timeout=60)
    sync_and_wait(app, controller)
    shoot(window, out, "up_to_date", shots)

    ui.status.show_running(True)
    ui.status.show_progress("push", 1_200, 5_000)
    settle(app)
    shoot(window, out, "syncing", shots)
    ui.status.show_running(False)
    controller.refresh()
    settle(app)

    made = desk.customers.create(Customer(name="无锡太湖纺织机械有限公司", need="ERP"))
    wait(app, lambda: ui.status.state == "pending")
    shoot(window, out, "pending", shots)
    sync_and_wait(app, controller)

    other = open_desk(folder / "other.db")
    client = RegistryClient(url)
    try:
        client.login("wangfang", PASSWORD)
        store = SyncStore(other.db)
        store.reset_for(url, "wangfang")
        engine = SyncEngine(store, client, feed=other.feed)
        engine.run()
        theirs = other.customers.detail(made.id).customer
        other.customers.update(replace(theirs, need="财务先上", phone="0510-85201111"))
        engine.run()
    finally:
        client.close()
        other.close()
    mine = desk.customers.detail(made.id).customer
    desk.customers.update(replace(mine, need="MES 与 ERP 集成", phone="0510-85202222"))
    sync_and_wait(app, controller)
    window.customers.select_customer(made.id)
    settle(app)
    shoot(window, out, "conflicts", shots)
    review = ui.open_conflicts()
    review.resize(900, 480)
    settle(app, 0.5)
    shoot(review, out, "conflict_review", shots)
    review.close()
    log = ui.open_log()
    log.resize(760, 420)
    settle(app)
    shoot(log, out, "sync_log", shots)
    log.close()

    workbenches(app, folder, url, out, languages, shots)

    process.terminate()
    process.wait(20)
    sync_and_wait(app, controller)
    shoot(window, out, "offline", shots)
    controller.stop()
    window.close()
    desk.close()
    return shots


def workbenches(app: Any, folder: Path, url: str, out: Path, languages: Any,
                shots: list[Path]) -> None:
    """The administrator's queue with registrations waiting (one urgent), and
    the telemarketer's leads, each on a desk of its own."""
    import random
    import uuid
    from datetime import UTC, datetime, timedelta

    from PySide6.QtCore import QSettings

    from erpdesk.app import open_desk
    from erpdesk.domain.uscc import make_uscc
    from erpdesk.storage.sync_store import SyncStore
    from erpdesk.sync import session as sessions
    from erpdesk.sync.credentials import CredentialStore
    from erpdesk.ui.launch import workbench_runner
    from erpdesk.ui.main_window import AREAS, MainWindow
    from erpdesk.ui.sync import install_sync

    rep = {"Authorization": f"Bearer {token(url, 'wangfang')}"}
    seed = random.Random(7)
    for n, (name, urgent) in enumerate((
        ("潍坊华辰精密机械有限公司", False),
        ("淄博鲁中化工设备有限公司", True),
        ("济宁宏达食品有限公司", False),
    )):
        code = make_uscc(seed, "370100")
        contact = str(uuid.uuid4())
        body = {
            "id": str(uuid.uuid4()),
            "customer": {"id": str(uuid.uuid4()), "name": name, "uscc": code,
                         "industry": "machinery", "size_band": "medium", "province": "山东省",
                         "city": "济南市", "address": f"经十路 {100 + n} 号",
                         "phone": "0531-85106000", "source": "self_developed"},
            "contacts": [{"id": contact, "name": "张伟", "title": "信息部经理",
                          "mobile": "13812345678"}],
            "visit": {"occurred_at": (datetime.now(UTC) - timedelta(days=1 + n)).isoformat(),
                      "summary": "拜访信息部，了解 ERP 选型计划", "contact_id": contact},
            "need": "替换旧的进销存系统", "urgent": urgent,
        }
        httpx.post(f"{url}/api/v1/registrations", json=body, headers=rep,
                   timeout=30).raise_for_status()
    tele = {"Authorization": f"Bearer {token(url, 'lixia')}"}
    for name, need in (("青岛海纳电子科技有限公司", "库存账实不符，想上进销存和财务"),
                       ("烟台东方海洋食品有限公司", "多工厂生产计划靠 Excel")):
        httpx.post(f"{url}/api/v1/leads", headers=tele, timeout=30, json={
            "id": str(uuid.uuid4()), "company_name": name, "province": "山东省",
            "city": "青岛市", "contact_name": "刘洋", "contact_phone": "13954321234",
            "need": need,
        }).raise_for_status()

    for user, view in (("admin", "admin"), ("lixia", "leads")):
        desk = open_desk(folder / f"{user}.db")
        sessions.sign_in(SyncStore(desk.db), CredentialStore(), url, user, PASSWORD)
        settings = QSettings(str(folder / f"{user}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(desk.customers, settings, languages, deals=desk.deals)
        window.resize(*SIZE)
        runner, role = workbench_runner(desk, languages, window)
        window.set_workbench(runner, role)
        ui = install_sync(window, desk, CredentialStore(), start=False)
        window.show()
        window.rail.setCurrentRow([key for key, _icon, _title in AREAS].index(view))
        settle(app, 0.5)
        wait(app, lambda runner=runner: not runner.busy)
        settle(app, 0.5)
        shoot(window, out, f"workbench_{view}", shots)
        ui.controller.stop()
        window.close()
        desk.close()


if __name__ == "__main__":
    raise SystemExit(main())
