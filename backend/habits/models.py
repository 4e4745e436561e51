from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

COLOR_PATTERN = r"^#[0-9A-Fa-f]{6}$"
MAX_FREQUENCY_DAYS = 366
EPOCH = date(1970, 1, 1)
ALL_WEEKDAYS_MASK = 0b1111111


class HabitKind(models.TextChoices):
    BOOLEAN = "boolean", "Yes or no"
    NUMERIC = "numeric", "Measurable"


class TargetType(models.TextChoices):
    AT_LEAST = "at_least", "At least"
    AT_MOST = "at_most", "At most"


class Period(models.TextChoices):
    ROLLING = "rolling", "Rolling window"
    CALENDAR = "calendar", "Calendar period"


class EntryStatus(models.TextChoices):
    DONE = "done", "Done"
    SKIPPED = "skipped", "Skipped"
    NOT_DONE = "not_done", "Not done"


def weekdays_to_mask(weekdays: list[int] | tuple[int, ...] | frozenset[int]) -> int:
    """ISO weekdays (1 = Monday … 7 = Sunday) as a bit mask; 0 means every day."""
    mask = 0
    for weekday in weekdays:
        mask |= 1 << (weekday - 1)
    return 0 if mask == ALL_WEEKDAYS_MASK else mask


def mask_to_weekdays(mask: int) -> list[int]:
    return [weekday for weekday in range(1, 8) if mask & (1 << (weekday - 1))]


class Habit(models.Model):
    """Something a person wants to do regularly: yes/no, or measured against a target.

    The schedule is "`frequency_times` in `frequency_days` days" ({1, 1} is daily), optionally
    only on some weekdays (`weekdays_mask`, 0 = every day), counted in a rolling window or per
    calendar period.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="habits"
    )
    name = models.CharField(max_length=100)
    description = models.TextField(max_length=1000, blank=True)
    question = models.CharField(max_length=200, blank=True)
    color = models.CharField(max_length=7, default="#4F46E5")
    kind = models.CharField(max_length=10, choices=HabitKind.choices, default=HabitKind.BOOLEAN)
    unit = models.CharField(max_length=30, blank=True)
    target_value = models.DecimalField(max_digits=15, decimal_places=3, null=True, blank=True)
    target_type = models.CharField(
        max_length=10, choices=TargetType.choices, default=TargetType.AT_LEAST
    )
    frequency_times = models.PositiveSmallIntegerField(default=1)
    frequency_days = models.PositiveSmallIntegerField(default=1)
    weekdays_mask = models.PositiveSmallIntegerField(default=0)
    period = models.CharField(max_length=10, choices=Period.choices, default=Period.ROLLING)
    archived = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The list's streak and score, as of `summary_day` (the user's date they were computed for).
    # Refreshed when entries or the schedule change, and at the user's day rollover: the list
    # never reads a habit's whole history (see habits.summaries).
    summary_day = models.DateField(null=True, blank=True)
    summary_current_streak = models.PositiveIntegerField(default=0)
    summary_score = models.FloatField(default=0.0)

    class Meta:
        ordering = ["position", "id"]
        indexes = [
            models.Index(fields=["user", "archived", "position"], name="habit_user_list_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=HabitKind.values), name="habit_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(target_type__in=TargetType.values),
                name="habit_target_type_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(period__in=Period.values), name="habit_period_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(frequency_times__gte=1)
                & models.Q(frequency_days__lte=MAX_FREQUENCY_DAYS)
                & models.Q(frequency_times__lte=models.F("frequency_days")),
                name="habit_frequency_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(weekdays_mask__gte=0) & models.Q(weekdays_mask__lte=127),
                name="habit_weekdays_mask_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(color__regex=COLOR_PATTERN), name="habit_color_format"
            ),
            models.CheckConstraint(
                condition=models.Q(kind=HabitKind.BOOLEAN) | models.Q(target_value__gt=0),
                name="habit_numeric_has_target",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def weekdays(self) -> list[int]:
        return mask_to_weekdays(self.weekdays_mask)


class Entry(models.Model):
    """What happened on one day of one habit, in the user's calendar. One row per habit and day."""

    habit = models.ForeignKey(Habit, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField()
    status = models.CharField(max_length=10, choices=EntryStatus.choices, default=EntryStatus.DONE)
    value = models.DecimalField(max_digits=15, decimal_places=3, null=True, blank=True)
    note = models.TextField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date"]
        constraints = [
            # Also the index for date-range reads of one habit.
            models.UniqueConstraint(fields=["habit", "date"], name="entry_one_per_habit_day"),
            models.CheckConstraint(
                condition=models.Q(status__in=EntryStatus.values), name="entry_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=0),
                name="entry_value_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(date__gte=EPOCH), name="entry_date_not_before_1970"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.habit_id} {self.date} {self.status}"
