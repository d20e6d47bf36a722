"""Typed button data; each packs to at most 64 bytes, and forged data simply fails to unpack."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


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


class HromadaOpen(CallbackData, prefix="hr"):
    """Show a hromada's card."""

    code: str


class PartnersOpen(CallbackData, prefix="pp"):
    """Show a page of a hromada's partners."""

    code: str
    page: int


class AgreementOpen(CallbackData, prefix="ag"):
    """Show an agreement's card; `agreement` is its short id."""

    agreement: str


class AgreementMap(CallbackData, prefix="map"):
    """Send the partner's location."""

    agreement: str


class AgreementAid(CallbackData, prefix="aid"):
    """Show the aid from the partner's country."""

    agreement: str


class AdminPick(CallbackData, prefix="adp"):
    """An admin picks the `index`-th offered choice for a step of a dialog (`field`)."""

    field: str
    index: int


class AdminConfirm(CallbackData, prefix="adc"):
    """An admin confirms (or cancels) the change previewed."""

    ok: bool


class SuggestCorrection(CallbackData, prefix="fix"):
    """A resident suggests a correction of the answer above; `hromada` its code, or ""."""

    hromada: str


class CorrectionReply(CallbackData, prefix="fixr"):
    """An editor replies to the resident's correction `id`."""

    id: int


class FactAction(CallbackData, prefix="fact"):
    """Add, edit or skip (`action`) the `index`-th fact proposed from a document (`document`,
    a short id; the proposals stay with the bot)."""

    document: str
    index: int
    action: str


class DocumentFacts(CallbackData, prefix="facts"):
    """Add or skip (`action`) every open fact proposed from a document."""

    document: str
    action: str
