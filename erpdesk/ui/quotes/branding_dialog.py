"""The company branding of quotes and proposals: names, address, contact,
tax and bank details, the logo, the colours and the seal text.

The dialog edits a copy; Save hands it to ``BrandingService.save``, which
checks everything at once; its problems are shown under the fields they
name (on their tab) and nothing is saved then.  A logo file is read and
checked when it is chosen (``read_logo``): a file that is not a PNG or JPEG
is refused at once with the reason, and the previous logo stays.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.branding import DEFAULT_BRANDING, Branding
from erpdesk.domain.errors import DomainError, ValidationError
from erpdesk.ui.form_fit import add_field_row, fit_to_screen, scrolling
from erpdesk.ui.presales.survey_parts import reserved_problem_label
from erpdesk.ui.widgets import (
    ProblemLabel,
    problems_by_field,
    settle_minimum_size,
    translate,
)

if TYPE_CHECKING:
    from erpdesk.services.branding import BrandingService

# (tab, field keys) in order; "logo" is the picture, the rest are texts.
TABS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("company", ("name_zh", "name_en", "short_name", "address_zh", "address_en",
                 "letterhead_line", "letterhead_line_en")),
    ("contact", ("phone", "fax", "email", "website", "tax_id", "bank_name", "bank_account")),
    ("look", ("logo", "primary_colour", "accent_colour", "seal_label", "footer_note",
              "footer_note_en")),
)  # fmt: skip
TEXT_FIELDS = tuple(key for _tab, keys in TABS for key in keys if key != "logo")
COLOUR_FIELDS = ("primary_colour", "accent_colour")
LOGO_SIZE = QSize(200, 80)


class ColourEdit(QWidget):
    """A colour as #RRGGBB text with a swatch that opens the colour dialog.

    Signals:
        changed(str): the text changed.
    """

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setMaxLength(7)
        self.edit.setPlaceholderText("#1d4e89")
        self.edit.setMaximumWidth(110)
        self.swatch = QPushButton()
        self.swatch.setFixedSize(QSize(48, 24))
        self.swatch.clicked.connect(self.choose)
        self.edit.textChanged.connect(self._show)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.swatch)
        layout.addStretch(1)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def _show(self, text: str) -> None:
        colour = QColor(text.strip())
        valid = colour.isValid() and text.strip().startswith("#")
        shown = colour.name() if valid else "#ffffff"
        self.swatch.setStyleSheet(f"background: {shown}; border: 1px solid #90a4ae;")
        self.changed.emit(text)

    def choose(self) -> None:
        current = QColor(self.edit.text().strip())
        chosen = QColorDialog.getColor(current if current.isValid() else QColor("#1d4e89"), self)
        if chosen.isValid():
            self.edit.setText(chosen.name())


class BrandingDialog(QDialog):
    """Edit the company branding.

    Signals:
        saved(): the branding was saved.
    """

    saved = Signal()

    def __init__(self, service: BrandingService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.dirty = False
        self.setWindowTitle(self.tr("Company branding"))
        load_problem = ""
        try:
            self.branding = service.get()
        except DomainError as exc:
            self.branding = DEFAULT_BRANDING
            load_problem = exc.render(translate)
        self.logo: bytes | None = self.branding.logo

        self.edits: dict[str, QLineEdit] = {}
        self.colours: dict[str, ColourEdit] = {}
        self.problem_labels: dict[str, ProblemLabel] = {}
        self.tabs = QTabWidget()
        self.tab_of: dict[str, int] = {}
        captions = self._captions()
        for n, (tab, keys) in enumerate(TABS):
            page = QWidget()
            form = QFormLayout(page)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            form.setVerticalSpacing(1)
            for key in keys:
                self.tab_of[key] = n
                editor = self._make_editor(key)
                self.problem_labels[key] = add_field_row(form, captions[key], editor, 1)
            self.tabs.addTab(scrolling(page), self._tab_title(tab))  # scrolls at 150 %

        self.error_label = reserved_problem_label(2, self)
        self.error_label.show_text(load_problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("Printed on every quote and proposal PDF."))
        note.setStyleSheet("color: #546e7a;")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._load(self.branding)
        fit_to_screen(self, 720, 520)
        settle_minimum_size(self)

    # -- building --------------------------------------------------------------

    def _captions(self) -> dict[str, str]:
        return {
            "name_zh": self.tr("Company name (Chinese) *"),
            "name_en": self.tr("Company name (English)"),
            "short_name": self.tr("Short name"),
            "address_zh": self.tr("Address (Chinese)"),
            "address_en": self.tr("Address (English)"),
            "letterhead_line": self.tr("Letterhead line (Chinese)"),
            "letterhead_line_en": self.tr("Letterhead line (English)"),
            "phone": self.tr("Phone"),
            "fax": self.tr("Fax"),
            "email": self.tr("E-mail"),
            "website": self.tr("Website"),
            "tax_id": self.tr("Taxpayer ID"),
            "bank_name": self.tr("Bank"),
            "bank_account": self.tr("Bank account"),
            "logo": self.tr("Logo"),
            "primary_colour": self.tr("Main colour"),
            "accent_colour": self.tr("Accent colour"),
            "seal_label": self.tr("Seal label"),
            "footer_note": self.tr("Footer note (Chinese)"),
            "footer_note_en": self.tr("Footer note (English)"),
        }

    def _tab_title(self, tab: str) -> str:
        return {
            "company": self.tr("Company"),
            "contact": self.tr("Contact and bank"),
            "look": self.tr("Logo and colours"),
        }[tab]

    def _make_editor(self, key: str) -> QWidget:
        if key == "logo":
            return self._make_logo()
        if key in COLOUR_FIELDS:
            colour = ColourEdit()
            colour.changed.connect(self._mark_dirty)
            self.colours[key] = colour
            return colour
        edit = QLineEdit()
        edit.textEdited.connect(self._mark_dirty)
        self.edits[key] = edit
        return edit

    def _make_logo(self) -> QWidget:
        box = QWidget()
        self.logo_label = QLabel()
        self.logo_label.setFixedSize(LOGO_SIZE)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_label.setStyleSheet("border: 1px dashed #b0bec5; color: #90a4ae;")
        self.logo_button = QPushButton(self.tr("Choose…"))
        self.logo_button.clicked.connect(self.ask_logo)
        self.clear_logo_button = QPushButton(self.tr("Remove"))
        self.clear_logo_button.clicked.connect(self.clear_logo)
        buttons = QVBoxLayout()
        buttons.addWidget(self.logo_button)
        buttons.addWidget(self.clear_logo_button)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.logo_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(buttons)
        layout.addStretch(1)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        return box

    # -- values ----------------------------------------------------------------

    def _load(self, branding: Branding) -> None:
        for key, edit in self.edits.items():
            edit.setText(str(getattr(branding, key)))
        for key, colour in self.colours.items():
            colour.set_text(str(getattr(branding, key)))
        self.logo = branding.logo
        self._show_logo()
        self.dirty = False

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self.logo is not None and pixmap.loadFromData(self.logo):
            self.logo_label.setPixmap(
                pixmap.scaled(
                    LOGO_SIZE - QSize(8, 8),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_label.setPixmap(QPixmap())
            self.logo_label.setText(self.tr("No logo"))
        self.clear_logo_button.setEnabled(self.logo is not None)

    def edited(self) -> Branding:
        """The branding as the form shows it (not checked)."""
        values: dict[str, Any] = {key: edit.text() for key, edit in self.edits.items()}
        values.update({key: colour.text() for key, colour in self.colours.items()})
        return replace(self.branding, logo=self.logo, **values)

    def _mark_dirty(self, *_args: Any) -> None:
        self.dirty = True

    # -- the logo --------------------------------------------------------------

    def ask_logo(self) -> bool:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the logo"),
            str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        return self.use_logo_file(Path(path)) if path else False

    def use_logo_file(self, path: Path) -> bool:
        """Take the logo at *path*; False (and the reason under the field)
        when it is missing, unreadable, not a PNG or JPEG, or too big."""
        from erpdesk.services.branding import read_logo

        label = self.problem_labels["logo"]
        try:
            data = read_logo(path)
        except ValidationError as exc:
            label.set_problems(exc.problems)
            self.tabs.setCurrentIndex(self.tab_of["logo"])
            return False
        except DomainError as exc:
            label.show_text(exc.render(translate))
            self.tabs.setCurrentIndex(self.tab_of["logo"])
            return False
        label.show_text("")
        self.logo = data
        self.dirty = True
        self._show_logo()
        return True

    def clear_logo(self) -> None:
        self.logo = None
        self.dirty = True
        self.problem_labels["logo"].show_text("")
        self._show_logo()

    # -- saving ----------------------------------------------------------------

    def save(self) -> bool:
        """Save through the service; its problems are shown by field."""
        try:
            saved = self._service.save(self.edited())
        except ValidationError as exc:
            self.show_problems(exc)
            return False
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return False
        self.branding = saved
        self.dirty = False
        self.saved.emit()
        self.accept()
        return True

    def show_problems(self, exc: ValidationError) -> None:
        by_field = problems_by_field(exc.problems)
        first_tab: int | None = None
        for key, label in self.problem_labels.items():
            found = by_field.pop(key, [])
            label.set_problems(found)
            if found and first_tab is None:
                first_tab = self.tab_of[key]
        rest = [p for found in by_field.values() for p in found]
        self.error_label.show_text(
            "\n".join(p.render(translate) for p in rest)
            or self.tr("Please correct the fields marked in red.")
        )
        if first_tab is not None:
            self.tabs.setCurrentIndex(first_tab)

    def reject(self) -> None:
        if self.dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Discard the changes to the company branding?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.dirty = False
        super().reject()


def edit_branding(parent: QWidget | None, service: BrandingService) -> BrandingDialog:
    """Open the branding dialog (window-modal, deleted when closed)."""
    dialog = BrandingDialog(service, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
