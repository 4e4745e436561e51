"""Django's messages serve the admin only (core.middleware.AdminMessageMiddleware): the admin still
shows its notes after a change, and API requests no longer carry a message store."""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from core.middleware import AdminMessageMiddleware
from factories import make_user


def through_middleware(path: str) -> HttpRequest:
    request = RequestFactory().get(path)
    request.session = SessionStore()  # the fallback storage's second store
    AdminMessageMiddleware(lambda _request: HttpResponse())(request)
    return request


def test_api_requests_get_no_message_store() -> None:
    assert not hasattr(through_middleware("/api/habits/"), "_messages")
    assert not hasattr(through_middleware("/"), "_messages")


def test_admin_requests_get_the_message_store() -> None:
    assert hasattr(through_middleware("/admin/accounts/user/"), "_messages")


@pytest.mark.django_db
def test_the_admin_still_says_what_it_did() -> None:
    admin = make_user(is_staff=True, is_superuser=True)
    doomed = make_user(email="doomed@example.org")
    client = Client()
    client.force_login(admin)
    response = client.post(
        f"/admin/accounts/user/{doomed.pk}/delete/", {"post": "yes"}, follow=True
    )
    assert response.status_code == 200
    assert "was deleted successfully" in response.content.decode()
