"""Which voice a routine is spoken in: the mode (palette setting, else config.toml, else off), the espeak-ng
voice and rate (config.toml, else the language's in voice.toml). Pure: no textual, no I/O."""

from __future__ import annotations

from dataclasses import dataclass

from coach.config import Config
from coach.content.content import Content
from coach.routines.voice_script import VOICE_MODES, VoiceMode


@dataclass(frozen=True)
class VoiceChoice:
    mode: VoiceMode
    voice: str  # espeak-ng's -v
    rate: int  # espeak-ng's -s, words per minute


def voice_choice(content: Content, remembered: str | None, config: Config) -> VoiceChoice:
    mode = remembered if remembered in VOICE_MODES else config.voice if config.voice in VOICE_MODES else "off"
    speech = content.voice.speech
    return VoiceChoice(mode, config.voice_name or speech.voice, config.voice_rate or speech.rate)


def next_mode(mode: VoiceMode) -> VoiceMode:
    """off -> steps -> steps+breathing -> off"""
    return VOICE_MODES[(VOICE_MODES.index(mode) + 1) % len(VOICE_MODES)]


def mode_words(content: Content, mode: VoiceMode) -> str:
    shown = content.voice.shown
    return {"off": shown.off, "steps": shown.steps, "steps+breathing": shown.breathing}[mode]


def problem_words(content: Content, kind: str, reason: str) -> str:
    shown = content.voice.shown
    return shown.missing if kind == "missing" else shown.failed.format(reason=reason)
