"""Every URL under /api/ refuses anonymous callers and hides other users' objects.

The URL patterns are enumerated from the resolver, so a new endpoint is covered the moment it is
added: it must either be listed as public here or answer 401 to anonymous requests and 404 for an
object that belongs to somebody else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, time
from uuid import UUID

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.authentication import TokenOrSessionApi
from conftest import ApiClient
from factories import make_api_token, make_entry, make_group, make_habit, make_passkey
from habits.models import ImportJob, PushSubscription, Reminder
from habits.rules import ImportState

pytestmark = pytest.mark.django_db

PUBLIC = {
    "api/auth/csrf/",
    "api/auth/register/",
    "api/auth/register/confirm/",
    "api/auth/login/",
    "api/auth/password/reset/",
    "api/auth/password/reset/confirm/",
    "api/auth/email/confirm/",
    "api/schema/",
    "api/docs/",
    "api/auth/passkeys/authenticate/options/",
    "api/auth/passkeys/authenticate/",
    "api/dev/mail/",  # local settings only (outbox.apis)
    "api/push/key/",  # the server's public VAPID key
    "api/reminders/act/",  # the signed token in the body is the capability
}
CATCH_ALL = r"^api(?:/.*)?$"
NO_JOB = UUID(int=0)
UNSAFE = ("post", "put", "patch", "delete")


def api_routes() -> Iterator[tuple[str, URLPattern]]:
    def walk(
        patterns: list[URLPattern | URLResolver], prefix: str
    ) -> Iterator[tuple[str, URLPattern]]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif route.startswith("api") and str(pattern.pattern) != CATCH_ALL:
                yield route, pattern

    yield from walk(get_resolver().url_patterns, "")


def concrete(
    route: str,
    habit_id: int,
    day: str = "2024-01-01",
    passkey_id: int = 0,
    subscription_id: int = 0,
    token_id: int = 0,
    job_id: UUID = NO_JOB,
    group_id: int = 0,
) -> str:
    path = (
        route.replace("<int:habit_id>", str(habit_id))
        .replace("<str:day>", day)
        .replace("<int:passkey_id>", str(passkey_id))
        .replace("<int:subscription_id>", str(subscription_id))
        .replace("<int:token_id>", str(token_id))
        .replace("<uuid:job_id>", str(job_id))
        .replace("<int:group_id>", str(group_id))
    )
    assert "<" not in path, f"teach this test the converter in {route}"
    return "/" + path


def allowed_methods(pattern: URLPattern) -> list[str]:
    view = getattr(pattern.callback, "view_class", None)
    assert view is not None, f"{pattern} is not a class-based API view"
    return [m for m in ("get", *UNSAFE) if hasattr(view, m)]


def test_the_enumeration_finds_the_api() -> None:
    routes = {route for route, _ in api_routes()}
    assert {"api/habits/", "api/habits/<int:habit_id>/entries/<str:day>/"} <= routes
    assert len(routes) >= 14


def test_every_private_endpoint_refuses_anonymous_requests() -> None:
    anonymous = ApiClient()
    habit = make_habit()
    checked = 0
    for route, pattern in api_routes():
        if route in PUBLIC:
            continue
        for method in allowed_methods(pattern):
            response = getattr(anonymous, method)(concrete(route, habit.pk))
            assert response.status_code == 401, f"{method.upper()} /{route}"
            assert response.json()["code"] == "not_authenticated"
            checked += 1
    assert checked >= 15


def test_every_object_endpoint_hides_other_users_objects(signed_in: ApiClient) -> None:
    foreign = make_habit(name="Not yours")
    make_entry(habit=foreign, day=date(2024, 1, 1))
    passkey = make_passkey(user=foreign.user)
    Reminder.objects.create(habit=foreign, time=time(8))
    subscription = PushSubscription.objects.create(
        user=foreign.user, endpoint="https://fcm.googleapis.com/fcm/send/x", p256dh="k", auth="a"
    )
    token, _ = make_api_token(user=foreign.user)
    job = ImportJob.objects.create(user=foreign.user, kind="loop", size=10)
    group = make_group(user=foreign.user, name="Their group")
    checked = 0
    for route, pattern in api_routes():
        if not re.search(r"<(int|uuid):\w+>", route):
            continue
        for method in allowed_methods(pattern):
            path = concrete(
                route,
                foreign.pk,
                passkey_id=passkey.pk,
                subscription_id=subscription.pk,
                token_id=token.pk,
                job_id=job.pk,
                group_id=group.pk,
            )
            response = getattr(signed_in, method)(path)
            assert response.status_code == 404, f"{method.upper()} /{route}: {response.content!r}"
            checked += 1
    assert checked >= 7
    foreign.refresh_from_db()
    assert foreign.name == "Not yours"
    passkey.refresh_from_db()
    token.refresh_from_db()
    assert foreign.entries.count() == 1
    assert Reminder.objects.get(habit=foreign).time == time(8)
    assert PushSubscription.objects.filter(pk=subscription.pk).exists()
    job.refresh_from_db()
    assert job.state == ImportState.WAITING_UPLOAD
    group.refresh_from_db()
    assert group.name == "Their group"


TOKEN_ROUTES = {
    "api/habits/",
    "api/habits/reorder/",
    "api/habits/<int:habit_id>/",
    "api/habits/<int:habit_id>/stats/",
    "api/habits/<int:habit_id>/entries/",
    "api/habits/<int:habit_id>/entries/<str:day>/",
}


def test_api_tokens_reach_the_habits_api_and_nothing_else() -> None:
    """A read-write token is refused (401, as if anonymous) by every endpoint outside the habits
    and entries API: the account's password, address, passkeys, tokens and deletion among them."""
    habit = make_habit()
    _, value = make_api_token(user=habit.user)
    bearer = ApiClient(HTTP_AUTHORIZATION=f"Bearer {value}")
    accepting = {
        route
        for route, pattern in api_routes()
        if issubclass(getattr(pattern.callback, "view_class", object), TokenOrSessionApi)
    }
    assert accepting == TOKEN_ROUTES
    checked = 0
    for route, pattern in api_routes():
        if route in PUBLIC or route in TOKEN_ROUTES:
            continue
        for method in allowed_methods(pattern):
            response = getattr(bearer, method)(concrete(route, habit.pk))
            assert response.status_code == 401, f"{method.upper()} /{route}"
            checked += 1
    assert checked >= 10
    assert bearer.get(f"/api/habits/{habit.pk}/").status_code == 200
    habit.user.refresh_from_db()


def test_public_endpoints_answer_anonymous_callers() -> None:
    anonymous = ApiClient()
    assert anonymous.get("/api/auth/csrf/").status_code == 200
    assert anonymous.get("/api/schema/").status_code == 200
    assert anonymous.get("/api/docs/").status_code == 200
