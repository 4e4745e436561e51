"""`python -m ops.dr` against moto: RDS snapshots (manual, automated, cross-region copies), restore.

moto does not implement AWS Backup recovery points; those paths are in test_dr_backup.py.
"""

import argparse
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from moto import mock_aws

from ops import dr

SOURCE = "us-east-1"
DR = "us-west-2"
CLUSTER = "habits-production"
TARGET = "habits-production-dr"
RESTORE = ["restore", "--cluster", CLUSTER, "--dr-region", DR, "--target-cluster", TARGET]


@pytest.fixture
def aws() -> Iterator[None]:
    with mock_aws():
        yield


def cluster_create(region: str, name: str = CLUSTER) -> Any:
    rds = boto3.client("rds", region_name=region)
    rds.create_db_cluster(
        DBClusterIdentifier=name,
        Engine="aurora-postgresql",
        EngineVersion="16.4",
        MasterUsername="habits",
        MasterUserPassword="test-only-password",
        StorageEncrypted=True,
    )
    return rds


def copy_create(snapshot: str, cluster: str = CLUSTER) -> str:
    """Snapshot `cluster` in the source region and copy it to the DR region, as backups do."""
    source = boto3.client("rds", region_name=SOURCE)
    clusters = source.describe_db_clusters()["DBClusters"]
    if cluster not in [item["DBClusterIdentifier"] for item in clusters]:
        cluster_create(SOURCE, cluster)
    arn = source.create_db_cluster_snapshot(
        DBClusterIdentifier=cluster, DBClusterSnapshotIdentifier=snapshot
    )["DBClusterSnapshot"]["DBClusterSnapshotArn"]
    copy = boto3.client("rds", region_name=DR).copy_db_cluster_snapshot(
        SourceDBClusterSnapshotIdentifier=arn,
        TargetDBClusterSnapshotIdentifier=f"{snapshot}-copy",
        SourceRegion=SOURCE,
    )
    return str(copy["DBClusterSnapshot"]["DBClusterSnapshotArn"])


