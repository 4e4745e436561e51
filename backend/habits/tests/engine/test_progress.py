"""Engine states: continuing one gives exactly the numbers computed from scratch.

"Exactly" is bit for bit: floats are compared by their hex form, so even 0.0 and -0.0 differ.
"""

import hashlib
import json
import random
from collections.abc import Mapping
from dataclasses import fields, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from habits.engine import (
    RULES_VERSION,
    EngineState,
    HabitSpec,
    HabitStats,
    Kind,
    Mark,
    Period,
    Schedule,
    Status,
    TargetType,
    advance,
    completion,
    habit_progress,
    habit_stats,
    habit_summary,
    score_on,
    score_series,
    state_key,
    streaks,
)
from habits.tests.engine.strategies import (
    FREQUENCIES,
    HISTORY_DAYS,
    TODAY,
    ago,
    done_on,
    habits,
    marks_for,
    numeric,
    specs,
    yes_no,
)

Habit = tuple[HabitSpec, dict[date, Mark]]

# Schedules the shared strategies leave out: calendar years, odd block lengths, long windows.
LONG_FREQUENCIES = [*FREQUENCIES, (1, 365), (2, 366), (3, 10), (40, 90), (200, 366), (366, 366)]
LONG_HISTORY_DAYS = 3 * 366


@st.composite
def long_habits(draw: st.DrawFn) -> Habit:
    """Up to three years of sparse entries, on any schedule up to a year long."""
    times, days = draw(st.sampled_from(LONG_FREQUENCIES))
    schedule = Schedule(
        times=times,
        days=days,
        weekdays=draw(st.frozensets(st.integers(1, 7)) | st.just(frozenset[int]())),
        period=draw(st.sampled_from(Period)),
    )
    kind = draw(st.sampled_from(Kind))
    targets = st.sampled_from([Decimal(0), Decimal(1), Decimal("4.5")])
    spec = HabitSpec(
        kind=kind,
        schedule=schedule,
        target_value=None if kind is Kind.BOOLEAN else draw(targets),
        target_type=draw(st.sampled_from(TargetType)),
    )
    offsets = st.integers(0, LONG_HISTORY_DAYS).map(ago)
    return spec, draw(st.dictionaries(offsets, marks_for(spec), max_size=150))


@st.composite
def dense_habits(draw: st.DrawFn) -> Habit:
    """A mark (or none) drawn for each of the last HISTORY_DAYS days: runs, windows and periods
    that random sparse dictionaries rarely make."""
    spec = draw(specs())
    days = draw(st.lists(st.none() | marks_for(spec), min_size=HISTORY_DAYS, max_size=HISTORY_DAYS))
    return spec, {ago(offset): mark for offset, mark in enumerate(days) if mark is not None}


@st.composite
def busy_habits(draw: st.DrawFn) -> Habit:
    """Every day of the history filled at a drawn density, mostly DONE, with values around the
    target: windows holding exactly N - 1 met days, where dependencies show, are common."""
    spec = draw(specs() | long_habits().map(lambda habit: habit[0]))
    rng = draw(st.randoms(use_true_random=False))
    density = draw(st.sampled_from([0.2, 0.5, 0.8, 1.0]))
    statuses = [Status.DONE, Status.DONE, Status.DONE, Status.NOT_DONE, Status.SKIPPED]
    scale = float(spec.target) / spec.schedule.times * 2 + 1
    marks = {}
    for offset in range(HISTORY_DAYS):
        if rng.random() < density:
            value = None
            if spec.kind is Kind.NUMERIC:
                value = Decimal(round(rng.uniform(0, scale), 3)).quantize(Decimal("0.001"))
            marks[ago(offset)] = Mark(rng.choice(statuses), value)
    return spec, marks


def any_habits() -> st.SearchStrategy[Habit]:
    return habits() | dense_habits() | busy_habits() | long_habits()


