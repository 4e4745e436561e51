"""Hypothesis strategies and small builders shared by the engine's tests."""

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from habits.engine import HabitSpec, Kind, Mark, Period, Schedule, Status, TargetType

TODAY = date(2026, 3, 18)  # a Wednesday
HISTORY_DAYS = 120

FREQUENCIES = [
    (1, 1),
    (1, 2),
    (2, 2),
    (2, 3),
    (1, 7),
    (3, 7),
    (5, 7),
    (7, 7),
    (2, 14),
    (1, 30),
    (10, 31),
]
# Loop stores a skip as the amount 0.003 (3 thousandths): that amount cannot mean anything else.
LOOP_SKIP_AMOUNT = Decimal("0.003")


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def yes_no(
    times: int = 1,
    days: int = 1,
    weekdays: Iterable[int] = (),
    period: Period = Period.ROLLING,
) -> HabitSpec:
    schedule = Schedule(times=times, days=days, weekdays=frozenset(weekdays), period=period)
    return HabitSpec(kind=Kind.BOOLEAN, schedule=schedule)


def numeric(
    target: str, target_type: TargetType = TargetType.AT_LEAST, times: int = 1, days: int = 1
) -> HabitSpec:
    return HabitSpec(
        kind=Kind.NUMERIC,
        schedule=Schedule(times=times, days=days),
        target_value=Decimal(target),
        target_type=target_type,
    )


def done_on(days: Iterable[date]) -> dict[date, Mark]:
    return {day: Mark(Status.DONE) for day in days}


@st.composite
def schedules(draw: st.DrawFn) -> Schedule:
    times, days = draw(st.sampled_from(FREQUENCIES))
    weekdays = draw(st.frozensets(st.integers(1, 7)) | st.just(frozenset[int]()))
    return Schedule(times=times, days=days, weekdays=weekdays, period=draw(st.sampled_from(Period)))


@st.composite
def specs(draw: st.DrawFn, kind: Kind | None = None) -> HabitSpec:
    kind = kind or draw(st.sampled_from(Kind))
    if kind is Kind.BOOLEAN:
        return HabitSpec(kind=kind, schedule=draw(schedules()))
    return HabitSpec(
        kind=kind,
        schedule=draw(schedules()),
        target_value=draw(st.decimals(min_value=0, max_value=60, places=3)),
        target_type=draw(st.sampled_from(TargetType)),
    )


def marks_for(spec: HabitSpec) -> st.SearchStrategy[Mark]:
    if spec.kind is Kind.BOOLEAN:
        return st.builds(Mark, status=st.sampled_from(Status))
    values = st.none() | st.decimals(min_value=-2, max_value=40, places=3).filter(
        lambda value: value != LOOP_SKIP_AMOUNT
    )
    return st.builds(Mark, status=st.sampled_from(Status), value=values)


def histories(spec: HabitSpec, max_days: int = HISTORY_DAYS) -> st.SearchStrategy[dict[date, Mark]]:
    return st.dictionaries(st.integers(0, max_days).map(ago), marks_for(spec), max_size=max_days)


@st.composite
def habits(draw: st.DrawFn, kind: Kind | None = None) -> tuple[HabitSpec, dict[date, Mark]]:
    spec = draw(specs(kind))
    return spec, draw(histories(spec))
