"""Hromadas are named as residents know them, with their oblast; Crimea is no oblast."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.render.lang import Language
from knowledge.render.phrases import hromada_label

CRIMEAN = "UA01120570000080989"  # Полтавська громада, its centre Полтавка
POLTAVA = "UA53080370000025447"
LABELS = {
    "uk": {CRIMEAN: "Полтавка (Автономна Республіка Крим)", POLTAVA: "Полтава (Полтавська обл.)"},
    "en": {CRIMEAN: "Poltavka (Avtonomna Respublika Krym)", POLTAVA: "Poltava (Poltavska oblast)"},
}


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("code", [CRIMEAN, POLTAVA])
def test_a_hromada_is_labelled_by_its_centre_and_region(
    qa_engine: Engine, lang: str, code: str
) -> None:
    hromada = qa_engine.snapshot.hromadas[code]

    assert hromada_label(Language(lang), hromada) == LABELS[lang][code]
