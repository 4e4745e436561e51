"""The password policy: long enough, not blank, not a common password in disguise.

Length: at least 15 characters, counted after leaving out spaces at either end (the password
itself is kept exactly as typed). A password is the only factor most people sign in with here,
and the OWASP Authentication Cheat Sheet ("Implement Proper Password Strength Controls") counts a
password shorter than 15 characters as weak when MFA is not enabled, after NIST SP 800-63B-4,
which requires 15 for a password used as a single-factor authenticator; ASVS 5.0 (6.2.1) requires 8
and strongly recommends 15. There are no composition rules (NIST forbids them), so four ordinary
words are enough. Spaces at the ends are not counted because padding adds nothing an attacker has
to guess.

Common passwords: Django's list (about 20,000 passwords that leaks show most used) checked not only
as typed but as people disguise them: any case, trailing digits and symbols dropped ("Passw0rd!"),
and the usual substitutions undone (0 for o, 1 for l or i, 3 for e, 4 and @ for a, 5 and $ for s,
7 for t), with and without the spaces.
"""

from __future__ import annotations

import string
from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

PASSWORD_MIN_LENGTH = 15
MESSAGE_PASSWORD_TOO_SHORT = format_lazy(
    _(
        "Use at least {limit} characters (spaces at the start or end do not count). "
        "A few ordinary words make a strong password."
    ),
    limit=PASSWORD_MIN_LENGTH,
)
MESSAGE_PASSWORD_BLANK = _("The password cannot be only spaces.")
MESSAGE_PASSWORD_COMMON = _(
    "This password is too common, or a common one with small changes. Choose another."
)

SUBSTITUTIONS = {"0": "o", "3": "e", "4": "a", "@": "a", "5": "s", "$": "s", "7": "t"}
TRAILING = string.digits + string.punctuation + string.whitespace


def disguises_undone(password: str) -> set[str]:
    """The forms of `password` to look up in the common list."""
    typed = password.strip().casefold()
    forms = {typed, typed.replace(" ", "")}
    forms |= {form.rstrip(TRAILING) for form in forms}
    for one in ("l", "i"):
        table = str.maketrans({**SUBSTITUTIONS, "1": one})
        forms |= {form.translate(table) for form in list(forms)}
    return {form for form in forms if form}


class NotBlankValidator:
    def validate(self, password: str, user: Any = None) -> None:
        if not password.strip():
            raise ValidationError(MESSAGE_PASSWORD_BLANK, code="password_blank")

    def get_help_text(self) -> str:
        return str(MESSAGE_PASSWORD_BLANK)


class MinimumLengthValidator:
    def __init__(self, min_length: int = PASSWORD_MIN_LENGTH) -> None:
        self.min_length = min_length

    def validate(self, password: str, user: Any = None) -> None:
        stripped = password.strip()
        if stripped and len(stripped) < self.min_length:  # blank: NotBlankValidator says so
            raise ValidationError(MESSAGE_PASSWORD_TOO_SHORT, code="password_too_short")

    def get_help_text(self) -> str:
        return str(MESSAGE_PASSWORD_TOO_SHORT)


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def validate(self, password: str, user: Any = None) -> None:
        if disguises_undone(password) & self.passwords:
            raise ValidationError(MESSAGE_PASSWORD_COMMON, code="password_too_common")

    def get_help_text(self) -> str:
        return str(MESSAGE_PASSWORD_COMMON)
