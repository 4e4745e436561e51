"""The drill behind `make dr-drill`: a ThreadedMotoServer, the seed, and the runbook's commands."""

from typing import Any

import pytest

from ops import drill


def test_the_drill_runs_the_runbook_commands_against_moto(
    capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the drill points os.environ at moto; monkeypatch puts every variable it touches back
    for name in [*drill.FAKE_ENVIRONMENT, "AWS_ENDPOINT_URL"]:
        monkeypatch.setenv(name, "before")

    assert drill.drill_run() == 0

    out = capsys.readouterr().out
    assert "seeded habits-production-drill-copy in us-west-2" in out
    assert "$ python -m ops.dr status --cluster habits-production --dr-region us-west-2" in out
    assert "$ python -m ops.dr restore --cluster habits-production --dr-region us-west-2" in out
    assert out.count("-- exit 0 in") == 3
    assert "DR drill passed: 3 steps" in out
