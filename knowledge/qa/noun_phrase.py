"""Questions that ask for a fact although no question word says so.

A bare noun phrase («допомога харкову», «угода харкова з цинциннаті», "Kharkiv agreement
with Cincinnati") names what the resident wants to see, not a claim to confirm: its answer
states the facts without a «Так»/"Yes" in front. A who-word («чия», «чий», «чьи», "whose")
asks for the hromada, not whether. Both read the question's own words, lowercased but not
folded: folding turns Russian «чьи» into «чи», the yes-or-no word.
"""

from __future__ import annotations

from knowledge.qa.cues import Cue
from knowledge.qa.understanding import Reading
from knowledge.text.morphology import is_russian_verb, is_verb
from knowledge.text.normalize import fold, normalize

# «чий побратим Кракув?», «чьи партнеры Олайне?», "whose partner is Olaine?".
_WHOSE = frozenset(
    ("чий", "чия", "чиє", "чиї", "чийого", "чиєї", "чей", "чья", "чьё", "чье", "чьи", "whose")
)

# The nouns a noun phrase about an agreement or aid is headed by, in the forms residents type.
_HEAD_NOUNS = frozenset(
    {
        *("угода", "угоди", "угоду", "угод", "угодою", "угодами"),
        *("меморандум", "меморандуми", "меморандуму", "меморандумом", "меморандумы"),
        *("договір", "договори", "договору", "договор", "договоры", "договора"),
        *("допомога", "допомоги", "допомогу", "допомозі", "допомогою"),
        *("співпраця", "співпраці", "співпрацю", "партнерство", "партнерства"),
        *("помощь", "помощи", "помощью", "соглашение", "соглашения", "соглашений"),
        *("сотрудничество", "сотрудничества", "партнёрство"),
        *("agreement", "agreements", "memorandum", "memorandums", "memoranda", "mou"),
        *("aid", "help", "assistance", "treaty", "treaties", "deal", "deals"),
        *("partnership", "partnerships", "pledge", "cooperation", "ties", "relations"),
    }
)
# English words that make a verbless phrase a question: "any partners in Africa?", "do we…",
# "can I…". English, unlike Ukrainian, has no question without a verb or one of these.
_ENGLISH_ASKING = frozenset(
    {
        *("any", "anyone", "anybody", "anything", "there"),
        *("do", "can", "could", "will", "would", "got", "get", "gets"),
    }
)
# Words that ask whether there is one even in a verbless phrase: «є угода з Ліллем?».
_ASKING = frozenset(
    {
        *("є", "есть", "чи", "ли", *_ENGLISH_ASKING),
        *("is", "are", "was", "were", "does", "did", "has", "have", "had"),
    }
)
_LEADING = frozenset({"а", "і", "й", "та", "и", "ну", "ще", "еще", "and", "so"})
# Russian verb endings («получал», «подписали», «закончилось», «действует», «истекает»): a
# verb the Ukrainian dictionary does not know.
_RUSSIAN_PAST = (
    *("ал", "ала", "али", "ил", "ила", "или", "ел", "ела", "ели"),
    *("лся", "лась", "лось", "лись", "ует", "ает", "ится", "ется"),
)


# Predicates the dictionary does not read as verbs: «угода з Кошице діє?», «чинна?»,
# «допомога звідти була?».
_PREDICATES = frozenset(
    {
        *("діє", "діють", "чинна", "чинний", "чинне", "чинні", "действует", "действуют"),
        *("була", "був", "було", "були", "была", "был", "было", "были"),
    }
)


def _is_verb(word: str) -> bool:
    """Whether the word reads as a Ukrainian verb or predicate, or a Russian verb."""
    if word in _PREDICATES or is_verb(word) or is_russian_verb(word):
        return True
    return len(word) > 4 and word.endswith(_RUSSIAN_PAST)


def _words(reading: Reading) -> list[str]:
    return [normalize(token.text) for token in reading.tokens]


def asks_whose(reading: Reading) -> bool:
    """Whether a who-word («чия», «чьи», "whose") asks which hromada a partner belongs to."""
    return any(word in _WHOSE for word in _words(reading))


def is_noun_phrase(reading: Reading) -> bool:
    """Whether the question is a bare noun phrase headed by an agreement or aid noun.

    Ukrainian and Russian: one of its first two words (after «а»/"and") is such a noun, no
    word asks whether («чи», «є», «ли») and none is a verb («Допомогу Мена отримувала?»).
    English: such a noun anywhere, with no auxiliary and no past participle ("twinned"),
    which would make it a yes-or-no question. A phrase naming two places still asks to see
    their tie, and is answered with it, not with "Yes".
    """
    if Cue.YES_NO in reading.cues:
        return False
    words = [word for word in _words(reading) if word not in _LEADING]
    if not words or any(word in _ASKING for word in words):
        return False
    if reading.lang == "en":
        participle = any(map(_is_participle, words))
        return not participle and any(word in _HEAD_NOUNS for word in words)
    if any(_is_verb(word) for word in words):
        return False
    return any(word in _HEAD_NOUNS for word in words[:2])


def is_english_name_phrase(reading: Reading) -> bool:
    """Whether an English question is a bare noun phrase about one name ("Lille partners",
    "Brno twins"), which asks for a list: no auxiliary, no "any", no past participle
    ("twinned"). Two names side by side ("Kupiansk memorandum Columbus") still ask about
    the pair, and a follow-up ("and Lille?") asks as the question before it did."""
    if reading.lang != "en" or Cue.YES_NO in reading.cues or len(reading.mentions) > 1:
        return False
    if reading.is_follow_up:
        return False
    words = [fold(token.text) for token in reading.tokens if token.is_latin]
    return bool(words) and not any(
        word in _ENGLISH_ASKING or _is_participle(word) for word in words
    )


def _is_participle(word: str) -> bool:
    # "twinned", "signed": the past participle a yes-or-no question is built on.
    return word.endswith("ed") and len(word) > 4
