"""What .dockerignore lets into the Lambda image's build context, read as image_check reads it."""

from __future__ import annotations

import pytest

from tooling.image_check import dockerignore_rules, in_build_context


@pytest.mark.parametrize(
    ("path", "included"),
    [
        ("backend/locale/de/LC_MESSAGES/django.mo", True),
        ("backend/locale/es/LC_MESSAGES/django.mo", True),
        ("backend/locale/de/LC_MESSAGES/django.po", False),
        ("backend/core/errors.py", True),
        ("backend/core/tests/test_languages.py", False),
        ("backend/tooling/image_check.py", False),
    ],
)
def test_the_image_gets_the_compiled_translations(path: str, included: bool) -> None:
    assert in_build_context(path, dockerignore_rules()) is included
