"""What pain-coach stores: validated, versioned records.

Every record carries `schema` (its schema version) and a unique `id`. A record whose schema is newer
than this code knows is refused rather than guessed at (the store quarantines its file).

Records keep ids, never words: a routine session stores the routine's id and its changes as ids and
numbers, so the words are drawn when shown, in the reader's language, from the content of the day.
Schema 1 (pain-coach 0.1) kept the routine's name and the changes as English sentences; such a record is
migrated as it is read (see `_from_schema_1`) and written as schema 2 only when its month is written anyway.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any, Final, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from coach.content.ids import BirthKind, FlagLevel, Level

SCHEMA_VERSION: Final = 2  # records (history months and exports)
FILE_SCHEMA_VERSION: Final = 1  # profile.json and settings.json

Pain = Annotated[int, Field(ge=0, le=10)]
# A moment the app can show, file by month and do day arithmetic on: far from datetime's year 1 and 9999 edges.
Moment = Annotated[AwareDatetime, Field(ge=datetime(1900, 1, 1, tzinfo=UTC), lt=datetime(2201, 1, 1, tzinfo=UTC))]
# Days of pregnancy: 280 is the due date; a due date 44 weeks ahead gives -28, four weeks past it 308.
GestationDays = Annotated[int, Field(ge=-400, le=400)]


def new_id() -> str:
    return uuid.uuid4().hex


def now() -> datetime:
    return datetime.now().astimezone()


def _from_schema_1(data: Any) -> Any:
    """A schema-1 record as schema 2. Pure: no content is read, so a history loads without it."""
    if not isinstance(data, dict) or data.get("schema") != 1:
        return data
    data = {**data, "schema": SCHEMA_VERSION}
    if data.get("kind") == "routine":
        # The stored name is kept only as a fallback for a routine the content no longer has (see
        # RoutineSession.fallback_name); the old sentences were English prose and are shown as they were.
        name = data.pop("routine_name", "")
        if name:
            data["fallback_name"] = name
        sentences = data.pop("substitutions", [])
        if isinstance(sentences, list):
            data["changes"] = [{"kind": "worded", "words": s} for s in sentences]
    return data


class SharedFieldSets:
    """A validation context that gives the records validated with it one set of "fields given" per shape, as
    each is made. Pydantic keeps a set per record, more than half of a record's memory, and only
    model_dump(exclude_unset=True) reads it, which nothing here does (records are changed by model_copy, which
    copies the set). Sharing while validating, not after, keeps a month's sets from being all alive at once."""

    def __init__(self) -> None:
        self.sets: list[set[str]] = []  # a few shapes per month: a list beats hashing a frozenset per record

    def share(self, record: BaseModel) -> None:
        given = record.__pydantic_fields_set__
        for shared in self.sets:
            if shared == given:
                object.__setattr__(record, "__pydantic_fields_set__", shared)
                return
        self.sets.append(given)


class RecordBase(BaseModel):
    schema_: Literal[2] = Field(default=SCHEMA_VERSION, alias="schema")
    id: str = Field(default_factory=new_id, min_length=8)
    at: Moment = Field(default_factory=now)
    # Days of pregnancy at the time (280 = due date); None when the profile had no dates.
    gestation_days: GestationDays | None = None
    note: str = ""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _migrate(cls, data: Any) -> Any:
        return _from_schema_1(data)

    def model_post_init(self, context: Any, /) -> None:
        if type(context) is SharedFieldSets:
            context.share(self)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


class FlareLog(RecordBase):
    """A quick note of a flare: `pain-coach log` or the home screen's flare keys."""

    kind: Literal["flare"] = "flare"
    pain: Pain
    where: list[str] = []
    side: str | None = None
    activity: str | None = None


class CheckIn(RecordBase):
    """A completed questionnaire and what triage made of it."""

    kind: Literal["checkin"] = "checkin"
    answers: dict[str, Any]
    pain_now: Pain
    pain_worst: Pain | None = None
    level: Level
    flags: list[str] = []
    pattern: str | None = None
    advice: list[str] = []
    routines: list[str] = []
    content_version: str = ""
    # The weekly function score (PEG, coach/checkin/function_score.py): the mean of its three answers, which are
    # kept in `answers`; None when this check-in did not ask it. Optional, so records made before it still load.
    function_score: float | None = Field(default=None, ge=0, le=10)


