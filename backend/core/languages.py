"""Which of the product's languages (settings.LANGUAGES) a request asks for.

Only the Accept-Language header counts: the SPA sends its active language on every request, and
nothing here sets Django's language cookie or prefixes URLs with a language.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import language_code_re, parse_accept_lang_header

# Header -> answer, for the headers seen most (each browser sends one); cleared when full, so a
# client sending a new header each time costs the parsing below and at most MAX_REMEMBERED entries.
_answers: dict[str, str] = {}
MAX_REMEMBERED = 256


def accepted_language(header: str) -> str:
    """The first of LANGUAGES the header accepts (de-AT gives de), else LANGUAGE_CODE."""
    answer = _answers.get(header)
    if answer is None:
        if len(_answers) >= MAX_REMEMBERED:
            _answers.clear()
        answer = _answers[header] = _accepted_language(header)
    return answer


@receiver(setting_changed)
def _forget_answers(*, setting: str, **kwargs: Any) -> None:
    if setting in {"LANGUAGES", "LANGUAGE_CODE"}:  # as Django's own caches (django.test.signals)
        _answers.clear()


def _accepted_language(header: str) -> str:
    """The first of LANGUAGES the header accepts (de-AT gives de), else LANGUAGE_CODE.

    Both lookups are cached by Django (parse_accept_lang_header also caps the header's length),
    so a request pays for a header it has not seen before only."""
    for code, _quality in parse_accept_lang_header(header):
        if code == "*":
            break
        if not language_code_re.search(code):
            continue
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return str(settings.LANGUAGE_CODE)


def supported_language(code: str | None) -> str:
    """`code` (such as translation.get_language()'s "de-at") as one of LANGUAGES, else
    LANGUAGE_CODE."""
    try:
        return get_supported_language_variant(code or "")
    except LookupError:
        return str(settings.LANGUAGE_CODE)
