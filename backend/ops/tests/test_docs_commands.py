"""The operator docs' commands work as written.

Every `python -m ops.dr` / `python -m ops.deploy` command in them parses with the CLI as it is,
every `make` target they name exists, and the runbook's steps are the ones the drill runs.
"""

import re
import shlex
from pathlib import Path

import pytest

from ops import deploy, dr, drill
from ops.tests.test_buildspecs import make_targets

ROOT = Path(__file__).resolve().parents[3]
DOCS = ["docs/RUNBOOK_DR.md", "docs/DEPLOY.md"]
PARSERS = {"dr": dr.parser_build, "deploy": deploy.parser_build}
OPS_COMMAND = re.compile(r"python -m ops\.(?P<cli>dr|deploy)\b(?P<args>[^`\n]*)")
MAKE_COMMAND = re.compile(r"(?:^|`)\s*make (?P<words>[^`\n]*)", re.MULTILINE)
PLACEHOLDER = re.compile(r"<[A-Z0-9_]+>")


def doc_text(name: str) -> str:
    """The document with shell line continuations joined."""
    return re.sub(r"\\\n\s*", " ", (ROOT / name).read_text())


def ops_commands(name: str) -> list[tuple[str, list[str]]]:
    commands = []
    for match in OPS_COMMAND.finditer(doc_text(name)):
        if not match["args"].strip():
            continue  # the module named in prose, not a command
        words = shlex.split(PLACEHOLDER.sub("X", match["args"]))
        if ">" in words:
            words = words[: words.index(">")]
        commands.append((match["cli"], words))
    return commands


@pytest.mark.parametrize("name", DOCS)
def test_every_ops_command_in_the_doc_parses(name: str) -> None:
    commands = ops_commands(name)

    assert len(commands) >= 5
    for cli, words in commands:
        try:
            PARSERS[cli]().parse_args(words)
        except SystemExit as error:
            pytest.fail(f"python -m ops.{cli} {shlex.join(words)} does not parse ({error})")


def test_the_runbook_uses_the_dr_commands() -> None:
    used = {(cli, words[0]) for cli, words in ops_commands("docs/RUNBOOK_DR.md")}

    commands = [
        "status",
        "restore",
        "cache",
        "point",
        "open",
        "close",
        "freeze",
        "snapshot",
        "reset",
    ]
    assert {("dr", command) for command in commands} | {("deploy", "smoke")} <= used


@pytest.mark.parametrize("step", [*drill.FAILOVER, *drill.FAILBACK], ids=lambda step: step.title)
def test_the_drill_runs_the_runbook_as_written(step: drill.Step) -> None:
    assert step.command in doc_text("docs/RUNBOOK_DR.md")


def test_the_runbook_has_no_step_the_drill_skips() -> None:
    drilled = {step.command for step in [*drill.FAILOVER, *drill.FAILBACK]}
    runbook = {
        f"python -m ops.{cli} {shlex.join(words)}".replace("'", '"')
        for cli, words in ops_commands("docs/RUNBOOK_DR.md")
    }
    not_drilled = {command for command in runbook if command not in drilled}

    # The check of the real site: no site in the drill.
    assert not_drilled == {
        "python -m ops.deploy smoke --url https://habits.example.com/health/deep/ --attempts 10"
    }


@pytest.mark.parametrize("name", DOCS)
def test_every_make_target_in_the_doc_exists(name: str) -> None:
    defined = make_targets()
    named: set[str] = set()
    for match in MAKE_COMMAND.finditer(doc_text(name)):
        for word in match["words"].split():
            if not re.fullmatch(r"[a-z][a-z0-9-]*", word):
                break  # VARIABLE=value and what follows are not targets
            named.add(word)

    assert named
    assert named - defined == set()
