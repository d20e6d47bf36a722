"""Extraction of statements whose parties or status are easy to misread: a country adjective
before a list of towns, a paused tie, a foreign town speaking or giving, an anniversary told
with the partner first, a council authorising its mayor to sign, a name several countries'
towns share, aid promised after aid delivered, a statement of intent. The texts are written
for the test, in the manner of the corpus's `written/` part.
"""

from __future__ import annotations

import pytest

from knowledge.extraction import (
    DocumentText,
    Extraction,
    Extractor,
)
from knowledge.facts.dates import PartialDate
from knowledge.facts.vocabulary import AgreementKind, AgreementStatus, AidCategory
from tests.extraction_support import agreements, aid

TODAY = PartialDate(2024, 6, 1)


def _extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(DocumentText(text, date=TODAY), today=TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ніжин підписав угоди про співпрацю з німецькими містами Фрідберг, Нойштадт і "
            "Бедфорд.",
            {"Фрідберг": "DE", "Нойштадт": "DE", "Бедфорд": "DE"},
        ),
        (
            "Коломия підписала угоди з польськими містами Домброва та Ніса.",
            {"Домброва": "PL", "Ниса": "PL"},
        ),
        (
            "Chernihiv signed partnership agreements with the German towns of Friedberg, "
            "Neustadt and Bedford.",
            {"Friedberg": "DE", "Neustadt": "DE", "Bedford": "DE"},
        ),
        (
            "Lutsk signed memoranda with the Polish towns of Nowa Wieś and Dąbrowa.",
            {"Nowa Wieś": "PL", "Dąbrowa": "PL"},
        ),
    ],
)
def test_a_country_adjective_before_a_list_places_every_town_of_it(
    extractor: Extractor, text: str, expected: dict[str, str]
) -> None:
    actual = {fact.partner: fact.partner_country for fact in agreements(_extract(extractor, text))}

    assert actual == expected


def test_a_list_after_towns_placed_by_brackets_takes_no_country_from_the_first(
    extractor: Extractor,
) -> None:
    text = (
        "Умань уклала угоди з містами: Ромійї-сюр-Сен (Франція), Ланьцут, Гнєзно (Польща), "
        "Ашкелон (Ізраїль)."
    )

    actual = {fact.partner: fact.partner_country for fact in agreements(_extract(extractor, text))}

    assert actual == {"Ромійї-сюр-Сен": "FR", "Ланьцут": "PL", "Гнєзно": "PL", "Ашкелон": "IL"}


@pytest.mark.parametrize(
    "text",
    [
        "Житомирська міська рада призупинила партнерство з білоруським містом Гомель у "
        "березні 2022 року.",
        "Житомирська міська рада у березні 2022 року призупинила дію угоди про співпрацю з "
        "білоруським містом Гомель.",
        "In March 2022 Zhytomyr suspended its partnership with the Belarusian city of Gomel.",
        "In March 2022 Zhytomyr suspended all contacts with its sister city Gomel in Belarus.",
    ],
)
def test_a_paused_tie_is_suspended_not_a_new_one(extractor: Extractor, text: str) -> None:
    (actual,) = agreements(_extract(extractor, text))

    assert (actual.hromada, actual.partner_country) == ("UA18040190000029215", "BY")
    assert (actual.status, str(actual.date)) == (AgreementStatus.SUSPENDED, "2022-03")


def test_a_partnership_word_alone_is_no_tie(extractor: Extractor) -> None:
    text = "Lutsk runs the shelter in partnership with the Polish city of Lublin."

    assert agreements(_extract(extractor, text)) == []


@pytest.mark.parametrize(
    ("text", "hromada", "donor", "category", "quantity"),
    [
        (
            "On 5 December 2023 Wroclaw handed over two ambulances to Lviv.",
            "Lviv",
            "Wroclaw",
            AidCategory.SPECIAL_VEHICLES,
            2,
        ),
        (
            "Вроцлав передав Львову дві машини швидкої допомоги 5 грудня 2023 року.",
            "Львів",
            "Вроцлав",
            AidCategory.SPECIAL_VEHICLES,
            2,
        ),
        (
            "Lublin donated three generators to Lutsk on 10 January 2023.",
            "Lutsk",
            "Lublin",
            AidCategory.GENERATORS,
            3,
        ),
    ],
)
def test_a_foreign_town_giving_is_the_donor(
    extractor: Extractor,
    text: str,
    hromada: str,
    donor: str,
    category: AidCategory,
    quantity: int,
) -> None:
    (actual,) = aid(_extract(extractor, text))

    assert (actual.hromada_name, actual.donor_cities, actual.donor_countries) == (
        hromada,
        (donor,),
        ("PL",),
    )
    assert [(item.category, item.quantity) for item in actual.items] == [(category, quantity)]


@pytest.mark.parametrize(
    ("text", "partner", "kind"),
    [
        (
            "Мер Вроцлава заявив, що Вроцлав і надалі підтримуватиме своє місто-побратима Львів.",
            "Вроцлав",
            AgreementKind.TWINNING,
        ),
        (
            "The Mayor of Lublin said that Lublin will stand by its partner city Lutsk.",
            "Lublin",
            AgreementKind.OTHER,
        ),
    ],
)
def test_a_foreign_town_speaking_of_its_own_twin_is_its_partner_in_place(
    extractor: Extractor, text: str, partner: str, kind: AgreementKind
) -> None:
    (actual,) = agreements(_extract(extractor, text))

    assert (actual.partner, actual.kind, actual.status) == (partner, kind, AgreementStatus.ACTIVE)


