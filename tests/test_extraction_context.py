"""Extraction reading a fact across sentences: a signing's day told in the next sentence, a
partner named only in an earlier one, two documents with one partner, foreign towns the text
marks neither by a preposition nor by a country, and namesakes of towns abroad. The texts are
written for the test, in the manner of city councils' news and of English press releases.
"""

from __future__ import annotations

from knowledge.extraction import (
    Extractor,
)
from knowledge.facts.dates import PartialDate
from knowledge.facts.vocabulary import AgreementKind, AgreementStatus
from tests.extraction_support import agreements, extract


def test_today_in_the_sentence_after_a_signing_dates_the_signing_to_the_documents_day(
    extractor: Extractor,
) -> None:
    text = (
        "Мукачівська міська рада та угорське місто Дебрецен уклали угоду про співпрацю. "
        "Церемонія підписання відбулася сьогодні в ратуші."
    )

    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 9, 20)))

    assert (actual.partner, actual.date) == ("Дебрецен", PartialDate(2024, 9, 20))


def test_the_next_sentence_telling_of_another_town_does_not_date_the_signing(
    extractor: Extractor,
) -> None:
    text = (
        "Kropyvnytskyi and the Polish city of Kielce have signed a partnership agreement. "
        "Yesterday the mayors of Brno and Prague signed a joint statement of support."
    )

    dates = {
        fact.partner: fact.date
        for fact in agreements(extract(extractor, text, PartialDate(2023, 11, 9)))
    }

    assert dates.get("Kielce") is None


def test_a_memorandum_signed_by_twin_cities_is_proposed_beside_their_twinning(
    extractor: Extractor,
) -> None:
    text = (
        "Івано-Франківськ і польське Ополе є містами-побратимами з 2002 року. "
        "Сьогодні міський голова та президент Ополя підписали меморандум про співпрацю."
    )

    found = {
        (fact.partner, fact.kind, fact.date)
        for fact in agreements(extract(extractor, text, PartialDate(2025, 6, 12)))
    }

    assert found == {
        ("Ополе", AgreementKind.TWINNING, PartialDate(2002)),
        ("Ополе", AgreementKind.MEMORANDUM, PartialDate(2025, 6, 12)),
    }


def test_a_letter_naming_the_partner_only_in_its_first_sentence_yields_the_agreement_with_it(
    extractor: Extractor,
) -> None:
    text = (
        "Міський голова Полтави отримав листа від мера литовського міста Паневежис. "
        "Литовське місто пропонує Полтаві підписати угоду про співпрацю в освіті."
    )

    (actual,) = agreements(extract(extractor, text, PartialDate(2025, 2, 11)))

    assert (actual.hromada_name, actual.partner, actual.partner_country) == (
        "Полтава",
        "Паневежис",
        "LT",
    )
    assert actual.status is AgreementStatus.IN_NEGOTIATION


def test_the_polish_town_of_the_next_sentence_is_the_polish_town_named_before(
    extractor: Extractor,
) -> None:
    text = (
        "A delegation from Piła, Poland, arrived in Rivne this week. "
        "On May 14, 2024, the Polish town signed a partnership agreement with Rivne."
    )

    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 5, 16)))

    assert (actual.hromada_name, actual.partner, actual.date) == (
        "Rivne",
        "Piła",
        PartialDate(2024, 5, 14),
    )


def test_a_town_of_another_country_is_not_what_the_adjective_refers_back_to(
    extractor: Extractor,
) -> None:
    text = (
        "A delegation from Piła, Poland, arrived in Rivne this week. "
        "The German town signed a partnership agreement with Rivne."
    )

    assert agreements(extract(extractor, text, PartialDate(2024, 5, 16))) == []


def test_a_twinning_stated_of_khmelnytskyi_in_the_genitive_is_the_citys_not_the_oblasts(
    extractor: Extractor,
) -> None:
    text = (
        "У Хмельницькому перебуває делегація словацького міста Попрад. "
        "Словацьке місто стало побратимом Хмельницького 21 серпня 2024 року."
    )

    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 8, 22)))

    assert (actual.hromada_name, actual.partner, actual.kind) == (
        "Хмельницький",
        "Попрад",
        AgreementKind.TWINNING,
    )


def test_a_town_abroad_named_with_no_preposition_or_country_is_the_partner_with_its_country(
    extractor: Extractor,
) -> None:
    text = "Дрогобицька міська рада та Жешув підписали угоду про співпрацю 3 березня 2025 року."

    (actual,) = agreements(extract(extractor, text, PartialDate(2025, 3, 4)))

    assert (actual.hromada_name, actual.partner, actual.partner_country) == (
        "Дрогобицька",
        "Жешув",
        "PL",
    )


