"""The values the engine works on: a habit's spec, its schedule and one day's mark."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from habits.rules import (
    MAX_FREQUENCY_DAYS,
    WEEKDAYS,
    Kind,
    Period,
    Status,
    TargetType,
    frequency_is_valid,
)

ALL_WEEKDAYS = frozenset(WEEKDAYS)


@dataclass(frozen=True, slots=True)
class Mark:
    """One day's entry. `value` is the measured amount of a numeric habit (None for yes/no)."""

    status: Status
    value: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Schedule:
    """N `times` in D `days`, optionally only on some ISO `weekdays` (1 = Monday ... 7 = Sunday).

    No weekdays means every day is scheduled. `times == days` means every scheduled day, whatever
    the period.
    """

    times: int = 1
    days: int = 1
    weekdays: frozenset[int] = frozenset()
    period: Period = Period.ROLLING

    def __post_init__(self) -> None:
        if not frequency_is_valid(self.times, self.days):
            raise ValueError(
                f"a schedule needs 1 <= times <= days <= {MAX_FREQUENCY_DAYS}, "
                f"got {self.times}/{self.days}"
            )
        if not self.weekdays <= ALL_WEEKDAYS:
            raise ValueError(f"weekdays must be ISO weekdays 1-7, got {sorted(self.weekdays)}")

    @property
    def frequency(self) -> float:
        return self.times / self.days

    @property
    def every_scheduled_day(self) -> bool:
        return self.times == self.days

    def is_scheduled(self, day: date) -> bool:
        return not self.weekdays or day.isoweekday() in self.weekdays


@dataclass(frozen=True, slots=True)
class HabitSpec:
    """What the engine needs to know about a habit. Numeric habits need a `target_value`."""

    kind: Kind
    schedule: Schedule
    target_value: Decimal | None = None
    target_type: TargetType = TargetType.AT_LEAST

    def __post_init__(self) -> None:
        if self.kind is Kind.NUMERIC and self.target_value is None:
            raise ValueError("a numeric habit needs a target_value")

    @property
    def is_numeric(self) -> bool:
        return self.kind is Kind.NUMERIC

    @property
    def target(self) -> Decimal:
        """The numeric target (only meaningful for numeric habits)."""
        return self.target_value if self.target_value is not None else Decimal(0)

    @property
    def initial_score(self) -> float:
        """The score before the first day is computed: Loop's `ScoreList.recompute` starts numeric
        at-most habits at full strength, everything else at zero."""
        at_most = self.is_numeric and self.target_type is TargetType.AT_MOST
        return 1.0 if at_most else 0.0
