"""Sign-up through the inbox: an account is made only when the emailed link is followed.

`signup_request` answers the same whatever the address. For a new address it keeps the sign-up
(SignupRequest) and mails a link; for an address that has an account it mails the owner that
someone tried, with a password-reset link. Both branches validate and hash the password (Argon2id,
the request's main cost), write one outbox row and send one mail after the commit, so neither the
answer nor its time says which branch ran.

`signup_confirm` makes the account from the link. In the browser that asked, the link is enough
(its session holds the secret whose digest the sign-up keeps). Anywhere else the chosen password
must be typed again, checked through the sign-in guard: otherwise someone could sign up with
another person's address and a password of their choosing, and the owner, following the link
from their inbox, would open an account whose password the other person knows.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _

from accounts import mails
from accounts.models import SignupRequest, User
from accounts.services.users import MESSAGE_WRONG_PASSWORD, password_policy_check
from accounts.throttling import SignInClient, guarded, mail_request_limit
from accounts.time_zones import validate_time_zone
from accounts.tokens import digest, random_token, reset_token
from core.languages import supported_language

MESSAGE_LINK_INVALID = _("This link is not valid any more. Ask for a new one.")
MESSAGE_SIGNUP_OTHER_BROWSER = _(
    "This link was opened in another browser than the one you signed up in: type the password "
    "you chose to finish."
)
MESSAGE_SIGNUP_DONE = _("This address already has an account: sign in instead.")


def _expired_before() -> timedelta:
    return timedelta(seconds=settings.EMAIL_LINK_MAX_AGE)


def signup_request(
    *,
    email: str,
    password: str,
    time_zone: str,
    browser_secret: str,
    client: SignInClient,
    site_url: str,
) -> None:
    validate_time_zone(time_zone)
    password_policy_check(password=password, user=User(email=email), field="password")
    mail_request_limit(scope="signup", recipient=email, client=client)
    password_hash = make_password(password)  # in both branches: the same work, the same time
    with transaction.atomic():
        SignupRequest.objects.filter(created_at__lt=timezone.now() - _expired_before()).delete()
        owner = User.objects.filter(email_key=email).first()
        if owner is None:
            token = random_token()
            SignupRequest.objects.create(
                email=email,
                password=password_hash,
                time_zone=time_zone,
                # The request's language (its Accept-Language): the account's, once made.
                language=supported_language(translation.get_language()),
                token_digest=digest(token),
                browser_digest=digest(browser_secret),
            )
            link = mails.link(site_url, mails.PAGE_SIGNUP_CONFIRM, token=token)
            mails.mail_signup(to=email, link=link, hours=settings.EMAIL_LINK_MAX_AGE // 3600)
        else:
            link = mails.link(site_url, mails.PAGE_PASSWORD_RESET, token=reset_token(owner))
            minutes = settings.PASSWORD_RESET_TIMEOUT // 60
            mails.mail_signup_taken(
                to=owner.email, link=link, minutes=minutes, language=owner.language
            )


def signup_confirm(
    *, token: str, password: str | None, browser_secret: str | None, client: SignInClient
) -> User:
    """The account the sign-up behind `token` asked for, made now."""
    signup = SignupRequest.objects.filter(
        token_digest=digest(token), created_at__gte=timezone.now() - _expired_before()
    ).first()
    if signup is None:
        raise ValidationError({"token": [MESSAGE_LINK_INVALID]})
    same_browser = bool(browser_secret) and constant_time_compare(
        digest(browser_secret or ""), signup.browser_digest
    )
    if not same_browser:
        if not password:
            raise ValidationError({"password": [MESSAGE_SIGNUP_OTHER_BROWSER]})
        allowed = guarded(
            client=client,
            user_id=None,
            email_key=signup.email,
            check=lambda: check_password(password, signup.password),
        )
        if not allowed:
            raise ValidationError({"password": [MESSAGE_WRONG_PASSWORD]})
    try:
        with transaction.atomic():
            user = User(
                email=signup.email,
                time_zone=signup.time_zone,
                language=signup.language,
                password=signup.password,
            )
            user.save()
            SignupRequest.objects.filter(email=signup.email).delete()
    except IntegrityError:  # the address has an account (another link of it was followed first)
        raise ValidationError({"token": [MESSAGE_SIGNUP_DONE]}) from None
    return user
