"""The domain package stays free of Telegram: `knowledge` never imports aiogram or `bot`."""

from __future__ import annotations

import ast
from pathlib import Path

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"
FORBIDDEN = ("aiogram", "bot")


def _imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def test_knowledge_never_imports_telegram_code() -> None:
    offenders = {
        f"{path.relative_to(KNOWLEDGE_DIR)}: {module}"
        for path in KNOWLEDGE_DIR.rglob("*.py")
        for module in _imported_modules(path)
        if module.split(".")[0] in FORBIDDEN
    }

    assert offenders == set()
