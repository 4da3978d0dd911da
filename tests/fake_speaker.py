"""A speaker that records what it was asked to do, in place of espeak-ng: tests make no sound."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FakeSpeaker:
    voice: str = ""
    rate: int = 0
    calls: list[tuple[str, str]] = field(default_factory=list)  # ("say", words), ("stop", ""), ("close", "")
    fail_with: tuple[str, str] | None = None  # what problem() reports once, to play a failing espeak-ng

    def say(self, text: str) -> None:
        self.calls.append(("say", text))

    def stop(self) -> None:
        self.calls.append(("stop", ""))

    def close(self) -> None:
        self.calls.append(("close", ""))

    def problem(self):
        problem, self.fail_with = self.fail_with, None
        return problem

    @property
    def said(self) -> list[str]:
        return [text for call, text in self.calls if call == "say"]


@dataclass
class Speakers:
    """Every FakeSpeaker the app made, in order (a voice switch makes a new one)."""

    made: list[FakeSpeaker] = field(default_factory=list)
    fail_with: tuple[str, str] | None = None

    def __call__(self, choice) -> FakeSpeaker:
        speaker = FakeSpeaker(choice.voice, choice.rate, fail_with=self.fail_with)
        self.made.append(speaker)
        return speaker
