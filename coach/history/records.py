"""What pain-coach stores: validated, versioned records.

Every record carries `schema` (its schema version) and a unique `id`. A record whose schema is newer
than this code knows is refused rather than guessed at (the store quarantines its file).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter

SCHEMA_VERSION = 1

Pain = Annotated[int, Field(ge=0, le=10)]
# A moment the app can show, file by month and do day arithmetic on: far from datetime's year 1 and 9999 edges.
Moment = Annotated[AwareDatetime, Field(ge=datetime(1900, 1, 1, tzinfo=UTC), lt=datetime(2201, 1, 1, tzinfo=UTC))]
# Days of pregnancy: 280 is the due date; a due date 44 weeks ahead gives -28, four weeks past it 308.
GestationDays = Annotated[int, Field(ge=-400, le=400)]


def new_id() -> str:
    return uuid.uuid4().hex


def now() -> datetime:
    return datetime.now().astimezone()


class RecordBase(BaseModel):
    schema_: Literal[1] = Field(default=SCHEMA_VERSION, alias="schema")
    id: str = Field(default_factory=new_id, min_length=8)
    at: Moment = Field(default_factory=now)
    # Days of pregnancy at the time (280 = due date); None when the profile had no dates.
    gestation_days: GestationDays | None = None
    note: str = ""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

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
    level: Literal["emergency", "urgent", "soon", "self-care"]
    flags: list[str] = []
    pattern: str | None = None
    advice: list[str] = []
    routines: list[str] = []
    content_version: str = ""


class RoutineSession(RecordBase):
    """One run of a guided routine, finished or stopped early. `at` is when it started."""

    kind: Literal["routine"] = "routine"
    routine_id: str
    routine_name: str = ""
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
    substitutions: list[str] = []


Record = Annotated[FlareLog | CheckIn | RoutineSession, Field(discriminator="kind")]
RECORD_ADAPTER: TypeAdapter[Record] = TypeAdapter(Record)
KINDS = ("checkin", "routine", "flare")


def parse_record(data: Any) -> Record:
    """Validate one stored record (raises pydantic.ValidationError)."""
    return RECORD_ADAPTER.validate_python(data)


class Profile(BaseModel):
    """What the person told us about their pregnancy; kept in its own file."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Literal[1] = Field(default=SCHEMA_VERSION, alias="schema")
    due_date: date | None = None
    # How the due date was given: by the midwife, from the last period, or the baby is born.
    date_basis: Literal["due", "lmp", "born"] | None = None
    lmp: date | None = None
    birth_date: date | None = None
    day_first: bool = True
    pgp_diagnosed: Literal["yes", "no", "unsure"] | None = None
    conditions: list[str] = []  # ids of conditions that need clearance before exercise
    emergency_number: str | None = None


class Settings(BaseModel):
    """App preferences and small pieces of remembered state."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Literal[1] = Field(default=SCHEMA_VERSION, alias="schema")
    theme: str | None = None
    first_run_done: bool = False
    bell: bool = True
    reduced_motion: bool = False
    safety_check_date: date | None = None  # the day the pre-routine safety list was last confirmed
    cleared_after: AwareDatetime | None = None  # "I have been checked": clears an earlier red-flag block
