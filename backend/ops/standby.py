"""The pilot light's day: bring the standby up, switch the API origin to it, and go back.

Subcommands of `python -m ops.dr` (docs/RUNBOOK_DR.md):

    cache     --stack S --region R               create the Valkey serverless cache of the stack
    point     --stack S --region R --cluster C   give the functions the cluster and cache, deploy
                                                 the newest image, move the live alias
    open      --stack S --region R               failover switch to ALARM: the API origin answers R;
                                                 R's reminder schedule is switched on
    close     --stack S --region R               failover switch to OK: the primary answers again;
                                                 R's reminder schedule is switched off
    freeze    --stack S --region R               the API function takes no request (writes stop)
    unfreeze  --stack S --region R               undo freeze
    snapshot  --cluster C --region R --snapshot ID --copy-to R2    snapshot C, copy it to R2
    reset     --stack S --region R --cluster C   remove the standby's cache and cluster

Every resource is found by the names the Terraform gives it (S = habits-<environment>): functions
S-api, S-migrate and S-reminders, the reminder schedule S-reminders, DB subnet group and user
group S, security group S-cache, KMS alias alias/S, repository S-api, failover switch S-failover.
Each call is regional: nothing here reaches IAM,
Route 53, CloudFront or any other control plane in us-east-1, so the commands work while it is down.
"""

import argparse
import time
from collections.abc import Callable
from typing import Any

from ops import aws
from ops.dr import RestoreError, resource_wait

CACHE_ENGINE = "valkey"
CACHE_MAJOR_VERSION = "8"
LIVE_ALIAS = "live"
SWITCH_STATES = {"open": ("breaching", "ALARM"), "close": ("notBreaching", "OK")}
# What a standby function reads from its environment to reach the database and the cache
# (docs/CONTRACT_NOTES.md).
DATABASE_HOST = "DATABASE_HOST"
DATABASE_SECRET_ARN = "DATABASE_SECRET_ARN"  # noqa: S105 (the variable's name, not a secret)
CACHE_HOST = "REDIS_HOST"
CACHE_PORT = "REDIS_PORT"


def security_group_id(ec2: Any, name: str) -> str:
    groups = ec2.describe_security_groups(Filters=[{"Name": "group-name", "Values": [name]}])[
        "SecurityGroups"
    ]
    if len(groups) != 1:
        raise RestoreError(f"expected one security group named {name}, found {len(groups)}")
    return str(groups[0]["GroupId"])


def serverless_cache(elasticache: Any, name: str) -> dict[str, Any] | None:
    try:
        caches = elasticache.describe_serverless_caches(ServerlessCacheName=name)
    except elasticache.exceptions.ServerlessCacheNotFoundFault:
        return None
    found = caches["ServerlessCaches"]
    return dict(found[0]) if found else None


def cache_create(args: argparse.Namespace) -> int:
    """The stack's cache, as the Terraform's cache module would make it, in its user group."""
    elasticache = aws.client("elasticache", region=args.region)
    existing = serverless_cache(elasticache, args.stack)
    if existing:
        print(f"Cache {args.stack} already exists in {args.region}: reusing it")
    else:
        rds = aws.client("rds", region=args.region)
        subnets = rds.describe_db_subnet_groups(DBSubnetGroupName=args.stack)["DBSubnetGroups"][0]
        key = aws.client("kms", region=args.region).describe_key(KeyId=f"alias/{args.stack}")
        group = security_group_id(aws.client("ec2", region=args.region), f"{args.stack}-cache")
        print(f"Creating the {CACHE_ENGINE} serverless cache {args.stack} in {args.region}")
        elasticache.create_serverless_cache(
            ServerlessCacheName=args.stack,
            Description=f"{args.stack} sessions and Django cache (standby)",
            Engine=CACHE_ENGINE,
            MajorEngineVersion=CACHE_MAJOR_VERSION,
            CacheUsageLimits={
                "DataStorage": {"Maximum": args.data_storage_max_gb, "Unit": "GB"},
                "ECPUPerSecond": {"Maximum": args.ecpu_per_second_max},
            },
            KmsKeyId=key["KeyMetadata"]["Arn"],
            SecurityGroupIds=[group],
            SubnetIds=[subnet["SubnetIdentifier"] for subnet in subnets["Subnets"]],
            UserGroupId=args.stack,
            SnapshotRetentionLimit=1,
        )
    cache = resource_wait(
        f"cache {args.stack}",
        lambda: {**(serverless_cache(elasticache, args.stack) or {"Status": "not found"})},
        done=lambda cache: cache["Status"] == "available",
        args=args,
    )
    endpoint = cache.get("Endpoint", {})
    print(f"Cache {args.stack}: {endpoint.get('Address')}:{endpoint.get('Port')}")
    return aws.EXIT_OK


