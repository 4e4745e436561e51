"""The load bench (`make bench-load`): production's settings, served over plain HTTP on loopback.

Everything production decides stays (DEBUG off, sessions in Redis and PostgreSQL,
the PostgreSQL pool, JSON logs, the security middleware and headers) except what needs HTTPS: the
redirect, HSTS and the Secure/__Host- cookies, which an HTTP load generator could not send back.
Never deployed.
"""

from config.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SESSION_COOKIE_NAME = "sessionid"
