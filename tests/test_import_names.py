"""Which hromada and country a spreadsheet means, on spellings from real sister-city lists."""

from __future__ import annotations

import pytest

from knowledge.places.countries import resolve_country
from knowledge.places.hromadas import Resolved, shipped_index
from knowledge.render.translations import translation

KHARKIV = "UA63120270000028556"
NOVOSELIVKA_POLTAVA = "UA53080330000062155"
MYKOLAIV_LVIV_OBLAST = "UA46100110000018989"

# English spellings of Ukrainian cities as sister-city lists, Wikipedia's "twin towns"
# sections and partner cities' own pages write them: the official 2010 transliteration,
# older Ukrainian-based ones and the Russian-based ones of Soviet-era agreements. Each with
# the official English name of its centre and its oblast, which pick the expected code out
# of the reference table independently of the resolver.
CITIES = [
    ("Kharkov", "Kharkiv", "Kharkivska"),
    ("Kharkiv", "Kharkiv", "Kharkivska"),
    ("Kiev", "Kyiv", ""),
    ("Kyiv", "Kyiv", ""),
    ("Lvov", "Lviv", "Lvivska"),
    ("Lviv", "Lviv", "Lvivska"),
    ("Odessa", "Odesa", "Odeska"),
    ("Dnepropetrovsk", "Dnipro", "Dnipropetrovska"),
    ("Dnipro", "Dnipro", "Dnipropetrovska"),
    ("Zaporozhye", "Zaporizhzhia", "Zaporizka"),
    ("Zaporizhzhia", "Zaporizhzhia", "Zaporizka"),
    ("Nikolaev", "Mykolaiv", "Mykolaivska"),
    ("Mykolaiv", "Mykolaiv", "Mykolaivska"),
    ("Rovno", "Rivne", "Rivnenska"),
    ("Rivne", "Rivne", "Rivnenska"),
    ("Kirovograd", "Kropyvnytskyi", "Kirovohradska"),
    ("Kropyvnytskyi", "Kropyvnytskyi", "Kirovohradska"),
    ("Ivano-Frankovsk", "Ivano-Frankivsk", "Ivano-Frankivska"),
    ("Ivano-Frankivsk", "Ivano-Frankivsk", "Ivano-Frankivska"),
    ("Uzhgorod", "Uzhhorod", "Zakarpatska"),
    ("Chernovtsy", "Chernivtsi", "Chernivetska"),
    ("Chernivtsi", "Chernivtsi", "Chernivetska"),
    ("Chernigov", "Chernihiv", "Chernihivska"),
    ("Zhitomir", "Zhytomyr", "Zhytomyrska"),
    ("Vinnitsa", "Vinnytsia", "Vinnytska"),
    ("Ternopol", "Ternopil", "Ternopilska"),
    ("Lutsk", "Lutsk", "Volynska"),
    ("Khmelnitsky", "Khmelnytskyi", "Khmelnytska"),
    ("Cherkassy", "Cherkasy", "Cherkaska"),
    ("Poltava", "Poltava", "Poltavska"),
    ("Sumy", "Sumy", "Sumska"),
    ("Kherson", "Kherson", "Khersonska"),
    ("Lugansk", "Luhansk", "Luhanska"),
    ("Donetsk", "Donetsk", "Donetska"),
    ("Simferopol", "Simferopol", "Avtonomna Respublika Krym"),
    ("Sevastopol", "Sevastopol", ""),
    ("Kamianets-Podilskyi", "Kamianets-Podilskyi", "Khmelnytska"),
    ("Kamyanets-Podilsky", "Kamianets-Podilskyi", "Khmelnytska"),
    ("Kamenets-Podolsky", "Kamianets-Podilskyi", "Khmelnytska"),
    ("Kamianets Podilskyi", "Kamianets-Podilskyi", "Khmelnytska"),
    ("Bila Tserkva", "Bila Tserkva", "Kyivska"),
    ("Belaya Tserkov", "Bila Tserkva", "Kyivska"),
    ("Kremenchug", "Kremenchuk", "Poltavska"),
    ("Krivoy Rog", "Kryvyi Rih", "Dnipropetrovska"),
    ("Kryvyi Rih", "Kryvyi Rih", "Dnipropetrovska"),
    ("Mariupol", "Mariupol", "Donetska"),
    ("Melitopol", "Melitopol", "Zaporizka"),
    ("Berdyansk", "Berdiansk", "Zaporizka"),
    ("Mukachevo", "Mukachevo", "Zakarpatska"),
    ("Drogobych", "Drohobych", "Lvivska"),
    ("Truskavets", "Truskavets", "Lvivska"),
    ("Kolomyya", "Kolomyia", "Ivano-Frankivska"),
    ("Kalush", "Kalush", "Ivano-Frankivska"),
    ("Boryspil", "Boryspil", "Kyivska"),
    ("Brovary", "Brovary", "Kyivska"),
    ("Irpin", "Irpin", "Kyivska"),
    ("Bucha", "Bucha", "Kyivska"),
    ("Uman", "Uman", "Cherkaska"),
    ("Nizhyn", "Nizhyn", "Chernihivska"),
    ("Konotop", "Konotop", "Sumska"),
    ("Kovel", "Kovel", "Volynska"),
    ("Berdichev", "Berdychiv", "Zhytomyrska"),
    ("Izmail", "Izmail", "Odeska"),
    ("Chornomorsk", "Chornomorsk", "Odeska"),
    ("Kramatorsk", "Kramatorsk", "Donetska"),
    ("Slavyansk", "Sloviansk", "Donetska"),
    ("Severodonetsk", "Siverskodonetsk", "Luhanska"),
    ("Lysychansk", "Lysychansk", "Luhanska"),
    ("Kerch", "Kerch", "Avtonomna Respublika Krym"),
    ("Yalta", "Yalta", "Avtonomna Respublika Krym"),
    ("Feodosia", "Feodosiia", "Avtonomna Respublika Krym"),
    ("Yevpatoria", "Yevpatoriia", "Avtonomna Respublika Krym"),
    ("Kamianske", "Kamianske", "Dnipropetrovska"),
    ("Pavlograd", "Pavlohrad", "Dnipropetrovska"),
    ("Nikopol", "Nikopol", "Dnipropetrovska"),
    ("Dubno", "Dubno", "Rivnenska"),
    ("Ostroh", "Ostroh", "Rivnenska"),
    ("Novovolynsk", "Novovolynsk", "Volynska"),
    ("Stryi", "Stryi", "Lvivska"),
    ("Sambir", "Sambir", "Lvivska"),
    ("Zhovkva", "Zhovkva", "Lvivska"),
    ("Vyshhorod", "Vyshhorod", "Kyivska"),
    ("Slavutych", "Slavutych", "Kyivska"),
    ("Fastiv", "Fastiv", "Kyivska"),
    ("Myrhorod", "Myrhorod", "Poltavska"),
    ("Okhtyrka", "Okhtyrka", "Sumska"),
    ("Shostka", "Shostka", "Sumska"),
    ("Chortkiv", "Chortkiv", "Ternopilska"),
    ("Kremenets", "Kremenets", "Ternopilska"),
    ("Netishyn", "Netishyn", "Khmelnytska"),
    ("Shepetivka", "Shepetivka", "Khmelnytska"),
    ("Bilhorod-Dnistrovskyi", "Bilhorod-Dnistrovskyi", "Odeska"),
    ("Voznesensk", "Voznesensk", "Mykolaivska"),
    ("Pervomaisk", "Pervomaisk", "Mykolaivska"),
    ("Yuzhnoukrainsk", "Pivdennoukrainsk", "Mykolaivska"),
    ("Oleksandriia", "Oleksandriia", "Kirovohradska"),
    ("Smila", "Smila", "Cherkaska"),
    ("Kaniv", "Kaniv", "Cherkaska"),
    ("Lubny", "Lubny", "Poltavska"),
    ("Izium", "Izium", "Kharkivska"),
    ("Kupiansk", "Kupiansk", "Kharkivska"),
    ("Lozova", "Lozova", "Kharkivska"),
    ("Chuhuiv", "Chuhuiv", "Kharkivska"),
    ("Korosten", "Korosten", "Zhytomyrska"),
    ("Vinnytsia", "Vinnytsia", "Vinnytska"),
    ("Zhytomyr", "Zhytomyr", "Zhytomyrska"),
    ("Ternopil", "Ternopil", "Ternopilska"),
    ("Cherkasy", "Cherkasy", "Cherkaska"),
    ("Chernihiv", "Chernihiv", "Chernihivska"),
    ("Uzhhorod", "Uzhhorod", "Zakarpatska"),
    ("Khmelnytskyi", "Khmelnytskyi", "Khmelnytska"),
    ("Luhansk", "Luhansk", "Luhanska"),
    ("Odesa", "Odesa", "Odeska"),
    ("Sloviansk", "Sloviansk", "Donetska"),
    ("Bakhmut", "Bakhmut", "Donetska"),
    ("Enerhodar", "Enerhodar", "Zaporizka"),
]


