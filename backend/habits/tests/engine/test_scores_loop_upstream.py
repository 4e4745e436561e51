"""Loop Habit Tracker's own score tests, as data: every case of `ScoreListTest` (yes/no, numeric at
least, numeric at least with skips, numeric at most) and `ScoreTest` in uhabits-core 2.3.1
(src/jvmTest/.../core/models/), with Loop's inputs and expected values.

A case is a list of steps, each as the Loop test runs them: entries added (Loop's integer values,
keyed by days before today; a later value for a day replaces the earlier one), the frequency
changed, then the scores checked newest first (to 1e-6, Loop's tolerance) or today's compared with
a bound. The habits are Loop's fixtures: `createEmptyHabit` (daily yes/no), and
`createEmptyNumericalHabit` / `createNumericalHabit` (daily, target 2.0). Loop's fixed test time
is 2015-01-25.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

import pytest

from habits.engine import HabitSpec, Kind, Mark, Schedule, Status, TargetType, habit_stats
from habits.engine.scores import multiplier
from habits.tests.loop_reference import NO, SKIP, UNKNOWN, YES_MANUAL

TODAY = date(2015, 1, 25)
E = 1e-6


@dataclass(frozen=True)
class Habit:
    kind: Kind = Kind.BOOLEAN
    target_type: TargetType = TargetType.AT_LEAST
    target: str = "2.0"


YES_NO = Habit()
AT_LEAST = Habit(Kind.NUMERIC)
AT_MOST = Habit(Kind.NUMERIC, TargetType.AT_MOST)


@dataclass(frozen=True)
class Step:
    entries: dict[int, int] = field(default_factory=dict)
    frequency: tuple[int, int] | None = None
    target: str | None = None
    expected: tuple[float, ...] = ()
    """Scores of today, yesterday, ... as Loop's checkScoreValues lists them."""
    today_close_to: float | None = None
    tolerance: float = E
    today_above: float | None = None
    today_finite: bool = False


def days(start: int, stop: int, value: int) -> dict[int, int]:
    """Loop's `check(from, to)` / `addEntries(from, to, value)`: days start..stop-1 ago."""
    return dict.fromkeys(range(start, stop), value)


def pattern(repeats: int, week: list[int]) -> dict[int, int]:
    """Loop's `check(values)`: only the YES_MANUAL days of the repeated pattern are added."""
    values = week * repeats
    return {offset: value for offset, value in enumerate(values) if value == YES_MANUAL}


# createNumericalHabit: 100, 200, ... 800 thousandths on these days.
NUMERICAL_HABIT = dict(zip([0, 1, 3, 5, 7, 8, 9, 10], range(100, 900, 100), strict=True))

RISING: tuple[float, ...] = (
    *(0.655747, 0.636894, 0.617008, 0.596033, 0.573910, 0.550574, 0.525961, 0.500000),
    *(0.472617, 0.443734, 0.413270, 0.381137, 0.347244, 0.311495, 0.273788, 0.234017),
    *(0.192067, 0.147820, 0.101149, 0.051922, 0.000000, 0.000000, 0.000000),
)

