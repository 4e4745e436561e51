"""The habit engine: schedules, scores, streaks and completion rates.

Pure Python on purpose: nothing here imports Django, so the rules can be tested (and reused) without
a database. The Django side turns rows into `HabitSpec` and a `{date: Mark}` mapping and calls the
functions re-exported below.
"""

from habits.engine.completion import PeriodCompletion, completion
from habits.engine.scores import score_on, score_series
from habits.engine.stats import HabitStats, HabitSummary, habit_stats, habit_summary
from habits.engine.streaks import Streaks, streaks
from habits.engine.types import HabitSpec, Mark, Schedule
from habits.rules import Kind, Period, Status, TargetType

__all__ = [
    "HabitSpec",
    "HabitStats",
    "HabitSummary",
    "Kind",
    "Mark",
    "Period",
    "PeriodCompletion",
    "Schedule",
    "Status",
    "Streaks",
    "TargetType",
    "completion",
    "habit_stats",
    "habit_summary",
    "score_on",
    "score_series",
    "streaks",
]
