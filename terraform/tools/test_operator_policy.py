"""operator_policy.py on a small plan: written, matched, and a drift caught."""

import contextlib
import io
import json
import tempfile
import unittest
from pathlib import Path

import operator_policy

POLICY = {"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": ["rds:DescribeDBClusters"], "Resource": "*"}]}


def plans(policy: dict) -> dict:
    change = {"address": operator_policy.ADDRESS, "change": {"after": {"policy": json.dumps(policy)}}}
    return {operator_policy.RUN: {"resource_changes": [change]}}


class OperatorPolicyTest(unittest.TestCase):
    def setUp(self) -> None:
        self.scratch = tempfile.TemporaryDirectory()
        self.addCleanup(self.scratch.cleanup)
        self.plans = Path(self.scratch.name) / "plans.json"
        self.file = Path(self.scratch.name) / "operator_policy.json"

    def main(self, *args: str) -> int:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            return operator_policy.main([str(self.plans), *args])

    def test_written_then_matched(self) -> None:
        self.plans.write_text(json.dumps(plans(POLICY)))

        self.assertEqual(self.main("--write", str(self.file)), 0)
        self.assertEqual(json.loads(self.file.read_text())["policy"], POLICY)
        self.assertEqual(self.main("--check", str(self.file)), 0)

    def test_a_policy_changed_in_terraform_fails_the_check(self) -> None:
        self.plans.write_text(json.dumps(plans(POLICY)))
        self.main("--write", str(self.file))
        widened = {**POLICY, "Statement": [*POLICY["Statement"], {"Sid": "B", "Effect": "Allow", "Action": ["iam:PassRole"], "Resource": "*"}]}
        self.plans.write_text(json.dumps(plans(widened)))

        self.assertEqual(self.main("--check", str(self.file)), 1)

    def test_no_policy_in_the_plan(self) -> None:
        self.plans.write_text(json.dumps({operator_policy.RUN: {"resource_changes": []}}))

        self.assertEqual(self.main("--check", str(self.file)), 2)


if __name__ == "__main__":
    unittest.main()
