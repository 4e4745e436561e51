"""The sign-in guard: one throttle for every path that checks a password or a passkey.

API sign-in, the Django admin's sign-in, the password re-checks (password change, email change,
account deletion, adding a passkey, sign-up confirmation from another browser) and passkey
sign-in all call `guarded`, which runs the check only when the attempt is allowed. The design is
OWASP's "Slow Down Online Guessing Attacks with Device Cookies" (owasp.org/www-community/
Slow_Down_Online_Guessing_Attacks_with_Device_Cookies). It keeps what the OWASP Authentication
Cheat Sheet asks of a lockout ("Protect Against Automated Attacks", "Account Lockout"): the
counter belongs to the account, not the source address, and a lockout must not let others deny
the owner, the cheat sheet's remedy being that the forgotten-password path still signs in while
the account is locked, which it does here (the reset link signs in, and makes that browser trusted).

- A successful sign-in gives the browser a device cookie: the user's id and a random nonce, signed
  with the secret key (`accounts.middleware` sets it; `device_of` reads it back).
- An attempt is *trusted* when it carries a valid device cookie for the account it tries. Its
  failures count per (account, device); past `per_device` in a window that cookie is trusted no
  more until the window ends, and the attempt is handled as untrusted.
- Every other attempt is *untrusted*. Its failures count per account (from any address) and per
  client address (for any account). Past `per_account` or `per_address`, untrusted attempts on that
  account, or from that address, are refused with 429 until the window ends, right password or not.
- Count first, decide after: an attempt adds itself to its counters with one atomic cache
  increment before anything is checked, and only attempts that fit under the limits are checked;
  a successful check takes its count back. Twenty parallel wrong passwords against a limit of five
  get five checks, not twenty.

Why it holds against guessing: a stranger has no device cookie for the account, so per window gets
at most `per_account` guesses at it however many addresses they use, and at most `per_address`
guesses from one address however many accounts they try. A device cookie is only issued to a browser
that has just signed in to that account, and it names the account, so one earned on the attacker's
own account is worth nothing on another; a stolen one adds at most `per_device` guesses a window.

Why it holds against denial: the lockout strangers can trigger (untrusted, per account) shuts out
untrusted clients only. The owner's browser has signed in before, so it is trusted and counted on
its own, under a key strangers cannot add to without its cookie. A person on a new device while the
account is under attack signs in through the emailed password-reset link, which also makes that
browser trusted (forgetting its device's failures, if it had spent them). The per-address
ceiling stops one address from spraying many accounts; it never applies to trusted devices, so
sharing an address with an attacker does not lock the owner out.

Keys are the user's id where the account exists (the canonical address otherwise), so no spelling
of an address escapes its account's counter. Only single-key cache commands are used (ElastiCache
Serverless is cluster-mode: no multi-key commands across slots). If the cache is down the counts
are lost and sign-in still works: availability over strictness.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy, ngettext

from core.errors import TooManyRequests

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

MESSAGE_SIGN_IN_THROTTLED = gettext_lazy("Too many failed attempts. Try again in {wait}.")
MESSAGE_MAIL_THROTTLED = gettext_lazy("Too many emails asked for. Try again in {wait}.")
MESSAGE_TOKEN_THROTTLED = gettext_lazy(
    "Too many invalid API tokens from this address. Try again in {wait}."
)
DEVICE_COOKIE_SALT = "accounts.device"
_ISSUED = "signin_device"
T = TypeVar("T")


@dataclass(frozen=True)
class Device:
    """What a device cookie says: the account it signed in to and its own random name."""

    user_id: int
    nonce: str

    def cookie_value(self) -> str:
        return f"{self.user_id}:{self.nonce}"


@dataclass(frozen=True)
class SignInClient:
    """Who attempts a sign-in: the client's address and the trusted device cookie, if any."""

    address: str
    device: Device | None


def new_device(user_id: int) -> Device:
    return Device(user_id=user_id, nonce=secrets.token_urlsafe(16))


