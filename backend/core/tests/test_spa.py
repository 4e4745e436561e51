from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client, override_settings

from core.spa import IMMUTABLE, MISSING_BUILD, NO_CACHE

INDEX = "<!doctype html><title>Habits</title><div id=root></div>"


@pytest.fixture
def dist(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX)
    (tmp_path / "assets" / "index-3f2a1b.js").write_text("console.log('app')")
    (tmp_path / "favicon.svg").write_text("<svg/>")
    (tmp_path.parent / "secret.txt").write_text("not for you")
    with override_settings(FRONTEND_DIST_DIR=tmp_path):
        yield tmp_path


@pytest.mark.parametrize("path", ["/", "/today", "/habits/12", "/settings/import"])
def test_spa_routes_reload_to_index_uncached(dist: Path, path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 200
    assert response.content.decode() == INDEX
    assert response["Cache-Control"] == NO_CACHE
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_hashed_assets_are_cached_for_a_year(dist: Path) -> None:
    response = Client().get("/assets/index-3f2a1b.js")
    assert response.status_code == 200
    assert response["Cache-Control"] == IMMUTABLE
    assert "javascript" in response["Content-Type"]


def test_top_level_build_files_are_served(dist: Path) -> None:
    response = Client().get("/favicon.svg")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"<svg/>"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "path", ["/assets/missing.js", "/assets/../../secret.txt", "/assets/%2e%2e/secret.txt"]
)
def test_missing_or_escaping_assets_are_404(dist: Path, path: str) -> None:
    assert Client().get(path).status_code == 404


@pytest.mark.django_db
def test_api_paths_never_return_the_spa(dist: Path) -> None:
    response = Client().get("/api/some/deep/link")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.django_db
def test_admin_is_not_the_spa(dist: Path) -> None:
    response = Client().get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_missing_build_says_how_to_build(tmp_path: Path) -> None:
    with override_settings(FRONTEND_DIST_DIR=tmp_path / "nothing"):
        response = Client().get("/today")
    assert response.status_code == 503
    assert response.content.decode() == MISSING_BUILD
