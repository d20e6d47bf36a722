"""Answers residents can trust across a conversation: context, nation-wide questions, every
field reachable, yes and no first, Russian questions, compact lines."""

from __future__ import annotations

import pytest

from knowledge.facts.vocabulary import AgreementKind
from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from knowledge.qa.meaning import Entities
from tests import factories
from tests.qa_support import KHARKIV, KUPIANSK, MENA, TODAY, conversation

# -- a text with nothing to go on does not continue the conversation ---------------------------


@pytest.mark.parametrize(
    ("first", "gibberish", "then", "expected"),
    [
        ("Партнери Харкова", "asdkjh qwe", "а Лідс?", "Лідс"),
        ("Партнери Харкова", "фывапр олдж", "а Брно?", "Брно"),
        ("What aid did Mena receive?", "lorem ipsum", "and Kharkiv?", "Kharkiv"),
        ("Kharkiv partners", "qwerty uiop", "and Leeds?", "Leeds"),
    ],
)
def test_gibberish_after_a_question_is_not_understood_and_keeps_the_subject(
    curated_engine: Engine, first: str, gibberish: str, then: str, expected: str
) -> None:
    answers = conversation(curated_engine, first, gibberish, then)

    assert answers[1].intent is Intent.OUT_OF_DOMAIN
    assert answers[1].text != answers[0].text
    assert answers[1].entities == Entities()
    assert expected in answers[2].text


# -- a question that names its own subject starts fresh ----------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "hromada", "expected", "not_expected"),
    [
        (
            "Які партнери Куп'янська?",
            "Коли спливає меморандум з Цинциннаті?",
            KHARKIV,
            "2028",
            "Куп",
        ),
        (
            "Who are Poltava's partners?",
            "When was the pledge with Leeds signed?",
            KHARKIV,
            "2023",
            "Poltava",
        ),
        ("Партнери Харкова", "Коли підписали угоду з Олайне?", MENA, "2023", "Кошице"),
    ],
)
def test_a_question_naming_a_partner_is_about_that_partners_hromada(
    curated_engine: Engine, first: str, second: str, hromada: str, expected: str, not_expected: str
) -> None:
    _, answer = conversation(curated_engine, first, second)

    assert answer.entities.hromada == hromada
    assert expected in answer.text
    assert not_expected not in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which agreements expire in 2028?", "Cincinnati"),
        ("Хто отримував допомогу з Японії?", "Харків"),
        ("Which agreements are still under negotiation?", "Friedberg"),
    ],
)
def test_a_nation_wide_question_after_a_hromadas_does_not_inherit_it(
    curated_engine: Engine, question: str, expected: str
) -> None:
    _, answer = conversation(curated_engine, "Kupiansk partners", question)

    assert answer.entities.hromada is None
    assert expected in answer.text


def test_a_follow_up_asking_who_turns_to_the_whole_country(curated_engine: Engine) -> None:
    _, answer = conversation(curated_engine, "Mena partners", "and who has partners in the US?")

    assert answer.intent is Intent.REVERSE
    assert answer.entities.hromada is None
    assert "Kupiansk" in answer.text


def test_only_an_elliptical_question_inherits(curated_engine: Engine) -> None:
    answers = conversation(
        curated_engine,
        "Партнери Мени",
        "а в Польщі?",
        "Які партнери Харкова?",
        "What are its twin cities?",
    )

    assert "Домброва" in answers[1].text
    assert "Олайне" not in answers[1].text
    assert answers[2].entities == Entities(hromada=KHARKIV)
    assert answers[3].entities == Entities(hromada=KHARKIV, kind=AgreementKind.TWINNING)
    assert "Lille" in answers[3].text
    assert "Leeds" not in answers[3].text


@pytest.mark.parametrize(
    "question", ["а коли його продовжили?", "а друга угода?", "What are its twin cities?"]
)
def test_an_elliptical_question_with_nothing_before_it_asks_what_it_refers_to(
    curated_engine: Engine, question: str
) -> None:
    answer = curated_engine.answer(question, today=TODAY)

    assert answer.intent is Intent.NEED_CONTEXT
    assert "Цинциннаті" not in answer.text


# -- "the second one" counts the partners shown ------------------------------------------------


