"""Sending what the bot says: answers with their buttons, cards, long texts in pieces."""

from __future__ import annotations

from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardMarkup, Message

from bot.keyboards.questions import offered_keyboard
from bot.services import BotServices
from bot.texts import escaped, split_message
from knowledge.qa.answer import Answer
from knowledge.qa.context_codec import context_from_data, context_to_data

CONTEXT_KEY = "context"
OFFERED_KEY = "offered"


async def send_text(
    message: Message,
    html_text: str,
    reply_markup: InlineKeyboardMarkup | None = None,
    *,
    reply: bool = False,
) -> None:
    """Send HTML in as many messages as it needs; the buttons go under the last one."""
    pieces = split_message(html_text)
    for number, piece in enumerate(pieces, start=1):
        markup = reply_markup if number == len(pieces) else None
        if reply and number == 1:
            await message.reply(piece, reply_markup=markup)
        else:
            await message.answer(piece, reply_markup=markup)


async def remember_offer(state: FSMContext | None, questions: list[str]) -> None:
    """Remember the questions the buttons under the last message stand for."""
    if state is not None:
        await state.update_data({OFFERED_KEY: questions})


async def offered_question(state: FSMContext | None, index: int) -> str | None:
    """The question behind an offered button, if the offer is still the chat's latest."""
    if state is None:
        return None
    offered = (await state.get_data()).get(OFFERED_KEY)
    if not isinstance(offered, list) or not 0 <= index < len(offered):
        return None
    question = offered[index]
    return question if isinstance(question, str) else None


def _browsable_hromada(services: BotServices, answer: Answer) -> str | None:
    code = answer.entities.get("hromada")
    if isinstance(code, str) and services.engine.snapshot.agreements_by_hromada.get(code):
        return code
    return None


async def answer_question(
    message: Message,
    state: FSMContext | None,
    services: BotServices,
    lang: str,
    question: str,
    *,
    reply: bool = False,
) -> Answer:
    """Answer in the chat's conversation: the last answer's context in, the new one kept."""
    data = await state.get_data() if state is not None else {}
    context = context_from_data(data.get(CONTEXT_KEY))
    answer = services.engine.answer(question, context, lang, services.today())
    offered = [choice.question for choice in answer.choices] + list(answer.suggestions)
    labels = [choice.label for choice in answer.choices] + list(answer.suggestions)
    if state is not None:
        await state.update_data(
            {CONTEXT_KEY: context_to_data(answer.context), OFFERED_KEY: offered}
        )
    keyboard = offered_keyboard(labels, _browsable_hromada(services, answer))
    await send_text(message, escaped(answer.text), keyboard, reply=reply)
    return answer
