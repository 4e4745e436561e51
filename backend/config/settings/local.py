"""Local development and `make run`: SQLite and process memory unless DATABASE_URL or REDIS_URL
say otherwise."""

from config.env import env_bool, env_str

from .base import *  # noqa: F403

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "local-development-only-not-secret") or ""
# `make run` seeds a demo account on the first run; never in production.
DEMO_DATA = env_bool("DJANGO_DEMO_DATA", True)
# Mail shows at once: in the terminal (console backend) and at /api/dev/mail/ with its links.
DEV_MAIL_PAGE = env_bool("DEV_MAIL_PAGE", True)
OUTBOX_KEEP_SENT = True
# Serve the admin's static files straight from the apps, without collectstatic.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT.mkdir(exist_ok=True)
# A subscription may name a local push endpoint (http) only when this is on.
PUSH_ALLOW_ANY_ENDPOINT = env_bool("PUSH_ALLOW_ANY_ENDPOINT", False)
