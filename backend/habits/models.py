from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower

from habits import rules
from habits.rules import ImportKind, ImportState, Kind, Period, Status, TargetType


class HabitGroup(models.Model):
    """A named section of a person's habits (Today and the list show each group under a header).

    A habit belongs to at most one group (`Habit.group`); deleting a group ungroups its habits.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="habit_groups"
    )
    name = models.CharField(max_length=rules.NAME_MAX_LENGTH)
    position = models.PositiveIntegerField(default=0)
    collapsed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            # The services refuse a repeated name (any case) first, with a message; this is the
            # backstop (lower() is ASCII-only on SQLite, Unicode on PostgreSQL).
            models.UniqueConstraint("user", Lower("name"), name="habit_group_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


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
    # Indexed by habit_group_idx below, which migration 0005 builds concurrently (no write lock
    # on a live table), rather than by the foreign key's own index.
    group = models.ForeignKey(
        HabitGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="habits",
        db_index=False,
    )
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
            models.Index(fields=["group"], name="habit_group_idx"),
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


class Reminder(models.Model):
    """A habit's reminder: `time` on the user's wall clock, on the days of `weekdays_mask` (bit 0 =
    Monday; null = the habit's scheduled days), by `channel`. When it next goes out is
    `next_at` (UTC), kept by habits.reminders.services whenever it, the habit's schedule or the
    user's zone or day start changes, and after each delivery; null when it never does."""

    habit = models.OneToOneField(Habit, on_delete=models.CASCADE, related_name="reminder")
    time = models.TimeField()
    weekdays_mask = models.PositiveSmallIntegerField(null=True, blank=True)
    channel = models.CharField(
        max_length=10, choices=rules.choices(rules.Channel), default=rules.Channel.PUSH
    )
    next_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["next_at"], name="reminder_next_at_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(channel__in=list(rules.Channel)), name="reminder_channel_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(weekdays_mask__isnull=True)
                | models.Q(weekdays_mask__gte=1, weekdays_mask__lte=rules.ALL_WEEKDAYS_MASK),
                name="reminder_weekdays_mask_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.habit_id} {self.time}"


class ReminderDelivery(models.Model):
    """A habit's reminder of one user's `day`, claimed before it is sent: the unique constraint
    makes each go out at most once, however often or concurrently the sender runs."""

    habit = models.ForeignKey(Habit, on_delete=models.CASCADE, related_name="reminder_deliveries")
    day = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["habit", "day"], name="reminder_delivery_once_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.habit_id} {self.day}"


class PushSubscription(models.Model):
    """A browser that receives the user's reminders (the Push API's subscription)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=rules.PUSH_ENDPOINT_MAX_LENGTH, unique=True)
    p256dh = models.CharField(max_length=rules.PUSH_KEY_MAX_LENGTH)
    auth = models.CharField(max_length=rules.PUSH_KEY_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    last_success_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.endpoint[:60]}"


ACTIVE_IMPORT_STATES = [ImportState.QUEUED, ImportState.RUNNING]


class ImportJob(models.Model):
    """One import of a file into the user's account, run outside the request that asked for it
    (habits.transfers); its progress while it runs is in the cache (habits.transfers.progress).
    The file waits in the transfer store under `object_key` until the job has read it; the id is
    random, so a key or a link names no other job."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_jobs"
    )
    kind = models.CharField(max_length=10, choices=rules.choices(ImportKind))
    state = models.CharField(
        max_length=20, choices=rules.choices(ImportState), default=ImportState.WAITING_UPLOAD
    )
    size = models.PositiveIntegerField(help_text="The file's size as declared; the upload's cap.")
    message = models.TextField(blank=True, help_text="Why the import failed.")
    result = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # At most one import queued or running per user.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(state__in=ACTIVE_IMPORT_STATES),
                name="import_job_one_active_per_user",
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=list(ImportState)), name="import_job_state_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=list(ImportKind)), name="import_job_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["user", "-created_at"], name="import_job_user_created")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} {self.state}"

    @property
    def object_key(self) -> str:
        """Where the uploaded file waits: scoped to the user and the job."""
        return f"imports/{self.user_id}/{self.id}"
