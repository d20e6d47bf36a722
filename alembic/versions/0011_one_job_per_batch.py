"""One job per audit batch: the index on the batch a job writes is unique, so an Apply pressed
twice stores one import

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 11:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_write_jobs_batch", table_name="write_jobs")
    op.create_index("ix_write_jobs_batch", "write_jobs", ["batch"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_write_jobs_batch", table_name="write_jobs")
    op.create_index("ix_write_jobs_batch", "write_jobs", ["batch"], unique=False)
