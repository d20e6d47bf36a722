"""Follow-ups keep the subject the conversation is on: where a partner picked from a list lies,
where an aid came from, the pair a partner named alone resolves to, and the event just answered
(when, where, who), and the agreements of a list a "when were they signed?" is about, in
Ukrainian, English and Russian-flavoured Ukrainian."""

from __future__ import annotations

import pytest

from knowledge.qa.each_listed import MAX_LISTED
from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import KHARKIV, KUPIANSK, MENA, TODAY, body, conversation


@pytest.mark.parametrize(
    ("questions", "located", "not_expected"),
    [
        (("які партнери харкова?", "а останній?", "а де він?"), "Огайо, Сполучені Штати", "Так,"),
        (("які партнери харкова?", "а останній?", "а де?"), "Огайо, Сполучені Штати", "Так,"),
        (("партнеры харькова", "а последний?", "а где он?"), "Огайо, Сполучені Штати", "Так,"),
        (("які партнери харкова?", "а другий?", "де він?"), "Південноморавський край", "Так,"),
        (("Kharkiv partners", "and the last one?", "where?"), "Hauts-de-France, France", "Yes,"),
        (("Who are Mena's partners?", "the fourth one?", "where is it?"), "Latvia", "Yes,"),
    ],
)
def test_where_after_a_partner_picked_from_a_list_says_where_it_lies(
    curated_engine: Engine, questions: tuple[str, ...], located: str, not_expected: str
) -> None:
    *_, where = conversation(curated_engine, *questions)

    assert where.intent is Intent.PLACE
    assert located in body(where)
    assert not body(where).startswith(not_expected)


@pytest.mark.parametrize(
    ("questions", "donors"),
    [
        (("скільки автомобілів отримала мена?", "а звідки?"), ("Данія", "Фінляндія")),
        (("яку допомогу отримала мена?", "а звідки?"), ("Норвегія", "Польща")),
        (("сколько автомобилей получила мена?", "откуда?"), ("Данія", "Фінляндія")),
        (("How many vehicles did Mena receive?", "from where?"), ("Denmark", "Finland")),
        (("What aid did Mena get?", "where did it come from?"), ("Norway", "Poland")),
    ],
)
def test_from_where_after_an_aid_answer_names_its_donors(
    curated_engine: Engine, questions: tuple[str, ...], donors: tuple[str, ...]
) -> None:
    *_, where_from = conversation(curated_engine, *questions)

    assert where_from.intent is Intent.AID
    assert all(donor in body(where_from) for donor in donors)


def test_where_are_these_figures_from_still_asks_for_sources(curated_engine: Engine) -> None:
    *_, sources = conversation(curated_engine, "скільки автомобілів отримала мена?", "откуда это?")

    assert sources.intent is Intent.SOURCES


@pytest.mark.parametrize(
    ("questions", "hromada", "partner"),
    [
        (("мена", "а фрідберг?", "коли підпишуть?"), MENA, "Фрідберг"),
        (("Mena", "and Friedberg?", "when will it be signed?"), MENA, "Friedberg"),
        (("які партнери харкова?", "фрідберг", "коли підпишуть?"), MENA, "Фрідберг"),
        (("які партнери харкова?", "а колумбус?", "коли підписали?"), KUPIANSK, "Колумбус"),
        (("Kharkiv partners", "and Columbus?", "when was it signed?"), KUPIANSK, "Columbus"),
        (("партнеры мены", "а лидс?", "когда подписали?"), KHARKIV, "Лідс"),
    ],
)
def test_a_partner_named_alone_carries_its_own_hromada_to_the_next_question(
    curated_engine: Engine, questions: tuple[str, ...], hromada: str, partner: str
) -> None:
    *_, signed = conversation(curated_engine, *questions)

    assert signed.intent is Intent.SIGNED
    assert signed.entities.hromada == hromada
    assert partner in body(signed)
    assert "немає" not in body(signed)
    assert "no matching" not in body(signed)


def test_a_partner_named_after_an_overview_answers_about_that_pair(
    curated_engine: Engine,
) -> None:
    _, pair = conversation(curated_engine, "мена", "а фрідберг?")

    assert pair.intent is Intent.RELATION
    assert "Фрідберг" in body(pair)
    assert "Домброва" not in body(pair)


_CONFERENCE_UK = "Чи брав Куп'янськ участь у конференції мерів США?"
_CONFERENCE_EN = "Did Kupiansk take part in the US Conference of Mayors?"


