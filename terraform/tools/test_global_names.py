"""global_names.py on small plans made for each case: a planted collision, a new type, none shared."""

import contextlib
import io
import json
import tempfile
import unittest
from pathlib import Path
from typing import Any

import global_names


def change(address: str, kind: str, **after: Any) -> dict[str, Any]:
    return {"address": address, "mode": "managed", "type": kind, "change": {"actions": ["create"], "after": after}}


def plans(primary: list[dict[str, Any]], pilot_light: list[dict[str, Any]]) -> dict[str, Any]:
    made = {}
    for env in ("staging", "production"):
        made[f"{env}_primary"] = {"resource_changes": primary}
        made[f"{env}_pilot_light"] = {"resource_changes": pilot_light}
    return made


PRIMARY = [
    change("module.stack.module.backend.aws_iam_role.api", "aws_iam_role", name="habits-production-api-lambda"),
    change("module.stack.module.backend.aws_lambda_function.this", "aws_lambda_function", function_name="habits-production-api"),
    change(
        "module.stack.module.backend.aws_route53_record.origin",
        "aws_route53_record",
        zone_id="Z1",
        name="api-origin.habits.example.com",
        type="A",
        set_identifier="habits-production-primary",
    ),
]
PILOT_LIGHT = [
    change("module.stack.module.backend.aws_iam_role.api", "aws_iam_role", name="habits-production-usw2-api-lambda"),
    change("module.stack.module.backend.aws_lambda_function.this", "aws_lambda_function", function_name="habits-production-api"),
    change(
        "module.stack.module.backend.aws_route53_record.origin",
        "aws_route53_record",
        zone_id="Z1",
        name="api-origin.habits.example.com",
        type="A",
        set_identifier="habits-production-secondary",
    ),
]


def run(made: dict[str, Any]) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "plans.json"
        path.write_text(json.dumps(made))
        errors = io.StringIO()
        with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
            code = global_names.main([str(path)])
    return code, errors.getvalue()


class GlobalNamesTest(unittest.TestCase):
    def test_regional_names_may_repeat_and_global_ones_differ(self) -> None:
        self.assertEqual(run(plans(PRIMARY, PILOT_LIGHT)), (0, ""))

    def test_a_planted_collision_fails(self) -> None:
        planted = [*PILOT_LIGHT, change("module.stack.aws_iam_policy.permissions_boundary", "aws_iam_policy", name="habits-production-permissions-boundary")]
        primary = [*PRIMARY, change("module.stack.aws_iam_policy.permissions_boundary", "aws_iam_policy", name="habits-production-permissions-boundary")]

        code, errors = run(plans(primary, planted))

        self.assertEqual(code, 1)
        self.assertIn("production: aws_iam_policy habits-production-permissions-boundary", errors)

    def test_the_same_failover_record_twice_fails(self) -> None:
        code, errors = run(plans(PRIMARY, [*PILOT_LIGHT[:2], PRIMARY[2]]))

        self.assertEqual(code, 1)
        self.assertIn("aws_route53_record Z1 api-origin.habits.example.com A set=habits-production-primary", errors)

    def test_a_type_nobody_classified_stops_the_check(self) -> None:
        code, errors = run(plans(PRIMARY, [*PILOT_LIGHT, change("aws_shield_protection.this", "aws_shield_protection", name="x")]))

        self.assertEqual(code, 2)
        self.assertIn("classify aws_shield_protection", errors)

    def test_cloudfront_scope_web_acls_are_global_regional_ones_not(self) -> None:
        acl = {"name": "habits-production"}
        self.assertEqual(global_names.global_names({"resource_changes": [change("a", "aws_wafv2_web_acl", scope="REGIONAL", **acl)]}), {})
        self.assertEqual(list(global_names.global_names({"resource_changes": [change("a", "aws_wafv2_web_acl", scope="CLOUDFRONT", **acl)]})), ["aws_wafv2_web_acl habits-production"])

    def test_a_record_named_only_after_the_apply_is_not_compared_but_a_known_name_is(self) -> None:
        dkim = change("module.mail.aws_route53_record.dkim[0]", "aws_route53_record", zone_id="Z1", type="CNAME", name=None)
        dmarc = change("module.mail.aws_route53_record.dmarc[0]", "aws_route53_record", zone_id="Z1", type="TXT", name="_dmarc.habits.example.com")
        self.assertEqual(run(plans([*PRIMARY, dkim], [*PILOT_LIGHT, dkim])), (0, ""))
        code, errors = run(plans([*PRIMARY, dmarc], [*PILOT_LIGHT, dmarc]))
        self.assertEqual(code, 1)
        self.assertIn("_dmarc.habits.example.com TXT", errors)


if __name__ == "__main__":
    unittest.main()
