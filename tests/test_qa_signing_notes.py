"""Notes tell of an agreement's signing only in the words "signed" or "signing" themselves."""

from __future__ import annotations

import pytest

from knowledge.facts.records import Text
from knowledge.qa.engine import _tells_signing


@pytest.mark.parametrize(
    ("note", "tells"),
    [
        ("Signed by the two mayors at an online meeting.", True),
        ("The signing was reported on 3 July 2023.", True),
        ("A programme designed for schools.", False),
        ("The text stayed unsigned.", False),
    ],
)
def test_only_the_words_signed_or_signing_tell_of_a_signing(note: str, tells: bool) -> None:
    assert _tells_signing(Text(uk="", en=note)) is tells
