"""The documented example (docs/examples/checkin.py) run as a user runs it, against a live server:
it checks a habit in for the user's today with a token, and says why when it cannot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from accounts import api_tokens
from accounts.api_tokens import Scope
from accounts.models import User
from accounts.selectors import user_today
from factories import make_api_token, make_habit, make_user

SCRIPT = Path(__file__).resolve().parents[3] / "docs" / "examples" / "checkin.py"

pytestmark = pytest.mark.django_db(transaction=True)


def run(live_server: Any, token: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HABITS_API_TOKEN": token, "HABITS_URL": live_server.url}
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def person(db: None) -> User:
    # A zone far from UTC, so "today" has to be the server's answer, not the machine's date.
    return make_user(time_zone="Pacific/Kiritimati", day_start_hour=4)


def test_the_example_checks_a_habit_in_for_today_by_name(live_server: Any, person: User) -> None:
    make_habit(user=person, name="Walk")
    habit = make_habit(user=person, name="Read")
    _, value = make_api_token(user=person, scope=Scope.READ_WRITE)
    done = run(live_server, value, "read", "--note", "from cron")
    assert done.returncode == 0, done.stderr
    today = user_today(user=person)
    assert done.stdout.strip() == f"Read: done on {today.isoformat()}"
    entry = habit.entries.get()
    assert (entry.date, entry.status, entry.note) == (today, "done", "from cron")


def test_the_example_measures_an_amount(live_server: Any, person: User) -> None:
    habit = make_habit(user=person, name="Water", kind="numeric")
    _, value = make_api_token(user=person)
    assert run(live_server, value, "Water", "--value", "2.5").returncode == 0
    assert str(habit.entries.get().value) == "2.500"


def test_the_example_explains_what_went_wrong(live_server: Any, person: User) -> None:
    habit = make_habit(user=person, name="Read")
    _, read_only = make_api_token(user=person, scope=Scope.READ)
    refused = run(live_server, read_only, "Read")
    assert refused.returncode == 1
    assert str(api_tokens.MESSAGE_TOKEN_READ_ONLY) in refused.stderr
    unknown = run(live_server, read_only, "Swim")
    assert unknown.returncode == 2
    assert "No habit named 'Swim'. Your habits: Read." in unknown.stderr
    revoked = run(live_server, "htk_000000000000_" + "A" * 43, "Read")
    assert revoked.returncode == 1
    assert str(api_tokens.MESSAGE_TOKEN_INVALID) in revoked.stderr
    assert run(live_server, "", "Read").returncode == 2
    assert habit.entries.count() == 0
