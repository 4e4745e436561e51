"""What the accounts views share about the request: where the site is, the secret that names the
browser a sign-up came from, signing in, and the challenges of passkey ceremonies."""

from __future__ import annotations

import secrets
import time

from django.conf import settings
from django.contrib.auth import login
from django.http import HttpRequest

from accounts.models import User

SIGNUP_BROWSER_KEY = "signup_browser"


def site_url_of(request: HttpRequest) -> str:
    """SITE_URL, or locally (where it is empty) the origin this request came to."""
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


def signup_browser_secret(request: HttpRequest, *, create: bool) -> str | None:
    secret = request.session.get(SIGNUP_BROWSER_KEY)
    if secret is None and create:
        secret = secrets.token_urlsafe(16)
        request.session[SIGNUP_BROWSER_KEY] = secret
    return secret if isinstance(secret, str) else None


def sign_in(request: HttpRequest, user: User) -> None:
    """Sign `user` in on this browser (a new session key; the device cookie follows)."""
    login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])


def challenge_keep(request: HttpRequest, *, purpose: str, challenge: bytes) -> None:
    """Keep a WebAuthn ceremony's challenge in the session (server-side) for a few minutes."""
    expires = time.time() + settings.PASSKEY_CHALLENGE_SECONDS
    request.session[f"webauthn:{purpose}"] = {"challenge": challenge.hex(), "expires": expires}


def challenge_take(request: HttpRequest, *, purpose: str) -> bytes | None:
    """The kept challenge, once: gone from the session whether or not it is still valid."""
    kept = request.session.pop(f"webauthn:{purpose}", None)
    if not isinstance(kept, dict) or float(kept.get("expires", 0)) < time.time():
        return None
    return bytes.fromhex(str(kept.get("challenge", "")))
