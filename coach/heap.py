"""Keep the garbage collector off what imports made.

A full collection walks every object the process holds. Once pydantic, the records' models and a history
screen are in, that is 90-190 ms, and it falls on whichever key happens to allocate past the threshold (a tab
switch in the history, measured). What imports make (modules, classes, functions, schemas) lives as long
as the process, so after a burst of imports the young garbage is collected (a quick, partial collection) and
everything left is frozen: later collections walk only what was made since.

Frozen objects are never freed, so this runs only when new modules have come in since the last time: a few
times a run, however long the run.

Start-up holds the collector off altogether (hold_collector) until the first screen is drawn or the command's
modules are in (release_collector): importing textual alone sets off about 80 young collections and a full
one, 10-17 ms of a start of about 200, and leaves under a thousand unreachable objects, which are frozen with
the rest.

Pure: no textual.
"""

from __future__ import annotations

import gc
import sys

_held = False  # the collector is off because hold_collector turned it off (the process's own state)


def hold_collector() -> None:
    """No garbage collection from now until `release_collector` (if it is on now)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release_collector() -> None:
    """Freeze what the start-up made and collect again, if `hold_collector` stopped it; otherwise nothing."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


def freeze_after_imports(modules_then: int) -> int:
    """Collect the young garbage and freeze the rest if modules were imported since `modules_then` (the count
    this returned last time); returns the count now."""
    now = len(sys.modules)
    if now != modules_then:
        gc.collect(1)
        gc.freeze()
    return now
