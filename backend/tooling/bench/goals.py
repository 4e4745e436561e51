"""Each bench's rows of the speed goals' table, printed against their goals and kept for
`make bench`.

Every bench calls goal() for its rows: the row is printed at once and appended to BENCH_RESULTS
(default .build/bench/results.tsv at the repository's root); `make bench` empties the file first
(`python -m tooling.bench.goals --reset`) and, as its last step, `python -m tooling.bench.goals`
prints the whole table again, in one place.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DEFAULT_RESULTS = Path(__file__).resolve().parents[3] / ".build" / "bench" / "results.tsv"


def results_path() -> Path:
    return Path(os.environ.get("BENCH_RESULTS") or DEFAULT_RESULTS)


def goal(row: str, value: str, target: str, *, ok: bool) -> None:
    """One row: its measure, the value measured, the goal, and whether the value meets it."""
    verdict = "ok" if ok else "MISSED"
    print(f"GOAL  {row}: {value} (goal {target}) {verdict}")
    path = results_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as results:
        results.write("\t".join([row, value, target, verdict]) + "\n")


def main() -> int:
    path = results_path()
    if "--reset" in sys.argv:
        path.unlink(missing_ok=True)
        return 0
    if not path.exists():
        print(f"No results in {path}: run `make bench`.")
        return 1
    rows = [line.split("\t") for line in path.read_text().splitlines() if line.strip()]
    width = max(len(row[0]) for row in rows)
    print(f"\n{'measure':<{width}}  {'measured':>12}  {'goal':>10}")
    for measure, value, target, verdict in rows:
        print(f"{measure:<{width}}  {value:>12}  {target:>10}  {verdict}")
    # A missed goal is a figure to read, not a failure of the run (as every bench here).
    return 0


if __name__ == "__main__":
    sys.exit(main())