def test_a_town_abroad_in_the_instrumental_is_named_in_the_nominative(
    extractor: Extractor,
) -> None:
    text = "Кам’янець-Подільська міська рада схвалила проєкт угоди про побратимство з Тарнобжегом."

    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 10, 25)))

    assert (actual.partner, actual.partner_country, actual.status) == (
        "Тарнобжег",
        "PL",
        AgreementStatus.PLANNED,
    )


def test_a_surname_after_with_is_no_town(extractor: Extractor) -> None:
    text = "Міський голова Полтави підписав меморандум про співпрацю з Кучмою."

    assert agreements(extract(extractor, text, PartialDate(2024, 10, 25))) == []


def test_a_namesake_abroad_takes_the_country_of_the_state_written_after_it(
    extractor: Extractor,
) -> None:
    text = "Poltava has been a sister city of Toledo, Ohio, since 1989."

    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 5, 20)))

    assert (actual.partner, actual.partner_country) == ("Toledo", "US")


def test_a_namesake_abroad_takes_the_country_the_document_gave_it_before(
    extractor: Extractor,
) -> None:
    text = (
        "Делегація американського Толедо відвідала Полтаву. "
        "Толедо та Полтава є побратимами з 1989 року."
    )

    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 5, 15)))

    assert (actual.partner, actual.partner_country, actual.date) == (
        "Толедо",
        "US",
        PartialDate(1989),
    )


def test_a_partner_of_their_town_is_not_the_documents_hromadas_partner(
    extractor: Extractor,
) -> None:
    text = (
        "Нововолинська громада отримала два автомобілі від польської гміни Ярачево. "
        "Ці автомобілі прибули в Ярачево з їхнього німецького міста-партнера Леуна."
    )

    partners = {
        fact.partner for fact in agreements(extract(extractor, text, PartialDate(2022, 5, 16)))
    }

    assert "Леуна" not in partners


def test_a_memorandum_the_text_then_calls_this_twinning_agreement_is_one_twinning(
    extractor: Extractor,
) -> None:
    text = (
        "Kharkiv signed a Memorandum of Understanding with Glasgow on 6 February. "
        '"This twinning agreement with Glasgow is a golden opportunity for Kharkiv," the mayor '
        "said."
    )

    found = {
        (fact.partner, fact.kind, fact.date)
        for fact in agreements(extract(extractor, text, PartialDate(2024, 2, 24)))
    }

    assert found == {("Glasgow", AgreementKind.TWINNING, PartialDate(2024, 2, 6))}


def test_councillors_approving_a_friendship_agreement_propose_a_planned_agreement_not_an_oath(
    extractor: Extractor,
) -> None:
    text = (
        "Депутати Олександрійської міської ради погодили укладення договору про дружбу з "
        "англійським містом Бедфорд."
    )

    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 6, 10)))

    assert (actual.partner, actual.kind, actual.status) == (
        "Бедфорд",
        AgreementKind.OTHER,
        AgreementStatus.PLANNED,
    )


def test_a_visiting_towns_own_partner_is_not_the_visited_hromadas(extractor: Extractor) -> None:
    text = (
        "Делегація з французького міста Шатійон відвідала Яготин. Шатійон має партнерські "
        "зв’язки з містом Ріва-дель-Гарда."
    )

    assert agreements(extract(extractor, text, PartialDate(2024, 6, 10))) == []


def test_twin_cities_signing_a_memorandum_in_one_sentence_give_both_facts_with_their_dates(
    extractor: Extractor,
) -> None:
    text = (
        "Chernihiv and Memmingen, twin cities since 1996, signed a memorandum of understanding "
        "on reconstruction on April 15, 2024."
    )

    found = {
        (fact.partner, fact.kind, fact.date)
        for fact in agreements(extract(extractor, text, PartialDate(2024, 4, 17)))
    }

    assert found == {
        ("Memmingen", AgreementKind.TWINNING, PartialDate(1996)),
        ("Memmingen", AgreementKind.MEMORANDUM, PartialDate(2024, 4, 15)),
    }


def test_work_done_under_a_memorandum_is_no_new_agreement_with_the_town_named_before(
    extractor: Extractor,
) -> None:
    text = (
        "Chernihiv signed a memorandum of cooperation with the German town of Memmingen on "
        "April 15, 2024. Under the memorandum, engineers from the German town will help repair "
        "the water supply."
    )

    found = {
        (fact.kind, fact.status)
        for fact in agreements(extract(extractor, text, PartialDate(2024, 4, 17)))
    }

    assert found == {(AgreementKind.MEMORANDUM, AgreementStatus.ACTIVE)}


def test_a_planned_signing_takes_the_month_the_next_sentence_plans_it_for(
    extractor: Extractor,
) -> None:
    text = (
        "Кам’янець-Подільська міська рада схвалила проєкт угоди про побратимство з "
        "Тарнобжегом. Підписати документ планують наступного місяця."
    )

    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 10, 25)))

    assert (actual.status, actual.date) == (AgreementStatus.PLANNED, PartialDate(2024, 11))
