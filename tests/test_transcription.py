"""Partners no dictionary names in Ukrainian are transcribed by the rules Ukrainian follows."""

from __future__ import annotations

import csv

import pytest

from knowledge.places.transcription import ukrainian_transcription
from knowledge.places.world import WORLD_PLACES

# The share of Polish towns GeoNames names in Cyrillic that the rules name alike; the rest
# have old Ukrainian names (Перемишль, Луків) no rule gives, or Russian-based spellings
# (Хшанов for Chrzanów) that the rules rightly do not.
MIN_SAME_AS_GEONAMES = 0.55


@pytest.mark.parametrize(
    ("written", "country", "expected"),
    [
        ("Dobrodzień", "PL", "Добродзень"),
        ("Chrzanów", "PL", "Хшанув"),
        ("Świętochłowice", "PL", "Свентохловіце"),
        ("Sokołów Małopolski", "PL", "Соколув-Малопольський"),
        ("Puławy", "PL", "Пулави"),
        ("Elbląg", "PL", "Ельблонг"),
        ("Gdańsk", "PL", "Гданськ"),
        ("Szczecin", "PL", "Щецин"),
        ("Nyíregyháza", "HU", "Ньїредьгаза"),
        ("Gyula", "HU", "Дьюла"),
        ("Ústí nad Labem", "CZ", "Усті-над-Лабем"),
        ("Uherské Hradiště", "CZ", "Угерське Градіште"),
        ("Banská Bystrica", "SK", "Банська Бистриця"),
        ("Žilina", "SK", "Жиліна"),
    ],
)
def test_a_name_is_transcribed_by_its_language_s_rules(
    written: str, country: str, expected: str
) -> None:
    assert ukrainian_transcription(written, country) == expected


@pytest.mark.parametrize(
    ("written", "country"),
    [
        ("Chrzanów County", "PL"),
        ("Ochota (Warsaw)", "PL"),
        ("Gudensberg", "DE"),
        ("Budapest XI – Újbuda", "HU"),
    ],
)
def test_no_rules_no_transcription(written: str, country: str) -> None:
    assert ukrainian_transcription(written, country) is None


def test_polish_towns_mostly_get_the_names_geonames_gives_them() -> None:
    with WORLD_PLACES.open(encoding="utf-8", newline="") as file:
        named = [
            row
            for row in csv.DictReader(file)
            if row["country_code"] == "PL" and row["name_uk"] and row["name"] != "Warsaw"
        ]
    same = [
        row
        for row in named
        if ukrainian_transcription(row["name"], "PL") == row["name_uk"].replace("ґ", "г")
    ]

    assert len(named) > 300
    assert len(same) >= MIN_SAME_AS_GEONAMES * len(named)
