"""Keys made from source titles keep the number sign as "no": «Рішення № 123» is
"rishennia-no-123", never "rishennia-o-123"."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin.forms import source_for
from knowledge.store.engines import session_factory
from knowledge.text.normalize import slug


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Рішення № 123", "rishennia-no-123"),
        ("Договір №5", "dohovir-no-5"),
        ("Угода №\u00a012", "uhoda-no-12"),
        ("№ 17/0/972-24", "no-17-0-972-24"),
        ("Decision No. 5", "decision-no-5"),
        ("Розділ Ⅻ", "rozdil-xii"),
        ("Wrocław", "wroclaw"),
        ("Біла Церква", "bila-tserkva"),
    ],
)
def test_a_key_fragment_keeps_the_number_sign_as_no(title: str, expected: str) -> None:
    actual = slug(title, limit=60)

    assert actual == expected


async def test_a_source_named_by_its_title_gets_a_key_with_no(seeded_engine: AsyncEngine) -> None:
    async with session_factory(seeded_engine)() as session:
        key, doc = await source_for(session, "Рішення виконкому № 412 про побратимство")

    assert key == "source-rishennia-vykonkomu-no-412-pro-pobratymstvo"
    assert doc is not None
    assert doc.key == key
