"""Disaster recovery: find the newest copy of the database in the DR region and restore it there.

    python -m ops.dr status  --cluster NAME --dr-region us-west-2 [--rpo-minutes 60] [--json]
    python -m ops.dr restore --cluster NAME --dr-region us-west-2 --target-cluster NEW [...]
    python -m ops.dr cache|point|open|close|freeze|unfreeze|snapshot|reset ...   (ops/standby.py)

Where copies come from, and how they are matched to the source cluster:

- AWS Backup recovery points in every vault of the DR region. A copied recovery point keeps the
  ARN of the resource it was taken from (`ResourceArn`, `arn:aws:rds:us-east-1:...:cluster:NAME`),
  so a point belongs to NAME when that ARN names NAME. Only COMPLETED Aurora/RDS points count.
- RDS cluster snapshots (manual and automated) in the DR region. A cross-region copy keeps the
  source cluster's name in `DBClusterIdentifier`, so a snapshot belongs to NAME when that field
  equals NAME. Only `available` snapshots count. An Aurora recovery point is itself a cluster
  snapshot; when both listings return it, it is counted once.

Restoring: a cluster snapshot, or a recovery point whose ARN is a cluster-snapshot ARN (what AWS
Backup makes for Aurora), goes through `restore_db_cluster_from_snapshot`. Any other recovery point
goes through AWS Backup's `start_restore_job` and needs `--backup-role-arn`.

Exit status: 0 done or RPO met; 1 no copy, RPO missed, restore failed or timed out; 2 usage or AWS
error.
"""

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from botocore.exceptions import ClientError

from ops import aws

ENGINE = "aurora-postgresql"
RECOVERY_POINT_TYPES = {"Aurora", "RDS"}
RESTORE_JOB_DONE = {"COMPLETED", "ABORTED", "FAILED"}


@dataclass(frozen=True)
class Copy:
    """One restorable copy of the cluster in the DR region."""

    kind: str  # "recovery-point", "snapshot-manual" or "snapshot-automated"
    identifier: str  # what restore accepts: the snapshot identifier or the recovery point ARN
    arn: str
    created: datetime
    vault: str = ""  # the AWS Backup vault holding a recovery point

    @property
    def is_cluster_snapshot(self) -> bool:
        return ":cluster-snapshot:" in self.arn

    @property
    def snapshot_identifier(self) -> str:
        """What restore_db_cluster_from_snapshot takes; the copy is in the region restored to."""
        return self.arn.split(":cluster-snapshot:", 1)[-1]

    def to_json(self, now: datetime) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "identifier": self.identifier,
            "arn": self.arn,
            "vault": self.vault or None,
            "created": self.created.isoformat(),
            "age_minutes": round(copy_age(self, now).total_seconds() / 60, 1),
        }


class RestoreError(Exception):
    """The restore cannot go on; the message says why and what to do."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def copy_age(copy: Copy, now: datetime) -> timedelta:
    return now - copy.created


def cluster_matches(resource_arn: str, cluster: str) -> bool:
    """True when an RDS ARN (any region) names the cluster; `cluster` may itself be an ARN."""
    if cluster.startswith("arn:"):
        return resource_arn == cluster
    return resource_arn.lower().endswith(f":cluster:{cluster.lower()}")


def recovery_points_list(backup: Any, cluster: str) -> list[Copy]:
    """COMPLETED AWS Backup recovery points of `cluster` in every vault of the client's region."""
    copies = []
    for vault_page in backup.get_paginator("list_backup_vaults").paginate():
        for vault in vault_page["BackupVaultList"]:
            name = vault["BackupVaultName"]
            pages = backup.get_paginator("list_recovery_points_by_backup_vault")
            for page in pages.paginate(BackupVaultName=name):
                for point in page["RecoveryPoints"]:
                    if (
                        point.get("Status") == "COMPLETED"
                        and point.get("ResourceType") in RECOVERY_POINT_TYPES
                        and cluster_matches(point.get("ResourceArn", ""), cluster)
                    ):
                        arn = point["RecoveryPointArn"]
                        copies.append(Copy("recovery-point", arn, arn, point["CreationDate"], name))
    return copies


