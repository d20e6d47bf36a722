"""A place's name has letters and no markup: "12345" or "<b>Evil</b><script>" is refused, in the
editor's language, by the spreadsheet import, the one-line command and the step dialogs alike."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.facts.documents import PlaceDoc
from knowledge.interchange.planning import plan_rows
from knowledge.interchange.uploads import read_import
from knowledge.qa.engine import Engine
from knowledge.render.translations import translation
from tests import factories
from tests.adminbot_support import SUPER_ADMIN, admin_harness, admin_services
from tests.bot_support import Harness, sent_texts

ME = SUPER_ADMIN
JUNK = ["12345", "<b>Evil</b><script>"]
REFUSED = {
    "en": "is not a place's name: a name has letters and no markup characters",
    "uk": "не назва місця: назва містить літери й жодних знаків розмітки",
}
HEADER = "hromada,partner_city,partner_country,kind,status,signed_on,source_title"


@pytest.mark.parametrize("junk", JUNK)
def test_the_place_record_refuses_a_name_without_letters_or_with_markup(junk: str) -> None:
    place = factories.document().places[0].model_dump()
    with pytest.raises(ValidationError):
        PlaceDoc.model_validate(place | {"name_local": junk, "name": {"uk": junk, "en": junk}})
    # A name of letters with a hyphen, an apostrophe and brackets stays a name.
    name = "Saint-Jean-d'Angély (Charente)"
    PlaceDoc.model_validate(place | {"name_local": name, "name": {"uk": name, "en": name}})


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_a_sheet_row_naming_no_place_is_refused_and_others_are_kept(lang: str) -> None:
    rows = [f"Kharkiv,{junk},DE,twinning,active,2020,Letter" for junk in JUNK]
    data = "\n".join([HEADER, *rows, "Kharkiv,Lille,France,twinning,active,2020,Letter"])
    plan = plan_rows(read_import(data.encode(), "sheet.csv"), factories.document())

    gettext = translation(lang).gettext
    refusals = [(problem.row, problem.render(gettext, lang)) for problem in plan.rejected]
    assert [row for row, _reason in refusals] == [2, 3]
    assert all(REFUSED[lang] in reason for _row, reason in refusals), refusals
    assert [agreement.place for agreement in plan.document.agreements][-1] == "fr-lille"
    names = {place.name.en for place in plan.document.places}
    assert not names & set(JUNK)


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


async def _say(admin: Harness, text: str, lang: str) -> str:
    calls = await admin.send(text, chat_id=ME, user_id=ME, language_code=lang)
    return " ".join(sent_texts(calls))


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("junk", JUNK)
async def test_every_admin_entry_refuses_a_place_name_without_letters_or_with_markup(
    admin: Harness, junk: str, lang: str
) -> None:
    one_line = f"/add_agreement Полтава | {junk} | PL | twinning | 2020 | https://example.org/a"
    refusal = await _say(admin, one_line, lang)
    assert REFUSED[lang] in refusal, refusal

    await _say(admin, "/new_place", lang)
    refusal = await _say(admin, junk, lang)
    assert REFUSED[lang] in refusal, refusal
    await _say(admin, "/cancel", lang)

    await _say(admin, "/new_agreement", lang)
    await _say(admin, "Полтава", lang)
    refusal = await _say(admin, junk, lang)
    assert REFUSED[lang] in refusal, refusal


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_a_name_over_two_lines_or_of_invisible_characters_only_is_refused(lang: str) -> None:
    rows = [
        'Kharkiv,"Koš\nice",SK,twinning,active,2020,Letter',
        "Kharkiv,\u200b,SK,twinning,active,2020,Letter",
        "Kharkiv,Lille,France,twinning,active,2020,Letter",
    ]
    plan = plan_rows(
        read_import("\n".join([HEADER, *rows]).encode(), "s.csv"), factories.document()
    )

    gettext = translation(lang).gettext
    refusals = {problem.row: problem.render(gettext, lang) for problem in plan.rejected}
    assert set(refusals) == {2, 3}
    assert {"en": "written on one line", "uk": "в один рядок"}[lang] in refusals[2]
    assert {"en": "partner_city is empty", "uk": "partner_city"}[lang] in refusals[3]
    assert {place.key for place in plan.document.places} >= {"fr-lille"}
    assert not any("\n" in place.name.en for place in plan.document.places)
