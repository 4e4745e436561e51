"""The drill behind `make dr-drill`: moto behind the region gate, the seed, the runbook."""

from typing import Any

import pytest

from ops import drill


@pytest.fixture(autouse=True)
def environment_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    # the drill points os.environ at moto; monkeypatch puts every variable it touches back
    for name in [*drill.FAKE_ENVIRONMENT, "AWS_ENDPOINT_URL", "AWS_CONFIG_FILE"]:
        monkeypatch.setenv(name, "before")


def test_the_runbook_restores_service_in_us_west_2_with_us_east_1_down(capsys: Any) -> None:
    assert drill.drill_run([]) == 0

    out = capsys.readouterr().out
    assert "us-east-1 is DOWN: every request signed for it is refused" in out
    assert "$ python -m ops.dr restore --cluster habits-production --dr-region us-west-2" in out
    assert "$ python -m ops.dr open --stack habits-production --region us-west-2" in out
    assert out.count("-- ok in") == len(drill.FAILOVER) + len(drill.FAILBACK)
    assert "RPO: 40 min" in out
    assert "RTO: 145 min" in out
    assert "Requests refused while us-east-1 was down: 0" in out


def test_a_step_that_calls_us_east_1_fails_the_drill(capsys: Any) -> None:
    planted = drill.Step(
        "planted: the copies in us-east-1",
        "python -m ops.dr status --cluster habits-production --dr-region us-east-1",
        1,
        "planted",
    )

    assert drill.drill_run([], failover=[drill.FAILOVER[0], planted], failback=[]) == 1

    captured = capsys.readouterr()
    assert "!! refused (region down): backup in us-east-1" in captured.err
    assert "DR drill FAILED" in captured.err
    assert "planted: the copies in us-east-1" in captured.err


def test_the_gate_reads_the_region_a_request_is_signed_for() -> None:
    signed = {
        "Authorization": "AWS4-HMAC-SHA256 Credential=AKIA/20261202/us-east-1/iam/aws4_request, ..."
    }
    presigned = "/?X-Amz-Credential=AKIA%2F20261202%2Fus-west-2%2Frds%2Faws4_request&X-Amz-Date=1"

    assert drill.credential_scope(signed, "/") == ("us-east-1", "iam")
    assert drill.credential_scope({}, presigned) == ("us-west-2", "rds")
