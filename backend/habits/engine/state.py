"""Engine states: what a computation knows at the end of a day, to continue from there exactly.

A computation from scratch walks every day from the first entry to today. An `EngineState` at day
S holds what that walk knows at the end of S, so a later computation can start on S + 1, read only
the entries from `reads_from` on, and give the same numbers (floats bit for bit: the same
operations in the same order):

- `score`: the score of S, `first`: the first entry's day (days before it score 0, and the first
  calendar period is clipped to it), `total_done`: the achieved days up to S (see `timeline`);
- `streak`: the streak automaton (see `streaks`) after the days before `streak.resume`.

Horizon: a state at S depends on the habit's spec and on its entries up to S, nothing later. A
write of an entry on a day after S leaves it right; a write on a day <= S (or a change of schedule,
kind or target) makes it wrong. So the streak is kept only as far as it is final with the entries up
to S, counted as if S were not today (a state is only continued to a later today):

- every scheduled day (times == days): the days up to S, `resume` = S + 1;
- rolling "N in D days": a day's coverage depends on the windows that start on it, which reach
  D - 1 days further: the days up to S - D + 1, `resume` = S - D + 2, and `covered_until`, the last
  day covered by a window starting before `resume` (each such window ends by S);
- calendar periods: the periods that end by S, `resume` = the first day of the next one.

Lookback: continuing reads the entries from `reads_from` = the earliest of S + 2 - W (the score's
window of W days for S + 1: D' for yes/no, D for numeric, see `scores`) and `resume` minus D - 1 for
a numeric habit (a numeric day is met by the sum of the D days ending on it, see `timeline`).

`key` names the spec and the rules the state was computed with: a state whose key differs from
`state_key(spec)` is of another habit, schedule or engine and must not be continued. Bump
RULES_VERSION whenever a change of the rules changes any number, so that stored states of the old
rules are ignored (the engine's tests fail until it is bumped).

States are plain values, JSON without loss: integers (days as ordinals), the score as its `repr`
(a float's repr reads back to the same float; a JSON number could be rewritten on the way).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from habits.engine.types import HabitSpec

RULES_VERSION = 2


@dataclass(frozen=True, slots=True)
class StreakState:
    """The streak automaton once it has counted every day before `resume` (an ordinal)."""

    resume: int
    run: int
    best: int
    covered_until: int
    """Rolling "N in D" only: the last day covered by a window that starts before `resume`
    (before the first entry when there is none); for other schedules the day before the first
    entry."""


@dataclass(frozen=True, slots=True)
class EngineState:
    """Everything needed to continue a habit's computation from the end of `day` (an ordinal)."""

    key: str
    day: int
    first: int
    score: float
    total_done: int
    streak: StreakState
    reads_from: int
    """The first day whose entry a continuation reads (ordinal)."""

    def fits(self, spec: HabitSpec) -> bool:
        return self.key == state_key(spec)

    def to_json(self) -> dict[str, Any]:
        streak = self.streak
        return {
            "key": self.key,
            "day": self.day,
            "first": self.first,
            "score": repr(self.score),
            "total_done": self.total_done,
            "streak": [streak.resume, streak.run, streak.best, streak.covered_until],
            "reads_from": self.reads_from,
        }

    @classmethod
    def from_json(cls, data: Any) -> EngineState:
        """The state `to_json` wrote; a ValueError for anything else."""
        try:
            streak = [_integer(value) for value in data["streak"]]
            score = float(data["score"])
            state = cls(
                key=str(data["key"]),
                day=_integer(data["day"]),
                first=_integer(data["first"]),
                score=score,
                total_done=_integer(data["total_done"]),
                streak=StreakState(*streak),
                reads_from=_integer(data["reads_from"]),
            )
        except (KeyError, TypeError) as error:
            raise ValueError(f"not an engine state: {error!r}") from error
        if not math.isfinite(score) or not isinstance(data["score"], str):
            raise ValueError(f"not an engine state's score: {data['score']!r}")
        return state


def state_key(spec: HabitSpec) -> str:
    """The rules version and everything of `spec` the numbers depend on, as one string."""
    schedule = spec.schedule
    weekdays = "".join(str(day) for day in sorted(schedule.weekdays))
    target = "" if spec.target_value is None else format(spec.target_value.normalize(), "f")
    return (
        f"v{RULES_VERSION} {spec.kind} {schedule.times}/{schedule.days} {weekdays} "
        f"{schedule.period} {target} {spec.target_type}"
    )


def _integer(value: Any) -> int:
    if type(value) is not int:
        raise TypeError(f"not an integer: {value!r}")
    return value
