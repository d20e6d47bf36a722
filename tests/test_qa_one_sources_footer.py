"""An answer about several hromadas closes with one sources footer, naming every hromada's
sources once, after all their parts."""

from __future__ import annotations

import re

import pytest

from knowledge.qa.engine import Engine
from tests.qa_support import conversation

_FOOTER = re.compile(r"^(Джерело|Джерела|Source|Sources):$", re.MULTILINE)


@pytest.mark.parametrize(
    ("question", "cited"),
    [
        ("які партнери в Куп'янська і Мени?", ("Куп’янська міська рада", "Менська міська рада")),
        ("Partners of Kupiansk and of Kharkiv?", ("Kupiansk City Council", "Kharkiv")),
        ("Do Mena and Kharkiv have partners in Poland?", ("Mena City Council",)),
    ],
)
def test_an_answer_about_several_hromadas_has_one_sources_footer(
    curated_engine: Engine, question: str, cited: tuple[str, ...]
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert len(_FOOTER.findall(answer.text)) == 1
    footer = answer.text[_FOOTER.search(answer.text).start() :]  # type: ignore[union-attr]
    for source in cited:
        assert source in footer
