"""A user's zone or day start moves every reminder of theirs (accounts knows nothing of habits)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from accounts.models import User
from habits.reminding.planning import reminders_replan

DAY_FIELDS = {"time_zone", "day_start_hour"}


@receiver(post_save, sender=User, dispatch_uid="habits.reminders.user_days_changed")
def user_days_changed(sender: Any, instance: User, created: bool, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if created or (update_fields is not None and not DAY_FIELDS & set(update_fields)):
        return
    reminders_replan(user_id=instance.pk)
