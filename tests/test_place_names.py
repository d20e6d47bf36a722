"""Every unit of the codifier and every country, read from the way people write them."""

from __future__ import annotations

import pytest

from knowledge.facts.messages import Problem
from knowledge.places.countries import CountryMatch, read_country
from knowledge.places.hromadas import Hints, Resolved, shipped_index

BEREHOVE = "UA21020030000019624"
BENE = "UA21020030040099324"
KYIV = "UA80000000000093317"
DNIPROVSKYI_KYIV = "UA80000000000479391"
SHEPTYTSKYI = "UA46120130000026331"
ZVIAHEL = "UA18080150000022496"
CHYSTIAKOVE = "UA14060150000032950"
IVANO_FRANKIVSK = "UA26040190000081578"
KADIIVKA = "UA44020050000061272"
# Нікольська hromada: its centre Нікольське is Микільське now; Южненська: Южне is Південне.
NIKOLSKA = "UA14140070000060361"
YUZHNENSKA = "UA51100410000059549"
LVIV = "UA46060250000025047"
SHEVCHENKIVSKYI_LVIV = "UA46060250010615203"
LYCHAKIVSKYI_LVIV = "UA46060250010364817"
HORODOK_LVIV = "UA46060070000047720"
LUTSK = "UA07080170000013585"
HORODOK_KHMELNYTSKYI = "UA68040130000024471"
NOVOSELIVKA_POLTAVA = "UA53080330000062155"
ZARICHNE_RIVNE = "UA56020070000060676"
KAMIANKA_CHERKASY = "UA71080130000078619"
KAMIANKA_CHERNIVTSI = "UA73060230000024500"
# Siret (Romania), across the border from Chernivtsi oblast; Khust, in Zakarpattia.
SIRET = (47.95, 26.07)
NEAR_KAMIANKA_CHERNIVTSI = (48.01, 25.99)


@pytest.mark.parametrize(
    ("text", "oblast", "expected_hromada", "expected_settlement"),
    [
        # A neighbour's name of a village or town, from `other_names.csv`.
        ("Nagymuzsaly", "Kárpátalja", BEREHOVE, "UA21020030130020350"),
        ("Palágykomoróc", "", "UA21100190000078736", "UA21100190070039324"),
        ("Emilczyn", "", "UA18080130000032098", None),
        # French «Tchoulakiv» reads Chulakiv, the town Чулаківська hromada is named after.
        ("Tchoulakiv", "région de Kherson", "UA65080170000067222", None),
        # Romanian -ița is the Ukrainian -иця.
        ("comuna Ostrița", "Regiunea Cernăuți", "UA73060430000042676", None),
        # A Russian spelling of a village or district where the row names its raion or city.
        (
            "Lipovka, raionul Tomashpol",
            "regiunea Vinnitsa",
            "UA05100130000061386",
            "UA05100130150080174",
        ),
        ("Dnieprovskyi (arrondissement de Kyïv)", "", KYIV, DNIPROVSKYI_KYIV),
        # An oblast column in French.
        ("Louhansk", "Oblast de Louhansk", "UA44060010000059164", None),
    ],
)
def test_foreign_and_russian_spellings_of_villages_resolve_where_the_row_says(
    text: str, oblast: str, expected_hromada: str, expected_settlement: str | None
) -> None:
    actual = shipped_index().resolve(text, oblast)

    assert isinstance(actual, Resolved), actual
    assert actual.code == expected_hromada
    assert (actual.settlement.code if actual.settlement else None) == expected_settlement


def test_a_former_village_council_is_its_village_and_its_namesakes_in_the_oblast_are_listed() -> (
    None
):
    one = shipped_index().resolve("Lypivska, Tulchynskyi raion", "Vinnytsia")
    several = shipped_index().resolve("Oleksandrivska, raionul Shyrokivski", "Dnipropetrovsk")

    assert isinstance(one, Resolved)
    assert (one.code, one.settlement.code if one.settlement else None) == (
        "UA05100130000061386",
        "UA05100130150080174",
    )
    assert isinstance(several, Problem)
    assert "ambiguous hromada" in several.message
    assert "Oleksandrivka, Hrechanopodivska hromada" in str(several.params["candidates"])


def test_a_russian_spelling_of_a_village_with_no_raion_is_not_read_as_one_of_its_namesakes() -> (
    None
):
    actual = shipped_index().resolve("Lipovka", "regiunea Vinnitsa")

    assert isinstance(actual, Problem)
    assert not isinstance(actual, Resolved)


