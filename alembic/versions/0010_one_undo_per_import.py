"""At most one undo of an import is under way: a unique index on the undone batch of undo
jobs that are waiting, running or done

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNDO_UNDER_WAY = "undone_batch IS NOT NULL AND state NOT IN ('failed', 'cancelled')"


def upgrade() -> None:
    op.create_index(
        "uq_write_jobs_undo_under_way",
        "write_jobs",
        ["undone_batch"],
        unique=True,
        sqlite_where=sa.text(UNDO_UNDER_WAY),
        postgresql_where=sa.text(UNDO_UNDER_WAY),
    )


def downgrade() -> None:
    op.drop_index("uq_write_jobs_undo_under_way", table_name="write_jobs")
