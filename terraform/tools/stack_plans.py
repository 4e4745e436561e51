"""The stack's mocked plans as JSON: each environment's primary and its pilot light, offline.

    python3 terraform/tools/stack_plans.py --terraform terraform --out .build/stack-plans.json

Copies terraform/modules to a scratch folder, adds terraform/tools/plans/*.tftest.hcl to the stack as
its test directory, and runs `terraform test -json -verbose` there: with the mocked provider, each
run's plan comes out as JSON (its "test_plan" messages). Written as {run name: plan}; global_names.py
and operator_policy.py read it. Needs terraform and the provider (the filesystem mirror), no
credentials and no network. Exit status 0 when every run planned, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

PLANS_DIR = "plans"


def plans_read(lines: list[str]) -> tuple[dict[str, Any], list[str]]:
    """The test_plan messages of `terraform test -json -verbose`, by run, and the error messages."""
    plans: dict[str, Any] = {}
    errors: list[str] = []
    for line in lines:
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if message.get("type") == "test_plan":
            # What the checks read; the provider's schemas (most of each message) are left out.
            plan = message["test_plan"]
            plans[message["@testrun"]] = {k: plan.get(k, {}) for k in ("resource_changes", "output_changes")}
        elif message.get("type") == "diagnostic" and message["diagnostic"]["severity"] == "error":
            errors.append(f"{message.get('@testrun', '')}: {message['diagnostic']['summary']}")
        elif message.get("type") == "test_run" and message["test_run"].get("status") in {"fail", "error"}:
            errors.append(f"{message['@testrun']}: {message['test_run']['status']}")
    return plans, errors


def plans_make(terraform: Path, scratch: Path, tf: str = "terraform") -> dict[str, Any]:
    if scratch.exists():
        shutil.rmtree(scratch)
    shutil.copytree(
        terraform / "modules",
        scratch / "modules",
        ignore=shutil.ignore_patterns(".terraform", ".terraform.lock.hcl", "tests"),
    )
    stack = scratch / "modules" / "stack"
    shutil.copytree(terraform / "tools" / PLANS_DIR, stack / PLANS_DIR)
    subprocess.run(
        [tf, "init", "-backend=false", "-input=false", "-no-color"],
        cwd=stack,
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [tf, "test", "-no-color", "-json", "-verbose", f"-test-directory={PLANS_DIR}"],
        cwd=stack,
        capture_output=True,
        text=True,
        check=False,
    )
    plans, errors = plans_read(result.stdout.splitlines())
    if errors or result.returncode != 0:
        raise RuntimeError("terraform test failed: " + "; ".join(errors or [result.stderr[-2000:]]))
    return plans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--terraform", type=Path, default=Path("terraform"), help="terraform/ folder")
    parser.add_argument("--out", type=Path, default=Path(".build/stack-plans.json"), help="output")
    parser.add_argument("--tf", default="terraform", help="terraform binary")
    args = parser.parse_args(argv)
    scratch = args.out.parent / "stack-plans"
    try:
        plans = plans_make(args.terraform, scratch, args.tf)
    except (RuntimeError, subprocess.CalledProcessError) as error:
        print(f"stack plans: {error}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(plans))
    print(f"stack plans: {', '.join(sorted(plans))} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
