"""The sign-in guard (accounts.throttling): counted before the check, one key per account whatever
the spelling of its address, no lockout of the owner's own browser, the same guard on the admin's
sign-in and on every password re-check, and waits said in words."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.test import Client, override_settings

from accounts.addresses import MESSAGE_EMAIL_NOT_PLAIN, canonical_email, plain_email_problem
from accounts.models import User
from accounts.throttling import MESSAGE_SIGN_IN_THROTTLED, wait_in_words
from config.tests.test_settings import PRODUCTION_ENV, manage
from conftest import ApiClient, mail_to, token_in
from core.errors import CODE_THROTTLED
from factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGIN = "/api/auth/login/"
ME = "/api/auth/me/"
PASSWORD_CHANGE = "/api/auth/password/"
WRONG = "not the password 1"
NEW_PASSWORD = "a fresh passphrase 31"
ARGON2 = ["accounts.hashers.Argon2idPasswordHasher"]
LONG_S = "\N{LATIN SMALL LETTER LONG S}"
DOTLESS_I = "\N{LATIN SMALL LETTER DOTLESS I}"


def fullwidth(text: str) -> str:
    """`text` in fullwidth forms (U+FF01..U+FF5E), as some keyboards type it."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def throttle(**limits: int) -> dict[str, int]:
    base = {"per_account": 5, "per_address": 1000, "per_device": 5, "window_seconds": 900}
    return base | limits


def stranger(number: int = 0) -> ApiClient:
    return ApiClient(REMOTE_ADDR=f"203.0.113.{number % 250 + 1}")


def attempt(client: ApiClient, email: str, password: str = WRONG) -> Any:
    return client.post(LOGIN, {"email": email, "password": password})


# --- Count first, decide after --------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@override_settings(LOGIN_THROTTLE=throttle(per_account=5), PASSWORD_HASHERS=ARGON2)
def test_parallel_wrong_passwords_are_all_counted_before_any_is_checked() -> None:
    """20 simultaneous wrong passwords against a limit of 5: at most 5 are checked (400), the rest
    are refused unchecked (429). Checking first and counting after let all 20 through."""
    user = make_user()
    clients = [stranger(number) for number in range(20)]
    for client in clients:
        client.csrf_token()
    start = threading.Barrier(len(clients))
    statuses: list[int] = []

    def guess(client: ApiClient) -> None:
        try:
            start.wait()
            statuses.append(attempt(client, user.email).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=guess, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(set(statuses)) == [400, 429]
    assert statuses.count(400) <= 5
    assert statuses.count(429) >= 15
    assert attempt(stranger(99), user.email, PASSWORD).status_code == 429


# --- One key per account, whatever the spelling ---------------------------------------------------


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Sisi@Example.ORG", "sisi@example.org"),
        (f"{LONG_S}isi@example.org", "sisi@example.org"),
        (fullwidth("sisi@example") + ".org", "sisi@example.org"),
        ("\N{KELVIN SIGN}ate@example.org", "kate@example.org"),
        ("ana@Bücher.de", "ana@xn--bcher-kva.de"),
    ],
)
def test_look_alikes_map_onto_one_canonical_address(written: str, canonical: str) -> None:
    assert canonical_email(written) == canonical
    assert plain_email_problem(written) is None


@pytest.mark.parametrize(
    "written",
    [
        f"s{DOTLESS_I}si@example.org",
        "s\N{CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I}si@example.org",
    ],
)
def test_addresses_that_cannot_be_mapped_onto_plain_letters_are_refused(written: str) -> None:
    assert plain_email_problem(written) == str(MESSAGE_EMAIL_NOT_PLAIN)
    response = attempt(stranger(), written, PASSWORD)
    assert response.status_code == 400
    assert response.json()["errors"]["email"] == [MESSAGE_EMAIL_NOT_PLAIN]


@override_settings(LOGIN_THROTTLE=throttle(per_account=5))
def test_the_long_s_spelling_counts_against_the_account_it_imitates() -> None:
    victim = make_user(email="sisi@example.org")
    for number in range(5):
        assert attempt(stranger(number), f"{LONG_S}isi@example.org").status_code == 400
    response = attempt(stranger(50), f"{LONG_S}isi@example.org", PASSWORD)
    assert response.status_code == 429
    assert attempt(stranger(51), victim.email, PASSWORD).status_code == 429


@override_settings(LOGIN_THROTTLE=throttle(per_account=5))
def test_the_dotless_i_spelling_neither_signs_in_nor_escapes_the_lock() -> None:
    victim = make_user(email="sisi@example.org")
    for number in range(5):
        attempt(stranger(number), victim.email)
    # Refused as input: it reaches no password check and no account.
    response = attempt(stranger(60), f"s{DOTLESS_I}si@example.org", PASSWORD)
    assert response.status_code == 400
    assert "sessionid" not in response.cookies
    assert attempt(stranger(61), "SISI@example.org", PASSWORD).status_code == 429


