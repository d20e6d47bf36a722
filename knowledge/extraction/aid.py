"""Aid a hromada received: the delivery words, the donors, the goods with numbers, the money.

Only a delivery that happened counts («надійшли», «отримала», "donated"); one offered, planned
or asked for («готове надавати», «закликав до підтримки», "will send") does not.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from knowledge.extraction.keywords import (
    AID_WORDS,
    CONTINUATION_OPENERS,
    DELIVERY_STEMS,
    DONOR_CONTEXT,
    ITEM_RULES,
    NOT_YET,
    NUMBER_WORDS,
    ORGANISATION_WORDS,
    PROMISE_STEMS,
    WHOLE_ENGLISH,
    starts,
)
from knowledge.extraction.proposals import AidItemProposal
from knowledge.extraction.view import SentenceView
from knowledge.facts.vocabulary import AidCategory
from knowledge.text.morphology import is_singular_noun

_ITEM_LOOKAHEAD = 5
_CURRENCIES = {
    "грн": "UAH",
    "гривень": "UAH",
    "гривні": "UAH",
    "гривня": "UAH",
    "₴": "UAH",
    "uah": "UAH",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "євро": "EUR",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "доларів": "USD",
    "долари": "USD",
    "долар": "USD",
    "дол": "USD",
    "$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "фунтів": "GBP",
    "£": "GBP",
    "gbp": "GBP",
    "pounds": "GBP",
    "злотих": "PLN",
    "злотих.": "PLN",
    "zł": "PLN",
    "pln": "PLN",
    "zloty": "PLN",
    "франків": "CHF",
    "chf": "CHF",
    "єн": "JPY",
    "jpy": "JPY",
    "yen": "JPY",
}
_MULTIPLIERS = {
    "тис": 1000,
    "тисяч": 1000,
    "тисячі": 1000,
    "thousand": 1000,
    "млн": 1_000_000,
    "мільйон": 1_000_000,
    "мільйони": 1_000_000,
    "мільйонів": 1_000_000,
    "million": 1_000_000,
    "m": 1_000_000,
    "млрд": 1_000_000_000,
    "мільярд": 1_000_000_000,
    "мільярди": 1_000_000_000,
    "мільярдів": 1_000_000_000,
    "billion": 1_000_000_000,
}
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)*"
_CURRENCY_WORD = "|".join(re.escape(word) for word in sorted(_CURRENCIES, key=len, reverse=True))
_MULTIPLIER_WORD = "|".join(sorted(_MULTIPLIERS, key=len, reverse=True))
_MONEY_AFTER = re.compile(
    rf"(?P<number>{_NUMBER})\s*(?:(?P<mult>{_MULTIPLIER_WORD})\.?\s*)?(?P<cur>{_CURRENCY_WORD})"
    r"(?![\w])",
    re.IGNORECASE,
)
_MONEY_BEFORE = re.compile(
    rf"(?P<cur>[€$£₴]|(?:EUR|USD|GBP|UAH|PLN|CHF)\b)\s*(?P<number>{_NUMBER})"
    rf"(?:\s*(?P<mult>{_MULTIPLIER_WORD})\b)?",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[«“\"]([^»”\"]{2,80})[»”\"]")
_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{2,9}\b")
_NOT_ORGANISATIONS = frozenset({"USA", "UK", "EU", "NATO", "UN", "USCM", "UAH", "EUR", "USD"})


def delivery_word(view: SentenceView) -> str | None:
    """The word saying aid arrived, if the sentence says it did (not that it will)."""
    words = view.words
    for index, word in enumerate(words):
        if not starts(word, DELIVERY_STEMS):
            continue
        before = words[max(0, index - 3) : index]
        if any(starts(other, NOT_YET) for other in before):
            continue
        return view.sentence.written(index, index)
    return None


def mentions_aid(view: SentenceView) -> bool:
    """Whether the sentence speaks of aid or goods at all."""
    # "Nuremberg has donated €250,000 to Kharkiv": money given is aid too.
    return (
        any(starts(word, AID_WORDS) for word in view.words)
        or bool(items_in(view))
        or money_in(view.text) is not None
    )


def promises_aid(view: SentenceView) -> bool:
    """Whether the sentence tells only of aid to come («партнери обіцяють передати ще п'ять
    генераторів», "the partners promise to send five more"): a promise, no delivery."""
    return delivery_word(view) is None and any(starts(word, PROMISE_STEMS) for word in view.words)


def continues_previous(view: SentenceView) -> bool:
    """«В результаті співпраці ...»: the sentence refers back to the one before."""
    return any(view.text.casefold().startswith(opener) for opener in CONTINUATION_OPENERS)


def names_donors(view: SentenceView) -> bool:
    """Whether the sentence speaks of donors (to borrow their countries)."""
    return any(starts(word, DONOR_CONTEXT) for word in view.words)


def items_in(view: SentenceView) -> list[AidItemProposal]:
    """The goods the sentence lists, in its order, each category once."""
    words = view.words
    found: list[AidItemProposal] = []
    seen: set[AidCategory] = set()
    used: set[int] = set()
    for index, word in enumerate(words):
        if index in used:
            continue
        for rule in ITEM_RULES:
            if not _item_word(word, rule.stem):
                continue
            last = index
            if rule.then:
                following = [
                    position
                    for position in range(index + 1, min(len(words), index + _ITEM_LOOKAHEAD + 1))
                    if starts(words[position], rule.then)
                ]
                if not following:
                    continue
                last = following[0]
            used.update(range(index, last + 1))
            if rule.category in seen:
                break
            seen.add(rule.category)
            quantity = _quantity(view, index, rule.countable)
            start = (
                index - 1
                if quantity is not None and index > 0 and _is_count(words[index - 1])
                else index
            )
            found.append(
                AidItemProposal(rule.category, view.sentence.written(start, last), quantity)
            )
            break
    general = _general_aid(view)
    if general is not None and AidCategory.HUMANITARIAN_OTHER not in seen:
        position, words_of = general
        # «гуманітарну допомогу – пожежний автомобіль» names the goods the aid was; "aid and
        # medical supplies", or aid with no goods named, is humanitarian aid of its own.
        next_word = words[position + 1] if position + 1 < len(words) else ""
        if not found or next_word in ("and", "та", "і", "й", "as"):
            found.insert(0, AidItemProposal(AidCategory.HUMANITARIAN_OTHER, words_of, None))
    return found


_GENERAL_AID = (
    ("гуманітарн", ("допомог", "вантаж")),
    ("humanitarian", ("aid", "assistance", "cargo", "supplies")),
    ("aid", ("shipment", "shipments", "package", "packages", "cargo")),
)


def _general_aid(view: SentenceView) -> tuple[int, str] | None:
    """Where the sentence names aid in general ("humanitarian aid", «гуманітарну допомогу»):
    the position of its last word and the words as written."""
    words = view.words
    for index in range(len(words) - 1):
        for first, seconds in _GENERAL_AID:
            if words[index].startswith(first) and starts(words[index + 1], seconds):
                return index + 1, view.sentence.written(index, index + 1)
    return None


def _item_word(word: str, stem: str) -> bool:
    if stem in WHOLE_ENGLISH or stem in ("car", "bus", "tent", "fire"):
        return word in (stem, stem + "s", stem + "es")
    return starts(word, (stem,))


def _is_count(word: str) -> bool:
    return word.isdigit() or word in NUMBER_WORDS


def _quantity(view: SentenceView, index: int, countable: bool) -> int | None:
    words = view.words
    if index > 0:
        previous = words[index - 1]
        if previous.isdigit() and len(previous) <= 6:
            return int(previous)
        if previous in NUMBER_WORDS and previous not in ("a", "an"):
            return NUMBER_WORDS[previous]
        if previous in ("a", "an") and countable:
            return 1
    if countable and not words[index].isascii() and is_singular_noun(words[index]):
        # «14 автомобілів, автобус, генератори»: a countable thing named once is one.
        return 1
    return None


def money_in(text: str) -> tuple[Decimal, str, str] | None:
    """The first sum of money in the text: amount, ISO 4217 currency, and the words."""
    for pattern in (_MONEY_BEFORE, _MONEY_AFTER):
        match = pattern.search(text)
        if match is None:
            continue
        currency = _CURRENCIES.get(match["cur"].casefold().rstrip("."))
        if currency is None:
            currency = match["cur"].upper() if len(match["cur"]) == 3 else None
        amount = _amount(match["number"], match["mult"])
        if currency is not None and amount is not None:
            return amount, currency, match.group().strip()
    return None


def _amount(number: str, multiplier: str | None) -> Decimal | None:
    digits = re.sub(r"[ \u00a0\u202f\u2009]", "", number)
    if "," in digits and "." in digits:
        digits = digits.replace(",", "")
    elif "," in digits:
        whole, _, fraction = digits.rpartition(",")
        digits = f"{whole}.{fraction}" if len(fraction) <= 2 else digits.replace(",", "")
    try:
        amount = Decimal(digits)
    except InvalidOperation:
        return None
    if multiplier:
        amount *= _MULTIPLIERS.get(multiplier.casefold().rstrip("."), 1)
    return amount.quantize(Decimal("0.01"))


def organisations_in(view: SentenceView) -> list[str]:
    """Organisations named as donors: «Фонд «Х»», "the X Foundation", acronyms like USAID."""
    text = view.text
    found: list[str] = []
    for match in _QUOTED.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()].casefold()
        if any(word in before for word in ORGANISATION_WORDS):
            found.append(match.group(1).strip())
    for match in _ACRONYM.finditer(text):
        name = match.group()
        if name not in _NOT_ORGANISATIONS and name not in found:
            found.append(name)
    found += _english_organisations(view)
    return list(dict.fromkeys(found))


def _english_organisations(view: SentenceView) -> list[str]:
    sentence, words = view.sentence, view.words
    found: list[str] = []
    index = 0
    while index < len(words):
        if not sentence.is_capitalised(index) or not sentence.tokens[index].is_latin:
            index += 1
            continue
        last = index
        while last + 1 < len(words) and (
            sentence.is_capitalised(last + 1) or words[last + 1] in ("of", "for", "and")
        ):
            last += 1
        name_words = words[index : last + 1]
        if any(starts(word, ORGANISATION_WORDS) for word in name_words) and len(name_words) > 1:
            found.append(sentence.written(index, last))
        index = last + 1
    return found
