"""The habit engine: schedules, scores, streaks and completion rates.

Pure Python on purpose: nothing here imports Django, so the rules can be tested (and reused) without
a database. The Django side turns rows into `HabitSpec` and a `{date: Mark}` mapping and calls the
functions re-exported below. Each can continue from an `EngineState` (see `state`) instead of
walking the whole history: `habit_progress` and `advance` make them.
"""

from habits.engine.completion import PeriodCompletion, completion
from habits.engine.progress import HabitProgress, advance, habit_progress
from habits.engine.scores import score_on, score_series
from habits.engine.state import RULES_VERSION, EngineState, StreakState, state_key
from habits.engine.stats import HabitStats, HabitSummary, habit_stats, habit_summary
from habits.engine.streaks import Streaks, streaks
from habits.engine.types import HabitSpec, Mark, Schedule
from habits.rules import Kind, Period, Status, TargetType

__all__ = [
    "RULES_VERSION",
    "EngineState",
    "HabitProgress",
    "HabitSpec",
    "HabitStats",
    "HabitSummary",
    "Kind",
    "Mark",
    "Period",
    "PeriodCompletion",
    "Schedule",
    "Status",
    "StreakState",
    "Streaks",
    "TargetType",
    "advance",
    "completion",
    "habit_progress",
    "habit_stats",
    "habit_summary",
    "score_on",
    "score_series",
    "state_key",
    "streaks",
]
