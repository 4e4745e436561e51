"""The habit list's browser path (habits.apis.signed_in_list, answered by habits.middleware before
the rest of the chain) answers exactly as DRF's view behind the whole chain, and only a request
DRF would have answered the same way takes it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import OperationalError
from django.test import override_settings
from django.utils import translation

from accounts.models import User
from conftest import ApiClient
from core.errors import MESSAGE_SERVICE_UNAVAILABLE
from factories import PASSWORD, make_api_token, make_habit
from habits import apis

pytestmark = pytest.mark.django_db

LIST = "/api/habits/"
# Content negotiation that DRF answers with JSON too, but which the browser path leaves to DRF.
THROUGH_DRF: dict[str, Any] = {"HTTP_ACCEPT": "application/json; q=0.9"}


@pytest.fixture(params=[False, True], ids=["caches off", "caches on"])
def caches(request: pytest.FixtureRequest) -> Iterator[bool]:
    with override_settings(HABIT_LIST_CACHE=request.param, USER_CACHE=request.param):
        yield request.param


def headers(response: Any) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k != "X-Request-ID"}


def cookies(response: Any) -> dict[str, dict[str, Any]]:
    """The cookies a response sets, with their attributes; a new CSRF secret's value is random."""
    return {
        name: {**dict(morsel.items()), "value": "<random>" if name == "csrftoken" else morsel.value}
        for name, morsel in response.cookies.items()
    }


