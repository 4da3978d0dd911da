"""Every cue of every built-in routine, in English and Chinese, said by the real espeak-ng into a WAV file (in
tmp): not empty, and shorter than the room it has (the time to the next cue or the step's end, which is never
more than its step); each count word shorter than its second. The estimate the script fits cues with
(voice_script.speech_seconds) must never fall short of the real length, or a custom routine's cue could overrun.

Each distinct text is rendered once, four at a time: a few seconds for the ~200 texts."""

from __future__ import annotations

import subprocess
import wave
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from coach.content.content import Content
from coach.routines.voice_script import Words, build_script
from tests.packaged import CONTENT
from tests.voice_cases import played_routines

LOCALES = {"en": CONTENT, "zh-CN": Content.load(locale="zh-CN")}


def wav_seconds(espeak: str, folder: Path, number: int, text: str, voice: str, rate: int) -> float:
    path = folder / f"{number}.wav"
    subprocess.run(
        [espeak, "-v", voice, "-s", str(rate), "-w", str(path), "--", text],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=True,
        timeout=30,
    )
    with wave.open(str(path)) as wav:
        frames = wav.getnframes()
        assert frames > 0, f"espeak-ng said nothing for {text!r}"
        return frames / wav.getframerate()


@pytest.mark.parametrize("locale", LOCALES)
def test_every_cue_said_by_espeak_ng_fits_its_step(system_tool, tmp_path, locale):
    espeak = system_tool("espeak-ng")
    content = LOCALES[locale]
    words = Words(content)
    rooms: dict[str, tuple[float, str]] = {}  # text -> (the least room it has anywhere, where)
    for routine_id, who, steps in played_routines(content):
        script = build_script(steps, content, "steps+breathing")
        for step, cues in zip(steps, script.steps, strict=True):
            for cue in cues:
                where = f"{routine_id} ({who}), {step.kind} of {step.exercise.id} ({step.seconds} s)"
                assert cue.room <= step.seconds
                if cue.text not in rooms or cue.room < rooms[cue.text][0]:
                    rooms[cue.text] = (cue.room, where)
    texts = sorted(rooms)
    speech = words.speech
    with ThreadPoolExecutor(4) as pool:
        lengths = list(
            pool.map(
                lambda n_t: wav_seconds(espeak, tmp_path, n_t[0], n_t[1], speech.voice, speech.rate), enumerate(texts)
            )
        )
    overrun = [
        f"{text!r}: {seconds:.2f} s said, {rooms[text][0]:.1f} s of room at {rooms[text][1]}"
        for text, seconds in zip(texts, lengths, strict=True)
        if seconds >= rooms[text][0]
    ]
    assert overrun == []
    short = [
        f"{text!r}: {seconds:.2f} s said, estimated {words.seconds(text):.2f} s"
        for text, seconds in zip(texts, lengths, strict=True)
        if words.seconds(text) < seconds and text not in content.voice.say.count
    ]
    assert short == [], "the estimate fell short: raise voice_script's Pace for this language"
    assert len(texts) > 40  # every routine's words were there to check
