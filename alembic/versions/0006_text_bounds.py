"""Stored text longer than its field now allows is cut to the bound, ending in "…"

Records are read back through the same validation that refuses over-long text at entry, so a
text stored before the bounds existed (a 9,000-character note from an import) would stop the
knowledge base from loading. Downgrading keeps the cut text: the cut-off part is gone.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 03:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The bounds of knowledge.facts.documents as they were when written (a migration keeps its
# own copy, so later changes of the bounds do not rewrite its history).
NAME, TITLE, TEXT, URL = 200, 500, 2000, 2048
COLUMNS = {
    "sources": {
        "title_uk": TITLE,
        "title_en": TITLE,
        "issuer_uk": TITLE,
        "issuer_en": TITLE,
        "url": URL,
        "notes": TEXT,
    },
    "hromadas": {
        "name_uk": NAME,
        "name_en": NAME,
        "oblast_uk": NAME,
        "oblast_en": NAME,
        "raion_uk": NAME,
        "raion_en": NAME,
        "center_uk": NAME,
        "center_en": NAME,
    },
    "places": {
        "name_uk": NAME,
        "name_en": NAME,
        "name_local": NAME,
        "region_uk": NAME,
        "region_en": NAME,
        "notes_uk": TEXT,
        "notes_en": TEXT,
    },
    "agreements": {"title_uk": TITLE, "title_en": TITLE, "notes_uk": TEXT, "notes_en": TEXT},
    "agreement_extensions": {"notes_uk": TEXT, "notes_en": TEXT},
    "agreement_sources": {"quote": TEXT},
    "aid_records": {
        "description_uk": TITLE,
        "description_en": TITLE,
        "notes_uk": TEXT,
        "notes_en": TEXT,
    },
    "aid_donors": {"name": NAME},
    "aid_sources": {"quote": TEXT},
    "activities": {"summary_uk": TEXT, "summary_en": TEXT},
    "activity_sources": {"quote": TEXT},
    "programmes": {
        "title_uk": TITLE,
        "title_en": TITLE,
        "approved_by_uk": TITLE,
        "approved_by_en": TITLE,
    },
    "programme_spending": {"purpose_uk": TITLE, "purpose_en": TITLE},
    "programme_sources": {"quote": TEXT},
}


def _cut(text: str, limit: int) -> str:
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    # At a word's end where one is near, so no word is left in half.
    if space > limit * 3 // 4:
        cut = cut[:space]
    return cut.rstrip() + "…"


def upgrade() -> None:
    connection = op.get_bind()
    for name, columns in COLUMNS.items():
        table = sa.table(name, *(sa.column(column, sa.Text) for column in columns))
        for column, limit in columns.items():
            stored = table.c[column]
            # length() counts characters on both SQLite and PostgreSQL.
            rows = connection.execute(
                sa.select(stored).distinct().where(sa.func.length(stored) > limit)
            ).all()
            for (text,) in rows:
                connection.execute(
                    table.update().where(stored == text).values({column: _cut(text, limit)})
                )


def downgrade() -> None:
    """Nothing to undo: the cut text stays as it is."""