def newest_image_tag(ecr: Any, repository: str) -> str:
    images = [
        image
        for page in ecr.get_paginator("describe_images").paginate(repositoryName=repository)
        for image in page["imageDetails"]
        if image.get("imageTags")
    ]
    if not images:
        raise RestoreError(f"no tagged image in {repository}: has ECR replication run?")
    newest = max(images, key=lambda image: image["imagePushedAt"])
    return str(newest["imageTags"][0])


def environment_point(
    lambda_: Any, function: str, changes: dict[str, str], args: argparse.Namespace
) -> None:
    current = lambda_.get_function_configuration(FunctionName=function)
    variables = {**current.get("Environment", {}).get("Variables", {}), **changes}
    print(f"  {function}: " + ", ".join(f"{key}={value}" for key, value in sorted(changes.items())))
    lambda_.update_function_configuration(
        FunctionName=function, Environment={"Variables": variables}
    )
    lambda_.get_waiter("function_updated_v2").wait(FunctionName=function)


def image_deploy(lambda_: Any, function: str, image_uri: str, *, alias: str | None) -> None:
    """Point a function at an image; with `alias`, publish a version and move the alias to it."""
    lambda_.update_function_code(FunctionName=function, ImageUri=image_uri)
    lambda_.get_waiter("function_updated_v2").wait(FunctionName=function)
    if alias is None:
        print(f"  {function} -> {image_uri}")
        return
    version = lambda_.publish_version(FunctionName=function)["Version"]
    lambda_.get_waiter("published_version_active").wait(FunctionName=function, Qualifier=version)
    lambda_.update_alias(FunctionName=function, Name=alias, FunctionVersion=version)
    print(f"  {function}:{alias} -> version {version} ({image_uri})")


def functions_point(args: argparse.Namespace) -> int:
    """Both functions onto the restored cluster and the cache, on the newest replicated image."""
    rds = aws.client("rds", region=args.region)
    clusters = rds.describe_db_clusters(DBClusterIdentifier=args.cluster)["DBClusters"]
    cluster = clusters[0]
    secret = cluster.get("MasterUserSecret", {}).get("SecretArn")
    if cluster.get("Status") != "available" or not secret:
        raise RestoreError(f"cluster {args.cluster} is not available with a master secret yet")
    cache = serverless_cache(aws.client("elasticache", region=args.region), args.stack)
    if not cache or cache.get("Status") != "available":
        raise RestoreError(f"cache {args.stack} is not available yet: run ops.dr cache first")
    database = {DATABASE_HOST: str(cluster["Endpoint"])}
    endpoint = cache["Endpoint"]
    cache_env = {CACHE_HOST: str(endpoint["Address"]), CACHE_PORT: str(endpoint["Port"])}
    lambda_ = aws.client("lambda", region=args.region)
    api, migrate = f"{args.stack}-api", f"{args.stack}-migrate"
    reminders = f"{args.stack}-reminders"
    print(f"Pointing {api}, {migrate} and {reminders} at {args.cluster} and cache {args.stack}")
    environment_point(lambda_, api, {**database, **cache_env}, args)
    environment_point(lambda_, migrate, {**database, DATABASE_SECRET_ARN: str(secret)}, args)
    environment_point(lambda_, reminders, {**database, **cache_env}, args)
    repository = f"{args.stack}-api"
    tag = args.image_tag or newest_image_tag(aws.client("ecr", region=args.region), repository)
    image_uri = lambda_.get_function(FunctionName=api)["Code"]["ImageUri"].rsplit(":", 1)[0]
    print(f"Deploying {repository}:{tag}")
    image_deploy(lambda_, migrate, f"{image_uri}:{tag}", alias=None)
    image_deploy(lambda_, reminders, f"{image_uri}:{tag}", alias=None)
    image_deploy(lambda_, api, f"{image_uri}:{tag}", alias=LIVE_ALIAS)
    return aws.EXIT_OK


# What UpdateSchedule takes back from GetSchedule (it replaces the whole definition).
SCHEDULE_FIELDS = (
    "Name",
    "GroupName",
    "Description",
    "ScheduleExpression",
    "ScheduleExpressionTimezone",
    "FlexibleTimeWindow",
    "Target",
    "KmsKeyArn",
    "StartDate",
    "EndDate",
    "ActionAfterCompletion",
)


