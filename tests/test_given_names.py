"""First names in Latin letters: people's names, not towns', whatever the case they are in."""

from __future__ import annotations

import pytest

from knowledge.text.given_names import is_latin_given_name


@pytest.mark.parametrize("word", ["Victoria", "krzysztof", "Agata", "Tomasz", "Jan", "Florence"])
def test_first_names_of_partner_countries_are_known(word: str) -> None:
    assert is_latin_given_name(word)


@pytest.mark.parametrize("word", ["Lublin", "Kielce", "Memmingen", "Kyiv", "Агата", ""])
def test_towns_and_cyrillic_words_are_not_latin_first_names(word: str) -> None:
    assert not is_latin_given_name(word)
