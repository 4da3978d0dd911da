"""`Content`: every content file of one locale, read once by coach.content.loader, handed to whoever shows words.

Two views of the same parsed files:
- the words (`text`, `key_words`, `body_choices`) straight from the plain dictionaries: the first screen and the
  quick commands (`pain-coach log`, `export`) use only these, and never import pydantic;
- the validated models (`triage`, `routines`, `exercises`, ...) built from the same dictionaries on first use
  (coach.content.models), with every cross-check of `pain-coach check-content`.

One `Content` is made per process (coach.cli.main, coach.tui.app.run_app) and passed down; nothing keeps
words in module globals.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from coach.content.loader import BASE_LOCALE, FILES, ContentError, Data, FileProblem, file_bytes, read_file
from coach.locations import content_dir

if TYPE_CHECKING:
    from coach.content import models


class KeyWords(NamedTuple):  # not a dataclass: making one takes a millisecond of the start
    label: str
    help: str = ""


class Choice(NamedTuple):
    id: str
    label: str


class Content:
    """The content of one locale. Immutable: built once, then only read (the models are made on first use)."""

    def __init__(self, folder: Path, locale: str = BASE_LOCALE) -> None:
        object.__setattr__(self, "folder", folder)
        object.__setattr__(self, "locale", locale)
        object.__setattr__(self, "_parsed", {})  # stem -> dict or the FileProblem; filled as files are read

    folder: Path
    locale: str
    _parsed: dict[str, Data | FileProblem]

    @classmethod
    def load(cls, locale: str = BASE_LOCALE, folder: Path | None = None) -> Content:
        """The content in `folder` (the packaged one by default); its files are read when first needed."""
        return cls(Path(folder) if folder else content_dir(), locale)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Content is read-only: cannot set {name}")

    def __repr__(self) -> str:
        return f"Content({str(self.folder)!r}, locale={self.locale!r})"

    @property
    def label(self) -> str:
        """The folder's name as problems name it: "content", also when checked as "."; "content/zh-CN" for a locale."""
        name = self.folder.resolve().name
        return name if self.locale == BASE_LOCALE else f"{name}/{self.locale}"

    # --- the plain dictionaries ----------------------------------------------------------------------

    def _try(self, name: str) -> Data | FileProblem:
        if name not in self._parsed:
            try:
                self._parsed[name] = read_file(self.folder, name, self.locale)
            except FileProblem as problem:
                self._parsed[name] = problem
        return self._parsed[name]

    def raw(self, name: str) -> Data:
        """A file as parsed; a file that cannot be read raises the full ContentError (every problem)."""
        found = self._try(name)
        if isinstance(found, FileProblem):
            self._explain()
        assert isinstance(found, dict)
        return found

    def _explain(self) -> None:
        """Raise check-content's precise ContentError for a file the words could not use."""
        self.check()

    # --- words, without pydantic ---------------------------------------------------------------------

    def text(self, key: str, **values: object) -> str:
        """A user-facing string from ui.toml: text("home.intro"), text("app.too_small", width=80, ...).

        A message with a `count` may come in plural forms, `name_one` / `name_other`, picked by the locale's
        rule (coach.content.plural; Chinese has only `name_other`).
        """
        return self._words("ui", key, values)

    def report_text(self, key: str, **values: object) -> str:
        """A word of the printable report or the function score's reading, from report.toml, as `text` does."""
        return self._words("report", key, values)

    def _words(self, file: str, key: str, values: dict[str, object]) -> str:
        section, _, name = key.partition(".")
        messages = self.raw(file)[section]
        count = values.get("count")
        if isinstance(count, int) and name not in messages:
            from coach.content.plural import counted_name

            name = counted_name(messages, name, count, self.locale)
        template: str = messages[name]
        return template.format(**values) if values else template

    def counted(self, what: str, count: int) -> str:
        """A number with its noun in the right form: counted("weeks", 1) == "1 week" ([counts] in ui.toml)."""
        return self.text(f"counts.{what}", count=count)

    def key_words(self, binding_id: str) -> KeyWords:
        """The words of a key binding in keys.toml by its id: key_words("home.checkin").label."""
        owner, _, name = binding_id.partition(".")
        try:
            return KeyWords(**self.raw("keys")[owner][name])
        except (KeyError, TypeError):
            self._explain()
            raise

    def binding_ids(self) -> list[str]:
        """Every binding id keys.toml has words for (the same as the code's, tests/test_keys.py checks)."""
        return [f"{owner}.{name}" for owner, bindings in self.raw("keys").items() for name in bindings]

    def body_choices(self, kind: str) -> list[Choice]:
        """The `areas` or the `sides` listed in body.toml, in their order."""
        try:
            return [Choice(entry["id"], entry["label"]) for entry in self.raw("body")[kind]]
        except (KeyError, TypeError):
            self._explain()
            raise

    def routine_name(self, routine_id: str) -> str | None:
        """The name of a packaged routine in routines.toml, None for an id it does not have: the same words the
        validated model holds (it is built from this dictionary), without building it (`pain-coach export`)."""
        return self._routine_names.get(routine_id)

    @cached_property
    def _routine_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        try:
            for entry in self.raw("routines")["routines"]:
                names.setdefault(entry["id"], entry["name"])  # the first of an id, as a search of the list finds
        except (KeyError, TypeError):
            self._explain()
            raise
        if not all(isinstance(name, str) for name in names.values()):
            self._explain()
        return names

    # --- the validated models ------------------------------------------------------------------------

    @cached_property
    def files(self) -> models.ContentFiles:
        """Every file validated and cross-checked; ContentError listing every problem."""
        from coach.content import models

        if not self.folder.is_dir():
            raise ContentError([f"{self.folder}: no such content folder"])
        return models.validate(self.label, {name: self._try(name) for name in FILES}, self.problem_words)

    def problem_words(self, problem: FileProblem) -> str:
        """A file's problem in this content's words; in English when ui.toml, which holds them, is the problem."""
        ui = self._try("ui")
        words = ui.get("content_problems", {}) if isinstance(ui, dict) else {}
        template = words.get(problem.key)
        return template.format(**problem.values) if isinstance(template, str) else str(problem)

    def check(self) -> None:
        """Validate every file now (check-content, and the app just after its first paint)."""
        self.files  # noqa: B018  (the property validates)

    @cached_property
    def version(self) -> str:
        """A digest of the files, stored with records that depend on content."""
        import hashlib  # not needed for the first screen

        digest = hashlib.sha256()
        for name in FILES:
            digest.update(file_bytes(self.folder, name, self.locale))
        return digest.hexdigest()[:12]

    @property
    def ui(self) -> models.UiFile:
        return self.files.ui

    @property
    def keys_file(self) -> models.KeysFile:
        return self.files.keys

    @property
    def about(self) -> models.AboutFile:
        return self.files.about

    @property
    def body(self) -> models.BodyFile:
        return self.files.body

    @property
    def exercises(self) -> models.ExercisesFile:
        return self.files.exercises

    @property
    def routines(self) -> models.RoutinesFile:
        return self.files.routines

    @property
    def questionnaire(self) -> models.QuestionnaireFile:
        return self.files.questionnaire

    @property
    def triage(self) -> models.TriageFile:
        return self.files.triage

    @property
    def advice(self) -> models.AdviceFile:
        return self.files.advice

    @property
    def profile(self) -> models.ProfileFile:
        return self.files.profile

    @property
    def voice(self) -> models.VoiceFile:
        return self.files.voice

    def report(self) -> models.ReportFile:
        return self.files.report
