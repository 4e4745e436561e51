"""Changing the address an account signs in with.

The owner asks with their password (checked through the sign-in guard) and the new address; a link
goes to the new address, and the old one stays until the link is followed. The old address is told
at once, with a password-reset link: resetting the password cancels the pending change (the
change's token carries an HMAC of the password hash) and ends every other session. If the new
address already has an account, its owner is told instead and the answer is the same.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from accounts import mails
from accounts.models import User
from accounts.services.signup import MESSAGE_LINK_INVALID
from accounts.services.users import MESSAGE_EMAIL_TAKEN, user_password_confirm
from accounts.throttling import SignInClient, mail_request_limit
from accounts.tokens import email_change_read, email_change_token, reset_token

MESSAGE_EMAIL_SAME = _("This is already your address.")


def email_change_request(
    *, user: User, password: str, new_email: str, client: SignInClient, site_url: str
) -> None:
    user_password_confirm(user=user, password=password, client=client)
    if new_email == user.email_key:
        raise ValidationError({"new_email": [MESSAGE_EMAIL_SAME]})
    mail_request_limit(scope="email", recipient=new_email, client=client)
    with transaction.atomic():
        owner = User.objects.filter(email_key=new_email).only("language").first()
        if owner is not None:
            mails.mail_email_taken(to=new_email, language=owner.language)
        else:
            token = email_change_token(user, new_email)
            mails.mail_email_confirm(
                to=new_email,
                link=mails.link(site_url, mails.PAGE_EMAIL_CONFIRM, token=token),
                current=user.email,
                hours=settings.EMAIL_LINK_MAX_AGE // 3600,
                language=user.language,
            )
        reset = mails.link(site_url, mails.PAGE_PASSWORD_RESET, token=reset_token(user))
        mails.mail_email_change_requested(
            to=user.email, new=new_email, link=reset, language=user.language
        )


def email_change_confirm(*, token: str) -> User:
    change = email_change_read(token)
    if change is None:
        raise ValidationError({"token": [MESSAGE_LINK_INVALID]})
    user, old_email = change.user, change.user.email
    try:
        with transaction.atomic():
            user.email = change.new_email
            user.save(update_fields=["email"])
            mails.mail_email_changed(to=old_email, new=user.email, language=user.language)
    except IntegrityError:  # the new address got an account meanwhile
        user.email = old_email
        raise ValidationError({"token": [MESSAGE_EMAIL_TAKEN]}) from None
    return user
