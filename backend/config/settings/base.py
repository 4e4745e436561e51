"""Settings shared by every way the product runs. Values come from the environment (config.env)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from accounts import api_tokens
from config.env import database_from_url, env_bool, env_int, env_list, env_str
from core.logging import logging_config
from habits import rules

BACKEND_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BACKEND_DIR.parent

DEBUG = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")  # overridden per module; production refuses a default
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "core",
    "outbox",
    "accounts",
    "habits",
]

MIDDLEWARE = [
    "core.middleware.RequestLogMiddleware",
    "core.middleware.OriginVerifyMiddleware",
    "core.middleware.RequestSizeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The cached habit list, answered with the hooks of the middleware after it (habits.middleware).
    "habits.middleware.CachedListMiddleware",
    # django-cors-headers' (core.middleware.CorsMiddleware: request.headers only with an Origin).
    "core.middleware.CorsMiddleware",
    # Django's session middleware, keeping a session CachedListMiddleware loaded.
    "habits.middleware.KeptSessionMiddleware",
    # The request's language, from Accept-Language only (core.middleware.LocaleMiddleware).
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.DeviceCookieMiddleware",
    # Django's messages, for the admin only (core.middleware.AdminMessageMiddleware).
    "core.middleware.AdminMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------------------------------

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BACKEND_DIR / 'db.sqlite3'}")
DATABASES: dict[str, dict[str, Any]] = {
    "default": database_from_url(
        DATABASE_URL or "",
        pool_max_size=env_int("DATABASE_POOL_MAX_SIZE", 4),
        # Seconds to wait for a connection: short locally (an outage is a fast 503); set it
        # longer where the database pauses and resumes (Aurora Serverless v2 at 0 ACU).
        connect_timeout=env_int("DATABASE_CONNECT_TIMEOUT", 2),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The least-privilege role the API signs in as (AWS); `migrate` creates and grants it
# (core.database_roles). Empty: no role is managed.
DATABASE_APP_USER = env_str("DATABASE_APP_USER", "") or ""

REDIS_URL = env_str("REDIS_URL")


def cache_settings(redis_url: str | None, credential_provider: Any = None) -> dict[str, Any]:
    """Redis through django-redis when a URL is given, the process's memory otherwise.

    Redis errors are swallowed by the cache (IGNORE_EXCEPTIONS): the product works without its
    cache, sessions fall back to the database (`cached_db`), and /health/ reports the cache as
    degraded.
    Short socket timeouts keep an unreachable Redis from stalling requests. A `credential_provider`
    (config.iam_tokens) signs each new connection in with a fresh token instead of a password.
    """
    if not redis_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "habit-tracker",
            }
        }
    return {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "ht",
            "OPTIONS": {
                "CLIENT_CLASS": "core.cache.Client",
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": True,
                "CONNECTION_POOL_KWARGS": {
                    "health_check_interval": 30,
                    **({"credential_provider": credential_provider} if credential_provider else {}),
                },
            },
        }
    }


CACHES = cache_settings(REDIS_URL)
# Cache the rendered habit list (habits.list_cache); only with a cache every process shares.
HABIT_LIST_CACHE = env_bool("HABIT_LIST_CACHE", bool(REDIS_URL))
# Cache the signed-in user's row (accounts.backends); only with a shared cache, like the list.
USER_CACHE = env_bool("USER_CACHE", bool(REDIS_URL))
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "core.cache"

# cached_db, with a signed-in session cached beside its user's other data (accounts.sessions).
SESSION_ENGINE = "accounts.sessions"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# The SPA reads the token from this cookie and sends it back as X-CSRFToken.
CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"

# --- Accounts -------------------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["accounts.backends.CachedModelBackend"]
# The first hasher makes every new hash (and re-makes older ones at the next sign-in); the others
# only read hashes made before (PBKDF2 until Argon2id replaced it).
PASSWORD_HASHERS = [
    "accounts.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# The policy (accounts.passwords): not blank, 15 characters, not a common password in disguise.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "accounts.passwords.NotBlankValidator"},
    {"NAME": "accounts.passwords.MinimumLengthValidator"},
    {"NAME": "accounts.passwords.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Where the client's address comes from: a header set by a proxy the client cannot bypass (in AWS
# CloudFront's CloudFront-Viewer-Address, trusted because the origin secret proves the request came
# through CloudFront), else behind N proxies that append to X-Forwarded-For, else REMOTE_ADDR.
CLIENT_ADDRESS_HEADER = env_str("CLIENT_ADDRESS_HEADER", "") or ""
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Requests must carry ORIGIN_VERIFY_HEADER with one of these values (production, from
# ORIGIN_SECRET_ARN); empty: no check (local).
ORIGIN_VERIFY_HEADER = env_str("ORIGIN_VERIFY_HEADER", "X-Origin-Verify") or "X-Origin-Verify"
ORIGIN_VERIFY_VALUES: tuple[str, ...] = ()
# The sign-in guard (accounts.throttling): failed attempts allowed per window from clients without
# a device cookie for the account (per account, per client address), and from one trusted device.
LOGIN_THROTTLE = {
    "per_account": env_int("LOGIN_THROTTLE_PER_ACCOUNT", 5),
    "per_address": env_int("LOGIN_THROTTLE_PER_ADDRESS", 20),
    "per_device": env_int("LOGIN_THROTTLE_PER_DEVICE", 10),
    "window_seconds": env_int("LOGIN_THROTTLE_WINDOW_SECONDS", 15 * 60),
}
# Requests that send mail (sign-up, password reset, address change), per window: per recipient
# and per client address, whether or not the address has an account.
MAIL_THROTTLE = {
    "per_recipient": env_int("MAIL_THROTTLE_PER_RECIPIENT", 5),
    "per_address": env_int("MAIL_THROTTLE_PER_ADDRESS", 20),
    "window_seconds": 60 * 60,
}
# Personal API tokens (accounts.authentication): requests per token, and invalid tokens allowed
# per client address in a window before its bearer requests are refused with 429.
API_TOKEN_RATE = env_str("API_TOKEN_RATE", "120/minute") or "120/minute"
API_TOKEN_THROTTLE = {
    "failures_per_address": env_int("API_TOKEN_FAILURES_PER_ADDRESS", 20),
    "window_seconds": 15 * 60,
}
# How long emailed links work: a password reset (Django's setting), a sign-up or address change.
PASSWORD_RESET_TIMEOUT = 60 * 60
EMAIL_LINK_MAX_AGE = 24 * 60 * 60
# Passkeys (WebAuthn): the relying party is the site's host; answers are accepted from these
# origins. Locally: localhost (an IP address cannot be an RP ID), `make run` and the Vite server.
WEBAUTHN_RP_NAME = "Habit Tracker"
WEBAUTHN_RP_ID = env_str("WEBAUTHN_RP_ID", "localhost") or "localhost"
WEBAUTHN_ORIGINS = env_list("WEBAUTHN_ORIGINS", ["http://localhost:8000", "http://localhost:5173"])
PASSKEY_CHALLENGE_SECONDS = 5 * 60
# The Django admin at /admin/ (signing in through the same guard as the API). Production turns it
# off unless DJANGO_ADMIN_ENABLED says otherwise.
DJANGO_ADMIN_ENABLED = env_bool("DJANGO_ADMIN_ENABLED", True)
# The signed cookie that makes a browser a trusted device for the account it signed in to.
DEVICE_COOKIE_NAME = "device"
DEVICE_COOKIE_AGE = env_int("DEVICE_COOKIE_DAYS", 365) * 24 * 60 * 60

# --- Outgoing mail (outbox) -----------------------------------------------------------------------

# Where the links in mail point: the site's origin. Empty locally: the origin of the request that
# causes the mail (so links follow http://localhost:8000 or the Vite dev server alike).
SITE_URL = (env_str("SITE_URL", "") or "").rstrip("/")
# How mail leaves (outbox.transports): "django" (EMAIL_BACKEND) or "ses" (Amazon SES v2 API).
MAIL_TRANSPORT = env_str("MAIL_TRANSPORT", "django") or "django"
MAIL_FROM = env_str("MAIL_FROM", "Habit Tracker <no-reply@localhost>") or ""
MAIL_SES_REGION = env_str("MAIL_SES_REGION")
MAIL_SES_CONFIGURATION_SET = env_str("MAIL_SES_CONFIGURATION_SET")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Keep sent messages (with their links) in the outbox table: locally, for the mail page.
OUTBOX_KEEP_SENT = False
# The local mail page at /api/dev/mail/ (outbox.apis); production never mounts it.
DEV_MAIL_PAGE = False

# --- API ------------------------------------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["core.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # DRF's, with the SPA's and scripts' Accept headers answered without parsing (core.negotiation).
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "core.negotiation.ContentNegotiation",
    "DEFAULT_PARSER_CLASSES": ["core.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "core.errors.api_exception_handler",
    "COERCE_DECIMAL_TO_STRING": False,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_THROTTLE_RATES": {"api_token": API_TOKEN_RATE},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Habit Tracker API",
    "DESCRIPTION": (
        "Habits, daily entries, streaks and Loop-compatible scores. Session-cookie authentication: "
        "GET /api/auth/csrf/ sets the csrftoken cookie; send it back as X-CSRFToken on unsafe "
        "methods. Scripts send a personal API token instead (Authorization: Bearer htk_..., no "
        "CSRF), on the habits and entries operations only (security scheme apiToken). Dates are "
        "YYYY-MM-DD in the user's time zone. Every error is "
        '{"detail", "code"} plus "errors" (field -> messages) on 400.'
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SCHEMA_PATH_PREFIX": "/api",
    "COMPONENT_SPLIT_REQUEST": True,
    # Imports core.openapi (the session-cookie extension) when a schema is generated, not at start.
    "DEFAULT_GENERATOR_CLASS": "core.openapi.SchemaGenerator",
    "ENUM_NAME_OVERRIDES": {
        "EntryStatusEnum": rules.choices(rules.Status),
        "HabitKindEnum": rules.choices(rules.Kind),
        "TargetTypeEnum": rules.choices(rules.TargetType),
        "PeriodEnum": rules.choices(rules.Period),
        "ApiTokenScopeEnum": [scope.value for scope in api_tokens.Scope],
        "ImportKindEnum": rules.choices(rules.ImportKind),
        "ImportStateEnum": rules.choices(rules.ImportState),
        "ImportStageEnum": rules.choices(rules.ImportStage),
    },
}

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_ALLOW_CREDENTIALS = True
CORS_URLS_REGEX = r"^/api/.*$"

# Strip this prefix from request paths (an API Gateway named stage or a path prefix).
API_BASE_PATH = env_str("API_BASE_PATH", "") or ""
# Management commands the Lambda's {"manage": ...} event may run (production: only what the
# migration function's MANAGE_COMMANDS lists; never shell or dbshell).
MANAGE_COMMANDS = env_list(
    "MANAGE_COMMANDS", ["migrate", "check", "showmigrations", "createcachetable"]
)

# --- Static files and the SPA ---------------------------------------------------------------------

STATIC_URL = "/django-static/"
STATIC_ROOT = BACKEND_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The built SPA (frontend/dist). Served by Django locally; by S3 + CloudFront in AWS.
FRONTEND_DIST_DIR = Path(env_str("FRONTEND_DIST_DIR", str(PROJECT_DIR / "frontend" / "dist")) or "")
SERVE_FRONTEND = env_bool("SERVE_FRONTEND", True)

# Request bodies: JSON and forms up to 2 MB (core.parsers reads no further); an import's zip up to
# IMPORT_MAX_BYTES; no body at all above REQUEST_MAX_BYTES, refused before it is read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
IMPORT_MAX_BYTES = 20 * 1024 * 1024
IMPORT_MAX_ROWS = 100_000
MULTIPART_OVERHEAD_BYTES = 64 * 1024  # the multipart envelope around the import's file
REQUEST_MAX_BYTES = IMPORT_MAX_BYTES + MULTIPART_OVERHEAD_BYTES

# Import jobs (habits.transfers). With IMPORT_BUCKET (AWS) the browser uploads straight to S3 with a
# presigned POST; without it the file is posted to the API and kept under TRANSFER_DIR.
IMPORT_BUCKET = env_str("IMPORT_BUCKET", "") or ""
IMPORT_BUCKET_REGION = env_str("IMPORT_BUCKET_REGION", "") or ""
TRANSFER_DIR = env_str("TRANSFER_DIR") or str(
    Path(tempfile.gettempdir()) / "habit-tracker-transfers"
)
# How a queued job runs: "thread" (make run), "inline" (in the request that queued it: tests),
# "lambda" (an asynchronous invocation of IMPORT_FUNCTION_NAME, this function in AWS).
IMPORT_RUNNER = env_str("IMPORT_RUNNER", "thread") or "thread"
IMPORT_FUNCTION_NAME = env_str("IMPORT_FUNCTION_NAME", env_str("AWS_LAMBDA_FUNCTION_NAME", ""))
IMPORT_UPLOAD_SECONDS = env_int("IMPORT_UPLOAD_SECONDS", 10 * 60)
# A job queued or running longer than this was lost (its function timed out or died): failed.
IMPORT_JOB_STALE_SECONDS = env_int("IMPORT_JOB_STALE_SECONDS", 20 * 60)
IMPORT_JOB_KEEP_DAYS = env_int("IMPORT_JOB_KEEP_DAYS", 7)
# With the bucket, an export is written there and handed out as a link valid this long.
EXPORT_LINK_SECONDS = env_int("EXPORT_LINK_SECONDS", 5 * 60)

# --- Security -------------------------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Time and language ----------------------------------------------------------------------------

# The local demo account (`make run` seeds it when DEMO_DATA is on; never in production): it takes
# the zone of the browser that signs in to it (accounts.services.user_signed_in).
DEMO_EMAIL = "demo@example.com"

# API messages, mails and push messages in English, Spanish or German (backend/locale). A request
# is answered in the language of its Accept-Language header (the SPA sends its own); mail and
# reminders sent outside a request use the recipient's User.language.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español"), ("de", "Deutsch")]
LOCALE_PATHS = [BACKEND_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Logging --------------------------------------------------------------------------------------

LOG_LEVEL = (env_str("LOG_LEVEL", "INFO") or "INFO").upper()
LOG_FORMAT = env_str("LOG_FORMAT", "console") or "console"
LOGGING = logging_config(LOG_LEVEL, LOG_FORMAT)

# Reminders (habits.reminders). Web Push needs a VAPID key pair: the private key as base64url of its
# 32-byte scalar (or PEM); the public key is derived from it (VAPID_PUBLIC_KEY, when set, must
# match). In AWS the private key comes from Secrets Manager (config/aws.py) and pushes leave through
# the relay function PUSH_RELAY_FUNCTION (backend/push_relay.py), outside the VPC.
VAPID_PRIVATE_KEY = env_str("VAPID_PRIVATE_KEY", "") or ""
VAPID_PUBLIC_KEY = env_str("VAPID_PUBLIC_KEY", "") or ""
VAPID_SUBJECT = env_str("VAPID_SUBJECT", "mailto:reminders@localhost") or ""
PUSH_RELAY_FUNCTION = env_str("PUSH_RELAY_FUNCTION", "") or ""
# Subscriptions may name any http(s) endpoint (a local push endpoint); never in production.
PUSH_ALLOW_ANY_ENDPOINT = False
# The sender's cache gate needs a cache shared with the API (Redis/Valkey).
REMINDER_DUE_CACHE = env_bool("REMINDER_DUE_CACHE", bool(REDIS_URL))