def reminders_switch(args: argparse.Namespace, *, enabled: bool) -> None:
    """The region's reminder schedule follows the API origin: only the side that answers sends.

    The standby's schedule is created disabled; `open` switches it on, `close` off again, so the two
    regions never remind anyone twice from their two databases.
    """
    scheduler = aws.client("scheduler", region=args.region)
    name = f"{args.stack}-reminders"
    try:
        schedule = scheduler.get_schedule(Name=name)
    except scheduler.exceptions.ResourceNotFoundException:
        print(f"No reminder schedule {name} in {args.region}: reminders stay as they are")
        return
    state = "ENABLED" if enabled else "DISABLED"
    definition = {key: schedule[key] for key in SCHEDULE_FIELDS if schedule.get(key) is not None}
    scheduler.update_schedule(**definition, State=state)
    print(f"Reminder schedule {name} in {args.region}: {state}")


def switch_flip(args: argparse.Namespace) -> int:
    """Re-put the failover switch alarm with missing data breaching (open) or not (close)."""
    missing_data, state = SWITCH_STATES[args.command]
    cloudwatch = aws.client("cloudwatch", region=args.region)
    name = f"{args.stack}-failover"
    alarms = cloudwatch.describe_alarms(AlarmNames=[name])["MetricAlarms"]
    if not alarms:
        raise RestoreError(f"no failover switch {name} in {args.region}")
    alarm = alarms[0]
    kept = [
        "AlarmName",
        "AlarmDescription",
        "Namespace",
        "MetricName",
        "Dimensions",
        "Statistic",
        "Period",
        "EvaluationPeriods",
        "Threshold",
        "ComparisonOperator",
    ]
    definition = {key: alarm[key] for key in kept if key in alarm}
    cloudwatch.put_metric_alarm(**definition, TreatMissingData=missing_data)
    # The next evaluation (within a minute) reaches that state anyway; setting it saves the minute.
    cloudwatch.set_alarm_state(
        AlarmName=name, StateValue=state, StateReason=f"python -m ops.dr {args.command}"
    )
    resource_wait(
        f"failover switch {name}",
        lambda: {
            "Status": cloudwatch.describe_alarms(AlarmNames=[name])["MetricAlarms"][0]["StateValue"]
        },
        done=lambda alarm: alarm["Status"] == state,
        args=args,
    )
    side = "the standby" if args.command == "open" else "the primary"
    print(
        f"{name} is {state}: Route 53 answers the API origin with {side} (health check, TTL 60 s)"
    )
    reminders_switch(args, enabled=args.command == "open")
    return aws.EXIT_OK


def concurrency_set(args: argparse.Namespace) -> int:
    lambda_ = aws.client("lambda", region=args.region)
    function = f"{args.stack}-api"
    if args.command == "freeze":
        lambda_.put_function_concurrency(FunctionName=function, ReservedConcurrentExecutions=0)
        print(f"{function} in {args.region} takes no request (reserved concurrency 0)")
    else:
        lambda_.delete_function_concurrency(FunctionName=function)
        print(f"{function} in {args.region} takes requests again")
    return aws.EXIT_OK


def snapshot_copy(args: argparse.Namespace) -> int:
    """A manual snapshot of the cluster, copied to another region for the way back."""
    source = aws.client("rds", region=args.region)
    target = aws.client("rds", region=args.copy_to)
    source.create_db_cluster_snapshot(
        DBClusterIdentifier=args.cluster, DBClusterSnapshotIdentifier=args.snapshot
    )
    made = snapshot_wait(source, args.snapshot, args)
    options: dict[str, Any] = {
        "SourceDBClusterSnapshotIdentifier": made["DBClusterSnapshotArn"],
        "TargetDBClusterSnapshotIdentifier": args.snapshot,
        "SourceRegion": args.region,
        "CopyTags": True,
    }
    if args.kms_key_id:
        options["KmsKeyId"] = args.kms_key_id
    target.copy_db_cluster_snapshot(**options)
    copied = snapshot_wait(target, args.snapshot, args)
    print(f"Snapshot {args.snapshot} of {args.cluster} is in {args.copy_to}: {copied['Status']}")
    return aws.EXIT_OK


