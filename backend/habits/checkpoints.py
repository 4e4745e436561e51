"""Stored engine states (HabitCheckpoint): computations continue from them instead of walking a
habit's whole history, so their work follows the days since a state, not the years of history.

A state of day S depends on the habit's spec and on its entries up to S, nothing later (see
habits.engine.state). So, per habit:

- Kept: the state at the end of each calendar year that the history has passed (at most 57 from
  1970 on), from which stats over any range start; the state at the end of each month of the
  last MONTH_END_DAYS that is at least RECENT_LAG_DAYS old, from which stats over the default
  range (the last 365 days) start, so they replay at most a month before it rather than up to a
  year; and one *recent* state, RECENT_LAG_DAYS before the day it was computed on, from which the
  list's catch-up at a day rollover and the next write continue: edits of the last two months
  leave it and the month-ends valid. The recompute after a write and the catch-up store the
  year-ends and month-ends they pass and move the recent one forward (`checkpoints_save`); a
  month-end, once stored, stays as a year-end does (about 12 rows a habit a year).
- Dropped: by a write of an entry on day d, the states of days >= d; by a change of schedule,
  kind or target (or an import), all of them (`checkpoints_invalidate`, called by habits.changes
  before the recompute). A state of another spec or rules version is never continued: it is
  replaced when the habit is next recomputed.
- Read: the latest fitting state before the first day a computation needs, then the entries from
  its `reads_from` on (`continuations`, two queries whatever the number of habits). Without one the
  computation starts from scratch, which is as right, only slower.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import reduce
from operator import or_

from django.db.models import JSONField, OuterRef, Q, Subquery

from habits.engine import EngineState, HabitSpec, Mark
from habits.models import Entry, Habit, HabitCheckpoint
from habits.rules import EARLIEST_DAY
from habits.specs import ENTRY_ROW_FIELDS, EntryRow, habit_spec, marks_from_rows

RECENT_LAG_DAYS = 60
# The default stats range starts at most 364 days back, and the month-end before it 31 more.
MONTH_END_DAYS = 400
# Rows per INSERT: a habit recomputed from scratch stores up to 57 year-ends.
SAVE_BATCH_SIZE = 1000


@dataclass(frozen=True, slots=True)
class Continuation:
    """Where one habit's computation starts: a stored state (None: from scratch) and the entries
    it needs, up to today."""

    spec: HabitSpec
    state: EngineState | None
    marks: dict[date, Mark]


def continuations(*, habits: Sequence[Habit], before: date, today: date) -> dict[int, Continuation]:
    """Each habit's latest fitting state of a day before `before`, and its entries up to `today`
    from that state's `reads_from` on (all of them without a state). Two queries."""
    if not habits:
        return {}
    stored = dict(
        Habit.objects.filter(pk__in=[habit.pk for habit in habits])
        .order_by()
        .annotate(state=latest_state(before=before))
        .values_list("pk", "state")
    )
    return continued(habits=habits, stored=stored, today=today)


def latest_state(*, before: date) -> Subquery:
    """An annotation of habits: the stored state (its JSON) of the latest day before `before`,
    NULL when there is none. `continued` takes it from there."""
    latest = (
        HabitCheckpoint.objects.filter(habit=OuterRef("pk"), day__lt=before)
        .order_by("-day")
        .values("state")[:1]
    )
    return Subquery(latest, output_field=JSONField())


def continued(
    *, habits: Sequence[Habit], stored: Mapping[int, object], today: date
) -> dict[int, Continuation]:
    """Each habit's continuation from the state `stored` holds for it (as `latest_state` reads
    it; from scratch when missing or unfit), with its entries up to `today` (one query)."""
    specs = {habit.pk: habit_spec(habit) for habit in habits}
    states = {pk: _fitting_state(stored.get(pk), spec) for pk, spec in specs.items()}
    rows = entry_rows(states=states, today=today)
    return {
        pk: Continuation(spec=spec, state=states[pk], marks=marks_from_rows(rows[pk]))
        for pk, spec in specs.items()
    }


