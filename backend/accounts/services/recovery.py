"""Password reset by email.

`password_reset_request` answers the same whatever the address: a reset link for an account, or a
note that there is no account here (with the sign-up page) otherwise. Both branches make a reset
token (an HMAC; for no account, of an unsaved user, which opens nothing), write one outbox row and
send one mail after the commit, so neither the answer nor its time says whether the account exists.

`password_reset_confirm` sets the new password if the link is still good (Django's token: it stops
working once the password changes or the user signs in, and after PASSWORD_RESET_TIMEOUT) and ends
every session of the account; the view then signs this browser in. Failed sign-ins counted
against this browser's device cookie are forgotten (accounts.throttling.device_failures_forget), so
it is trusted again even if its owner spent its attempts before asking for the link.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from accounts import mails
from accounts.models import User
from accounts.services.api_tokens import api_tokens_revoke_all
from accounts.services.sessions import user_sessions_end
from accounts.services.signup import MESSAGE_LINK_INVALID
from accounts.services.users import password_policy_check
from accounts.throttling import SignInClient, device_failures_forget, mail_request_limit
from accounts.tokens import reset_token, reset_token_user


def password_reset_request(*, email: str, client: SignInClient, site_url: str) -> None:
    mail_request_limit(scope="reset", recipient=email, client=client)
    with transaction.atomic():
        user = User.objects.filter(email_key=email, is_active=True).first()
        if user is not None:
            link = mails.link(site_url, mails.PAGE_PASSWORD_RESET, token=reset_token(user))
            minutes = settings.PASSWORD_RESET_TIMEOUT // 60
            mails.mail_reset(to=user.email, link=link, minutes=minutes, language=user.language)
        else:
            reset_token(User(email=email))  # the same work as for an account
            mails.mail_reset_unknown(to=email, link=mails.link(site_url, mails.PAGE_SIGNUP))


def password_reset_confirm(*, token: str, new_password: str, client: SignInClient) -> User:
    user = reset_token_user(token)
    if user is None:
        raise ValidationError({"token": [MESSAGE_LINK_INVALID]})
    password_policy_check(password=new_password, user=user, field="new_password")
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        user_sessions_end(user=user)
        api_tokens_revoke_all(user=user)
    device_failures_forget(client=client, user_id=user.pk)
    return user
