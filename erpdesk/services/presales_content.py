"""The presales content in use on a desk (docs/presales.md, "Knowledge base"
and "Questionnaires"): the knowledge base and the survey questionnaires of
the files (shipped, or the company's named by ``$ERPDESK_KNOWLEDGE`` /
``$ERPDESK_QUESTIONNAIRES``) overlaid with this desk's own edits.

An edit is one row of ``presales_content`` (``ContentStore``): an entry's
plain data (``entry_to_data`` / ``questionnaire_to_data``), read back
through the files' checks, or the mark of a file's entry the desk removed.
Saving checks the entry as the file would (problems by key path, nothing
saved if any) and against the rest of the base (a module's code is a
playbook module, an industry's modules there).  The
result is cached until the next change, which publishes
``Change("presales_content", ("<kind>:<code>",))`` so open views refresh.
Desk-local: the edits are not synced; ``export_knowledge`` and
``export_questionnaires`` write them as files to hand to other desks.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from erpdesk.domain.customer import utcnow
from erpdesk.domain.errors import Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.knowledge import (
    INDUSTRY_CODES,
    UNKNOWN_ENTRY,
    Entry,
    Industry,
    KnowledgeBase,
    KnowledgeError,
    Module,
    UnknownEntry,
    entry_to_data,
    parse_entry,
)
from erpdesk.domain.questionnaire import ModuleQuestionnaire, QuestionnaireError, Questionnaires
from erpdesk.services.events import Change, ChangeFeed

if TYPE_CHECKING:
    from erpdesk.storage.content_repository import ContentStore, StoredContent

CONTENT_ENTITY = "presales_content"
QUESTIONNAIRE = "questionnaire"
# A knowledge base entry's kind (as the views name it) -> its file's key.
ENTRY_FILES: dict[str, str] = {"module": "modules", "industry": "industries",
                               "competitor": "competitors"}

_TAKEN = QT_TRANSLATE_NOOP("Domain", 'The knowledge base already has the {kind} "{code}"')
_NAMED_BY = QT_TRANSLATE_NOOP(
    "Domain", "The industries {names} name this module; take it out of them first"
)
_NOTHING_TO_RESET = QT_TRANSLATE_NOOP(
    "Domain", "Only an entry of the files can be reset; this one was added on this desk"
)
_NO_QUESTIONNAIRE = QT_TRANSLATE_NOOP("Domain", 'There is no questionnaire for "{module}"')


@dataclass(frozen=True)
class EntryOrigin:
    """Where an entry in use comes from: the files as they are (``file``),
    the files' entry edited on this desk (``edited``) or added on this desk
    (``added``); when and by whom the desk changed it."""

    origin: str
    updated_at: str = ""
    updated_by: str = ""

    @property
    def edited(self) -> bool:
        return self.origin != "file"


def key_path(path: tuple[str | int, ...]) -> str:
    """A problem's key path as a ``Problem.field``: ``demos.1.duration_minutes``
    (list positions from 0), the form's way to find the field."""
    return ".".join(str(part) for part in path)


def _refuse(field: str, code: str, text: str, /, **params: Any) -> ValidationError:
    return ValidationError([Problem(field, code, text, params)])


def _knowledge_problems(exc: KnowledgeError) -> ValidationError:
    return ValidationError(
        [Problem(key_path(p.path), p.code, p.text, dict(p.params)) for p in exc.problems]
    )


def _default_folder() -> Path:
    from erpdesk.knowledge import knowledge_folder

    return knowledge_folder()


def _default_questionnaires() -> Path:
    from erpdesk.questionnaires import questionnaires_path

    return questionnaires_path()


def _playbook_modules() -> list[str]:
    from erpdesk.playbooks import read_playbook

    return [module.code for module in read_playbook().modules]


