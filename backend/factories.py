"""Test data builders: each takes overrides and fills in the rest with sensible values."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal
from typing import Any

from accounts.api_tokens import Scope
from accounts.models import ApiToken, Passkey, User
from accounts.services import api_token_create
from habits.models import Entry, Habit, HabitGroup
from habits.rules import Status

PASSWORD = "correct horse battery 7"  # noqa: S105 - test accounts only
_sequence = itertools.count(1)


def make_user(**overrides: Any) -> User:
    fields: dict[str, Any] = {
        "email": f"person{next(_sequence)}@example.org",
        "time_zone": "UTC",
        "day_start_hour": 0,
    }
    fields.update(overrides)
    password = fields.pop("password", PASSWORD)
    return User.objects.create_user(password=password, **fields)


def make_habit(*, user: User | None = None, **overrides: Any) -> Habit:
    fields: dict[str, Any] = {"name": f"Habit {next(_sequence)}"}
    fields.update(overrides)
    if fields.get("kind") == "numeric":
        fields.setdefault("target_value", Decimal(8))
    if "position" not in fields:
        owner = user or make_user()
        fields["position"] = Habit.objects.filter(user=owner).count()
        user = owner
    return Habit.objects.create(user=user or make_user(), **fields)


def make_group(*, user: User, **overrides: Any) -> HabitGroup:
    """A group of `user`'s, last in their order unless `position` says otherwise."""
    fields: dict[str, Any] = {"name": f"Group {next(_sequence)}"}
    fields.update(overrides)
    fields.setdefault("position", HabitGroup.objects.filter(user=user).count())
    return HabitGroup.objects.create(user=user, **fields)


def make_entry(*, habit: Habit, day: date, **overrides: Any) -> Entry:
    fields: dict[str, Any] = {"status": Status.DONE}
    fields.update(overrides)
    return Entry.objects.create(habit=habit, date=day, **fields)


def make_passkey(*, user: User | None = None, **overrides: Any) -> Passkey:
    """A stored passkey row (not a usable key: accounts/tests/authenticator.py makes those)."""
    fields: dict[str, Any] = {
        "name": f"Passkey {next(_sequence)}",
        "credential_id": f"credential-{next(_sequence)}",
        "public_key": b"not a key",
    }
    fields.update(overrides)
    return Passkey.objects.create(user=user or make_user(), **fields)


def make_api_token(
    *, user: User | None = None, scope: Scope = Scope.READ_WRITE, name: str = "script"
) -> tuple[ApiToken, str]:
    """A live API token and its value (what `Authorization: Bearer` carries)."""
    created = api_token_create(
        user=user or make_user(), name=name, scope=scope, site_url="http://testserver"
    )
    return created.token, created.value
