"""cost_check.py on small Terraform trees made for each case, and on the repository's own."""

import contextlib
import io
import tempfile
import unittest
from pathlib import Path

import cost_check

REPOSITORY = Path(__file__).resolve().parents[2]


def tree(base: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return base


ROOT = """
module "stack" {
  source = "../modules/stack"
}
"""
STACK = """
module "network" {
  source = "../network"
}

resource "aws_kms_key" "this" {
  description = "main"
}
"""
NETWORK = """
resource "aws_vpc" "this" {
  cidr_block = "10.20.0.0/16"
}
"""
COUNTED = """
| line | monthly |
|---|---:|
| `module.stack.aws_kms_key.this` | 1.00 |
"""


class CostCheckTest(unittest.TestCase):
    def setUp(self) -> None:
        self.base = Path(tempfile.mkdtemp())
        self.files = {
            "terraform/environments/main.tf": ROOT,
            "terraform/modules/stack/main.tf": STACK,
            "terraform/modules/network/main.tf": NETWORK,
            "docs/COST.md": COUNTED,
        }

    def run_check(self) -> tuple[int, str]:
        tree(self.base, self.files)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = cost_check.main(
                [
                    "--terraform",
                    str(self.base / "terraform"),
                    "--cost-doc",
                    str(self.base / "docs/COST.md"),
                ]
            )
        return code, err.getvalue()

    def test_passes_when_every_billed_resource_is_counted(self) -> None:
        self.assertEqual(self.run_check(), (0, ""))

    def test_fails_on_an_uncounted_nat_gateway(self) -> None:
        self.files["terraform/modules/network/main.tf"] = NETWORK + (
            '\nresource "aws_nat_gateway" "this" {\n  subnet_id = "subnet-1"\n}\n'
        )

        code, err = self.run_check()

        self.assertEqual(code, 1)
        self.assertIn("module.stack.module.network.aws_nat_gateway.this (per hour", err)
        self.assertIn("main.tf:6:", err)

    def test_fails_on_a_counted_resource_that_is_gone(self) -> None:
        self.files["docs/COST.md"] = COUNTED + "| `module.stack.aws_eip.nat` | 3.65 |\n"

        code, err = self.run_check()

        self.assertEqual(code, 1)
        self.assertIn("`module.stack.aws_eip.nat` is counted but no longer declared", err)

    def test_ignores_commented_out_resources_and_usage_only_types(self) -> None:
        self.files["terraform/modules/network/main.tf"] = NETWORK + (
            '# resource "aws_nat_gateway" "old" {\n'
            'resource "aws_lambda_function" "this" {\n  function_name = "f"\n}\n'
        )

        self.assertEqual(self.run_check(), (0, ""))

    def test_the_repository_counts_every_billed_resource(self) -> None:
        found = cost_check.problems(REPOSITORY / "terraform", REPOSITORY / "docs/COST.md")

        self.assertEqual(found, [])


class StateLockingTest(unittest.TestCase):
    """The state is locked with S3's lock file, nowhere with a DynamoDB table."""

    def test_backend_uses_the_s3_lock_file(self) -> None:
        versions = (REPOSITORY / "terraform/environments/versions.tf").read_text()

        self.assertRegex(versions, r'backend "s3" \{[^}]*use_lockfile\s*=\s*true')

    def test_no_dynamodb_lock_table_anywhere(self) -> None:
        places = [
            *REPOSITORY.glob("terraform/environments/**/*.tf"),
            *REPOSITORY.glob("terraform/environments/*/*.example"),
            *REPOSITORY.glob("buildspec/*"),
        ]
        for path in places:
            with self.subTest(path=path):
                self.assertNotIn("dynamodb_table", path.read_text())


if __name__ == "__main__":
    unittest.main()
