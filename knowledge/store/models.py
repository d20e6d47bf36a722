"""The relational schema. It exists in a database only through the Alembic migrations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeEngine

from knowledge.facts.dates import PartialDate

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

KEY_LENGTH = 100


def aware(moment: dt.datetime) -> dt.datetime:
    """The moment with its time zone; SQLite hands stored UTC moments back without one."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


class PartialDateType(TypeDecorator[PartialDate]):
    """Stores a PartialDate as its ISO text, so its precision survives the round trip."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: PartialDate | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> PartialDate | None:
        return None if value is None else PartialDate.parse(value)


class MoneyAmount(TypeDecorator[Decimal]):
    """Exact money: NUMERIC where the database has it, text on SQLite, which would round it."""

    impl = Numeric(16, 2)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(24))
        return dialect.type_descriptor(Numeric(16, 2))

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        return str(value) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        PartialDate: PartialDateType(),
        Decimal: MoneyAmount(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
    }


class SourceRow(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(KEY_LENGTH), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    title_uk: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    issuer_uk: Mapped[str] = mapped_column(Text)
    issuer_en: Mapped[str] = mapped_column(Text)
    document_number: Mapped[str | None] = mapped_column(String(100))
    issued_on: Mapped[PartialDate | None]
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    notes: Mapped[str | None] = mapped_column(Text)


class HromadaRow(Base):
    __tablename__ = "hromadas"

    code: Mapped[str] = mapped_column(String(19), primary_key=True)
    name_uk: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str | None] = mapped_column(String(16))
    oblast_code: Mapped[str | None] = mapped_column(String(19))
    oblast_uk: Mapped[str | None] = mapped_column(String(200))
    oblast_en: Mapped[str | None] = mapped_column(String(200))
    raion_code: Mapped[str | None] = mapped_column(String(19))
    raion_uk: Mapped[str | None] = mapped_column(String(200))
    raion_en: Mapped[str | None] = mapped_column(String(200))
    center_uk: Mapped[str | None] = mapped_column(String(200))
    center_en: Mapped[str | None] = mapped_column(String(200))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    population: Mapped[int | None] = mapped_column(Integer)
    aliases: Mapped[list[str]] = mapped_column(default=list)


class PlaceRow(Base):
    __tablename__ = "places"
    __table_args__ = (CheckConstraint("length(country_code) = 2", name="country_code_alpha2"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(KEY_LENGTH), unique=True)
    name_uk: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    name_local: Mapped[str] = mapped_column(String(200))
    country_code: Mapped[str] = mapped_column(String(2), index=True)
    region_uk: Mapped[str | None] = mapped_column(String(200))
    region_en: Mapped[str | None] = mapped_column(String(200))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geonames_id: Mapped[int | None] = mapped_column(Integer)
    aliases: Mapped[list[str]] = mapped_column(default=list)
    notes_uk: Mapped[str | None] = mapped_column(Text)
    notes_en: Mapped[str | None] = mapped_column(Text)


class AgreementSourceRow(Base):
    __tablename__ = "agreement_sources"

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(Text)
    source: Mapped[SourceRow] = relationship(lazy="joined")


class AgreementRow(Base):
    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(KEY_LENGTH), unique=True)
    hromada_code: Mapped[str] = mapped_column(ForeignKey("hromadas.code"), index=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32))
    title_uk: Mapped[str | None] = mapped_column(Text)
    title_en: Mapped[str | None] = mapped_column(Text)
    signed_on: Mapped[PartialDate | None]
    planned_on: Mapped[PartialDate | None]
    valid_until: Mapped[PartialDate | None]
    term_years: Mapped[int | None] = mapped_column(Integer)
    areas: Mapped[list[str]] = mapped_column(default=list)
    notes_uk: Mapped[str | None] = mapped_column(Text)
    notes_en: Mapped[str | None] = mapped_column(Text)

    place: Mapped[PlaceRow] = relationship(lazy="joined")
    sources: Mapped[list[AgreementSourceRow]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="AgreementSourceRow.position"
    )
    extensions: Mapped[list[AgreementExtensionRow]] = relationship(
        lazy="selectin",
        cascade="all, delete-orphan",
        order_by="AgreementExtensionRow.position",
    )


class AgreementExtensionRow(Base):
    __tablename__ = "agreement_extensions"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    extended_on: Mapped[PartialDate]
    term_years: Mapped[int | None] = mapped_column(Integer)
    valid_until: Mapped[PartialDate | None]
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    notes_uk: Mapped[str | None] = mapped_column(Text)
    notes_en: Mapped[str | None] = mapped_column(Text)

    source: Mapped[SourceRow] = relationship(lazy="joined")


class AidSourceRow(Base):
    __tablename__ = "aid_sources"

    aid_id: Mapped[int] = mapped_column(
        ForeignKey("aid_records.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(Text)
    source: Mapped[SourceRow] = relationship(lazy="joined")


class AidRow(Base):
    __tablename__ = "aid_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(KEY_LENGTH), unique=True)
    hromada_code: Mapped[str] = mapped_column(ForeignKey("hromadas.code"), index=True)
    received_on: Mapped[PartialDate | None]
    amount: Mapped[Decimal | None] = mapped_column()
    currency: Mapped[str | None] = mapped_column(String(3))
    description_uk: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    notes_uk: Mapped[str | None] = mapped_column(Text)
    notes_en: Mapped[str | None] = mapped_column(Text)

    donors: Mapped[list[AidDonorRow]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="AidDonorRow.position"
    )
    items: Mapped[list[AidItemRow]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="AidItemRow.position"
    )
    sources: Mapped[list[AidSourceRow]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="AidSourceRow.position"
    )


class AidDonorRow(Base):
    __tablename__ = "aid_donors"

    id: Mapped[int] = mapped_column(primary_key=True)
    aid_id: Mapped[int] = mapped_column(
        ForeignKey("aid_records.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    country_code: Mapped[str | None] = mapped_column(String(2), index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"))
    name: Mapped[str | None] = mapped_column(Text)

    place: Mapped[PlaceRow | None] = relationship(lazy="joined")


class AidItemRow(Base):
    __tablename__ = "aid_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    aid_id: Mapped[int] = mapped_column(
        ForeignKey("aid_records.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(40))
    quantity: Mapped[int | None] = mapped_column(Integer)


class ActivitySourceRow(Base):
    __tablename__ = "activity_sources"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(Text)
    source: Mapped[SourceRow] = relationship(lazy="joined")


class ActivityRow(Base):
    __tablename__ = "activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(KEY_LENGTH), unique=True)
    hromada_code: Mapped[str] = mapped_column(ForeignKey("hromadas.code"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    started_on: Mapped[PartialDate | None]
    ended_on: Mapped[PartialDate | None]
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"))
    count: Mapped[int | None] = mapped_column(Integer)
    count_is_lower_bound: Mapped[bool] = mapped_column(default=False)
    summary_uk: Mapped[str] = mapped_column(Text)
    summary_en: Mapped[str] = mapped_column(Text)

    place: Mapped[PlaceRow | None] = relationship(lazy="joined")
    sources: Mapped[list[ActivitySourceRow]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="ActivitySourceRow.position"
    )


class ProgrammeSourceRow(Base):
    __tablename__ = "programme_sources"

    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(Text)
    source: Mapped[SourceRow] = relationship(lazy="joined")


class ProgrammeRow(Base):
    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(KEY_LENGTH), unique=True)
    hromada_code: Mapped[str] = mapped_column(ForeignKey("hromadas.code"), index=True)
    title_uk: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    first_year: Mapped[int | None] = mapped_column(Integer)
    last_year: Mapped[int | None] = mapped_column(Integer)
    approved_by_uk: Mapped[str | None] = mapped_column(Text)
    approved_by_en: Mapped[str | None] = mapped_column(Text)

    spending: Mapped[list[ProgrammeSpendingRow]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="ProgrammeSpendingRow.position"
    )
    sources: Mapped[list[ProgrammeSourceRow]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="ProgrammeSourceRow.position"
    )


class ProgrammeSpendingRow(Base):
    __tablename__ = "programme_spending"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    period: Mapped[PartialDate]
    amount: Mapped[Decimal] = mapped_column()
    currency: Mapped[str] = mapped_column(String(3))
    purpose_uk: Mapped[str | None] = mapped_column(Text)
    purpose_en: Mapped[str | None] = mapped_column(Text)


class AuditEntryRow(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(String(100))
    batch: Mapped[str | None] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(32))
    entity_key: Mapped[str] = mapped_column(String(KEY_LENGTH))
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]


class ChatPreferenceRow(Base):
    """What a chat chose for itself: a private chat is its user, a group is its admins' choice."""

    __tablename__ = "chat_preferences"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    language: Mapped[str | None] = mapped_column(String(2))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class EditorRow(Base):
    """A person a super-admin allowed to edit the knowledge base, for one hromada or all."""

    __tablename__ = "editors"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, index=True)
    # NULL means every hromada.
    hromada_code: Mapped[str | None] = mapped_column(ForeignKey("hromadas.code"))
    granted_by: Mapped[int] = mapped_column(BigInteger)
    granted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class AdminSettingRow(Base):
    """One administrative setting or cursor, such as the log chat or the last forwarded entry."""

    __tablename__ = "admin_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ReminderSentRow(Base):
    """A reminder already sent about an agreement's end, so it is sent once per threshold."""

    __tablename__ = "reminders_sent"
    __table_args__ = (UniqueConstraint("agreement_key", "threshold_days", "valid_until"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_key: Mapped[str] = mapped_column(String(KEY_LENGTH))
    threshold_days: Mapped[int] = mapped_column(Integer)
    valid_until: Mapped[str] = mapped_column(String(10))
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class SubscriptionRow(Base):
    """A chat that wants to hear about new agreements and aid of a hromada."""

    __tablename__ = "subscriptions"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    hromada_code: Mapped[str] = mapped_column(
        ForeignKey("hromadas.code", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # The forum topic (message_thread_id) the chat subscribed in; NULL outside forums.
    thread_id: Mapped[int | None] = mapped_column(BigInteger)
    # False while the chat refuses the bot (blocked it, removed it, was deleted).
    active: Mapped[bool] = mapped_column(Boolean, server_default=true())


class OutboxMessageRow(Base):
    """An announcement Telegram has not taken yet (it was down, or the network was): sent
    again at `next_attempt_at`, deleted once delivered or once the chat refuses the bot."""

    __tablename__ = "outbox_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    # The forum topic (message_thread_id); NULL outside forums.
    thread_id: Mapped[int | None] = mapped_column(BigInteger)
    # Whose news it is, so that unsubscribing from the hromada also drops what is pending.
    hromada_code: Mapped[str] = mapped_column(String(19))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # Sends tried so far; also the version a sender claims the message by.
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    # Why the last send failed, in a word, for the operator ("unavailable": Telegram or the
    # network still failed after the session's own retries).
    last_error: Mapped[str | None] = mapped_column(String(64))


# The undo jobs that hold their import: unique per undone batch.
UNDO_UNDER_WAY = "undone_batch IS NOT NULL AND state NOT IN ('failed', 'cancelled')"


class WriteJobRow(Base):
    """An import, or the undo of one, written in chunks each committed on its own, so that it
    survives the process that started it: another process claims it once `lease_until` has
    passed and goes on from `chunks_done`."""

    __tablename__ = "write_jobs"
    # At most one undo of an import is waiting, running or done at any time, whatever number of
    # Confirm presses arrive at once (one that failed or was cancelled may be started again).
    __table_args__ = (
        Index(
            "uq_write_jobs_undo_under_way",
            "undone_batch",
            unique=True,
            sqlite_where=text(UNDO_UNDER_WAY),
            postgresql_where=text(UNDO_UNDER_WAY),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # "import" or "undo".
    kind: Mapped[str] = mapped_column(String(16))
    # "waiting" (not planned yet), "running", "done", "failed" or "cancelled".
    state: Mapped[str] = mapped_column(String(16), index=True)
    # Who writes: the audit log's name, and the Telegram user whose rights apply (NULL: the
    # command line, which holds every right).
    actor: Mapped[str] = mapped_column(String(100))
    user_id: Mapped[int | None] = mapped_column(BigInteger)
    filename: Mapped[str | None] = mapped_column(String(255))
    # The uploaded file until the import is planned, then dropped.
    upload: Mapped[bytes | None] = mapped_column(LargeBinary)
    skip_rejected: Mapped[bool] = mapped_column(Boolean, server_default=false())
    # The planned records (an import) or audit entry ids (an undo), split into chunks.
    plan: Mapped[dict[str, Any] | None]
    # The audit batch the job writes (an undo of the import cancels the job by it), and for
    # an undo the batch it undoes.
    # Unique, so that an Apply pressed twice (the batch is named by its preview) stores one.
    batch: Mapped[str] = mapped_column(String(36), index=True, unique=True)
    undone_batch: Mapped[str | None] = mapped_column(String(36), index=True)
    chunks_done: Mapped[int] = mapped_column(Integer, server_default="0")
    chunks_total: Mapped[int | None] = mapped_column(Integer)
    records_done: Mapped[int] = mapped_column(Integer, server_default="0")
    records_total: Mapped[int | None] = mapped_column(Integer)
    created: Mapped[int] = mapped_column(Integer, server_default="0")
    updated: Mapped[int] = mapped_column(Integer, server_default="0")
    unchanged: Mapped[int] = mapped_column(Integer, server_default="0")
    # Where its progress is shown (a private chat and the message edited), in which language.
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    language: Mapped[str | None] = mapped_column(String(2))
    # The process running it, until when; another may claim it after that.
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # Why it failed, in a word ("refused", "forbidden", "changed since", "gave up").
    failure: Mapped[str | None] = mapped_column(String(32))
    # Runs in a row that claimed it without moving it on: a job whose runs keep failing is
    # given up after MAX_ATTEMPTS.
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    # Every run that claimed it, including those a killed or stopped process left (shown by
    # `kb jobs`).
    runs: Mapped[int] = mapped_column(Integer, server_default="0")


class UnansweredQuestionRow(Base):
    """A question the bot could not answer, kept without who asked it."""

    __tablename__ = "unanswered_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    asked_on: Mapped[dt.date] = mapped_column(Date)
    lang: Mapped[str] = mapped_column(String(2))
    reason: Mapped[str] = mapped_column(String(16))
    hromada_code: Mapped[str | None] = mapped_column(String(19), index=True)
    question: Mapped[str] = mapped_column(Text)


class CorrectionRow(Base):
    """A resident's correction of an answer, and an editor's reply to it."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    hromada_code: Mapped[str | None] = mapped_column(String(19), index=True)
    user_id: Mapped[int] = mapped_column(BigInteger)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    lang: Mapped[str] = mapped_column(String(2))
    answer: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    replied_by: Mapped[int | None] = mapped_column(BigInteger)
    replied_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    reply: Mapped[str | None] = mapped_column(Text)