def test_a_foreign_town_speaking_of_a_hromadas_tie_is_no_party(extractor: Extractor) -> None:
    text = "Мер Вроцлава заявив, що Львів підписав угоду про співпрацю з литовським Каунасом."

    actual = [fact.partner for fact in agreements(_extract(extractor, text))]

    assert actual == ["Каунас"]


@pytest.mark.parametrize(
    "text",
    [
        "Kaunas and Poltava marked the tenth anniversary of their twinning on Friday.",
        "It has been ten years since Kaunas and Poltava signed a cooperation agreement.",
        "Каунас і Полтава відзначили десяту річницю побратимства.",
    ],
)
def test_an_anniversary_with_the_partner_first_is_a_tie_in_place(
    extractor: Extractor, text: str
) -> None:
    (actual,) = agreements(_extract(extractor, text))

    assert (actual.hromada_name in ("Poltava", "Полтава"), actual.partner_country) == (True, "LT")
    assert actual.status is AgreementStatus.ACTIVE


@pytest.mark.parametrize(
    "text",
    [
        "Council Member Smith moved to approve a resolution authorizing the Mayor to sign a "
        "Sister City Agreement between the City of Burlington, Vermont and the City of Bucha.",
        "Депутати Житомирської міської ради надали згоду міському голові на підписання угоди "
        "про співпрацю з польським містом Люблін.",
        "Міська рада уповноважила міського голову Коломиї підписати угоду про побратимство з "
        "польським містом Ніса.",
    ],
)
def test_a_council_authorising_its_mayor_to_sign_plans_the_agreement(
    extractor: Extractor, text: str
) -> None:
    (actual,) = agreements(_extract(extractor, text))

    assert actual.status is AgreementStatus.PLANNED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamianets-Podilskyi and Burlington signed a sister city agreement in 2023.", None),
        ("Kamianets-Podilskyi and Burlington, Vt., signed a sister city agreement.", "US"),
        ("Chervonohrad signed a twinning agreement with Brandon, Man., in 2024.", "CA"),
        (
            "Lutsk signed an agreement with the city of Burlington in the Canadian province "
            "of Ontario.",
            "CA",
        ),
        (
            "Окремо Міністерство погодило угоду між Куп'янськом та муніципалітетом міста "
            "Віндзор із канадської провінції Онтаріо.",
            "CA",
        ),
        ("Олександрія підписала договір про дружбу з англійським містом Бедфорд.", "GB"),
    ],
)
def test_a_name_towns_of_several_countries_share_is_placed_only_by_the_text(
    extractor: Extractor, text: str, expected: str | None
) -> None:
    (actual,) = agreements(_extract(extractor, text))

    assert actual.partner_country == expected


def test_an_adjective_apposed_to_one_town_does_not_place_the_next(extractor: Extractor) -> None:
    text = (
        "Делегація поїхала до міста-партнера Мальборка. Автомобілі для Володимира передало "
        "місто Монгайм-на-Рейні, німецьке місто-побратим Мальборка."
    )

    actual = [
        fact.partner_country
        for fact in agreements(_extract(extractor, text))
        if fact.partner.startswith("Мальборк")
    ]

    assert actual != []
    assert set(actual) == {"PL"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Тернопіль отримав від польського міста Хелм два генератори 3 лютого 2023 року. "
            "Наступного місяця партнери обіцяють передати ще п'ять генераторів і карету "
            "швидкої допомоги.",
            [(AidCategory.GENERATORS, 2)],
        ),
        (
            "Ternopil received two generators from the Polish city of Chelm on 3 February "
            "2023. Next month the partners promise to send five more generators and an "
            "ambulance.",
            [(AidCategory.GENERATORS, 2)],
        ),
        (
            "Ternopil received two generators from the Polish city of Chelm on 3 February "
            "2023. The city also plans to send an ambulance in spring.",
            [(AidCategory.GENERATORS, 2)],
        ),
    ],
)
def test_goods_promised_after_a_delivery_are_not_delivered(
    extractor: Extractor, text: str, expected: list[tuple[AidCategory, int]]
) -> None:
    (actual,) = aid(_extract(extractor, text))

    assert [(item.category, item.quantity) for item in actual.items] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Lublin Mayor Krzysztof Zuk and Lutsk Mayor Ihor Polishchuk signed a memorandum of "
        "agreement declaring an Intent to Explore the Establishment of a Sister City "
        "Relationship.",
        "On May 2, 2023, the mayors of Albuquerque and Chernivtsi signed a letter of intent "
        "to explore a sister city relationship.",
        "2 травня 2023 року міські голови Альбукерке та Чернівців підписали меморандум про "
        "наміри щодо встановлення побратимських зв'язків.",
    ],
)
def test_a_statement_of_intent_to_establish_a_tie_is_a_protocol_of_intent(
    extractor: Extractor, text: str
) -> None:
    (actual,) = agreements(_extract(extractor, text))

    assert (actual.kind, actual.status) == (
        AgreementKind.PROTOCOL_OF_INTENT,
        AgreementStatus.ACTIVE,
    )


def test_a_foreign_towns_own_sister_cities_are_no_hromadas(extractor: Extractor) -> None:
    text = (
        "Kent Mayor Dana Ralph and Lutsk Mayor Ihor Polishchuk met on Monday. Current Kent "
        "sister cities include: Tamba, Japan and Yangzhou, China."
    )

    assert agreements(_extract(extractor, text)) == []
