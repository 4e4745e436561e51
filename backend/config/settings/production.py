"""Production (AWS Lambda behind CloudFront and API Gateway, or any HTTPS deployment).

Fails fast: no default for the secret key, the allowed hosts or the database, and no secret key
shorter than 50 characters. In AWS (config.aws, read once per cold start) the secret key and the
origin secret come from Secrets Manager, and the database and the cache are reached with IAM tokens;
elsewhere DJANGO_SECRET_KEY, DATABASE_URL and REDIS_URL can be given directly.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from config.aws import MIN_SECRET_KEY_LENGTH, load_aws_configuration
from config.env import env_bool, env_int, env_list, env_str
from config.vapid import derived_private_key as derived_vapid_private_key
from core.logging import logging_config

from .base import *  # noqa: F403
from .base import cache_settings

DEBUG = False
DEMO_DATA = False
# The admin is not part of the public site unless an operator turns it on for a while.
DJANGO_ADMIN_ENABLED = env_bool("DJANGO_ADMIN_ENABLED", False)
if not DJANGO_ADMIN_ENABLED:
    # The admin app stays installed (its LogEntry model, which deleting a user cascades to), but
    # without autodiscover: with the admin off nothing reads its registrations, and a cold start
    # does not import every app's admin module (Django's auth forms and views among them).
    INSTALLED_APPS = [
        "django.contrib.admin.apps.SimpleAdminConfig" if app == "django.contrib.admin" else app
        for app in INSTALLED_APPS
    ]

_aws = load_aws_configuration()

SECRET_KEY = _aws.secret_key or env_str("DJANGO_SECRET_KEY") or ""
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "No secret key: set DJANGO_SECRET_KEY_SECRET_ARN (Secrets Manager) or DJANGO_SECRET_KEY."
    )
if len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH:
    raise ImproperlyConfigured(
        f"The secret key is too short: a Django secret key needs at least {MIN_SECRET_KEY_LENGTH} "
        "characters (python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must list the host names the site answers to.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

if _aws.database is not None:
    DATABASES = {"default": _aws.database}
elif env_str("DATABASE_URL"):
    pass  # base.py already built it from DATABASE_URL
else:
    raise ImproperlyConfigured(
        "No database: set DATABASE_IAM_AUTH or DATABASE_SECRET_ARN with DATABASE_HOST (AWS), "
        "or DATABASE_URL."
    )

# Links in mail point at the site: SITE_URL, else the first trusted origin, else the first host.
SITE_URL = (
    env_str("SITE_URL") or next(iter(CSRF_TRUSTED_ORIGINS), None) or f"https://{ALLOWED_HOSTS[0]}"
).rstrip("/")
WEBAUTHN_RP_ID = env_str("WEBAUTHN_RP_ID") or urlsplit(SITE_URL).hostname or ""
WEBAUTHN_ORIGINS = env_list("WEBAUTHN_ORIGINS", [SITE_URL])
MAIL_TRANSPORT = env_str("MAIL_TRANSPORT", "ses") or "ses"
MAIL_FROM = env_str("MAIL_FROM") or f"Habit Tracker <no-reply@{urlsplit(SITE_URL).hostname}>"
DEV_MAIL_PAGE = False
OUTBOX_KEEP_SENT = False

if _aws.redis is not None:
    REDIS_URL = _aws.redis["url"]
    CACHES = cache_settings(REDIS_URL, credential_provider=_aws.redis["credential_provider"])
else:
    REDIS_URL = env_str("REDIS_URL")
    CACHES = cache_settings(REDIS_URL)
HABIT_LIST_CACHE = env_bool("HABIT_LIST_CACHE", bool(REDIS_URL))
USER_CACHE = env_bool("USER_CACHE", bool(REDIS_URL))
REMINDER_DUE_CACHE = env_bool("REMINDER_DUE_CACHE", bool(REDIS_URL))
# Reminders: the VAPID key from Secrets Manager when one is named (VAPID_PRIVATE_KEY_SECRET_ARN),
# otherwise derived from the secret key (config/vapid.py; what the Terraform does).
VAPID_PRIVATE_KEY = _aws.vapid_private_key or derived_vapid_private_key(SECRET_KEY)
PUSH_ALLOW_ANY_ENDPOINT = False

ORIGIN_VERIFY_VALUES = _aws.origin_values
ORIGIN_VERIFY_SOURCE = _aws.origin_source
# Nothing but the migration function's MANAGE_COMMANDS (the API function sets none).
MANAGE_COMMANDS = env_list("MANAGE_COMMANDS")

# The SPA is served by S3 + CloudFront in production.
SERVE_FRONTEND = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS everywhere. CloudFront terminates TLS and forwards X-Forwarded-Proto to API Gateway.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_REDIRECT_EXEMPT = [r"^health/$", r"^health/deep/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63072000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
DEVICE_COOKIE_NAME = "__Host-device"
CSRF_COOKIE_NAME = "csrftoken"

LOG_FORMAT = env_str("LOG_FORMAT", "json") or "json"
LOGGING = logging_config(LOG_LEVEL, LOG_FORMAT)

# Import jobs: with the upload bucket, each runs in an asynchronous invocation of this function.
IMPORT_RUNNER = env_str("IMPORT_RUNNER", "lambda" if IMPORT_BUCKET else "thread") or "thread"
