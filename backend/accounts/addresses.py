"""Email addresses as identities: one canonical form for lookup, uniqueness and throttle keys.

An address is canonical after Unicode NFKC normalisation and case folding, with the domain in its
ASCII (IDNA) form. NFKC maps compatibility look-alikes onto the letters they imitate (the long s
U+017F becomes "s", a fullwidth s U+FF53 becomes "s", the Kelvin sign becomes "k"), and case
folding makes "Ana@Example.org" and "ana@example.org" one address. The account row stores this
form in a unique column; sign-in, registration, password reset and the sign-in throttle all look
addresses up by it, so no two spellings can reach one account under two throttle keys.

A local part that is still not ASCII after that is refused (`plain_email_problem`). The dotless
i (U+0131) has no compatibility mapping and case folding keeps it, yet PostgreSQL's UPPER() turns
it into "I" and Python's case-insensitive regular expressions let it pass as an "i" (Django's
email validator accepts it): "s\u0131si@…" looks like, and under some comparisons is, "sisi@…".
Refusing what cannot be mapped onto plain letters closes that class of look-alikes without a
confusables table.
"""

from __future__ import annotations

import contextlib
import unicodedata

from django.utils.translation import gettext_lazy as _

MESSAGE_EMAIL_NOT_PLAIN = _(
    "Write the part before the @ in plain letters, digits and punctuation: this address has "
    "characters that only look like letters."
)


def canonical_email(address: str) -> str:
    """The canonical form of `address` (never refuses: stored rows and lookups use it)."""
    text = unicodedata.normalize("NFKC", address.strip()).casefold()
    local, at, domain = text.rpartition("@")
    if not at:
        return text
    # A domain IDNA cannot spell stays as it is; the email validator refuses it before it matters.
    with contextlib.suppress(UnicodeError):
        domain = domain.encode("idna").decode("ascii")
    return f"{local}@{domain}"


def plain_email_problem(address: str) -> str | None:
    """Why `address` cannot be an account's address after canonicalisation, or None."""
    local = canonical_email(address).rpartition("@")[0]
    return None if local.isascii() else str(MESSAGE_EMAIL_NOT_PLAIN)