def entry_rows(
    *, states: Mapping[int, EngineState | None], today: date
) -> defaultdict[int, list[EntryRow]]:
    """The entries up to `today` a continuation of each state reads (one query): from its
    `reads_from` on, or all of a habit without a state."""
    by_bound: defaultdict[date | None, list[int]] = defaultdict(list)
    for pk, state in states.items():
        by_bound[None if state is None else date.fromordinal(state.reads_from)].append(pk)
    wanted = reduce(
        or_,
        (
            Q(habit_id__in=pks) if bound is None else Q(habit_id__in=pks, date__gte=bound)
            for bound, pks in by_bound.items()
        ),
    )
    rows: defaultdict[int, list[EntryRow]] = defaultdict(list)
    for habit_id, *row in (
        Entry.objects.filter(wanted, date__lte=today)
        .order_by()
        .values_list("habit_id", *ENTRY_ROW_FIELDS)
    ):
        rows[habit_id].append((row[0], row[1], row[2]))
    return rows


def checkpoint_days(*, state: EngineState | None, today: date) -> list[date]:
    """The days whose states a computation from `state` (or from scratch) to `today` stores, in
    order: the year-ends it passes, the month-ends of the last MONTH_END_DAYS it passes up to the
    recent day, and the recent day when it is after the state's."""
    after = EARLIEST_DAY - timedelta(days=1) if state is None else date.fromordinal(state.day)
    days = {
        year_end
        for year in range(after.year, today.year)
        if after < (year_end := date(year, 12, 31)) < today
    }
    recent = recent_day(today)
    days.update(month_ends(after=max(after, today - timedelta(days=MONTH_END_DAYS)), until=recent))
    if recent > after:
        days.add(recent)
    return sorted(days)


def month_ends(*, after: date, until: date) -> list[date]:
    """The last days of months in (after, until]."""
    ends = []
    year, month = after.year, after.month
    while (end := date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)) <= until:
        if end > after:
            ends.append(end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ends


def recent_day(today: date) -> date:
    return today - timedelta(days=RECENT_LAG_DAYS)


def checkpoints_invalidate(*, changed: Mapping[int, date | None]) -> None:
    """Drop the states a change makes wrong: of days >= the day given for each habit, all of
    them for a habit given None. One DELETE."""
    by_since: defaultdict[date | None, list[int]] = defaultdict(list)
    for pk, since in changed.items():
        by_since[since].append(pk)
    if not by_since:
        return
    HabitCheckpoint.objects.filter(
        reduce(
            or_,
            (
                Q(habit_id__in=pks) if since is None else Q(habit_id__in=pks, day__gte=since)
                for since, pks in by_since.items()
            ),
        )
    ).delete()


def checkpoints_save(*, states: Mapping[int, Sequence[EngineState]], today: date) -> None:
    """Store the states a computation to `today` took, replacing any of the same day (one INSERT
    per SAVE_BATCH_SIZE rows), and drop each habit's previous recent state once a later one is
    stored, but not a month-end (one DELETE)."""
    rows = [
        HabitCheckpoint(habit_id=pk, day=date.fromordinal(state.day), state=state.to_json())
        for pk, habit_states in states.items()
        for state in habit_states
    ]
    HabitCheckpoint.objects.bulk_create(
        rows,
        batch_size=SAVE_BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["habit", "day"],
        update_fields=["state"],
    )
    recent = recent_day(today)
    moved = [row.habit_id for row in rows if row.day == recent]
    if moved:
        # Month-ends (year-ends among them) stay. February 28 of a leap year is kept as if it
        # were one: at most one state more every four years, and as right as any other.
        HabitCheckpoint.objects.filter(habit_id__in=moved, day__lt=recent).exclude(
            day__day=31
        ).exclude(day__day=30, day__month__in=[4, 6, 9, 11]).exclude(
            day__month=2, day__day__gte=28
        ).delete()


def _fitting_state(data: object, spec: HabitSpec) -> EngineState | None:
    """The stored state, when there is one that can be continued for `spec`."""
    if data is None:
        return None
    try:
        state = EngineState.from_json(data)
    except ValueError:
        return None
    return state if state.fits(spec) else None