def snapshot_wait(rds: Any, identifier: str, args: argparse.Namespace) -> dict[str, Any]:
    def describe() -> dict[str, Any]:
        found = rds.describe_db_cluster_snapshots(DBClusterSnapshotIdentifier=identifier)
        return dict(found["DBClusterSnapshots"][0])

    return resource_wait(
        f"snapshot {identifier}",
        describe,
        done=lambda snapshot: snapshot["Status"] == "available",
        args=args,
    )


def standby_reset(args: argparse.Namespace) -> int:
    """After the way back: the standby's cache and cluster go (a final snapshot of the cluster)."""
    elasticache = aws.client("elasticache", region=args.region)
    if serverless_cache(elasticache, args.stack):
        elasticache.delete_serverless_cache(ServerlessCacheName=args.stack)
        print(f"Cache {args.stack} in {args.region}: deleting")
    rds = aws.client("rds", region=args.region)
    clusters = rds.describe_db_clusters(DBClusterIdentifier=args.cluster)["DBClusters"]
    rds.modify_db_cluster(
        DBClusterIdentifier=args.cluster, DeletionProtection=False, ApplyImmediately=True
    )
    for member in clusters[0].get("DBClusterMembers", []):
        rds.delete_db_instance(DBInstanceIdentifier=member["DBInstanceIdentifier"])
    rds.delete_db_cluster(
        DBClusterIdentifier=args.cluster,
        SkipFinalSnapshot=False,
        FinalDBSnapshotIdentifier=f"{args.cluster}-final-{time.strftime('%Y%m%d%H%M')}",
    )
    print(f"Cluster {args.cluster} in {args.region}: deleting after its final snapshot")
    return aws.EXIT_OK


def restore_errors(
    command: Callable[[argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except RestoreError as failure:
            print(f"{args.command} failed: {failure}")
            return aws.EXIT_FAILED

    return run


def parsers_add(commands: Any) -> None:
    """The standby's subcommands, added to `python -m ops.dr`."""

    def stack_command(name: str, help_text: str, run: Callable[[argparse.Namespace], int]) -> Any:
        command = commands.add_parser(name, help=help_text)
        command.add_argument(
            "--stack", required=True, help="the stack's name, e.g. habits-production"
        )
        command.add_argument("--region", required=True, help="where to act, e.g. us-west-2")
        command.add_argument(
            "--wait-timeout", type=float, default=3600, help="seconds (default 3600)"
        )
        command.add_argument(
            "--poll-seconds", type=float, default=15, help="seconds between checks"
        )
        command.set_defaults(run=restore_errors(run))
        return command

    cache = stack_command("cache", "create the stack's Valkey serverless cache", cache_create)
    cache.add_argument("--data-storage-max-gb", type=int, default=1, help="as Terraform: 1")
    cache.add_argument("--ecpu-per-second-max", type=int, default=5000, help="as Terraform: 5000")
    point = stack_command(
        "point", "give the functions the cluster and cache, newest image", functions_point
    )
    point.add_argument(
        "--cluster", required=True, help="the restored cluster, e.g. habits-production-dr"
    )
    point.add_argument("--image-tag", help="image to run (default: the newest in S-api)")
    stack_command(
        "open", "failover switch to ALARM: the API origin answers this standby", switch_flip
    )
    stack_command("close", "failover switch to OK: the API origin answers the primary", switch_flip)
    stack_command("freeze", "the API function takes no request (the way back)", concurrency_set)
    stack_command("unfreeze", "the API function takes requests again", concurrency_set)
    reset = stack_command("reset", "remove the standby's cache and cluster", standby_reset)
    reset.add_argument(
        "--cluster", required=True, help="the standby's cluster, e.g. habits-production-dr"
    )

    snapshot = commands.add_parser(
        "snapshot", help="snapshot a cluster and copy it to another region"
    )
    snapshot.add_argument("--cluster", required=True, help="the cluster, e.g. habits-production-dr")
    snapshot.add_argument("--region", required=True, help="the cluster's region")
    snapshot.add_argument("--snapshot", required=True, help="snapshot identifier in both regions")
    snapshot.add_argument("--copy-to", required=True, help="region to copy it to")
    snapshot.add_argument("--kms-key-id", help="key of the copy in --copy-to (e.g. alias/S)")
    snapshot.add_argument("--wait-timeout", type=float, default=7200, help="seconds (default 7200)")
    snapshot.add_argument("--poll-seconds", type=float, default=30, help="seconds between checks")
    snapshot.set_defaults(run=restore_errors(snapshot_copy))