def snapshots_list(rds: Any, cluster: str, snapshot: str | None = None) -> list[Copy]:
    """Available manual and automated cluster snapshots of `cluster`, or the one named (id or ARN).

    Everything is listed and matched here: describing one automated snapshot by identifier would
    also need its SnapshotType, and a copy's source cluster does not exist in this region.
    """
    name = cluster.rsplit(":", 1)[-1].lower()
    copies = []
    for page in rds.get_paginator("describe_db_cluster_snapshots").paginate():
        for item in page["DBClusterSnapshots"]:
            if item.get("Status") != "available":
                continue
            if snapshot:
                named = (item["DBClusterSnapshotIdentifier"], item["DBClusterSnapshotArn"])
                if snapshot.lower() not in (value.lower() for value in named):
                    continue
            elif item.get("DBClusterIdentifier", "").lower() != name:
                continue
            copies.append(
                Copy(
                    f"snapshot-{item.get('SnapshotType', 'manual')}",
                    item["DBClusterSnapshotIdentifier"],
                    item["DBClusterSnapshotArn"],
                    item["SnapshotCreateTime"],
                )
            )
    return copies


def copies_list(*, cluster: str, region: str) -> list[Copy]:
    """Every restorable copy of `cluster` in `region`, newest first."""
    found = recovery_points_list(aws.client("backup", region=region), cluster)
    seen = {copy.arn for copy in found}
    for copy in snapshots_list(aws.client("rds", region=region), cluster):
        if copy.arn not in seen:
            found.append(copy)
    return sorted(found, key=lambda copy: copy.created, reverse=True)


def status_report(args: argparse.Namespace) -> int:
    now = utc_now()
    copies = copies_list(cluster=args.cluster, region=args.dr_region)
    newest = copies[0] if copies else None
    rpo = timedelta(minutes=args.rpo_minutes)
    rpo_met = newest is not None and copy_age(newest, now) <= rpo
    if args.json:
        report = {
            "cluster": args.cluster,
            "dr_region": args.dr_region,
            "checked_at": now.isoformat(),
            "rpo_minutes": args.rpo_minutes,
            "copies": len(copies),
            "newest": newest.to_json(now) if newest else None,
            "rpo_met": rpo_met,
        }
        print(json.dumps(report, indent=2))
    else:
        print(f"Copies of {args.cluster} in {args.dr_region}: {len(copies)}")
        for copy in copies[:5]:
            age = copy_age(copy, now).total_seconds() / 60
            stamp = f"{copy.created:%Y-%m-%d %H:%M}Z"
            print(f"  {stamp}  {age:7.0f} min  {copy.kind:18}  {copy.identifier}")
        if newest is None:
            print(f"RPO MISSED: no restorable copy of {args.cluster} in {args.dr_region}")
        elif rpo_met:
            print(f"RPO met: the newest copy is within {args.rpo_minutes} minutes")
        else:
            print(f"RPO MISSED: the newest copy is older than {args.rpo_minutes} minutes")
    return aws.EXIT_OK if rpo_met else aws.EXIT_FAILED


def copy_choose(args: argparse.Namespace) -> Copy:
    """The copy to restore: the one named by --snapshot, or the newest."""
    wanted = args.snapshot
    if wanted and not wanted.startswith("arn:aws:backup:"):
        named = snapshots_list(aws.client("rds", region=args.dr_region), args.cluster, wanted)
        if not named:
            raise RestoreError(f"no available cluster snapshot {wanted} in {args.dr_region}")
        return named[0]
    copies = copies_list(cluster=args.cluster, region=args.dr_region)
    if wanted:
        copies = [copy for copy in copies if copy.arn == wanted]
    if not copies:
        raise RestoreError(
            f"no restorable copy {wanted or 'of ' + args.cluster} in {args.dr_region}"
        )
    return copies[0]


