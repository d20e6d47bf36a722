"""A durable job counts every run that claimed it, beside the failed attempts in a row that
decide when it is given up

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 13:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("write_jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("runs", sa.Integer(), server_default="0", nullable=False))
    # The runs of the jobs stored before are known only as far as their attempts count them.
    op.execute("UPDATE write_jobs SET runs = attempts")


def downgrade() -> None:
    with op.batch_alter_table("write_jobs", schema=None) as batch_op:
        batch_op.drop_column("runs")
