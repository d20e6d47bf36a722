"""Extraction on the seed documents: the curated facts come back, the tempting ones do not."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from babel.numbers import format_currency, format_decimal

from knowledge.extraction import (
    AgreementProposal,
    AidProposal,
    DocumentText,
    Extraction,
    Extractor,
    PlaceNames,
    UnreadableDocumentError,
    compare,
    fact_json,
    read_document,
)
from knowledge.extraction.extractor import text_name
from knowledge.extraction.names import HromadaInfo
from knowledge.facts.dates import PartialDate
from knowledge.qa.engine import Engine
from knowledge.store.curated import CURATED_DIR
from tests.cli import PROJECT_DIR, run_bot

SEEDS = PROJECT_DIR.parent / "shared" / "seeds"
TODAY = PartialDate(2026, 1, 15)


@pytest.fixture(scope="module")
def extractions(qa_engine: Engine) -> dict[str, Extraction]:
    extractor = Extractor(PlaceNames.from_engine(qa_engine))
    return {
        path.name: extractor.extract(DocumentText(path.read_text(encoding="utf-8")), today=TODAY)
        for path in sorted(SEEDS.glob("*.txt"))
    }


def _curated_facts() -> list[tuple[str, str, str, str, str | None]]:
    """(hromada, place or aid, kind, status, date) of every curated agreement and aid record."""
    facts: list[tuple[str, str, str, str, str | None]] = []
    for path in sorted(CURATED_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for agreement in data.get("agreements", []):
            date = agreement.get("signed_on") or agreement.get("planned_on")
            facts.append(
                (
                    agreement["hromada"],
                    agreement["place"],
                    agreement["kind"],
                    agreement["status"],
                    None if date is None else str(date),
                )
            )
        for aid in data.get("aid", []):
            facts.append((aid["hromada"], "aid", "aid", "received", str(aid["received_on"])))
    return facts


def _proposed(extractions: dict[str, Extraction]) -> set[tuple[str, str, str, str, str | None]]:
    found: set[tuple[str, str, str, str, str | None]] = set()
    for extraction in extractions.values():
        for fact in extraction.facts:
            date = None if fact.date is None else fact.date.isoformat()
            if isinstance(fact, AgreementProposal):
                found.add(
                    (
                        fact.hromada or "",
                        fact.partner_place or "",
                        fact.kind.value,
                        fact.status.value,
                        date,
                    )
                )
            else:
                found.add((fact.hromada or "", "aid", "aid", "received", date))
    return found


def test_the_seeds_give_back_nine_in_ten_curated_facts_with_kind_status_and_date(
    extractions: dict[str, Extraction],
) -> None:
    expected = _curated_facts()
    actual = _proposed(extractions)

    found = [fact for fact in expected if fact in actual]

    assert len(expected) >= 16
    assert len(found) / len(expected) >= 0.9, sorted(set(expected) - actual)


def test_a_venue_a_conference_host_and_an_oblast_are_not_partners(
    extractions: dict[str, Extraction],
) -> None:
    kupiansk = extractions["004_9d49cf73cf8acaf4.txt"]

    actual = [
        (fact.partner, fact.kind.value, fact.status.value, str(fact.date))
        for fact in kupiansk.facts
        if isinstance(fact, AgreementProposal)
    ]

    assert actual == [("Колумбус", "memorandum", "active", "2025-05")]
    assert not [fact for fact in kupiansk.facts if isinstance(fact, AidProposal)]


def test_an_extension_keeps_the_agreement_active_with_its_term(
    extractions: dict[str, Extraction],
) -> None:
    letter = extractions["000_388de5f8d4747410.txt"]

    (cincinnati,) = [
        fact
        for fact in letter.facts
        if isinstance(fact, AgreementProposal) and fact.partner_place == "us-cincinnati"
    ]

    assert cincinnati.status.value == "active"
    assert cincinnati.date is None
    assert cincinnati.extended is not None
    assert (str(cincinnati.extended.date), cincinnati.extended.term_years) == ("2023", 5)


def test_every_proposal_says_which_words_decided_it(
    extractions: dict[str, Extraction],
) -> None:
    for extraction in extractions.values():
        for fact in extraction.facts:
            roles = {evidence.role for evidence in fact.evidence if evidence.words}
            assert "hromada" in roles
            assert (
                ("kind" in roles) if isinstance(fact, AgreementProposal) else "delivery" in roles
            )
            assert fact.quote
            assert " ".join(fact.quote.split()) in " ".join(
                next(
                    path.read_text(encoding="utf-8")
                    for path in SEEDS.glob("*.txt")
                    if extractions[path.name] is extraction
                ).split()
            )


def test_aid_lists_donor_countries_items_and_quantities(
    extractions: dict[str, Extraction],
) -> None:
    report = extractions["001_e09c90af089b08af.txt"]

    (aid,) = [fact for fact in report.facts if isinstance(fact, AidProposal)]

    assert aid.donor_countries == ("US", "GB", "PL", "IT", "DE", "FI", "DK", "NO")
    assert [(item.category.value, item.quantity) for item in aid.items] == [
        ("vehicles", 14),
        ("buses", 1),
        ("generators", None),
        ("humanitarian_other", None),
    ]
    assert str(aid.date) == "2023"


def test_the_document_becomes_the_source_with_its_date_number_and_issuer(
    extractions: dict[str, Extraction],
) -> None:
    letter = extractions["000_388de5f8d4747410.txt"].source
    decision = extractions["001_e09c90af089b08af.txt"].source
    news = extractions["002_cc596dcd09e1543b.txt"].source

    assert (str(letter.date), letter.number, letter.kind.value) == (
        "2024-01-12",
        "17/0/972-24",
        "official_letter",
    )
    assert letter.issuer is not None
    assert "Харківська міська рада" in letter.issuer
    assert (str(decision.date), decision.number, decision.issuer) == (
        "2024-01-24",
        "03",
        "Менська міська рада",
    )
    assert news.title == (
        "Альбукерке долучиться до відновлення Харкова. Міста невдовзі стануть побратимами"
    )
    assert str(news.date) == "2023-07-03"


def test_known_facts_are_marked_and_a_new_status_is_a_change(qa_engine: Engine) -> None:
    extractor = Extractor(PlaceNames.from_engine(qa_engine))
    text = (
        "Харків, 14.08.2023. Харківський міський голова Ігор Терехов та мер Альбукерке"
        " Тімоті Келлер підписали Меморандум про встановлення побратимських відносин."
    )

    (fact,) = extractor.extract(DocumentText(text), today=TODAY).facts
    line = fact_json(fact, compare(fact, qa_engine.snapshot))

    assert (line["kind"], line["status"], line["date"]) == ("twinning", "active", "2023")
    assert line["changes"]["status"] == {"from": "planned", "to": "active"}


def test_english_news_gives_the_same_kinds_and_statuses(qa_engine: Engine) -> None:
    extractor = Extractor(PlaceNames.from_engine(qa_engine))
    text = (
        "Kharkiv and Leeds sign a friendship pledge\n\n"
        "On 6 December 2023 Kharkiv signed a friendship pledge with the city of Leeds"
        " (United Kingdom). Kharkiv will sign a memorandum of understanding with Brno"
        " next year. The ceremony took place in Prague."
    )

    facts = extractor.extract(DocumentText(text), today=PartialDate(2023, 12, 8)).facts
    actual = [
        (fact.partner_place, fact.kind.value, fact.status.value, str(fact.date))
        for fact in facts
        if isinstance(fact, AgreementProposal)
    ]

    assert actual == [
        ("gb-leeds", "friendship_pledge", "active", "2023-12-06"),
        ("cz-brno", "memorandum", "planned", "2024"),
    ]


def test_files_are_read_from_word_and_web_pages(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Меморандум про співпрацю з містом Колумбус")
    buffer = io.BytesIO()
    document.save(buffer)
    page = (
        "<html><head><title>Новина</title><script>var x = 1;</script></head>"
        "<body><p>Перший абзац.</p><p>Другий &amp; третій.</p></body></html>"
    )

    word = read_document(buffer.getvalue(), "лист.docx")
    web = read_document(page.encode("utf-8"), "news.html")
    old = read_document("Угода про співпрацю".encode("cp1251"), "old.txt")

    assert word.text.strip() == "Меморандум про співпрацю з містом Колумбус"
    assert (web.title, web.text) == ("Новина", "Перший абзац.\n\nДругий & третій.")
    assert old.text == "Угода про співпрацю"


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"a,b\n1,2\n", "sheet.csv", "format"),
        (b"%PDF-1.4 broken", "letter.pdf", "damaged"),
        (b"PK\x03\x04 not a zip", "letter.docx", "damaged"),
        (b"   \n\n", "empty.txt", "empty"),
        (b"\x00\x01\x02", "binary.txt", "encoding"),
    ],
)
def test_a_file_that_is_not_a_readable_document_is_refused_with_its_reason(
    data: bytes, name: str, reason: str
) -> None:
    with pytest.raises(UnreadableDocumentError) as refused:
        read_document(data, name)

    assert refused.value.reason == reason


def test_kb_extract_json_prints_one_object_per_fact_and_exits_0_without_facts(
    tmp_path: Path,
) -> None:
    seed = tmp_path / "news.txt"
    seed.write_text((SEEDS / "004_9d49cf73cf8acaf4.txt").read_text(encoding="utf-8"))
    nothing = tmp_path / "nothing.txt"
    nothing.write_text("Сьогодні у Харкові сонячно.", encoding="utf-8")

    found = run_bot("kb", "extract", str(seed), "--json", cwd=tmp_path)
    empty = run_bot("kb", "extract", str(nothing), "--json", cwd=tmp_path)

    assert found.returncode == 0, found.stderr
    lines = [json.loads(line) for line in found.stdout.splitlines()]
    assert [(line["fact"], line["partner"], line["known"]) for line in lines] == [
        ("agreement", "Колумбус", True)
    ]
    assert (empty.returncode, empty.stdout) == (0, "")


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_kb_extract_writes_counts_and_money_as_the_language_does(
    tmp_path: Path, lang: str
) -> None:
    news = tmp_path / "news.txt"
    news.write_text(
        "Німецьке місто-партнер Ганновер передало Миколаєву 150 тисяч євро та 2 генератори.",
        encoding="utf-8",
    )

    found = run_bot("--lang", lang, "kb", "extract", str(news), cwd=tmp_path)

    assert found.returncode == 0, found.stderr
    (aid,) = [line for line in found.stdout.splitlines() if "aid →" in line]
    assert f"generators {format_decimal(2, locale=lang)}" in aid
    assert format_currency(Decimal(150000), "EUR", locale=lang) in aid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Умані", "Умань"),
        ("Харкова", "Харків"),
        ("Kharkiv's", "Kharkiv"),
        ("Червонограду", "Червоноград"),
    ],
)
def test_the_hromada_is_named_as_the_text_names_it_in_the_nominative(
    text: str, expected: str
) -> None:
    hromada = HromadaInfo(
        "UA46060250010015970",
        "Шептицька",
        "Sheptytska",
        "Шептицький",
        "Sheptytskyi",
        None,
        None,
        ("Червоноград", "Chervonohrad"),
    )
    hromada_of = {
        "Умані": replace(hromada, center_uk="Умань", name_uk="Уманська", aliases=()),
        "Харкова": replace(hromada, center_uk="Харків", name_uk="Харківська", aliases=()),
        "Kharkiv's": replace(hromada, center_en="Kharkiv", name_en="Kharkivska", aliases=()),
    }.get(text, hromada)

    assert text_name(text, hromada_of) == expected


def _agreements(engine: Engine, text: str) -> list[AgreementProposal]:
    extraction = Extractor(PlaceNames.from_engine(engine)).extract(DocumentText(text), today=TODAY)
    return [fact for fact in extraction.facts if isinstance(fact, AgreementProposal)]


def test_a_list_of_partner_towns_gives_each_its_country_and_the_hromada_its_ties(
    qa_engine: Engine,
) -> None:
    text = (
        "В Умані з'явилося ще одне місто-побратим.\n\n"
        "Наразі вже укладено угоди та меморандуми про співпрацю з закордонними містами: "
        "Девіс (США, Каліфорнія), Мілфорд Хейвон (Великобританія), Ланьцут, Гнєзно, "
        "Курнік (Польща), Нацерет Іліт, Цфат (Ізраїль), та українськими містами – Хмільник, "
        "Тернопіль."
    )

    found = {
        (fact.hromada_name, fact.partner, fact.partner_country, fact.kind.value)
        for fact in _agreements(qa_engine, text)
    }

    assert found >= {
        ("Умань", "Девіс", "US", "other"),
        ("Умань", "Ланьцут", "PL", "other"),
        ("Умань", "Гнєзно", "PL", "other"),
        ("Умань", "Курнік", "PL", "other"),
        ("Умань", "Нацерет Іліт", "IL", "other"),
    }
    assert not any(name in ("Хмільник", "Тернопіль") for name, *_rest in found)
    assert not any(partner == "Каліфорнія" for _name, partner, *_rest in found)


def test_the_agreement_named_again_gives_its_date_to_the_one_named_first(
    qa_engine: Engine,
) -> None:
    text = (
        "Договір про дружбу та співробітництво між містами Пейнсуїк (Велика Британія) та "
        "Славутич (Україна) підписано.\n\n"
        "Церемонія підписання договору відбулася 4 листопада 2022 року в режимі онлайн за "
        "участі міського голови м. Славутича Юрія Фомічева та Голови громади м. Пейнсуїк "
        "Роджера Вілсона."
    )

    (fact,) = _agreements(qa_engine, text)

    assert (fact.partner, fact.kind.value, fact.status.value) == (
        "Пейнсуїк",
        "cooperation_agreement",
        "active",
    )
    assert fact.date == PartialDate(2022, 11, 4)


def test_a_related_link_and_a_quoted_speaker_are_not_partners(qa_engine: Engine) -> None:
    text = (
        "Brandon gets a new sister city in Ukraine: Chervonohrad.\n\n"
        "RELATED: Kharkiv and Cincinnati renew sister city partnership\n\n"
        "“We appreciate the support of our new sister city,” Zalivskyi said."
    )

    partners = {fact.partner for fact in _agreements(qa_engine, text)}

    assert "Zalivskyi" not in partners
    assert not any(fact.hromada_name == "Kharkiv" for fact in _agreements(qa_engine, text))


def test_aid_with_no_donor_named_is_not_proposed(qa_engine: Engine) -> None:
    extractor = Extractor(PlaceNames.from_engine(qa_engine))
    text = (
        "More than 300 generators sent to Ukraine.\n\n"
        "Kyiv received a new batch of aid from its twin city, Hamburg, Germany.\n\n"
        "In total, Hamburg has transferred six buses and nine ambulances to Kyiv."
    )

    aid = [
        fact
        for fact in extractor.extract(DocumentText(text), today=TODAY).facts
        if isinstance(fact, AidProposal)
    ]

    assert [fact.donor_countries for fact in aid] == [("DE",), ("DE",)]
    assert [fact.donor_cities for fact in aid][-1] == ("Hamburg",)


@pytest.mark.parametrize(
    ("text", "donors"),
    [
        (
            "Громада співпрацювала з донорськими організаціями Польщі, Італії та інших "
            "країн ЄС. Менська громада отримала 5 генераторів.",
            ("PL", "IT"),
        ),
        (
            "Bucha received 3 ambulances from donors in Germany and other countries of "
            "the European Union.",
            ("DE",),
        ),
        (
            "Ніжинська громада отримала 2 автобуси від партнерів з Литви та інших країн Європи.",
            ("LT",),
        ),
    ],
)
def test_a_group_the_donor_countries_belong_to_is_no_donor(
    qa_engine: Engine, text: str, donors: tuple[str, ...]
) -> None:
    extractor = Extractor(PlaceNames.from_engine(qa_engine))

    aid = [
        fact
        for fact in extractor.extract(DocumentText(text), today=TODAY).facts
        if isinstance(fact, AidProposal)
    ]

    assert [fact.donor_countries for fact in aid] == [donors]


def test_towns_listed_around_sister_cities_are_the_named_hromadas_partners(
    qa_engine: Engine,
) -> None:
    text = (
        "Since the beginning of the full-scale invasion, Paris, Hamburg and Madrid became "
        "Kyiv’s new sister cities.\n\n"
        "Chervonohrad's mayor signed a twinning agreement with Brandon, Man.\n\n"
        "Winnipeg is a sister city to Lviv, the Lviv Oblast region’s capital city.\n\n"
        "Bourges twinned with Korosten, Gdynia and Pardubice are now sister cities of Zhytomyr, "
        "and Poprád offered cooperation to Uzhhorod.\n\n"
        "Glasgow enters this twinning partnership reflecting the sentiments of our city's "
        "Patron Saint, St Mungo.\n\n"
        "Singatories to the MoU will be CKSCP Pesident Bob Herring and Kharkiv-Cincinnati "
        "Sister City President Iryna Bakumenko."
    )

    found = {(fact.hromada_name, fact.partner) for fact in _agreements(qa_engine, text)}

    assert found == {
        ("Kyiv", "Paris"),
        ("Kyiv", "Hamburg"),
        ("Kyiv", "Madrid"),
        ("Chervonohrad", "Brandon"),
        ("Zhytomyr", "Gdynia"),
        ("Zhytomyr", "Pardubice"),
        ("Korosten", "Bourges"),
        ("Lviv", "Winnipeg"),
    }


def test_a_town_named_without_its_country_takes_the_documents_country_that_has_it(
    qa_engine: Engine,
) -> None:
    text = (
        "Делегація з Польщі відвідала громаду.\n\n"
        "Меморандум про співпрацю 15 червня підписали голова Куп’янської громади та мер міста "
        "Ченстохова Кшиштоф Матиясик.\n\n"
        "Since the invasion, Paris, Hamburg and Madrid became Kyiv’s new sister cities."
    )

    found = {
        fact.partner: (fact.partner_country, fact.date) for fact in _agreements(qa_engine, text)
    }

    # An undated page's «15 червня» has no year to resolve against.
    assert found["Ченстохова"] == ("PL", None)
    # No Paris of Poland is meant: Paris is the one GeoNames knows, clearly the largest.
    assert found["Paris"] == ("FR", None)


def test_a_tie_that_began_with_a_document_has_the_documents_kind(qa_engine: Engine) -> None:
    text = (
        "10 травня 2023 року плеяду міст-побратимів доповнило м. Ченстохова (Польща), з яким "
        "керівництво міста Умань підписало Договір про співпрацю.\n\n"
        "Міста Куп’янськ та Прущ-Ґданський у Польщі стали містами-побратимами.\n\n"
        "Меморандум про співпрацю підписали голова Куп’янської громади та мер міста "
        "Прущ-Ґданськ Януш Врубель."
    )

    found = {(fact.partner, fact.kind.value) for fact in _agreements(qa_engine, text)}

    assert found == {
        ("Ченстохова", "cooperation_agreement"),
        ("Прущ-Ґданськ", "memorandum"),
    }


def test_partners_listed_after_a_dash_and_severed_partnerships_are_read(
    qa_engine: Engine,
) -> None:
    text = (
        "Виконавчий комітет Тернопільської міської ради ухвалив рішення про скасування "
        "партнерських відносин з білоруськими містами Гродно та Пінськ.\n\n"
        "Уже найближчим часом Ковельська громада очікує три пакети допомоги, про які подбали "
        "німецькі міста-партнери Ковеля - Вальсроде, Барзінгхаузен та Саарбрюкен."
    )

    found = {
        (fact.hromada_name, fact.partner, fact.status.value)
        for fact in _agreements(qa_engine, text)
    }

    assert found == {
        ("Тернопільська", "Гродно", "terminated"),
        ("Тернопільська", "Пінськ", "terminated"),
        ("Ковель", "Вальсроде", "active"),
        ("Ковель", "Барзінгхаузен", "active"),
        ("Ковель", "Саарбрюкен", "active"),
    }


def test_a_delivery_to_ukraine_a_gmina_named_like_a_hromada_and_an_oblast_deal(
    qa_engine: Engine,
) -> None:
    extractor = Extractor(PlaceNames.from_engine(qa_engine))
    texts = (
        "До Києва прибула перша партія генераторів.\n\n"
        "Польща передала в Україну 379 генераторів різної потужності.",
        "Очільник Радивилівської громади повернувся із сусідньої Польщі, де в рамках "
        "партнерської співпраці з Гміною Нове отримав від бурмістра Гміни Нове автомобіль "
        "швидкої допомоги.\n\n"
        "Транспортний засіб громаді передало побратимське Радивилову місто Нове Республіки "
        "Польща.",
        "Від 2022 року укладені 4 нові міжнародні угоди на рівні області з регіоном "
        "Іль-де-Франс (Франція).",
    )

    delivered, gmina, oblast = (
        extractor.extract(DocumentText(text), today=TODAY).facts for text in texts
    )

    assert delivered == ()
    assert [
        (fact.hromada_name, fact.donor_cities, fact.donor_countries)
        for fact in gmina
        if isinstance(fact, AidProposal)
    ] == [("Радивилівська", ("Нове",), ("PL",))]
    assert [
        (fact.partner, fact.partner_country)
        for fact in gmina
        if isinstance(fact, AgreementProposal)
    ] == [("Нове", "PL")]
    assert oblast == ()


def test_today_in_a_dated_text_is_its_date_and_an_oath_is_a_friendship_pledge(
    qa_engine: Engine,
) -> None:
    extractor = Extractor(PlaceNames.from_engine(qa_engine))
    text = (
        "Leeds City Council today signed an official Friendship Oath with the Ukrainian city "
        "of Kharkiv."
    )

    dated = extractor.extract(DocumentText(text, date=PartialDate(2023, 12, 6)), today=TODAY)
    undated = extractor.extract(DocumentText(text), today=TODAY)

    (fact,) = dated.facts
    assert isinstance(fact, AgreementProposal)
    assert (fact.partner, fact.kind.value, fact.date) == (
        "Leeds",
        "friendship_pledge",
        PartialDate(2023, 12, 6),
    )
    assert [proposal.date for proposal in undated.facts] == [None]