@pytest.mark.parametrize(
    ("text", "expected_hromada", "expected_settlement"),
    [
        ("Bene", BEREHOVE, BENE),
        ("Бене", BEREHOVE, BENE),
        ("Dniprovskyi (Kyiv)", KYIV, DNIPROVSKYI_KYIV),
        ("Dniprovskyi District (Kyiv)", KYIV, DNIPROVSKYI_KYIV),
        ("Kirovsk", KADIIVKA, "UA44020050040095366"),
        ("Chervonohrad", SHEPTYTSKYI, None),
        ("Червоноград", SHEPTYTSKYI, None),
        ("Sheptytskyi", SHEPTYTSKYI, None),
        ("Novohrad-Volynskyi", ZVIAHEL, None),
        ("Torez", CHYSTIAKOVE, None),
        ("Франківськ", IVANO_FRANKIVSK, None),
        ("Frankivsk", IVANO_FRANKIVSK, None),
        ("Ivano-Frankovsk", IVANO_FRANKIVSK, None),
        ("Berehove", BEREHOVE, None),
        (BENE, BEREHOVE, BENE),
        ("Nikolske", NIKOLSKA, None),
        ("Нікольське", NIKOLSKA, None),
        ("Nikolskoye", NIKOLSKA, None),
        ("Yuzhne", YUZHNENSKA, None),
        ("Yuzhny", YUZHNENSKA, None),
        ("Pereiaslav-Khmelnytskyi", "UA32040110000047477", None),
        ("Dniprovskyi district of Kyiv", KYIV, DNIPROVSKYI_KYIV),
        ("Dniprovskyi District of the city of Kyiv", KYIV, DNIPROVSKYI_KYIV),
        ("Дніпровський район міста Києва", KYIV, DNIPROVSKYI_KYIV),
        ("Шевченківський район Львова", LVIV, SHEVCHENKIVSKYI_LVIV),
        # A hromada called by its centre's adjective agreeing with «громада» (Зарічне).
        ("Zarichna community, Rivne Oblast", ZARICHNE_RIVNE, None),
        ("Зарічна громада Рівненської області", ZARICHNE_RIVNE, None),
        # A district by the quarter it is named after: Поділ, Святошин, Личаків.
        ("Podil (Kyiv)", KYIV, "UA80000000000719633"),
        ("Sviatoshyn (Kyiv)", KYIV, "UA80000000000875983"),
        ("Lychakiv (Lviv)", LVIV, LYCHAKIVSKYI_LVIV),
        # A namesake settled by the oblast written beside it, in the ways sheets write it.
        ("Horodok (Lviv Oblast), Ukraine", HORODOK_LVIV, None),
        ("Horodok in Lviv Oblast", HORODOK_LVIV, None),
        ("Horodok in the Khmelnytskyi region", HORODOK_KHMELNYTSKYI, None),
        ("Городок (Хмельницька обл.)", HORODOK_KHMELNYTSKYI, None),
        # A hromada as English texts of the reform and transliterated titles call it.
        ("Lutska miska hromada", LUTSK, None),
        ("Lutsk UTC", LUTSK, None),
        ("Lutsk amalgamated territorial community", LUTSK, None),
        ("Lutsk, UA", LUTSK, None),
        ("Lutsk (city)", LUTSK, None),
        # Russian-based spellings of towns GeoNames lists under no other name.
        ("Yavorov", "UA46140110000063568", None),
        ("Glybokaya", "UA73060150000088691", None),
        ("Podvolochisk", "UA61040350000078247", None),
        # One place under two names.
        ("Lviv/Lwów", LVIV, None),
        ("Ужгород / Ungvár", "UA21100230000083101", None),
    ],
)
def test_villages_districts_and_former_names_resolve_to_their_hromada(
    text: str, expected_hromada: str, expected_settlement: str | None
) -> None:
    actual = shipped_index().resolve(text)

    assert isinstance(actual, Resolved), actual
    assert actual.code == expected_hromada
    assert (actual.settlement.code if actual.settlement else None) == expected_settlement


