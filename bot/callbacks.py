"""Typed button data; each packs to at most 64 bytes, and forged data simply fails to unpack.

A prefix that ends in a digit is versioned: when the fields of its data change, the digit goes
up, so that buttons left in chats under the old layout find no handler and are answered as out
of date (`bot.handlers.fallback`) instead of being read as something else.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from aiogram.filters.callback_data import CallbackData


class AnswerLanguageData(CallbackData, prefix="_"):
    """Button data whose last field is `lang: str = ""`: the language ("uk", "en") of the
    answer it was under, "" for the chat's.

    Without one it packs as before the field was added, and such data, under older messages,
    still unpacks.
    """

    def pack(self) -> str:
        """The data, without a trailing empty `lang`."""
        packed = super().pack()
        return packed if getattr(self, "lang", "") else packed.removesuffix(self.__separator__)

    @classmethod
    def unpack(cls, value: str) -> Self:
        """The data, `lang` "" when it has none; TypeError/ValueError when forged."""
        if value.count(cls.__separator__) == len(cls.model_fields) - 1:
            value += cls.__separator__
        return super().unpack(value)


class LanguageChoice(CallbackData, prefix="lang"):
    """Switch the chat's language."""

    code: str


class OfferedQuestion(CallbackData, prefix="ask"):
    """Ask the question offered at this index (a suggestion or a reading of a name)."""

    index: int


class AskQuestion(CallbackData, prefix="q"):
    """Ask the question the button carries (`payload` as `bot.deeplinks.question_payload` makes
    it), whoever presses it and whenever."""

    payload: str


class AnswerPage(CallbackData, prefix="pg"):
    """The next page of a long answer the chat keeps under `token`."""

    token: str
    page: int


class HromadaOpen(AnswerLanguageData, prefix="hr"):
    """Show a hromada's card; `lang` ("uk", "en") that of the answer the browsing began under,
    "" for the chat's."""

    code: str
    lang: str = ""


class PartnersOpen(AnswerLanguageData, prefix="pp"):
    """Show a page of a hromada's partners; `lang` ("uk", "en") that of the answer the button
    was under, "" for the chat's."""

    code: str
    page: int
    lang: str = ""


class AgreementOpen(AnswerLanguageData, prefix="ag"):
    """Show an agreement's card; `agreement` is its short id, `lang` ("uk", "en") that of the
    answer the browsing began under, "" for the chat's."""

    agreement: str
    lang: str = ""


class AgreementMap(CallbackData, prefix="map"):
    """Send the partner's location."""

    agreement: str


class AgreementAid(AnswerLanguageData, prefix="aid"):
    """Show the aid from the partner's country; `lang` as for `AgreementOpen`."""

    agreement: str
    lang: str = ""


class StepPick(CallbackData, prefix="ads1"):
    """An admin picks the `index`-th choice offered under the question of a new-record
    dialog asked at `step` (the step's index in its dialog)."""

    step: int
    index: int


class RecordPick(CallbackData, prefix="adr1"):
    """An admin picks the `index`-th of the records found for /edit or /delete."""

    index: int


class FieldPick(CallbackData, prefix="adf1"):
    """An admin picks the `index`-th field of the record being edited (one past the last:
    save a draft as it is)."""

    index: int


class ValuePick(CallbackData, prefix="adv1"):
    """An admin picks the `index`-th value offered for the edited field `field` (the field's
    index in its record kind)."""

    field: int
    index: int


class TitleUse(CallbackData, prefix="adt1"):
    """An admin takes the suggested title of a new source made from a link, under the
    question of the dialog's step `step` (-1 outside a dialog)."""

    step: int


class Move(StrEnum):
    """Where a button under a dialog's question takes the admin."""

    BACK = "back"
    SKIP = "skip"


class DialogMove(CallbackData, prefix="adm1"):
    """An admin goes back from, or skips, the question of a dialog asked at `step` (the
    step's index in its dialog, or the edited field's in its record kind)."""

    move: Move
    step: int


# Every kind of button under an admin's editing dialog, for routing and refusals.
ADMIN_DIALOG_BUTTONS: tuple[type[CallbackData], ...] = (
    StepPick,
    RecordPick,
    FieldPick,
    ValuePick,
    TitleUse,
    DialogMove,
)


class AdminConfirm(CallbackData, prefix="adc"):
    """An admin confirms (or cancels) the change previewed."""

    ok: bool


class SuggestCorrection(AnswerLanguageData, prefix="fix"):
    """A resident suggests a correction of the answer above; `hromada` its code, or "";
    `lang` ("uk", "en") the answer's language, "" for the chat's."""

    hromada: str
    lang: str = ""


class CorrectionReply(CallbackData, prefix="fixr"):
    """An editor replies to the resident's correction `id`."""

    id: int


class FactMove(StrEnum):
    """What an editor does with a fact proposed from a document."""

    ADD = "add"
    EDIT = "edit"
    SKIP = "skip"


class FactAction(CallbackData, prefix="fact"):
    """Add, edit or skip (`action`) the `index`-th fact proposed from a document (`document`,
    a short id; the proposals stay with the bot)."""

    document: str
    index: int
    action: FactMove


class DocumentFacts(CallbackData, prefix="facts"):
    """Add or skip (`action`) every open fact proposed from a document."""

    document: str
    action: FactMove
