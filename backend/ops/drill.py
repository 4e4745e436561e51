"""Rehearse docs/RUNBOOK_DR.md with us-east-1 dead, then the way back: `make dr-drill`.

A moto server stands in for AWS. Before the outage the drill seeds what production and its pilot
light hold (the primary in us-east-1; in us-west-2 the replicated image, secrets and backup copy,
the pilot light's network, database and cache parts, its functions and the failover switch). Then
us-east-1 "fails": every request reaches moto through a gate that refuses those signed for us-east-1
(SigV4's credential scope), which covers the regional endpoints there and the global control planes
that live there (IAM, Route 53, CloudFront, STS's global endpoint). The runbook's commands run as an
operator pastes them, one process each; a step fails on a non-zero exit status or on any request
the gate refused. The drill prints the RPO (the newest copy's age when the failover starts, as
`ops.dr status` measures it) and the RTO (the sum of what AWS documents, or our estimate where it
documents nothing, for each step moto does at once). Then us-east-1 comes back and the way back
runs the same way.

It proves the commands, their order and that none of them needs us-east-1, not AWS's behaviour: the
quarterly drill in a scratch account does that (docs/RUNBOOK_DR.md).
"""

import argparse
import http.client
import json
import logging
import os
import re
import shlex
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import boto3

PRIMARY_REGION = "us-east-1"
DR_REGION = "us-west-2"
STACK = "habits-production"
CLUSTER = STACK
STANDBY_CLUSTER = f"{STACK}-dr"
IMAGE_TAG = "0123456789abcdef0123456789abcdef01234567"
BACKEND_DIR = Path(__file__).resolve().parents[1]
FAKE_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": DR_REGION,
    "AWS_REGION": DR_REGION,
    # One retry, not botocore's default of several with back-off, on a refused request.
    "AWS_MAX_ATTEMPTS": "2",
}
# What a migration answers through the manage event (docs/CONTRACT_NOTES.md).
MIGRATED = {"exit_status": 0, "output": "No migrations to apply."}

# Where each duration comes from. AWS documents no duration for a restore, a snapshot copy or an
# instance creation (they grow with the data); those are our estimates for a 1 GB database, to be
# replaced by the quarterly drill's measurements.
ESTIMATE = "our estimate for 1 GB (AWS publishes no duration; measure it in the quarterly drill)"
SOURCES = {
    "route53": "Route 53 Developer Guide, 'How Amazon Route 53 determines whether a health check "
    "is healthy' (health checks follow a CloudWatch alarm's state) + the alias record's 60 s TTL",
    "elasticache": "AWS, 'Amazon ElastiCache Serverless' launch: "
    "'create a cache in under a minute'",
    "lambda": "AWS Lambda Developer Guide, function states: updates take seconds (Pending -> "
    "Active); we allow 5 minutes for two functions and a version",
}


@dataclass(frozen=True)
class Step:
    """One command of the runbook, what AWS takes for it, and the drill's own extra options."""

    title: str
    command: str
    minutes: float
    source: str
    drill_options: tuple[str, ...] = ()

    @property
    def argv(self) -> list[str]:
        return [*shlex.split(self.command), *self.drill_options]


RESTORE_OPTIONS = (
    "--subnet-group habits-production --security-group-name habits-production-aurora "
    "--parameter-group habits-production --master-secret-kms-key-id alias/habits-production "
    "--min-acu 0.5 --max-acu 8"
)
FAST = ("--poll-seconds", "0.2")

FAILOVER: list[Step] = [
    Step(
        "1. the newest copy in us-west-2, its age against the RPO",
        "python -m ops.dr status --cluster habits-production --dr-region us-west-2 --json",
        1,
        "a few listing calls",
    ),
    Step(
        "2. restore it into the pilot light's subnets, security group and parameter group",
        "python -m ops.dr restore --cluster habits-production --dr-region us-west-2 "
        f"--target-cluster habits-production-dr {RESTORE_OPTIONS}",
        60,
        ESTIMATE,
        FAST,
    ),
    Step(
        "3. create the cache",
        "python -m ops.dr cache --stack habits-production --region us-west-2",
        1,
        SOURCES["elasticache"],
        FAST,
    ),
    Step(
        "4. point both functions at them, newest replicated image, live alias",
        "python -m ops.dr point --stack habits-production --region us-west-2 "
        "--cluster habits-production-dr",
        5,
        SOURCES["lambda"],
        FAST,
    ),
    Step(
        "5. migrations of that image on the restored database",
        "python -m ops.deploy invoke-manage --region us-west-2 "
        '--function habits-production-migrate --command "migrate --noinput"',
        5,
        "our estimate (normally 'No migrations to apply')",
    ),
    Step(
        "6. open: the failover switch sends the API origin to us-west-2",
        "python -m ops.dr open --stack habits-production --region us-west-2",
        3,
        SOURCES["route53"],
        FAST,
    ),
]