def _expected_code(centre: str, oblast: str) -> str:
    found = [
        hromada.code
        for hromada in shipped_index().by_code.values()
        if hromada.center_en == centre
        and (hromada.oblast_en or "") == oblast
        and hromada.kind in ("urban", "special", None)
    ]
    assert len(found) == 1, (centre, oblast, found)
    return found[0]


def test_real_world_spellings_resolve_to_the_right_hromada_and_never_to_a_wrong_one() -> None:
    index = shipped_index()
    wrong, unresolved = [], []
    for spelling, centre, oblast in CITIES:
        expected = _expected_code(centre, oblast)
        actual = index.resolve(spelling)
        if not isinstance(actual, Resolved):
            unresolved.append(spelling)
        elif actual.code != expected:
            wrong.append(spelling)

    assert len(CITIES) >= 60
    assert wrong == []
    assert len(unresolved) <= len(CITIES) // 20, unresolved


@pytest.mark.parametrize(
    "text",
    [
        KHARKIV,
        KHARKIV.lower(),
        "Харківська",
        "Харківська міська громада",
        "Харківська міська територіальна громада",
        "Харків",
        "м. Харків",
        "Kharkivska",
        "Kharkiv city",
        "Kharkiv (Kharkiv oblast)",
        "Харків, Харківська обл.",
    ],
)
def test_the_ways_of_naming_kharkiv_all_mean_its_hromada(text: str) -> None:
    assert shipped_index().resolve(text) == Resolved(KHARKIV)