def cluster_describe(rds: Any, identifier: str) -> dict[str, Any] | None:
    try:
        clusters = rds.describe_db_clusters(DBClusterIdentifier=identifier)["DBClusters"]
    except ClientError as error:
        if error.response["Error"]["Code"] == "DBClusterNotFoundFault":
            return None
        raise
    return dict(clusters[0]) if clusters else None


def instance_describe(rds: Any, identifier: str) -> dict[str, Any] | None:
    try:
        instances = rds.describe_db_instances(DBInstanceIdentifier=identifier)["DBInstances"]
    except ClientError as error:
        if error.response["Error"]["Code"] == "DBInstanceNotFound":
            return None
        raise
    return dict(instances[0]) if instances else None


def scaling(args: argparse.Namespace) -> dict[str, float]:
    return {"MinCapacity": args.min_acu, "MaxCapacity": args.max_acu}


def cluster_restore_from_snapshot(rds: Any, copy: Copy, args: argparse.Namespace) -> None:
    options: dict[str, Any] = {
        "DBClusterIdentifier": args.target_cluster,
        "SnapshotIdentifier": copy.snapshot_identifier,
        "Engine": ENGINE,
        "ServerlessV2ScalingConfiguration": scaling(args),
        "EnableCloudwatchLogsExports": ["postgresql"],
        "CopyTagsToSnapshot": True,
        "DeletionProtection": True,
        # The functions sign in with IAM tokens (rds-db:connect); a restored cluster has IAM
        # database authentication off unless the restore asks for it.
        "EnableIAMDatabaseAuthentication": True,
        "Tags": [{"Key": "restored-from", "Value": copy.arn}],
    }
    optional = {
        "EngineVersion": args.engine_version,
        "DBSubnetGroupName": args.subnet_group,
        "VpcSecurityGroupIds": security_group_ids(args),
        "KmsKeyId": args.kms_key_id,
        "DBClusterParameterGroupName": args.parameter_group,
    }
    options.update({key: value for key, value in optional.items() if value})
    rds.restore_db_cluster_from_snapshot(**options)


def security_group_ids(args: argparse.Namespace) -> list[str] | None:
    """--security-group-ids as given, or the IDs of the groups named by --security-group-name."""
    if not args.security_group_name:
        return list(args.security_group_ids) if args.security_group_ids else None
    ec2 = aws.client("ec2", region=args.dr_region)
    groups = ec2.describe_security_groups(
        Filters=[{"Name": "group-name", "Values": args.security_group_name}]
    )["SecurityGroups"]
    if len(groups) != len(args.security_group_name):
        raise RestoreError(
            f"security groups {args.security_group_name} not all in {args.dr_region}"
        )
    return [str(group["GroupId"]) for group in groups]


def cluster_restore_from_recovery_point(
    backup: Any, rds: Any, copy: Copy, args: argparse.Namespace
) -> None:
    """Restore through AWS Backup, for recovery points that are not plain cluster snapshots."""
    if not args.backup_role_arn:
        raise RestoreError(f"{copy.arn} is restored by AWS Backup: pass --backup-role-arn")
    metadata = backup.get_recovery_point_restore_metadata(
        BackupVaultName=copy.vault, RecoveryPointArn=copy.arn
    )["RestoreMetadata"]
    metadata.update({"DBClusterIdentifier": args.target_cluster, "Engine": ENGINE})
    if args.subnet_group:
        metadata["DBSubnetGroupName"] = args.subnet_group
    if security_group_ids(args):
        metadata["VpcSecurityGroupIds"] = json.dumps(security_group_ids(args))
    if args.kms_key_id:
        metadata["KmsKeyId"] = args.kms_key_id
    if args.parameter_group:
        metadata["DBClusterParameterGroupName"] = args.parameter_group
    job_id = backup.start_restore_job(
        RecoveryPointArn=copy.arn,
        IamRoleArn=args.backup_role_arn,
        Metadata=metadata,
        ResourceType="Aurora",
        IdempotencyToken=f"dr-{args.target_cluster}",
    )["RestoreJobId"]
    job = resource_wait(
        f"AWS Backup restore job {job_id}",
        lambda: backup.describe_restore_job(RestoreJobId=job_id),
        done=lambda job: job["Status"] in RESTORE_JOB_DONE,
        args=args,
    )
    if job["Status"] != "COMPLETED":
        raise RestoreError(
            f"restore job {job_id} ended {job['Status']}: {job.get('StatusMessage')}"
        )
    rds.modify_db_cluster(
        DBClusterIdentifier=args.target_cluster,
        ServerlessV2ScalingConfiguration=scaling(args),
        ApplyImmediately=True,
    )


