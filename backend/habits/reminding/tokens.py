"""The signed token a reminder carries: acting on it ("done", "skip") needs no session.

It names the user, the habit and the user's day, and is valid for 36 hours: long enough for a
notification read the next morning, short enough that an old one leaks little. Its own salt keeps
any other signed value of the site from passing for one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core import signing

SALT = "habits.reminders.act"
MAX_AGE_SECONDS = 36 * 3600


@dataclass(frozen=True)
class ActionToken:
    user_id: int
    habit_id: int
    day: date


class TokenExpired(Exception):
    """Too old, or not a token of ours at all."""


def token_make(*, user_id: int, habit_id: int, day: date) -> str:
    return signing.dumps({"u": user_id, "h": habit_id, "d": day.isoformat()}, salt=SALT)


def token_read(token: str) -> ActionToken:
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
        return ActionToken(
            user_id=int(data["u"]), habit_id=int(data["h"]), day=date.fromisoformat(data["d"])
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise TokenExpired from error