CASES: dict[str, tuple[Habit, list[Step]]] = {
    "YesNoScoreListTest.test_getValue": (YES_NO, [Step(days(0, 20, YES_MANUAL), expected=RISING)]),
    "YesNoScoreListTest.test_getValueWithSkip": (
        YES_NO,
        [
            Step(
                {**days(0, 20, YES_MANUAL), 5: SKIP, 10: SKIP, 11: SKIP},
                expected=(
                    *(0.596033, 0.573910, 0.550574, 0.525961, 0.500000, 0.472617, 0.472617),
                    *(0.443734, 0.413270, 0.381137, 0.347244, 0.347244, 0.347244, 0.311495),
                    *(0.273788, 0.234017, 0.192067, 0.147820, 0.101149, 0.051922, 0.0, 0.0, 0.0),
                ),
            )
        ],
    ),
    "YesNoScoreListTest.test_getValueWithSkip2": (
        YES_NO,
        [
            Step(
                {5: YES_MANUAL, 4: SKIP},
                expected=(0.041949, 0.044247, 0.046670, 0.049226, 0.051922, 0.051922, 0.0),
            )
        ],
    ),
    "YesNoScoreListTest.test_imperfectNonDaily": (
        YES_NO,
        [
            Step(
                pattern(100, [YES_MANUAL, YES_MANUAL, NO, NO, NO, NO, NO]),
                frequency=(3, 7),
                today_close_to=2 / 3,
            ),
            Step(frequency=(4, 7), today_close_to=0.5),
        ],
    ),
    "YesNoScoreListTest.test_irregularNonDaily": (
        YES_NO,
        [
            Step(
                pattern(100, [YES_MANUAL, *[NO] * 12, YES_MANUAL]),
                frequency=(1, 7),
                today_close_to=1.0,
                tolerance=1e-3,
            )
        ],
    ),
    "YesNoScoreListTest.shouldAchieveHighScoreInReasonableTime (daily)": (
        YES_NO,
        [Step(days(0, 90, YES_MANUAL), today_above=0.99)],
    ),
    "YesNoScoreListTest.shouldAchieveHighScoreInReasonableTime (weekly, then monthly)": (
        YES_NO,
        [
            Step({7 * i: YES_MANUAL for i in range(39)}, frequency=(1, 7), today_above=0.99),
            Step({30 * i: YES_MANUAL for i in range(18)}, frequency=(1, 30), today_above=0.99),
        ],
    ),
    "YesNoScoreListTest.test_recompute": (
        YES_NO,
        [
            Step(today_close_to=0.0),
            Step(days(0, 2, YES_MANUAL), today_close_to=0.101149),
            Step(frequency=(1, 2), today_close_to=0.054816),
        ],
    ),
    "YesNoScoreListTest.test_addThenRemove": (
        YES_NO,
        [
            Step(today_close_to=0.0),
            Step({0: YES_MANUAL}, today_close_to=0.051922),
            Step({0: UNKNOWN}, today_close_to=0.0),
        ],
    ),
    "NumericalAtLeastScoreListTest.test_withZeroTarget": (
        AT_LEAST,
        [Step(NUMERICAL_HABIT, target="0.0", today_finite=True)],
    ),
    "NumericalAtLeastScoreListTest.test_getValue": (
        AT_LEAST,
        [Step(days(0, 20, 2000), expected=RISING)],
    ),
    "NumericalAtLeastScoreListTest.test_recompute": (
        AT_LEAST,
        [
            Step(today_close_to=0.0),
            Step(days(0, 2, 2000), today_close_to=0.101149),
            Step(frequency=(1, 2), today_close_to=0.072631),
        ],
    ),
    "NumericalAtLeastScoreListTest.shouldAchieveHighScoreInReasonableTime (daily)": (
        AT_LEAST,
        [Step(days(0, 90, 2000), today_above=0.99)],
    ),
    "NumericalAtLeastScoreListTest.shouldAchieveHighScoreInReasonableTime (weekly, then monthly)": (
        AT_LEAST,
        [
            Step({7 * i: 2000 for i in range(39)}, frequency=(1, 7), today_above=0.99),
            Step({30 * i: 2000 for i in range(18)}, frequency=(1, 30), today_above=0.99),
        ],
    ),
    "NumericalAtLeastScoreListTest.shouldAchieveComparableScoreToProgress": (
        AT_LEAST,
        [
            Step(days(0, 500, 1000), today_close_to=0.5),
            Step(days(0, 500, 500), today_close_to=0.25),
        ],
    ),
    "NumericalAtLeastScoreListTest.overeachievingIsntRelevant": (
        AT_LEAST,
        [Step({0: 10_000_000}, today_close_to=0.051922)],
    ),
    "NumericalAtLeastScoreListWithSkipTest.test_getValue": (
        AT_LEAST,
        [
            Step(
                {**days(0, 20, 2000), 10: SKIP, 15: SKIP},
                expected=(
                    *(0.617008, 0.596033, 0.573910, 0.550574, 0.525961, 0.500000, 0.472617),
                    *(0.443734, 0.413270, 0.381137, 0.347244, 0.347244, 0.311495, 0.273788),
                    *(0.234017, 0.192067, 0.192067, 0.147820, 0.101149, 0.051922, 0.0, 0.0, 0.0),
                ),
            )
        ],
    ),
    "NumericalAtLeastScoreListWithSkipTest.skipsShouldNotAffectScore": (
        AT_LEAST,
        [
            Step(days(0, 500, 1000), today_close_to=0.5),
            Step(days(500, 1000, SKIP), today_close_to=0.5),
            Step(
                {**days(0, 300, 1000), **days(300, 500, SKIP), **days(500, 700, 1000)},
                today_close_to=0.5,
            ),
        ],
    ),
    "NumericalAtMostScoreListTest.test_withZeroTarget": (
        AT_MOST,
        [Step(NUMERICAL_HABIT, target="0.0", today_finite=True)],
    ),
    "NumericalAtMostScoreListTest.test_getValue": (
        AT_MOST,
        [
            Step(
                {20: 1000, **days(0, 20, 5000)},
                expected=(
                    *(0.344253, 0.363106, 0.382992, 0.403967, 0.426090, 0.449426, 0.474039),
                    *(0.500000, 0.527383, 0.556266, 0.586730, 0.618863, 0.652756, 0.688505),
                    *(0.726212, 0.765983, 0.807933, 0.852180, 0.898851, 0.948078, 1.0, 0.0, 0.0),
                ),
            )
        ],
    ),
    "NumericalAtMostScoreListTest.test_recompute": (
        AT_MOST,
        [
            Step(today_close_to=1.0),
            Step(days(0, 2, 5000), today_close_to=0.898850),
            Step(frequency=(1, 2), today_close_to=0.927369),
        ],
    ),
    "NumericalAtMostScoreListTest.shouldAchieveComparableScoreToProgress": (
        AT_MOST,
        [
            Step(days(0, 500, 3000), today_close_to=0.5),
            Step(days(0, 500, 3500), today_close_to=0.25),
        ],
    ),
    "NumericalAtMostScoreListTest.undereachievingIsntRelevant": (
        AT_MOST,
        [Step({1: 10_000_000}, today_close_to=0.950773)],
    ),
    "NumericalAtMostScoreListTest.overeachievingIsntRelevant": (
        AT_MOST,
        [
            Step({0: 5000, 1: 0}, today_close_to=0.948077),
            Step({1: 1000}, today_close_to=0.948077),
        ],
    ),
}