def exact(value: Any) -> Any:
    """`value` with every float replaced by its hex form, so equality is bit for bit."""
    if isinstance(value, float):
        return value.hex()
    if isinstance(value, dict):
        return {key: exact(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [exact(item) for item in value]
    if hasattr(value, "__slots__"):
        return {name: exact(getattr(value, name)) for name in value.__slots__}
    return value


def rounded(value: Any) -> Any:
    """`value` with every float written to 6 decimals."""
    if isinstance(value, float):
        return f"{value:.6f}"
    if isinstance(value, dict):
        return {key: rounded(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(item) for item in value]
    if hasattr(value, "__slots__"):
        return {name: rounded(getattr(value, name)) for name in value.__slots__}
    return value


def entries_from(marks: Mapping[date, Mark], state: EngineState) -> dict[date, Mark]:
    """Only what a continuation of `state` may read."""
    return {day: mark for day, mark in marks.items() if day.toordinal() >= state.reads_from}


def first_entry(marks: Mapping[date, Mark], today: date) -> date:
    return min((day for day in marks if day <= today), default=today)


def through_json(state: EngineState) -> EngineState:
    return EngineState.from_json(json.loads(json.dumps(state.to_json())))


def check_continuation(habit: Habit, data: st.DataObject) -> None:
    spec, marks = habit
    first = first_entry(marks, TODAY)
    if first >= TODAY:
        assert advance(spec, marks, TODAY - timedelta(days=1)) is None
        return
    day = data.draw(st.dates(first, TODAY - timedelta(days=1)), label="state day")
    today = data.draw(st.dates(day + timedelta(days=1), TODAY), label="today")
    start = data.draw(st.dates(day + timedelta(days=1), today), label="range start")
    end = data.draw(st.dates(start, today), label="range end")
    found = advance(spec, marks, day)
    assert found is not None
    state = through_json(found)
    assert state == found
    assert exact(state) == exact(found)
    tail = entries_from(marks, state)

    full: HabitStats = habit_stats(spec, marks, today, start, end)
    continued = habit_stats(spec, tail, today, start, end, state)
    assert exact(continued) == exact(full)
    summary = habit_summary(spec, tail, today, state)
    assert exact(summary) == exact(habit_summary(spec, marks, today))
    assert score_on(spec, tail, today, state).hex() == score_on(spec, marks, today).hex()
    assert streaks(spec, tail, today, state) == streaks(spec, marks, today)
    series = score_series(spec, tail, today, state)
    assert series[0][0] == day + timedelta(days=1)
    whole = score_series(spec, marks, today)
    assert exact(series) == exact(whole[len(whole) - len(series) :])
    for unit in ("week", "month", "year"):
        assert exact(completion(spec, tail, start, end, unit, state)) == exact(
            completion(spec, marks, start, end, unit)
        )


@settings(max_examples=500, deadline=None)
@given(habits() | dense_habits() | busy_habits(), st.data())
def test_continuing_a_state_gives_exactly_the_numbers_from_scratch(
    habit: Habit, data: st.DataObject
) -> None:
    """Score series, today's score, streaks, completion rows and total done, for any habit of
    the shared strategies, any state day, any later today and any range after the state."""
    check_continuation(habit, data)


@settings(max_examples=200, deadline=None)
@given(long_habits(), st.data())
def test_continuing_a_state_is_exact_for_long_schedules_and_histories(
    habit: Habit, data: st.DataObject
) -> None:
    check_continuation(habit, data)


@settings(max_examples=300, deadline=None)
@given(any_habits(), st.data())
def test_a_state_is_the_same_however_it_was_reached(habit: Habit, data: st.DataObject) -> None:
    """From scratch, from an earlier state, in one walk with other stops, for any later today."""
    spec, marks = habit
    first = first_entry(marks, TODAY)
    if first >= TODAY:
        return
    stops = sorted(
        data.draw(
            st.sets(st.dates(first, TODAY - timedelta(days=1)), min_size=1, max_size=5),
            label="state days",
        )
    )
    today = data.draw(st.dates(stops[-1] + timedelta(days=1), TODAY), label="today")
    progress = habit_progress(spec, marks, today, stops)
    assert exact(progress.summary) == exact(habit_summary(spec, marks, today))

    from_scratch = [advance(spec, marks, stop) for stop in stops]
    chained: list[EngineState | None] = []
    state = None
    for stop in stops:
        state = advance(spec, marks if state is None else entries_from(marks, state), stop, state)
        chained.append(state)
    assert exact(progress.states) == exact(from_scratch) == exact(chained)

    continued = habit_progress(
        spec, entries_from(marks, progress.states[0]), today, stops[1:], progress.states[0]
    )
    assert exact(continued.states) == exact(progress.states[1:])
    assert exact(continued.summary) == exact(progress.summary)


@settings(max_examples=300, deadline=None)
@given(any_habits(), st.data())
def test_a_state_depends_on_no_entry_after_its_day(habit: Habit, data: st.DataObject) -> None:
    """Its horizon is its own day: whatever is written later, the state stays the same.

    Every day of the history (every few of a long one): the state a walk over all the entries
    takes there equals the one computed from the entries up to that day (`advance` reads no later
    one), and the one taken when every later day is rewritten to DONE (a large value), to
    SKIPPED, or at random.
    """
    spec, marks = habit
    first = first_entry(marks, TODAY)
    if first >= TODAY:
        return
    span = (TODAY - first).days
    step = 1 + span // HISTORY_DAYS  # long histories: every few days, so the test stays quick
    days = [
        first + timedelta(days=n) for n in range(data.draw(st.integers(0, step - 1)), span, step)
    ]
    if not days:
        return
    walked = exact(habit_progress(spec, marks, TODAY, days).states)
    assert walked == exact([advance(spec, marks, day) for day in days])

    day = data.draw(st.sampled_from(days), label="state day")
    after = (TODAY - day).days
    later = data.draw(
        st.lists(st.none() | marks_for(spec), min_size=after, max_size=after),
        label="entries after the state's day",
    )
    kept = {when: mark for when, mark in marks.items() if when <= day}
    days_after = [day + timedelta(days=n + 1) for n in range(after)]
    value = None if spec.kind is Kind.BOOLEAN else Decimal(50)
    rewrites: list[dict[date, Mark]] = [
        {when: mark for when, mark in zip(days_after, later, strict=True) if mark is not None},
        {when: Mark(Status.DONE, value) for when in days_after},
        {when: Mark(Status.SKIPPED) for when in days_after},
    ]
    for rewrite in rewrites:
        states = habit_progress(spec, {**kept, **rewrite}, TODAY, [day]).states
        assert exact(states) == [walked[days.index(day)]]


def test_a_state_at_a_rolling_habits_day_keeps_the_streak_only_as_far_as_it_is_final() -> None:
    # "3 in 7 days", done 9, 7 and 5 days ago: the window from 9 days ago covers 9 to 3 days ago.
    spec = yes_no(times=3, days=7)
    marks = done_on([ago(9), ago(7), ago(5)])
    state = advance(spec, marks, ago(4))
    assert state is not None
    assert state.streak.resume == ago(4 + 7 - 2).toordinal()  # S - D + 2
    assert (state.streak.run, state.streak.best) == (0, 0)
    assert state.streak.covered_until == ago(10).toordinal()  # no window started before 10 ago
    assert state.reads_from == ago(4 + 14 - 2).toordinal()  # the score's 14-day window
    later = advance(spec, marks, ago(2))
    assert later is not None
    assert (later.streak.run, later.streak.best) == (2, 2)  # 9 and 8 days ago are final
    assert later.streak.covered_until == ago(3).toordinal()


def test_a_calendar_state_resumes_at_the_first_period_not_over() -> None:
    spec = yes_no(times=2, days=7, period=Period.CALENDAR)  # ISO weeks; TODAY is a Wednesday
    marks = done_on([ago(15), ago(14), ago(8), ago(7), ago(1)])
    state = advance(spec, marks, ago(3))  # a Sunday: the week ending then is over
    assert state is not None
    assert state.streak.resume == ago(2).toordinal()
    assert (state.streak.run, state.streak.best) == (4, 4)
    mid_week = advance(spec, marks, ago(4))
    assert mid_week is not None
    assert mid_week.streak.resume == ago(9).toordinal()


def test_a_numeric_state_reads_back_a_window_of_values() -> None:
    spec = numeric("10", times=2, days=5)
    marks = {ago(n): Mark(Status.DONE, Decimal(4)) for n in range(20)}
    state = advance(spec, marks, ago(10))
    assert state is not None
    resume = ago(10 + 5 - 2).toordinal()
    assert state.streak.resume == resume
    assert state.reads_from == min(ago(10).toordinal() + 2 - 5, resume - 4)
    # 10 done days up to ago(10); the first two sum 4 and 8 over their windows, short of 10
    assert state.total_done == 8


def test_no_state_before_the_first_entry() -> None:
    marks = done_on([ago(3)])
    assert advance(yes_no(), marks, ago(4)) is None
    assert habit_progress(yes_no(), marks, TODAY, [ago(5), ago(2)]).states == [
        advance(yes_no(), marks, ago(2))
    ]


def test_states_of_another_spec_or_day_are_refused() -> None:
    marks = done_on([ago(10), ago(5)])
    state = advance(yes_no(), marks, ago(4))
    assert state is not None
    assert state.fits(yes_no())
    assert not state.fits(yes_no(times=2, days=7))
    with pytest.raises(ValueError, match="not of this habit's spec"):
        habit_summary(yes_no(times=2, days=7), marks, TODAY, state)
    with pytest.raises(ValueError, match="is not before"):
        habit_summary(yes_no(), marks, ago(4), state)
    with pytest.raises(ValueError, match="not after the state's day"):
        habit_stats(yes_no(), marks, TODAY, ago(4), TODAY, state)
    with pytest.raises(ValueError, match="not after the state's day"):
        completion(yes_no(), marks, ago(5), TODAY, "week", state)
    with pytest.raises(ValueError, match="a stop must lie"):
        habit_progress(yes_no(), marks, TODAY, [ago(4)], state)
    with pytest.raises(ValueError, match="a stop must lie"):
        habit_progress(yes_no(), marks, TODAY, [TODAY])


def test_the_key_names_what_the_numbers_depend_on_and_not_how_a_target_is_written() -> None:
    assert state_key(numeric("5")) == state_key(numeric("5.000"))
    assert state_key(numeric("50")) != state_key(numeric("5"))
    assert state_key(numeric("5")) != state_key(numeric("5", TargetType.AT_MOST))
    assert state_key(yes_no(weekdays=[1])) != state_key(yes_no(weekdays=[2]))
    assert state_key(yes_no(times=2, days=7)) != state_key(
        yes_no(times=2, days=7, period=Period.CALENDAR)
    )
    assert state_key(yes_no()).startswith(f"v{RULES_VERSION} ")


def test_the_key_changes_with_every_field_the_engine_reads() -> None:
    """A new field of HabitSpec or Schedule fails here until `state_key` names it (a state
    computed for one value must not be continued for another)."""
    base = HabitSpec(
        kind=Kind.NUMERIC,
        schedule=Schedule(times=2, days=7, weekdays=frozenset({1}), period=Period.ROLLING),
        target_value=Decimal(5),
        target_type=TargetType.AT_LEAST,
    )
    schedule_changes: dict[str, Any] = {
        "times": 3,
        "days": 8,
        "weekdays": frozenset({2}),
        "period": Period.CALENDAR,
    }
    spec_changes: dict[str, Any] = {
        "kind": Kind.BOOLEAN,
        "target_value": Decimal(6),
        "target_type": TargetType.AT_MOST,
        "schedule": replace(base.schedule, times=1),
    }
    assert set(schedule_changes) == {field.name for field in fields(Schedule)}
    assert set(spec_changes) == {field.name for field in fields(HabitSpec)}
    for name, value in schedule_changes.items():
        changed = replace(base, schedule=replace(base.schedule, **{name: value}))
        assert state_key(changed) != state_key(base), name
    for name, value in spec_changes.items():
        assert state_key(replace(base, **{name: value})) != state_key(base), name


@pytest.mark.parametrize(
    "broken",
    [
        None,
        {},
        {
            "key": "k",
            "day": 1,
            "first": 1,
            "score": 0.5,
            "total_done": 0,
            "streak": [1, 0, 0, 0],
            "reads_from": 1,
        },
        {
            "key": "k",
            "day": 1,
            "first": 1,
            "score": "nan",
            "total_done": 0,
            "streak": [1, 0, 0, 0],
            "reads_from": 1,
        },
        {
            "key": "k",
            "day": "1",
            "first": 1,
            "score": "0.5",
            "total_done": 0,
            "streak": [1, 0, 0, 0],
            "reads_from": 1,
        },
        {
            "key": "k",
            "day": 1,
            "first": 1,
            "score": "0.5",
            "total_done": 0,
            "streak": [1, 0, 0],
            "reads_from": 1,
        },
        {
            "key": "k",
            "day": 1,
            "first": 1,
            "score": "0.5",
            "total_done": True,
            "streak": [1, 0, 0, 0],
            "reads_from": 1,
        },
    ],
)
def test_anything_but_a_state_is_refused_when_read(broken: Any) -> None:
    with pytest.raises(ValueError, match="not an engine state"):
        EngineState.from_json(broken)


# The numbers of a fixed set of habits, as the rules compute them under RULES_VERSION. Stored
# states hold numbers: when a change of the rules changes any of them, bump RULES_VERSION in
# engine/state.py (states of the old rules are then ignored and rebuilt) and record the new digest.
# Scores enter it to 6 decimals, so a platform's last bit of `pow` cannot change it.
# Version 2: total_done counts a numeric habit's days that met the target, not every DONE day.
RULES_DIGESTS = {2: "0fca7aed517bf1453003086fed9aa78453eeea5aaf8d70daf3c06accc05fe9dd"}


def _fixed_habits() -> list[Habit]:
    rng = random.Random(20260318)
    found = []
    for number in range(80):
        times, days = LONG_FREQUENCIES[number % len(LONG_FREQUENCIES)]
        kind = Kind.NUMERIC if number % 3 == 2 else Kind.BOOLEAN
        spec = HabitSpec(
            kind=kind,
            schedule=Schedule(
                times=times,
                days=days,
                weekdays=frozenset(rng.sample(range(1, 8), rng.choice([0, 2, 5]))),
                period=Period.CALENDAR if number % 2 else Period.ROLLING,
            ),
            target_value=Decimal(rng.randint(0, 8000)) / 1000 if kind is Kind.NUMERIC else None,
            target_type=TargetType.AT_MOST if number % 5 == 4 else TargetType.AT_LEAST,
        )
        marks = {
            ago(offset): Mark(
                rng.choice(list(Status)),
                Decimal(rng.randint(0, 6000)) / 1000 if kind is Kind.NUMERIC else None,
            )
            for offset in rng.sample(range(800), rng.randint(0, 500))
        }
        found.append((spec, marks))
    return found


def test_the_rules_version_names_these_numbers() -> None:
    digest = hashlib.sha256()
    for spec, marks in _fixed_habits():
        stats = habit_stats(spec, marks, TODAY, ago(799), TODAY)
        digest.update(repr(rounded(stats)).encode())
    assert RULES_DIGESTS.get(RULES_VERSION) == digest.hexdigest(), (
        "The engine's numbers changed: bump RULES_VERSION in habits/engine/state.py and record "
        f"{digest.hexdigest()!r} for it in RULES_DIGESTS."
    )
