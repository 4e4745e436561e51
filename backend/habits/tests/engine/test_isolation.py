"""The engine stays pure Python: importing all of it loads no Django."""

import subprocess
import sys
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[3]

PROBE = """
import importlib, pkgutil, sys
import habits.engine
for module in pkgutil.iter_modules(habits.engine.__path__, "habits.engine."):
    importlib.import_module(module.name)
loaded = sorted(name for name in sys.modules if name == "django" or name.startswith("django."))
print(len(list(pkgutil.iter_modules(habits.engine.__path__))), loaded)
"""


def test_importing_the_engine_loads_no_django() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=BACKEND, capture_output=True, text=True, check=True
    )
    modules, loaded = result.stdout.split(" ", 1)
    assert int(modules) >= 7
    assert loaded.strip() == "[]"
