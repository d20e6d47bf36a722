"""A new agreement is refused the same way whichever way it is entered: the step dialog, the
one-line form and the write itself refuse a second record of a stored pair, naming the
stored one, and a hromada given as its own partner."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin.common import Admin
from knowledge.admin.editing import (
    OwnPartnerError,
    PairStoredError,
    load_for_edit,
    save_records,
)
from knowledge.facts.documents import AgreementDoc, Bilingual, PlaceDoc
from knowledge.qa.engine import Engine
from knowledge.store.engines import session_factory
from tests.adminbot_support import SUPER_ADMIN, admin_harness, admin_services, stored
from tests.bot_support import Harness, sent_texts

ME = SUPER_ADMIN
STORED = "kharkiv-kosice-cooperation-2023"
SOURCE = "kharkiv-foi-reply-2024-01-12"
KHARKIV = "UA63120270000028556"
MENA = "UA74020030000069340"


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


async def _walk(admin: Harness, answers: list[str]) -> list[str]:
    said: list[str] = []
    for text in answers:
        said = sent_texts(await admin.send(text, chat_id=ME, user_id=ME, language_code="en"))
    return said


# After the place: kind, status, signed, valid until, areas, notes, source.
_REST = ["cooperation agreement", "active", "2024", "-", "-", "-", SOURCE]


async def test_the_dialog_refuses_a_second_record_of_a_stored_pair_naming_it(
    admin: Harness, seeded_engine: AsyncEngine
) -> None:
    before = await stored(seeded_engine)

    said = await _walk(admin, ["/new_agreement", "Харків", "Кошице", *_REST])

    assert any(STORED in text and f"/edit {STORED}" in text for text in said), said
    assert await stored(seeded_engine) == before


async def test_the_dialog_refuses_a_hromada_as_its_own_partner(
    admin: Harness, seeded_engine: AsyncEngine
) -> None:
    before = await stored(seeded_engine)

    said = await _walk(admin, ["/new_agreement", "Мена", "Мена", "UA", *_REST])

    assert any("is not its own partner" in text for text in said), said
    assert await stored(seeded_engine) == before


async def test_the_write_refuses_what_a_preview_made_before_could_not_see(
    seeded_engine: AsyncEngine,
) -> None:
    # A preview made while the pair was not stored yet, or by a caller that checks nothing.
    second = AgreementDoc.model_validate(
        {
            "key": "kharkiv-kosice-second",
            "hromada": KHARKIV,
            "place": "sk-kosice",
            "kind": "cooperation_agreement",
            "status": "active",
            "sources": [{"source": SOURCE}],
        }
    )
    home = PlaceDoc(
        key="ua-mena-town", name=Bilingual(uk="Мена", en="Mena"), name_local="Мена", country="UA"
    )
    own = second.model_copy(update={"key": "mena-mena", "hromada": MENA, "place": home.key})
    admin = Admin(user_id=ME, super_admins=(ME,))
    before = await stored(seeded_engine)

    async with session_factory(seeded_engine)() as session:
        with pytest.raises(PairStoredError) as refused:
            await save_records(session, [(second, None)], admin)
        with pytest.raises(OwnPartnerError):
            await save_records(session, [(home, None), (own, None)], admin)

    assert refused.value.stored == STORED
    assert await stored(seeded_engine) == before


async def test_an_edit_moving_an_agreement_onto_a_stored_pair_is_refused_naming_it(
    seeded_engine: AsyncEngine,
) -> None:
    admin = Admin(user_id=ME, super_admins=(ME,))
    before = await stored(seeded_engine)

    async with session_factory(seeded_engine)() as session:
        other = await load_for_edit(session, "agreement", "kharkiv-albuquerque-cooperation-2023")
        memo = await load_for_edit(session, "agreement", "kharkiv-albuquerque-twinning-memorandum")
        brno = await load_for_edit(session, "agreement", "kharkiv-brno-twinning")
        assert isinstance(other, AgreementDoc)
        assert isinstance(memo, AgreementDoc)
        assert isinstance(brno, AgreementDoc)
        await session.rollback()
        to_kosice = other.model_copy(update={"place": "sk-kosice"})
        to_cooperation = memo.model_copy(update={"kind": other.kind})
        with pytest.raises(PairStoredError) as by_place:
            await save_records(session, [(to_kosice, other)], admin)
        with pytest.raises(PairStoredError) as by_kind:
            await save_records(session, [(to_cooperation, memo)], admin)
        assert await stored(seeded_engine) == before
        # A move onto a pair no record holds is saved.
        free = brno.model_copy(update={"kind": memo.kind.__class__("memorandum")})
        await save_records(session, [(free, brno)], admin)

    assert by_place.value.stored == STORED
    assert by_kind.value.stored == "kharkiv-albuquerque-cooperation-2023"
    async with session_factory(seeded_engine)() as session:
        assert await load_for_edit(session, "agreement", "kharkiv-brno-twinning") == free
