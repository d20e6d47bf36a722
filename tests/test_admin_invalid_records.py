"""A record that fails a check is explained in the admin's language, its field by its label,
never in the validator's English."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from aiogram.utils.i18n import I18n
from pydantic import ValidationError

from bot.handlers.admin_editing.record_wording import form_problem_text
from knowledge.admin import forms
from knowledge.render.translations import DOMAIN, LOCALES_DIR
from tests import factories


def _refusal(build: Callable[[], Any], lang: str) -> str:
    with pytest.raises(ValidationError) as caught:
        build()
    i18n = I18n(path=LOCALES_DIR, default_locale="en", domain=DOMAIN)
    with i18n.context(), i18n.use_locale(lang):
        return form_problem_text(forms.invalid_record(caught.value))


CASES = [
    (
        lambda: factories.agreement(term_years=500),
        "The record is not valid: “Term” may not exceed 100.",
        "Запис некоректний: поле «Строк» не може перевищувати 100.",
    ),
    (
        lambda: factories.place(latitude=95),
        "The record is not valid: “Latitude” may not exceed 90.",
        "Запис некоректний: поле «Широта» не може перевищувати 90.",
    ),
    (
        lambda: factories.place(name={"uk": "", "en": "Košice"}),
        "The record is not valid: “Name in Ukrainian” may not be empty.",
        "Запис некоректний: поле «Назва українською» не може бути порожнім.",
    ),
    (
        lambda: factories.agreement(notes={}),
        "The record is not valid: the notes need a text in Ukrainian or in English.",
        "Запис некоректний: примітки потребують тексту українською або англійською.",
    ),
]


CASE_NAMES = ["a term over 100 years", "a latitude over 90", "an empty name", "empty notes"]


@pytest.mark.parametrize(("build", "english", "ukrainian"), CASES, ids=CASE_NAMES)
def test_a_failed_check_is_worded_in_the_admins_language(
    build: Callable[[], Any], english: str, ukrainian: str
) -> None:
    assert _refusal(build, "en") == english
    assert _refusal(build, "uk") == ukrainian


@pytest.mark.parametrize(("build", "english", "ukrainian"), CASES, ids=CASE_NAMES)
def test_a_ukrainian_refusal_holds_no_english_word(
    build: Callable[[], Any], english: str, ukrainian: str
) -> None:
    assert re.search(r"[A-Za-z]{2,}", _refusal(build, "uk")) is None
