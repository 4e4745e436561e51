"""The catalogs (backend/locale): complete, in step with the code, and compiled.

Checked in pure Python (polib), so CI needs no GNU gettext: every msgid of each language has a
translation that is not fuzzy and keeps the msgid's placeholders; the committed .mo holds exactly
what its .po says (run `make messages` after changing either); and every message the code marks
for translation is in the catalogs (a new one needs `make messages` and its translations).
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings

BACKEND = Path(__file__).resolve().parents[2]
LOCALE = BACKEND / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PRODUCT = ["accounts", "core", "habits", "outbox", "config"]
# The names makemessages extracts from (xgettext's Python keywords plus Django's).
MARKERS = {"_", "gettext", "gettext_lazy", "gettext_noop", "ngettext", "ngettext_lazy"}
CONTEXT_MARKERS = {"pgettext", "pgettext_lazy", "npgettext", "npgettext_lazy"}
# {name}, {name!r}, {seconds:g} and %(name)s, %(count)d, %s
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[a-z]|%[sd]")

Key = tuple[str, str]  # (msgctxt, msgid)


def catalog(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def translations(entries: polib.POFile | polib.MOFile) -> dict[Key, tuple[str, ...]]:
    """(context, msgid) -> its translation(s), the header left out."""
    found = {}
    for entry in entries:
        if entry.msgid == "":
            continue
        if entry.msgid_plural:
            value = tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
        else:
            value = (entry.msgstr,)
        found[(entry.msgctxt or "", entry.msgid)] = value
    return found


def placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language: str) -> None:
    po = catalog(language)
    assert len(po) > 100
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert not po.metadata_is_fuzzy


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_of_their_message(language: str) -> None:
    wrong = []
    for (_context, msgid), values in translations(catalog(language)).items():
        for value in values:
            if placeholders(value) != placeholders(msgid):
                wrong.append((msgid, value))
            if msgid.endswith("\n") != value.endswith("\n"):
                wrong.append((msgid, value))
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_is_the_po_file(language: str) -> None:
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    assert translations(mo) == translations(catalog(language))


def marked_messages() -> set[Key]:
    """Every literal the product's code passes to a translation function."""
    found: set[Key] = set()
    for folder in PRODUCT:
        for path in (BACKEND / folder).rglob("*.py"):
            if {"tests", "migrations"} & set(path.relative_to(BACKEND).parts):
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                    continue
                name, args = node.func.id, node.args
                literals = [
                    arg.value
                    for arg in args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ]
                if name in MARKERS and literals and literals[0] == getattr(args[0], "value", None):
                    found.add(("", literals[0]))
                elif name in CONTEXT_MARKERS and len(literals) >= 2:
                    found.add((literals[0], literals[1]))
    return found


def test_every_message_the_code_marks_is_in_the_catalogs() -> None:
    marked = marked_messages()
    assert len(marked) > 100
    for language in LANGUAGES:
        assert sorted(marked - set(translations(catalog(language)))) == []
