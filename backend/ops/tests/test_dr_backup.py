"""AWS Backup recovery points, with botocore's Stubber.

moto 5 implements backup vaults and plans but not recovery points
(list_recovery_points_by_backup_vault, get_recovery_point_restore_metadata, start_restore_job,
describe_restore_job), so these tests stub those calls with the exact parameters ops.dr sends, and
the RDS calls that go with them.
"""

import argparse
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.stub import ANY, Stubber

from ops import aws, dr

DR = "us-west-2"
CLUSTER = "habits-production"
TARGET = "habits-production-dr"
RESTORE = ["restore", "--cluster", CLUSTER, "--dr-region", DR, "--target-cluster", TARGET]
VAULT = "habits-production-dr-vault"
SOURCE_ARN = f"arn:aws:rds:us-east-1:123456789012:cluster:{CLUSTER}"
POINT_ARN = "arn:aws:rds:us-west-2:123456789012:cluster-snapshot:awsbackup:copyjob-0001"
BACKUP_POINT_ARN = "arn:aws:backup:us-west-2:123456789012:recovery-point:0a1b2c3d-4e5f"
NOW = datetime.now(UTC)


class Stubs:
    def __init__(self) -> None:
        self.clients = {name: boto3.client(name, region_name=DR) for name in ("backup", "rds")}
        self.stubbers = {name: Stubber(client) for name, client in self.clients.items()}

    def __getitem__(self, name: str) -> Stubber:
        return self.stubbers[name]

    def client(self, service: str, *, region: str | None = None, config: Any = None) -> Any:
        assert region == DR
        return self.clients[service]


@pytest.fixture
def stubs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Stubs]:
    stubs = Stubs()
    monkeypatch.setattr(aws, "client", stubs.client)
    for stubber in stubs.stubbers.values():
        stubber.activate()
    yield stubs
    for stubber in stubs.stubbers.values():
        stubber.assert_no_pending_responses()
        stubber.deactivate()


def point(arn: str, age: timedelta, **overrides: Any) -> dict[str, Any]:
    return {
        "RecoveryPointArn": arn,
        "BackupVaultName": VAULT,
        "ResourceArn": SOURCE_ARN,
        "ResourceType": "Aurora",
        "Status": "COMPLETED",
        "CreationDate": NOW - age,
        **overrides,
    }


def recovery_points_stub(stubs: Stubs, *points: dict[str, Any]) -> None:
    vault = {"BackupVaultName": VAULT, "BackupVaultArn": f"arn:aws:backup:{DR}:1:backup-vault:x"}
    stubs["backup"].add_response("list_backup_vaults", {"BackupVaultList": [vault]}, {})
    stubs["backup"].add_response(
        "list_recovery_points_by_backup_vault",
        {"RecoveryPoints": list(points)},
        {"BackupVaultName": VAULT},
    )


def snapshots_stub(stubs: Stubs, *snapshots: dict[str, Any]) -> None:
    stubs["rds"].add_response(
        "describe_db_cluster_snapshots", {"DBClusterSnapshots": list(snapshots)}, {}
    )


def snapshot(arn: str, age: timedelta, kind: str) -> dict[str, Any]:
    return {
        "DBClusterSnapshotIdentifier": arn.split(":cluster-snapshot:")[1],
        "DBClusterSnapshotArn": arn,
        "DBClusterIdentifier": CLUSTER,
        "SnapshotCreateTime": NOW - age,
        "SnapshotType": kind,
        "Status": "available",
    }


def test_status_finds_completed_recovery_points_of_the_cluster_once(
    stubs: Stubs, capsys: Any
) -> None:
    recovery_points_stub(
        stubs,
        point(POINT_ARN, timedelta(minutes=20)),
        point(POINT_ARN + "-newer-but-partial", timedelta(minutes=5), Status="PARTIAL"),
        point(POINT_ARN + "-other", timedelta(minutes=5), ResourceArn=SOURCE_ARN + "-staging"),
        point("arn:aws:ec2:us-west-2::snapshot/snap-1", timedelta(minutes=5), ResourceType="EBS"),
    )
    manual = "arn:aws:rds:us-west-2:123456789012:cluster-snapshot:manual-copy"
    snapshots_stub(
        stubs,
        snapshot(POINT_ARN, timedelta(minutes=20), "awsbackup"),
        snapshot(manual, timedelta(hours=3), "manual"),
    )

    code = dr.main(["status", "--cluster", CLUSTER, "--dr-region", DR])

    out = capsys.readouterr().out
    assert code == 0
    assert "Copies of habits-production in us-west-2: 2" in out
    assert f"recovery-point      {POINT_ARN}" in out
    assert "RPO met" in out


def test_status_with_only_a_stale_recovery_point_misses_the_rpo(stubs: Stubs, capsys: Any) -> None:
    recovery_points_stub(stubs, point(POINT_ARN, timedelta(hours=2)))
    snapshots_stub(stubs)

    code = dr.main(["status", "--cluster", CLUSTER, "--dr-region", DR])

    assert code == 1
    assert "RPO MISSED: the newest copy is older than 60 minutes" in capsys.readouterr().out


