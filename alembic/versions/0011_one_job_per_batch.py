"""One job per audit batch: the index on the batch a job writes is unique, so an Apply pressed
twice stores one import

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 11:05:00
"""

import datetime as dt
import logging
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_write_jobs_batch"
# What a job ended here (one of several writing the same batch) is stored with.
DUPLICATE = "duplicate"
UNFINISHED = ("waiting", "running")

logger = logging.getLogger("alembic.runtime.migration")

_jobs = sa.table(
    "write_jobs",
    sa.column("id", sa.Integer()),
    sa.column("state", sa.String()),
    sa.column("batch", sa.String()),
    sa.column("chunks_done", sa.Integer()),
    sa.column("failure", sa.String()),
    sa.column("finished_at", sa.DateTime(timezone=True)),
    sa.column("lease_until", sa.DateTime(timezone=True)),
)


def _part_duplicate_batches() -> None:
    """Of several jobs writing one batch (stored before this index held them off), keep the
    batch for one (the one done, else the furthest on, else the first); each other one gets a
    batch of its own, and one unfinished is ended as cancelled (its runner stops before its
    next chunk). The audit entries stay with the batch, so the kept job's undo undoes them."""
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(_jobs.c.id, _jobs.c.batch, _jobs.c.state).order_by(
            _jobs.c.batch,
            sa.case((_jobs.c.state == "done", 0), else_=1),
            _jobs.c.chunks_done.desc(),
            _jobs.c.id,
        )
    ).all()
    kept: set[str] = set()
    parted: list[int] = []
    for job_id, batch, state in rows:
        if batch not in kept:
            kept.add(batch)
            continue
        parted.append(job_id)
        values: dict[str, object] = {"batch": str(uuid.uuid4())}
        if state in UNFINISHED:
            values |= {
                "state": "cancelled",
                "failure": DUPLICATE,
                "finished_at": dt.datetime.now(dt.UTC),
                "lease_until": None,
            }
        connection.execute(sa.update(_jobs).where(_jobs.c.id == job_id).values(**values))
    if parted:
        logger.warning(
            "Write jobs %s wrote the batch of another job; each is given a batch of its own,"
            " and those unfinished are ended as cancelled",
            ", ".join(str(job_id) for job_id in parted),
        )


def _index_unique() -> bool | None:
    """Whether the batch index is unique; None when it is not there."""
    for index in sa.inspect(op.get_bind()).get_indexes("write_jobs"):
        if index["name"] == INDEX:
            return bool(index["unique"])
    return None


def upgrade() -> None:
    unique = _index_unique()
    if unique:
        return  # made so already
    _part_duplicate_batches()
    if unique is not None:
        op.drop_index(INDEX, table_name="write_jobs")
    op.create_index(INDEX, "write_jobs", ["batch"], unique=True)


def downgrade() -> None:
    if _index_unique() is not None:
        op.drop_index(INDEX, table_name="write_jobs")
    op.create_index(INDEX, "write_jobs", ["batch"], unique=False)
