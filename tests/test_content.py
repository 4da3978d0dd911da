"""The content module: the packaged files validate, and every kind of mistake is reported as
`content/<file>.toml: <field path>: <what>`, one line each."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coach.content.content import Content
from coach.content.loader import FILES, ContentError
from coach.content.models import ContentFiles
from coach.locations import content_dir

ROOT = Path(__file__).resolve().parent.parent
CONTENT_FILES = sorted(FILES)


@pytest.fixture
def copy(tmp_path) -> Path:
    """A fresh copy of the packaged content, named `content` like the real folder."""
    folder = tmp_path / "content"
    shutil.copytree(content_dir(), folder)
    return folder


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text()
    assert text.count(old) == 1, f"{old!r} should occur once in {name}"
    path.write_text(text.replace(old, new))


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        Content.load(folder=folder).check()
    assert str(caught.value) == "\n".join(caught.value.problems)
    return caught.value.problems


def test_packaged_content_validates(content):
    content = Content.load()
    content.check()
    assert content.version
    assert {a.id for a in content.body.areas} >= {"buttock", "back-of-thigh", "lower-back"}
    assert content.keys_file.screens["app"]
    assert content.about.safety.sources
    assert sorted(p.stem for p in content_dir().glob("*.toml")) == CONTENT_FILES
    assert sorted(ContentFiles.model_fields) == CONTENT_FILES


def test_the_models_are_built_once_per_content_from_the_words_it_read(copy):
    content = Content.load(folder=copy)
    assert content.text("home.intro") == "What would you like to do?"
    edit(copy, "ui.toml", 'intro = "What would you like to do?"', 'intro = "What now?"')
    # The models are a view of the files this Content already read, not a second reading of the folder.
    assert content.ui.sections["home"]["intro"] == "What would you like to do?"
    assert content.files is content.files
    assert Content.load(folder=copy).text("home.intro") == "What now?"


def test_content_is_read_only(content):
    with pytest.raises(AttributeError):
        content.locale = "zh-CN"  # type: ignore[misc]


def test_version_changes_with_the_files(copy):
    before = Content.load(folder=copy).version
    edit(copy, "ui.toml", 'intro = "What would you like to do?"', 'intro = "What now?"')
    assert Content.load(folder=copy).version != before


def test_a_locale_overlay_replaces_words_key_by_key_and_falls_back_to_english(copy):
    overlay = copy / "zh-CN"
    overlay.mkdir(exist_ok=True)  # the packaged content may have a zh-CN overlay of its own
    (overlay / "ui.toml").write_text('[home]\nintro = "你想做什么？"\n', encoding="utf-8")
    (overlay / "exercises.toml").write_text('[[exercises]]\nid = "cat-cow"\nname = "猫牛式"\n', encoding="utf-8")
    chinese = Content.load("zh-CN", folder=copy)
    english = Content.load(folder=copy)
    assert chinese.text("home.intro") == "你想做什么？"
    assert chinese.text("app.title") == english.text("app.title")  # not in the overlay: English
    exercises = chinese.exercises.by_id()
    assert exercises["cat-cow"].name == "猫牛式"
    assert exercises["cat-cow"].cues == english.exercises.by_id()["cat-cow"].cues
    assert [e.id for e in chinese.exercises.exercises] == [e.id for e in english.exercises.exercises]
    assert chinese.version != english.version
    assert Content.load("fr", folder=copy).text("home.intro") == english.text("home.intro")  # no overlay at all


BROKEN = {
    "missing file": (
        lambda f: (f / "body.toml").unlink(),
        ["content/body.toml: missing file"],
    ),
    "bad toml": (
        lambda f: (f / "keys.toml").write_text((f / "keys.toml").read_text() + "\n[[home]\nkey = 'x'\n"),
        ["content/keys.toml: not valid TOML: "],
    ),
    "not utf-8": (
        lambda f: (f / "about.toml").write_bytes(b"title = '\xff'\n"),
        ["content/about.toml: not valid TOML: "],
    ),
    "unknown key": (
        lambda f: edit(f, "body.toml", 'label = "Buttock"', 'label = "Buttock"\ncolour = "red"'),
        ["content/body.toml: areas[1].colour: unknown key (check the spelling)"],
    ),
    "unknown key in a keys list": (
        lambda f: edit(f, "keys.toml", 'label = "Guided routines"', 'label = "Guided routines"\nhidden = true'),
        ["content/keys.toml: home.routines.hidden: unknown key (check the spelling)"],
    ),
    "a key binding without a label": (
        lambda f: edit(f, "keys.toml", 'label = "Guided routines"', 'help = "Guided routines"'),
        ["content/keys.toml: home.routines.label: missing"],
    ),
    "wrong type": (
        lambda f: edit(f, "body.toml", 'label = "Buttock"', "label = 3"),
        ["content/body.toml: areas[1].label: Input should be a valid string"],
    ),
    "wrong type in ui": (
        lambda f: edit(f, "ui.toml", 'intro = "What would you like to do?"', "intro = 42"),
        ["content/ui.toml: home.intro: Input should be a valid string"],
    ),
    "missing field": (
        lambda f: edit(f, "body.toml", 'id = "foot"\nlabel = "Foot"', 'id = "foot"'),
        ["content/body.toml: areas[4].label: missing"],
    ),
    "missing section": (
        lambda f: edit(f, "about.toml", "[first_run]", "[first_rn]"),
        ["content/about.toml: first_run: missing", "content/about.toml: first_rn: unknown key (check the spelling)"],
    ),
    "empty sources": (
        lambda f: edit(f, "about.toml", 'sources = [\n  "NICE CKS', 'sources = []\nold = [\n  "NICE CKS'),
        [
            "content/about.toml: safety.sources: List should have at least 1 item",
            "content/about.toml: safety.old: unknown key (check the spelling)",
        ],
    ),
    "bad id": (
        lambda f: edit(f, "body.toml", 'id = "foot"', 'id = "Foot "'),
        ["content/body.toml: areas[4].id: String should match pattern"],
    ),
    "duplicate id": (
        lambda f: edit(f, "body.toml", 'id = "both"', 'id = "left"'),
        ["content/body.toml: sides[2].id: duplicate id 'left'"],
    ),
    "suggested routine that does not exist": (
        lambda f: edit(f, "advice.toml", 'routine = "quick-buttock-relief"', 'routine = "quick-buttock-relif"'),
        [
            "content/advice.toml: suggest[0].routine: no routine 'quick-buttock-relif' (did you mean 'quick-buttock-relief'?)"
        ],
    ),
}


@pytest.mark.parametrize("kind", list(BROKEN))
def test_each_kind_of_mistake_names_file_and_field(copy, kind):
    breaker, expected = BROKEN[kind]
    breaker(copy)
    problems = problems_of(copy)
    assert len(problems) == len(expected), problems
    for line, start in zip(sorted(problems), sorted(expected), strict=True):
        assert line.startswith(start), problems


def test_every_problem_is_reported_not_only_the_first(copy):
    edit(copy, "body.toml", 'label = "Buttock"', "label = 3")
    edit(copy, "body.toml", 'id = "left"', 'id = "LEFT"')
    (copy / "about.toml").unlink()
    problems = problems_of(copy)
    assert [p.split(":")[0] for p in problems] == ["content/about.toml", "content/body.toml", "content/body.toml"]


def test_a_missing_folder(tmp_path):
    assert problems_of(tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}: no such content folder"]


def check_content(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coach", "check-content", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )


def test_check_content_command_accepts_the_packaged_content(copy):
    result = check_content(str(copy))
    assert result.returncode == 0, result.stderr
    assert str(copy) in result.stdout and result.stderr == ""
    assert check_content().returncode == 0


def test_check_content_command_lists_each_problem_and_exits_2(copy):
    BROKEN["duplicate id"][0](copy)
    BROKEN["wrong type in ui"][0](copy)
    result = check_content(str(copy))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "content/ui.toml: home.intro: Input should be a valid string"
    assert len(lines) == 1  # cross-references are checked once every file is valid
    edit(copy, "ui.toml", "intro = 42", 'intro = "What now?"')
    result = check_content(str(copy))
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["content/body.toml: sides[2].id: duplicate id 'left'"]


# --- the code uses only what the content defines -------------------------------------------------------

# Literal keys only: a key built at run time (CONTENT.text("plan.flag_" + flag)) is checked where it is built.
TEXT_CALL = re.compile(r"""\btext\(\s*["']([A-Za-z0-9_]+\.[A-Za-z0-9_]+)["']\s*[,)]""")


def text_keys_used() -> dict[str, list[str]]:
    used: dict[str, list[str]] = {}
    for path in sorted((ROOT / "coach").rglob("*.py")):
        for key in TEXT_CALL.findall(path.read_text()):
            used.setdefault(key, []).append(str(path.relative_to(ROOT)))
    return used


def test_every_text_key_in_the_code_exists_in_ui_toml():
    used = text_keys_used()
    assert len(used) > 20, "the pattern should find the CONTENT.text() calls"
    sections = Content.load().ui.sections
    missing = {
        key: where
        for key, where in used.items()
        for section, _, name in [key.partition(".")]  # a counted message may come as name_one / name_other
        if not {name, f"{name}_other"} & set(sections.get(section, {}))
    }
    assert missing == {}


# The key bindings (in code) and their words (keys.toml) are checked in tests/test_keys.py.


def test_check_content_of_the_current_folder_names_the_files(copy):
    (copy / "body.toml").unlink()
    result = check_content(".", cwd=copy)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["content/body.toml: missing file"]


# --- the ids the code reads by name (coach/content/ids.py) ----------------------------------------------


def test_renaming_an_option_triage_reads_fails_check_content(copy):
    edit(copy, "questionnaire.toml", 'id = "two-six-weeks"', 'id = "two-to-six-weeks"')
    result = check_content(str(copy))
    assert result.returncode == 2
    assert (
        "content/questionnaire.toml: questions[9].options: no option 'two-six-weeks' "
        "(did you mean 'two-to-six-weeks'?), which triage reads"
    ) in result.stderr.splitlines()


def test_renaming_a_body_area_fails_check_content_naming_body_toml(copy):
    edit(copy, "body.toml", 'id = "front-pelvis"', 'id = "front-of-pelvis"')
    lines = problems_of(copy)
    assert (
        "content/body.toml: areas: no option 'front-pelvis' (did you mean 'front-of-pelvis'?), which triage reads"
    ) in lines


def test_the_questionnaire_asks_where_it_hurts_from_body_toml(copy):
    edit(copy, "body.toml", 'label = "Foot"', 'label = "Foot or ankle"')
    where = Content.load(folder=copy).questionnaire.question("where")
    assert where is not None and where.label_of("foot") == "Foot or ankle"


def test_an_exercise_flag_the_plan_reads_must_exist(copy):
    path = copy / "exercises.toml"
    path.write_text(path.read_text().replace('"single-leg"', '"asymmetric"'))
    assert any(
        line.startswith("content/exercises.toml: exercises[].flags: no exercise flag 'single-leg'")
        for line in problems_of(copy)
    )


def test_each_exercise_flag_needs_its_wording_for_the_plan(copy):
    edit(copy, "ui.toml", "flag_kneeling = ", "flag_knelling = ")
    assert (
        "content/ui.toml: plan.flag_kneeling: missing (the plan's changes are worded with it: record_text.change_words)"
        in problems_of(copy)
    )