def resource_wait(
    what: str,
    describe: Callable[[], dict[str, Any]],
    *,
    done: Callable[[dict[str, Any]], bool],
    args: argparse.Namespace,
) -> dict[str, Any]:
    """Poll until `done`, printing each status; RestoreError after --wait-timeout seconds."""
    started = time.monotonic()
    while True:
        state = describe()
        elapsed = time.monotonic() - started
        status = state.get("Status", "unknown")
        print(f"  [{elapsed:6.0f}s] {what}: {status}", flush=True)
        if done(state):
            return state
        if elapsed + args.poll_seconds > args.wait_timeout:
            raise RestoreError(
                f"{what} still {status} after {elapsed:.0f}s; run the same command again to wait on"
            )
        time.sleep(args.poll_seconds)


def cluster_wait(rds: Any, args: argparse.Namespace) -> dict[str, Any]:
    def describe() -> dict[str, Any]:
        cluster = cluster_describe(rds, args.target_cluster) or {}
        return {**cluster, "Status": cluster.get("Status", "not found")}

    return resource_wait(
        f"cluster {args.target_cluster}",
        describe,
        done=lambda cluster: cluster["Status"] == "available",
        args=args,
    )


def instance_wait(rds: Any, identifier: str, args: argparse.Namespace) -> dict[str, Any]:
    def describe() -> dict[str, Any]:
        instance = instance_describe(rds, identifier) or {}
        return {**instance, "Status": instance.get("DBInstanceStatus", "not found")}

    return resource_wait(
        f"instance {identifier}",
        describe,
        done=lambda instance: instance["Status"] == "available",
        args=args,
    )


def cluster_restore(args: argparse.Namespace) -> int:
    rds = aws.client("rds", region=args.dr_region)
    instance_id = args.instance or f"{args.target_cluster}-writer"
    try:
        if cluster_describe(rds, args.target_cluster):
            print(f"Cluster {args.target_cluster} already exists in {args.dr_region}: reusing it")
        else:
            copy = copy_choose(args)
            print(f"Restoring {copy.kind} {copy.identifier} ({copy.created:%Y-%m-%d %H:%M}Z)")
            print(f"  into {args.target_cluster} in {args.dr_region}")
            if copy.is_cluster_snapshot:
                cluster_restore_from_snapshot(rds, copy, args)
            else:
                backup = aws.client("backup", region=args.dr_region)
                cluster_restore_from_recovery_point(backup, rds, copy, args)
        cluster = cluster_wait(rds, args)
        if not cluster.get("MasterUserSecret"):
            print("Creating the master user secret in Secrets Manager (ManageMasterUserPassword)")
            secret_options: dict[str, Any] = {}
            if args.master_secret_kms_key_id:
                secret_options["MasterUserSecretKmsKeyId"] = args.master_secret_kms_key_id
            rds.modify_db_cluster(
                DBClusterIdentifier=args.target_cluster,
                ManageMasterUserPassword=True,
                BackupRetentionPeriod=args.backup_retention_days,
                ApplyImmediately=True,
                **secret_options,
            )
        if instance_describe(rds, instance_id):
            print(f"Instance {instance_id} already exists: reusing it")
        else:
            print(f"Creating the db.serverless writer {instance_id}")
            rds.create_db_instance(
                DBInstanceIdentifier=instance_id,
                DBClusterIdentifier=args.target_cluster,
                Engine=ENGINE,
                DBInstanceClass="db.serverless",
            )
        instance_wait(rds, instance_id, args)
        cluster = cluster_wait(rds, args)
    except RestoreError as failure:
        print(f"restore failed: {failure}", file=sys.stderr)
        return aws.EXIT_FAILED
    next_steps_print(cluster, args)
    return aws.EXIT_OK


