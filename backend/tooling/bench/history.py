"""Cost against the length of a history: `make bench-history`.

Accounts of 30 habits with 1, 10 and 56 years of history, in two shapes: dense (an entry every
day) and sparse (one entry at the start of the history, 56 years back is 1970, and the last 30
days). For each, on PostgreSQL, in-process through Django's whole stack (as `bench-api`):

- the habit list after a day rollover: the account as yesterday's requests left it (summaries
  and stored engine states of yesterday), then today's first list request, which catches the 30
  summaries up and renders them;
- the stats of one habit over the default range (the last 365 days);
- a write: a check-in of today on one habit, which recomputes its summary;
- the Loop export of the 30 habits, with its peak of Python memory (tracemalloc). Loop's format
  has a Scores.csv row per day since the first entry, so its cost grows with the history: it is
  printed to be watched, not held flat.

Each figure is the median of several runs, and the ratio of 56 years to 1 year is set against
FLAT_RATIO: list, stats and writes should cost the same whatever the history's length (they
continue stored engine states, habits.checkpoints). For reference, the list is also timed with no
stored state, as every request computed before the states existed. Nothing is asserted.

It creates and seeds its own database (BENCH_DATABASE_URL, default habit_tracker_bench_history on
the local PostgreSQL), reseeding the accounts on every run.
"""

from __future__ import annotations

import gc
import itertools
import os
import random
import statistics
import sys
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from tooling.bench.in_process import ensure_database, timed

if TYPE_CHECKING:
    from django.test import Client

    from accounts.models import User
    from habits.models import Habit

YEARS = (1, 10, 56)
Shape = Literal["dense", "sparse"]
SHAPES: dict[Shape, str] = {
    "dense": "an entry every day",
    "sparse": "one entry at the start, and the last 30 days",
}
HABITS = 30
SPARSE_RECENT_DAYS = 30
ROUNDS = {"list": 9, "stats": 21, "write": 21, "export": 3, "scratch": 3}
FLAT_RATIO = 1.5
PASSWORD = "bench password 2026"  # noqa: S105 - a throwaway benchmark account
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/habit_tracker_bench_history"


@dataclass(frozen=True, slots=True)
class Figures:
    """Milliseconds (medians), and the export's peak of Python memory in bytes."""

    list_ms: float
    stats_ms: float
    write_ms: float
    export_ms: float
    export_peak: int
    scratch_list_ms: float
    entries: int


def history_days(years: int) -> int:
    return round(years * 365.25)


def seed_account(email: str, years: int, shape: Shape, habits: int) -> User:
    """A new account (the old one of that email deleted) with `habits` habits of `years` of
    history in `shape`. Entries are written directly: their side effects are the warm-up's."""
    from accounts.models import User
    from accounts.selectors import user_today
    from habits.models import Entry, Habit

    User.objects.filter(email=email).delete()
    user = User.objects.create_user(email, PASSWORD, time_zone="Europe/Paris")
    today = user_today(user=user)
    rng = random.Random(f"{years}{shape}")  # noqa: S311 - benchmark data
    days = history_days(years)
    if shape == "dense":
        offsets: Sequence[int] = range(days)
    else:
        offsets = [days - 1, *range(SPARSE_RECENT_DAYS)]
    for position in range(habits):
        numeric = position % 3 == 2
        habit = Habit.objects.create(
            user=user,
            name=f"Habit {position}",
            position=position,
            kind="numeric" if numeric else "boolean",
            target_value=Decimal(5) if numeric else None,
            frequency_times=1 if position % 2 else 3,
            frequency_days=1 if position % 2 else 7,
        )
        Entry.objects.bulk_create(
            (
                Entry(
                    habit=habit,
                    date=today - timedelta(days=offset),
                    status="done" if rng.random() < 0.8 else "skipped",
                    value=Decimal(rng.randint(0, 9)) if numeric else None,
                )
                for offset in offsets
            ),
            batch_size=5000,
        )
    return user


def roll_over(user: User, today: date) -> None:
    """Leave the account as yesterday's requests did: summaries and stored states of yesterday
    (the recent state 60 days before yesterday), and no cached list."""
    from habits import list_cache, services
    from habits.checkpoints import recent_day
    from habits.models import Habit, HabitCheckpoint

    yesterday = today - timedelta(days=1)
    HabitCheckpoint.objects.filter(habit__user=user, day__gte=recent_day(yesterday)).delete()
    Habit.objects.filter(user=user).update(summary_day=None)
    services.habit_summaries_catch_up(user=user, today=yesterday)
    list_cache.habits_changed(user_id=user.pk)


def forget_states(user: User) -> None:
    """No stored state and stale summaries: the list computes every habit from its first entry."""
    from habits import list_cache
    from habits.models import Habit, HabitCheckpoint

    HabitCheckpoint.objects.filter(habit__user=user).delete()
    Habit.objects.filter(user=user).update(summary_day=None)
    list_cache.habits_changed(user_id=user.pk)


@dataclass(frozen=True, slots=True)
class Account:
    client: Client
    user: User
    habit: Habit
    """The habit whose stats are read and which is checked in."""
    today: date


def ok(response: object) -> None:
    status = getattr(response, "status_code", None)
    assert status == 200, f"{status}: {getattr(response, 'content', b'')[:200]!r}"


def nothing(account: Account) -> None:
    """No preparation."""