@pytest.mark.parametrize(
    ("questions", "expected", "not_expected"),
    [
        ((_CONFERENCE_UK, "а коли?"), "19–22 червня 2025", "Колумбус, Огайо"),
        ((_CONFERENCE_UK, "а де?"), "Тампа, Сполучені Штати", "Партнери:"),
        ((_CONFERENCE_UK, "а коли?", "а хто їздив?"), "Беседін", "Партнери:"),
        ((_CONFERENCE_EN, "and when?"), "June 19–22, 2025", "Partners:"),
        ((_CONFERENCE_EN, "and when?", "and where?"), "Tampa, United States", "Partners:"),
        ((_CONFERENCE_EN, "who went?"), "Besedin", "Partners:"),
        (("Коли делегація Мени відвідала Олайне?", "а де?"), "Олайне, Латвія", "Домброва"),
        (("Mena delegation visit to Olaine", "when?"), "2023", "Dąbrowa"),
        (("Mena delegation visit to Olaine", "where?"), "Olaine, Latvia", "Dąbrowa"),
        (("скільки зустрічей провів харківський міський голова?", "а коли?"), "2023", "Кошице"),
        (("сколько встреч было у Харькова?", "а с кем?"), "консульськ", "Лідс"),
    ],
)
def test_a_follow_up_after_an_event_asks_about_that_event(
    curated_engine: Engine, questions: tuple[str, ...], expected: str, not_expected: str
) -> None:
    *_, follow_up = conversation(curated_engine, *questions)

    assert expected in body(follow_up)
    assert not_expected not in body(follow_up)
    assert follow_up.intent is not Intent.OUT_OF_DOMAIN


def test_an_event_without_a_place_says_the_records_do_not_tell_where(
    curated_engine: Engine,
) -> None:
    *_, where = conversation(
        curated_engine, "скільки зустрічей провів харківський міський голова?", "а де?"
    )

    assert "не сказано, де відбулася ця подія" in body(where)


def test_who_signed_after_a_visit_asks_about_the_agreement_it_led_to(
    curated_engine: Engine,
) -> None:
    *_, signed = conversation(curated_engine, "Mena delegation visit to Olaine", "who signed?")

    assert signed.intent is Intent.SIGNATORIES
    assert "Olaine" in body(signed)
    assert "Dąbrowa" not in body(signed)


@pytest.mark.parametrize(
    ("questions", "hromadas"),
    [
        (("Which agreements are in force?", "when were they signed?"), ("Kharkiv", "Mena")),
        (("Які угоди діють?", "а коли спливають?"), ("Харків", "Мена", "Куп’янськ")),
        (("Какие соглашения действуют?", "а кто подписал?"), ("Харків", "Мена")),
    ],
)
def test_a_follow_up_over_a_long_list_asks_which_hromada_with_a_button_for_each(
    curated_engine: Engine, questions: tuple[str, ...], hromadas: tuple[str, ...]
) -> None:
    listed, follow_up = conversation(curated_engine, *questions)

    assert len(listed.context.listed_agreements) > MAX_LISTED
    assert follow_up.intent is Intent.NEED_HROMADA
    labels = [choice.label for choice in follow_up.choices]
    assert all(any(label.startswith(name) for label in labels) for name in hromadas)
    assert len(labels) == len(set(labels))


def test_pressing_a_hromadas_button_answers_the_question_for_it(curated_engine: Engine) -> None:
    _, which = conversation(
        curated_engine, "Which agreements are in force?", "when were they signed?"
    )
    mena = next(choice for choice in which.choices if choice.label.startswith("Mena"))

    answered = curated_engine.answer(mena.question, which.context, today=TODAY)

    assert answered.intent is Intent.SIGNED
    assert answered.entities.hromada == MENA
    assert "Olaine" in body(answered)


@pytest.mark.parametrize(
    ("questions", "partners"),
    [
        (("Які громади мають партнерів у Польщі?", "а коли підписали?"), ("Домброва", "Жиракув")),
        (
            ("Which hromadas have partners in Poland?", "when were they signed?"),
            ("Dąbrowa", "Żyraków"),
        ),
    ],
)
def test_a_follow_up_after_a_short_list_by_country_answers_each_listed(
    curated_engine: Engine, questions: tuple[str, ...], partners: tuple[str, ...]
) -> None:
    *_, signed = conversation(curated_engine, *questions)

    assert signed.intent is Intent.SIGNED
    assert all(partner in body(signed) for partner in partners)


