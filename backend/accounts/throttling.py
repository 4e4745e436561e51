"""Login throttling, per account and per client address, kept in the cache.

Failed attempts are counted in a fixed window per key; once either count reaches its limit, further
attempts are refused with 429 and Retry-After until the window ends, whether the password is
right or not (so a locked account cannot be brute-forced). Only single-key cache commands are used
(ElastiCache Serverless is cluster-mode Redis: no multi-key commands across slots). If the cache is
down, the counts are lost and login still works: availability over strictness, logged as a warning.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class LoginThrottle:
    key: str
    limit: int
    window: int

    def retry_after(self) -> int | None:
        """Seconds until another attempt is allowed, or None when attempts are allowed now."""
        count = cache.get(self.key)
        if count is None or int(count) < self.limit:
            return None
        until = cache.get(f"{self.key}:until")
        remaining = int(float(until) - time.time()) if until is not None else self.window
        return max(1, remaining)

    def record_failure(self) -> None:
        if cache.add(self.key, 0, self.window):
            cache.set(f"{self.key}:until", time.time() + self.window, self.window)
        try:
            cache.incr(self.key)
        except ValueError:  # expired between add and incr
            cache.set(self.key, 1, self.window)

    def reset(self) -> None:
        cache.delete(self.key)


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:32]


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


def login_throttles(request: HttpRequest, email: str) -> list[LoginThrottle]:
    config = settings.LOGIN_THROTTLE
    window = int(config["window_seconds"])
    return [
        LoginThrottle(
            f"login:account:{_digest(email.strip().lower())}", int(config["per_account"]), window
        ),
        LoginThrottle(
            f"login:address:{_digest(client_address(request))}", int(config["per_address"]), window
        ),
    ]
