"""The CodeBuild specs hold no logic: every command is `make <target>` (or an echo).

Every target they name must exist in one of the project's Makefiles.
"""

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
SPECS = ["terraform.yml", "backend.yml", "frontend.yml"]
MAKEFILES = [
    "Makefile",
    "backend/*.mk",
    "frontend/*.mk",
    "terraform/*.mk",
    "buildspec/*.mk",
    "backend/ops/*.mk",
    "backend/tooling/*.mk",
]
MAKE_COMMAND = re.compile(r"make(?P<targets>( [a-z0-9][a-z0-9-]*)+)")
ECHO_COMMAND = re.compile(r'echo "[^"`]*"')
TARGET_LINE = re.compile(r"^(?P<names>[A-Za-z0-9_.-]+( [A-Za-z0-9_.-]+)*)\s*:(?!=)", re.MULTILINE)


def spec_load(name: str) -> dict[str, Any]:
    loaded = yaml.safe_load((ROOT / "buildspec" / name).read_text())
    assert isinstance(loaded, dict)
    return loaded


def spec_commands(spec: dict[str, Any]) -> list[str]:
    return [
        command
        for phase in spec["phases"].values()
        for command in phase.get("commands", []) + phase.get("finally", [])
    ]


def make_targets() -> set[str]:
    targets: set[str] = set()
    for pattern in MAKEFILES:
        for makefile in ROOT.glob(pattern):
            for match in TARGET_LINE.finditer(makefile.read_text()):
                targets.update(match["names"].split())
    return targets


@pytest.mark.parametrize("name", SPECS)
def test_spec_is_a_codebuild_0_2_spec(name: str) -> None:
    spec = spec_load(name)

    assert str(spec["version"]) == "0.2"
    assert set(spec["phases"]) <= {"install", "pre_build", "build", "post_build"}
    assert spec_commands(spec)


@pytest.mark.parametrize("name", SPECS)
def test_every_command_is_a_make_target_or_an_echo(name: str) -> None:
    for command in spec_commands(spec_load(name)):
        assert MAKE_COMMAND.fullmatch(command) or ECHO_COMMAND.fullmatch(command), command


@pytest.mark.parametrize("name", SPECS)
def test_every_make_target_exists(name: str) -> None:
    defined = make_targets()
    named = {
        target
        for command in spec_commands(spec_load(name))
        if (match := MAKE_COMMAND.fullmatch(command))
        for target in match["targets"].split()
    }

    assert named - defined == set()


def test_the_pipeline_steps_are_there() -> None:
    commands = {name: spec_commands(spec_load(name)) for name in SPECS}

    assert "make tf-pipeline" in commands["terraform.yml"]
    # Migrations (in their own function) before the live alias moves; then the deep smoke test.
    assert commands["backend.yml"][-4:] == [
        "make deploy-image",
        "make deploy-migrate",
        "make deploy-lambda",
        "make deploy-smoke",
    ]
    assert commands["frontend.yml"][-3:] == [
        "make frontend-build",
        "make deploy-frontend",
        "make deploy-invalidate",
    ]


def test_the_terraform_pipeline_plans_with_checks_and_applies_the_saved_plan() -> None:
    deploy_mk = (ROOT / "buildspec" / "deploy.mk").read_text()

    assert "TF_PIPELINE_plan := tf-fmt tf-validate tf-test cost tf-plan" in deploy_mk
    assert "TF_PIPELINE_apply := tf-apply" in deploy_mk
    assert spec_load("terraform.yml")["env"]["variables"]["ACTION"] == "plan"
    assert {"tf-fmt", "tf-validate", "tf-test", "cost", "tf-plan", "tf-apply"} <= make_targets()
