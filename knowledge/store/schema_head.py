"""Whether a database's schema is the newest, told without loading Alembic.

Alembic and its script machinery take tens of megabytes and a noticeable part of start-up; a
serving process whose database is current never needs them. The newest revision is read from
the migration scripts' own `revision`/`down_revision` lines, and the database's from Alembic's
`alembic_version` table.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "alembic"
_REVISION = re.compile(r'^revision(?::\s*str)?\s*=\s*"([^"]+)"', re.MULTILINE)
_DOWN_REVISION = re.compile(r'^down_revision(?::[^=]*)?=\s*"([^"]+)"', re.MULTILINE)


def head_revision(versions: Path = MIGRATIONS_DIR / "versions") -> str | None:
    """The newest revision: the one no script names as its `down_revision`; None when the
    scripts do not name exactly one (Alembic then decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in versions.glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revisions.update(_REVISION.findall(source))
        parents.update(_DOWN_REVISION.findall(source))
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


async def schema_is_current(engine: AsyncEngine) -> bool:
    """Whether the database is at the newest revision (False for an empty database)."""
    head = head_revision()
    if head is None:
        return False
    try:
        async with engine.connect() as connection:
            stored = (
                await connection.execute(text("SELECT version_num FROM alembic_version"))
            ).all()
    except DBAPIError:
        # No alembic_version table: a database never migrated.
        return False
    return [row[0] for row in stored] == [head]
