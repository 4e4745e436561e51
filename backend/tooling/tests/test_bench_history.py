"""`make bench-history` run small on the test database, so it cannot rot between runs: every
request it times succeeds and the report names each figure, its ratio and its verdict."""

from __future__ import annotations

import pytest

from habits.models import HabitCheckpoint
from tooling.bench import history

pytestmark = pytest.mark.django_db


def test_the_history_bench_measures_every_request_and_reports_the_ratios() -> None:
    rounds = dict.fromkeys(history.ROUNDS, 1)
    results = history.run(
        years=(1, 2), habits=2, rounds=rounds, settle=lambda: None, progress=lambda _: None
    )

    assert set(results) == {(shape, years) for shape in history.SHAPES for years in (1, 2)}
    dense = results["dense", 2]
    assert dense.entries == 2 * history.history_days(2)
    assert results["sparse", 2].entries == 2 * (history.SPARSE_RECENT_DAYS + 1)
    assert min(dense.list_ms, dense.stats_ms, dense.write_ms, dense.export_ms) > 0
    assert dense.export_peak > 0
    assert HabitCheckpoint.objects.filter(habit__user__email__contains="dense-2").exists()
    text = history.report(results, habits=2)
    assert "ratio 2 y / 1 y" in text
    for label in ("list after a day rollover", "stats of one habit", "a check-in", "Loop export"):
        assert text.count(label) == 2  # dense and sparse
    assert "grows with the history (expected)" in text
