"""Extraction of the kinds of statement press offices write, each in a sentence of its own:
countries given by adjectives, dates in their forms, plans, negations, renewals, aid per
recipient. The texts are written for the test, in the manner of the corpus's `written/` part.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from knowledge.extraction import (
    DocumentText,
    Extraction,
    Extractor,
)
from knowledge.extraction.sentences import sentences_of
from knowledge.facts.dates import PartialDate
from tests.extraction_support import agreements, aid

TODAY = PartialDate(2026, 1, 15)


def _extract(extractor: Extractor, text: str, published: PartialDate | None = None) -> Extraction:
    return extractor.extract(DocumentText(text, date=published), today=published or TODAY)


def test_a_country_adjective_in_lower_case_gives_the_partner_its_country(
    extractor: Extractor,
) -> None:
    text = "5 квітня 2023 року Рівне уклало угоду про співпрацю з литовським містом Каунас."

    (actual,) = agreements(_extract(extractor, text))

    assert (actual.partner, actual.partner_country) == ("Каунас", "LT")


def test_each_town_of_a_list_takes_the_adjective_before_it_not_the_next_ones(
    extractor: Extractor,
) -> None:
    text = (
        "Житомир підписав угоди про співпрацю з польським містом Холм, литовським містом "
        "Шяуляй та естонським містом Тарту."
    )

    found = agreements(_extract(extractor, text))
    actual = {fact.partner: fact.partner_country for fact in found}

    assert actual == {"Холм": "PL", "Шяуляй": "LT", "Тарту": "EE"}


def test_an_english_word_that_is_also_a_country_code_is_no_country(extractor: Extractor) -> None:
    text = "Kraków sent generators to Lviv as humanitarian aid from Poland."

    (actual,) = aid(_extract(extractor, text))

    assert actual.donor_countries == ("PL",)


def test_a_headline_summing_up_a_delivery_is_the_delivery_the_text_details(
    extractor: Extractor,
) -> None:
    text = (
        "Луцьк отримав гуманітарну допомогу від польського міста Холм\n\n"
        "До Луцька доставлено гуманітарну допомогу з Польщі. 10 лютого Луцьк отримав від "
        "міста Холм (Польща) 10 генераторів та 15 пічок."
    )

    (actual,) = aid(_extract(extractor, text, PartialDate(2023, 2, 17)))

    assert "generators" in {item.category.value for item in actual.items}
    assert actual.date == PartialDate(2023, 2, 10)


def test_a_country_adjective_right_before_a_name_marks_a_town_of_that_country(
    extractor: Extractor,
) -> None:
    text = (
        "3 березня 2022 року Сумська міська рада розірвала побратимські відносини з "
        "російським Курськом."
    )

    (actual,) = agreements(_extract(extractor, text))

    assert (actual.partner_country, actual.status.value) == ("RU", "terminated")
    assert actual.date == PartialDate(2022, 3, 3)


def test_a_headline_naming_the_partner_inflected_is_the_same_planned_tie(
    extractor: Extractor,
) -> None:
    text = (
        "Полтава готується до побратимства з Шяуляєм\n\n"
        "Наступного місяця Полтава та литовський Шяуляй підпишуть договір про побратимство."
    )

    actual = {(fact.partner, fact.status.value) for fact in agreements(_extract(extractor, text))}

    assert actual == {("Шяуляй", "planned")}


def test_a_tie_a_document_or_talks_aim_at_is_not_a_tie_of_its_own(extractor: Extractor) -> None:
    protocol = (
        "Ужгород і словацьке місто Кошице підписали протокол про наміри щодо встановлення "
        "побратимських відносин."
    )
    talks = (
        "Ірпінь веде переговори з французьким містом Шамбері щодо встановлення побратимських "
        "зв’язків."
    )
    visit = "З метою налагодження партнерських зв’язків Ірпінь відвідала делегація з Шамбері."

    assert [fact.kind.value for fact in agreements(_extract(extractor, protocol))] == [
        "protocol_of_intent"
    ]
    assert [fact.status.value for fact in agreements(_extract(extractor, talks))] == [
        "in_negotiation"
    ]
    assert agreements(_extract(extractor, visit)) == []


def test_talks_that_broke_down_are_no_agreement(extractor: Extractor) -> None:
    text = (
        "Talks between Uzhhorod and the Hungarian city of Nyíregyháza on a partnership "
        "agreement broke down in May."
    )

    assert agreements(_extract(extractor, text)) == []


def test_an_english_cooperation_agreement_names_its_kind_before_the_head(
    extractor: Extractor,
) -> None:
    text = "Uzhhorod signed a cooperation agreement with Košice, Slovakia, on 2 June 2023."

    (actual,) = agreements(_extract(extractor, text))

    assert (actual.kind.value, actual.date) == ("cooperation_agreement", PartialDate(2023, 6, 2))


def test_one_document_called_an_agreement_and_a_memorandum_is_the_memorandum(
    extractor: Extractor,
) -> None:
    text = (
        "Today, Ovruch (Ukraine) and Gmina Cedry Wielkie (Poland) signed a partnership "
        "agreement.\n\nDuring the Summit the city of Ovruch signed a memorandum of cooperation "
        "with the Polish Gmina Cedry Wielkie."
    )

    actual = [fact.kind.value for fact in agreements(_extract(extractor, text))]

    assert actual == ["memorandum"]


def test_a_surname_russian_would_spell_like_an_oblast_is_no_oblast(extractor: Extractor) -> None:
    text = (
        "Голова громади отримав у Польщі від бурмістра Гміни Нове Чеслава Волінського "
        "автомобіль швидкої допомоги для Радивилова."
    )
    sentence = sentences_of(text)[0]

    actual = [mention.written for mention in extractor.names.mentions(sentence)]

    assert "Волінського" not in actual
    assert "Польщі" in actual


def test_a_village_named_in_a_document_is_read_past(extractor: Extractor) -> None:
    text = (
        "Berehove signed a memorandum of cooperation with the Hungarian city of Kisvárda. "
        "The delegation was welcomed in Bene."
    )

    actual = [(fact.partner, fact.kind.value) for fact in agreements(_extract(extractor, text))]

    assert actual == [("Kisvárda", "memorandum")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Наступного місяця Полтава та литовський Шяуляй підпишуть договір про побратимство.",
            PartialDate(2024, 12, 10),
            PartialDate(2025, 1),
        ),
        (
            "Минулого тижня Коломия та словацький Пряшів підписали меморандум про співпрацю.",
            PartialDate(2024, 11, 18),
            PartialDate(2024, 11),
        ),
        (
            "Dnipro and the Polish city of Wrocław will sign a twinning agreement next month.",
            PartialDate(2023, 8, 14),
            PartialDate(2023, 9),
        ),
    ],
)
def test_a_month_or_week_counted_from_the_document_s_day_dates_the_agreement(
    extractor: Extractor, text: str, published: PartialDate, expected: PartialDate
) -> None:
    (actual,) = agreements(_extract(extractor, text, published))

    assert actual.date == expected


def test_a_week_across_two_months_gives_no_month(extractor: Extractor) -> None:
    text = "Минулого тижня Коломия та словацький Пряшів підписали меморандум про співпрацю."

    (actual,) = agreements(_extract(extractor, text, PartialDate(2024, 12, 4)))

    assert actual.date == PartialDate(2024)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Угода Черкас з польським Бидгощем втратила чинність.", "expired"),
        ("Ternopil's cooperation agreement with Częstochowa, Poland, expires.", "expired"),
        (
            "Zaporizhzhia ends twinning agreement with the Russian city of Magnitogorsk.",
            "terminated",
        ),
        ("Dnipro and the Polish city of Wrocław to become twin cities.", "planned"),
    ],
)
def test_headline_verbs_tell_the_status(extractor: Extractor, text: str, expected: str) -> None:
    (actual,) = agreements(_extract(extractor, text))

    assert actual.status.value == expected


def test_a_headline_s_bare_agreement_is_the_document_the_text_names_after_it(
    extractor: Extractor,
) -> None:
    text = (
        "Ternopil's agreement with Częstochowa expires\n\n"
        "The cooperation agreement between Ternopil and the Polish city of Częstochowa expired "
        "in December 2021 and was not renewed."
    )

    actual = [
        (fact.kind.value, fact.status.value, fact.date)
        for fact in agreements(_extract(extractor, text, PartialDate(2022, 2, 1)))
    ]

    assert actual == [("cooperation_agreement", "expired", PartialDate(2021, 12))]


def test_a_name_two_hromadas_share_is_the_one_it_usually_means(extractor: Extractor) -> None:
    text = "Німецьке місто-партнер Ганновер передало Миколаєву 2 генератори."

    (actual,) = aid(_extract(extractor, text))

    # Mykolaiv of the Mykolaiv oblast, not the town of the Lviv oblast.
    assert (actual.hromada_name, actual.hromada) == ("Миколаїв", "UA48060150000071713")


def test_money_given_alone_is_aid(extractor: Extractor) -> None:
    text = "The German city of Nuremberg has donated €250,000 to Kharkiv for school repairs."

    (actual,) = aid(_extract(extractor, text))

    assert (actual.amount, actual.currency, actual.items) == (Decimal("250000.00"), "EUR", ())


def test_a_tie_that_would_be_an_honour_is_not_yet_a_tie(extractor: Extractor) -> None:
    text = "Міський голова Миколаєва зазначив, що побратимство з Глазго було б великою честю."

    assert [fact.status.value for fact in agreements(_extract(extractor, text))] == ["planned"]


def test_a_twin_named_in_a_delivery_takes_no_date_from_the_delivery(
    extractor: Extractor,
) -> None:
    text = "Вчора Ковель отримав від польського міста-побратима Хелма пожежний автомобіль."

    extraction = _extract(extractor, text, PartialDate(2024, 2, 8))

    assert [fact.date for fact in aid(extraction)] == [PartialDate(2024, 2, 7)]
    assert [(fact.kind.value, fact.date) for fact in agreements(extraction)] == [
        ("twinning", None)
    ]


def test_a_foreign_namesake_of_a_hromada_is_the_partner_not_a_hromada(
    extractor: Extractor,
) -> None:
    text = (
        "The City of Sebastopol has been Sister Cities with the City of Chyhyryn, Ukraine "
        "since 1993."
    )

    actual = [
        (fact.hromada_name, fact.partner, fact.partner_country)
        for fact in agreements(_extract(extractor, text))
    ]

    assert actual == [("Chyhyryn", "Sebastopol", None)]


def test_a_hromada_s_other_name_is_the_hromada_when_no_town_is_told_by_ukraine(
    extractor: Extractor,
) -> None:
    text = "Kiev signed a memorandum of cooperation with the Polish city of Gdynia."

    (actual,) = agreements(_extract(extractor, text))

    assert (actual.hromada, actual.partner) == ("UA80000000000093317", "Gdynia")


def test_two_foreign_towns_acting_with_no_hromada_named_are_not_the_document_s_tie(
    extractor: Extractor,
) -> None:
    text = (
        "Poltava signed a memorandum of cooperation with the Polish city of Gdynia. At the "
        "conference, the Czech city of Brno and the German city of Leipzig signed a joint "
        "declaration on cooperation."
    )

    actual = [fact.partner for fact in agreements(_extract(extractor, text))]

    assert actual == ["Gdynia"]


def test_a_first_step_to_twinning_is_no_twinning_yet(extractor: Extractor) -> None:
    text = "Lutsk and the Polish city of Lublin take a first step to twinning."

    assert agreements(_extract(extractor, text)) == []


def test_goods_sent_to_several_hromadas_are_one_delivery_each(extractor: Extractor) -> None:
    apart = "Польське місто Вроцлав передало 4 генератори Бучі та 6 генераторів Ірпеню."
    shared = "Польське місто Вроцлав передало 2 генератори Бучі та Ірпеню."

    actual_apart = [
        (fact.hromada_name, [item.quantity for item in fact.items])
        for fact in aid(_extract(extractor, apart))
    ]
    actual_shared = [
        (fact.hromada_name, [item.quantity for item in fact.items])
        for fact in aid(_extract(extractor, shared))
    ]

    assert actual_apart == [("Буча", [4]), ("Ірпінь", [6])]
    # The text does not say how the two were shared: no count for either.
    assert actual_shared == [("Буча", [None]), ("Ірпінь", [None])]


def test_an_agreement_for_a_span_of_years_is_valid_until_its_last(extractor: Extractor) -> None:
    text = (
        "Львівська міська рада та Рада міста Люблін підписали декларацію про основні напрямки "
        "співпраці двох міст у 2011-2015 роках."
    )

    (actual,) = agreements(_extract(extractor, text))

    assert actual.valid_until == PartialDate(2015)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Погоджено проєкт Меморандуму про співробітництво між Овруцькою міською радою та "
            "польським містом Холм.",
            "planned",
        ),
        (
            "Сторони працюють над проєктом Меморандуму про співробітництво між Овруцькою "
            "міською радою та польським містом Холм.",
            "in_negotiation",
        ),
    ],
)
def test_a_draft_is_talks_and_an_approved_draft_a_signing_to_come(
    extractor: Extractor, text: str, expected: str
) -> None:
    (actual,) = agreements(_extract(extractor, text))

    assert actual.status.value == expected


def test_a_lower_case_word_a_country_is_spelled_as_too_is_no_donor_country(
    extractor: Extractor,
) -> None:
    text = "Крім того, литовське місто Алітус передало Рівному два генератори."

    (actual,) = aid(_extract(extractor, text))

    assert actual.donor_countries == ("LT",)
