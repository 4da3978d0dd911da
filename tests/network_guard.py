"""A guard that records, and refuses, every attempt to reach a network while it is on.

It wraps the Python-level socket calls everything else goes through (urllib, http.client, asyncio,
aiohttp): `socket.socket(...)` creation, `connect`/`connect_ex`/`bind`/`sendto`, `create_connection`,
`getaddrinfo`, `gethostbyname`. Attempts are recorded (so a test can fail even when the caller swallows
the error) and raise `NetworkUsed` (so nothing leaves the machine).

One thing is let through and recorded apart: the AF_UNIX socket pair asyncio's event loop makes for its
own wake-up ("self-pipe", asyncio.selector_events._make_self_pipe). It never leaves the process.
"""

from __future__ import annotations

import socket
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

SELF_PIPE = "_make_self_pipe"  # the asyncio function allowed to make a local socket pair


class NetworkUsed(RuntimeError):
    pass


@dataclass
class Attempt:
    call: str
    detail: str
    stack: str


@dataclass
class Record:
    attempts: list[Attempt] = field(default_factory=list)  # refused: a test must see none
    self_pipes: int = 0  # asyncio's local wake-up pairs, allowed

    def report(self) -> str:
        return "\n\n".join(f"{a.call}({a.detail}) from:\n{a.stack}" for a in self.attempts)


def _from_self_pipe() -> bool:
    return any(frame.name == SELF_PIPE for frame in traceback.extract_stack())


@contextmanager
def no_network() -> Iterator[Record]:
    record = Record()
    real_init = socket.socket.__init__
    originals = {name: getattr(socket.socket, name) for name in ("connect", "connect_ex", "bind", "sendto")}
    functions = {name: getattr(socket, name) for name in ("create_connection", "getaddrinfo", "gethostbyname")}

    def refuse(call: str, detail: object) -> None:
        record.attempts.append(Attempt(call, repr(detail), "".join(traceback.format_stack(limit=12)[:-2])))
        raise NetworkUsed(f"network use under the guard: {call}({detail!r})")

    def guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):
        if family == socket.AF_UNIX and _from_self_pipe():
            record.self_pipes += 1
        else:
            refuse("socket", (family, type))
        real_init(self, family, type, proto, fileno)

    def method(name):
        def guarded(self, *args):
            refuse(f"socket.{name}", args)

        return guarded

    def function(name):
        def guarded(*args, **kwargs):
            refuse(name, args)

        return guarded

    socket.socket.__init__ = guarded_init
    for name in originals:
        setattr(socket.socket, name, method(name))
    for name in functions:
        setattr(socket, name, function(name))
    try:
        yield record
    finally:
        socket.socket.__init__ = real_init
        for name, value in originals.items():
            setattr(socket.socket, name, value)
        for name, value in functions.items():
            setattr(socket, name, value)