@pytest.fixture
def browser_path(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records, for each list request, whether the browser path answered it."""
    answered: list[bool] = []
    original = apis.signed_in_list

    def recording(request: Any) -> bytes | None:
        body = original(request)
        answered.append(body is not None)
        return body

    monkeypatch.setattr(apis, "signed_in_list", recording)
    return answered


@pytest.mark.parametrize("query", ["", "?archived=true"])
def test_the_browser_path_answers_as_drf(
    signed_in: ApiClient, user: User, browser_path: list[bool], caches: bool, query: str
) -> None:
    make_habit(user=user, name="Walk")
    make_habit(user=user, name="Old", archived=True)
    assert signed_in.get(LIST + query).status_code == 200  # DRF renders, and caches when on
    browser_path.clear()
    for accept in ("application/json", "*/*", None):
        extra: dict[str, Any] = {"HTTP_ACCEPT": accept} if accept else {}
        fast = signed_in.get(LIST + query, **extra)
        slow = signed_in.get(LIST + query, **THROUGH_DRF)
        assert fast.status_code == slow.status_code == 200
        assert fast.content == slow.content
        assert headers(fast) == headers(slow)
        assert fast["Allow"] == "GET, POST, HEAD, OPTIONS"
    assert browser_path == ([True] * 3 if caches else [])  # only a cached list takes it


def test_what_the_browser_path_leaves_to_drf(
    api: ApiClient, user: User, browser_path: list[bool], caches: bool
) -> None:
    make_habit(user=user, name="Walk")
    # Not signed in: DRF's 401, which the SPA reads as "sign in".
    response = api.get(LIST)
    assert response.status_code == 401
    assert response["WWW-Authenticate"]
    api.sign_in(user)
    # An Accept header JSON cannot answer, and a format override: DRF's negotiation decides.
    assert api.get(LIST, HTTP_ACCEPT="text/html").status_code == 406
    assert api.get(LIST + "?format=json").status_code == 200
    # An API token decides the request, even beside a session: a bad one is refused, not ignored.
    bad = api.get(LIST, HTTP_AUTHORIZATION="Bearer htk_not-a-token")
    assert bad.status_code == 401
    _, value = make_api_token(user=user)
    assert api.get(LIST, HTTP_AUTHORIZATION=f"Bearer {value}").status_code == 200
    # HEAD and POST are DRF's, without a try of the browser path.
    assert api.head(LIST).status_code == 200
    assert api.post(LIST, {"name": "Run"}).status_code == 201
    assert api.post(LIST, {"name": "Swim"}, HTTP_X_CSRFTOKEN="wrong").status_code == 403
    # Only the request without a session was tried (with the cache on); the rest never were.
    assert browser_path == ([False] if caches else [])


@pytest.mark.usefixtures("caches")
def test_the_browser_path_checks_the_session_as_django_does(user: User) -> None:
    make_habit(user=user, name="Walk")
    first, second = ApiClient(), ApiClient()
    first.sign_in(user)
    second.sign_in(user)
    assert second.get(LIST).status_code == 200  # caches the user and the list
    # A password changed in another session ends this one, cached user or not.
    response = first.post(
        "/api/auth/password/", {"current_password": PASSWORD, "new_password": "another long pass 8"}
    )
    assert response.status_code == 204
    assert second.get(LIST).status_code == 401
    assert first.get(LIST).status_code == 200
    # A deactivated account is refused at once.
    user.refresh_from_db()
    user.is_active = False
    user.save()
    assert first.get(LIST).status_code == 401


@pytest.mark.usefixtures("caches")
def test_a_session_shows_only_its_own_users_list(user: User, other_user: User) -> None:
    make_habit(user=user, name="Mine")
    make_habit(user=other_user, name="Theirs")
    mine, theirs = ApiClient(), ApiClient()
    mine.sign_in(user)
    theirs.sign_in(other_user)
    for _ in range(2):  # a miss that fills the cache, then a hit
        assert [h["name"] for h in mine.get(LIST).json()] == ["Mine"]
        assert [h["name"] for h in theirs.get(LIST).json()] == ["Theirs"]


@pytest.mark.parametrize(
    "extra",
    [
        {"HTTP_ACCEPT_LANGUAGE": "de-DE,de;q=0.9"},
        {"HTTP_ACCEPT_LANGUAGE": "es"},
        {"HTTP_ACCEPT_LANGUAGE": "xx"},
        {"QUERY_STRING": "archived=1&unknown=x"},
        {"HTTP_COOKIE_CSRF": "not a valid secret"},  # Django sends a new CSRF cookie
        {"HTTP_COOKIE_CSRF": None},  # no CSRF cookie at all
    ],
    ids=["de", "es", "unknown language", "query", "bad csrf cookie", "no csrf cookie"],
)
def test_the_browser_path_answers_as_the_whole_chain(
    user: User, browser_path: list[bool], extra: dict[str, Any]
) -> None:
    make_habit(user=user, name="Walk")
    client = ApiClient()
    client.sign_in(user)
    csrf = extra.pop("HTTP_COOKIE_CSRF", client.cookies["csrftoken"].value)
    with override_settings(HABIT_LIST_CACHE=True, USER_CACHE=True):
        assert client.get(LIST, **extra).status_code == 200  # renders and caches
        browser_path.clear()
        answers = []
        for accept in ("*/*", THROUGH_DRF["HTTP_ACCEPT"]):
            if csrf is None:
                client.cookies.pop("csrftoken", None)
            else:
                client.cookies["csrftoken"] = csrf
            answers.append(client.get(LIST, HTTP_ACCEPT=accept, **extra))
    fast, slow = answers
    assert browser_path == [True]  # the second went through the chain to DRF
    assert fast.status_code == slow.status_code == 200
    assert fast.content == slow.content
    assert headers(fast) == headers(slow)
    assert cookies(fast) == cookies(slow)
    if csrf == "not a valid secret":
        assert "csrftoken" in cookies(fast)


@pytest.mark.usefixtures("caches")
def test_the_browser_path_leaves_cross_origin_and_bad_hosts_to_the_chain(
    signed_in: ApiClient, user: User, browser_path: list[bool]
) -> None:
    make_habit(user=user, name="Walk")
    assert signed_in.get(LIST).status_code == 200
    browser_path.clear()
    # CORS's own path answers a request with an Origin, and no allowed origin gets its headers.
    response = signed_in.get(LIST, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    # A Host that is not allowed is Django's 400, whoever asks.
    assert signed_in.get(LIST, HTTP_HOST="evil.example").status_code == 400
    assert browser_path == []


def test_an_error_on_the_browser_path_is_answered_as_django_answers_it(
    signed_in: ApiClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_habit(user=user, name="Walk")
    with override_settings(HABIT_LIST_CACHE=True, USER_CACHE=True):
        assert signed_in.get(LIST).status_code == 200

        def unavailable(request: Any) -> bytes | None:
            raise OperationalError("the database is gone")

        monkeypatch.setattr(apis, "signed_in_list", unavailable)
        signed_in.raise_request_exception = False
        response = signed_in.get(LIST, HTTP_ACCEPT_LANGUAGE="de")
    # The product's 503 for a database outage, in the request's language, with the chain's headers.
    assert response.status_code == 503
    assert response["Retry-After"]
    assert response["Content-Language"] == "de"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Vary"] == "Accept-Language, origin"
    with translation.override("de"):
        german = str(MESSAGE_SERVICE_UNAVAILABLE)
    assert german != str(MESSAGE_SERVICE_UNAVAILABLE)
    assert response.json()["detail"] == german


def test_the_browser_path_refuses_a_chain_it_does_not_know() -> None:
    from django.conf import settings

    from habits.middleware import NAME, CachedListMiddleware

    chain = list(settings.MIDDLEWARE)
    chain.remove("django.middleware.clickjacking.XFrameOptionsMiddleware")
    with override_settings(MIDDLEWARE=chain), pytest.raises(ImproperlyConfigured, match=NAME):
        CachedListMiddleware(lambda request: None)  # type: ignore[arg-type, return-value]
    with override_settings(SESSION_SAVE_EVERY_REQUEST=True), pytest.raises(ImproperlyConfigured):
        CachedListMiddleware(lambda request: None)  # type: ignore[arg-type, return-value]


@pytest.mark.usefixtures("caches")
def test_a_list_to_render_reads_the_session_and_user_once(
    signed_in: ApiClient, user: User, browser_path: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    from accounts.sessions import SessionStore
    from core import user_hash

    habit = make_habit(user=user, name="Walk")
    assert signed_in.get(LIST).status_code == 200
    response = signed_in.put(f"/api/habits/{habit.pk}/entries/today/", {"status": "done"})
    assert response.status_code in (200, 201)
    loads: list[str] = []
    reads: list[tuple[str, ...]] = []
    original_load, original_read = SessionStore.load, user_hash.read

    def load(store: SessionStore) -> dict[str, Any]:
        loads.append(str(store.session_key))
        return original_load(store)

    def read(user_id: int, fields: Any) -> Any:
        reads.append(tuple(fields))
        return original_read(user_id, fields)

    monkeypatch.setattr(SessionStore, "load", load)
    monkeypatch.setattr(user_hash, "read", read)
    response = signed_in.get(LIST)  # the check-in replaced the cached list: rendered again
    assert response.json()[0]["today_entry"]["status"] == "done"
    assert len(loads) == 1  # the session, loaded once for the whole request
    assert "Cookie" in response["Vary"]  # a shared cache must not serve it to another session
    # The user's cached row is read with the session (with the cache on), once.
    assert sum(1 for fields in reads if "u" in fields) <= 1
