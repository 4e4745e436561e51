"""Every resource the Terraform declares that AWS bills by the hour or the month must be counted in
docs/COST.md, by its address; and every address COST.md names must still be declared.

    python3 terraform/tools/cost_check.py [--terraform terraform] [--cost-doc docs/COST.md]

The Terraform is read as text (stdlib only, no provider, no credentials): from the root configuration
(terraform/environments) each `module` call is followed to its source, giving every resource its
address as `terraform state list` prints it, without count/for_each keys, e.g.
module.stack.module.cache.aws_elasticache_serverless_cache.this. COST.md counts a resource by naming
that address in backquotes. Exit status 0 when both directions hold, 1 otherwise, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

# Resource types with a charge for merely existing (per hour, per month, or a monthly floor).
# Usage-only services (Lambda, API Gateway, S3, CloudFront, SNS, ...) are priced per request in COST.md
# but cannot make an idle environment expensive by being declared, so they are not listed here.
BILLED_TYPES: dict[str, str] = {
    "aws_nat_gateway": "per hour, plus per GB processed",
    "aws_eip": "public IPv4 address, per hour",
    "aws_vpc_endpoint": "interface endpoint, per hour and availability zone",
    "aws_lb": "load balancer, per hour",
    "aws_alb": "load balancer, per hour",
    "aws_instance": "EC2 instance, per hour",
    "aws_db_instance": "RDS instance, per hour",
    "aws_rds_cluster": "Aurora storage and backups, per GB-month",
    "aws_rds_cluster_instance": "Aurora instance, per hour (Serverless v2: its ACU floor)",
    "aws_db_proxy": "RDS Proxy, per hour",
    "aws_elasticache_serverless_cache": "ElastiCache Serverless, data stored per GB-hour (engine minimum)",
    "aws_elasticache_cluster": "ElastiCache node, per hour",
    "aws_elasticache_replication_group": "ElastiCache nodes, per hour",
    "aws_kms_key": "customer managed key, per month",
    "aws_secretsmanager_secret": "secret, per month",
    "aws_route53_zone": "hosted zone, per month",
    "aws_route53_health_check": "health check, per month",
    "aws_wafv2_web_acl": "web ACL and each rule or rule group, per month",
    "aws_wafv2_rule_group": "rule group, per month",
    "aws_cloudwatch_metric_alarm": "alarm, per month",
    "aws_cloudwatch_composite_alarm": "composite alarm, per month",
    "aws_cloudwatch_dashboard": "dashboard, per month",
    "aws_lambda_provisioned_concurrency_config": "provisioned concurrency, per GB-second while configured",
    "aws_backup_vault": "recovery points stored, per GB-month",
    "aws_backup_plan": "recovery points taken and copied, per GB",
    "aws_ecr_repository": "images stored, per GB-month",
    "aws_ecr_replication_configuration": "every image stored again in the destination region, per GB-month",
    "aws_s3_bucket_replication_configuration": "objects stored again in the destination, per GB-month, and transfer",
    "aws_dynamodb_table": "provisioned capacity or storage, per month",
    "aws_kinesis_stream": "shards, per hour",
    "aws_ec2_transit_gateway": "per hour and attachment",
    "aws_globalaccelerator_accelerator": "per hour",
    "aws_networkfirewall_firewall": "per hour and availability zone",
    "aws_vpn_connection": "per hour",
    "aws_ec2_client_vpn_endpoint": "per hour and association",
    "aws_acmpca_certificate_authority": "private CA, per month",
    "aws_shield_protection": "Shield Advanced, per month",
    "aws_opensearch_domain": "instances, per hour",
    "aws_msk_cluster": "brokers, per hour",
    "aws_ecs_service": "tasks, per hour",
    "aws_eks_cluster": "control plane, per hour",
}

ROOT_DIR = Path("environments")
RESOURCE = re.compile(r'^resource\s+"(?P<type>[\w-]+)"\s+"(?P<name>[\w-]+)"\s*\{', re.MULTILINE)
MODULE = re.compile(r'^module\s+"(?P<name>[\w-]+)"\s*\{(?P<body>.*?)^\}', re.MULTILINE | re.DOTALL)
SOURCE = re.compile(r'^\s*source\s*=\s*"(?P<source>[^"]+)"', re.MULTILINE)
ADDRESS = re.compile(r"`(?P<address>(?:module\.[\w-]+\.)*aws_[\w-]+\.[\w-]+)`")


@dataclass(frozen=True)
class Declared:
    address: str
    type: str
    file: Path
    line: int


def uncommented(text: str) -> str:
    """The text with # and // comments blanked (line numbers kept)."""
    return re.sub(r"(?m)^\s*(#|//).*$", "", text)


def declared(terraform: Path, directory: Path | None = None, prefix: str = "") -> list[Declared]:
    """Every resource reachable from the root configuration, with its address."""
    directory = directory or terraform / ROOT_DIR
    found: list[Declared] = []
    for path in sorted(directory.glob("*.tf")):
        text = uncommented(path.read_text())
        for match in RESOURCE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            address = f"{prefix}{match['type']}.{match['name']}"
            found.append(Declared(address, match["type"], path, line))
        for module in MODULE.finditer(text):
            source = SOURCE.search(module["body"])
            if source and source["source"].startswith("."):
                child = (directory / source["source"]).resolve()
                found += declared(terraform, child, f"{prefix}module.{module['name']}.")
    return found


def counted(cost_doc: Path) -> set[str]:
    return {match["address"] for match in ADDRESS.finditer(cost_doc.read_text())}


def problems(terraform: Path, cost_doc: Path) -> list[str]:
    resources = declared(terraform)
    addresses = {r.address for r in resources}
    in_doc = counted(cost_doc)
    found = [
        f"{os.path.relpath(r.file)}:{r.line}: {r.address} ({BILLED_TYPES[r.type]}) is not counted in {cost_doc}"
        for r in resources
        if r.type in BILLED_TYPES and r.address not in in_doc
    ]
    found += [
        f"{cost_doc}: `{address}` is counted but no longer declared in {terraform}"
        for address in sorted(in_doc - addresses)
    ]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--terraform", type=Path, default=Path("terraform"), help="terraform/ folder")
    parser.add_argument("--cost-doc", type=Path, default=Path("docs/COST.md"), help="COST.md")
    args = parser.parse_args(argv)
    if not (args.terraform / ROOT_DIR).is_dir() or not args.cost_doc.is_file():
        print(f"need {args.terraform / ROOT_DIR} and {args.cost_doc}", file=sys.stderr)
        return 2
    found = problems(args.terraform, args.cost_doc)
    for problem in found:
        print(problem, file=sys.stderr)
    billed = [r for r in declared(args.terraform) if r.type in BILLED_TYPES]
    if found:
        print(f"cost check failed: {len(found)} problem(s); see docs/COST.md", file=sys.stderr)
        return 1
    print(f"cost check: {len(billed)} billed resources declared, each counted in {args.cost_doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
