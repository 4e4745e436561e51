"""`make bench-cold-start`: Lambda cold start of the product against a bare hello-world.

Cold start = importing the handler module and answering the first /health/ event, measured inside
a fresh interpreter (tooling/bench/lambda_probe.py), as Lambda bills the init and first invoke. The
product runs its local settings (SQLite, process memory) so the figure is the code's, not a
network's. The baseline is tooling/bench/hello: bare Django + DRF + Mangum with one view. Runs
alternate between the two so drift on the machine affects both alike. Budget: the product's
median at most 2 x the baseline's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from tooling.bench.lambda_probe import API_DOMAIN

BENCH_DIR = Path(__file__).resolve().parent
BACKEND = BENCH_DIR.parents[1]
BUDGET_RATIO = 2.0


def run_once(module: str, env: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run(  # noqa: S603 - our own scripts and tools
        [sys.executable, str(BENCH_DIR / "lambda_probe.py"), "cold-start", module],
        cwd=BACKEND,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{module} failed:\n{result.stdout}{result.stderr}")
    report = dict(json.loads(result.stdout.splitlines()[-1]))
    if report["status"] != 200:
        raise SystemExit(f"{module} answered /health/ with {report['status']}")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    base = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    with tempfile.TemporaryDirectory() as scratch:
        product_env = {
            **base,
            "PYTHONPATH": str(BACKEND),
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            "DATABASE_URL": f"sqlite:///{scratch}/bench.sqlite3",
            "DJANGO_ALLOWED_HOSTS": API_DOMAIN,
            "LOG_LEVEL": "WARNING",
        }
        hello_env = {**base, "PYTHONPATH": str(BENCH_DIR)}
        runs: dict[str, list[dict[str, Any]]] = {"product": [], "hello-world": []}
        # One unmeasured run each first: the first process after a change also writes .pyc files.
        run_once("lambda_handler", product_env)
        run_once("hello.handler", hello_env)
        for _ in range(args.runs):
            runs["product"].append(run_once("lambda_handler", product_env))
            runs["hello-world"].append(run_once("hello.handler", hello_env))

    medians = {}
    for name, reports in runs.items():
        medians[name] = statistics.median(r["total_ms"] for r in reports)
        imports = statistics.median(r["import_ms"] for r in reports)
        firsts = statistics.median(r["first_request_ms"] for r in reports)
        print(
            f"{name:12} cold start median {medians[name]:7.1f} ms "
            f"(import {imports:.1f} ms + first request {firsts:.1f} ms) "
            f"over {args.runs} fresh processes: {[r['total_ms'] for r in reports]}"
        )
    ratio = medians["product"] / medians["hello-world"]
    verdict = "within" if ratio <= BUDGET_RATIO else "OVER"
    print(f"ratio {ratio:.2f} (budget <= {BUDGET_RATIO}: {verdict} budget)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
