"""The DR operator role can run every step of the runbook, and can do nothing else.

The runbook's steps (ops.drill.FAILOVER and FAILBACK, the commands docs/RUNBOOK_DR.md prints) run
here in-process against moto, seeded as the drill seeds it. A botocore event hook
(before-parameter-build) on every client the `ops` CLIs make records each call as the IAM action it
needs and the region it goes to. Each must be allowed by the operator role's policy as Terraform
renders it (backend/ops/operator_policy.json, kept equal to the mocked plan by `make tf-dr-check`),
and every action the policy allows must be one the runbook uses or one AWS uses on the caller's
behalf (IMPLIED, each with its reason). The same hook shows that no failover step calls us-east-1,
the drill's region-down gate in miniature.
"""

import fnmatch
import importlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from ops import aws, drill, fakes
from ops.tests.conftest import FAKE_AWS

POLICY = json.loads((Path(__file__).resolve().parents[1] / "operator_policy.json").read_text())[
    "policy"
]

# Allowed without being called by the runbook: AWS makes these calls with the caller's permissions.
IMPLIED = {
    "secretsmanager:CreateSecret": "RDS creates the restored cluster's master user secret",
    "secretsmanager:TagResource": "RDS tags that secret",
    "kms:CreateGrant": "RDS, ElastiCache, Secrets Manager, Lambda use the keys (kms:ViaService)",
    "kms:Decrypt": "the same, reading",
    "kms:GenerateDataKey": "the same, writing",
    "ecr:BatchGetImage": "Lambda checks that the caller may pull the image of UpdateFunctionCode",
    "ecr:GetDownloadUrlForLayer": "the same",
    "rds:AddTagsToResource": "RestoreDBClusterFromSnapshot Tags, CopyDBClusterSnapshot CopyTags",
    "iam:PassRole": "UpdateSchedule hands EventBridge Scheduler its role (iam:PassedToService)",
}
# Where a botocore operation's name is not its IAM action's.
ACTION_NAMES = {("lambda", "Invoke"): "InvokeFunction"}


@dataclass(frozen=True)
class Call:
    action: str
    region: str
    params: tuple[tuple[str, str], ...]

    def param(self, name: str) -> str | None:
        return dict(self.params).get(name)


def iam_action(service_id: str, operation: str) -> str:
    prefix = service_id.lower().replace(" ", "")
    return f"{prefix}:{ACTION_NAMES.get((prefix, operation), operation)}"


class Recorder:
    def __init__(self) -> None:
        self.calls: list[Call] = []

    def client(self, service: str, *, region: str | None = None, config: Any = None) -> Any:
        made = boto3.client(service, region_name=region, config=config)  # type: ignore[call-overload]
        made.meta.events.register("before-parameter-build", self.hook(made))
        return made

    def hook(self, made: Any) -> Any:
        def record(model: Any, params: dict[str, Any], **_: Any) -> None:
            action = iam_action(made.meta.service_model.service_id, model.name)
            scalars = tuple((k, str(v)) for k, v in params.items() if isinstance(v, str))
            self.calls.append(Call(action, made.meta.region_name, scalars))

        return record


def statement_regions(statement: dict[str, Any]) -> set[str] | None:
    """Regions a statement covers: its aws:RequestedRegion, or its resources' (None: any)."""
    condition = statement.get("Condition", {}).get("StringEquals", {})
    if "aws:RequestedRegion" in condition:
        return set(condition["aws:RequestedRegion"])
    resources = (
        statement["Resource"]
        if isinstance(statement["Resource"], list)
        else [statement["Resource"]]
    )
    regions = {r.split(":")[3] for r in resources if r.startswith("arn:")}
    return None if "" in regions or not regions else regions