def test_the_canonical_address_is_stored_and_unique() -> None:
    user = make_user(email="Ana@Example.org")
    assert (user.email, user.email_key) == ("ana@example.org", "ana@example.org")
    assert User.objects.get_by_natural_key(fullwidth("ANA") + "@example.org") == user
    user.email = "Ana.Other@Example.org"
    user.save(update_fields=["email"])
    user.refresh_from_db()
    assert user.email_key == "ana.other@example.org"


# --- No lockout by strangers ----------------------------------------------------------------------


@override_settings(LOGIN_THROTTLE=throttle(per_account=5, per_address=20))
def test_the_owner_signs_in_from_their_browser_after_50_wrong_attempts_from_elsewhere(
    user: User,
) -> None:
    owner = ApiClient(REMOTE_ADDR="198.51.100.7")
    owner.sign_in(user)
    owner.post("/api/auth/logout/")
    statuses = [attempt(stranger(number), user.email).status_code for number in range(50)]
    assert statuses[:5] == [400] * 5
    assert set(statuses[5:]) == {429}

    owner.sign_in(user)  # 200: the browser's device cookie makes it trusted
    assert owner.get(ME).json()["email"] == user.email
    # Guessing from elsewhere is still refused, right password or not, from old and new addresses.
    assert attempt(stranger(3), user.email, PASSWORD).status_code == 429
    assert attempt(stranger(200), user.email, PASSWORD).status_code == 429


@override_settings(LOGIN_THROTTLE=throttle(per_account=5, per_device=5))
def test_a_device_cookie_only_counts_for_its_own_account(user: User) -> None:
    attacker = stranger(1)
    attacker.sign_in(make_user())  # a genuine device cookie, for the attacker's own account
    for _ in range(5):
        assert attempt(attacker, user.email).status_code == 400
    assert attempt(attacker, user.email, PASSWORD).status_code == 429


@override_settings(LOGIN_THROTTLE=throttle(per_account=5, per_device=5))
def test_a_stolen_device_cookie_adds_a_few_guesses_then_counts_as_untrusted(user: User) -> None:
    owner = ApiClient()
    owner.sign_in(user)
    thief = stranger(1)
    thief.cookies[settings.DEVICE_COOKIE_NAME] = owner.cookies[settings.DEVICE_COOKIE_NAME].value
    statuses = [attempt(thief, user.email).status_code for _ in range(11)]
    assert statuses == [400] * 10 + [429]  # 5 as the device, 5 as untrusted, then refused


def test_a_forged_device_cookie_is_ignored(user: User) -> None:
    client = stranger(1)
    client.sign_in(user)
    cookie = client.cookies[settings.DEVICE_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Strict"
    value = cookie.value
    user_part, rest = value.split(":", 1)
    client.cookies[settings.DEVICE_COOKIE_NAME] = f"{int(user_part) + 1}:{rest}"
    other = make_user()
    with override_settings(LOGIN_THROTTLE=throttle(per_account=1)):
        attempt(client, other.email)
        assert attempt(client, other.email, PASSWORD).status_code == 429


@override_settings(LOGIN_THROTTLE=throttle(per_account=1))
def test_the_lockout_of_an_unknown_address_is_kept_per_address() -> None:
    assert attempt(stranger(1), "nobody@example.org").status_code == 400
    assert attempt(stranger(2), "NOBODY@example.org").status_code == 429
    assert attempt(stranger(3), "somebody@example.org").status_code == 400


def test_the_guard_lets_sign_in_through_when_the_cache_is_down(
    user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "add", lambda *args, **kwargs: None)
    monkeypatch.setattr(cache, "incr", lambda *args, **kwargs: None)
    with override_settings(LOGIN_THROTTLE=throttle(per_account=1)):
        for _ in range(3):
            assert attempt(stranger(1), user.email).status_code == 400
        stranger(2).sign_in(user)


# --- The 429 -------------------------------------------------------------------------------------


@override_settings(LOGIN_THROTTLE=throttle(per_account=1, window_seconds=900))
def test_the_refusal_says_how_long_to_wait_in_words(user: User) -> None:
    attempt(stranger(1), user.email)
    response = attempt(stranger(2), user.email)
    assert response.status_code == 429
    assert response.json() == {
        "detail": MESSAGE_SIGN_IN_THROTTLED.format(wait="15 minutes"),
        "code": CODE_THROTTLED,
    }
    assert 0 < int(response["Retry-After"]) <= 900


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0.2, "1 second"),
        (45, "45 seconds"),
        (60, "1 minute"),
        (61, "2 minutes"),
        (900, "15 minutes"),
        (7140, "119 minutes"),
        (7199, "2 hours"),
        (7201, "3 hours"),
    ],
)
def test_waits_in_words(seconds: float, words: str) -> None:
    assert wait_in_words(seconds) == words


# --- Every path that checks a password ------------------------------------------------------------


