"""The DR operator role's policy as Terraform renders it, for the backend's permission test.

    python3 terraform/tools/operator_policy.py .build/stack-plans.json --check backend/ops/operator_policy.json
    python3 terraform/tools/operator_policy.py .build/stack-plans.json --write backend/ops/operator_policy.json

Takes the role's inline policy from production's mocked plan (stack_plans.py) and compares it with,
or writes it to, the JSON file that backend/ops/tests/test_operator_permissions.py checks the
runbook's calls against. So a change to the policy in Terraform that the file does not have fails
`make tf-dr-check` until the file is rewritten, and the backend test then judges the new policy.
Exit status 0 when the file matches (or was written), 1 when it differs, 2 when the plan has no policy.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

RUN = "production_primary"
ADDRESS = "module.iam[0].aws_iam_role_policy.this"


def policy(plans: dict[str, Any]) -> dict[str, Any]:
    for change in plans[RUN]["resource_changes"]:
        if change["address"] == ADDRESS:
            rendered: dict[str, Any] = json.loads(change["change"]["after"]["policy"])
            return rendered
    raise KeyError(f"{ADDRESS} is not in the {RUN} plan")


def document(rendered: dict[str, Any]) -> str:
    return json.dumps({"source": f"{ADDRESS} in {RUN} (mocked plan)", "policy": rendered}, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("plans", type=Path, help="output of stack_plans.py")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--check", type=Path, help="fail when this file differs from the plan's policy")
    action.add_argument("--write", type=Path, help="write the plan's policy to this file")
    args = parser.parse_args(argv)
    try:
        rendered = document(policy(json.loads(args.plans.read_text())))
    except KeyError as error:
        print(f"operator policy: {error}", file=sys.stderr)
        return 2
    if args.write:
        args.write.write_text(rendered)
        print(f"operator policy: written to {args.write}")
        return 0
    if not args.check.is_file() or args.check.read_text() != rendered:
        print(
            f"operator policy: {args.check} differs from the policy Terraform renders; run "
            f"python3 terraform/tools/operator_policy.py {args.plans} --write {args.check}",
            file=sys.stderr,
        )
        return 1
    print(f"operator policy: {args.check} is the policy Terraform renders")
    return 0


if __name__ == "__main__":
    sys.exit(main())