@pytest.mark.parametrize(
    ("text", "expected_words", "expected_example"),
    [
        ("Berehove Raion", "is a raion", "Berehove"),
        ("Berehove Raion of Zakarpattia Oblast", "is a raion", "Berehove"),
        ("Броварський район Київської області", "is a raion", "Brovary"),
        ("Яворівський район", "is a raion", "Yavoriv"),
        ("Lviv Oblast", "is an oblast", "Lviv"),
        ("Zaporizhzhia Oblast", "is an oblast", "Zaporizhzhia"),
        # Centres not named like their oblast: its largest city, never a city elsewhere.
        ("Volyn Oblast", "is an oblast", "Lutsk"),
        ("Zakarpattia Oblast", "is an oblast", "Uzhhorod"),
        ("Kirovohrad Oblast", "is an oblast", "Kropyvnytskyi"),
        ("Kyiv Oblast", "is an oblast", "Bila Tserkva"),
        ("Волинська область", "is an oblast", "Lutsk"),
        # A raion or an oblast by its adjective, its council or its administration.
        ("Kovelskyi district", "is a raion", "Kovel"),
        ("Ковельська районна рада", "is a raion", "Kovel"),
        ("Ковельська РДА", "is a raion", "Kovel"),
        ("Volyn Regional Council", "is an oblast", "Lutsk"),
        ("Lviv Regional State Administration", "is an oblast", "Lviv"),
        ("Волинська обласна державна адміністрація", "is an oblast", "Lutsk"),
        # An oblast by its everyday name, which no place has.
        ("Transcarpathia", "is an oblast", "Uzhhorod"),
        ("Київщина", "is an oblast", "Bila Tserkva"),
        ("Oblast de Louhansk", "is an oblast", "Luhansk"),
        ("Oblast Tschernihiw", "is an oblast", "Chernihiv"),
    ],
)
def test_raions_and_oblasts_are_refused_as_such_with_what_to_write(
    text: str, expected_words: str, expected_example: str | None
) -> None:
    actual = shipped_index().resolve(text)

    assert isinstance(actual, Problem)
    assert expected_words in actual.message
    assert actual.params.get("example") == expected_example


def test_a_raion_says_a_raion_councils_partnership_is_left_out_and_names_its_centre() -> None:
    current = shipped_index().resolve("Berehove Raion")
    abolished = shipped_index().resolve("Tarashcha Raion")

    assert isinstance(current, Problem)
    assert isinstance(abolished, Problem)
    assert "raion council" in current.message
    assert "(the raion's centre is {example})" in current.message
    assert "abolished in 2020" not in current.message
    assert "abolished in 2020" in abolished.message
    assert abolished.params["example"] == "Tarashcha"
    assert abolished.params["raion"] == "Bilotserkivskyi"
    assert "у Білоцерківському районі" in abolished.render(
        lambda message: message.replace("in {raion} raion", "у {raion} районі"), "uk"
    )


@pytest.mark.parametrize(
    "text",
    [
        # Short names meet too many others once the vowels are merged.
        "Rome",
        "Bela",
        # A first letter of its own: not Олешки.
        "Ilesa",
    ],
)
def test_a_foreign_name_like_a_hromada_s_is_not_read_as_its_russian_spelling(text: str) -> None:
    assert isinstance(shipped_index().resolve(text), Problem)


@pytest.mark.parametrize(
    "text", ["Київ, Харківська обл.", "Kyiv, Kharkiv Oblast", "Kyiv, Odesa oblast", "Київ"]
)
def test_a_city_s_name_beside_another_oblast_is_never_a_district_named_after_it(
    text: str,
) -> None:
    # Kharkiv's and Odesa's «Київський» districts are named after Kyiv, not a quarter of it.
    actual = shipped_index().resolve(text)

    assert not (isinstance(actual, Resolved) and actual.code != KYIV), actual


@pytest.mark.parametrize(
    ("text", "oblast"), [("Novoselivka", "Poltavska oblast"), ("Zarichna", "Rivnenska oblast")]
)
def test_an_ambiguous_name_lists_candidates_with_their_oblasts(text: str, oblast: str) -> None:
    actual = shipped_index().resolve(text)

    assert isinstance(actual, Problem)
    assert "ambiguous" in actual.message
    assert oblast in str(actual.params["candidates"])


def test_another_column_settles_an_ambiguous_name() -> None:
    index = shipped_index()
    by_oblast = index.resolve("Novoselivka", "Poltava oblast")
    by_partner = index.resolve(
        "Novoselivka", hints=Hints(partnered=frozenset({NOVOSELIVKA_POLTAVA}))
    )

    assert by_oblast == Resolved(NOVOSELIVKA_POLTAVA)
    assert by_partner == Resolved(NOVOSELIVKA_POLTAVA)


