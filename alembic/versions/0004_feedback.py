"""Residents' feedback: unanswered questions and corrections

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "unanswered_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("asked_on", sa.Date(), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("hromada_code", sa.String(length=19), nullable=True),
        sa.Column("question", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unanswered_questions")),
    )
    op.create_index(
        op.f("ix_unanswered_questions_hromada_code"),
        "unanswered_questions",
        ["hromada_code"],
        unique=False,
    )
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hromada_code", sa.String(length=19), nullable=True),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("replied_by", sa.BigInteger(), nullable=True),
        sa.Column("replied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
    )
    op.create_index(
        op.f("ix_corrections_hromada_code"), "corrections", ["hromada_code"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_corrections_hromada_code"), table_name="corrections")
    op.drop_table("corrections")
    op.drop_index(op.f("ix_unanswered_questions_hromada_code"), table_name="unanswered_questions")
    op.drop_table("unanswered_questions")
