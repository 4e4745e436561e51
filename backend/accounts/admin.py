"""The Django admin for accounts. Its sign-in goes through the same guard as the API's (the
backend's `authenticate`); a refusal shows the API's message instead of a server error. Whether
the admin is reachable at all is `DJANGO_ADMIN_ENABLED` (off in production unless set)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from accounts.models import User
from core.errors import TooManyRequests


class GuardedAdminLoginForm(AdminAuthenticationForm):
    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except TooManyRequests as refused:
            raise forms.ValidationError(refused.detail, code="throttled") from None


admin.site.login_form = GuardedAdminLoginForm


@admin.register(User)
class UserAdmin(DjangoUserAdmin):  # type: ignore[type-arg]
    ordering = ("email",)
    list_display = ("email", "time_zone", "day_start_hour", "is_staff", "date_joined")
    search_fields = ("email",)
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Preferences", {"fields": ("time_zone", "day_start_hour")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
