from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from accounts.models import User
from habits.management.commands.seed_demo import DEMO_EMAIL, DEMO_HABITS, DEMO_PASSWORD
from habits.models import Entry

pytestmark = pytest.mark.django_db


@override_settings(DEMO_DATA=True)
def test_seed_demo_creates_the_account_once(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("seed_demo")
    user = User.objects.get(email=DEMO_EMAIL)
    assert user.check_password(DEMO_PASSWORD)
    assert user.habits.count() == len(DEMO_HABITS)
    entries = Entry.objects.filter(habit__user=user).count()
    assert entries > 200
    assert all(habit.summary_day is not None for habit in user.habits.all())
    call_command("seed_demo")
    assert Entry.objects.filter(habit__user=user).count() == entries
    assert capsys.readouterr().out.count(DEMO_PASSWORD) == 2


@override_settings(DEMO_DATA=False)
def test_seed_demo_refuses_outside_local_settings() -> None:
    with pytest.raises(CommandError):
        call_command("seed_demo")
    assert not User.objects.filter(email=DEMO_EMAIL).exists()
