"""A durable job counts its attempts, and jobs are found by the audit batch they write

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 09:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("write_jobs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("attempts", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.create_index(batch_op.f("ix_write_jobs_batch"), ["batch"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("write_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_write_jobs_batch"))
        batch_op.drop_column("attempts")