def test_a_name_shared_by_villages_is_ambiguous_and_lists_the_candidates() -> None:
    actual = shipped_index().resolve("Novoselivka")

    assert not isinstance(actual, Resolved)
    rendered = actual.render(str)
    assert "ambiguous" in rendered
    assert "Poltavska" in rendered
    assert NOVOSELIVKA_POLTAVA in rendered


@pytest.mark.parametrize(
    ("text", "oblast"),
    [
        ("Novoselivka (Poltava oblast)", ""),
        ("Новоселівка, Полтавська область", ""),
        ("Novoselivka", "Poltavska"),
        ("Novoselivka", "Полтавська обл."),
    ],
)
def test_an_oblast_qualifier_or_column_settles_an_ambiguous_name(text: str, oblast: str) -> None:
    assert shipped_index().resolve(text, oblast) == Resolved(NOVOSELIVKA_POLTAVA)


def test_the_town_sharing_an_oblast_centres_name_is_reached_through_its_oblast() -> None:
    index = shipped_index()

    assert index.resolve("Mykolaiv") == Resolved("UA48060150000071713")
    assert index.resolve("Mykolaiv (Lviv oblast)") == Resolved(MYKOLAIV_LVIV_OBLAST)


def test_a_hromada_name_shared_by_two_is_settled_by_its_kind_word() -> None:
    index = shipped_index()

    assert not isinstance(index.resolve("Ivano-Frankivska"), Resolved)
    assert index.resolve("Івано-Франківська міська громада") == Resolved("UA26040190000081578")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Atlantis", "unknown hromada Atlantis; write its KATOTTH code"),
        ("UA00000000000000000", "unknown KATOTTH code UA00000000000000000"),
        ("Kharkiv (Narnia oblast)", "unknown oblast Narnia oblast"),
    ],
)
def test_what_cannot_be_resolved_is_reported(text: str, reason: str) -> None:
    actual = shipped_index().resolve(text)

    assert not isinstance(actual, Resolved)
    assert actual.render(str) == reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US", "US"),
        ("usa", "US"),
        ("U.S.A.", "US"),
        ("United States", "US"),
        ("United States of America", "US"),
        ("США", "US"),
        ("Сполучені Штати Америки", "US"),
        ("UK", "GB"),
        ("Great Britain", "GB"),
        ("United Kingdom", "GB"),
        ("Велика Британія", "GB"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Чехія", "CZ"),
        ("Німеччина", "DE"),
        ("germany", "DE"),
        ("The Netherlands", "NL"),
        ("Польща", "PL"),
        ("Republic of Moldova", "MD"),
        ("Türkiye", "TR"),
    ],
)
def test_countries_by_code_english_or_ukrainian_name(text: str, expected: str) -> None:
    assert resolve_country(text) == expected


@pytest.mark.parametrize("text", ["Narnia", "XX", "EU", "Europe", ""])
def test_what_names_no_country_is_not_a_country(text: str) -> None:
    assert resolve_country(text) is None


@pytest.mark.parametrize(
    ("text", "oblast", "expected_en", "expected_uk"),
    [
        (
            "Kyiv, Kharkiv Oblast",
            "",
            "Kyiv is a city with special status, in no oblast",
            "Київ — місто зі спеціальним статусом, не в області",
        ),
        (
            "Київ",
            "Харківська обл.",
            "Kyiv is a city with special status, in no oblast",
            "Київ — місто зі спеціальним статусом, не в області",
        ),
        (
            "Lviv",
            "Odesa oblast",
            "the only Lviv is in Lvivska oblast",
            "єдиний Львів — у Львівській обл.",
        ),
    ],
)
def test_an_oblast_that_contradicts_the_only_place_so_named_is_said_to(
    text: str, oblast: str, expected_en: str, expected_uk: str
) -> None:
    actual = shipped_index().resolve(text, oblast)

    assert not isinstance(actual, Resolved)
    assert expected_en in actual.render(str)
    assert expected_uk in actual.render(translation("uk").gettext, "uk")
    assert "KATOTTH" not in actual.render(str)


