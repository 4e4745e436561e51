"""The database holds the rules too: a row the services would refuse cannot be written."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from accounts.models import User
from habits.models import Habit

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
