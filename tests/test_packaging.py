"""The built package carries its message catalogs compiled, and an installed bot reads them.

The `.po` files are compiled when the wheel is built (setup.py), never at runtime: the wheel
is built here from a copy of the sources holding no `.mo` file at all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("bot", "knowledge", "locales", "pyproject.toml", "setup.py", "MANIFEST.in")
SOURCES_BESIDE = ("README.md", "LICENSE")


def _catalogs() -> dict[str, Path]:
    """Each language's `.po` file in the working tree."""
    return {
        path.parts[-3]: path for path in sorted(ROOT.glob("locales/*/LC_MESSAGES/messages.po"))
    }


def _catalog(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def _pip(*args: str, cwd: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", *args, "--quiet", "--disable-pip-version-check"],
        check=True,
        cwd=cwd,
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built as `pip install .` builds it, from sources without compiled catalogs."""
    source = tmp_path_factory.mktemp("source")
    skipped = shutil.ignore_patterns("__pycache__", "*.mo", "*.egg-info", "build")
    for name in SOURCES + SOURCES_BESIDE:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=skipped)
        else:
            shutil.copy2(ROOT / name, source / name)
    assert not list(source.rglob("*.mo"))
    built = tmp_path_factory.mktemp("wheel")
    _pip("wheel", str(source), "--no-deps", "--no-build-isolation", "-w", str(built), cwd=source)
    (found,) = built.glob("pobratym-*.whl")
    return found


def test_the_wheel_ships_every_catalog_compiled(wheel: Path) -> None:
    languages = set(_catalogs())
    assert {"uk", "en"} <= languages
    with zipfile.ZipFile(wheel) as archive:
        shipped = {
            name.split("/")[2]
            for name in archive.namelist()
            if name.startswith("knowledge/locales/") and name.endswith("/messages.mo")
        }
    assert shipped == languages


def test_an_installed_bot_answers_in_the_shipped_catalogs(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    _pip("install", "--no-deps", "--target", str(target), str(wheel), cwd=tmp_path)
    expected: dict[str, dict[str, str]] = {}
    for language, path in _catalogs().items():
        translated = [
            message
            for message in _catalog(path)
            if message.id and isinstance(message.id, str) and message.string and not message.fuzzy
        ]
        expected[language] = {
            str(message.id): str(message.string)
            for message in translated[:: max(1, len(translated) // 5)]
        }
    probe = (
        "import json, sys\n"
        "import knowledge\n"
        "from knowledge.render.translations import LOCALES_DIR, translation\n"
        "asked = json.loads(sys.argv[1])\n"
        "print(json.dumps({'package': knowledge.__file__, 'catalogs': str(LOCALES_DIR),\n"
        "    'said': {lang: {msgid: translation(lang).gettext(msgid) for msgid in ids}\n"
        "             for lang, ids in asked.items()}}))\n"
    )
    asked = {language: list(messages) for language, messages in expected.items()}
    environment = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run(
        [sys.executable, "-c", probe, json.dumps(asked)],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
    )
    found = json.loads(run.stdout)
    assert Path(found["package"]).is_relative_to(target)
    assert Path(found["catalogs"]) == target / "knowledge" / "locales"
    assert found["said"] == expected
