"""The image's dependency install keeps what the product calls: install-runtime.sh prunes every
botocore service model but a few, so a client for a pruned service would fail only in AWS."""

from __future__ import annotations

import ast
import re
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[2]
PRODUCT = ("accounts", "config", "core", "habits", "outbox")
CLIENT = re.compile(r"""\.client\(\s*["']([a-z0-9-]+)["']""")


def kept_services() -> set[str]:
    script = (BACKEND / "requirements" / "install-runtime.sh").read_text()
    found = re.search(r"^KEEP_SERVICES = (\{.*\})$", script, re.MULTILINE)
    assert found, "install-runtime.sh no longer names KEEP_SERVICES"
    return set(ast.literal_eval(found.group(1)))


def services_the_product_calls() -> set[str]:
    called: set[str] = set()
    for package in PRODUCT:
        for path in (BACKEND / package).rglob("*.py"):
            if "tests" not in path.parts:
                called |= set(CLIENT.findall(path.read_text()))
    return called


def test_every_aws_client_the_product_makes_keeps_its_service_model() -> None:
    called = services_the_product_calls()
    assert {"secretsmanager", "sesv2"} <= called
    assert called <= kept_services()
