from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from django.test import override_settings

from accounts.models import User
from habits.reminders.tests.push_endpoint import push_endpoint  # noqa: F401 - a fixture
from habits.reminding import push
from habits.reminding.webpush import Vapid, generate_private_key


@pytest.fixture
def vapid() -> Iterator[Vapid]:
    """Push configured with a fresh key pair."""
    private_key = generate_private_key()
    push._vapid.cache_clear()
    with override_settings(VAPID_PRIVATE_KEY=private_key, VAPID_SUBJECT="mailto:ops@example.org"):
        yield Vapid.from_settings(private_key, "mailto:ops@example.org")
    push._vapid.cache_clear()


@pytest.fixture
def midday_user(user: User) -> User:
    """The user in a zone where it is now around noon, so a reminder a few minutes from now falls
    on the user's today whenever the suite runs."""
    hours = datetime.now(UTC).hour - 12  # Etc/GMT+5 is UTC-5 (the sign is POSIX's)
    user.time_zone = "UTC" if hours == 0 else f"Etc/GMT{'+' if hours > 0 else '-'}{abs(hours)}"
    user.save(update_fields=["time_zone"])
    return user
