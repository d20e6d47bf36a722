"""At most one undo of an import is under way: a unique index on the undone batch of undo
jobs that are waiting, running or done

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 11:00:00
"""

import datetime as dt
import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNDO_UNDER_WAY = "undone_batch IS NOT NULL AND state NOT IN ('failed', 'cancelled')"
# What an undo ended here (one of several of the same import) is stored with.
DUPLICATE = "duplicate"

logger = logging.getLogger("alembic.runtime.migration")

_jobs = sa.table(
    "write_jobs",
    sa.column("id", sa.Integer()),
    sa.column("state", sa.String()),
    sa.column("undone_batch", sa.String()),
    sa.column("chunks_done", sa.Integer()),
    sa.column("failure", sa.String()),
    sa.column("finished_at", sa.DateTime(timezone=True)),
    sa.column("lease_until", sa.DateTime(timezone=True)),
)


def _end_duplicate_undos() -> None:
    """Of several undos of one import under way (stored before this index held them off),
    keep one (the one done, else the furthest on, else the first) and end the others as
    cancelled: their runners stop before their next chunk."""
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(_jobs.c.id, _jobs.c.undone_batch)
        .where(_jobs.c.undone_batch.is_not(None), _jobs.c.state.not_in(["failed", "cancelled"]))
        .order_by(
            _jobs.c.undone_batch,
            sa.case((_jobs.c.state == "done", 0), else_=1),
            _jobs.c.chunks_done.desc(),
            _jobs.c.id,
        )
    ).all()
    kept: set[str] = set()
    extra: list[int] = []
    for job_id, batch in rows:
        if batch in kept:
            extra.append(job_id)
        kept.add(batch)
    if not extra:
        return
    connection.execute(
        sa.update(_jobs)
        .where(_jobs.c.id.in_(extra))
        .values(
            state="cancelled",
            failure=DUPLICATE,
            finished_at=dt.datetime.now(dt.UTC),
            lease_until=None,
        )
    )
    logger.warning(
        "Undo jobs %s repeated another undo of the same import; they are ended as cancelled",
        ", ".join(str(job_id) for job_id in extra),
    )


def upgrade() -> None:
    _end_duplicate_undos()
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