@pytest.mark.parametrize(
    ("second", "first", "second_partner", "first_partner"),
    [
        ("А друга угода?", "а перша?", "Цинциннаті", "Альбукерке"),
        ("when does the second one expire?", "and the first one?", "Cincinnati", "Albuquerque"),
    ],
)
def test_the_second_one_counts_the_partners_shown_and_the_first_is_another(
    curated_engine: Engine, second: str, first: str, second_partner: str, first_partner: str
) -> None:
    lang_question = (
        "Партнери Харкова в США" if second.startswith("А") else "Kharkiv's partners in the US?"
    )

    _, picked_second, picked_first = conversation(curated_engine, lang_question, second, first)

    assert second_partner in picked_second.text
    assert first_partner not in picked_second.text
    assert first_partner in picked_first.text
    assert second_partner not in picked_first.text


# -- nation-wide by kind, status, donor; expiry windows ------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected", "not_expected"),
    [
        ("Who has a friendship pledge?", ["Kharkiv", "Leeds"], ["Olaine", "Columbus"]),
        (
            "Які громади мають меморандум з іноземним містом?",
            ["Цинциннаті", "Колумбус"],
            ["Олайне"],
        ),
        ("Which agreements are still under negotiation?", ["Friedberg"], ["Košice", "Leeds"]),
        ("Who received aid from Finland?", ["Kharkiv", "Mena"], []),
        ("хто отримував допомогу з канади", [], ["Харків", "Мена"]),
        ("Які угоди спливають протягом трьох років?", ["Цинциннаті"], ["Кошице"]),
    ],
)
def test_nation_wide_questions_by_kind_status_donor_and_end(
    curated_engine: Engine, question: str, expected: list[str], not_expected: list[str]
) -> None:
    answer = curated_engine.answer(question, today=TODAY)

    assert answer.entities.hromada is None
    assert all(token in answer.text for token in expected), answer.text
    assert not any(token in answer.text for token in not_expected), answer.text


@pytest.mark.parametrize(
    ("question", "months"),
    [
        ("Which agreements expire within a year?", 12),
        ("Які угоди спливають протягом року?", 12),
        ("Which agreements run out within the next three years?", 36),
        ("Какие договоры истекают в течение двух лет?", 24),
    ],
)
def test_expiry_windows_are_read_in_months(
    curated_engine: Engine, question: str, months: int
) -> None:
    answer = curated_engine.answer(question, today=TODAY)

    assert answer.intent is Intent.EXPIRING
    assert answer.entities.months == months
    assert answer.text.count("For example") + answer.text.count("Наприклад") == 0


def test_this_year_is_read_in_ukrainian(curated_engine: Engine) -> None:
    answer = curated_engine.answer("що спливає цього року", today=TODAY)

    assert answer.intent is Intent.EXPIRING
    assert answer.entities.year == TODAY.year


def test_which_hromada_is_asked_once_with_its_examples(curated_engine: Engine) -> None:
    answer = curated_engine.answer("Which twin cities do we have?", today=TODAY)

    assert answer.intent is Intent.NEED_HROMADA
    assert answer.text.count("For example") == 1
    assert "for example:" not in answer.text


# -- every field reachable, and an honest "I don't have that" --------------------------------


@pytest.mark.parametrize(
    ("question", "intent", "expected", "not_expected"),
    [
        (
            "Хто підписав протокол про наміри між Харковом і Альбукерке?",
            Intent.SIGNATORIES,
            ["Терехов", "Келлер"],
            [],
        ),
        (
            "Who signed Mena's agreement with Olaine?",
            Intent.SIGNATORIES,
            ["I don't have that"],
            ["Keller"],
        ),
        ("У яких сферах Альбукерке допомагатиме Харкову?", Intent.AREAS, ["безпек"], ["допомогу"]),
        (
            "When was Mena's international cooperation programme approved?",
            Intent.OVERVIEW,
            ["617", "2023"],
            [],
        ),
        ("Скільки зустрічей провів міський голова Харкова у 2023 році?", Intent.COUNT, ["70"], []),
        ("Where is Dąbrowa, Mena's partner?", Intent.PLACE, ["Kuyavian-Pomeranian"], []),
        ("Скільки коштувала клятва про дружбу з Лідсом?", Intent.NOT_RECORDED, ["немає"], ["22"]),
        (
            "Коли затвердили програму міжнародного співробітництва Харкова?",
            Intent.OVERVIEW,
            ["немає"],
            ["617"],
        ),
    ],
)
def test_every_field_is_reachable_and_a_missing_one_is_said_to_be_missing(
    curated_engine: Engine,
    question: str,
    intent: Intent,
    expected: list[str],
    not_expected: list[str],
) -> None:
    answer = curated_engine.answer(question, today=TODAY)

    assert answer.intent is intent
    assert all(token in answer.text for token in expected), answer.text
    assert not any(token in answer.text for token in not_expected), answer.text


