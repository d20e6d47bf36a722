"""Initial schema: sources, hromadas, places, agreements, aid, activities, programmes, audit

Revision ID: 0001
Revises:
Create Date: 2026-11-23 14:29:10.419566
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# Partial dates are stored as ISO text (YYYY, YYYY-MM or YYYY-MM-DD), keeping their precision.
PARTIAL_DATE = sa.String(10)
# Money is exact: NUMERIC, or text on SQLite, whose numbers are floating point.
MONEY = sa.Numeric(16, 2).with_variant(sa.String(24), "sqlite")


revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("batch", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_key", sa.String(length=100), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_batch"), ["batch"], unique=False)

    op.create_table(
        "hromadas",
        sa.Column("code", sa.String(length=19), nullable=False),
        sa.Column("name_uk", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=True),
        sa.Column("oblast_code", sa.String(length=19), nullable=True),
        sa.Column("oblast_uk", sa.String(length=200), nullable=True),
        sa.Column("oblast_en", sa.String(length=200), nullable=True),
        sa.Column("raion_code", sa.String(length=19), nullable=True),
        sa.Column("raion_uk", sa.String(length=200), nullable=True),
        sa.Column("raion_en", sa.String(length=200), nullable=True),
        sa.Column("center_uk", sa.String(length=200), nullable=True),
        sa.Column("center_en", sa.String(length=200), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_hromadas")),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("name_uk", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("name_local", sa.String(length=200), nullable=False),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column("region_uk", sa.String(length=200), nullable=True),
        sa.Column("region_en", sa.String(length=200), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geonames_id", sa.Integer(), nullable=True),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("notes_uk", sa.Text(), nullable=True),
        sa.Column("notes_en", sa.Text(), nullable=True),
        sa.CheckConstraint("length(country_code) = 2", name=op.f("ck_places_country_code_alpha2")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
        sa.UniqueConstraint("key", name=op.f("uq_places_key")),
    )
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_places_country_code"), ["country_code"], unique=False)

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title_uk", sa.Text(), nullable=False),
        sa.Column("title_en", sa.Text(), nullable=False),
        sa.Column("issuer_uk", sa.Text(), nullable=False),
        sa.Column("issuer_en", sa.Text(), nullable=False),
        sa.Column("document_number", sa.String(length=100), nullable=True),
        sa.Column("issued_on", PARTIAL_DATE, nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("key", name=op.f("uq_sources_key")),
    )
    op.create_table(
        "activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("hromada_code", sa.String(length=19), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("started_on", PARTIAL_DATE, nullable=True),
        sa.Column("ended_on", PARTIAL_DATE, nullable=True),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("count_is_lower_bound", sa.Boolean(), nullable=False),
        sa.Column("summary_uk", sa.Text(), nullable=False),
        sa.Column("summary_en", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["hromada_code"], ["hromadas.code"], name=op.f("fk_activities_hromada_code_hromadas")
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_activities_place_id_places")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
        sa.UniqueConstraint("key", name=op.f("uq_activities_key")),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activities_hromada_code"), ["hromada_code"], unique=False
        )

    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("hromada_code", sa.String(length=19), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("title_uk", sa.Text(), nullable=True),
        sa.Column("title_en", sa.Text(), nullable=True),
        sa.Column("signed_on", PARTIAL_DATE, nullable=True),
        sa.Column("planned_on", PARTIAL_DATE, nullable=True),
        sa.Column("valid_until", PARTIAL_DATE, nullable=True),
        sa.Column("term_years", sa.Integer(), nullable=True),
        sa.Column("areas", sa.JSON(), nullable=False),
        sa.Column("notes_uk", sa.Text(), nullable=True),
        sa.Column("notes_en", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["hromada_code"], ["hromadas.code"], name=op.f("fk_agreements_hromada_code_hromadas")
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_agreements_place_id_places")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreements")),
        sa.UniqueConstraint("key", name=op.f("uq_agreements_key")),
    )
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreements_hromada_code"), ["hromada_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agreements_place_id"), ["place_id"], unique=False)

    op.create_table(
        "aid_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("hromada_code", sa.String(length=19), nullable=False),
        sa.Column("received_on", PARTIAL_DATE, nullable=True),
        sa.Column("amount", MONEY, nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("description_uk", sa.Text(), nullable=True),
        sa.Column("description_en", sa.Text(), nullable=True),
        sa.Column("notes_uk", sa.Text(), nullable=True),
        sa.Column("notes_en", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["hromada_code"], ["hromadas.code"], name=op.f("fk_aid_records_hromada_code_hromadas")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aid_records")),
        sa.UniqueConstraint("key", name=op.f("uq_aid_records_key")),
    )
    with op.batch_alter_table("aid_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_aid_records_hromada_code"), ["hromada_code"], unique=False
        )

    op.create_table(
        "programmes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("hromada_code", sa.String(length=19), nullable=False),
        sa.Column("title_uk", sa.Text(), nullable=False),
        sa.Column("title_en", sa.Text(), nullable=False),
        sa.Column("first_year", sa.Integer(), nullable=True),
        sa.Column("last_year", sa.Integer(), nullable=True),
        sa.Column("approved_by_uk", sa.Text(), nullable=True),
        sa.Column("approved_by_en", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["hromada_code"], ["hromadas.code"], name=op.f("fk_programmes_hromada_code_hromadas")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programmes")),
        sa.UniqueConstraint("key", name=op.f("uq_programmes_key")),
    )
    with op.batch_alter_table("programmes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_programmes_hromada_code"), ["hromada_code"], unique=False
        )

    op.create_table(
        "activity_sources",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_activity_sources_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_activity_sources_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("activity_id", "source_id", name=op.f("pk_activity_sources")),
    )
    op.create_table(
        "agreement_extensions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("extended_on", PARTIAL_DATE, nullable=False),
        sa.Column("term_years", sa.Integer(), nullable=True),
        sa.Column("valid_until", PARTIAL_DATE, nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("notes_uk", sa.Text(), nullable=True),
        sa.Column("notes_en", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_extensions_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_agreement_extensions_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_extensions")),
    )
    with op.batch_alter_table("agreement_extensions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_extensions_agreement_id"), ["agreement_id"], unique=False
        )

    op.create_table(
        "agreement_sources",
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_sources_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_agreement_sources_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("agreement_id", "source_id", name=op.f("pk_agreement_sources")),
    )
    op.create_table(
        "aid_donors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("aid_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["aid_id"],
            ["aid_records.id"],
            name=op.f("fk_aid_donors_aid_id_aid_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_aid_donors_place_id_places")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aid_donors")),
    )
    with op.batch_alter_table("aid_donors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_aid_donors_aid_id"), ["aid_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_aid_donors_country_code"), ["country_code"], unique=False
        )

    op.create_table(
        "aid_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("aid_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["aid_id"],
            ["aid_records.id"],
            name=op.f("fk_aid_items_aid_id_aid_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aid_items")),
    )
    with op.batch_alter_table("aid_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_aid_items_aid_id"), ["aid_id"], unique=False)

    op.create_table(
        "aid_sources",
        sa.Column("aid_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["aid_id"],
            ["aid_records.id"],
            name=op.f("fk_aid_sources_aid_id_aid_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_aid_sources_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("aid_id", "source_id", name=op.f("pk_aid_sources")),
    )
    op.create_table(
        "programme_sources",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programmes.id"],
            name=op.f("fk_programme_sources_programme_id_programmes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_programme_sources_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("programme_id", "source_id", name=op.f("pk_programme_sources")),
    )
    op.create_table(
        "programme_spending",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("period", PARTIAL_DATE, nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("purpose_uk", sa.Text(), nullable=True),
        sa.Column("purpose_en", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programmes.id"],
            name=op.f("fk_programme_spending_programme_id_programmes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_spending")),
    )
    with op.batch_alter_table("programme_spending", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_programme_spending_programme_id"), ["programme_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("programme_spending", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_spending_programme_id"))

    op.drop_table("programme_spending")
    op.drop_table("programme_sources")
    op.drop_table("aid_sources")
    with op.batch_alter_table("aid_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aid_items_aid_id"))

    op.drop_table("aid_items")
    with op.batch_alter_table("aid_donors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aid_donors_country_code"))
        batch_op.drop_index(batch_op.f("ix_aid_donors_aid_id"))

    op.drop_table("aid_donors")
    op.drop_table("agreement_sources")
    with op.batch_alter_table("agreement_extensions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_extensions_agreement_id"))

    op.drop_table("agreement_extensions")
    op.drop_table("activity_sources")
    with op.batch_alter_table("programmes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programmes_hromada_code"))

    op.drop_table("programmes")
    with op.batch_alter_table("aid_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aid_records_hromada_code"))

    op.drop_table("aid_records")
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreements_place_id"))
        batch_op.drop_index(batch_op.f("ix_agreements_hromada_code"))

    op.drop_table("agreements")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activities_hromada_code"))

    op.drop_table("activities")
    op.drop_table("sources")
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_places_country_code"))

    op.drop_table("places")
    op.drop_table("hromadas")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_batch"))
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