def test_an_oblast_where_no_namesake_lies_lists_the_namesakes() -> None:
    actual = shipped_index().resolve("Horodok", "Odesa oblast")

    assert not isinstance(actual, Resolved)
    rendered = actual.render(str)
    assert "no place of that name is where the row says" in rendered
    assert "Horodok (Khmelnytska oblast)" in rendered
    assert "Horodok (Lvivska oblast)" in rendered


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Франик", "UA26040190000081578"),
        ("Франківськ", "UA26040190000081578"),
        ("Проскурів", "UA68040470000053519"),
        ("Proskurov", "UA68040470000053519"),
    ],
)
def test_a_colloquial_or_former_name_from_the_data_names_its_city(
    text: str, expected: str
) -> None:
    assert shipped_index().resolve(text) == Resolved(expected)


@pytest.mark.parametrize(
    ("text", "district"),
    [
        ("Podil", "Podilskyi, Kyiv hromada"),
        ("Поділ", "Podilskyi, Kyiv hromada"),
        ("Darnytsia", "Darnytskyi, Kyiv hromada"),
    ],
)
def test_a_bare_quarter_a_village_shares_is_not_taken_for_the_village(
    text: str, district: str
) -> None:
    actual = shipped_index().resolve(text)

    assert not isinstance(actual, Resolved)
    rendered = actual.render(str)
    assert "ambiguous" in rendered
    assert district in rendered
    assert "Kyiv oblast" not in rendered


@pytest.mark.parametrize(
    ("text", "oblast", "district"),
    [
        ("Darnytsia (Kyiv)", "", "Дарницький"),
        ("Darnytsia", "Kyiv City", "Дарницький"),
        ("Pechersk", "", "Печерський"),
        ("Podil (Kyiv)", "", "Подільський"),
    ],
)
def test_a_quarter_with_its_city_is_that_city_s_district(
    text: str, oblast: str, district: str
) -> None:
    actual = shipped_index().resolve(text, oblast)

    assert isinstance(actual, Resolved)
    assert actual.code == "UA80000000000093317"
    assert actual.settlement is not None
    assert actual.settlement.name_uk == district


@pytest.mark.parametrize(
    ("text", "oblast", "expected"),
    [
        ("Kamianets-Podilskyi, Podolia", "", "UA68020110000071202"),
        ("Izmail, Bessarabia", "", "UA51080030000048246"),
        ("Izmail (Буджак)", "", "UA51080030000048246"),
        ("Drohobych, Galicia", "", "UA46020030000019252"),
        ("Drohobych", "Galicja", "UA46020030000019252"),
        ("Kramatorsk, Donbass", "", "UA14120090000098500"),
        ("Kolomyia, Покуття", "", "UA26080070000092582"),
        ("Nizhyn (Сіверщина)", "", "UA74040250000063494"),
        # Horodok is a hromada in four oblasts; Podillia leaves Khmelnytskyi's, Galicia Lviv's.
        ("Horodok, Podillia", "", "UA68040130000024471"),
        ("Horodok", "Галичина", "UA46060070000047720"),
    ],
)
def test_a_historical_land_narrows_a_place_as_its_oblasts_do(
    text: str, oblast: str, expected: str
) -> None:
    actual = shipped_index().resolve(text, oblast)

    assert isinstance(actual, Resolved)
    assert actual.code == expected


def test_a_historical_land_that_still_leaves_several_places_keeps_the_name_ambiguous() -> None:
    actual = shipped_index().resolve("Horodok, Polissia")

    assert not isinstance(actual, Resolved)
    rendered = actual.render(str)
    assert "ambiguous" in rendered
    assert "Rivnenska" in rendered
    assert "Zhytomyrska" in rendered
    assert "Lvivska" not in rendered


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Drohobych, Podolia", "en", "no place of that name lies in Podillia"),
        ("Drohobych, Podolia", "uk", "на землях «Поділля» місця з такою назвою немає"),
        ("Kamianets-Podilskyi, Bessarabia", "en", "Kamianets-Podilskyi (Khmelnytska oblast)"),
        ("Kamianets-Podilskyi, Bessarabia", "uk", "Кам’янець-Подільський (Хмельницька обл.)"),
    ],
)
def test_a_place_outside_the_land_written_beside_it_is_refused_naming_both(
    text: str, lang: str, expected: str
) -> None:
    actual = shipped_index().resolve(text)

    assert not isinstance(actual, Resolved)
    assert "unknown" not in actual.render(str)
    assert expected in actual.render(translation(lang).gettext, lang)
