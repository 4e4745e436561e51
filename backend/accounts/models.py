from __future__ import annotations

from functools import lru_cache
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac

from accounts import api_tokens
from accounts.addresses import canonical_email
from accounts.time_zones import validate_time_zone


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> User:
        # Addresses are matched in their canonical form (accounts.addresses): "Ana@x.org",
        # "ana@x.org" and the same in fullwidth letters are one account.
        return self.get(email_key=canonical_email(username or ""))

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=canonical_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


# Django's salt for the session's HMAC of the password (AbstractBaseUser._get_session_auth_hash).
SESSION_AUTH_HASH_SALT = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"


@lru_cache(maxsize=1024)
def session_auth_hash(password: str, secret: str) -> str:
    """Django's session auth hash of a password field under a secret key: the same inputs, the
    same HMAC, so it is computed once per (password hash, key) in a process."""
    return salted_hmac(
        SESSION_AUTH_HASH_SALT, password, secret=secret, algorithm="sha256"
    ).hexdigest()


class User(AbstractBaseUser, PermissionsMixin):
    """A person using the tracker. Signs in with an email address.

    `time_zone` (IANA) and `day_start_hour` decide which calendar date "today" is for this person:
    a day that starts at 04:00 keeps a late-night check-in on the day it belongs to. `language`
    (one of settings.LANGUAGES) is the one their mail and reminders are written in; the API answers
    each request in the language the request asks for.
    """

    email = models.EmailField(max_length=254, unique=True)
    # The canonical form of `email` (accounts.addresses), kept by save(): what lookups, uniqueness
    # and the sign-in throttle use. Longer than `email` because IDNA can lengthen a domain.
    email_key = models.CharField(max_length=320, unique=True, editable=False)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    day_start_hour = models.PositiveSmallIntegerField(default=0)
    # db_default as well: the previous release, still serving while this one's migration runs,
    # inserts rows without the column (docs/DEPLOY.md, expand then contract).
    language = models.CharField(
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        db_default=settings.LANGUAGE_CODE,
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(day_start_hour__gte=0) & models.Q(day_start_hour__lte=23),
                name="accounts_user_day_start_hour_range",
            ),
        ]

    def __str__(self) -> str:
        return self.email

    def get_session_auth_hash(self) -> str:
        # Every signed-in request checks its session against this HMAC of the password field
        # (django.contrib.auth.get_user); it changes only with the password or the secret key.
        # The fallback keys' hashes (SECRET_KEY_FALLBACKS) stay Django's own.
        return session_auth_hash(self.password, settings.SECRET_KEY)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email_key = canonical_email(self.email)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "email" in update_fields:
            kwargs["update_fields"] = {*update_fields, "email_key"}
        super().save(*args, **kwargs)


class UserSession(models.Model):
    """Which sessions belong to which user, so they can be ended together.

    Django's session table does not record its user in a column; without this, ending "every other
    session" (password change) or every session (account deletion) would mean decoding them all.
    Rows are written at sign-in and removed at sign-out or when their sessions are ended.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sessions")
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.user_id} session"


class SignupRequest(models.Model):
    """A sign-up waiting for its emailed link. The account exists only once the link is followed
    (accounts.services.signup), which proves the address; until then the chosen password is kept
    as its hash, like an account's."""

    email = models.CharField(max_length=320, help_text="The canonical address.")
    password = models.CharField(max_length=128)
    time_zone = models.CharField(max_length=64, default="UTC")
    language = models.CharField(
        max_length=8,
        default=settings.LANGUAGE_CODE,
        db_default=settings.LANGUAGE_CODE,
        help_text="The language of the request that asked: the account's, once made.",
    )
    token_digest = models.CharField(max_length=64, unique=True)
    browser_digest = models.CharField(
        max_length=64, help_text="Names the browser that asked (its session holds the secret)."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["email"]), models.Index(fields=["created_at"])]

    def __str__(self) -> str:
        return f"sign-up of {self.email}"


class Passkey(models.Model):
    """A WebAuthn credential that signs its user in without a password (accounts.services.passkeys).
    `credential_id` is base64url as the browser sends it; `public_key` is COSE-encoded."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="passkeys")
    name = models.CharField(max_length=64)
    credential_id = models.CharField(max_length=1400, unique=True)
    public_key = models.BinaryField()
    sign_count = models.PositiveBigIntegerField(default=0)
    transports = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"passkey {self.name!r} of {self.user_id}"


class ApiToken(models.Model):
    """A personal API token (accounts.api_tokens has its format and rules): it signs requests to
    the habits API in as its user, read-only or read-write. Revoking one deletes its row; so does
    deleting the account (cascade) or changing or resetting the password (services.api_tokens)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=api_tokens.NAME_MAX_LENGTH)
    scope = models.CharField(
        max_length=16,
        choices=[(scope.value, label) for scope, label in api_tokens.SCOPE_LABELS.items()],
    )
    prefix = models.CharField(max_length=api_tokens.PREFIX_HEX_DIGITS, unique=True)
    digest = models.CharField(max_length=64, help_text="SHA-256 of the secret, hex.")
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="None: until revoked.")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scope__in=[scope.value for scope in api_tokens.Scope]),
                name="accounts_apitoken_scope_valid",
            )
        ]
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self) -> str:
        return f"API token {self.name!r} of {self.user_id}"
