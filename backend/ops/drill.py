"""Rehearse the DR runbook's commands against a local moto server: `make dr-drill`.

Starts moto on a free loopback port, seeds what the DR region holds before a disaster (a copy in
us-west-2 of a snapshot of the production cluster in us-east-1), then runs the runbook's commands
exactly as an operator pastes them, with `AWS_ENDPOINT_URL` pointing at moto, and prints each step
with its exit status and elapsed time. It checks the tooling and the runbook's commands, not AWS:
the quarterly drill in a scratch account does that (docs/RUNBOOK_DR.md).
"""

import logging
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import boto3

SOURCE_REGION = "us-east-1"
DR_REGION = "us-west-2"
CLUSTER = "habits-production"
TARGET = "habits-production-dr"
BACKEND_DIR = Path(__file__).resolve().parents[1]
FAKE_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": SOURCE_REGION,
    "AWS_REGION": SOURCE_REGION,
}
STEPS: list[tuple[str, list[str], int]] = [
    ("1. newest copy in the DR region vs the RPO", ["ops.dr", "status"], 0),
    (
        "2. restore it into a new Serverless v2 cluster",
        ["ops.dr", "restore", "--target-cluster", TARGET, "--poll-seconds", "1"],
        0,
    ),
    ("3. status again (the copy is still there, RPO met)", ["ops.dr", "status", "--json"], 0),
]


def environment_isolate(endpoint: str) -> None:
    """Only moto, with fake credentials: nothing in the drill may reach a real account."""
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE"):
        os.environ.pop(name, None)
    os.environ["AWS_CONFIG_FILE"] = os.devnull
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
    os.environ.update(FAKE_ENVIRONMENT)
    os.environ["AWS_ENDPOINT_URL"] = endpoint


def copy_seed() -> str:
    """A cluster in us-east-1, a snapshot of it, and that snapshot copied to us-west-2."""
    source = boto3.client("rds", region_name=SOURCE_REGION)
    source.create_db_cluster(
        DBClusterIdentifier=CLUSTER,
        Engine="aurora-postgresql",
        EngineVersion="16.4",
        MasterUsername="habits",
        MasterUserPassword="drill-only-password",
        StorageEncrypted=True,
        ServerlessV2ScalingConfiguration={"MinCapacity": 0.5, "MaxCapacity": 4},
    )
    snapshot = source.create_db_cluster_snapshot(
        DBClusterIdentifier=CLUSTER, DBClusterSnapshotIdentifier=f"{CLUSTER}-drill"
    )["DBClusterSnapshot"]
    copy = boto3.client("rds", region_name=DR_REGION).copy_db_cluster_snapshot(
        SourceDBClusterSnapshotIdentifier=snapshot["DBClusterSnapshotArn"],
        TargetDBClusterSnapshotIdentifier=f"{CLUSTER}-drill-copy",
        SourceRegion=SOURCE_REGION,
    )["DBClusterSnapshot"]
    return str(copy["DBClusterSnapshotIdentifier"])


def step_run(title: str, module_args: Sequence[str], started: float) -> int:
    command = [
        "python",
        "-m",
        *module_args[:2],
        "--cluster",
        CLUSTER,
        "--dr-region",
        DR_REGION,
        *module_args[2:],
    ]
    print(f"\n== {title}\n$ {' '.join(command)}", flush=True)
    step_started = time.monotonic()
    argv = [sys.executable, *command[1:]]  # fixed arguments, no shell
    status = subprocess.run(argv, cwd=BACKEND_DIR, check=False).returncode  # noqa: S603
    now = time.monotonic()
    print(
        f"-- exit {status} in {now - step_started:.1f}s (drill at {now - started:.1f}s)", flush=True
    )
    return status


def drill_run() -> int:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    started = time.monotonic()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        environment_isolate(f"http://{host}:{port}")
        print(f"moto server on {host}:{port} ({time.monotonic() - started:.1f}s)")
        copy = copy_seed()
        print(f"seeded {copy} in {DR_REGION} from {CLUSTER} in {SOURCE_REGION}")
        failures = [
            title
            for title, module_args, expected in STEPS
            if step_run(title, module_args, started) != expected
        ]
    finally:
        server.stop()
    total = time.monotonic() - started
    if failures:
        print(f"\nDR drill FAILED after {total:.1f}s: {'; '.join(failures)}", file=sys.stderr)
        return 1
    print(f"\nDR drill passed: {len(STEPS)} steps in {total:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(drill_run())