def mark(kind: Kind, value: int) -> Mark | None:
    """One of our marks for a Loop value (None: no entry, Loop's UNKNOWN of a yes/no habit)."""
    if value == SKIP:
        return Mark(Status.SKIPPED)
    if kind is Kind.BOOLEAN:
        return {YES_MANUAL: Mark(Status.DONE), NO: Mark(Status.NOT_DONE)}.get(value)
    if value == UNKNOWN:
        return Mark(Status.NOT_DONE)
    return Mark(Status.DONE, Decimal(value) / 1000)


@pytest.mark.parametrize("name", list(CASES))
def test_loops_score_list_tests_pass(name: str) -> None:
    habit, steps = CASES[name]
    marks: dict[date, Mark] = {}
    times, days_ = 1, 1
    target = habit.target
    for step in steps:
        for offset, value in step.entries.items():
            day = TODAY - timedelta(days=offset)
            new = mark(habit.kind, value)
            if new is None:
                marks.pop(day, None)
            else:
                marks[day] = new
        times, days_ = step.frequency or (times, days_)
        target = step.target or target
        spec = HabitSpec(
            kind=habit.kind,
            schedule=Schedule(times=times, days=days_),
            target_value=Decimal(target) if habit.kind is Kind.NUMERIC else None,
            target_type=habit.target_type,
        )
        start = TODAY - timedelta(days=max(len(step.expected) - 1, 0))
        history = habit_stats(spec, marks, TODAY, start, TODAY).score_history
        newest_first = [score for _, score in reversed(history)]
        assert newest_first == pytest.approx(list(step.expected) or newest_first, abs=E)
        today = newest_first[0]
        if step.today_close_to is not None:
            assert today == pytest.approx(step.today_close_to, abs=step.tolerance)
        if step.today_above is not None:
            assert today > step.today_above
        if step.today_finite:
            assert 0.0 <= today <= 1.0


@pytest.mark.parametrize(
    ("frequency", "previous", "check", "expected"),
    [
        # ScoreTest.test_compute_withDailyHabit
        (1.0, 0.0, 1, 0.051922),
        (1.0, 0.5, 1, 0.525961),
        (1.0, 0.75, 1, 0.762981),
        (1.0, 0.0, 0, 0.0),
        (1.0, 0.5, 0, 0.474039),
        (1.0, 0.75, 0, 0.711058),
        # ScoreTest.test_compute_withNonDailyHabit
        (1 / 3, 0.0, 1, 0.030314),
        (1 / 3, 0.5, 1, 0.515157),
        (1 / 3, 0.75, 1, 0.757578),
        (1 / 3, 0.0, 0, 0.0),
        (1 / 3, 0.5, 0, 0.484842),
        (1 / 3, 0.75, 0, 0.727263),
    ],
)
def test_loops_score_test_passes(
    frequency: float, previous: float, check: int, expected: float
) -> None:
    """Score.compute: one day's step, `previous * m + check * (1 - m)` with the engine's `m`."""
    kept = multiplier(frequency)
    assert previous * kept + check * (1 - kept) == pytest.approx(expected, abs=E)
