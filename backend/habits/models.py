from __future__ import annotations

from django.conf import settings
from django.db import models

from habits import rules
from habits.rules import Kind, Period, Status, TargetType


class Habit(models.Model):
    """Something a person wants to do regularly: yes/no, or measured against a target.

    The schedule is "`frequency_times` in `frequency_days` days" ({1, 1} is daily), optionally
    only on some weekdays (`weekdays_mask`, 0 = every day), counted in a rolling window or per
    calendar period.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="habits"
    )
    name = models.CharField(max_length=rules.NAME_MAX_LENGTH)
    description = models.TextField(max_length=rules.DESCRIPTION_MAX_LENGTH, blank=True)
    question = models.CharField(max_length=rules.QUESTION_MAX_LENGTH, blank=True)
    color = models.CharField(max_length=rules.COLOR_LENGTH, default=rules.DEFAULT_COLOR)
    kind = models.CharField(max_length=10, choices=rules.choices(Kind), default=Kind.BOOLEAN)
    unit = models.CharField(max_length=rules.UNIT_MAX_LENGTH, blank=True)
    target_value = models.DecimalField(
        max_digits=rules.AMOUNT_MAX_DIGITS,
        decimal_places=rules.AMOUNT_DECIMAL_PLACES,
        null=True,
        blank=True,
    )
    target_type = models.CharField(
        max_length=10, choices=rules.choices(TargetType), default=TargetType.AT_LEAST
    )
    frequency_times = models.PositiveSmallIntegerField(default=1)
    frequency_days = models.PositiveSmallIntegerField(default=1)
    weekdays_mask = models.PositiveSmallIntegerField(default=0)
    period = models.CharField(max_length=10, choices=rules.choices(Period), default=Period.ROLLING)
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
                condition=models.Q(kind__in=list(Kind)), name="habit_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(target_type__in=list(TargetType)),
                name="habit_target_type_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(period__in=list(Period)), name="habit_period_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(frequency_times__gte=1)
                & models.Q(frequency_days__lte=rules.MAX_FREQUENCY_DAYS)
                & models.Q(frequency_times__lte=models.F("frequency_days")),
                name="habit_frequency_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(weekdays_mask__gte=0)
                & models.Q(weekdays_mask__lte=rules.ALL_WEEKDAYS_MASK),
                name="habit_weekdays_mask_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(color__regex=rules.COLOR_PATTERN), name="habit_color_format"
            ),
            models.CheckConstraint(
                # IS NOT NULL spelled out: a check whose value is NULL passes in SQL.
                condition=models.Q(kind=Kind.BOOLEAN)
                | models.Q(target_value__isnull=False, target_value__gte=0),
                name="habit_numeric_has_target",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def weekdays(self) -> list[int]:
        return rules.mask_to_weekdays(self.weekdays_mask)


class Entry(models.Model):
    """What happened on one day of one habit, in the user's calendar. One row per habit and day."""

    habit = models.ForeignKey(Habit, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField()
    # NULL is "no status", a note alone (rules.entry_is_valid): not one more value of the enum.
    status = models.CharField(  # noqa: DJ001
        max_length=10, choices=rules.choices(Status), default=Status.DONE, null=True, blank=True
    )
    value = models.DecimalField(
        max_digits=rules.AMOUNT_MAX_DIGITS,
        decimal_places=rules.AMOUNT_DECIMAL_PLACES,
        null=True,
        blank=True,
    )
    note = models.TextField(max_length=rules.NOTE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date"]
        constraints = [
            # Also the index for date-range reads of one habit.
            models.UniqueConstraint(fields=["habit", "date"], name="entry_one_per_habit_day"),
            models.CheckConstraint(
                # NOT NULL spelled out: a CHECK passes when it is unknown, as `NULL IN (...)` is.
                condition=models.Q(status__isnull=False, status__in=list(Status))
                | (models.Q(status__isnull=True, value__isnull=True) & ~models.Q(note="")),
                name="entry_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=0),
                name="entry_value_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(date__gte=rules.EARLIEST_DAY), name="entry_date_not_before_1970"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.habit_id} {self.date} {self.status}"


class HabitCheckpoint(models.Model):
    """The engine's state at the end of `day` (habits.engine.state), so that a computation can
    continue from it instead of walking the habit's whole history. Which days are kept and when
    they are dropped: habits.checkpoints."""

    habit = models.ForeignKey(Habit, on_delete=models.CASCADE, related_name="checkpoints")
    day = models.DateField()
    state = models.JSONField()

    class Meta:
        constraints = [
            # Also the index for "the latest state of this habit before a day".
            models.UniqueConstraint(fields=["habit", "day"], name="checkpoint_one_per_habit_day"),
        ]

    def __str__(self) -> str:
        return f"{self.habit_id} {self.day}"