# The runbook's way back, by its numbers; its step 4 (an administrator's Terraform apply onto the
# restored cluster) is not an ops command and is not drilled here.
FAILBACK: list[Step] = [
    Step(
        "1. freeze the standby's API (no more writes)",
        "python -m ops.dr freeze --stack habits-production --region us-west-2",
        1,
        SOURCES["lambda"],
    ),
    Step(
        "2. snapshot the standby's cluster and copy it to us-east-1",
        "python -m ops.dr snapshot --cluster habits-production-dr --region us-west-2 "
        "--snapshot habits-production-failback --copy-to us-east-1 "
        "--kms-key-id alias/habits-production",
        45,
        ESTIMATE,
        FAST,
    ),
    Step(
        "3. restore it in us-east-1",
        "python -m ops.dr restore --cluster habits-production-dr --dr-region us-east-1 "
        "--target-cluster habits-production-2 --snapshot habits-production-failback "
        f"{RESTORE_OPTIONS}",
        60,
        ESTIMATE,
        FAST,
    ),
    Step(
        "5. point the primary's functions at it",
        "python -m ops.dr point --stack habits-production --region us-east-1 "
        "--cluster habits-production-2",
        5,
        SOURCES["lambda"],
        FAST,
    ),
    Step(
        "6. migrations there",
        "python -m ops.deploy invoke-manage --region us-east-1 "
        '--function habits-production-migrate --command "migrate --noinput"',
        5,
        "our estimate",
    ),
    Step(
        "7. close: the failover switch sends the API origin back to us-east-1",
        "python -m ops.dr close --stack habits-production --region us-west-2",
        3,
        SOURCES["route53"],
        FAST,
    ),
    Step(
        "8. remove the standby's cache and cluster (final snapshot kept)",
        "python -m ops.dr reset --stack habits-production --region us-west-2 "
        "--cluster habits-production-dr",
        1,
        "deletions run on AWS's side after the call returns",
    ),
    Step(
        "9. the standby's API takes requests again, ready for the next time",
        "python -m ops.dr unfreeze --stack habits-production --region us-west-2",
        1,
        SOURCES["lambda"],
    ),
]


def credential_scope(headers: Any, path: str) -> tuple[str, str]:
    """(region, service) a request is signed for: SigV4's credential scope."""
    authorization = headers.get("Authorization", "")
    match = re.search(r"Credential=[^/]+/\d{8}/([^/]+)/([^/]+)/aws4_request", authorization)
    if match:
        return match[1], match[2]
    credential = parse_qs(urlsplit(path).query).get("X-Amz-Credential", [""])[0]
    parts = credential.split("/")
    return (parts[2], parts[3]) if len(parts) >= 4 else ("", "")


class RegionGate(ThreadingHTTPServer):
    """A loopback proxy in front of moto that refuses every request signed for a dead region."""

    daemon_threads = True

    def __init__(self, upstream: str) -> None:
        super().__init__(("127.0.0.1", 0), GateHandler)
        target = urlsplit(upstream)
        self.upstream = (target.hostname or "127.0.0.1", target.port or 80)
        self.dead: set[str] = set()
        self.refused: list[str] = []

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


