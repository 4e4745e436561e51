"""`make bench-cold-start`: Lambda cold start of the product against a bare hello-world.

Cold start = importing the handler module and answering the first /health/ event, measured inside
a fresh interpreter (tooling/bench/lambda_probe.py), as Lambda bills the init and first invoke. The
product runs the production settings the Lambda runs (admin off, JSON logs), on SQLite and
process memory and without AWS, so the figure is the code's, not a network's (in AWS, reading the
secrets and the first connections come on top, for any Django function alike). Both run on the
packages the Lambda image has: the runtime lock installed by requirements/install-runtime.sh (as
the Dockerfile and `make image-check` do) into .build/bench/runtime-packages, reinstalled when the
lock changes, in an interpreter without site-packages (-S), so development-only packages (rich,
requests, ...) that some libraries import when they find them do not count; `--packages venv`
measures in the development venv instead. Both run compiled bytecode, as the image (its
compileall) does: the unmeasured first runs write it into .build/bench/pycache, whatever
PYTHONDONTWRITEBYTECODE says. The baseline is tooling/bench/hello: bare Django + DRF + Mangum
with one view. Runs alternate between the two so drift on the machine affects both alike. The
ratio is read on the processes' CPU time (import + first request), which a busy machine inflates
far less than wall time; wall time is printed beside it. Goal: the product's median CPU at most
1.2 x the baseline's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from tooling.bench.goals import goal
from tooling.bench.lambda_probe import API_DOMAIN

BENCH_DIR = Path(__file__).resolve().parent
BACKEND = BENCH_DIR.parents[1]
BUDGET_RATIO = 1.2
ROOT = BACKEND.parent
RUNTIME_PACKAGES = ROOT / ".build" / "bench" / "runtime-packages"
INSTALL_SCRIPT = BACKEND / "requirements" / "install-runtime.sh"
PYCACHE = ROOT / ".build" / "bench" / "pycache"


def runtime_packages() -> Path:
    """The runtime lock installed as the image installs it; reinstalled when it changed."""
    sources = [BACKEND / "requirements" / "runtime.txt", INSTALL_SCRIPT]
    key = hashlib.sha256(b"".join(path.read_bytes() for path in sources))
    key.update(sys.version.encode())
    stamp = RUNTIME_PACKAGES / ".stamp"
    if stamp.exists() and stamp.read_text() == key.hexdigest():
        return RUNTIME_PACKAGES
    subprocess.run(  # noqa: S603 - our own install script
        ["/bin/rm", "-rf", str(RUNTIME_PACKAGES)], check=True
    )
    subprocess.run(  # noqa: S603 - our own install script
        [str(INSTALL_SCRIPT), str(RUNTIME_PACKAGES)],
        env={**os.environ, "PYTHON": sys.executable},
        check=True,
    )
    stamp.write_text(key.hexdigest())
    return RUNTIME_PACKAGES


def run_once(module: str, env: dict[str, str], isolated: bool) -> dict[str, Any]:
    flags = ["-S", "-s"] if isolated else []
    result = subprocess.run(  # noqa: S603 - our own scripts and tools
        [sys.executable, *flags, str(BENCH_DIR / "lambda_probe.py"), "cold-start", module],
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
    parser.add_argument("--packages", choices=["runtime", "venv"], default="runtime")
    args = parser.parse_args()
    isolated = args.packages == "runtime"
    packages = [str(runtime_packages())] if isolated else []

    # The image runs compiled code only (the Dockerfile's compileall covers the packages and the
    # app): bytecode is written here too, by the unmeasured first runs, into a cache of the bench's
    # own, whatever PYTHONDONTWRITEBYTECODE the shell has. Without it every product module would be
    # compiled from source on every run, which the image never does.
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "PYTHONDONTWRITEBYTECODE"))
    }
    base["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    with tempfile.TemporaryDirectory() as scratch:
        product_env = {
            **base,
            "PYTHONPATH": os.pathsep.join([*packages, str(BACKEND)]),
            # The settings the Lambda runs, given what AWS would give them: no AWS here, so a
            # secret key, SQLite and no Redis (config.aws reads nothing without its variables).
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "bench-only-not-a-secret-" + "0" * 40,
            "DATABASE_URL": f"sqlite:///{scratch}/bench.sqlite3",
            "DJANGO_ALLOWED_HOSTS": API_DOMAIN,
            "LOG_LEVEL": "WARNING",
        }
        hello_env = {**base, "PYTHONPATH": os.pathsep.join([*packages, str(BENCH_DIR)])}
        runs: dict[str, list[dict[str, Any]]] = {"product": [], "hello-world": []}
        # One unmeasured run each first: the first process after a change also writes .pyc files.
        run_once("lambda_handler", product_env, isolated)
        run_once("hello.handler", hello_env, isolated)
        for _ in range(args.runs):
            runs["product"].append(run_once("lambda_handler", product_env, isolated))
            runs["hello-world"].append(run_once("hello.handler", hello_env, isolated))

    medians, cpu = {}, {}
    for name, reports in runs.items():
        medians[name] = statistics.median(r["total_ms"] for r in reports)
        cpu[name] = statistics.median(r["cpu_ms"] for r in reports)
        imports = statistics.median(r["import_ms"] for r in reports)
        firsts = statistics.median(r["first_request_ms"] for r in reports)
        print(
            f"{name:12} cold start median CPU {cpu[name]:7.1f} ms, wall {medians[name]:7.1f} ms "
            f"(import {imports:.1f} ms + first request {firsts:.1f} ms) "
            f"over {args.runs} fresh processes: CPU {[r['cpu_ms'] for r in reports]}"
        )
    ratio = cpu["product"] / cpu["hello-world"]
    where = "the runtime lock, as in the image" if isolated else "the development venv"
    print(f"packages: {where}")
    print(f"wall-time ratio {medians['product'] / medians['hello-world']:.2f} (for reading only)")
    goal(
        "Lambda cold start / DRF hello-world (CPU)",
        f"{ratio:.2f}x",
        f"<= {BUDGET_RATIO}x",
        ok=ratio <= BUDGET_RATIO,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