def test_restore_of_an_aurora_recovery_point_goes_through_the_snapshot(
    stubs: Stubs, capsys: Any
) -> None:
    rds = stubs["rds"]
    missing = {"DBClusterIdentifier": TARGET}
    rds.add_client_error("describe_db_clusters", "DBClusterNotFoundFault", expected_params=missing)
    recovery_points_stub(stubs, point(POINT_ARN, timedelta(minutes=20)))
    snapshots_stub(stubs)
    rds.add_response(
        "restore_db_cluster_from_snapshot",
        {"DBCluster": {"DBClusterIdentifier": TARGET, "Status": "creating"}},
        {
            "DBClusterIdentifier": TARGET,
            "SnapshotIdentifier": "awsbackup:copyjob-0001",
            "Engine": "aurora-postgresql",
            "ServerlessV2ScalingConfiguration": {"MinCapacity": 0.5, "MaxCapacity": 4.0},
            "EnableCloudwatchLogsExports": ["postgresql"],
            "CopyTagsToSnapshot": True,
            "DeletionProtection": True,
            "EnableIAMDatabaseAuthentication": True,
            "Tags": [{"Key": "restored-from", "Value": POINT_ARN}],
            "DBSubnetGroupName": "habits-dr-db",
            "VpcSecurityGroupIds": ["sg-1", "sg-2"],
        },
    )
    available = {
        "DBClusterIdentifier": TARGET,
        "Status": "available",
        "Endpoint": "habits-production-dr.cluster-x.us-west-2.rds.amazonaws.com",
        "Port": 5432,
        "MasterUserSecret": {"SecretArn": "arn:aws:secretsmanager:us-west-2:1:secret:rds!x"},
    }
    rds.add_response("describe_db_clusters", {"DBClusters": [available]}, missing)
    writer = {"DBInstanceIdentifier": f"{TARGET}-writer"}
    rds.add_client_error("describe_db_instances", "DBInstanceNotFound", expected_params=writer)
    rds.add_response(
        "create_db_instance",
        {"DBInstance": {**writer, "DBInstanceStatus": "creating"}},
        {
            **writer,
            "DBClusterIdentifier": TARGET,
            "Engine": "aurora-postgresql",
            "DBInstanceClass": "db.serverless",
        },
    )
    rds.add_response(
        "describe_db_instances",
        {"DBInstances": [{**writer, "DBInstanceStatus": "available"}]},
        writer,
    )
    rds.add_response("describe_db_clusters", {"DBClusters": [available]}, missing)

    code = dr.main(
        [*RESTORE, "--subnet-group", "habits-dr-db", "--security-group-ids", "sg-1", "sg-2"]
    )

    assert code == 0
    assert f"Restoring recovery-point {POINT_ARN}" in capsys.readouterr().out


def backup_restore_args(**overrides: Any) -> argparse.Namespace:
    args = dr.parser_build().parse_args(
        [
            *RESTORE,
            *("--backup-role-arn", "arn:aws:iam::1:role/backup-restore", "--poll-seconds", "0"),
            *("--subnet-group", "habits-dr-db", "--security-group-ids", "sg-1"),
        ]
    )
    vars(args).update(overrides)
    return args


def backup_point() -> dr.Copy:
    return dr.Copy("recovery-point", BACKUP_POINT_ARN, BACKUP_POINT_ARN, NOW, VAULT)


def test_restore_of_another_recovery_point_runs_an_aws_backup_restore_job(stubs: Stubs) -> None:
    backup = stubs["backup"]
    backup.add_response(
        "get_recovery_point_restore_metadata",
        {"RestoreMetadata": {"Engine": "aurora-postgresql", "DBClusterIdentifier": "old"}},
        {"BackupVaultName": VAULT, "RecoveryPointArn": BACKUP_POINT_ARN},
    )
    backup.add_response(
        "start_restore_job",
        {"RestoreJobId": "job-1"},
        {
            "RecoveryPointArn": BACKUP_POINT_ARN,
            "IamRoleArn": "arn:aws:iam::1:role/backup-restore",
            "Metadata": {
                "Engine": "aurora-postgresql",
                "DBClusterIdentifier": TARGET,
                "DBSubnetGroupName": "habits-dr-db",
                "VpcSecurityGroupIds": '["sg-1"]',
            },
            "ResourceType": "Aurora",
            "IdempotencyToken": ANY,
        },
    )
    job = {"RestoreJobId": "job-1"}
    backup.add_response("describe_restore_job", {**job, "Status": "RUNNING"}, job)
    backup.add_response("describe_restore_job", {**job, "Status": "COMPLETED"}, job)
    stubs["rds"].add_response(
        "modify_db_cluster",
        {"DBCluster": {"DBClusterIdentifier": TARGET}},
        {
            "DBClusterIdentifier": TARGET,
            "ServerlessV2ScalingConfiguration": {"MinCapacity": 0.5, "MaxCapacity": 4.0},
            "ApplyImmediately": True,
        },
    )

    dr.cluster_restore_from_recovery_point(
        stubs.clients["backup"], stubs.clients["rds"], backup_point(), backup_restore_args()
    )


def test_a_failed_restore_job_stops_the_restore(stubs: Stubs) -> None:
    backup = stubs["backup"]
    backup.add_response("get_recovery_point_restore_metadata", {"RestoreMetadata": {}})
    backup.add_response("start_restore_job", {"RestoreJobId": "job-1"})
    backup.add_response(
        "describe_restore_job",
        {"RestoreJobId": "job-1", "Status": "FAILED", "StatusMessage": "subnet group not found"},
    )

    with pytest.raises(dr.RestoreError, match="ended FAILED: subnet group not found"):
        dr.cluster_restore_from_recovery_point(
            stubs.clients["backup"], stubs.clients["rds"], backup_point(), backup_restore_args()
        )


def test_a_restore_job_needs_a_role(stubs: Stubs) -> None:
    with pytest.raises(dr.RestoreError, match="pass --backup-role-arn"):
        dr.cluster_restore_from_recovery_point(
            stubs.clients["backup"],
            stubs.clients["rds"],
            backup_point(),
            backup_restore_args(backup_role_arn=None),
        )
