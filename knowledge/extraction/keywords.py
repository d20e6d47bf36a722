"""The words that decide a proposal: kinds of agreement, statuses, deliveries of aid, goods.

Words are compared folded (see knowledge.text.normalize.fold: lower case, no apostrophes
or soft signs), by their start, so one stem covers every case form: "побратим" matches
«побратимами», «побратимських», «побратимство».
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from knowledge.facts.vocabulary import AgreementKind, AidCategory, CooperationArea
from knowledge.text.normalize import fold


class StatusCue(StrEnum):
    """What a status word says happened to an agreement."""

    SIGNED = "signed"  # signed, concluded: in force from then on
    HELD = "held"  # has, is in force, are twin cities: in force, with no date of its own
    PLANNED = "planned"  # will sign, plans to, will become
    NEGOTIATION = "negotiation"  # talks, drafting, discussed
    EXTENDED = "extended"  # extended, renewed
    TERMINATED = "terminated"  # terminated, broke off
    SUSPENDED = "suspended"  # suspended, frozen
    EXPIRED = "expired"  # expired, lost force


def starts(word: str, stems: Sequence[str]) -> bool:
    """Whether the folded word starts with one of the stems; a stem ending in "=" is whole."""
    return any(
        word == stem[:-1] if stem.endswith("=") else word.startswith(stem)
        for stem in _folded(tuple(stems))
    )


@functools.lru_cache(maxsize=256)
def _folded(stems: tuple[str, ...]) -> tuple[str, ...]:
    # The tables are written as people spell ("підпишуть"); words arrive folded ("підпишут").
    return tuple(
        fold(stem.removesuffix("=")) + ("=" if stem.endswith("=") else "") for stem in stems
    )


# ---- kinds of agreement ----

# Nouns that head an agreement's name, with the kind they mean alone.
AGREEMENT_HEADS: tuple[tuple[str, AgreementKind], ...] = (
    ("угод", AgreementKind.OTHER),
    ("договор", AgreementKind.OTHER),
    ("договір", AgreementKind.OTHER),
    ("меморандум", AgreementKind.MEMORANDUM),
    ("протокол", AgreementKind.OTHER),
    ("клятв", AgreementKind.FRIENDSHIP_PLEDGE),
    ("декларац", AgreementKind.OTHER),
    ("харті", AgreementKind.OTHER),
    ("agreement", AgreementKind.OTHER),
    ("memorand", AgreementKind.MEMORANDUM),
    ("mou", AgreementKind.MEMORANDUM),
    ("protocol", AgreementKind.OTHER),
    ("pledge", AgreementKind.FRIENDSHIP_PLEDGE),
    ("oath", AgreementKind.FRIENDSHIP_PLEDGE),
    ("declaration", AgreementKind.OTHER),
    ("charter", AgreementKind.OTHER),
    ("treaty", AgreementKind.OTHER),
)
# Heads that, alone, refer to a document the text has named («договору», "the agreement").
BARE_HEADS = ("угод", "договор", "договір", "agreement")
# Heads that name an agreement only with a topic: «лист про наміри», "letter of intent".
TOPIC_ONLY_HEADS = ("лист", "letter")
# The words after a head that tell its kind, the first one found deciding.
TOPICS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("побратим", "посестр", "twin", "sister"), "twinning"),
    (("намір", "intent", "intention"), "intent"),
    (("дружб", "friendship"), "friendship"),
    (("взаєморозумін", "understanding"), "understanding"),
    (
        (
            "співпрац",
            "співробітн",
            "партнерств",
            "cooperation",
            "co-operation",
            "collaboration",
            "partnership",
        ),
        "cooperation",
    ),
)
TOPIC_WINDOW = 7
# Words that stand for a twinning by themselves: «містами-побратимами», "sister city".
TWIN_WORDS = ("побратим", "посестр", "twinned", "twinning", "twin-city", "twin-town")
TWIN_PAIRS = (("sister", ("cit", "town", "communit")), ("twin", ("cit", "town")))
# «містом-партнером», "partner city": a partnership of no stated kind.
PARTNER_WORDS = ("містом-партнер", "містами-партнер", "міста-партнер", "місто-партнер")
PARTNER_PAIRS = (
    ("partner", ("cit", "town", "municipal")),
    # «скасування партнерських відносин з містами Гродно та Пінськ».
    ("партнерських", ("відносин", "звязк", "зв’язк")),
    ("партнерські", ("відносин", "звязк", "зв’язк")),
)

# ---- statuses ----

STATUS_STEMS: tuple[tuple[tuple[str, ...], StatusCue], ...] = (
    (
        (
            "підпишуть",
            "підпише",
            "підпишемо",
            "підписати",
            "підписуватим",
            "укласти",
            "укладуть",
            "планує",
            "планую",
            "плануєть",
            "заплановано",
            "запланован",
            "стануть",
            "станемо",
            "стане=",
            "невдовзі",
            "to become",
            # «побратимство з Глазго було б великою честю», "would": a tie wished for.
            "б=",
            "би=",
            "would=",
            "готуєть",
            "готують",
            "найближчим",
            "will=",
            "plan",
            "planned",
            "intend",
            "upcoming",
            "expected",
            # A council authorising its mayor to sign: «уповноважити міського голову
            # підписати», «надали згоду на підписання», "authorizing the Mayor to sign".
            "уповноваж",
            "згоду=",
            "authoriz",
            "authoris",
        ),
        StatusCue.PLANNED,
    ),
    (
        (
            "перемовин",
            "переговор",
            "обговорил",
            "обговорюва",
            "обговорен",
            "напрацюван",
            "узгоджу",
            "узгоджен",
            "опрацьову",
            "проєкт угоди",
            "negotiat",
            "talks",
            "discuss",
            "draft",
            # An offer or a declared readiness is one side's step: «пропозицію співпраці»,
            # «готові укласти», "an offer of partnership", "is ready to enter".
            "пропозиці",
            "готові=",
            "готова=",
            "готове=",
            "готовий=",
            "готовніст",
            "offer of",
            "ready=",
            "readiness",
        ),
        StatusCue.NEGOTIATION,
    ),
    (
        ("продовжено", "продовжил", "продовжен", "пролонгов", "extended", "renewed", "prolonged"),
        StatusCue.EXTENDED,
    ),
    (
        (
            "розірва",
            "припинил",
            "припинен",
            "припинено",
            "денонсува",
            "відмовил",
            "відмовля",
            "скасува",
            "terminat",
            "ends=",
            "ended=",
            "severed",
            "broke off",
            "cancelled",
            "canceled",
            "revoked",
        ),
        StatusCue.TERMINATED,
    ),
    (("призупин", "заморож", "suspend", "frozen", "froze"), StatusCue.SUSPENDED),
    (
        (
            "втратила чинність",
            "втратив чинність",
            "втрачає чинність",
            "завершився термін",
            "закінчився термін",
            "сплив термін",
            "expir",
        ),
        StatusCue.EXPIRED,
    ),
    (
        (
            "підписа",
            "підписан",
            "уклал",
            "уклав",
            "укладен",
            "укладено",
            "встановил",
            "стали=",
            "став=",
            "стало=",
            "стала=",
            "поріднил",
            "signed",
            "signing",
            "concluded",
            "inked",
            "sealed",
            "established",
            "became",
        ),
        StatusCue.SIGNED,
    ),
    (
        ("має=", "мають=", "чинн", "діюч", "існуюч", "has=", "have=", "existing", "in force"),
        StatusCue.HELD,
    ),
)
# Words before a status word that turn it into a plan: «планують підписати», "will sign".
PLAN_MARKERS = (
    "план",
    "буде",
    "будуть",
    "має намір",
    "мають намір",
    "домовил",
    "готу",
    "will=",
    "to=",
    "plan",
    "intend",
    "expect",
    "set=",
    "shall",
    "would",
)
NEGATIONS = ("не", "ні", "not", "no", "never", "без")

# ---- who speaks for whom ----

# Words before a name that make it a venue, not a partner: «у місті Тампа», "in Tampa".
VENUE_WORDS = ("у", "в", "в", "in", "at", "на")
# People named by their city are not partners: «мера міста Колумбус», "mayor of Columbus".
PERSON_WORDS = (
    "мер",
    "мера",
    "мером",
    "голов",
    "президент",
    "посол",
    "посл",
    "губернатор",
    "бургомістр",
    "очільник",
    "делегац",
    "mayor",
    "president",
    "governor",
    "ambassador",
    "delegation",
    "head",
    "representative",
)
# Words that open the slot of a partner town: «з містом», "the city of".
SLOT_WORDS = (
    "м=",
    "місто",
    "міста",
    "місту",
    "містом",
    "містами",
    "містах",
    "муніципалітет",
    "гмін",
    "комун",
    "округ",
    "city",
    "cities",
    "town",
    "municipality",
    "commune",
    "gmina",
    "county",
)
# Words that mean the document's own hromada: «міська рада», «наша громада», "our city".
OWN_SIDE = ("наш", "міськ", "селищн", "сільськ", "our", "we")
# The other side named by a plural: «сторони підпишуть», «міста стануть побратимами».
BOTH_SIDES = ("сторон", "міста", "містами", "обидва", "parties", "both", "two cities", "sides")
HROMADA_NOUNS = ("міськ", "селищн", "сільськ", "громад", "тг", "рад", "city", "hromada")
OBLAST_NOUNS = ("обл", "oblast", "region", "регіон", "губерн", "край")

# ---- aid ----

DELIVERY_STEMS = (
    "надійшл",
    "надійшов",
    "надходжен",
    "отримал",
    "отримав",
    "отримано",
    "отриман",
    "передал",
    "передав",
    "передано",
    "передан",
    "надіслал",
    "надіслав",
    "надіслан",
    "доставил",
    "доставив",
    "доставлен",
    "привезл",
    "привіз",
    "подарува",
    "подарован",
    "пожертвува",
    "надал",
    "надав",
    "надано",
    "вручил",
    "вручен",
    "прибул",
    "received",
    "delivered",
    "donated",
    "handed",
    "sent",
    "arrived",
    "provided",
    "gave",
    "given=",
    "gifted",
    "transferred",
    "supplied",
)
# A delivery only promised or asked for is not aid received.
NOT_YET = (
    "готов",
    "готує",
    "плану",
    "закликав",
    "закликал",
    "звернен",
    "зверну",
    "прохан",
    "запит",
    "буде",
    "будуть",
    "ready",
    "will=",
    "plan",
    "call",
    "request",
    "appeal",
)
# A sentence after a delivery that tells of more to come: its goods are not delivered.
PROMISE_STEMS = (
    *NOT_YET,
    "обіця",
    "пообіця",
    "планую",
    "має намір",
    "мають намір",
    "promis",
    "pledg",
    "intend",
    "expect",
    "очіку",
)
AID_WORDS = (
    "допомог",
    "вантаж",
    "гуманітар",
    "aid",
    "assistance",
    "cargo",
    "shipment",
    "donation",
    "supplies",
    "humanitarian",
)
# «В результаті співпраці наша громада отримала...»: the donors are in the sentence before.
CONTINUATION_OPENERS = ("в результаті", "у результаті", "завдяки", "as a result", "thanks to")
DONOR_CONTEXT = ("донор", "фонд", "організац", "асоціац", "donor", "foundation", "organi", "agenc")
ORGANISATION_WORDS = (
    "фонд",
    "організац",
    "компані",
    "товариств",
    "асоціац",
    "благодійн",
    "агенці",
    "foundation",
    "organisation",
    "organization",
    "charity",
    "company",
    "association",
    "fund",
    "agency",
    "society",
    "red cross",
)


@dataclass(frozen=True, slots=True)
class ItemRule:
    """Words that name a category of goods: a stem, and optionally a stem that must follow."""

    category: AidCategory
    stem: str
    then: tuple[str, ...] = ()
    countable: bool = False


ITEM_RULES: tuple[ItemRule, ...] = (
    ItemRule(AidCategory.SPECIAL_VEHICLES, "автотранспорт", ("спеціальн",)),
    ItemRule(AidCategory.SPECIAL_VEHICLES, "автомобіл", ("швидк", "пожежн", "спеціальн"), True),
    ItemRule(AidCategory.SPECIAL_VEHICLES, "карет", ("швидк",), True),
    ItemRule(AidCategory.SPECIAL_VEHICLES, "машин", ("швидк",), True),
    ItemRule(AidCategory.SPECIAL_VEHICLES, "пожежн", ("автомоб", "машин"), True),
    ItemRule(AidCategory.SPECIAL_VEHICLES, "спецавтомоб", (), True),
    ItemRule(AidCategory.SPECIAL_VEHICLES, "ambulance", (), True),
    ItemRule(AidCategory.SPECIAL_VEHICLES, "fire", ("truck", "engine"), True),
    ItemRule(AidCategory.MUNICIPAL_MACHINERY, "спецтехні"),
    ItemRule(AidCategory.MUNICIPAL_MACHINERY, "спец=", ("техні",)),
    ItemRule(AidCategory.MUNICIPAL_MACHINERY, "комунальн", ("техні",)),
    ItemRule(AidCategory.MUNICIPAL_MACHINERY, "екскаватор", (), True),
    ItemRule(AidCategory.MUNICIPAL_MACHINERY, "трактор", (), True),
    ItemRule(AidCategory.MUNICIPAL_MACHINERY, "сміттєвоз", (), True),
    ItemRule(AidCategory.MUNICIPAL_MACHINERY, "excavator", (), True),
    ItemRule(AidCategory.MUNICIPAL_MACHINERY, "tractor", (), True),
    ItemRule(AidCategory.MUNICIPAL_MACHINERY, "municipal", ("machine", "equipment", "vehicle")),
    ItemRule(AidCategory.FOOD, "продукт", ("харчуван",)),
    ItemRule(AidCategory.FOOD, "продовольч"),
    ItemRule(AidCategory.FOOD, "харчов"),
    ItemRule(AidCategory.FOOD, "food"),
    ItemRule(AidCategory.CLOTHING, "одяг"),
    ItemRule(AidCategory.CLOTHING, "взутт"),
    ItemRule(AidCategory.CLOTHING, "cloth"),
    ItemRule(AidCategory.HYGIENE, "гігієн"),
    ItemRule(AidCategory.HYGIENE, "hygien"),
    ItemRule(AidCategory.TENTS, "намет", (), True),
    ItemRule(AidCategory.TENTS, "tent", (), True),
    ItemRule(AidCategory.MEDICAL_EQUIPMENT, "медичн", ("спорядж", "обладн", "устатк", "техні")),
    ItemRule(AidCategory.MEDICAL_EQUIPMENT, "medical", ("equipment", "supplies", "device")),
    ItemRule(AidCategory.MEDICINES, "медикамент"),
    ItemRule(AidCategory.MEDICINES, "ліки"),
    ItemRule(AidCategory.MEDICINES, "ліків"),
    ItemRule(AidCategory.MEDICINES, "лікарськ"),
    ItemRule(AidCategory.MEDICINES, "medicine"),
    ItemRule(AidCategory.MEDICINES, "medication"),
    ItemRule(AidCategory.HOUSING_REPAIR_MATERIALS, "матеріал", ("житл", "будинк", "дах", "вікон")),
    ItemRule(AidCategory.HOUSING_REPAIR_MATERIALS, "будівельн", ("матеріал",)),
    ItemRule(AidCategory.HOUSING_REPAIR_MATERIALS, "building", ("material",)),
    ItemRule(AidCategory.INFRASTRUCTURE_MATERIALS, "матеріал", ("інфраструктур",)),
    ItemRule(AidCategory.BUSES, "автобус", (), True),
    ItemRule(AidCategory.BUSES, "bus", (), True),
    ItemRule(AidCategory.VEHICLES, "автомобіл", (), True),
    ItemRule(AidCategory.VEHICLES, "автівк", (), True),
    ItemRule(AidCategory.VEHICLES, "пікап", (), True),
    ItemRule(AidCategory.VEHICLES, "vehicle", (), True),
    ItemRule(AidCategory.VEHICLES, "car", (), True),
    ItemRule(AidCategory.VEHICLES, "pickup", (), True),
    ItemRule(AidCategory.GENERATORS, "генератор", (), True),
    ItemRule(AidCategory.GENERATORS, "generator", (), True),
    ItemRule(AidCategory.ELECTRICAL_EQUIPMENT, "електротехн"),
    ItemRule(AidCategory.ELECTRICAL_EQUIPMENT, "трансформатор", (), True),
    ItemRule(AidCategory.ELECTRICAL_EQUIPMENT, "інвертор", (), True),
    ItemRule(AidCategory.ELECTRICAL_EQUIPMENT, "electrical", ("equipment",)),
    ItemRule(AidCategory.ELECTRICAL_EQUIPMENT, "transformer", (), True),
    ItemRule(AidCategory.ELECTRICAL_EQUIPMENT, "зарядн", ("станці",), True),
    ItemRule(AidCategory.ELECTRICAL_EQUIPMENT, "charging", ("station",), True),
    ItemRule(AidCategory.ELECTRICAL_EQUIPMENT, "substation", (), True),
    ItemRule(AidCategory.ELECTRICAL_EQUIPMENT, "підстанці", (), True),
    ItemRule(AidCategory.HUMANITARIAN_OTHER, "інш", ("гуманітарн",)),
    ItemRule(AidCategory.HUMANITARIAN_OTHER, "other", ("humanitarian",)),
)
# English words that must be whole ("car" is not "cargo", "bus" not "business").
WHOLE_ENGLISH = frozenset({"car", "cars", "bus", "buses", "tent", "tents", "fire"})

NUMBER_WORDS: dict[str, int] = {
    **dict.fromkeys(("один", "одна", "одне", "одну", "a", "an", "one"), 1),
    **dict.fromkeys(("два", "дві", "двох", "two"), 2),
    **dict.fromkeys(("три", "трьох", "three"), 3),
    **dict.fromkeys(("чотири", "чотирьох", "four"), 4),
    **dict.fromkeys(("пять", "пяти", "five"), 5),
    **dict.fromkeys(("шість", "шести", "six"), 6),
    **dict.fromkeys(("сім", "семи", "seven"), 7),
    **dict.fromkeys(("вісім", "восьми", "eight"), 8),
    **dict.fromkeys(("девять", "девяти", "nine"), 9),
    **dict.fromkeys(("десять", "десяти", "ten"), 10),
    **dict.fromkeys(("двадцять", "twenty"), 20),
}

# ---- areas of cooperation ----

AREA_STEMS: tuple[tuple[str, CooperationArea], ...] = (
    ("відновлен", CooperationArea.RECOVERY),
    ("відбудов", CooperationArea.RECOVERY),
    ("recovery", CooperationArea.RECOVERY),
    ("reconstruction", CooperationArea.RECOVERY),
    ("rebuild", CooperationArea.RECOVERY),
    ("безпек", CooperationArea.SECURITY),
    ("security", CooperationArea.SECURITY),
    ("транспорт", CooperationArea.TRANSPORT_INFRASTRUCTURE),
    ("transport", CooperationArea.TRANSPORT_INFRASTRUCTURE),
    ("соціального забезпеч", CooperationArea.SOCIAL_PROTECTION),
    ("соціальн захист", CooperationArea.SOCIAL_PROTECTION),
    ("social protection", CooperationArea.SOCIAL_PROTECTION),
    ("соціальних проєкт", CooperationArea.SOCIAL_PROJECTS),
    ("social projects", CooperationArea.SOCIAL_PROJECTS),
    ("економі", CooperationArea.ECONOMY),
    ("econom", CooperationArea.ECONOMY),
    ("інновац", CooperationArea.INNOVATION),
    ("innovat", CooperationArea.INNOVATION),
    ("підприємниц", CooperationArea.ENTREPRENEURSHIP),
    ("entrepreneur", CooperationArea.ENTREPRENEURSHIP),
    ("культур", CooperationArea.CULTURE),
    ("cultur", CooperationArea.CULTURE),
    ("освіт", CooperationArea.EDUCATION),
    ("education", CooperationArea.EDUCATION),
    ("молод", CooperationArea.YOUTH),
    ("youth", CooperationArea.YOUTH),
    ("спорт", CooperationArea.SPORT),
    ("sport", CooperationArea.SPORT),
    ("переміщен", CooperationArea.IDP_INTEGRATION),
    ("displaced", CooperationArea.IDP_INTEGRATION),
)
