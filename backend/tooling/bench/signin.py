"""Sign-in server time: the production password hasher against the 250 ms budget, and PBKDF2's
time (the hasher before) on the same machine for comparison.

Each sample is one `POST /api/auth/login/` through Django's whole stack in process (middleware,
the sign-in guard, the session, DRF, the writes a sign-in makes), from a browser without cookies,
so the figure is server time without the network. It runs on PostgreSQL as production does
(BENCH_DATABASE_URL, default habit_tracker_bench_signin on the local server, created when missing).
Run with `make bench-signin`.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[2]
BUDGET_MS = 250
ROUNDS = 30
PASSWORD = "bench sign-in passphrase 2026"  # noqa: S105 - a throwaway benchmark account
HASHERS = {
    "Argon2id m=19 MiB t=2 p=1 (production)": "accounts.hashers.Argon2idPasswordHasher",
    "PBKDF2-SHA256 1,000,000 iterations (before)": (
        "django.contrib.auth.hashers.PBKDF2PasswordHasher"
    ),
}


def signin_samples(*, hasher: str, rounds: int, email: str) -> list[float]:
    """Milliseconds per sign-in of an account whose password `hasher` made; the first sign-in,
    which warms caches up, is left out."""
    from django.test import Client, override_settings

    from accounts.models import User

    body = json.dumps({"email": email, "password": PASSWORD})
    client = Client()  # one client: building a request handler is not part of a sign-in
    samples = []
    with override_settings(PASSWORD_HASHERS=[hasher]):
        User.objects.filter(email_key=email).delete()
        User.objects.create_user(email, PASSWORD)
        for _ in range(rounds + 1):
            client.cookies.clear()
            started = time.perf_counter()
            response = client.post("/api/auth/login/", body, content_type="application/json")
            samples.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"sign-in answered {response.status_code}: {response.content!r}")
    return samples[1:]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, round(len(ordered) * 0.95) - 1)]


def main() -> None:
    sys.path.insert(0, str(BACKEND))
    from tooling.bench.goals import goal
    from tooling.bench.in_process import ensure_database

    url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/habit_tracker_bench_signin"
    )
    ensure_database(url)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DATABASE_URL=url,
        LOG_LEVEL="WARNING",
        DJANGO_DEMO_DATA="0",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    engine = f"{connection.vendor}, cache: {os.environ.get('REDIS_URL') or 'process memory'}"
    print(f"Sign-in server time, POST /api/auth/login/ in process ({engine}), {ROUNDS} each:")
    production_p50 = None
    for number, (name, hasher) in enumerate(HASHERS.items()):
        samples = signin_samples(hasher=hasher, rounds=ROUNDS, email=f"bench{number}@example.org")
        p50, p95 = percentiles(samples)
        production_p50 = p50 if production_p50 is None else production_p50
        print(f"  {name:46} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms")
    assert production_p50 is not None
    goal(
        "sign-in server time (production hasher, p50)",
        f"{production_p50:.0f} ms",
        f"<= {BUDGET_MS} ms",
        ok=production_p50 <= BUDGET_MS,
    )


if __name__ == "__main__":
    main()