def next_steps_print(cluster: dict[str, Any], args: argparse.Namespace) -> None:
    secret = cluster.get("MasterUserSecret", {}).get("SecretArn", "<see the RDS console>")
    print(
        f"""
Restored: {args.target_cluster} ({args.dr_region})
  writer endpoint: {cluster.get("Endpoint")}
  port:            {cluster.get("Port", 5432)}
  master secret:   {secret}

Next (docs/RUNBOOK_DR.md): the cache if it is not there yet, then point the functions at both:
  python -m ops.dr point --stack <STACK> --region {args.dr_region} \\
    --cluster {args.target_cluster}"""
    )


def parser_build() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ops.dr", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    def common(command: argparse.ArgumentParser) -> None:
        command.add_argument("--cluster", required=True, help="source Aurora cluster name (or ARN)")
        command.add_argument("--dr-region", required=True, help="DR region, e.g. us-west-2")

    status = commands.add_parser(
        "status", help="newest copy in the DR region and its age vs the RPO"
    )
    common(status)
    status.add_argument("--rpo-minutes", type=float, default=60, help="RPO (default 60)")
    status.add_argument("--json", action="store_true", help="print JSON instead of text")
    status.set_defaults(run=status_report)

    restore = commands.add_parser("restore", help="restore a copy into a new Serverless v2 cluster")
    common(restore)
    restore.add_argument("--target-cluster", required=True, help="name of the cluster to create")
    restore.add_argument("--snapshot", help="snapshot identifier/ARN or recovery point ARN")
    restore.add_argument("--instance", help="writer instance name (default TARGET-writer)")
    restore.add_argument("--subnet-group", help="DB subnet group in the DR VPC")
    restore.add_argument(
        "--parameter-group",
        help="DB cluster parameter group (the DR stack's: it forces TLS, rds.force_ssl=1)",
    )
    groups = restore.add_mutually_exclusive_group()
    groups.add_argument("--security-group-ids", nargs="+", metavar="SG", help="VPC security groups")
    groups.add_argument(
        "--security-group-name", nargs="+", metavar="NAME", help="VPC security groups, by name"
    )
    restore.add_argument("--kms-key-id", help="KMS key in the DR region (default: the copy's key)")
    restore.add_argument(
        "--master-secret-kms-key-id", help="key of the master user secret RDS creates (alias/S)"
    )
    restore.add_argument(
        "--backup-retention-days", type=int, default=7, help="automated backups (default 7)"
    )
    restore.add_argument("--min-acu", type=float, default=0.5, help="minimum ACU (default 0.5)")
    restore.add_argument("--max-acu", type=float, default=4, help="maximum ACU (default 4)")
    restore.add_argument("--engine-version", help="e.g. 16.4 (default: the snapshot's)")
    restore.add_argument("--backup-role-arn", help="IAM role for AWS Backup restore jobs")
    restore.add_argument("--wait-timeout", type=float, default=3600, help="seconds (default 3600)")
    restore.add_argument("--poll-seconds", type=float, default=30, help="seconds between checks")
    restore.set_defaults(run=cluster_restore)

    from ops import standby  # its commands use this module's waiting and errors

    standby.parsers_add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return aws.cli_main(parser_build(), argv)


if __name__ == "__main__":
    sys.exit(main())
