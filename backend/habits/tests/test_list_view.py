"""The habit list's browser path (habits.apis.signed_in_list) answers exactly as DRF's view, and
only a request DRF would have answered the same way takes it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import override_settings

from accounts.models import User
from conftest import ApiClient
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
    assert browser_path == [caches, False] * 3  # only a cached list takes it


@pytest.mark.usefixtures("caches")
def test_what_the_browser_path_leaves_to_drf(
    api: ApiClient, user: User, browser_path: list[bool]
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
    # HEAD and POST are DRF's.
    assert api.head(LIST).status_code == 200
    assert api.post(LIST, {"name": "Run"}).status_code == 201
    assert api.post(LIST, {"name": "Swim"}, HTTP_X_CSRFTOKEN="wrong").status_code == 403
    assert browser_path == [False] * 8


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
