"""The database holds the rules too: a row the services would refuse cannot be written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from accounts.models import User
from habits import rules
from habits.models import Entry, Habit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("target", "allowed"), [(Decimal(0), True), (None, False), (-1, False)])
def test_a_measurable_habit_needs_a_target_of_zero_or_more(
    user: User, target: Decimal | None, allowed: bool
) -> None:
    habit = Habit(user=user, name="Sugar", kind="numeric", target_value=target)
    if allowed:
        habit.save()
        return
    with pytest.raises(IntegrityError), transaction.atomic():
        habit.save()


@pytest.mark.parametrize(
    ("status", "value", "note", "allowed"),
    [
        (None, None, "a note alone", True),
        (None, None, "", False),
        (None, Decimal(1), "a value needs a status", False),
        ("done", None, "", True),
    ],
)
def test_an_entry_without_a_status_is_a_note_alone(
    user: User, status: str | None, value: Decimal | None, note: str, allowed: bool
) -> None:
    habit = Habit.objects.create(user=user, name="Read")
    entry = Entry(habit=habit, date=date(2026, 1, 5), status=status, value=value, note=note)
    assert rules.entry_is_valid(status, value, note) is allowed
    if allowed:
        entry.save()
        return
    with pytest.raises(IntegrityError), transaction.atomic():
        entry.save()
