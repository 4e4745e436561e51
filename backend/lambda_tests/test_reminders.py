"""The scheduled reminder event: {"reminders": "send"}."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from accounts.calendar import zone
from factories import make_habit, make_user
from habits.reminders.services import reminder_put
from lambda_tests.conftest import Invoke


@pytest.mark.django_db(transaction=True)
@override_settings(REMINDER_DUE_CACHE=True)
def test_the_scheduled_event_sends_due_reminders_and_then_stays_off_the_database(
    invoke: Invoke,
) -> None:
    user = make_user(time_zone="UTC")
    habit = make_habit(user=user)
    # A reminder a minute ago is due (within the hour's grace) only after its next_at passes, so
    # the first run is cold, the second has nothing due and reads nothing.
    at = (datetime.now(zone("UTC")) + timedelta(hours=2)).time()
    reminder_put(habit=habit, time=at, weekdays=None, channel="email")

    assert invoke({"reminders": "send"}) == {"due": 0, "sent": 0, "failed": 0, "database": True}
    with CaptureQueriesContext(connection) as queries:
        quiet = invoke({"reminders": "send"})
    assert quiet == {"due": 0, "sent": 0, "failed": 0, "database": False}
    assert len(queries) == 0