# -- yes or no first --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "opening", "then"),
    [
        ("Is Kharkiv twinned with Lille?", "Yes,", "Lille"),
        ("Is Kupiansk twinned with Columbus?", "No,", "Memorandum"),
        ("Мена и Олайне побратимы?", "Ні,", "Угода про співробітництво"),
        ("Does Kharkiv have a partnership with Columbus?", "No,", "Kupiansk"),
        ("Лидс партнёр Харькова?", "Так,", "Лідс"),
    ],
)
def test_a_pair_question_opens_with_yes_or_no_then_says_what_exists(
    curated_engine: Engine, question: str, opening: str, then: str
) -> None:
    answer = curated_engine.answer(question, today=TODAY)

    assert answer.text.startswith(opening), answer.text
    assert then in answer.text


@pytest.mark.parametrize(
    ("question", "then"),
    [
        ("Яку допомогу отримав Харків з Польщі?", "Польща"),
        ("What aid did Mena receive from Poland?", "Poland"),
        ("Які угоди про побратимство між Харковом і Брно?", "Брно"),
        ("Which twinning agreements do Kharkiv and Brno have?", "Brno"),
    ],
)
def test_a_question_that_is_not_yes_or_no_does_not_open_with_yes(
    curated_engine: Engine, question: str, then: str
) -> None:
    answer = curated_engine.answer(question, today=TODAY)

    assert not answer.text.startswith(("Так", "Yes", "Ні", "No")), answer.text
    assert then in answer.text.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Чи отримала Мена допомогу з Польщі?", "Так:"),
        ("Did Mena receive aid from Poland?", "Yes:"),
    ],
)
def test_a_yes_or_no_question_about_aid_opens_with_yes(
    curated_engine: Engine, question: str, opening: str
) -> None:
    assert curated_engine.answer(question, today=TODAY).text.startswith(opening)


def test_a_partner_twinned_with_nobody_says_so_and_what_it_has(curated_engine: Engine) -> None:
    answer = curated_engine.answer("Who is Columbus twinned with in Ukraine?", today=TODAY)

    assert answer.text.startswith("No, Columbus is not a twin city of any Ukrainian hromada.")
    assert "Kupiansk" in answer.text
    assert "Memorandum" in answer.text


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("Чи є Колумбус партнером Харкова?", "Що пов’язує Колумбус з Україною:"),
        ("Is Columbus a partner of Kharkiv?", "What Columbus has in Ukraine:"),
    ],
)
def test_a_no_for_a_pair_names_the_partner_in_a_form_that_reads_right(
    curated_engine: Engine, question: str, line: str
) -> None:
    lines = curated_engine.answer(question, today=TODAY).text.splitlines()

    assert lines[1] == line
    assert "Куп’янськ" in lines[2] or "Kupiansk" in lines[2]


def test_a_follow_up_to_a_pair_question_keeps_asking_yes_or_no(curated_engine: Engine) -> None:
    _, leeds, brno = conversation(
        curated_engine, "Kharkiv partners", "Лідс — побратим?", "what about Brno?"
    )

    assert leeds.text.startswith("Ні,")
    assert brno.text.startswith("Yes,")


# -- Russian and mixed questions --------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "intent", "expected"),
    [
        ("Сколько городов-побратимов у Харькова?", Intent.COUNT, "2"),
        ("Когда истекает меморандум с Цинциннати?", Intent.EXPIRY, "2028"),
        ("Кто получал помощь из Германии?", Intent.AID, "Харків"),
        ("с какими городами Украины побратим Колумбус", Intent.REVERSE, "Куп’янськ"),
        ("Какие соглашения ещё на стадии переговоров?", Intent.REVERSE, "Фрідберг"),
    ],
)
def test_russian_questions_are_understood_and_answered_in_ukrainian(
    curated_engine: Engine, question: str, intent: Intent, expected: str
) -> None:
    answer = curated_engine.answer(question, today=TODAY)

    assert (answer.intent, answer.lang) == (intent, "uk")
    assert expected in answer.text


