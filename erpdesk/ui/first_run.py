"""The first-run page: what an empty desk shows instead of an empty table.

A new user meets three ways to start, in one place (import a file, add a
customer, open the demo data) and where the database lives.  The page only
asks (its signals); the window does the work: the import wizard, the
customer editor, and the demo database made on a worker
(``services.file_ops.make_demo_database``) and opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QUrl, Signal, SignalInstance
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from erpdesk.services.file_ops import DEMO_CUSTOMERS
from erpdesk.ui.icons import icon

if TYPE_CHECKING:
    from erpdesk.services.customers import CustomerService
    from erpdesk.services.deals import DealService

# The column of the page: wide enough for the buttons' descriptions on one
# or two lines, narrow enough to read as one block on a wide window.
COLUMN_WIDTH = 620
# The three ways to start look like the big buttons they are (a command
# link button is flat until hovered in most styles).
BUTTON_STYLE = """
QCommandLinkButton { border: 1px solid #cfd8dc; border-radius: 8px; background: white;
                     padding: 10px 12px; }
QCommandLinkButton:hover { border-color: #1565c0; background: #f3f8fe; }
QCommandLinkButton:focus { border-color: #1565c0; }
"""


def desk_is_empty(customers: CustomerService, deals: DealService | None = None) -> bool:
    """True when the desk has no customer (and no deal): the window then
    shows the first-run page instead of the customer list."""
    if customers.count(customers.criteria()) > 0:
        return False
    if deals is None:
        return True
    from erpdesk.storage.deal_queries import DealCriteria

    return not deals.board(DealCriteria(), flags=False)


class FirstRunPage(QWidget):
    """Three big buttons and the database's place.

    Signals:
        import_requested(): "Import customers from Excel or CSV…".
        add_requested(): "Add a customer…".
        demo_requested(): "Open demo data…".
    """

    import_requested = Signal()
    add_requested = Signal()
    demo_requested = Signal()

    def __init__(self, db_path: Path | str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunPage")
        self._db_path = Path(db_path) if db_path is not None else None
        picture = QLabel()
        picture.setPixmap(icon("customers", "#78909c", (72,)).pixmap(72, 72))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label = QLabel()
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.intro_label = QLabel()
        self.intro_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro_label.setWordWrap(True)
        self.intro_label.setStyleSheet("color: #546e7a;")

        self.import_button = self._button("customers", self.import_requested)
        self.add_button = self._button("team", self.add_requested)
        self.demo_button = self._button("funnel", self.demo_requested)

        self.path_label = QLabel()
        self.path_label.setWordWrap(True)
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setStyleSheet("color: #546e7a;")
        self.folder_link = QLabel()
        self.folder_link.setTextFormat(Qt.TextFormat.RichText)
        self.folder_link.linkActivated.connect(lambda _link: self.show_folder())
        place = QHBoxLayout()
        place.addWidget(self.path_label, 1)
        place.addWidget(self.folder_link, 0, Qt.AlignmentFlag.AlignTop)

        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        inner = QVBoxLayout(column)
        inner.setSpacing(10)
        inner.addWidget(picture)
        inner.addWidget(self.title_label)
        inner.addWidget(self.intro_label)
        inner.addSpacing(8)
        for button in (self.import_button, self.add_button, self.demo_button):
            inner.addWidget(button)
        inner.addSpacing(12)
        inner.addLayout(place)

        body = QWidget()
        centred = QHBoxLayout(body)
        centred.addStretch(1)
        centred.addWidget(column, 4)
        centred.addStretch(1)
        outer_column = QVBoxLayout()
        scroll = QScrollArea()  # a low window (150 % scaling) scrolls, nothing is cut
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.addStretch(1)
        holder_layout.addWidget(body)
        holder_layout.addStretch(2)
        scroll.setWidget(holder)
        outer_column.addWidget(scroll)
        outer_column.setContentsMargins(0, 0, 0, 0)
        self.setLayout(outer_column)
        self.retranslate_ui()

    def _button(self, icon_name: str, signal: SignalInstance) -> QCommandLinkButton:
        button = QCommandLinkButton()
        button.setStyleSheet(BUTTON_STYLE)
        button.setIcon(icon(icon_name, "#1565c0", (32,)))
        button.setIconSize(QSize(32, 32))
        button.clicked.connect(lambda: signal.emit())
        return button

    # -- texts -------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.tr("Welcome to ERPDesk"))
        self.intro_label.setText(
            self.tr("Your desk has no customers yet. Start in one of three ways:")
        )
        self.import_button.setText(self.tr("Import customers from Excel or CSV…"))
        self.import_button.setDescription(
            self.tr(
                "Pick a file: its columns are matched (Chinese or English headers) and every "
                "row is checked before anything is imported."
            )
        )
        self.add_button.setText(self.tr("Add a customer…"))
        self.add_button.setDescription(self.tr("Type in your first customer and a contact."))
        self.demo_button.setText(self.tr("Open demo data…"))
        self.demo_button.setDescription(
            self.tr(
                "Try ERPDesk on {count} made-up customers with deals and quotes, in a database "
                "of their own: yours stays as it is."
            ).format(count=f"{DEMO_CUSTOMERS:,}")
        )
        link = self.tr("Show in folder")
        self.folder_link.setText(f'<a href="folder">{link}</a>')
        self._show_path()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- the database's place ------------------------------------------------------

    def set_database_path(self, path: Path | str) -> None:
        self._db_path = Path(path)
        self._show_path()

    def _show_path(self) -> None:
        known = self._db_path is not None
        self.path_label.setText(
            self.tr("Your database: {path}").format(path=self._db_path) if known else ""
        )
        self.folder_link.setVisible(known)

    def folder(self) -> Path | None:
        return self._db_path.parent if self._db_path is not None else None

    def show_folder(self) -> bool:
        """Open the database's folder in the file manager."""
        folder = self.folder()
        if folder is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