def test_coordinates_decide_and_a_partner_across_the_border_keeps_the_name_open() -> None:
    index = shipped_index()
    usual = index.resolve("Kamianka")
    located = index.resolve("Kamianka", hints=Hints(near=NEAR_KAMIANKA_CHERNIVTSI))
    kept_open = index.resolve("Kamianka", hints=Hints(partner_near=SIRET))

    assert usual == Resolved(KAMIANKA_CHERKASY)
    assert isinstance(located, Resolved)
    assert located.code == KAMIANKA_CHERNIVTSI
    assert isinstance(kept_open, Problem)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bosnia and Herzegovina", CountryMatch("BA")),
        ("Bosnia & Herzegovina", CountryMatch("BA")),
        ("England, United Kingdom", CountryMatch("GB", "England", "Англія")),
        ("Scotland", CountryMatch("GB", "Scotland", "Шотландія")),
        ("Wales", CountryMatch("GB", "Wales", "Уельс")),
        ("Шотландія", CountryMatch("GB", "Scotland", "Шотландія")),
        ("Georgia (country)", CountryMatch("GE")),
        ("Deutschland", CountryMatch("DE")),
        ("Magyarország", CountryMatch("HU")),
        ("Polska", CountryMatch("PL")),
        ("Republic of Moldova", CountryMatch("MD")),
        ("Республика Молдова", CountryMatch("MD")),
        ("Czech Republic", CountryMatch("CZ")),
        ("Turkey", CountryMatch("TR")),
        ("POL", CountryMatch("PL")),
        ("U.K.", CountryMatch("GB")),
        ("Great Britain", CountryMatch("GB")),
        ("Britain", CountryMatch("GB")),
        ("Великобританія", CountryMatch("GB")),
        ("Macedonia", CountryMatch("MK")),
        ("Republic of Korea", CountryMatch("KR")),
        ("Британія", CountryMatch("GB")),
        ("Federal Republic of Germany", CountryMatch("DE")),
    ],
)
def test_countries_in_every_form_people_write_them(text: str, expected: CountryMatch) -> None:
    assert read_country(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Белоруссия", "BY"),
        ("Македония", "MK"),
        ("The Republic of Poland", "PL"),
        ("the Netherlands", "NL"),
    ],
)
def test_old_names_and_a_leading_article_name_the_country(text: str, expected: str) -> None:
    found = read_country(text)

    assert found is not None
    assert found.code == expected


@pytest.mark.parametrize(
    ("written", "centre", "raion_now"),
    [
        # Written the Russian-based way, and one a village elsewhere shares the name of.
        ("Podhaitsi Raion", "Pidhaitsi", "Ternopilskyi"),
        ("Podgaitsy Raion", "Pidhaitsi", "Ternopilskyi"),
        ("Kozova Raion", "Kozova", "Ternopilskyi"),
        ("Perechyn Raion", "Perechyn", "Uzhhorodskyi"),
    ],
)
def test_an_abolished_raion_however_written_names_its_centre_and_raion_of_today(
    written: str, centre: str, raion_now: str
) -> None:
    actual = shipped_index().resolve(written)

    assert isinstance(actual, Problem)
    assert "abolished in 2020" in actual.message
    assert (actual.params["example"], actual.params["raion"]) == (centre, raion_now)


@pytest.mark.parametrize(
    ("written", "bare"),
    [
        ("Okhtyrka Gemeinde", "Okhtyrka"),
        ("Gmina Poromiv", "Poromiv"),
        ("comuna Berehomet", "Berehomet"),
        ("Lozova község", "Lozova"),
    ],
)
def test_a_partner_countrys_word_for_a_municipality_names_the_hromada_itself(
    written: str, bare: str
) -> None:
    index = shipped_index()

    found = index.resolve(written)

    assert isinstance(found, Resolved)
    assert found == index.resolve(bare)


@pytest.mark.parametrize("written", ["rejon Tyśmienica", "Rejon Razdzielnianski", "okres Tiachiv"])
def test_a_raion_in_a_partner_countrys_word_is_refused_as_a_raion(written: str) -> None:
    found = shipped_index().resolve(written)

    assert isinstance(found, Problem)
    assert "raion" in found.message


@pytest.mark.parametrize(
    ("written", "oblast", "centre_uk"),
    [
        ("Vașkivți", "regiunea Cernăuți", "Вашківці"),
        ("Horișni Șerivți", "", "Горішні Шерівці"),
        ("Cadubivți", "", "Кадубівці"),
        ("Ťačiv", "", "Тячів"),
        ("Hołowno", "obwód wołyński", "Головне"),
    ],
)
def test_a_place_in_a_neighbour_s_spelling_is_read_back_into_ukrainian(
    written: str, oblast: str, centre_uk: str
) -> None:
    index = shipped_index()

    found = index.resolve(written, oblast)

    assert isinstance(found, Resolved)
    hromada = index.by_code[found.code]
    assert centre_uk in {hromada.center_uk, found.settlement and found.settlement.name_uk}


@pytest.mark.parametrize("written", ["Lwowa Nowhere", "Kharkiv Nowherești"])
def test_a_foreign_spelling_of_no_place_stays_unknown(written: str) -> None:
    assert isinstance(shipped_index().resolve(written), Problem)


@pytest.mark.parametrize(
    ("written", "centre_uk"),
    [
        ("Златопільська міська рада", "Златопіль"),
        ("Zlatopilska hromada", "Златопіль"),
        ("Рогатинська міська рада", "Рогатин"),
    ],
)
def test_a_hromada_called_after_its_centre_is_found_though_the_codifier_names_it_otherwise(
    written: str, centre_uk: str
) -> None:
    index = shipped_index()

    found = index.resolve(written)

    assert isinstance(found, Resolved)
    assert index.by_code[found.code].center_uk == centre_uk