def status(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = dr.main(["status", "--cluster", CLUSTER, "--dr-region", DR, *extra])
    return code, capsys.readouterr().out


def restore(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = dr.main([*RESTORE, "--poll-seconds", "0", *extra])
    return code, capsys.readouterr().out


def later(monkeypatch: pytest.MonkeyPatch, delta: timedelta) -> None:
    monkeypatch.setattr(dr, "utc_now", lambda: datetime.now(UTC) + delta)


def test_status_without_any_copy_misses_the_rpo(aws: None, capsys: Any) -> None:
    cluster_create(SOURCE)  # its automated snapshot is in the source region, which does not count

    code, out = status(capsys)

    assert code == 1
    assert "Copies of habits-production in us-west-2: 0" in out
    assert "RPO MISSED: no restorable copy" in out


def test_status_with_a_fresh_copy_meets_the_rpo(aws: None, capsys: Any) -> None:
    copy_create("hourly-1")

    code, out = status(capsys, "--json")

    assert code == 0
    report = json.loads(out)
    assert report["rpo_met"] is True
    assert report["copies"] == 1
    assert report["newest"]["identifier"] == "hourly-1-copy"
    assert report["newest"]["kind"] == "snapshot-manual"
    assert report["newest"]["age_minutes"] < 5


def test_status_with_a_stale_copy_says_the_rpo_is_missed(
    aws: None, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_create("hourly-1")
    later(monkeypatch, timedelta(minutes=90))

    code, out = status(capsys)

    assert code == 1
    assert "hourly-1-copy" in out
    assert "RPO MISSED: the newest copy is older than 60 minutes" in out


def test_status_honours_a_custom_rpo(
    aws: None, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_create("hourly-1")
    later(monkeypatch, timedelta(minutes=90))

    assert status(capsys, "--rpo-minutes", "120")[0] == 0


def test_status_counts_automated_snapshots_in_the_dr_region(aws: None, capsys: Any) -> None:
    dr_rds = cluster_create(DR)  # creating a cluster in moto takes an automated snapshot of it
    dr_rds.delete_db_cluster(DBClusterIdentifier=CLUSTER)

    code, out = status(capsys, "--json")

    assert code == 0
    newest = json.loads(out)["newest"]
    assert newest["kind"] == "snapshot-automated"
    assert newest["identifier"].startswith(f"rds:{CLUSTER}-")


def test_status_ignores_copies_of_other_clusters_and_picks_the_newest(
    aws: None, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_create("older")
    copy_create("other-cluster", cluster="habits-staging")
    copy_create("newer")

    code, out = status(capsys, "--json")

    report = json.loads(out)
    assert code == 0
    assert report["copies"] == 2
    assert report["newest"]["identifier"] == "newer-copy"


def test_restore_creates_a_serverless_v2_cluster_and_writer_from_the_newest_copy(
    aws: None, capsys: Any
) -> None:
    copy_create("older")
    newest = copy_create("newer")

    code, out = restore(capsys, "--min-acu", "0.5", "--max-acu", "8")

    assert code == 0
    rds = boto3.client("rds", region_name=DR)
    cluster = rds.describe_db_clusters(DBClusterIdentifier=TARGET)["DBClusters"][0]
    assert cluster["Engine"] == "aurora-postgresql"
    assert cluster["ServerlessV2ScalingConfiguration"] == {"MinCapacity": 0.5, "MaxCapacity": 8}
    assert {"Key": "restored-from", "Value": newest} in cluster["TagList"]
    # The functions connect with IAM tokens: without this every connection would be refused.
    assert cluster["IAMDatabaseAuthenticationEnabled"] is True
    assert cluster["MasterUserSecret"]["SecretArn"].startswith("arn:aws:secretsmanager:us-west-2")
    instance = rds.describe_db_instances(DBInstanceIdentifier=f"{TARGET}-writer")["DBInstances"][0]
    assert instance["DBInstanceClass"] == "db.serverless"
    assert instance["DBClusterIdentifier"] == TARGET
    assert f"writer endpoint: {cluster['Endpoint']}" in out
    assert f"--cluster {TARGET}" in out


def test_restore_of_a_named_snapshot(aws: None, capsys: Any) -> None:
    named = copy_create("older")
    copy_create("newer")

    code, out = restore(capsys, "--snapshot", "older-copy")

    assert code == 0
    assert "Restoring snapshot-manual older-copy" in out
    cluster = boto3.client("rds", region_name=DR).describe_db_clusters(DBClusterIdentifier=TARGET)[
        "DBClusters"
    ][0]
    assert {"Key": "restored-from", "Value": named} in cluster["TagList"]


def test_restore_of_an_unknown_snapshot_fails(aws: None, capsys: Any) -> None:
    copy_create("hourly-1")

    code = dr.main([*RESTORE, "--snapshot", "no-such-snapshot"])

    assert code == 1
    assert "no available cluster snapshot no-such-snapshot" in capsys.readouterr().err


def test_restore_without_any_copy_fails(aws: None, capsys: Any) -> None:
    code = dr.main(["restore", "--cluster", CLUSTER, "--dr-region", DR, "--target-cluster", TARGET])

    assert code == 1
    assert "no restorable copy of habits-production in us-west-2" in capsys.readouterr().err


def test_restore_again_reuses_the_cluster_and_the_instance(aws: None, capsys: Any) -> None:
    copy_create("hourly-1")
    assert restore(capsys)[0] == 0

    code, out = restore(capsys)

    assert code == 0
    assert f"Cluster {TARGET} already exists in {DR}: reusing it" in out
    assert f"Instance {TARGET}-writer already exists: reusing it" in out
    rds = boto3.client("rds", region_name=DR)
    assert [c["DBClusterIdentifier"] for c in rds.describe_db_clusters()["DBClusters"]] == [TARGET]
    assert len(rds.describe_db_instances()["DBInstances"]) == 1


def test_waiting_gives_up_after_the_timeout_with_what_to_do() -> None:
    args = argparse.Namespace(wait_timeout=0, poll_seconds=1)

    with pytest.raises(dr.RestoreError, match="run the same command again"):
        dr.resource_wait(
            "cluster x", lambda: {"Status": "creating"}, done=lambda _: False, args=args
        )


def test_usage_errors_exit_2(capsys: Any) -> None:
    with pytest.raises(SystemExit) as exit_info:
        dr.main(["restore", "--cluster", CLUSTER, "--dr-region", DR])

    assert exit_info.value.code == 2
    assert "--target-cluster" in capsys.readouterr().err


def test_aws_errors_exit_2(aws: None, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens: outside moto
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")

    code = dr.main(["status", "--cluster", CLUSTER, "--dr-region", DR])

    assert code == 2
    assert "error:" in capsys.readouterr().err


def test_restore_of_a_named_automated_snapshot_by_arn(aws: None, capsys: Any) -> None:
    copy_create("hourly-1")
    dr_rds = cluster_create(DR)
    dr_rds.delete_db_cluster(DBClusterIdentifier=CLUSTER)
    automated = dr_rds.describe_db_cluster_snapshots(SnapshotType="automated")["DBClusterSnapshots"]

    code, out = restore(capsys, "--snapshot", automated[0]["DBClusterSnapshotArn"])

    assert code == 0
    assert f"Restoring snapshot-automated {automated[0]['DBClusterSnapshotIdentifier']}" in out


def test_restore_applies_the_tls_parameter_group(aws: None, capsys: Any) -> None:
    rds = boto3.client("rds", region_name=DR)
    rds.create_db_cluster_parameter_group(
        DBClusterParameterGroupName="habits-dr-tls",
        DBParameterGroupFamily="aurora-postgresql16",
        Description="TLS required",
    )
    copy_create("only")

    code, _ = restore(capsys, "--parameter-group", "habits-dr-tls")

    assert code == 0
    cluster = rds.describe_db_clusters(DBClusterIdentifier=TARGET)["DBClusters"][0]
    assert cluster["DBClusterParameterGroup"] == "habits-dr-tls"