@pytest.mark.parametrize(
    ("questions", "expected", "absent"),
    [
        (("Kharkiv aid", "from which countries?", "and Mena?"), "Mena — who sent", "vehicles"),
        (("Who sent aid to Mena?", "and to Kharkiv?"), "Kharkiv — who sent", "tents"),
        (
            ("яка допомога у харкова?", "а від кого?", "а в мени?"),
            "Мена — хто надіслав",
            "автобус",
        ),
        (("скільки автомобілів отримала мена?", "а харків?"), "але скільки", "намети"),
        (
            ("сколько генераторов получила мена?", "а харьков?"),
            "генератори, але скільки",
            "намети",
        ),
        (
            ("How much money did Kharkiv receive?", "and Mena?"),
            "Mena: the sources give no sums",
            "14",
        ),
    ],
)
def test_another_hromada_after_one_side_of_its_aid_asks_the_same_side(
    curated_engine: Engine, questions: tuple[str, ...], expected: str, absent: str
) -> None:
    *_, other = conversation(curated_engine, *questions)

    assert other.intent is Intent.AID
    assert expected in body(other)
    assert absent not in body(other)
    assert not body(other).startswith(("Yes", "Так"))


def test_a_sender_after_one_side_of_the_aid_narrows_the_same_hromadas_aid(
    curated_engine: Engine,
) -> None:
    *_, japan = conversation(
        curated_engine, "від кого допомога мені?", "а харкову?", "а з Японії?"
    )

    assert japan.entities.hromada == KHARKIV
    assert "Японія" in body(japan)


@pytest.mark.parametrize(
    ("questions", "located"),
    [
        (("Чи є у Полтави побратими?", "а у Мени?", "а перший з них де?"), "Куявсько-Поморське"),
        (("чи є побратими в мени?", "а останній з них де?"), "Німеччина"),
        (("Mena partners", "where is the second one?"), "Kuyavian-Pomeranian"),
        (("партнеры харькова", "где находится третий?"), "Словаччина"),
    ],
)
def test_where_with_an_ordinal_says_where_the_partner_picked_lies(
    curated_engine: Engine, questions: tuple[str, ...], located: str
) -> None:
    *_, where = conversation(curated_engine, *questions)

    assert where.intent is Intent.PLACE
    assert located in body(where)


@pytest.mark.parametrize(
    ("questions", "partner", "absent"),
    [
        (
            ("з ким у Мени переговори?", "а Харків з ким веде переговори?", "а Мена?"),
            "Фрідберг",
            "Домброва",
        ),
        (("Who is Mena negotiating with?", "and Kharkiv?", "and Mena?"), "Friedberg", "Dąbrowa"),
    ],
)
def test_another_hromada_after_a_list_by_status_keeps_the_status(
    curated_engine: Engine, questions: tuple[str, ...], partner: str, absent: str
) -> None:
    *_, again = conversation(curated_engine, *questions)

    assert again.entities.hromada == MENA
    assert partner in body(again)
    assert absent not in body(again)


@pytest.mark.parametrize(
    ("questions", "intent", "expected"),
    [
        (
            ("Какие партнёры у Мены?", "а какие переговоры ведутся?", "с какой страной?"),
            Intent.PLACE,
            "Німеччина",
        ),
        (
            ("Які протоколи про наміри є в базі?", "з якою громадою?"),
            Intent.RELATION,
            "Харків — Альбукерке",
        ),
        (("Who are Kupiansk's partners?", "which country?"), Intent.PLACE, "Ohio, United States"),
        (
            ("Which agreements are still under negotiation?", "with which hromada?"),
            Intent.RELATION,
            "Mena — Friedberg",
        ),
    ],
)
def test_which_country_or_hromada_after_one_agreement_listed_names_it(
    curated_engine: Engine, questions: tuple[str, ...], intent: Intent, expected: str
) -> None:
    *_, which = conversation(curated_engine, *questions)

    assert which.intent is intent
    assert expected in body(which)


def test_a_question_of_its_own_after_one_agreement_listed_is_not_about_it(
    curated_engine: Engine,
) -> None:
    *_, own = conversation(curated_engine, "Партнери Куп’янська", "Які громади мають партнерів?")

    assert "Харків" in body(own)
    assert "Мена" in body(own)


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("What's Kupiansk's partner city?", "Which US state is it in?", "Ohio"),
        ("Яке місто-партнер Куп'янська?", "В якому штаті США воно?", "Огайо"),
        ("Какой город-партнер у Купянска?", "в каком штате США он?", "Огайо"),
        ("Які партнери Мени в Латвії?", "а в якому регіоні Латвії він?", "Олайне"),
    ],
)
def test_where_the_one_partner_listed_lies_named_with_its_country(
    curated_engine: Engine, first: str, then: str, expected: str
) -> None:
    _, answer = conversation(curated_engine, first, then)

    assert answer.intent is Intent.PLACE
    assert expected in answer.text


