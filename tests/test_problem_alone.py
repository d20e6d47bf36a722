"""A refusal shown as a reply of its own opens with a capital letter in either language, while
the same wording inside a sentence, and one that opens with a field, stay as written."""

from __future__ import annotations

import pytest

from knowledge.facts.messages import N_, Problem
from knowledge.render.translations import translation

UNKNOWN = N_("unknown hromada {name}; write its KATOTTH code")


@pytest.mark.parametrize(
    ("lang", "problem", "expected"),
    [
        ("en", Problem(UNKNOWN, {"name": "Atlantis"}), "Unknown hromada Atlantis; write its"),
        ("uk", Problem(UNKNOWN, {"name": "Атлантида"}), "Невідома громада Атлантида; вкажіть"),
        ("en", Problem(N_("a cell is too long")), "A cell is too long"),
        ("uk", Problem(N_("a cell is too long")), "Клітинка"),
        ("en", Problem(N_("{field}: may not be empty"), {"field": "title"}), "title: may not"),
        (
            "en",
            Problem(N_("donor_city needs exactly one donor_country")),
            "donor_city needs exactly",
        ),
    ],
)
def test_a_reason_alone_opens_as_a_sentence(lang: str, problem: Problem, expected: str) -> None:
    gettext = translation(lang).gettext

    actual = problem.render_alone(gettext, lang)

    assert actual.startswith(expected)


def test_the_same_reason_inside_a_sentence_keeps_its_lower_case() -> None:
    gettext = translation("uk").gettext

    actual = Problem(UNKNOWN, {"name": "Атлантида"}).render(gettext, "uk")

    assert actual.startswith("невідома громада Атлантида")
