#!/usr/bin/env python3
"""Check in a habit for today from the command line, with a personal API token.

    export HABITS_API_TOKEN=htk_...            # Settings > API tokens, "Read and write"
    export HABITS_URL=https://habits.example.org
    python3 checkin.py "Read"                  # a yes/no habit: done
    python3 checkin.py "Water" --value 2.5     # a measurable habit: the amount
    python3 checkin.py "Read" --status skipped --note "travelling"

"Today" is the server's today for you (your time zone and day start), not this machine's. Only the
Python standard library is used. Exit status: 0 checked in, 1 the API refused (its message is
printed), 2 a usage problem or no habit of that name.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

TIMEOUT_SECONDS = 20


class ApiError(Exception):
    pass


def call(base: str, token: str, method: str, path: str, body: Any = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(  # noqa: S310 - the URL is the user's own server
        base.rstrip("/") + path,
        data=data,
        method=method,
        headers={
            "Authorization": f"Bearer {token}",
            "Accept": "application/json",
            **({"Content-Type": "application/json"} if data is not None else {}),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        try:
            detail = json.loads(error.read()).get("detail", "")
        except (ValueError, AttributeError):
            detail = ""
        raise ApiError(f"{error.code}: {detail or error.reason}") from None
    except urllib.error.URLError as error:
        raise ApiError(f"cannot reach {base}: {error.reason}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check in a habit for today.")
    parser.add_argument("habit", help="The habit's name (case does not matter).")
    parser.add_argument("--value", help="The amount, for a measurable habit.")
    parser.add_argument("--status", default="done", choices=["done", "skipped", "not_done"])
    parser.add_argument("--note", default="")
    parser.add_argument("--url", default=os.environ.get("HABITS_URL", "http://localhost:8000"))
    args = parser.parse_args(argv)
    token = os.environ.get("HABITS_API_TOKEN", "")
    if not token:
        print("Set HABITS_API_TOKEN to a token from Settings > API tokens.", file=sys.stderr)
        return 2
    try:
        habits = call(args.url, token, "GET", "/api/habits/")
        wanted = args.habit.casefold()
        matches = [habit for habit in habits if habit["name"].casefold() == wanted]
        if not matches:
            names = ", ".join(habit["name"] for habit in habits) or "none"
            print(f"No habit named {args.habit!r}. Your habits: {names}.", file=sys.stderr)
            return 2
        habit = matches[0]
        body: dict[str, Any] = {"status": args.status, "note": args.note}
        if args.value is not None:
            body["value"] = args.value
        entry = call(args.url, token, "PUT", f"/api/habits/{habit['id']}/entries/today/", body)
    except ApiError as error:
        print(f"The API refused: {error}", file=sys.stderr)
        return 1
    print(f"{habit['name']}: {entry['status']} on {entry['date']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
