"""An oblast is known in every form a sheet writes it and settles a name shared across oblasts."""

from __future__ import annotations

import pytest

from knowledge.places.hromadas import Resolved, shipped_index

HORODOK_LVIV = "UA46060070000047720"
HORODOK_KHMELNYTSKYI = "UA68040130000024471"
HORODOK_RIVNE = "UA56060150000079268"
HORODOK_ZHYTOMYR = "UA18040170000089964"
IVANIVKA_ODESA = "UA51020090000073639"
IVANIVKA_CHERNIHIV = "UA74100110000030364"
MYKOLAIVKA_DONETSK = "UA14120130000086767"
MYKOLAIVKA_CRIMEA = "UA01160150000023108"
POKROVSKE_ZAPORIZHZHIA = "UA23100270000073418"
POKROVSKE_SUMY = "UA59020090000085438"
POKROVSKE_LUHANSK = "UA44100130000017965"
POKROVSKE_KYIV_OBLAST = "UA32060070000092009"
NOVOSELIVKA_KHERSON = "UA65080050000077041"
KYIV = "UA80000000000093317"
SEVASTOPOL = "UA85000000000065278"


@pytest.mark.parametrize(
    ("name", "oblast", "expected"),
    [
        ("Horodok", "Lvivs'ka oblast'", HORODOK_LVIV),
        ("Horodok", "Львівська обласна", HORODOK_LVIV),
        ("Horodok", "Львівщина", HORODOK_LVIV),
        ("Horodok", "Lvov region", HORODOK_LVIV),
        ("Horodok", "Львовская область", HORODOK_LVIV),
        ("Horodok", "Lvovskaya oblast", HORODOK_LVIV),
        ("Horodok", "Khmelnitsky", HORODOK_KHMELNYTSKYI),
        ("Horodok", "Хмельницкая обл.", HORODOK_KHMELNYTSKYI),
        ("Horodok", "Rovno", HORODOK_RIVNE),
        ("Horodok", "Ровенская область", HORODOK_RIVNE),
        ("Horodok", "Rivnenska", HORODOK_RIVNE),
        ("Horodok", "Zhitomir region", HORODOK_ZHYTOMYR),
        ("Ivanivka", "Одесская область", IVANIVKA_ODESA),
        ("Ivanivka", "Odessa province", IVANIVKA_ODESA),
        ("Ivanivka", "Chernigov", IVANIVKA_CHERNIHIV),
        ("Mykolaivka", "Donetsk obl.", MYKOLAIVKA_DONETSK),
        ("Mykolaivka", "Autonomous Republic of Crimea", MYKOLAIVKA_CRIMEA),
        ("Mykolaivka", "Crimea", MYKOLAIVKA_CRIMEA),
        ("Mykolaivka", "АР Крим", MYKOLAIVKA_CRIMEA),
        ("Mykolaivka", "Крим", MYKOLAIVKA_CRIMEA),
        ("Pokrovske", "Zaporozhye", POKROVSKE_ZAPORIZHZHIA),
        ("Pokrovske", "Sumy Oblast", POKROVSKE_SUMY),
        ("Pokrovske", "Сумская область", POKROVSKE_SUMY),
        ("Pokrovske", "Lugansk", POKROVSKE_LUHANSK),
        ("Pokrovske", "Киевская область", POKROVSKE_KYIV_OBLAST),
        ("Pokrovske", "Kiev Oblast", POKROVSKE_KYIV_OBLAST),
        ("Novoselivka", "Херсонської області", NOVOSELIVKA_KHERSON),
    ],
)
def test_an_oblast_in_any_written_form_settles_a_shared_name(
    name: str, oblast: str, expected: str
) -> None:
    found = shipped_index().resolve(name, oblast)

    assert isinstance(found, Resolved)
    assert found.code == expected


@pytest.mark.parametrize(
    ("oblast", "expected_en"),
    [
        ("Nikolaev", "Mykolaivska"),
        ("Николаевская область", "Mykolaivska"),
        ("Dnepropetrovsk", "Dnipropetrovska"),
        ("Днепропетровская обл.", "Dnipropetrovska"),
        ("Kharkov", "Kharkivska"),
        ("Харьковская область", "Kharkivska"),
        ("Ivano-Frankovsk", "Ivano-Frankivska"),
        ("Прикарпаття", "Ivano-Frankivska"),
        ("Vinnitsa", "Vinnytska"),
        ("Kirovograd", "Kirovohradska"),
        ("Kirovohrad Oblast", "Kirovohradska"),
        ("Transcarpathian region", "Zakarpatska"),
        ("Закарпаття", "Zakarpatska"),
        ("Volhynia", "Volynska"),
        ("Волинь", "Volynska"),
        ("Буковина", "Chernivetska"),
        ("Chernovtsy", "Chernivetska"),
        ("Черновицкая область", "Chernivetska"),
    ],
)
def test_older_russian_and_everyday_names_of_an_oblast_are_known(
    oblast: str, expected_en: str
) -> None:
    index = shipped_index()
    code = index.oblast_code(oblast)

    assert code is not None
    assert {h.oblast_en for h in index.by_code.values() if h.oblast_code == code} == {expected_en}


