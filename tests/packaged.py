"""The packaged content for what a test module works out at import (parametrize lists, expected words).

Tests themselves take the `content` fixture (tests/conftest.py), which is this same object: one per run.
"""

from __future__ import annotations

from coach.content.content import Content

CONTENT = Content.load()