def device_of(request: HttpRequest) -> Device | None:
    """The device cookie's content when its signature and age are valid, else None."""
    value = request.get_signed_cookie(
        settings.DEVICE_COOKIE_NAME,
        default=None,
        salt=DEVICE_COOKIE_SALT,
        max_age=settings.DEVICE_COOKIE_AGE,
    )
    if not value:
        return None
    user_id, _, nonce = value.partition(":")
    return Device(user_id=int(user_id), nonce=nonce) if user_id.isdigit() and nonce else None


def device_issue(request: HttpRequest, *, user_id: int) -> None:
    """Mark `request` as a successful sign-in of `user_id`: its response carries a device cookie
    (the browser's current one when it already names this account, so its counter stays)."""
    current = device_of(request)
    device = current if current is not None and current.user_id == user_id else new_device(user_id)
    setattr(request, _ISSUED, device)


def device_to_issue(request: HttpRequest) -> Device | None:
    device = getattr(request, _ISSUED, None)
    return device if isinstance(device, Device) else None


def client_address(request: HttpRequest) -> str:
    """The caller's address, from a source the caller cannot forge.

    In AWS, CloudFront's `CloudFront-Viewer-Address` (`ip:port`, CLIENT_ADDRESS_HEADER): requests
    reach the app only through CloudFront (core.middleware.OriginVerifyMiddleware), which sets it.
    Elsewhere REMOTE_ADDR, or, behind N trusted proxies, the Nth X-Forwarded-For entry from the
    right (entries further left are set by the client and cannot be trusted).
    """
    header = getattr(settings, "CLIENT_ADDRESS_HEADER", "")
    if header:
        viewer = request.headers.get(header, "").strip()
        if viewer:
            address = viewer.rsplit(":", 1)[0] if ":" in viewer else viewer
            return address.strip("[]")
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return str(hops[-proxies])
    return str(request.META.get("REMOTE_ADDR", "unknown"))


def sign_in_client(request: HttpRequest | None) -> SignInClient:
    if request is None:  # authenticate() called outside a request (shell, tests)
        return SignInClient(address="no-request", device=None)
    return SignInClient(address=client_address(request), device=device_of(request))


def wait_in_words(seconds: float) -> str:
    """A wait as a person says it: "45 seconds", "1 minute", "15 minutes", "2 hours"."""
    seconds = max(1, math.ceil(seconds))
    if seconds < 60:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    if minutes < 120:
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    hours = math.ceil(minutes / 60)
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class _Counter:
    """An attempt counter in the cache: its key, how many attempts it allows, over how long (s)."""

    key: str
    limit: int
    window: int

    def hit(self) -> int:
        """Add this attempt atomically; the count including it (0 when the cache is down)."""
        if cache.add(self.key, 1, self.window):
            cache.set(f"{self.key}:until", time.time() + self.window, self.window)
            return 1
        try:
            count = cache.incr(self.key)
        except ValueError:  # expired between add and incr: this attempt starts a new window
            return self.hit()
        return int(count) if count is not None else 0

    def count(self) -> int:
        return int(cache.get(self.key) or 0)

    def take_back(self) -> None:
        with contextlib.suppress(ValueError):  # expired meanwhile: nothing to take back
            cache.decr(self.key)

    def clear(self) -> None:
        cache.delete(self.key)

    def wait(self) -> float:
        until = cache.get(f"{self.key}:until")
        return float(until) - time.time() if until is not None else float(self.window)


def _count_or_refuse(counters: list[_Counter], *, message: _StrOrPromise) -> None:
    """Add this attempt to every counter; TooManyRequests (how long to wait in words) when any
    is past its limit."""
    counts = [counter.hit() for counter in counters]
    over = [
        counter for counter, count in zip(counters, counts, strict=True) if count > counter.limit
    ]
    if over:
        wait = max(counter.wait() for counter in over)
        raise TooManyRequests(wait=wait, detail=message.format(wait=wait_in_words(wait)))


def _counters(
    *, client: SignInClient, user_id: int | None, email_key: str
) -> tuple[_Counter | None, list[_Counter]]:
    config = settings.LOGIN_THROTTLE
    window = int(config["window_seconds"])
    account = f"user:{user_id}" if user_id is not None else f"email:{_digest(email_key)}"
    untrusted = [
        _Counter(f"signin:account:{account}", int(config["per_account"]), window),
        _Counter(f"signin:address:{_digest(client.address)}", int(config["per_address"]), window),
    ]
    device = client.device
    if user_id is None or device is None or device.user_id != user_id:
        return None, untrusted
    trusted = _Counter(
        f"signin:device:{user_id}:{_digest(device.nonce)}", int(config["per_device"]), window
    )
    return trusted, untrusted