class PresalesContentService:
    """The knowledge base and questionnaires in use, and the desk's edits."""

    def __init__(
        self,
        store: ContentStore,
        feed: ChangeFeed,
        *,
        user: str = "",
        folder: Callable[[], Path] = _default_folder,
        questionnaires_file: Callable[[], Path] = _default_questionnaires,
        playbook_modules: Callable[[], list[str]] = _playbook_modules,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = store
        self.feed = feed
        self.user = user
        self._folder = folder
        self._questionnaires_file = questionnaires_file
        self._playbook_modules = playbook_modules
        self._clock = clock
        self._lock = threading.Lock()  # knowledge() runs on a worker thread
        self._knowledge: KnowledgeBase | None = None
        self._questionnaires: Questionnaires | None = None
        # desk rows the files' checks refuse now (a changed playbook): not in use
        self.skipped: list[tuple[str, str]] = []
        self.skipped_questionnaires: list[str] = []

    # -- the content in use ----------------------------------------------------

    def file_knowledge(self) -> KnowledgeBase:
        """The knowledge base of the files alone (read once per folder)."""
        from erpdesk.knowledge import read_knowledge

        return read_knowledge(self._folder())

    def file_questionnaires(self) -> Questionnaires:
        from erpdesk.questionnaires import read_questionnaires

        return read_questionnaires(self._questionnaires_file())

    def knowledge(self) -> KnowledgeBase:
        """The files' knowledge base with this desk's edits, each checked;
        cached until the next change.  ``KnowledgeError`` if the files
        cannot be used."""
        with self._lock:
            if self._knowledge is None:
                self._knowledge = self._overlay_knowledge()
            return self._knowledge

    def questionnaires(self) -> Questionnaires:
        """The questionnaires file with this desk's edits; cached until the
        next change."""
        with self._lock:
            if self._questionnaires is None:
                self._questionnaires = self._overlay_questionnaires()
            return self._questionnaires

    def _overlay_knowledge(self) -> KnowledgeBase:
        base = self.file_knowledge()
        lists: dict[str, dict[str, Entry]] = {
            kind: {e.code: e for e in getattr(base, key)} for kind, key in ENTRY_FILES.items()
        }
        modules = self._playbook_modules()
        skipped = []
        for row in self.store.rows():
            if row.kind not in lists:
                continue
            if row.removed:
                lists[row.kind].pop(row.code, None)
                continue
            try:
                entry = parse_entry(ENTRY_FILES[row.kind], row.data, modules=modules,
                                    industries=INDUSTRY_CODES if row.kind == "industry" else None)
            except KnowledgeError:
                skipped.append((row.kind, row.code))
                continue
            lists[row.kind][row.code] = entry  # in place when the files have it
        self.skipped = skipped
        return KnowledgeBase(
            modules=tuple(e for e in lists["module"].values() if isinstance(e, Module)),
            industries=tuple(e for e in lists["industry"].values() if isinstance(e, Industry)),
            competitors=tuple(lists["competitor"].values()),  # type: ignore[arg-type]
            version=base.version,
        )

    def _overlay_questionnaires(self) -> Questionnaires:
        from erpdesk.questionnaires import parse_module_questionnaire

        files = self.file_questionnaires()
        modules = dict(files.modules)
        known = self._playbook_modules()
        skipped = []
        for row in self.store.rows(QUESTIONNAIRE):
            if row.removed:
                modules.pop(row.code, None)
                continue
            try:
                modules[row.code] = parse_module_questionnaire(row.data, modules=known)
            except QuestionnaireError:
                skipped.append(row.code)
        self.skipped_questionnaires = skipped
        return Questionnaires(version=files.version, modules=modules)

    def _changed(self, kind: str, code: str) -> None:
        with self._lock:
            self._knowledge = None
            self._questionnaires = None
        self.feed.publish(Change(CONTENT_ENTITY, (f"{kind}:{code}",)))

    def _actor(self) -> str:
        return self.store.signed_in_user() or self.user

    # -- knowledge base entries ------------------------------------------------

    def in_files(self, kind: str, code: str) -> bool:
        """The files (not this desk) have the entry *kind*/*code* (an entry
        of the knowledge base, or a questionnaire of the module *code*)."""
        if kind == QUESTIONNAIRE:
            return code in self.file_questionnaires().modules
        return (kind, code) in {(e.KIND, e.code) for e in self.file_knowledge().entries()}

    def origin(self, kind: str, code: str) -> EntryOrigin:
        """Where the entry *kind*/*code* in use comes from."""
        row = self.store.get(kind, code)
        if row is None or row.removed:
            return EntryOrigin("file")
        origin = "edited" if self.in_files(kind, code) else "added"
        return EntryOrigin(origin, row.updated_at, row.updated_by)

    def entry(self, kind: str, code: str) -> Entry:
        """The entry in use; ``UnknownEntry`` if there is none."""
        base = self.knowledge()
        getters: dict[str, Callable[[str], Entry]] = {
            "module": base.module, "industry": base.industry, "competitor": base.competitor}
        if kind not in getters:
            raise UnknownEntry(kind=kind, code=code)
        return getters[kind](code)

    def entry_data(self, kind: str, code: str) -> dict[str, Any]:
        """The plain data of the entry in use (what the editor shows)."""
        return entry_to_data(self.entry(kind, code))

    def addable_modules(self) -> list[str]:
        """The playbook's module codes the knowledge base has no entry for."""
        have = {m.code for m in self.knowledge().modules}
        return [code for code in self._playbook_modules() if code not in have]

    def save_entry(self, kind: str, data: Mapping[str, Any], *, new: bool = False) -> Entry:
        """Store *data* as the desk's entry of *kind* (module, industry,
        competitor): a new one (*new*) or an edit of one in use.  Checked
        like the files (problems by key path) and against the base;
        ``ValidationError`` and nothing saved otherwise."""
        if kind not in ENTRY_FILES:
            raise ValueError(f"unknown kind of entry {kind!r}")
        base = self.knowledge()
        entry = self._checked(kind, data, base)
        present = {e.code for e in getattr(base, ENTRY_FILES[kind])}
        if new and entry.code in present:
            raise _refuse("code", "code.taken", _TAKEN, kind=kind, code=entry.code)
        if not new and entry.code not in present:
            raise _refuse("code", "code.unknown", UNKNOWN_ENTRY, kind=kind, code=entry.code)
        self.store.put(kind, entry.code, entry_to_data(entry), at=self._clock(),
                       by=self._actor())
        self._changed(kind, entry.code)
        return entry

    def _checked(self, kind: str, data: Mapping[str, Any], base: KnowledgeBase) -> Entry:
        modules = self._playbook_modules()
        try:
            entry = parse_entry(
                ENTRY_FILES[kind], data,
                modules=modules if kind == "module" else [m.code for m in base.modules],
                industries=INDUSTRY_CODES if kind == "industry" else None,
            )
        except KnowledgeError as exc:
            raise _knowledge_problems(exc) from None
        return entry

    def remove_entry(self, kind: str, code: str) -> None:
        """Take the entry out of the base in use: a file's entry is hidden on
        this desk (``reset_entry`` brings it back), a desk-added one deleted.
        A module that industries name is refused."""
        base = self.knowledge()
        entry = self.entry(kind, code)
        if isinstance(entry, Module):
            naming = [i.name for i in base.industries if code in i.modules]
            if naming:
                raise _refuse("", "module.named", _NAMED_BY, names="、".join(naming))
        if self.origin(kind, code).origin == "added":
            self.store.delete(kind, code)
        else:
            self.store.put(kind, code, {}, removed=True, at=self._clock(), by=self._actor())
        self._changed(kind, code)

    def reset_entry(self, kind: str, code: str) -> None:
        """Back to the files' entry (an edit or a removal forgotten)."""
        if not self.in_files(kind, code):
            raise _refuse("", "entry.not_in_files", _NOTHING_TO_RESET)
        if self.store.delete(kind, code):
            self._changed(kind, code)

    def removed_entries(self) -> list[StoredContent]:
        """The files' entries this desk removed (to offer their reset)."""
        return [row for row in self.store.rows() if row.removed and row.kind in ENTRY_FILES]

    def export_knowledge(self, folder: Path | str) -> list[Path]:
        """Write the base in use as the three files of a knowledge folder
        (for ``$ERPDESK_KNOWLEDGE``); the files written."""
        from erpdesk.knowledge import write_knowledge

        return write_knowledge(self.knowledge(), folder)

    # -- questionnaires --------------------------------------------------------

    def save_questionnaire(self, data: Mapping[str, Any]) -> ModuleQuestionnaire:
        """Store a module's questionnaire (``{module, questions}``), checked
        like the file; ``ValidationError`` naming the key path otherwise."""
        from erpdesk.questionnaires import (
            QuestionnaireEntryError,
            parse_module_questionnaire,
            questionnaire_to_data,
        )

        try:
            questionnaire = parse_module_questionnaire(data, modules=self._playbook_modules())
        except QuestionnaireEntryError as exc:
            raise ValidationError([Problem(key_path(exc.path), exc.code, exc.problem_text,
                                           dict(exc.problem_params))]) from None
        self.store.put(QUESTIONNAIRE, questionnaire.module, questionnaire_to_data(questionnaire),
                       at=self._clock(), by=self._actor())
        self._changed(QUESTIONNAIRE, questionnaire.module)
        return questionnaire

    def remove_questionnaire(self, module: str) -> None:
        """No questionnaire for *module* on this desk (a file's hidden)."""
        if module not in self.questionnaires().modules:
            raise _refuse("module", "module.unknown", _NO_QUESTIONNAIRE, module=module)
        if self.in_files(QUESTIONNAIRE, module):
            self.store.put(QUESTIONNAIRE, module, {}, removed=True, at=self._clock(),
                           by=self._actor())
        else:
            self.store.delete(QUESTIONNAIRE, module)
        self._changed(QUESTIONNAIRE, module)

    def reset_questionnaire(self, module: str) -> None:
        """Back to the file's questionnaire of *module*."""
        if not self.in_files(QUESTIONNAIRE, module):
            raise _refuse("module", "entry.not_in_files", _NOTHING_TO_RESET)
        if self.store.delete(QUESTIONNAIRE, module):
            self._changed(QUESTIONNAIRE, module)

    def export_questionnaires(self, path: Path | str) -> Path:
        """Write the questionnaires in use as one file (for
        ``$ERPDESK_QUESTIONNAIRES``)."""
        from erpdesk.questionnaires import write_questionnaires

        return write_questionnaires(self.questionnaires(), path)