@pytest.mark.parametrize(
    ("questions", "year", "listed"),
    [
        (("Які угоди Харків уклав у 2023?", "а у 2025 по всій Україні?"), 2025, "Колумбус"),
        (("Які угоди Харків уклав у 2023?", "а по всій країні?"), 2023, "Кошице"),
        (("Какие соглашения Харьков заключил в 2023?", "а по всей Украине?"), 2023, "Лідс"),
        (
            ("Какие соглашения Харьков заключил в 2023?", "а в 2025 по всей стране?"),
            2025,
            "Колумбус",
        ),
        (
            ("Which agreements did Kharkiv sign in 2023?", "and in 2025 nationwide?"),
            2025,
            "Columbus",
        ),
        (("Which agreements did Kharkiv sign in 2023?", "and across the country?"), 2023, "Leeds"),
    ],
)
def test_a_follow_up_turning_to_the_whole_country_drops_the_hromada(
    curated_engine: Engine, questions: tuple[str, ...], year: int, listed: str
) -> None:
    *_, nation_wide = conversation(curated_engine, *questions)

    assert nation_wide.intent is Intent.REVERSE
    assert nation_wide.entities.hromada is None
    assert nation_wide.entities.year == year
    assert listed in body(nation_wide)


@pytest.mark.parametrize(
    ("questions", "located"),
    [
        (("Мена Олайне коли?", "а Кастельтерміні?", "а де Домброва?"), "Куявсько-Поморське"),
        (("Коли Мена підписала з Олайне?", "а где Домброва?"), "Куявсько-Поморське"),
        (("Коли Харків підписав з Лідсом?", "а де Брно?"), "Південноморавський край"),
        (("When did Mena sign with Olaine?", "and Casteltermini?", "where's Dąbrowa?"), "Poland"),
        (("When did Kharkiv sign with Leeds?", "and where is Brno?"), "South Moravian"),
    ],
)
def test_where_about_a_newly_named_partner_asks_where_it_lies(
    curated_engine: Engine, questions: tuple[str, ...], located: str
) -> None:
    *_, where = conversation(curated_engine, *questions)

    assert where.intent is Intent.PLACE
    assert located in body(where)


def test_where_it_was_signed_with_a_new_partner_still_asks_about_the_signing(
    curated_engine: Engine,
) -> None:
    *_, signed = conversation(
        curated_engine, "Коли Харків підписав з Лідсом?", "а де підписали з Брно?"
    )

    assert signed.intent is Intent.SIGNED


@pytest.mark.parametrize(
    ("questions", "hromada", "said"),
    [
        (
            ("Які угоди підписані у 2025?", "а той, що з Куп'янськом, коли?"),
            KUPIANSK,
            "травні 2025",
        ),
        (
            ("Які угоди Харків уклав у 2023?", "а у 2025 по всій Україні?", "коли?"),
            KUPIANSK,
            "2025",
        ),
        (("Які угоди підписані у 2023?", "а той, що з Лідсом, коли?"), KHARKIV, "Лідс"),
        (("Какие соглашения подписаны в 2023?", "а тот, что с Кошице, когда?"), KHARKIV, "Кошице"),
        (
            ("Which agreements were signed in 2023?", "and the one with Columbus, when?"),
            KUPIANSK,
            "May 2025",
        ),
    ],
)
def test_when_after_a_nation_wide_list_narrows_to_the_agreement_named(
    curated_engine: Engine, questions: tuple[str, ...], hromada: str, said: str
) -> None:
    *_, listed, when = conversation(curated_engine, *questions)

    assert when.intent is Intent.SIGNED
    assert when.entities.hromada == hromada
    assert len(when.agreements) < len(listed.agreements) or len(listed.agreements) == 1
    assert said in body(when)
    assert "У базі" not in body(when)
    assert "are recorded" not in body(when)


def test_when_after_a_nation_wide_list_of_several_naming_none_keeps_the_list(
    curated_engine: Engine,
) -> None:
    *_, when = conversation(curated_engine, "Які угоди підписані у 2023?", "а коли?")

    assert when.entities.hromada is None
    assert "Кошице" in body(when)
    assert "Лідс" in body(when)