# -- how answers read -------------------------------------------------------------------------


def test_partners_are_shown_with_their_regions_where_they_tell_more(
    curated_engine: Engine,
) -> None:
    answer = curated_engine.answer("Kupiansk partners", today=TODAY)
    kharkiv = curated_engine.answer("Kharkiv partners", today=TODAY)

    assert "Columbus, Ohio, United States" in answer.text
    assert "Košice, Slovakia" in kharkiv.text


def test_the_partner_asked_about_is_never_hidden_beyond_a_list_cut() -> None:
    places = [
        factories.place(
            f"lt-town-{number}",
            name={"uk": f"Містечко {number}", "en": f"Town {number}"},
            name_local=f"Miestelis {number}",
            country="LT",
        )
        for number in range(43)
    ]
    document = factories.document(
        places=places,
        agreements=[
            factories.agreement(f"agreement-{number}", place=f"lt-town-{number}", kind="twinning")
            for number in range(43)
        ],
    )
    engine = Engine.from_document(document)

    actual = engine.answer("Is Kharkiv twinned with Town 40?", today=TODAY)
    listed = engine.answer("Kharkiv partners", today=TODAY)

    assert actual.text.startswith("Yes,")
    assert "Town 40" in actual.text
    assert "Town 40," not in listed.text
    assert "…and 18 more" in listed.text


# -- a pair follow-up naming a partner no record knows is answered about that name -------------


@pytest.mark.parametrize(
    ("questions", "expected", "previous_partner"),
    [
        (
            ("Харків має угоду з Кошице?", "а з Лідсом?", "а з Варшавою?"),
            "Ні, у моїх записах немає партнерства громади Харків з Варшавою.",
            "Лідс",
        ),
        (
            ("Does Kharkiv have an agreement with Kosice?", "and with Leeds?", "and with Warsaw?"),
            "No, I have no record of a partnership between Kharkiv and Warsaw.",
            "Leeds",
        ),
        (
            ("Is Kharkiv twinned with Lille?", "and with New York?"),
            "No, I have no record of a partnership between Kharkiv and New York.",
            "Lille —",
        ),
    ],
)
def test_a_pair_follow_up_naming_an_unknown_partner_says_no_about_it(
    curated_engine: Engine, questions: tuple[str, ...], expected: str, previous_partner: str
) -> None:
    *_, answer = conversation(curated_engine, *questions)

    assert answer.text.startswith(expected)
    assert previous_partner not in answer.text.splitlines()[0]
    assert answer.entities.hromada == KHARKIV
    assert answer.entities.place is None


def test_a_known_partner_after_an_unknown_one_is_answered_again(curated_engine: Engine) -> None:
    *_, answer = conversation(
        curated_engine, "Харків має угоду з Кошице?", "а з Варшавою?", "а з Лідсом?"
    )

    assert answer.text.startswith("Так, Харків і Лідс — партнери.")


