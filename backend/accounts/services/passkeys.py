"""Passkeys (WebAuthn, through py_webauthn): adding one, signing in with one, removing one.

The relying party is WEBAUTHN_RP_ID (the site's host) and the accepted origins WEBAUTHN_ORIGINS.
Passkeys are discoverable credentials with user verification required, so signing in needs
neither an address nor a password. The views keep each ceremony's challenge in the session (the
session store is server-side) and hand it back here once; the library checks the challenge, the
origin, the RP ID, the signature and the signature counter.

py_webauthn is imported inside the functions that use it: with cryptography and pyOpenSSL it
costs about 100 ms to import, which a Lambda cold start should not pay for endpoints most requests
never touch (a test keeps it out of the URL configuration's imports).

Adding a passkey re-checks the password first (through the sign-in guard): a passkey outlives a
password change, so a stolen session must not be able to leave one behind; and the account's
address is told. Signing in with a passkey goes through the sign-in guard like a password does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy

from accounts import mails
from accounts.models import Passkey, User
from accounts.services.users import user_password_confirm
from accounts.throttling import SignInClient, guarded

MESSAGE_PASSKEY_INVALID = gettext_lazy("The passkey could not be verified. Try again.")
MESSAGE_PASSKEY_KNOWN = gettext_lazy("This passkey is already registered.")
MESSAGE_PASSKEY_REFUSED = gettext_lazy("This passkey did not sign you in.")


@dataclass(frozen=True)
class Ceremony:
    """What the browser needs (`options`, JSON for navigator.credentials) and what the server
    keeps until the answer comes back (`challenge`)."""

    challenge: bytes
    options: dict[str, Any]


def user_handle(user: User) -> bytes:
    """The account's WebAuthn user handle: stable, and saying nothing about the account."""
    return salted_hmac("accounts.passkeys.user_handle", str(user.pk)).digest()[:32]


def passkey_registration_options(*, user: User, password: str, client: SignInClient) -> Ceremony:
    from webauthn import generate_registration_options, options_to_json
    from webauthn.helpers import base64url_to_bytes
    from webauthn.helpers.structs import (
        AuthenticatorSelectionCriteria,
        AuthenticatorTransport,
        PublicKeyCredentialDescriptor,
        ResidentKeyRequirement,
        UserVerificationRequirement,
    )

    known = {transport.value for transport in AuthenticatorTransport}
    user_password_confirm(user=user, password=password, client=client)
    options = generate_registration_options(
        rp_id=settings.WEBAUTHN_RP_ID,
        rp_name=settings.WEBAUTHN_RP_NAME,
        user_name=user.email,
        user_id=user_handle(user),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(
                id=base64url_to_bytes(passkey.credential_id),
                transports=[AuthenticatorTransport(v) for v in passkey.transports if v in known],
            )
            for passkey in user.passkeys.all()
        ],
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
    )
    return Ceremony(challenge=options.challenge, options=json.loads(options_to_json(options)))


@transaction.atomic
def passkey_register(
    *, user: User, name: str, credential: dict[str, Any], challenge: bytes, site_url: str
) -> Passkey:
    from webauthn import verify_registration_response
    from webauthn.helpers import bytes_to_base64url, parse_registration_credential_json
    from webauthn.helpers.exceptions import WebAuthnException

    try:
        parsed = parse_registration_credential_json(credential)
        verified = verify_registration_response(
            credential=parsed,
            expected_challenge=challenge,
            expected_rp_id=settings.WEBAUTHN_RP_ID,
            expected_origin=settings.WEBAUTHN_ORIGINS,
            require_user_verification=True,
        )
    except (WebAuthnException, ValueError):  # ValueError: base64 the library could not read
        raise ValidationError({"credential": [MESSAGE_PASSKEY_INVALID]}) from None
    transports = [transport.value for transport in parsed.response.transports or []]
    try:
        with transaction.atomic():
            passkey = Passkey.objects.create(
                user=user,
                name=name,
                credential_id=bytes_to_base64url(verified.credential_id),
                public_key=verified.credential_public_key,
                sign_count=verified.sign_count,
                transports=transports,
            )
    except IntegrityError:
        raise ValidationError({"credential": [MESSAGE_PASSKEY_KNOWN]}) from None
    mails.mail_passkey_added(
        to=user.email,
        name=name,
        link=mails.link(site_url, mails.PAGE_SETTINGS),
        language=user.language,
    )
    return passkey


def passkey_authentication_options() -> Ceremony:
    from webauthn import generate_authentication_options, options_to_json
    from webauthn.helpers.structs import UserVerificationRequirement

    options = generate_authentication_options(
        rp_id=settings.WEBAUTHN_RP_ID,
        user_verification=UserVerificationRequirement.REQUIRED,
    )
    return Ceremony(challenge=options.challenge, options=json.loads(options_to_json(options)))


def passkey_authenticate(
    *, credential: dict[str, Any], challenge: bytes, client: SignInClient
) -> User:
    """The user `credential` (navigator.credentials.get()'s answer) signs in, through the sign-in
    guard; a ValidationError for any answer that does not verify."""
    from webauthn import verify_authentication_response
    from webauthn.helpers import bytes_to_base64url, parse_authentication_credential_json
    from webauthn.helpers.exceptions import WebAuthnException

    try:
        parsed = parse_authentication_credential_json(credential)
    except (WebAuthnException, ValueError):  # ValueError: base64 the library could not read
        raise ValidationError({"credential": [MESSAGE_PASSKEY_REFUSED]}) from None
    credential_id = bytes_to_base64url(parsed.raw_id)
    passkey = Passkey.objects.select_related("user").filter(credential_id=credential_id).first()
    counts: list[int] = []

    def check() -> bool:
        if passkey is None or not passkey.user.is_active:
            return False
        handle = parsed.response.user_handle
        if handle is not None and not constant_time_compare(handle, user_handle(passkey.user)):
            return False
        try:
            verified = verify_authentication_response(
                credential=parsed,
                expected_challenge=challenge,
                expected_rp_id=settings.WEBAUTHN_RP_ID,
                expected_origin=settings.WEBAUTHN_ORIGINS,
                credential_public_key=bytes(passkey.public_key),
                credential_current_sign_count=passkey.sign_count,
                require_user_verification=True,
            )
        except (WebAuthnException, ValueError):
            return False
        counts.append(verified.new_sign_count)
        return True

    allowed = guarded(
        client=client,
        user_id=passkey.user_id if passkey is not None else None,
        email_key=passkey.user.email_key if passkey is not None else f"passkey:{credential_id}",
        check=check,
    )
    if not allowed or passkey is None:
        raise ValidationError({"credential": [MESSAGE_PASSKEY_REFUSED]})
    Passkey.objects.filter(pk=passkey.pk).update(sign_count=counts[0], last_used_at=timezone.now())
    return passkey.user


def passkey_delete(*, user: User, passkey_id: int) -> None:
    deleted, _ = Passkey.objects.filter(user=user, pk=passkey_id).delete()
    if not deleted:
        raise Http404
