"""No account-wide name shared by an environment's primary and its pilot light.

    python3 terraform/tools/global_names.py .build/stack-plans.json

Reads the mocked plans of stack_plans.py. Some AWS names are unique in the whole account (IAM, S3,
CloudFront, a CLOUDFRONT-scope WAF web ACL, Route 53 records of the one hosted zone); the primary
(us-east-1) and the pilot light (us-west-2) are the same composition applied twice in one account, so
any such name planned by both would make the second apply fail, or worse, make both manage one
resource. Every resource type in the plans must be classified here as global (with the attributes that
make its name) or regional, so that a new type cannot slip past unexamined. Exit status 0 when no name
is shared, 1 otherwise (each shared name printed), 2 on an unclassified type or a missing plan.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

Values = dict[str, Any]


def _route53_record(v: Values) -> list[str]:
    # A name known only after the apply is made from a value AWS generates for that resource (SES's
    # DKIM tokens, one set per identity and region): it cannot be another stack's.
    if v.get("name") is None:
        return []
    return [f"{v.get('zone_id')} {v.get('name')} {v.get('type')} set={v.get('set_identifier')}"]


# Global types: what makes the name unique in the account.
GLOBAL: dict[str, Callable[[Values], list[str]]] = {
    "aws_iam_role": lambda v: [v["name"]],
    "aws_iam_policy": lambda v: [v["name"]],
    "aws_iam_instance_profile": lambda v: [v["name"]],
    "aws_iam_user": lambda v: [v["name"]],
    "aws_iam_group": lambda v: [v["name"]],
    "aws_s3_bucket": lambda v: [v["bucket"]],
    "aws_cloudfront_distribution": lambda v: list(v.get("aliases") or []),
    "aws_cloudfront_origin_access_control": lambda v: [v["name"]],
    "aws_cloudfront_function": lambda v: [v["name"]],
    "aws_cloudfront_cache_policy": lambda v: [v["name"]],
    "aws_cloudfront_origin_request_policy": lambda v: [v["name"]],
    "aws_cloudfront_response_headers_policy": lambda v: [v["name"]],
    "aws_wafv2_web_acl": lambda v: [v["name"]] if v.get("scope") == "CLOUDFRONT" else [],
    "aws_route53_record": _route53_record,
    "aws_route53_zone": lambda v: [v["name"]],
    "aws_route53_health_check": lambda v: [(v.get("tags") or {}).get("Name", "")],
}

# Named within a global resource (a role's inline policy, an attachment): unique when their parent is.
DERIVED = {"aws_iam_role_policy", "aws_iam_role_policy_attachment"}

# Regional types: the same name in two regions is two resources.
REGIONAL = {
    "aws_acm_certificate",
    "aws_acm_certificate_validation",
    "aws_apigatewayv2_api",
    "aws_apigatewayv2_api_mapping",
    "aws_apigatewayv2_domain_name",
    "aws_apigatewayv2_integration",
    "aws_apigatewayv2_route",
    "aws_apigatewayv2_stage",
    "aws_backup_plan",
    "aws_backup_selection",
    "aws_backup_vault",
    "aws_cloudwatch_dashboard",
    "aws_cloudwatch_event_rule",
    "aws_cloudwatch_event_target",
    "aws_cloudwatch_log_group",
    "aws_cloudwatch_metric_alarm",
    "aws_codebuild_project",
    "aws_codepipeline",
    "aws_codestarconnections_connection",
    "aws_db_subnet_group",
    "aws_default_security_group",
    "aws_ecr_lifecycle_policy",
    "aws_ecr_replication_configuration",
    "aws_ecr_repository_creation_template",
    "aws_ecr_repository",
    "aws_ecr_repository_policy",
    "aws_egress_only_internet_gateway",
    "aws_elasticache_serverless_cache",
    "aws_elasticache_user",
    "aws_elasticache_user_group",
    "aws_flow_log",
    "aws_kms_alias",
    "aws_kms_key",
    "aws_lambda_alias",
    "aws_lambda_function",
    "aws_lambda_permission",
    "aws_lambda_provisioned_concurrency_config",
    "aws_rds_cluster",
    "aws_rds_cluster_instance",
    "aws_rds_cluster_parameter_group",
    "aws_route",
    "aws_route_table",
    "aws_route_table_association",
    "aws_s3_bucket_cors_configuration",
    "aws_s3_bucket_lifecycle_configuration",
    "aws_s3_bucket_logging",
    "aws_s3_bucket_ownership_controls",
    "aws_s3_bucket_policy",
    "aws_s3_bucket_public_access_block",
    "aws_s3_bucket_replication_configuration",
    "aws_s3_bucket_server_side_encryption_configuration",
    "aws_s3_bucket_versioning",
    "aws_secretsmanager_secret",
    "aws_scheduler_schedule",
    "aws_secretsmanager_secret",
    "aws_secretsmanager_secret_version",
    "aws_security_group",
    "aws_sesv2_configuration_set",
    "aws_sesv2_configuration_set_event_destination",
    "aws_sesv2_email_identity",
    "aws_sesv2_email_identity_mail_from_attributes",
    "aws_sns_topic",
    "aws_sns_topic_policy",
    "aws_sns_topic_subscription",
    "aws_subnet",
    "aws_vpc",
    "aws_vpc_endpoint",
    "aws_vpc_security_group_egress_rule",
    "aws_vpc_security_group_ingress_rule",
    "aws_wafv2_web_acl_logging_configuration",
    "terraform_data",
}

# Environments and the runs of terraform/tools/plans for each (primary, pilot light).
PAIRS = {env: (f"{env}_primary", f"{env}_pilot_light") for env in ("staging", "production")}


class Unclassified(Exception):
    """A resource type that is in neither GLOBAL, DERIVED nor REGIONAL."""


def planned(plan: dict[str, Any]) -> Iterator[tuple[str, str, Values]]:
    """(address, type, planned values) of every managed resource the plan creates or keeps."""
    for change in plan.get("resource_changes", []):
        if change.get("mode") != "managed" or change["change"]["actions"] == ["delete"]:
            continue
        yield change["address"], change["type"], change["change"].get("after") or {}


def global_names(plan: dict[str, Any]) -> dict[str, str]:
    """{"<type> <name>": address} of every account-wide name the plan holds."""
    names: dict[str, str] = {}
    for address, kind, values in planned(plan):
        if kind in GLOBAL:
            for name in GLOBAL[kind](values):
                names[f"{kind} {name}"] = address
        elif kind not in DERIVED and kind not in REGIONAL:
            raise Unclassified(f"{address}: classify {kind} in terraform/tools/global_names.py")
    return names


def shared(plans: dict[str, Any]) -> list[str]:
    found = []
    for env, (primary, pilot_light) in PAIRS.items():
        ours, theirs = global_names(plans[primary]), global_names(plans[pilot_light])
        for name in sorted(set(ours) & set(theirs)):
            found.append(f"{env}: {name} (primary {ours[name]}, pilot light {theirs[name]})")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("plans", type=Path, help="output of stack_plans.py")
    args = parser.parse_args(argv)
    plans = json.loads(args.plans.read_text())
    missing = [run for pair in PAIRS.values() for run in pair if run not in plans]
    if missing:
        print(f"global names: no plan for {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        found = shared(plans)
    except Unclassified as error:
        print(f"global names: {error}", file=sys.stderr)
        return 2
    for name in found:
        print(f"shared account-wide name: {name}", file=sys.stderr)
    if found:
        print(f"global names: {len(found)} shared between a primary and its pilot light", file=sys.stderr)
        return 1
    counts = {env: len(global_names(plans[primary])) for env, (primary, _) in PAIRS.items()}
    print(f"global names: none shared between primary and pilot light ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