# -- a yes-or-no question about partners in a country, or a signing, opens with the answer -----


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Есть ли у Купянска партнер в США?", "Так, у громади Куп’янськ є 1 партнер"),
        ("Does Kupiansk have a partner in the USA?", "Yes, Kupiansk has 1 partner in the United"),
        ("У Куп'янська є партнер у Франції?", "Ні, Куп’янськ: партнерів у Франції в базі немає."),
        ("Чи є у Куп'янська партнери в Польщі?", "Ні, Куп’янськ: партнерів у Польщі в базі"),
        ("Does Kupiansk have partners in France?", "No, Kupiansk: no partners in France on"),
        (
            "Чи підписала Менська громада угоду з Фрідбергом?",
            "Ні, ще не підписано — тривають перемовини.",
        ),
        ("Has Mena signed an agreement with Friedberg?", "No, it is not signed yet — talks"),
        ("Did Kharkiv sign an agreement with Kosice?", "Yes, it has been signed."),
    ],
)
def test_a_yes_or_no_question_opens_with_its_answer(
    curated_engine: Engine, question: str, opening: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(opening)


def test_a_no_about_a_country_names_what_there_is(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "У Куп'янська є партнер у Франції?")

    assert "Колумбус" in answer.text


@pytest.mark.parametrize(
    "question", ["Партнери Куп'янська в США", "Kupiansk's partners in the USA"]
)
def test_a_list_asked_for_by_country_has_no_yes(curated_engine: Engine, question: str) -> None:
    (answer,) = conversation(curated_engine, question)

    assert not answer.text.startswith(("Так", "Yes"))
    assert "Колумбус" in answer.text or "Columbus" in answer.text


@pytest.mark.parametrize(
    ("questions", "opening"),
    [
        (
            ("Коли спливає меморандум Харкова з Цинциннаті?", "А Куп'янськ має меморандум?"),
            "Так, у громади Куп’янськ є меморандум:",
        ),
        (
            (
                "When does Kharkiv's memorandum with Cincinnati expire?",
                "And does Kupiansk have a memorandum?",
            ),
            "Yes, Kupiansk has a memorandum:",
        ),
        (
            (
                "When does Kharkiv's memorandum with Cincinnati expire?",
                "And does Kupiansk have a friendship pledge?",
            ),
            "No, Kupiansk has no friendship pledge on record.",
        ),
    ],
)
def test_a_follow_up_naming_a_hromada_and_a_kind_is_its_own_yes_or_no_question(
    curated_engine: Engine, questions: tuple[str, ...], opening: str
) -> None:
    _, answer = conversation(curated_engine, *questions)

    assert answer.text.startswith(opening)
    assert answer.entities.hromada == KUPIANSK
    assert answer.intent is Intent.PARTNERS


# -- "до 2029 року", "by 2029" ask for the agreements ending before that year, not in it -------


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        (
            "Які угоди закінчуються до 2029 року?",
            "Угоди, строк дії яких спливає до кінця 2028 р.:",
        ),
        ("Which agreements expire by 2029?", "Agreements that expire by the end of 2028:"),
        ("Which agreements expire before 2029?", "Agreements that expire by the end of 2028:"),
        (
            "Які угоди закінчуються до кінця 2029 року?",
            "Угоди, строк дії яких спливає до кінця 2029 р.:",
        ),
        (
            "Which agreements expire by the end of 2029?",
            "Agreements that expire by the end of 2029:",
        ),
    ],
)
def test_an_end_year_after_by_bounds_a_window_from_today(
    curated_engine: Engine, question: str, opening: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.EXPIRING
    assert answer.text.startswith(opening)
    # The Cincinnati memorandum runs until about 2028: within either window.
    assert "Cincinnati" in answer.text or "Цинциннаті" in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Які угоди закінчуються у 2029 році?",
            "У базі немає угод, строк дії яких спливає у 2029 р.",
        ),
        ("Which agreements expire in 2029?", "No recorded agreement expires in 2029."),
        (
            "Які угоди закінчуються до 2028 року?",
            "У базі немає угод, строк дії яких спливає до кінця 2027 р.",
        ),
    ],
)
def test_an_end_year_alone_is_that_year(
    curated_engine: Engine, question: str, expected: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    # Babel joins a year and «р.» with a narrow no-break space.
    assert answer.text.splitlines()[0].replace("\u202f", " ") == expected


# -- when was it signed: the most precise date the sources give, never a "yes" ---------------


@pytest.mark.parametrize(
    ("question", "precise"),
    [
        ("Коли Харків і Альбукерке підписали протокол про наміри?", "3 липня 2023 року"),
        ("When was the protocol of intent between Kharkiv and Albuquerque signed?", "3 July 2023"),
        ("When was the Leeds pledge signed?", "Signed at the end of 2023"),
        ("Коли підписали клятву про дружбу Харкова з Лідсом?", "наприкінці 2023 року"),
    ],
)
def test_a_signing_date_is_the_most_precise_the_sources_give(
    curated_engine: Engine, question: str, precise: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.SIGNED
    assert precise in answer.text
    assert not answer.text.startswith(("Yes", "Так", "No", "Ні"))


@pytest.mark.parametrize(
    "questions",
    [
        ("Які угоди ще в процесі перемовин?", "а коли планують підписати?"),
        ("Which agreements are still under negotiation?", "and when are they planning to sign?"),
    ],
)
def test_a_follow_up_after_a_nation_wide_list_of_one_agreement_is_about_it(
    curated_engine: Engine, questions: tuple[str, str]
) -> None:
    first, answer = conversation(curated_engine, *questions)

    assert first.intent is Intent.REVERSE
    assert answer.intent is Intent.SIGNED
    assert answer.entities.hromada == MENA
    assert answer.entities.place == "de-friedberg"
    assert "Friedberg" in answer.text or "Фрідберг" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Does Harkiv have an agreement with Albukerke?",
        "Does Kharkiv have an agreement with Albuquerqe?",
    ],
)
def test_a_partner_spelt_as_it_sounds_is_found(curated_engine: Engine, question: str) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.entities == Entities(hromada=KHARKIV, place="us-albuquerque")
    assert answer.text.startswith("Yes, Kharkiv and Albuquerque are partners.")


