"""`make bench-instructions`: the cached habit list's CPU against the bare view's, counted in
instructions, which do not move with what else the machine runs.

The load bench's CPU ratio is read from seconds of CPU under Locust on a shared machine, and three
runs of one commit have read from 1.5x to 1.9x. Here each of the two requests, served exactly as
the load bench's server serves it (tooling.lambda_server: an API Gateway event through
lambda_handler, Mangum, the ASGI application, the middleware, the view), runs in one process under
valgrind's callgrind: the process is warmed up, then N requests are counted between two dumps
(made at calls of functools.reduce, which nothing else on the path calls). The same commit gives the
same counts to within about 1 %.

It uses what `make bench-load` left: its database, Redis database and the first account's session
(tooling.bench.load). Each count takes about a minute and a half. The figure is printed, not held
against the goal, which is in seconds (`make bench-load`).
"""

from __future__ import annotations

import functools
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REQUESTS = 200
WARM_UP = 50
PATHS = {"bare": "/bare/", "list": "/api/habits/"}


def _environ(path: str, cookie: str) -> dict[str, Any]:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "RAW_URI": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_ACCEPT": "*/*",
        "HTTP_USER_AGENT": "python-requests/2.32",
        "HTTP_COOKIE": cookie,
    }


def serve(mode: str, requests: int) -> None:
    """Inside valgrind: warm up, then serve `requests` requests between the two dumps."""
    from tooling.bench import load

    account = json.loads((load.WORK_DIR / "accounts.json").read_text())[0]
    settings_module = "tooling.bench.ceiling" if mode == "bare" else "tooling.bench.settings"
    os.environ.update(load.bench_environment(settings_module))  # the server's: INFO request lines
    if mode == "list":
        # The user's cached row lives two minutes: one expiring inside the counted window would
        # count a database query (and its first-use imports) against the list.
        import redis

        user_id = account["session"].split("-")[0]
        client = redis.Redis.from_url(load.REDIS_URL)
        for key in client.scan_iter(f"*user:{{{user_id}}}*"):
            client.hdel(key, "u")
    from tooling import lambda_server

    cookie = f"sessionid={account['session']}; csrftoken={account['csrf']}"
    statuses: list[str] = []

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        statuses.append(status)

    def one() -> None:
        lambda_server.application(_environ(PATHS[mode], cookie), start_response)

    for _ in range(WARM_UP):
        one()
    if statuses[-1] != "200 OK":
        raise SystemExit(f"{mode}: {statuses[-1]} (run `make bench-load` first)")
    functools.reduce(lambda a, b: a, [1, 2])  # dump: everything before
    for _ in range(requests):
        one()
    functools.reduce(lambda a, b: a, [1, 2])  # dump: the counted requests


def count(valgrind: str, mode: str, requests: int) -> int:
    """Instructions a request, from the dump between the two markers."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        subprocess.run(  # noqa: S603 - this module, under the machine's valgrind
            [
                valgrind,
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                "--dump-before=functools_reduce",
                "--dump-after=functools_reduce",
                sys.executable,
                "-m",
                "tooling.bench.instructions",
                "--serve",
                mode,
                str(requests),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        dumps = sorted(Path(folder).glob("callgrind.out.*"), key=lambda p: int(p.suffix[1:]))
        counted = dumps[2]  # 1: before the first marker, 2: the marker itself, 3: the requests
        for line in counted.read_text().splitlines():
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1]) // requests
    raise RuntimeError(f"no totals in {counted}")


def main() -> None:
    if "--serve" in sys.argv:
        serve(sys.argv[2], int(sys.argv[3]))
        return
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    counts = {mode: count(valgrind, mode, REQUESTS) for mode in PATHS}
    print(f"Instructions a request (callgrind, {REQUESTS} requests after {WARM_UP}):")
    for mode, instructions in counts.items():
        print(f"  {mode:<5} {instructions / 1e6:5.2f} M")
    print(f"  habit list / bare view: {counts['list'] / counts['bare']:.2f}x")


if __name__ == "__main__":
    main()