@pytest.mark.parametrize("region", ["Поділля", "Галичина", "Слобожанщина", "Narnia"])
def test_a_land_spanning_several_oblasts_names_none(region: str) -> None:
    assert shipped_index().oblast_code(region) is None


@pytest.mark.parametrize(
    ("name", "oblast", "expected"),
    [
        ("Kyiv", "Kyiv City", KYIV),
        ("Kyiv", "м. Київ", KYIV),
        ("Kyiv", "Kyiv", KYIV),
        ("Kyiv, city of Kyiv", "", KYIV),
        ("Sevastopol", "Sevastopol", SEVASTOPOL),
        ("Sevastopol", "м. Севастополь", SEVASTOPOL),
    ],
)
def test_a_city_with_special_status_written_as_its_region(
    name: str, oblast: str, expected: str
) -> None:
    assert shipped_index().resolve(name, oblast) == Resolved(expected)


def test_a_city_with_special_status_does_not_admit_a_hromada_of_another_oblast() -> None:
    assert not isinstance(shipped_index().resolve("Horodok", "Kyiv City"), Resolved)


def test_a_city_with_special_status_named_as_a_region_in_the_cell_is_that_city() -> None:
    assert shipped_index().resolve("Kyiv (Kyiv region)") == Resolved(KYIV)
    assert shipped_index().resolve("Sevastopol (Sevastopol region)") == Resolved(SEVASTOPOL)


@pytest.mark.parametrize(
    ("oblast", "expected_en"),
    [
        ("obwód kijowski", "Kyivska"),
        ("obwodu lwowskiego", "Lvivska"),
        ("w obwodzie wołyńskim", "Volynska"),
        ("obw. iwanofrankowski", "Ivano-Frankivska"),
        ("obwód odeski", "Odeska"),
        ("obwodu Rówieńskiego", "Rivnenska"),
        ("obwodzie tarnopolskim", "Ternopilska"),
        ("regiunea Cernăuți", "Chernivetska"),
        ("regiunea Vinnitsa", "Vinnytska"),
        ("région de Kherson", "Khersonska"),
        ("région de Zaporijjia", "Zaporizka"),
        ("région de Tchernivtsi", "Chernivetska"),
        ("oblast di Dnipropetrovsk", "Dnipropetrovska"),
        ("Lwiwer Gebiet", "Lvivska"),
        ("Kárpátalja", "Zakarpatska"),
        ("Zakarpacie", "Zakarpatska"),
        ("Bukowina", "Chernivetska"),
        ("Crimée", "Avtonomna Respublika Krym"),
    ],
)
def test_an_oblast_written_in_a_partner_countrys_language_is_known(
    oblast: str, expected_en: str
) -> None:
    index = shipped_index()
    code = index.oblast_code(oblast)

    assert code is not None
    assert {h.oblast_en for h in index.by_code.values() if h.oblast_code == code} == {expected_en}


@pytest.mark.parametrize(
    ("name", "oblast", "expected"),
    [
        ("Horodok", "obwód lwowski", HORODOK_LVIV),
        ("Horodok", "ob. Chmielnicki", HORODOK_KHMELNYTSKYI),
        ("Ivanivka", "regiunea Odesa", IVANIVKA_ODESA),
        ("Pokrovske", "région de Soumy", POKROVSKE_SUMY),
    ],
)
def test_a_partner_countrys_oblast_settles_a_shared_name(
    name: str, oblast: str, expected: str
) -> None:
    found = shipped_index().resolve(name, oblast)

    assert isinstance(found, Resolved)
    assert found.code == expected


def test_a_raion_spelt_past_knowing_beside_a_known_oblast_only_narrows_less() -> None:
    index = shipped_index()

    beside_oblast = index.resolve("Horodok, raionul Nowhere", "Lvivska oblast")
    alone = index.resolve("Horodok, raionul Nowhere")

    assert isinstance(beside_oblast, Resolved)
    assert beside_oblast.code == HORODOK_LVIV
    assert not isinstance(alone, Resolved)
    assert "Nowhere" in str(alone.params)


def test_a_village_beside_the_name_puts_the_place_in_that_village_s_oblast() -> None:
    index = shipped_index()

    found = index.resolve("Koson (Vylok)")

    assert isinstance(found, Resolved)
    assert index.by_code[found.code].oblast_en == "Zakarpatska"


@pytest.mark.parametrize("qualifier", ["Narnia", "Nowhereville"])
def test_a_qualifier_that_is_no_oblast_and_no_place_is_refused_naming_it(qualifier: str) -> None:
    found = shipped_index().resolve(f"Horodok ({qualifier})")

    assert not isinstance(found, Resolved)
    assert qualifier in found.params.values()
