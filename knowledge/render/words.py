"""Vocabulary values read back from what people write: the code, the label in English or in
Ukrainian, or a usual word. The spreadsheet import and the editors' dialogs both read with it."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from functools import cache
from typing import TypeVar

from knowledge.facts.vocabulary import AgreementKind, AgreementStatus, AidCategory
from knowledge.render.labels import AGREEMENT_KINDS, AGREEMENT_STATUSES, AID_CATEGORIES
from knowledge.render.translations import translation
from knowledge.text.normalize import name_key

_Choice = TypeVar("_Choice", bound=StrEnum)

# Words people write for a kind or a status besides its label, in either language.
KIND_WORDS = {
    "побратимство": AgreementKind.TWINNING,
    "побратими": AgreementKind.TWINNING,
    "угода про побратимство": AgreementKind.TWINNING,
    "угода про співпрацю": AgreementKind.COOPERATION_AGREEMENT,
    "угода про співробітництво": AgreementKind.COOPERATION_AGREEMENT,
    "співпраця": AgreementKind.COOPERATION_AGREEMENT,
    "угода": AgreementKind.COOPERATION_AGREEMENT,
    "меморандум": AgreementKind.MEMORANDUM,
    "меморандум про співпрацю": AgreementKind.MEMORANDUM,
    "клятва про дружбу": AgreementKind.FRIENDSHIP_PLEDGE,
    "декларація про дружбу": AgreementKind.FRIENDSHIP_PLEDGE,
    "дружба": AgreementKind.FRIENDSHIP_PLEDGE,
    "протокол про наміри": AgreementKind.PROTOCOL_OF_INTENT,
    "протокол": AgreementKind.PROTOCOL_OF_INTENT,
    "інше": AgreementKind.OTHER,
    "інша угода": AgreementKind.OTHER,
    "sister city": AgreementKind.TWINNING,
    "sister cities": AgreementKind.TWINNING,
    "twin city": AgreementKind.TWINNING,
    "twin": AgreementKind.TWINNING,
    "cooperation": AgreementKind.COOPERATION_AGREEMENT,
    # Press offices call any tie with a partner a partnership: the agreement it rests on.
    "partnership": AgreementKind.COOPERATION_AGREEMENT,
    "partnership agreement": AgreementKind.COOPERATION_AGREEMENT,
    "партнерство": AgreementKind.COOPERATION_AGREEMENT,
    "угода про партнерство": AgreementKind.COOPERATION_AGREEMENT,
    "партнерські відносини": AgreementKind.COOPERATION_AGREEMENT,
    "партнерство городов": AgreementKind.COOPERATION_AGREEMENT,
    "friendship": AgreementKind.FRIENDSHIP_PLEDGE,
    "protocol": AgreementKind.PROTOCOL_OF_INTENT,
    "other": AgreementKind.OTHER,
    # Russian, as some editors and older council documents write them.
    "побратимы": AgreementKind.TWINNING,
    "города-побратимы": AgreementKind.TWINNING,
    "сотрудничество": AgreementKind.COOPERATION_AGREEMENT,
    "соглашение": AgreementKind.COOPERATION_AGREEMENT,
    "соглашение о сотрудничестве": AgreementKind.COOPERATION_AGREEMENT,
    "меморандум о сотрудничестве": AgreementKind.MEMORANDUM,
    "дружба городов": AgreementKind.FRIENDSHIP_PLEDGE,
    "протокол о намерениях": AgreementKind.PROTOCOL_OF_INTENT,
    "другое": AgreementKind.OTHER,
}
STATUS_WORDS = {
    "чинна": AgreementStatus.ACTIVE,
    "діє": AgreementStatus.ACTIVE,
    "діюча": AgreementStatus.ACTIVE,
    "тривають перемовини": AgreementStatus.IN_NEGOTIATION,
    "перемовини": AgreementStatus.IN_NEGOTIATION,
    "переговори": AgreementStatus.IN_NEGOTIATION,
    "negotiation": AgreementStatus.IN_NEGOTIATION,
    "запланована": AgreementStatus.PLANNED,
    "планується": AgreementStatus.PLANNED,
    "призупинена": AgreementStatus.SUSPENDED,
    "припинена": AgreementStatus.TERMINATED,
    "розірвана": AgreementStatus.TERMINATED,
    "термін дії минув": AgreementStatus.EXPIRED,
    "завершена": AgreementStatus.EXPIRED,
    "закінчилася": AgreementStatus.EXPIRED,
    # Russian, as some editors write them.
    "действует": AgreementStatus.ACTIVE,
    "действующее": AgreementStatus.ACTIVE,
    "действующий": AgreementStatus.ACTIVE,
    "переговоры": AgreementStatus.IN_NEGOTIATION,
    "запланировано": AgreementStatus.PLANNED,
    "приостановлено": AgreementStatus.SUSPENDED,
    "прекращено": AgreementStatus.TERMINATED,
    "расторгнуто": AgreementStatus.TERMINATED,
    "истекло": AgreementStatus.EXPIRED,
    "истек срок": AgreementStatus.EXPIRED,
}


# Words people write for a kind of aid besides its label, in either language.
AID_CATEGORY_WORDS = {
    "ліки": AidCategory.MEDICINES,
    "медичні препарати": AidCategory.MEDICINES,
    "medicine": AidCategory.MEDICINES,
    "medication": AidCategory.MEDICINES,
    "генератор": AidCategory.GENERATORS,
    "generator": AidCategory.GENERATORS,
    "продукти": AidCategory.FOOD,
    "продукти харчування": AidCategory.FOOD,
    "їжа": AidCategory.FOOD,
    "одяг": AidCategory.CLOTHING,
    "намети": AidCategory.TENTS,
    "автобус": AidCategory.BUSES,
    "автобуси": AidCategory.BUSES,
    "автомобілі": AidCategory.VEHICLES,
    "автомобіль": AidCategory.VEHICLES,
    "машини": AidCategory.VEHICLES,
    "кошти": AidCategory.FUNDS,
    "гроші": AidCategory.FUNDS,
    "money": AidCategory.FUNDS,
}


@cache
def _words_of(labels: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Every way to write each value: its code, its label in English and in Ukrainian."""
    ukrainian = translation("uk")
    words: dict[str, str] = {}
    for value, label in labels:
        for word in (value, value.replace("_", " "), label, ukrainian.gettext(label)):
            words.setdefault(name_key(word), value)
    return words


