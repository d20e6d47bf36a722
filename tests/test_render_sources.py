"""A source is cited the same way however it was added: an issuer nobody stated is left out."""

from __future__ import annotations

import pytest

from knowledge.facts.documents import UNSTATED_ISSUER
from knowledge.facts.records import Source, Text
from knowledge.facts.vocabulary import SourceKind
from knowledge.render.lang import Language
from knowledge.render.phrases import citation, citation_text

TITLE = "Рішення міської ради"


def _source(issuer: Text) -> Source:
    return Source("s", SourceKind.OTHER, Text(TITLE, TITLE), issuer, None, None, None, "uk", None)


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize(
    "issuer",
    [
        Text(UNSTATED_ISSUER.uk, UNSTATED_ISSUER.en),  # an import without a link
        Text("—", "—"),  # a title typed in a dialog, as older records keep it
    ],
)
def test_an_unstated_issuer_is_left_out(lang: str, issuer: Text) -> None:
    language = Language(lang)

    assert citation_text(language, citation(language, _source(issuer))) == f"«{TITLE}»"


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_a_stated_issuer_comes_first(lang: str) -> None:
    language = Language(lang)
    source = _source(Text("Харківська міська рада", "Kharkiv City Council"))

    shown = citation_text(language, citation(language, source))

    assert shown == f"{language.text(source.issuer)}, «{TITLE}»"
