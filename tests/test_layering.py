"""The layers of `knowledge` stay visible: each package imports only the layers below it.

facts ← text ← store ← places ← render ← qa, admin, interchange ← extraction; and `knowledge`
never imports aiogram or `bot`. Only `knowledge.store` builds queries and sees ORM rows. In
`bot`, one module opens database sessions; handlers, jobs
and commands run the services through its unit of work. In `knowledge.qa`, one module decides
what a question means; the engine answers that meaning as it is.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = PROJECT_DIR / "knowledge"
BOT_DIR = PROJECT_DIR / "bot"
# The composition root: it builds the unit of work everything else in `bot` runs services with.
SESSION_OPENER = "services.py"
# What holding a session takes: its types, what opens one (a factory's `sessions()`), what
# begins or ends a transaction.
SESSION_NAMES = {
    "sqlalchemy.ext.asyncio": {"AsyncSession", "AsyncConnection", "async_sessionmaker"},
    "knowledge.store.engines": {"session_factory", "writing", "reading_snapshot"},
}
SESSION_CALLS = {"sessions", "begin", "begin_nested", "commit", "rollback"}
FORBIDDEN = ("aiogram", "bot")
# Lowest first; the packages of one rank are siblings and do not import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("facts",),
    ("text",),
    ("store",),
    ("places",),
    ("render",),
    ("qa", "admin", "interchange"),
    ("extraction",),
)
RANK = {package: rank for rank, packages in enumerate(LAYERS) for package in packages}


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_modules(path: Path, root: Path) -> set[str]:
    """Every module the file imports, with relative imports resolved."""
    module = _module_name(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            modules.add(base)
            if "." not in base:  # `from knowledge import store` imports `knowledge.store`
                modules |= {f"{base}.{alias.name}" for alias in node.names}
    return modules


def layer_violations(root: Path) -> set[str]:
    """Imports in the package at `root` that point up or sideways, as "file: module"."""
    found = set()
    for path in root.rglob("*.py"):
        parts = path.relative_to(root).parts
        if len(parts) < 2:
            continue  # the package's own __init__ holds no code
        importer = parts[0]
        for module in _imported_modules(path, root):
            names = module.split(".")
            if names[0] != root.name or len(names) < 2 or names[1] == importer:
                continue
            imported = names[1]
            if imported not in RANK or RANK[imported] >= RANK.get(importer, -1):
                found.add(f"{path.relative_to(root)}: {module}")
    return found


def test_knowledge_never_imports_telegram_code() -> None:
    offenders = {
        f"{path.relative_to(KNOWLEDGE_DIR)}: {module}"
        for path in KNOWLEDGE_DIR.rglob("*.py")
        for module in _imported_modules(path, KNOWLEDGE_DIR)
        if module.split(".")[0] in FORBIDDEN
    }

    assert offenders == set()


def test_every_package_is_a_known_layer() -> None:
    packages = {path.parent.name for path in KNOWLEDGE_DIR.glob("*/__init__.py")}
    loose = {path.name for path in KNOWLEDGE_DIR.glob("*.py")} - {"__init__.py"}

    assert packages == set(RANK)
    assert loose == set()


def test_each_layer_imports_only_the_layers_below_it() -> None:
    assert layer_violations(KNOWLEDGE_DIR) == set()


def test_an_import_of_a_higher_or_sibling_layer_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "knowledge"
    sources = {
        "facts/dates.py": "from knowledge.render.cards import Card\n",
        "store/models.py": "from knowledge import places\n",
        "render/cards.py": "from knowledge.facts.dates import PartialDate\n",
        "qa/engine.py": "from knowledge.admin.editing import Entity\nfrom . import answer\n",
        "qa/answer.py": "from ..store import models\n",
        "admin/editing.py": "def later() -> None:\n    from knowledge.interchange import x\n",
    }
    for name, source in sources.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / "__init__.py").touch()
        path.write_text(source, encoding="utf-8")

    assert layer_violations(root) == {
        "facts/dates.py: knowledge.render.cards",
        "store/models.py: knowledge.places",
        "qa/engine.py: knowledge.admin.editing",
        "admin/editing.py: knowledge.interchange",
    }


def _importers(package: str) -> set[str]:
    """The packages of `knowledge`, and `bot`, whose modules import `knowledge.<package>`."""
    found = set()
    for root in (KNOWLEDGE_DIR, BOT_DIR):
        for path in root.rglob("*.py"):
            importer = "bot" if root == BOT_DIR else path.relative_to(root).parts[0]
            modules = _imported_modules(path, root)
            if importer != package and any(
                module.split(".")[:2] == ["knowledge", package] for module in modules
            ):
                found.add(importer)
    return found


def _allows(first_line: str, importer: str) -> bool:
    """Whether a package docstring's first line names `importer` among those that import it:
    by name, as "any layer", or as "from `X` up" with X no higher than the importer (`bot`
    stands above every layer)."""
    if "any layer" in first_line.lower() or f"`{importer}`" in first_line:
        return True
    lowest = re.search(r"from `(\w+)` up", first_line, re.IGNORECASE)
    if lowest is None:
        return False
    return RANK.get(importer, len(LAYERS)) >= RANK[lowest.group(1)]


def test_every_package_says_what_it_is_and_who_may_import_it() -> None:
    unsaid = set()
    for init in KNOWLEDGE_DIR.glob("*/__init__.py"):
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring is not None, init
        first_line = docstring.splitlines()[0]
        assert "import" in first_line, init
        unsaid |= {
            f"{init.parent.name}: imported by {importer}"
            for importer in _importers(init.parent.name)
            if not _allows(first_line, importer)
        }

    assert unsaid == set()


def test_no_module_is_named_like_a_layer() -> None:
    assert _knowledge_stems() & set(RANK) == set()


def repeated_module_names(*roots: Path) -> set[str]:
    """The module names (file stems, packages' `__init__` aside) found more than once under
    `roots`, each as "name: path, path" with the paths relative to the roots' parent."""
    paths: dict[str, list[str]] = {}
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            if path.name != "__init__.py":
                paths.setdefault(path.stem, []).append(path.relative_to(root.parent).as_posix())
    return {f"{name}: {', '.join(found)}" for name, found in paths.items() if len(found) > 1}


def test_no_two_modules_share_a_name() -> None:
    assert repeated_module_names(KNOWLEDGE_DIR, BOT_DIR) == set()


def test_a_module_name_repeated_in_the_bot_or_across_packages_is_reported(
    tmp_path: Path,
) -> None:
    for name in (
        "bot/handlers/language.py",
        "bot/middlewares/language.py",
        "bot/replies.py",
        "knowledge/render/replies.py",
        "knowledge/render/cards.py",
        "bot/handlers/__init__.py",
        "knowledge/render/__init__.py",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()

    assert repeated_module_names(tmp_path / "knowledge", tmp_path / "bot") == {
        "language: bot/handlers/language.py, bot/middlewares/language.py",
        "replies: knowledge/render/replies.py, bot/replies.py",
    }


def _knowledge_stems() -> set[str]:
    return {path.stem for path in KNOWLEDGE_DIR.rglob("*.py")}


def repeated_class_names(*roots: Path) -> set[str]:
    """The class names defined more than once in the modules under `roots`."""
    classes = Counter(
        node.name
        for root in roots
        for path in root.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
    )
    return {name for name, count in classes.items() if count > 1}


def test_no_two_classes_share_a_name() -> None:
    assert repeated_class_names(KNOWLEDGE_DIR, BOT_DIR) == set()


def test_a_class_name_repeated_between_bot_and_knowledge_is_found(tmp_path: Path) -> None:
    for name, source in (
        ("knowledge/qa/answer.py", "class Choice:\n    pass\n"),
        ("bot/terminal_chat.py", "class Choice:\n    pass\n\n\nclass Screen:\n    pass\n"),
        ("bot/delivery.py", "class Outcome:\n    pass\n"),
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")

    assert repeated_class_names(tmp_path / "knowledge", tmp_path / "bot") == {"Choice"}


def session_handling(path: Path) -> set[str]:
    """Where the module takes or drives a database session itself: each import of a session
    type or opener ("import AsyncSession"), each call opening a session or a transaction
    ("call sessions", "call commit")."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module in SESSION_NAMES:
            wanted = SESSION_NAMES[node.module]
            found |= {f"import {alias.name}" for alias in node.names if alias.name in wanted}
        elif isinstance(node, ast.Import):
            found |= {
                f"import {alias.name}" for alias in node.names if alias.name in SESSION_NAMES
            }
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SESSION_CALLS
        ):
            found.add(f"call {node.func.attr}")
    return found


def findings_outside(root: Path, allowed: set[str], find: Callable[[Path], set[str]]) -> set[str]:
    """What `find` reports in the modules under `root` but the `allowed` ones (paths relative
    to `root`), each as "path: finding"."""
    return {
        f"{path.relative_to(root)}: {finding}"
        for path in root.rglob("*.py")
        if path.relative_to(root).as_posix() not in allowed
        for finding in find(path)
    }


def test_only_the_composition_root_opens_sessions_in_the_bot() -> None:
    assert findings_outside(BOT_DIR, {SESSION_OPENER}, session_handling) == set()


def test_a_handler_holding_a_session_is_reported(tmp_path: Path) -> None:
    handler = tmp_path / "handler.py"
    handler.write_text(
        "from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession\n"
        "from knowledge.store.engines import create_engine, writing\n"
        "async def save(services, sessions):\n"
        "    async with services.sessions() as session, session.begin():\n"
        "        await session.commit()\n"
        "    await services.work(save_language, 1)\n",
        encoding="utf-8",
    )

    assert session_handling(handler) == {
        "import AsyncSession",
        "import writing",
        "call sessions",
        "call begin",
        "call commit",
    }


# What a module outside `knowledge.store` may import of SQLAlchemy: the session's type, the
# errors it raises, database URLs; never what builds a query or maps a row.
OUTSIDE_STORE = ("sqlalchemy.ext.asyncio", "sqlalchemy.exc", "sqlalchemy.engine")
ORM_MODELS = "knowledge.store.models"


def persistence_imports(path: Path, root: Path) -> set[str]:
    """What the module imports of query building or of the ORM models, each as the imported
    name ("sqlalchemy.select", "knowledge.store.models")."""
    module = _module_name(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names |= {f"{base}.{alias.name}" for alias in node.names}
    return {
        name
        for name in names
        if (name.split(".")[0] == "sqlalchemy" and not name.startswith(OUTSIDE_STORE))
        or name == ORM_MODELS
        or name.startswith(f"{ORM_MODELS}.")
    }


def test_only_the_store_builds_queries_and_sees_orm_rows() -> None:
    found = {
        f"{path.relative_to(PROJECT_DIR)}: {name}"
        for root in (KNOWLEDGE_DIR, BOT_DIR)
        for path in root.rglob("*.py")
        if path.relative_to(root).parts[0] != "store" or root == BOT_DIR
        for name in persistence_imports(path, root)
    }

    assert found == set()


def test_a_query_or_an_orm_model_outside_the_store_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "knowledge"
    service = root / "admin" / "chats.py"
    service.parent.mkdir(parents=True)
    service.write_text(
        "from sqlalchemy import select, update\n"
        "from sqlalchemy.exc import IntegrityError\n"
        "from sqlalchemy.ext.asyncio import AsyncSession\n"
        "from sqlalchemy.orm import selectinload\n"
        "from ..store import models\n"
        "from knowledge.store.models import aware\n"
        "from knowledge.store.chat_moves import move_language\n",
        encoding="utf-8",
    )

    assert persistence_imports(service, root) == {
        "sqlalchemy.select",
        "sqlalchemy.update",
        "sqlalchemy.orm.selectinload",
        "knowledge.store.models",
        "knowledge.store.models.aware",
    }


# The audit log's one owner: every other module reads and writes it through its functions.
AUDIT_OWNER = "store/audit_log.py"
AUDIT_TABLE = "AuditEntryRow"


def audit_table_uses(path: Path) -> set[str]:
    """Where a module names the audit log's ORM table ("line: AuditEntryRow")."""
    return {
        f"{node.lineno}: {AUDIT_TABLE}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if (isinstance(node, ast.Attribute) and node.attr == AUDIT_TABLE)
        or (isinstance(node, ast.Name) and node.id == AUDIT_TABLE)
        or (isinstance(node, ast.alias) and node.name == AUDIT_TABLE)
    }


def test_only_the_audit_module_reads_the_audit_table() -> None:
    allowed = {AUDIT_OWNER, "store/models.py"}
    found = {
        f"{path.relative_to(PROJECT_DIR)}: {use}"
        for root in (KNOWLEDGE_DIR, BOT_DIR)
        for path in root.rglob("*.py")
        if root == BOT_DIR or path.relative_to(root).as_posix() not in allowed
        for use in audit_table_uses(path)
    }

    assert found == set()


def test_a_read_of_the_audit_table_outside_its_module_is_reported(tmp_path: Path) -> None:
    reader = tmp_path / "followers.py"
    reader.write_text(
        "from knowledge.store import models\n"
        "from knowledge.store.models import AuditEntryRow\n"
        "def created():\n"
        "    return select(models.AuditEntryRow).where(AuditEntryRow.id > 1)\n",
        encoding="utf-8",
    )

    assert audit_table_uses(reader) == {"2: AuditEntryRow", "4: AuditEntryRow"}


# The one module that decides what a question means; `meaning` declares the value itself.
MEANING_DECIDER = "qa/resolution.py"
MEANING_DECLARED = "qa/meaning.py"


def meaning_decisions(path: Path) -> set[str]:
    """Where a module builds a `Meaning` or copies a value with another intent ("line: what")."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        called = node.func.attr if isinstance(node.func, ast.Attribute) else None
        if isinstance(node.func, ast.Name):
            called = node.func.id
        if called == "Meaning":
            found.add(f"{node.lineno}: Meaning(...)")
        if called == "replace" and any(keyword.arg == "intent" for keyword in node.keywords):
            found.add(f"{node.lineno}: replace(..., intent=...)")
    return found


def test_only_the_resolution_stage_decides_what_a_question_means() -> None:
    allowed = {MEANING_DECIDER, MEANING_DECLARED}
    assert findings_outside(KNOWLEDGE_DIR, allowed, meaning_decisions) == set()


def test_a_meaning_changed_after_resolution_is_reported(tmp_path: Path) -> None:
    engine = tmp_path / "engine.py"
    engine.write_text(
        "from dataclasses import replace\n"
        "def answer(meaning):\n"
        "    meaning = replace(meaning, intent=Intent.SIGNED)\n"
        "    return replace(meaning, yes_no=True), Meaning(Intent.COUNT)\n",
        encoding="utf-8",
    )

    assert meaning_decisions(engine) == {"3: replace(..., intent=...)", "4: Meaning(...)"}


# Where the bot's messages leave it: `replies` sends and edits (in pieces, previews as asked),
# `delivery` sends what the bot says on its own (following upgraded groups, pausing refusing
# chats), and the session's press answering says in the chat an alert a button can no longer
# show (it runs below every handler, at the request). The local API and the terminal chat play
# the user's side of a chat.
SENDERS = {"replies.py", "delivery.py", "middlewares/callback_answers.py"}
USER_SIDE = ("local_api/", "terminal_chat.py")
SENDING_METHODS = {"send_message", "edit_message_text", "edit_text", "reply"}


def direct_sends(path: Path) -> set[str]:
    """Where a module sends or edits a message's text itself ("line: receiver.method"): a
    bot's `send_message`/`edit_message_text`, a message's `answer`/`reply`/`edit_text` (a
    receiver named like a message; a button press's `answer` is its notice, not a message)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        method = node.func.attr
        receiver = ast.unparse(node.func.value)
        if method in SENDING_METHODS or (
            method == "answer" and "message" in receiver.rpartition(".")[2]
        ):
            found.add(f"{node.lineno}: {receiver}.{method}")
    return found


def test_the_bot_sends_text_only_through_its_senders() -> None:
    sends = findings_outside(BOT_DIR, SENDERS, direct_sends)

    assert {found for found in sends if not found.startswith(USER_SIDE)} == set()


def test_a_message_sent_around_the_senders_is_reported(tmp_path: Path) -> None:
    handler = tmp_path / "handler.py"
    handler.write_text(
        "async def show(bot, message, query, services):\n"
        "    await message.answer('hi')\n"
        "    await query.message.edit_text('hi')\n"
        "    await bot.send_message(1, 'hi')\n"
        "    await query.answer('Saved', show_alert=True)\n"
        "    services.engine.answer('Who?', None)\n"
        "    await say(message, 'hi')\n",
        encoding="utf-8",
    )

    assert direct_sends(handler) == {
        "2: message.answer",
        "3: query.message.edit_text",
        "4: bot.send_message",
    }