def read_choice(
    text: str,
    choices: type[_Choice],
    labels: Mapping[_Choice, str],
    words: Mapping[str, _Choice] | None = None,
) -> _Choice | None:
    """The value of a vocabulary that `text` names, or None.

    Accepted: the code (`twinning`, `medical_equipment` or `medical equipment`), the label in
    English or Ukrainian (`Cooperation agreement`, «Угода про співпрацю», «генератори»), and
    the extra `words`; any case, apostrophe and spacing.
    """
    key = name_key(text)
    known = _words_of(tuple((str(value), label) for value, label in labels.items()))
    if key in known:
        return choices(known[key])
    if words is None:
        return None
    return next((value for word, value in words.items() if name_key(word) == key), None)


def read_kind(text: str) -> AgreementKind | None:
    """The kind of agreement `text` names (code, label or a usual word), or None."""
    return read_choice(text, AgreementKind, AGREEMENT_KINDS, KIND_WORDS)


def read_aid_category(text: str) -> AidCategory | None:
    """The kind of aid `text` names (code, label or a usual word such as «ліки»), or None."""
    return read_choice(text, AidCategory, AID_CATEGORIES, AID_CATEGORY_WORDS)


def read_status(text: str) -> AgreementStatus | None:
    """The status `text` names (code, label or a usual word), or None."""
    return read_choice(text, AgreementStatus, AGREEMENT_STATUSES, STATUS_WORDS)