@pytest.mark.parametrize("question", ["а шо там у Мени з Італією?", "а що там у Мени з Італією?"])
def test_a_follow_up_opener_before_a_named_hromada_needs_nothing_before_it(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.PARTNERS
    assert answer.entities == Entities(hromada=MENA, country="IT")
    assert "Кастельтерміні" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Коли Харків і Альбукерке підписали протокол про наміри?",
        "When did Kharkiv and Albuquerque sign the protocol of intent?",
    ],
)
def test_when_a_pairs_agreement_of_one_kind_was_signed_is_about_it_alone(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.count("•") == 1 + answer.text.split("\n\n")[-1].count("•")
    assert "3 July 2023" in answer.text or "3 липня 2023" in answer.text
    assert "Cooperation agreement" not in answer.text
    assert "Угода про співпрацю" not in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Харків має угоду з Варшавою?",
            "Ні, у моїх записах немає партнерства громади Харків з Варшавою.",
        ),
        (
            "Does Kharkiv have an agreement with Warsaw?",
            "No, I have no record of a partnership between Kharkiv and Warsaw.",
        ),
    ],
)
def test_a_yes_or_no_question_naming_an_unknown_partner_says_no(
    curated_engine: Engine, question: str, expected: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(expected)


@pytest.mark.parametrize(
    "question",
    [
        "Шо там у Харкова з Лідсом?",
        "Як там у Харкова з Лідсом?",
        "Что там у Харькова с Лидсом?",
        "How are things between Kharkiv and Leeds?",
    ],
)
def test_asking_how_things_stand_between_a_pair_describes_it_without_a_yes(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.RELATION
    assert answer.entities == Entities(hromada=KHARKIV, place="gb-leeds")
    first_line = answer.text.splitlines()[0]
    assert not first_line.startswith(("Так", "Yes"))
    assert "Лідс" in first_line or "Leeds" in first_line


@pytest.mark.parametrize(
    ("listing", "follow_up", "unlisted"),
    [
        ("Які міста-побратими Харкова?", "а коли підписали?", "Кошице"),
        ("Kharkiv twin cities", "and when were they signed?", "Košice"),
        ("Партнери Харкова у США", "а до коли діють?", "Кошице"),
    ],
)
def test_a_when_follow_up_after_a_list_is_about_the_agreements_listed(
    curated_engine: Engine, listing: str, follow_up: str, unlisted: str
) -> None:
    listed, answer = conversation(curated_engine, listing, follow_up)

    assert answer.entities.hromada == KHARKIV
    assert unlisted not in listed.text
    assert unlisted not in answer.text


@pytest.mark.parametrize(
    ("before", "follow_up", "expected"),
    [
        ("Харків має угоду з Кошице?", "а з варшавою?", "Ні, у моїх записах немає"),
        ("Які партнери Харкова?", "а з варшавою?", "Ні, у моїх записах немає"),
        ("Does Kharkiv have an agreement with Kosice?", "and with new york?", "No, I have no"),
    ],
)
def test_an_unknown_partner_typed_in_lower_case_is_a_no_about_it(
    curated_engine: Engine, before: str, follow_up: str, expected: str
) -> None:
    _, answer = conversation(curated_engine, before, follow_up)

    assert answer.intent is Intent.RELATION
    assert answer.text.startswith(expected)
    assert "Варшавою" in answer.text or "New York" in answer.text
    assert "Košice" not in answer.text.splitlines()[0]


@pytest.mark.parametrize("follow_up", ["а з ким підписали?", "а з якого року?", "а з поляками?"])
def test_a_word_after_with_that_names_no_town_is_no_unknown_partner(
    curated_engine: Engine, follow_up: str
) -> None:
    _, answer = conversation(curated_engine, "Які партнери Харкова?", follow_up)

    assert not answer.text.startswith("Ні, у моїх записах немає")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Чи є протокол між Харковом і Альбукерке?",
            "Так, Харків і Альбукерке мають таку угоду (протокол про наміри).",
        ),
        (
            "Is there a protocol of intent between Kharkiv and Albuquerque?",
            "Yes, Kharkiv and Albuquerque have a protocol of intent.",
        ),
        (
            "Чи має Харків протокол з Кошице?",
            "Ні, Харків і Кошице не мають такої угоди (протокол про наміри).",
        ),
    ],
)
def test_a_protocol_asked_of_a_pair_is_a_yes_or_no_in_plain_grammar(
    curated_engine: Engine, question: str, expected: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(expected)


@pytest.mark.parametrize(
    "questions",
    [
        ("Kharkiv", "when was the protocol signed?"),
        ("Харків", "коли підписали протокол?"),
        ("Коли Харків підписав меморандум з Цинциннаті?", "and the protocol of intent?"),
    ],
)
def test_when_a_protocol_was_signed_after_a_hromada_is_its_date(
    curated_engine: Engine, questions: tuple[str, ...]
) -> None:
    *_, answer = conversation(curated_engine, *questions)

    assert answer.intent is Intent.SIGNED
    assert answer.entities.hromada == KHARKIV
    assert answer.entities.place == "us-albuquerque"
    assert not answer.text.startswith(("Так", "Yes"))
    assert "2023" in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is the albuquerque memorandum signed or not?", "No, its signing is not confirmed"),
        ("Чи підписали меморандум Харків і Альбукерке?", "Ні, підписання не підтверджено"),
    ],
)
def test_a_memorandum_asked_by_its_title_is_that_document_not_another_of_the_pair(
    curated_engine: Engine, question: str, expected: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(expected)
    assert "Protocol of intent" not in answer.text
    assert "Протокол про наміри" not in answer.text


def test_a_hromadas_memorandums_include_one_of_another_kind_titled_memorandum(
    curated_engine: Engine,
) -> None:
    (answer,) = conversation(curated_engine, "Kharkiv memorandums")

    assert "Memorandum on establishing twin-city relations" in answer.text
    assert "Memorandum of understanding" in answer.text
    assert "Košice" not in answer.text


@pytest.mark.parametrize(
    "question", ["Которые угоды підписав харків у 2023 році?", "What did Kharkiv sign in 2023?"]
)
def test_a_hromadas_agreements_signed_in_a_year_are_those_alone(
    curated_engine: Engine, question: str
) -> None:
    """What was signed that year, then the memorandum with Cincinnati said as extended in it."""
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.SIGNED
    assert "Лідс" in answer.text or "Leeds" in answer.text
    assert "Брно" not in answer.text
    assert "Brno" not in answer.text
    signed, _, extended = answer.text.partition(
        "Продовжено у 2023" if "Лідс" in answer.text else "Extended in 2023"
    )
    assert extended
    assert "Цинциннаті" not in signed
    assert "Cincinnati" not in signed
    assert "Цинциннаті" in extended or "Cincinnati" in extended


@pytest.mark.parametrize(
    ("question", "expected", "absent"),
    [
        ("які угоди підписали у 2023", "У базі 5 угод (підписані у 2023 р.):", "Колумбус"),
        ("Which hromadas signed agreements in 2025?", "1 agreement is recorded", "Leeds"),
    ],
)
def test_agreements_signed_in_a_year_are_listed_nation_wide(
    curated_engine: Engine, question: str, expected: str, absent: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.REVERSE
    assert answer.text.startswith(expected)
    assert absent not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Скільки Мена витратила на програму?",
        "скільки коштів виділили на програму міжнародного співробітництва в мені",
        "how much did mena spend on its cooperation programme",
    ],
)
def test_how_much_a_programme_spent_is_its_spending(curated_engine: Engine, question: str) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.entities.topic == "programme"
    digits = "".join(answer.text.split())
    assert "22736,20" in digits or "22,736.20" in digits
    assert "Домброва" not in answer.text


