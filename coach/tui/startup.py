"""What the first screen needs from the data folder, read without loading the record models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def peek_settings(data_dir: Path) -> dict[str, Any]:
    """settings.json as a plain dict ({} if missing or unreadable: the full load after the first
    paint validates it, and moves a damaged file aside)."""
    try:
        data = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
