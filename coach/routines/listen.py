"""A routine by ear alone (`pain-coach routines --speak ID`): its cues said at their moments on the real clock,
with no screen. Pure of textual; the clock, the sleep and the speaker are handed in (tests play it on a
made-up clock)."""

from __future__ import annotations

from collections.abc import Callable

from coach.content.content import Content
from coach.routines.player import Player, Step
from coach.routines.speaker import ProblemKind, Speaker
from coach.routines.voice_script import Prompter, VoiceMode, Words, build_script

WAKE_AFTER = 0.002  # as the player screen: just after a moment, never just before it


def listen(
    steps: list[Step],
    content: Content,
    mode: VoiceMode,
    speaker: Speaker,
    clock: Callable[[], float],
    sleep: Callable[[float], None],
    said: Callable[[str], None],
    rate: int | None = None,
) -> tuple[ProblemKind, str] | None:
    """Play the routine to its end, saying each cue (and handing it to `said`); the speaker's problem if it
    failed, which ends the playing (there is nothing else to follow)."""
    player = Player(steps, now=clock())
    script = build_script(steps, content, mode, rate=rate)
    prompter = Prompter(script)
    while not player.finished:
        now = clock()
        player.tick(now)
        cue = prompter.due(player, now)
        if cue is not None:
            speaker.say(cue.text)
            said(cue.text)
        problem = speaker.problem()
        if problem is not None:
            return problem
        if player.finished:
            break
        wake = min(t for t in (player.deadline, prompter.next_time(player)) if t is not None)
        sleep(max(0.0, wake - clock()) + WAKE_AFTER)
    speaker.say(script.end)
    said(script.end)
    sleep(Words(content, rate).seconds(script.end))  # let the last words be heard
    return speaker.problem()
