"""Imports and their undos are jobs written in chunks, resumed by another process if one dies

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 06:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "write_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=True),
        sa.Column("upload", sa.LargeBinary(), nullable=True),
        sa.Column("skip_rejected", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("plan", sa.JSON(), nullable=True),
        sa.Column("batch", sa.String(length=36), nullable=False),
        sa.Column("undone_batch", sa.String(length=36), nullable=True),
        sa.Column("chunks_done", sa.Integer(), server_default="0", nullable=False),
        sa.Column("chunks_total", sa.Integer(), nullable=True),
        sa.Column("records_done", sa.Integer(), server_default="0", nullable=False),
        sa.Column("records_total", sa.Integer(), nullable=True),
        sa.Column("created", sa.Integer(), server_default="0", nullable=False),
        sa.Column("updated", sa.Integer(), server_default="0", nullable=False),
        sa.Column("unchanged", sa.Integer(), server_default="0", nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("language", sa.String(length=2), nullable=True),
        sa.Column("lease_owner", sa.String(length=64), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failure", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_write_jobs")),
    )
    op.create_index(op.f("ix_write_jobs_state"), "write_jobs", ["state"], unique=False)
    op.create_index(
        op.f("ix_write_jobs_undone_batch"), "write_jobs", ["undone_batch"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_write_jobs_undone_batch"), table_name="write_jobs")
    op.drop_index(op.f("ix_write_jobs_state"), table_name="write_jobs")
    op.drop_table("write_jobs")