class Change(BaseModel):
    """One change the plan made to a routine for this person (coach/routines/offer.py), as ids and numbers.

    - swapped: `exercise` -> `instead`, because of `flag`
    - left-out: `exercise` left out because of `flag`, having no gentler alternative
    - shortened: `exercise` cut to `reps` x `hold` s, at most `limit` s lying on the back
    - worded: a schema-1 record's sentence, kept as it was written (`words`)
    `merged`: the changed step repeated the one before, so it was done once.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["swapped", "left-out", "shortened", "worded"]
    exercise: str = ""
    instead: str | None = None
    flag: str | None = None
    reps: int | None = None
    hold: int | None = None
    limit: int | None = None
    merged: bool = False
    words: str = ""


class RoutineSession(RecordBase):
    """One run of a guided routine, finished or stopped early. `at` is when it started."""

    kind: Literal["routine"] = "routine"
    routine_id: str
    # Only for a person's own routine: its file may be deleted or renamed later, and then nothing else knows
    # its name. It is their own words, not ours, so keeping it does not tie the record to one language.
    # Packaged routines are named from content by `routine_id`.
    fallback_name: str = ""
    content_version: str = ""
    ended_at: Moment | None = None
    steps_done: int = Field(ge=0)
    steps_total: int = Field(ge=0)
    active_seconds: float = Field(ge=0)
    paused_seconds: float = Field(ge=0, default=0)
    pain_before: Pain | None = None
    pain_after: Pain | None = None
    feeling: Literal["better", "same", "worse"] | None = None
    stopped_early: bool = False
    stop_reason: str | None = None
    changes: list[Change] = []


class Clearance(RecordBase):
    """ "I have been checked": after a check-in's warning sign, a midwife or doctor has seen the person.

    Routines are offered again from `at` on (coach.routines.block). Keeps the check-in it clears, by id, with
    its level and warning signs as they were, so the history and the report can say what was checked.
    """

    kind: Literal["clearance"] = "clearance"
    checkin_id: str
    level: FlagLevel
    flags: list[str] = []


Record = Annotated[FlareLog | CheckIn | RoutineSession | Clearance, Field(discriminator="kind")]
RECORD_ADAPTER: TypeAdapter[Record] = TypeAdapter(Record)
KINDS = ("checkin", "routine", "flare", "clearance")


def parse_record(data: Any) -> Record:
    """Validate one stored record (raises pydantic.ValidationError)."""
    return RECORD_ADAPTER.validate_python(data)


def upgraded(doc: Any) -> Any:
    """A stored document as this schema writes it (for a month being written anyway); others as they are."""
    if isinstance(doc, dict) and isinstance(doc.get("schema"), int) and doc["schema"] < SCHEMA_VERSION:
        return parse_record(doc).to_json()
    return doc


class Profile(BaseModel):
    """What the person told us about their pregnancy; kept in its own file."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Literal[1] = Field(default=FILE_SCHEMA_VERSION, alias="schema")
    due_date: date | None = None
    # How the due date was given: by the midwife, from the last period, or the baby is born.
    date_basis: Literal["due", "lmp", "born"] | None = None
    lmp: date | None = None
    birth_date: date | None = None
    day_first: bool = True
    # Asked once a birth date is set: after a caesarean, strenuous moves wait for the postnatal check.
    birth_kind: BirthKind | None = None
    postnatal_check: date | None = None  # the day of the postnatal check (about 6-8 weeks after the birth)
    pgp_diagnosed: Literal["yes", "no", "unsure"] | None = None
    conditions: list[str] = []  # ids of conditions that need clearance before exercise
    emergency_number: str | None = None
    maternity_number: str | None = None  # the maternity unit's (or midwife's) number, for urgent signs


class Settings(BaseModel):
    """App preferences and small pieces of remembered state."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Literal[1] = Field(default=FILE_SCHEMA_VERSION, alias="schema")
    theme: str | None = None
    language: str | None = None  # chosen in the app (palette "Language"); --lang and PAIN_COACH_LANG come first
    first_run_done: bool = False
    bell: bool = True
    reduced_motion: bool = False
    voice: Literal["off", "steps", "steps+breathing"] | None = None  # switched in the palette; None: config.toml's
    safety_check_date: date | None = None  # the day the pre-routine safety list was last confirmed
    cleared_after: AwareDatetime | None = None  # "I have been checked": clears an earlier red-flag block
