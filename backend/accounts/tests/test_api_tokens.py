"""Personal API tokens through the API: create (the value shown once), list, revoke; a token
signs requests to the habits API in without CSRF, read-only or read-write; revoked, unknown and
malformed tokens are 401; tokens die with the password and the account; both throttles."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import api_tokens
from accounts.api_tokens import Scope
from accounts.mails import KIND_API_TOKEN_CREATED
from accounts.models import ApiToken, User
from accounts.throttling import MESSAGE_TOKEN_THROTTLED
from conftest import ApiClient, mail_to, token_in
from factories import PASSWORD, make_api_token, make_habit

pytestmark = pytest.mark.django_db

TOKENS = "/api/auth/tokens/"
HABITS = "/api/habits/"


def bearer(value: str, **extra: Any) -> Client:
    """A client with nothing but the token: no session, no CSRF cookie or header."""
    return Client(HTTP_AUTHORIZATION=f"Bearer {value}", **extra)


def put_json(client: Client, path: str, body: Any) -> Any:
    return client.put(path, body, content_type="application/json")


def test_a_token_is_shown_once_and_listed_without_its_value(signed_in: ApiClient) -> None:
    created = signed_in.post(TOKENS, {"name": "  Laptop cron  ", "scope": "read"})
    assert created.status_code == 201
    body = created.json()
    value = body["token"]
    assert value.startswith(body["prefix"] + "_")
    assert body["name"] == "Laptop cron"
    assert body["scope"] == "read"
    assert body["last_used_at"] is None

    listed = signed_in.get(TOKENS).json()
    assert [token["name"] for token in listed] == ["Laptop cron"]
    assert set(listed[0]) == {
        "id",
        "name",
        "scope",
        "prefix",
        "created_at",
        "last_used_at",
        "expires_at",
    }
    assert listed[0]["expires_at"] is None
    assert value not in signed_in.get(TOKENS).content.decode()
    stored = ApiToken.objects.get()
    assert value not in {stored.prefix, stored.digest, stored.name}
    told = mail_to(stored.user.email)
    assert told.kind == KIND_API_TOKEN_CREATED
    assert '"Laptop cron" (read only)' in told.body
    assert value not in told.body
    assert stored.digest == api_tokens.secret_digest(value.removeprefix(body["prefix"] + "_"))


def test_a_read_write_token_reads_and_checks_in_without_csrf(user: User) -> None:
    habit = make_habit(user=user, name="Read")
    _, value = make_api_token(user=user, scope=Scope.READ_WRITE)
    client = bearer(value)
    listed = client.get(HABITS)
    assert listed.status_code == 200
    assert [item["name"] for item in listed.json()] == ["Read"]
    checked = put_json(client, f"{HABITS}{habit.pk}/entries/today/", {"status": "done"})
    assert checked.status_code == 200, checked.content
    today = checked.json()["date"]
    assert habit.entries.get().date.isoformat() == today
    created = client.post(HABITS, {"name": "Walk"}, content_type="application/json")
    assert created.status_code == 201
    assert client.delete(f"{HABITS}{habit.pk}/entries/{today}/").status_code == 204


def test_a_read_only_token_reads_but_cannot_write(user: User) -> None:
    habit = make_habit(user=user, name="Read")
    _, value = make_api_token(user=user, scope=Scope.READ)
    client = bearer(value)
    assert client.get(HABITS).status_code == 200
    assert client.get(f"{HABITS}{habit.pk}/stats/").status_code == 200
    assert client.get(f"{HABITS}{habit.pk}/entries/").status_code == 200
    refused = [
        put_json(client, f"{HABITS}{habit.pk}/entries/today/", {"status": "done"}),
        client.post(HABITS, {"name": "Walk"}, content_type="application/json"),
        client.patch(f"{HABITS}{habit.pk}/", {"name": "x"}, content_type="application/json"),
        client.delete(f"{HABITS}{habit.pk}/"),
    ]
    assert {response.status_code for response in refused} == {403}
    assert refused[0].json() == {
        "detail": api_tokens.MESSAGE_TOKEN_READ_ONLY,
        "code": "permission_denied",
    }
    habit.refresh_from_db()
    assert habit.name == "Read"
    assert habit.entries.count() == 0


def test_a_token_sees_only_its_owners_habits(user: User, other_user: User) -> None:
    theirs = make_habit(user=other_user, name="Not yours")
    _, value = make_api_token(user=user)
    client = bearer(value)
    assert client.get(HABITS).json() == []
    assert client.get(f"{HABITS}{theirs.pk}/").status_code == 404
    answer = put_json(client, f"{HABITS}{theirs.pk}/entries/today/", {"status": "done"})
    assert answer.status_code == 404
    assert theirs.entries.count() == 0


def test_a_token_decides_over_the_session_it_travels_with(
    signed_in: ApiClient, other_user: User
) -> None:
    make_habit(user=other_user, name="Theirs")
    _, value = make_api_token(user=other_user, scope=Scope.READ)
    answer = signed_in.get(HABITS, HTTP_AUTHORIZATION=f"Bearer {value}")
    assert [habit["name"] for habit in answer.json()] == ["Theirs"]
    refused = signed_in.post(HABITS, {"name": "x"}, HTTP_AUTHORIZATION=f"Bearer {value}")
    assert refused.status_code == 403
    assert signed_in.get(HABITS, HTTP_AUTHORIZATION=f"Bearer {value}x").status_code == 401


def test_a_revoked_token_is_refused_at_once(signed_in: ApiClient) -> None:
    body = signed_in.post(TOKENS, {"name": "cron", "scope": "read_write"}).json()
    client = bearer(body["token"])
    assert client.get(HABITS).status_code == 200
    assert signed_in.delete(f"{TOKENS}{body['id']}/").status_code == 204
    refused = client.get(HABITS)
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"] == 'Bearer realm="api", error="invalid_token"'
    assert refused.json() == {
        "detail": api_tokens.MESSAGE_TOKEN_INVALID,
        "code": "not_authenticated",
    }
    assert signed_in.get(TOKENS).json() == []
    assert signed_in.delete(f"{TOKENS}{body['id']}/").status_code == 404


@pytest.mark.parametrize(
    "header",
    [
        "Bearer htk_000000000000_" + "A" * 43,  # well formed, unknown
        "Bearer nonsense",
        "Bearer ",
        "bearer htk_zz",
    ],
)
def test_unknown_and_malformed_tokens_are_401(header: str) -> None:
    refused = Client(HTTP_AUTHORIZATION=header).get(HABITS)
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"].startswith("Bearer ")


def test_a_tokens_secret_must_match_not_only_its_prefix(user: User) -> None:
    token, value = make_api_token(user=user)
    prefix = api_tokens.display_prefix(token.prefix) + "_"
    secret = value.removeprefix(prefix)
    forged = prefix + ("B" if secret[0] != "B" else "C") + secret[1:]
    assert bearer(forged).get(HABITS).status_code == 401


def test_without_credentials_the_habits_api_is_401_naming_bearer() -> None:
    refused = Client().get(HABITS)
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"] == 'Bearer realm="api"'


def test_a_token_of_a_deactivated_user_is_refused(user: User) -> None:
    _, value = make_api_token(user=user)
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert bearer(value).get(HABITS).status_code == 401


def test_tokens_cannot_manage_tokens(user: User) -> None:
    _, value = make_api_token(user=user)
    client = bearer(value)
    assert client.get(TOKENS).status_code == 401
    answer = client.post(TOKENS, {"name": "more", "scope": "read_write"}, "application/json")
    assert answer.status_code == 401
    assert ApiToken.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "", "scope": "read"}, "name"),
        ({"name": "   ", "scope": "read"}, "name"),
        ({"name": "x" * (api_tokens.NAME_MAX_LENGTH + 1), "scope": "read"}, "name"),
        ({"name": "ok", "scope": "admin"}, "scope"),
        ({"name": "ok"}, "scope"),
        ({"scope": "read"}, "name"),
        ({"name": "ok", "scope": "read", "lifetime_days": 0}, "lifetime_days"),
        ({"name": "ok", "scope": "read", "lifetime_days": 367}, "lifetime_days"),
        ({"name": "ok", "scope": "read", "lifetime_days": "soon"}, "lifetime_days"),
    ],
)
def test_bad_input_is_400_and_makes_nothing(
    signed_in: ApiClient, body: dict[str, Any], field: str
) -> None:
    answer = signed_in.post(TOKENS, body)
    assert answer.status_code == 400
    assert field in answer.json()["errors"]
    assert ApiToken.objects.count() == 0


def test_a_token_with_a_lifetime_stops_working_when_it_ends(signed_in: ApiClient) -> None:
    body = signed_in.post(TOKENS, {"name": "cron", "scope": "read", "lifetime_days": 30}).json()
    expires = datetime.fromisoformat(body["expires_at"])
    assert timedelta(days=29, hours=23) < expires - timezone.now() <= timedelta(days=30)
    client = bearer(body["token"])
    assert client.get(HABITS).status_code == 200
    ApiToken.objects.filter(pk=body["id"]).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(HABITS).status_code == 401
    assert signed_in.get(TOKENS).json()[0]["name"] == "cron"  # listed until revoked


def test_an_account_holds_at_most_the_limit(signed_in: ApiClient, user: User) -> None:
    for number in range(api_tokens.TOKENS_PER_USER):
        make_api_token(user=user, name=f"t{number}")
    answer = signed_in.post(TOKENS, {"name": "one more", "scope": "read"})
    assert answer.status_code == 400
    assert answer.json()["errors"] == {"non_field_errors": [api_tokens.MESSAGE_TOKEN_LIMIT]}
    assert ApiToken.objects.filter(user=user).count() == api_tokens.TOKENS_PER_USER


def test_last_use_is_written_at_most_once_a_minute(user: User) -> None:
    token, value = make_api_token(user=user)
    client = bearer(value)
    client.get(HABITS)
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    with CaptureQueriesContext(connection) as queries:
        client.get(HABITS)
    statements = [query["sql"] for query in queries.captured_queries]
    assert any("accounts_apitoken" in sql for sql in statements)  # the lookup was seen
    assert not any(sql.startswith("UPDATE") for sql in statements)
    token.refresh_from_db()
    assert token.last_used_at == first
    earlier = timezone.now() - timedelta(seconds=api_tokens.LAST_USED_RESOLUTION_SECONDS + 1)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=earlier)
    client.get(HABITS)
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert token.last_used_at > first


def test_a_password_change_revokes_every_token(signed_in: ApiClient, user: User) -> None:
    _, value = make_api_token(user=user)
    changed = signed_in.post(
        "/api/auth/password/",
        {"current_password": PASSWORD, "new_password": "a brand new passphrase 42"},
    )
    assert changed.status_code == 204, changed.content
    assert bearer(value).get(HABITS).status_code == 401
    assert ApiToken.objects.count() == 0


def test_a_password_reset_revokes_every_token(api: ApiClient, user: User) -> None:
    _, value = make_api_token(user=user)
    api.post("/api/auth/password/reset/", {"email": user.email})
    reset = api.post(
        "/api/auth/password/reset/confirm/",
        {"token": token_in(mail_to(user.email)), "new_password": "a brand new passphrase 42"},
    )
    assert reset.status_code == 200, reset.content
    assert bearer(value).get(HABITS).status_code == 401


def test_deleting_the_account_deletes_its_tokens(signed_in: ApiClient, user: User) -> None:
    _, value = make_api_token(user=user)
    assert signed_in.delete("/api/auth/me/", {"password": PASSWORD}).status_code == 204
    assert ApiToken.objects.count() == 0
    assert bearer(value).get(HABITS).status_code == 401


@override_settings(API_TOKEN_THROTTLE={"failures_per_address": 3, "window_seconds": 60})
def test_invalid_tokens_are_throttled_per_client_address(user: User) -> None:
    _, value = make_api_token(user=user)
    wrong = "Bearer htk_000000000000_" + "A" * 43
    attacker = Client(HTTP_AUTHORIZATION=wrong, REMOTE_ADDR="10.0.0.9")
    assert [attacker.get(HABITS).status_code for _ in range(3)] == [401] * 3
    throttled = attacker.get(HABITS)
    assert throttled.status_code == 429
    assert int(throttled["Retry-After"]) > 0
    assert throttled.json()["detail"].startswith(MESSAGE_TOKEN_THROTTLED.split("{")[0])
    # Even a good token is refused from that address until the window ends; others are served.
    assert bearer(value, REMOTE_ADDR="10.0.0.9").get(HABITS).status_code == 429
    assert bearer(value, REMOTE_ADDR="10.0.0.8").get(HABITS).status_code == 200


@override_settings(API_TOKEN_THROTTLE={"failures_per_address": 3, "window_seconds": 60})
def test_good_tokens_do_not_count_as_failures(user: User) -> None:
    _, value = make_api_token(user=user)
    client = bearer(value, REMOTE_ADDR="10.0.0.7")
    assert {client.get(HABITS).status_code for _ in range(6)} == {200}


@override_settings(API_TOKEN_RATE="3/minute")
def test_each_token_is_throttled_and_the_session_is_not(signed_in: ApiClient, user: User) -> None:
    _, first = make_api_token(user=user, name="first")
    _, second = make_api_token(user=user, name="second")
    statuses = [bearer(first).get(HABITS).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert bearer(second).get(HABITS).status_code == 200
    assert {signed_in.get(HABITS).status_code for _ in range(5)} == {200}


def test_the_schema_documents_the_bearer_scheme_on_the_habits_api_only(api: ApiClient) -> None:
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert schema["components"]["securitySchemes"]["apiToken"]["scheme"] == "bearer"
    paths = schema["paths"]
    assert {"apiToken": []} in paths["/api/habits/"]["get"]["security"]
    assert {"apiToken": []} in paths["/api/habits/{habit_id}/entries/{day}/"]["put"]["security"]
    assert {"apiToken": []} not in paths["/api/auth/tokens/"]["post"]["security"]
    assert {"apiToken": []} not in paths["/api/auth/password/"]["post"]["security"]


def test_a_taken_prefix_is_drawn_again(user: User, monkeypatch: pytest.MonkeyPatch) -> None:
    taken, _ = make_api_token(user=user, name="first")
    fresh = api_tokens.token_new()
    collision = api_tokens.NewToken(prefix=taken.prefix, digest="0" * 64, value="unused")
    draws = iter([collision, fresh])
    monkeypatch.setattr(api_tokens, "token_new", lambda: next(draws))
    token, value = make_api_token(user=user, name="second")
    assert (token.prefix, value) == (fresh.prefix, fresh.value)
    assert ApiToken.objects.filter(user=user).count() == 2
