"""The Inputs and Outputs tables of each module's README, made from its variables.tf and outputs.tf.

    python3 terraform/tools/module_docs.py [--check] [MODULE_DIR ...]

Rewrites everything between "## Inputs" and the line starting with "Tests:" in README.md (the text
above "## Inputs" is the module's own). With --check, writes nothing and exits 1 when a README is not
what the generator would write.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

BLOCK = re.compile(r'^(?P<kind>variable|output) "(?P<name>[\w-]+)" \{\n(?P<body>.*?)^\}', re.M | re.S)
DESCRIPTION = re.compile(r'^  description\s*=\s*"(?P<text>(?:[^"\\]|\\.)*)"', re.M)
TYPE = re.compile(r"^  type\s*=\s*(?P<type>.+)$", re.M)
DEFAULT = re.compile(r"^  default\s*=\s*(?P<default>.+)$", re.M)
MODULES = Path(__file__).resolve().parents[1] / "modules"


def unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\\\", "\\").replace("|", "\\|")


def cell(value: str) -> str:
    value = value.strip()
    if value.endswith(("({", "([", "{", "[")):  # a multi-line value or type: its head only
        value = value.rstrip("({[") + ("(…)" if value.endswith(("({", "([")) else " …")
    return f"`{value}`".replace("|", "\\|")


def blocks(path: Path, kind: str) -> list[tuple[str, str, str, str]]:
    rows = []
    if not path.is_file():
        return rows
    for block in BLOCK.finditer(path.read_text()):
        if block["kind"] != kind:
            continue
        body = block["body"]
        description = DESCRIPTION.search(body)
        text = unescape(description["text"]) if description else ""
        type_ = TYPE.search(body)
        default = DEFAULT.search(body)
        rows.append(
            (
                block["name"],
                cell(type_["type"]) if type_ else "",
                cell(default["default"]) if default else "required",
                text,
            )
        )
    return rows


def tables(module: Path) -> str:
    lines = ["## Inputs", "", "| name | type | default | description |", "|---|---|---|---|"]
    lines += [f"| `{n}` | {t} | {d} | {x} |" for n, t, d, x in blocks(module / "variables.tf", "variable")]
    lines += ["", "## Outputs", "", "| name | description |", "|---|---|"]
    lines += [f"| `{n}` | {x} |" for n, _, _, x in blocks(module / "outputs.tf", "output")]
    return "\n".join(lines) + "\n\n"


def generated(module: Path) -> str:
    readme = (module / "README.md").read_text()
    head = readme.split("## Inputs", 1)[0]
    tail = readme[readme.index("\nTests:") + 1 :] if "\nTests:" in readme else ""
    return head + tables(module) + tail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report READMEs that differ")
    parser.add_argument("modules", nargs="*", type=Path, help="module folders (default: all)")
    args = parser.parse_args(argv)
    modules = args.modules or sorted(p.parent for p in MODULES.glob("*/README.md"))
    stale = []
    for module in modules:
        text = generated(module)
        if (module / "README.md").read_text() != text:
            stale.append(module)
            if not args.check:
                (module / "README.md").write_text(text)
    for module in stale:
        print(f"{module}/README.md {'is out of date' if args.check else 'updated'}")
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
