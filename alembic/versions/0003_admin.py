"""Administration: editors, settings, sent reminders and subscriptions

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 15:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "editors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("hromada_code", sa.String(length=19), nullable=True),
        sa.Column("granted_by", sa.BigInteger(), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["hromada_code"],
            ["hromadas.code"],
            name=op.f("fk_editors_hromada_code_hromadas"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_editors")),
    )
    op.create_index(op.f("ix_editors_user_id"), "editors", ["user_id"], unique=False)
    op.create_table(
        "admin_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_admin_settings")),
    )
    op.create_table(
        "reminders_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_key", sa.String(length=100), nullable=False),
        sa.Column("threshold_days", sa.Integer(), nullable=False),
        sa.Column("valid_until", sa.String(length=10), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminders_sent")),
        sa.UniqueConstraint(
            "agreement_key",
            "threshold_days",
            "valid_until",
            name=op.f("uq_reminders_sent_agreement_key"),
        ),
    )
    op.create_table(
        "subscriptions",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("hromada_code", sa.String(length=19), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["hromada_code"],
            ["hromadas.code"],
            name=op.f("fk_subscriptions_hromada_code_hromadas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("chat_id", "hromada_code", name=op.f("pk_subscriptions")),
    )
    op.create_index(
        op.f("ix_subscriptions_hromada_code"), "subscriptions", ["hromada_code"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_subscriptions_hromada_code"), table_name="subscriptions")
    op.drop_table("subscriptions")
    op.drop_table("reminders_sent")
    op.drop_table("admin_settings")
    op.drop_index(op.f("ix_editors_user_id"), table_name="editors")
    op.drop_table("editors")