@override_settings(LOGIN_THROTTLE=throttle(per_account=5, per_device=5))
@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("delete", ME, lambda password: {"password": password}),
        (
            "post",
            PASSWORD_CHANGE,
            lambda password: {"current_password": password, "new_password": "a new passphrase 42"},
        ),
    ],
)
def test_password_re_checks_are_throttled(
    signed_in: ApiClient, user: User, method: str, path: str, body: Any
) -> None:
    statuses = [getattr(signed_in, method)(path, body(WRONG)).status_code for _ in range(11)]
    assert statuses == [400] * 10 + [429]
    response = getattr(signed_in, method)(path, body(PASSWORD))
    assert response.status_code == 429
    assert User.objects.filter(pk=user.pk).exists()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def admin_sign_in(client: Client, user: User, password: str) -> Any:
    return client.post("/admin/login/?next=/admin/", {"username": user.email, "password": password})


@override_settings(LOGIN_THROTTLE=throttle(per_account=5))
def test_the_admin_sign_in_goes_through_the_same_guard() -> None:
    staff = make_user(is_staff=True, is_superuser=True)
    for number in range(30):
        admin_sign_in(Client(REMOTE_ADDR=f"192.0.2.{number + 1}"), staff, WRONG)
    refused = Client(REMOTE_ADDR="192.0.2.200")
    response = admin_sign_in(refused, staff, PASSWORD)
    assert response.status_code == 200  # the form again, with the refusal
    assert MESSAGE_SIGN_IN_THROTTLED.format(wait="15 minutes") in response.content.decode()
    assert "_auth_user_id" not in refused.session
    # The API sees the same count.
    assert attempt(stranger(7), staff.email, PASSWORD).status_code == 429


@override_settings(LOGIN_THROTTLE=throttle(per_account=5))
def test_a_lock_made_through_the_api_holds_in_the_admin() -> None:
    staff = make_user(is_staff=True, is_superuser=True)
    for number in range(5):
        attempt(stranger(number), staff.email)
    client = Client(REMOTE_ADDR="192.0.2.50")
    admin_sign_in(client, staff, PASSWORD)
    assert "_auth_user_id" not in client.session


def test_the_admin_signs_in_staff_and_gives_a_device_cookie() -> None:
    staff = make_user(is_staff=True, is_superuser=True)
    client = Client()
    response = admin_sign_in(client, staff, PASSWORD)
    assert response.status_code == 302
    assert settings.DEVICE_COOKIE_NAME in response.cookies


ADMIN_RESOLVES = (
    "from django.urls import Resolver404, resolve\n"
    "try:\n    resolve('/admin/login/'); print('admin: mounted')\n"
    "except Resolver404:\n    print('admin: absent')"
)


def test_production_keeps_the_admin_off_the_site_unless_enabled() -> None:
    absent = manage("shell", "-c", ADMIN_RESOLVES, env=PRODUCTION_ENV)
    assert "admin: absent" in absent.stdout, absent.stderr
    enabled = manage(
        "shell", "-c", ADMIN_RESOLVES, env={**PRODUCTION_ENV, "DJANGO_ADMIN_ENABLED": "true"}
    )
    assert "admin: mounted" in enabled.stdout, enabled.stderr


def reset_then_sign_in(client: ApiClient, user: User) -> int:
    """Ask for the reset link from `client`, follow it to set NEW_PASSWORD (which signs `client`
    in), sign out, and sign in again with the new password: that sign-in's status."""
    client.post("/api/auth/password/reset/", {"email": user.email})
    reset = client.post(
        "/api/auth/password/reset/confirm/",
        {"token": token_in(mail_to(user.email)), "new_password": NEW_PASSWORD},
    )
    assert reset.status_code == 200
    client.post("/api/auth/logout/")
    return int(attempt(client, user.email, NEW_PASSWORD).status_code)


@override_settings(LOGIN_THROTTLE=throttle(per_account=5))
def test_a_locked_account_is_still_opened_by_the_reset_link(user: User) -> None:
    """The OWASP cheat sheet's remedy for lockouts used as denial: the forgotten-password path signs
    in while the account is locked, and the browser it signs in is trusted from then on."""
    for number in range(6):
        attempt(stranger(number), user.email)
    browser = stranger(100)
    assert attempt(browser, user.email, PASSWORD).status_code == 429
    assert reset_then_sign_in(browser, user) == 200
    assert attempt(stranger(101), user.email, NEW_PASSWORD).status_code == 429


@override_settings(LOGIN_THROTTLE=throttle(per_account=5, per_device=5))
def test_the_browser_that_resets_the_password_is_trusted_again_after_its_own_failures(
    user: User,
) -> None:
    """Someone who forgot their password tries every one they can think of on their own laptop,
    spends its trusted attempts and then the account's, and resets the password from there: the
    new password signs in on that laptop at once, not only after the window ends."""
    laptop = ApiClient(REMOTE_ADDR="198.51.100.7")
    laptop.sign_in(user)
    laptop.post("/api/auth/logout/")
    statuses = [attempt(laptop, user.email).status_code for _ in range(11)]
    assert statuses == [400] * 10 + [429]  # 5 as the device, 5 as untrusted, then locked
    assert reset_then_sign_in(laptop, user) == 200
    assert attempt(stranger(101), user.email, NEW_PASSWORD).status_code == 429