def test_what_the_one_agreement_of_a_year_list_is_about_is_its_areas(
    curated_engine: Engine,
) -> None:
    _, answer = conversation(
        curated_engine, "які угоди підписали у 2025", "а в чому полягає ця угода?"
    )

    assert answer.intent is Intent.AREAS
    assert answer.entities.place == "us-columbus-ohio"


def test_till_when_asks_when_an_agreement_ends(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "cinncinati kharkiv memorandum till when")

    assert answer.intent is Intent.EXPIRY
    assert "2028" in answer.text


def test_with_whom_in_a_year_after_a_hromada_stays_with_that_hromada(
    curated_engine: Engine,
) -> None:
    _, answer = conversation(curated_engine, "партнери харкова", "а з ким підписали у 2023?")

    assert answer.entities.hromada == KHARKIV
    assert "Олайне" not in answer.text
    assert "Кошице" in answer.text
    assert "хто підписав цей документ" not in answer.text


@pytest.mark.parametrize(
    ("listing", "pick", "expected"),
    [
        ("Які партнери Харкова?", "а друга угода?", "cz-brno"),
        ("Які партнери Харкова?", "а третя?", "sk-kosice"),
        ("Kharkiv partners", "the third one?", "us-cincinnati"),
        ("Розкажи про Харків", "а третя?", "sk-kosice"),
    ],
)
def test_the_nth_one_counts_the_partners_in_the_order_shown(
    curated_engine: Engine, listing: str, pick: str, expected: str
) -> None:
    listed, answer = conversation(curated_engine, listing, pick)

    shown = [line for line in listed.text.splitlines() if line.startswith("• ")]
    place = curated_engine.snapshot.places[expected]
    position = 2 if pick in ("а друга угода?",) else 3
    assert place.name.uk in shown[position - 1] or place.name.en in shown[position - 1]
    assert answer.entities.place == expected