class GateHandler(BaseHTTPRequestHandler):
    server: RegionGate

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the drill prints what matters."""

    def relay(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        region, service = credential_scope(self.headers, self.path)
        if region in self.server.dead:
            self.server.refused.append(f"{service} in {region}: {self.command} {self.path[:80]}")
            message = json.dumps({"message": f"{region} is down (drill)"}).encode()
            self.send_response(503)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(message)))
            self.end_headers()
            self.wfile.write(message)
            return
        upstream = http.client.HTTPConnection(*self.server.upstream, timeout=120)
        headers = {key: value for key, value in self.headers.items() if key.lower() != "host"}
        upstream.request(self.command, self.path, body=body, headers=headers)
        response = upstream.getresponse()
        data = response.read()
        self.send_response(response.status)
        for key, value in response.getheaders():
            if key.lower() not in {"content-length", "transfer-encoding", "connection"}:
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        upstream.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = relay


def environment_isolate(endpoint: str) -> None:
    """Only moto, with fake credentials: nothing in the drill may reach a real account."""
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE"):
        os.environ.pop(name, None)
    os.environ["AWS_CONFIG_FILE"] = os.devnull
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
    os.environ.update(FAKE_ENVIRONMENT)
    os.environ["AWS_ENDPOINT_URL"] = endpoint


def pilot_light_seed(region: str, *, role_arn: str, image_repository: str) -> None:
    """What the Terraform makes in `region` for the stack: network parts, key, functions."""
    ec2 = boto3.client("ec2", region_name=region)
    vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.20.{i}.0/24", AvailabilityZone=f"{region}{z}")[
            "Subnet"
        ]["SubnetId"]
        for i, z in ((1, "a"), (2, "b"))
    ]
    for purpose in ("aurora", "cache", "lambda"):
        ec2.create_security_group(GroupName=f"{STACK}-{purpose}", Description=purpose, VpcId=vpc)
    rds = boto3.client("rds", region_name=region)
    rds.create_db_subnet_group(
        DBSubnetGroupName=STACK, DBSubnetGroupDescription=STACK, SubnetIds=subnets
    )
    rds.create_db_cluster_parameter_group(
        DBClusterParameterGroupName=STACK,
        DBParameterGroupFamily="aurora-postgresql16",
        Description=f"{STACK}: TLS only, no JIT",
    )
    kms = boto3.client("kms", region_name=region)
    key = kms.create_key(Description=f"{STACK} ({region})")["KeyMetadata"]["KeyId"]
    kms.create_alias(AliasName=f"alias/{STACK}", TargetKeyId=key)
    lambda_ = boto3.client("lambda", region_name=region)
    waiting = {"DATABASE_HOST": "", "REDIS_HOST": "", "DATABASE_SECRET_ARN": ""}
    for suffix in ("api", "migrate", "reminders"):
        lambda_.create_function(
            FunctionName=f"{STACK}-{suffix}",
            Role=role_arn,
            PackageType="Image",
            Code={"ImageUri": f"{image_repository}:{IMAGE_TAG}"},
            Environment={"Variables": {**waiting, "HABITS_FUNCTION": suffix}},
        )
    version = lambda_.publish_version(FunctionName=f"{STACK}-api")["Version"]
    lambda_.create_alias(FunctionName=f"{STACK}-api", Name="live", FunctionVersion=version)
    sender = lambda_.get_function(FunctionName=f"{STACK}-reminders")["Configuration"]
    # The primary's schedule runs; the standby's waits, disabled, until `ops.dr open`.
    boto3.client("scheduler", region_name=region).create_schedule(
        Name=f"{STACK}-reminders",
        ScheduleExpression="rate(1 minute)",
        ScheduleExpressionTimezone="UTC",
        FlexibleTimeWindow={"Mode": "OFF"},
        State="ENABLED" if region == PRIMARY_REGION else "DISABLED",
        Target={
            "Arn": sender["FunctionArn"],
            "RoleArn": role_arn.replace("-api-lambda", "-reminders-scheduler"),
            "Input": json.dumps({"reminders": "send"}),
            "RetryPolicy": {"MaximumRetryAttempts": 0, "MaximumEventAgeInSeconds": 60},
        },
    )


def image_seed(region: str) -> str:
    """The API image in the stack's repository (pushed in us-east-1, replicated to us-west-2)."""
    ecr = boto3.client("ecr", region_name=region)
    repository = ecr.create_repository(repositoryName=f"{STACK}-api")["repository"]
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
        "config": {
            "mediaType": "application/vnd.docker.container.image.v1+json",
            "digest": "sha256:" + "0" * 64,
            "size": 1,
        },
        "layers": [],
    }
    ecr.put_image(
        repositoryName=f"{STACK}-api", imageManifest=json.dumps(manifest), imageTag=IMAGE_TAG
    )
    return str(repository["repositoryUri"])