def guarded(
    *, client: SignInClient, user_id: int | None, email_key: str, check: Callable[[], bool]
) -> bool:
    """Run `check` (a password or passkey verification) if this attempt may be made.

    Returns what `check` returned; raises TooManyRequests (a 429 saying how long to wait) when the
    attempt is refused, without running `check`.
    """
    trusted, untrusted = _counters(client=client, user_id=user_id, email_key=email_key)
    if trusted is not None and trusted.hit() <= trusted.limit:
        if check():
            trusted.clear()
            return True
        return False
    counts = [counter.hit() for counter in untrusted]
    over = [
        counter for counter, count in zip(untrusted, counts, strict=True) if count > counter.limit
    ]
    if over:
        wait = max(counter.wait() for counter in over)
        raise TooManyRequests(
            wait=wait, detail=MESSAGE_SIGN_IN_THROTTLED.format(wait=wait_in_words(wait))
        )
    if check():
        for counter in untrusted:
            counter.take_back()
        return True
    return False


def device_failures_forget(*, client: SignInClient, user_id: int) -> None:
    """Forget the failures counted against `client`'s device cookie for the account `user_id`, if
    it holds one for that account. A password reset calls it: the link proved the mailbox, the
    failures were guesses at a password that no longer exists, and the browser is to be trusted
    from then on. Without this, a browser that spent its `per_device` attempts before its owner
    asked for the link would stay untrusted, so refused while strangers keep the account locked,
    even with the new password."""
    trusted, _ = _counters(client=client, user_id=user_id, email_key="")
    if trusted is not None:
        trusted.clear()


def mail_request_limit(*, scope: str, recipient: str, client: SignInClient) -> None:
    """Count a request that sends mail (sign-up, password reset, address change) per recipient and
    per client address, before it is served; TooManyRequests past either limit. The same for
    addresses with and without an account, so a refusal says nothing about either."""
    config = settings.MAIL_THROTTLE
    window = int(config["window_seconds"])
    counters = [
        _Counter(f"mail:{scope}:to:{_digest(recipient)}", int(config["per_recipient"]), window),
        _Counter(
            f"mail:{scope}:from:{_digest(client.address)}", int(config["per_address"]), window
        ),
    ]
    _count_or_refuse(counters, message=MESSAGE_MAIL_THROTTLED)


def client_request_limit(
    *, scope: str, address: str, limit: int, window_seconds: int, message: _StrOrPromise
) -> None:
    """Count a request from the client `address` in `scope` before it is served; TooManyRequests
    past `limit` in the window. For endpoints that need no session (a signed link or token), whose
    only brake is the caller's address. `message` may name the wait as {wait}."""
    counter = _Counter(f"client:{scope}:{_digest(address)}", limit, window_seconds)
    _count_or_refuse([counter], message=message)


def api_token_guarded(*, address: str, check: Callable[[], T | None]) -> T | None:
    """Run `check` (an API token lookup) unless this client address is past its failures; count a
    failure (`check` found nothing) against the address.

    Past `failures_per_address` in a window every bearer request from the address is a 429 until
    the window ends, before any lookup. Unlike `guarded` this counts after the check: tokens have
    256 random bits, so the counter is not what stops guessing (parallel requests slipping past it
    gain nothing); it stops a client that loops on a revoked or mistyped token from costing a
    query each time, and a good token costs one cache read, not a write.
    """
    config = settings.API_TOKEN_THROTTLE
    counter = _Counter(
        f"apitoken:failures:{_digest(address)}",
        int(config["failures_per_address"]),
        int(config["window_seconds"]),
    )
    if counter.count() >= counter.limit:
        wait = counter.wait()
        raise TooManyRequests(
            wait=wait, detail=MESSAGE_TOKEN_THROTTLED.format(wait=wait_in_words(wait))
        )
    found = check()
    if found is None:
        counter.hit()
    return found