@pytest.mark.parametrize(
    ("question", "expected", "absent"),
    [
        ("що за проєкт був з лідсом", "Письменництво в етері", "Кошице"),
        ("коли візит делегації мени до олайне", "Делегація Менської громади", "Домброва"),
        ("what was the project with leeds about", "Writing on Air", "Košice"),
    ],
)
def test_an_event_with_one_partner_is_told_alone(
    curated_engine: Engine, question: str, expected: str, absent: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert expected in answer.text
    assert absent not in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Скільки в Харкова побратимів?", "Харків: 2 міста-побратими: Брно, Лілль"),
        ("how many twin cities does kharkiv have", "Kharkiv: 2 twin cities: Brno, Lille"),
    ],
)
def test_a_count_of_twin_cities_says_twin_cities(
    curated_engine: Engine, question: str, expected: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(expected)


def test_who_signed_a_kind_after_a_hromada_is_about_that_hromadas_agreement(
    curated_engine: Engine,
) -> None:
    _, signed_by, when = conversation(
        curated_engine, "Kupiansk", "хто підписав меморандум?", "а коли?"
    )
    (fresh,) = conversation(curated_engine, "хто підписав меморандум?")

    assert signed_by.entities.hromada == KUPIANSK
    assert "Харків" not in signed_by.text
    assert "травні 2025" in when.text
    assert fresh.intent is Intent.REVERSE
    assert "Харків" in fresh.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("чи діє ще угода мени з олайне", "Так, діє."),
        ("Is the Leeds pledge still in force?", "Yes, it is in force."),
        ("чи діє угода мени з фрідбергом", "Ні, не діє."),
    ],
)
def test_whether_an_agreement_is_still_in_force_opens_with_yes_or_no(
    curated_engine: Engine, question: str, expected: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(expected)


@pytest.mark.parametrize(
    ("pair", "memorandum", "expected", "other"),
    [
        ("шо там у харкова з альбукерке", "а коли меморандум?", "Альбукерке", "Цинциннаті"),
        (
            "what about Kharkiv and Albuquerque?",
            "and when is the memorandum?",
            "Albuquerque",
            "Cincinnati",
        ),
        ("харків і цинциннаті", "а коли меморандум?", "Цинциннаті", "Альбукерке"),
    ],
)
def test_the_memorandum_after_a_pair_is_the_pairs_memorandum(
    curated_engine: Engine, pair: str, memorandum: str, expected: str, other: str
) -> None:
    # Kharkiv's twinning memorandum with Albuquerque is of the twinning kind, yet it is the
    # memorandum a resident asks about after that pair; Cincinnati's is another partner's.
    _first, actual = conversation(curated_engine, pair, memorandum)

    assert expected in actual.text
    assert other not in actual.text


def test_a_planned_memorandum_is_not_in_force_yet_rather_than_missing(
    curated_engine: Engine,
) -> None:
    _pair, actual = conversation(curated_engine, "харків і альбукерке", "а меморандум підписали?")

    first_line = actual.text.splitlines()[0]
    assert first_line.startswith("Ні,")
    assert "ще не мають чинної угоди" in first_line
