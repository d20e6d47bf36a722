"""Partners are listed in the reader's alphabetical order, not in the order of their keys."""

from __future__ import annotations

import re

import pytest

from tests.bot_support import Harness, sent_texts

QUESTION = {"en": "Who are Kharkiv's partner cities?", "uk": "Які міста-партнери в Харкова?"}
# Three of Kharkiv's partners, in each language's alphabetical order: Cincinnati comes between
# Brno and Košice in English, after both in Ukrainian.
IN_ORDER = {"en": ["Brno", "Cincinnati", "Košice"], "uk": ["Брно", "Кошице", "Цинциннаті"]}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_partners_are_listed_alphabetically_in_the_readers_language(
    harness: Harness, lang: str
) -> None:
    (answer,) = sent_texts(await harness.send(QUESTION[lang], language_code=lang))

    bullets = [line for line in answer.splitlines() if line.startswith("•")]
    positions = [
        next(i for i, line in enumerate(bullets) if re.search(rf"\b{name}\b", line))
        for name in IN_ORDER[lang]
    ]
    assert positions == sorted(positions)