def world_seed(copy_age: timedelta) -> str:
    """Production and its pilot light before the outage; returns the copy's identifier."""
    from moto.core.models import DEFAULT_ACCOUNT_ID
    from moto.rds.models import rds_backends

    from ops import fakes

    role = boto3.client("iam").create_role(
        RoleName=f"{STACK}-api-lambda", AssumeRolePolicyDocument="{}"
    )["Role"]["Arn"]
    for region in (PRIMARY_REGION, DR_REGION):
        pilot_light_seed(region, role_arn=role, image_repository=image_seed(region))
    primary = boto3.client("rds", region_name=PRIMARY_REGION)
    primary.create_db_cluster(
        DBClusterIdentifier=CLUSTER,
        Engine="aurora-postgresql",
        EngineVersion="16.6",
        MasterUsername="habits",
        MasterUserPassword="drill-only-password",
        StorageEncrypted=True,
        ServerlessV2ScalingConfiguration={"MinCapacity": 0.5, "MaxCapacity": 8},
    )
    hourly = primary.create_db_cluster_snapshot(
        DBClusterIdentifier=CLUSTER, DBClusterSnapshotIdentifier=f"{CLUSTER}-hourly"
    )["DBClusterSnapshot"]
    copy_id = "awsbackup-copyjob-drill"
    boto3.client("rds", region_name=DR_REGION).copy_db_cluster_snapshot(
        SourceDBClusterSnapshotIdentifier=hourly["DBClusterSnapshotArn"],
        TargetDBClusterSnapshotIdentifier=copy_id,
        SourceRegion=PRIMARY_REGION,
    )
    copied = rds_backends[DEFAULT_ACCOUNT_ID][DR_REGION].cluster_snapshots[copy_id]
    copied.created = copied.created - copy_age
    # AWS Backup's copy of an Aurora recovery point is that cluster snapshot, in the DR vault.
    vault = boto3.client("backup", region_name=DR_REGION).create_backup_vault(
        BackupVaultName=f"{STACK}-dr"
    )["BackupVaultName"]
    fakes.recovery_point_add(
        account=DEFAULT_ACCOUNT_ID,
        region=DR_REGION,
        vault=vault,
        arn=copied.db_cluster_snapshot_arn,
        resource_arn=f"arn:aws:rds:{PRIMARY_REGION}:{DEFAULT_ACCOUNT_ID}:cluster:{CLUSTER}",
        created=copied.created,
    )
    boto3.client("elasticache", region_name=PRIMARY_REGION).create_serverless_cache(
        ServerlessCacheName=STACK, Engine="valkey"
    )
    for name in ("django-secret-key", "origin-verify"):
        boto3.client("secretsmanager", region_name=PRIMARY_REGION).create_secret(
            Name=f"{STACK}/{name}", AddReplicaRegions=[{"Region": DR_REGION}]
        )
    cloudwatch = boto3.client("cloudwatch", region_name=DR_REGION)
    cloudwatch.put_metric_alarm(
        AlarmName=f"{STACK}-failover",
        Namespace="Habits/DisasterRecovery",
        MetricName="FailoverSwitch",
        Dimensions=[{"Name": "Stack", "Value": STACK}],
        Statistic="Maximum",
        Period=60,
        EvaluationPeriods=1,
        Threshold=1,
        ComparisonOperator="GreaterThanOrEqualToThreshold",
        TreatMissingData="notBreaching",
    )
    return copy_id


def migrations_queue() -> None:
    """The migration function's answer, for moto's Lambda without Docker."""
    from moto.core.models import DEFAULT_ACCOUNT_ID
    from moto.moto_api._internal.models import moto_api_backend

    for region in (PRIMARY_REGION, DR_REGION):
        moto_api_backend.set_lambda_simple_result(json.dumps(MIGRATED), DEFAULT_ACCOUNT_ID, region)


def reminders_check(expected: str, *, after: str, drilled: Sequence[Step]) -> list[str]:
    """Only the region that answers the API sends reminders: the standby's schedule follows `open`
    and `close`."""
    if not any(
        step.command.startswith(("python -m ops.dr open", "python -m ops.dr close"))
        for step in drilled
    ):
        return []
    name = f"{STACK}-reminders"
    state = boto3.client("scheduler", region_name=DR_REGION).get_schedule(Name=name)["State"]
    print(f"after {after}: reminder schedule {name} in {DR_REGION} is {state}")
    return [] if state == expected else [f"reminders in {DR_REGION} {state} after {after}"]


def step_run(step: Step, gate: RegionGate) -> tuple[bool, float, str]:
    print(f"\n== {step.title}\n$ {step.command}", flush=True)
    refused_before = len(gate.refused)
    started = time.monotonic()
    argv = [sys.executable, *step.argv[1:]]  # fixed arguments, no shell
    result = subprocess.run(  # noqa: S603
        argv, cwd=BACKEND_DIR, capture_output=True, text=True, check=False
    )
    elapsed = time.monotonic() - started
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    refused = gate.refused[refused_before:]
    for request in refused:
        print(f"!! refused (region down): {request}", file=sys.stderr)
    ok = result.returncode == 0 and not refused
    verdict = "ok" if ok else f"FAILED (exit {result.returncode}, {len(refused)} refused)"
    print(f"-- {verdict} in {elapsed:.1f}s; AWS: {step.minutes:g} min", flush=True)
    return ok, elapsed, result.stdout


