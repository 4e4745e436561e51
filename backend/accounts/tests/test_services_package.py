"""accounts.services names each service's public objects and imports a module on first use
(PEP 562): its three lists (the typing imports, the name -> module map, __all__) must agree."""

from __future__ import annotations

import ast
import importlib
import inspect

import pytest

import accounts.services as services


def test_every_exported_name_is_mapped_and_comes_from_its_own_module() -> None:
    assert sorted(services._MODULES) == sorted(services.__all__)
    for name, module in services._MODULES.items():
        source = importlib.import_module(f"accounts.services.{module}")
        assert getattr(services, name) is getattr(source, name), name


def test_the_typing_imports_are_the_map() -> None:
    tree = ast.parse(inspect.getsource(services))
    (typing_block,) = (
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    typed = {
        alias.name: node.module.removeprefix("accounts.services.")
        for node in typing_block.body
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }
    assert typed == services._MODULES


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_service"):
        services.no_such_service  # noqa: B018