def request(kind: str) -> tuple[Callable[[Account], object], Callable[[Account], object]]:
    """What to do, untimed, before each request of `kind` (a key of ROUNDS), and the request."""
    if kind == "write":  # a check-in of today, done and not done in turn
        bodies: defaultdict[int, Iterator[dict[str, str]]] = defaultdict(
            lambda: itertools.cycle([{}, {"status": "not_done"}])
        )
        return nothing, lambda a: ok(
            a.client.put(
                f"/api/habits/{a.habit.pk}/entries/{a.today}/",
                next(bodies[a.user.pk]),
                content_type="application/json",
            )
        )
    requests: dict[str, tuple[Callable[[Account], object], Callable[[Account], object]]] = {
        "list": (lambda a: roll_over(a.user, a.today), lambda a: ok(a.client.get("/api/habits/"))),
        "scratch": (lambda a: forget_states(a.user), lambda a: ok(a.client.get("/api/habits/"))),
        "stats": (nothing, lambda a: ok(a.client.get(f"/api/habits/{a.habit.pk}/stats/"))),
        "export": (nothing, lambda a: ok(a.client.get("/api/export/loop/"))),
    }
    return requests[kind]


def export_peak(account: Account) -> int:
    """The peak of Python memory while the account's Loop export is built and sent, in bytes."""
    tracemalloc.start()
    try:
        ok(account.client.get("/api/export/loop/"))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def measure(
    accounts: dict[tuple[Shape, int], Account],
    rounds: dict[str, int],
    settle: Callable[[], object],
) -> dict[tuple[Shape, int], Figures]:
    """Median times of each kind of request. The accounts take turns, round after round, so a
    change of the machine's load falls on every history length alike."""
    from habits.models import Entry

    medians: dict[tuple[Shape, int], dict[str, float]] = {key: {} for key in accounts}
    for kind, count in rounds.items():
        prepare, call = request(kind)
        samples: dict[tuple[Shape, int], list[float]] = {key: [] for key in accounts}
        settle()
        for _ in range(count):
            for key, account in accounts.items():
                prepare(account)
                gc.collect()
                samples[key] += timed(partial(call, account), 1)
        for key in accounts:
            medians[key][kind] = statistics.median(samples[key])
    return {
        key: Figures(
            list_ms=medians[key]["list"],
            stats_ms=medians[key]["stats"],
            write_ms=medians[key]["write"],
            export_ms=medians[key]["export"],
            export_peak=export_peak(account),
            scratch_list_ms=medians[key]["scratch"],
            entries=Entry.objects.filter(habit__user=account.user).count(),
        )
        for key, account in accounts.items()
    }


def settle_database() -> None:
    """Measure from a steady database, not from the aftermath of the seeding or of the requests
    measured before (as tooling.bench.load does): VACUUM ANALYZE, so autovacuum does not start
    mid-measure and the planner has statistics, and CHECKPOINT, so flushing earlier writes does
    not stall the measured commits."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
        cursor.execute("CHECKPOINT")


def run(
    *,
    years: Sequence[int] = YEARS,
    habits: int = HABITS,
    rounds: dict[str, int] = ROUNDS,
    settle: Callable[[], object] = settle_database,
    progress: Callable[[str], object] = print,
) -> dict[tuple[Shape, int], Figures]:
    """Seed and warm up every account, then measure them (Django set up, the database
    migrated)."""
    from django.test import Client

    from accounts.selectors import user_today
    from habits import services
    from habits.models import Habit

    accounts = {}
    for shape in SHAPES:
        for count in years:
            email = f"bench-history-{shape}-{count}@example.org"
            progress(f"Seeding {habits} habits x {count} years, {shape} ...")
            user = seed_account(email, count, shape, habits)
            today = user_today(user=user)
            services.habit_summaries_catch_up(user=user, today=today)  # the stored states
            client = Client()
            client.login(email=email, password=PASSWORD)
            habit = Habit.objects.get(user=user, position=0)
            accounts[shape, count] = Account(client=client, user=user, habit=habit, today=today)
    progress("Measuring ...")
    return measure(accounts, rounds, settle)


def report(results: dict[tuple[Shape, int], Figures], habits: int = HABITS) -> str:
    years = sorted({count for _, count in results})
    low, high = years[0], years[-1]
    head = "".join(f"{f'{count} y':>12}" for count in years)
    lines = [
        f"History bench: accounts of {habits} habits, server time in-process on PostgreSQL "
        f"(median of runs), ratio {high} y / {low} y; flat means <= {FLAT_RATIO}.",
    ]
    rows: list[tuple[str, Callable[[Figures], float], str]] = [
        (f"list after a day rollover ({habits} habits)", lambda f: f.list_ms, "flat"),
        ("stats of one habit (default range)", lambda f: f.stats_ms, "flat"),
        ("write: a check-in", lambda f: f.write_ms, "flat"),
        ("Loop export (a Scores.csv row per day)", lambda f: f.export_ms, "linear"),
        ("  its peak Python memory, MB", lambda f: f.export_peak / 1e6, "linear"),
        ("list, no stored state (as before)", lambda f: f.scratch_list_ms, "reference"),
    ]
    for shape, described in SHAPES.items():
        entries = ", ".join(f"{results[shape, count].entries:,}" for count in years)
        lines += ["", f"{shape} ({described}; entries: {entries})", f"{'':44}{head}   ratio"]
        for label, value, kind in rows:
            figures = [value(results[shape, count]) for count in years]
            ratio = figures[-1] / figures[0] if figures[0] else float("inf")
            cells = "".join(f"{figure:12.2f}" for figure in figures)
            verdict = {
                "flat": "flat" if ratio <= FLAT_RATIO else "NOT FLAT",
                "linear": "grows with the history (expected)",
                "reference": "",
            }[kind]
            lines.append(f"  {label:42}{cells}   {ratio:5.2f}  {verdict}".rstrip())
    lines += ["", "Times in ms unless stated."]
    return "\n".join(lines)


def main() -> None:
    backend = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(backend))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    os.environ.setdefault("DJANGO_DEMO_DATA", "0")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    print(report(run()))


if __name__ == "__main__":
    main()
