"""The README's configuration table lists every environment variable the settings read."""

from __future__ import annotations

import re
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[2]
README = BACKEND.parent / "README.md"
READERS = re.compile(r"""env_(?:str|bool|int|list|required)\(\s*"([A-Z0-9_]+)\"""")


def variables_read_by_the_code() -> set[str]:
    found: set[str] = set()
    for path in BACKEND.rglob("*.py"):
        if "tests" in path.parts or ".venv" in path.parts:
            continue
        found |= set(READERS.findall(path.read_text()))
    return found


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = README.read_text()
    variables = variables_read_by_the_code()
    assert {"DATABASE_URL", "REDIS_URL", "DJANGO_SECRET_KEY"} <= variables
    missing = sorted(name for name in variables if f"`{name}`" not in readme)
    assert missing == [], f"document these in README.md's configuration table: {missing}"
