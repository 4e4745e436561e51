from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

MESSAGE_NOT_TEXT = _("Must be a string.")


class TextField(serializers.CharField):
    """A CharField that refuses numbers rather than turning 12 into "12": wrong types are errors."""

    default_error_messages = {"not_text": MESSAGE_NOT_TEXT}

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("not_text")
        return super().to_internal_value(data)
