"""The spoken cues of a routine as played: what is said, at which moment of which step. Pure: no textual, no I/O.

Built from the routine's steps (after the plan's substitutions) and the locale's content/voice.toml: at each
exercise's get-ready step its name and first cue line; at each hold, rest and side switch a few words; "three,
two, one" at the end of a hold that counts down; with "steps+breathing", "in" and "out" at each breathing phase
of a paced step; the end.

Each cue must be said before the next one starts (a new cue cuts the old one, coach.routines.speaker): its
`room`. How long speech takes is estimated (`speech_seconds`), calibrated on espeak-ng's WAVs; tests/test_voice_wav.py
checks the estimate never falls short of the real length for the built-in routines. A cue whose long form would
overrun its room is said in its short form (a custom routine's short holds), or not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from coach.content.content import Content
from coach.content.models import Exercise, Say, Speech, VoiceFile
from coach.content.plural import counted_name
from coach.routines.player import Player, Step

VoiceMode = Literal["off", "steps", "steps+breathing"]
VOICE_MODES: tuple[VoiceMode, ...] = ("off", "steps", "steps+breathing")

CueKind = Literal["step", "count", "breath"]

GAP = 0.3  # seconds of quiet between one cue's end and the next breathing cue
STALE = 0.5  # a cue whose moment passed longer ago than this is not said (after a skip or a late tick)


@dataclass(frozen=True)
class Cue:
    text: str
    at: float  # seconds after the step's start; for a count, seconds before its end
    room: float  # seconds it has before the next cue or the step's end
    kind: CueKind
    from_end: bool = False
    short: bool = False  # a shorter form than the usual, which would not have fitted

    def time(self, step_start: float, deadline: float) -> float:
        """The clock time the cue is due at, for a step that started at `step_start` and ends at `deadline`."""
        return deadline - self.at if self.from_end else step_start + self.at


@dataclass(frozen=True)
class Script:
    steps: tuple[tuple[Cue, ...], ...]  # the cues of each step, in time order
    end: str  # said when the routine is over


# --- how long speech takes ----------------------------------------------------------------------

_CJK = re.compile(r"[\u3400-\u9fff]")
_LETTER = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")
_STOP = re.compile(r"[.;:!?。；：！？]")
_COMMA = re.compile(r"[,，、]")


@dataclass(frozen=True)
class Pace:
    """Seconds of speech per sound, fitted on espeak-ng 1.51's WAVs of every cue of the built-in routines at
    `rate`, then `base` raised so that no built-in cue is longer than estimated (tests/test_voice_wav.py)."""

    rate: int
    base: float  # lead-in and trailing silence
    letter: float = 0.0
    word: float = 0.0
    hanzi: float = 0.0
    digit: float = 0.0
    stop: float = 0.0  # a pause at a full stop inside the text
    comma: float = 0.0


LATIN = Pace(rate=145, base=1.02, letter=0.047, word=0.103, digit=0.19, stop=0.604, comma=0.361)
HANZI = Pace(rate=180, base=0.55, hanzi=0.426, digit=0.64)


def speech_seconds(text: str, speech: Speech) -> float:
    """About how long espeak-ng takes to say `text` at `speech.rate`, erring long."""
    if not text.strip():
        return 0.0
    hanzi = len(_CJK.findall(text))
    pace = HANZI if hanzi else LATIN
    inside = text.rstrip(".。!！?？ ")
    seconds = (
        pace.base
        + pace.letter * len(_LETTER.findall(text))
        + pace.word * len(text.split())
        + pace.hanzi * hanzi
        + pace.digit * len(_DIGIT.findall(text))
        + pace.stop * len(_STOP.findall(inside))
        + pace.comma * len(_COMMA.findall(inside))
    )
    slower: float = (pace.rate / speech.rate) ** 1.1  # espeak-ng slows a little more than in proportion
    return seconds * slower


# --- the words ------------------------------------------------------------------------------------


class Words:
    """The words of one locale's voice, with the exercises' spoken forms."""

    def __init__(self, content: Content, rate: int | None = None) -> None:
        voice: VoiceFile = content.voice
        self.say: Say = voice.say
        self.speech = voice.speech if rate is None else voice.speech.model_copy(update={"rate": rate})
        self.spoken = voice.exercises
        self.locale = content.locale
        self._messages = {k: v for k, v in self.say.model_dump().items() if isinstance(v, str) and v}

    def name(self, exercise: Exercise) -> str:
        spoken = self.spoken.get(exercise.id)
        return spoken.name if spoken and spoken.name else exercise.name

    def cue(self, exercise: Exercise) -> str:
        spoken = self.spoken.get(exercise.id)
        return spoken.cue if spoken and spoken.cue else exercise.cues[0]

    def release(self, exercise: Exercise) -> str:
        spoken = self.spoken.get(exercise.id)
        return spoken.release if spoken and spoken.release else exercise.cues[-1]

    def time(self, seconds: int) -> str:
        """ "30 seconds", "2 minutes": a length as said."""
        unit, count = ("minutes", seconds // 60) if seconds >= 60 and seconds % 60 == 0 else ("seconds", seconds)
        return self._messages[counted_name(self._messages, unit, count, self.locale)].format(count=count)

    def seconds(self, text: str) -> float:
        return speech_seconds(text, self.speech)

    def forms(self, step: Step) -> list[str]:
        """What may be said as the step starts, the usual form first, shorter ones after."""
        say, ex = self.say, step.exercise
        if step.kind == "ready":
            name = self.name(ex)
            return [say.ready.format(name=name, cue=self.cue(ex)), say.ready_short.format(name=name)]
        if step.kind == "switch":
            return [say.switch, say.switch_short]
        if step.kind == "rest":
            if ex.rest_after_last:  # progressive muscle relaxation: let go
                return [say.release.format(cue=self.release(ex)), say.release_short]
            return [say.rest]
        if ex.rest_after_last:
            return [say.tense, say.tense_short]
        if "breathing" in ex.flags and step.reps == 1:
            return [say.breathe.format(time=self.time(step.seconds)), say.breathe_short]
        side = {"left": say.side_left, "right": say.side_right}.get(step.side or "", "") if step.rep == 1 else ""
        if step.reps > 1:
            long, short = say.rep.format(rep=step.rep, reps=step.reps), say.rep_short.format(rep=step.rep)
        else:
            long, short = say.hold.format(time=self.time(step.seconds)), say.hold_short
        return [side + long, side + short, short] if side else [long, short]


# --- the script -----------------------------------------------------------------------------------


def _fitting(words: Words, forms: list[str], room: float) -> tuple[str, bool] | None:
    for i, text in enumerate(forms):
        if words.seconds(text) < room:
            return text, i > 0
    return None


def step_cues(step: Step, words: Words, mode: VoiceMode) -> tuple[Cue, ...]:
    if mode == "off":
        return ()
    say = words.say
    counting = step.kind == "hold" and step.count_down and step.seconds > len(say.count) + 1
    counts = [
        Cue(word, at=len(say.count) - i, room=1.0, kind="count", from_end=True) for i, word in enumerate(say.count)
    ]
    # The count's words are the same in every routine: tests/test_voice_wav.py holds each to its second.
    until = step.seconds - (len(say.count) if counting else 0)  # the step's cue and breaths end by here
    cues: list[Cue] = []
    quiet_from = 0.0
    chosen = _fitting(words, words.forms(step), until)
    if chosen is not None:
        text, short = chosen
        cues.append(Cue(text, at=0.0, room=until, kind="step", short=short))
        quiet_from = words.seconds(text) + GAP
    if mode == "steps+breathing" and step.paced:
        cues += _breaths(step, words, start=quiet_from, until=until)
    if cues and len(cues) > 1:  # the step's cue has until the first breath
        cues[0] = Cue(cues[0].text, 0.0, cues[1].at, "step", short=cues[0].short)
    if counting:
        cues += counts
    return tuple(cues)


def _breaths(step: Step, words: Words, start: float, until: float) -> list[Cue]:
    ex = step.exercise
    phases: list[tuple[float, str, float]] = []  # (at, word, length)
    t = 0.0
    while t < until:
        phases.append((t, words.say.breathe_in, ex.breath_in))
        phases.append((t + ex.breath_in, words.say.breathe_out, ex.breath_out))
        t += ex.breath_in + ex.breath_out
    cues = []
    for at, word, length in phases:
        room = min(length, until - at)
        if at >= start and room > 0 and words.seconds(word) < room:
            cues.append(Cue(word, at=at, room=room, kind="breath"))
    return cues


def build_script(steps: list[Step], content: Content, mode: VoiceMode, rate: int | None = None) -> Script:
    words = Words(content, rate)
    return Script(tuple(step_cues(step, words, mode) for step in steps), end=words.say.end)


# --- what to say now ------------------------------------------------------------------------------


class Prompter:
    """Which cue is due as a player runs: each said once, at its moment; late ones dropped."""

    def __init__(self, script: Script) -> None:
        self.script = script
        # (step, cue, its clock time): a step begun again, or a count moved by +10 s, speaks again.
        self._said: set[tuple[int, int, float]] = set()

    def _timed(self, player: Player) -> list[tuple[tuple[int, int, float], Cue, float]]:
        cues = self.script.steps[player.index]
        counts = sum(1 for c in cues if c.kind == "count")
        timed = []
        for i, cue in enumerate(cues):
            at = cue.time(player.step_start, player.deadline)
            if cue.kind == "breath" and counts and at > player.deadline - counts - 1e-6:
                continue  # the step was shortened (-10 s): a breath that falls in the count gives way to it
            timed.append(((player.index, i, round(at, 3)), cue, at))
        return timed

    def due(self, player: Player, now: float) -> Cue | None:
        """The cue to say now, if any; each is said once, and one whose moment passed a while ago not at all."""
        if player.paused or player.finished:
            return None
        due: Cue | None = None
        for key, cue, at in self._timed(player):
            if at <= now + 1e-6 and key not in self._said:
                self._said.add(key)
                if now - at <= STALE:
                    due = cue
        return due

    def next_time(self, player: Player) -> float | None:
        """The clock time of the current step's next cue, to wake for it (None: none left, or paused)."""
        if player.paused or player.finished:
            return None
        times = [at for key, _, at in self._timed(player) if key not in self._said and at < player.deadline]
        return min(times, default=None)
