"""The states of the editing dialogs, as aiogram keeps them per conversation (their names,
"EditForm:value" and the like, are what a conversation kept across a restart holds)."""

from __future__ import annotations

from aiogram.fsm.state import State, StatesGroup


class EditForm(StatesGroup):
    """Changing one field of a record."""

    field = State()
    value = State()


class Pending(StatesGroup):
    """A previewed change waits for Confirm or Cancel."""

    confirm = State()


class SourceTitle(StatesGroup):
    """A new source made from a link waits for its title (data: `titled`, the preview's parts)."""

    title = State()


class RecordForm(StatesGroup):
    """A new record, one question after another (data: `dialogs.DialogState`)."""

    step = State()
