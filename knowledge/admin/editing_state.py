"""What an editing conversation keeps between an admin's messages, typed: the record being
edited, the change waiting for Confirm, the new source waiting for its title, the records
offered to choose from, what a confirmed change has yet to say, the file whose import
preview waits for Apply, the fact of a document waiting for its place's country, and a
resident's correction or an editor's reply to it being written.

Each is kept in the conversation data under its own key as JSON (`to_data`), and read back
with `from_data`, which gives None for anything missing or malformed. Records are kept as
their documents' JSON (`model_dump(mode="json")`), as the save reads them.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, ValidationError

Document = dict[str, Any]
# Records a change brings along (a new place or source), as (entity, document).
Extra = list[tuple[str, Document]]


class _Kept(BaseModel):
    """A typed part of the conversation data, kept under `KEY`."""

    model_config = ConfigDict(frozen=True)

    KEY: ClassVar[str]

    def to_data(self) -> dict[str, Any]:
        """The part as JSON-ready conversation data, to merge into it."""
        return {self.KEY: self.model_dump(mode="json")}

    @classmethod
    def cleared(cls) -> dict[str, Any]:
        """The conversation data to merge so that none of this part is kept."""
        return {cls.KEY: None}

    @classmethod
    def _kept(cls, data: Mapping[str, Any]) -> Any:
        return data.get(cls.KEY)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self | None:
        """The part kept in the conversation data, None if there is none (or it is
        malformed)."""
        kept = cls._kept(data)
        if not isinstance(kept, Mapping):
            return None
        try:
            return cls.model_validate(kept)
        except ValidationError:
            return None


class EditedRecord(_Kept):
    """A record being edited: its kind and key, as stored when the edit began (`expected`,
    None for a record not written yet), the draft changed so far (None: the stored record
    itself), the records the draft brings along and the field asked for (None while the
    field is being chosen)."""

    KEY: ClassVar[str] = "edited"

    entity: str
    key: str
    expected: Document | None = None
    draft: Document | None = None
    extra: Extra = []
    field: str | None = None

    @property
    def base(self) -> Document:
        """The fields a new value changes: the draft's, else the stored record's."""
        return self.draft or self.expected or {}

    @classmethod
    def _kept(cls, data: Mapping[str, Any]) -> Any:
        # An edit begun before this part had its key kept its fields at the top.
        return data.get(cls.KEY) or (data if "entity" in data and "key" in data else None)


class Operation(StrEnum):
    """What Confirm does."""

    SAVE = "save"
    DELETE = "delete"
    UNDO = "undo"


class PendingChange(_Kept):
    """A previewed change waiting for Confirm: saving `doc` (with `extra`) over `expected`,
    deleting `expected`, or undoing change `change_id` (or every change of `batch`)."""

    KEY: ClassVar[str] = "pending"

    operation: Operation
    entity: str
    key: str
    doc: Document | None = None
    expected: Document | None = None
    extra: Extra = []
    change_id: int | None = None
    batch: str | None = None

    @classmethod
    def _kept(cls, data: Mapping[str, Any]) -> Any:
        # A preview shown before this part had its key kept its fields at the top.
        return data.get(cls.KEY) or (data if "operation" in data else None)


class UntitledSource(_Kept):
    """A new record whose new source, made from a link, waits for its title: the record's
    kind, its document and the records it brings along (the source among them)."""

    KEY: ClassVar[str] = "titled"

    entity: str
    doc: Document
    extra: Extra = []


class RecordChoice(_Kept):
    """The records found for /edit or /delete (`deleting`), as (entity, key), offered as
    buttons in this order."""

    KEY: ClassVar[str] = "found"

    records: list[tuple[str, str]]
    deleting: bool = False

    @classmethod
    def _kept(cls, data: Mapping[str, Any]) -> Any:
        if cls.KEY in data:
            return data[cls.KEY]
        # Found before this part had its key: kept as "choices" and "delete" at the top.
        choices = data.get("choices")
        if isinstance(choices, list) and all(isinstance(c, list | tuple) for c in choices):
            return {"records": choices, "deleting": bool(data.get("delete", False))}
        return None


class UnsaidOutcome(_Kept):
    """The answer of a confirmed change, kept from its writing until it is said, so that a
    Confirm delivered again says it rather than writing again."""

    KEY: ClassVar[str] = "unsaid_outcome"

    text: str

    @classmethod
    def _kept(cls, data: Mapping[str, Any]) -> Any:
        kept = data.get(cls.KEY)
        # Kept as the bare text before this part had a shape.
        return {"text": kept} if isinstance(kept, str) else kept


class StartedUndo(_Kept):
    """The job a confirmed undo of an import started, so that a Confirm delivered again tells
    how the undo goes."""

    KEY: ClassVar[str] = "undo_job"

    job_id: int

    @classmethod
    def _kept(cls, data: Mapping[str, Any]) -> Any:
        kept = data.get(cls.KEY)
        # Kept as the bare id before this part had a shape.
        is_id = isinstance(kept, int) and not isinstance(kept, bool)
        return {"job_id": kept} if is_id else kept


class PreviewedImport(_Kept):
    """A file whose import preview waits for Apply: the token its buttons carry, its name and
    its bytes (base64, as the conversation data is JSON)."""

    KEY: ClassVar[str] = "import"

    upload: str
    filename: str
    data: str

    @classmethod
    def of_file(cls, upload: str, filename: str, content: bytes) -> PreviewedImport:
        """The file `content` named `filename`, previewed under the token `upload`."""
        return cls(upload=upload, filename=filename, data=base64.b64encode(content).decode())

    @property
    def content(self) -> bytes:
        """The file's bytes."""
        return base64.b64decode(self.data)

    @classmethod
    def _kept(cls, data: Mapping[str, Any]) -> Any:
        # A preview shown before this part had its key kept its fields at the top.
        return data.get(cls.KEY) or (data if "upload" in data else None)


class FactCountry(_Kept):
    """A fact of a document (`index` among the facts of the cards kept under the token
    `document`) whose new partner place waits for its country before its edit dialog opens."""

    KEY: ClassVar[str] = "fact_country"

    document: str
    index: int

    @classmethod
    def _kept(cls, data: Mapping[str, Any]) -> Any:
        # Asked before this part had its key: kept as "document" and "index" at the top.
        return data.get(cls.KEY) or (data if "document" in data and "index" in data else None)


class CorrectionDraft(_Kept):
    """A resident's correction being written: the hromada of the answer it corrects (its
    KATOTTH code, None for none) and that answer's text."""

    KEY: ClassVar[str] = "correction"

    hromada: str | None = None
    answer: str = ""

    @classmethod
    def _kept(cls, data: Mapping[str, Any]) -> Any:
        if cls.KEY in data:
            return data[cls.KEY]
        # Asked before this part had its key: kept as "correction_…" at the top.
        if "correction_answer" in data or "correction_hromada" in data:
            return {
                "hromada": data.get("correction_hromada"),
                "answer": data.get("correction_answer") or "",
            }
        return None


class ReplyDraft(_Kept):
    """An editor's reply being written to the correction `correction_id`."""

    KEY: ClassVar[str] = "reply"

    correction_id: int

    @classmethod
    def _kept(cls, data: Mapping[str, Any]) -> Any:
        if cls.KEY in data:
            return data[cls.KEY]
        # Asked before this part had its key: kept as "correction_id" at the top.
        return {"correction_id": data["correction_id"]} if "correction_id" in data else None
