from functools import cache
from zoneinfo import available_timezones

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MESSAGE_UNKNOWN_TIME_ZONE = _("Unknown time zone {value!r}: use an IANA name such as Europe/Paris.")


@cache
def known_time_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in known_time_zones():
        raise ValidationError(
            MESSAGE_UNKNOWN_TIME_ZONE.format(value=value), code="invalid_time_zone"
        )