def phase_run(title: str, steps: Sequence[Step], gate: RegionGate) -> tuple[list[str], str]:
    print(f"\n######## {title}", flush=True)
    failures, first_output = [], ""
    for index, step in enumerate(steps):
        ok, _, output = step_run(step, gate)
        if index == 0:
            first_output = output
        if not ok:
            failures.append(step.title)
    return failures, first_output


def durations_print(title: str, steps: Sequence[Step]) -> float:
    total = sum(step.minutes for step in steps)
    print(f"\n{title}")
    for step in steps:
        print(f"  {step.minutes:5g} min  {step.title}\n             source: {step.source}")
    return total


def rpo_minutes(status_output: str) -> float | None:
    try:
        newest = json.loads(status_output)["newest"]
    except (ValueError, KeyError, TypeError):
        return None
    return float(newest["age_minutes"]) if newest else None


def drill_run(
    argv: Sequence[str] | None = None,
    *,
    failover: Sequence[Step] = FAILOVER,
    failback: Sequence[Step] = FAILBACK,
) -> int:
    parser = argparse.ArgumentParser(prog="python -m ops.drill", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--copy-age-minutes",
        type=float,
        default=40,
        help="how old the newest hourly copy is when us-east-1 fails (default 40)",
    )
    parser.add_argument(
        "--declare-minutes",
        type=float,
        default=70,
        help="outage to declaration, counted in the RTO (default 70: the runbook's 60 min + 10)",
    )
    args = parser.parse_args(argv)

    from moto.server import ThreadedMotoServer

    from ops import fakes

    fakes.install()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    started = time.monotonic()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    from moto.moto_api._internal.models import moto_api_backend

    moto_api_backend.reset()  # one process may run several drills (the tests do)
    host, port = server.get_host_and_port()
    gate = RegionGate(f"http://{host}:{port}")
    threading.Thread(target=gate.serve_forever, daemon=True).start()
    try:
        environment_isolate(f"http://{host}:{port}")
        from moto.core.config import default_user_config

        default_user_config["lambda"] = {"use_docker": False}
        copy = world_seed(timedelta(minutes=args.copy_age_minutes))
        migrations_queue()
        print(
            f"seeded production ({PRIMARY_REGION}) and its pilot light ({DR_REGION}); copy {copy}"
        )
        os.environ["AWS_ENDPOINT_URL"] = gate.url
        gate.dead = {PRIMARY_REGION}
        print(f"\n{PRIMARY_REGION} is DOWN: every request signed for it is refused")
        failed, status = phase_run("FAILOVER (us-east-1 down)", failover, gate)
        failed += reminders_check("ENABLED", after="the failover", drilled=failover)
        gate.dead = set()
        migrations_queue()
        print(f"\n{PRIMARY_REGION} is back")
        failed_back, _ = phase_run("FAIL BACK (both regions up)", failback, gate)
        failed_back += reminders_check("DISABLED", after="the way back", drilled=failback)
    finally:
        gate.shutdown()
        server.stop()

    rpo = rpo_minutes(status)
    rto = args.declare_minutes + durations_print("RTO, step by step", failover)
    back = durations_print("Way back, step by step", failback)
    print(
        f"\nRPO: {'unknown' if rpo is None else f'{rpo:.0f} min'} "
        "(newest copy's age at failover; target 60)"
    )
    print(
        f"RTO: {rto:.0f} min = {args.declare_minutes:g} min to declare + the steps above "
        "(target 240)"
    )
    print(f"Way back: {back:.0f} min of steps; the API takes no request from step 1 to 6")
    print(f"Requests refused while {PRIMARY_REGION} was down: {len(gate.refused)}")
    problems = failed + failed_back
    if rpo is None or rpo > 60:
        problems.append("RPO missed")
    if rto > 240:
        problems.append("RTO missed")
    total = time.monotonic() - started
    if problems:
        print(f"\nDR drill FAILED after {total:.1f}s: {'; '.join(problems)}", file=sys.stderr)
        return 1
    print(f"\nDR drill passed in {total:.1f}s: {len(failover)} steps over, {len(failback)} back")
    return 0


if __name__ == "__main__":
    sys.exit(drill_run())