def allows(statement: dict[str, Any], call: Call, *, via_service: bool = False) -> bool:
    actions = (
        statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
    )
    if statement["Effect"] != "Allow" or not any(
        fnmatch.fnmatchcase(call.action.lower(), a.lower()) for a in actions
    ):
        return False
    regions = statement_regions(statement)
    if regions is not None and call.region not in regions:
        return False
    condition = statement.get("Condition", {}).get("StringEquals", {})
    if "kms:ViaService" in condition and not via_service:
        return False  # only AWS services calling on the caller's behalf, never a direct call
    alias = condition.get("kms:RequestAlias")
    return alias is None or call.param("KeyId") == alias


def refused(policy: dict[str, Any], calls: list[Call]) -> list[str]:
    return sorted(
        {
            f"{c.action} in {c.region}"
            for c in calls
            if not any(allows(s, c) for s in policy["Statement"])
        }
    )


def unused(policy: dict[str, Any], calls: list[Call]) -> list[str]:
    used = {call.action for call in calls} | set(IMPLIED)
    allowed = {a for s in policy["Statement"] if s["Effect"] == "Allow" for a in s["Action"]}
    return sorted(allowed - used)


def steps_run(steps: list[drill.Step]) -> None:
    for step in steps:
        module = importlib.import_module(step.argv[2])
        assert module.main(step.argv[3:]) == 0, step.title


@pytest.fixture(scope="module")
def runbook() -> Iterator[tuple[list[Call], list[Call]]]:
    """The calls of the failover (us-east-1 down) and of the way back, as the drill runs them."""
    fakes.install()
    with pytest.MonkeyPatch.context() as patch, mock_aws(config={"lambda": {"use_docker": False}}):
        for name, value in FAKE_AWS.items():
            patch.setenv(name, value)
        patch.delenv("AWS_ENDPOINT_URL", raising=False)
        drill.world_seed(timedelta(minutes=40))
        drill.migrations_queue()
        recorder = Recorder()
        patch.setattr(aws, "client", recorder.client)
        patch.setattr("time.sleep", lambda seconds: None)
        steps_run(drill.FAILOVER)
        failover = list(recorder.calls)
        drill.migrations_queue()
        steps_run(drill.FAILBACK)
        yield failover, recorder.calls[len(failover) :]


def test_every_call_of_the_runbook_is_allowed(runbook: tuple[list[Call], list[Call]]) -> None:
    failover, back = runbook

    assert len(failover) > 20
    assert len(back) > 20
    assert refused(POLICY, failover + back) == []


@pytest.mark.parametrize("action", sorted(IMPLIED))
@pytest.mark.parametrize("region", ["us-west-2", "us-east-1"])
def test_what_aws_does_on_the_callers_behalf_is_allowed(action: str, region: str) -> None:
    call = Call(action, region, ())

    assert any(allows(s, call, via_service=True) for s in POLICY["Statement"]), IMPLIED[action]


def test_the_policy_allows_nothing_the_runbook_does_not_use(
    runbook: tuple[list[Call], list[Call]],
) -> None:
    failover, back = runbook

    assert unused(POLICY, failover + back) == []


def test_no_failover_step_calls_us_east_1(runbook: tuple[list[Call], list[Call]]) -> None:
    failover, back = runbook

    assert {call.region for call in failover} == {"us-west-2"}
    assert "us-east-1" in {call.region for call in back}


def test_a_planted_gap_in_the_policy_is_found(runbook: tuple[list[Call], list[Call]]) -> None:
    failover, back = runbook
    without_the_switch = {
        **POLICY,
        "Statement": [s for s in POLICY["Statement"] if s["Sid"] != "FlipTheFailoverSwitch"],
    }

    assert refused(without_the_switch, failover + back) == [
        "cloudwatch:PutMetricAlarm in us-west-2",
        "cloudwatch:SetAlarmState in us-west-2",
    ]


def test_a_planted_extra_permission_is_found(runbook: tuple[list[Call], list[Call]]) -> None:
    failover, back = runbook
    wider = {
        **POLICY,
        "Statement": [
            *POLICY["Statement"],
            {"Effect": "Allow", "Action": ["iam:CreateRole"], "Resource": "*"},
        ],
    }

    assert unused(wider, failover + back) == ["iam:CreateRole"]
