"""The annotated corpus of real documents: its annotations hold together, and extraction on it
keeps the precision and recall it has reached.

The bar is precision 85% and recall 75% per language, on the tuning part and on the held-out
part. Until extraction reaches it, the floors below are the figures reached so far, so that no
change can lower them; raise them with every improvement, never lower them.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.extraction.scoring import (
    CORPUS,
    ExtractionScore,
    documents,
    evaluate,
    written_documents,
)
from knowledge.facts.vocabulary import AgreementKind, AgreementStatus, AidCategory
from knowledge.qa.engine import Engine
from knowledge.store.curated import REFERENCE_DIR

BAR = {"precision": 0.85, "recall": 0.75}
# (part, language) -> (precision, recall) reached; the bar above is not reached yet. The tuning
# part includes the first held-out part, retired into it after being scored repeatedly; the
# held-out part is made of texts never shown to the extractor while they were annotated; the
# retold part is the written texts from `801_uk` on (real news retold, see written/README.md).
FLOORS = {
    ("tuning", "uk"): (0.90, 0.80),
    ("tuning", "en"): (0.98, 0.77),
    ("held-out", "uk"): (0.80, 0.64),
    ("held-out", "en"): (0.68, 0.75),
    ("written", "uk"): (1.00, 0.98),
    ("written", "en"): (1.00, 0.89),
    ("retold", "uk"): (1.00, 0.83),
    ("retold", "en"): (1.00, 0.81),
}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SPACES = re.compile(r"\s+")


def _annotations() -> list[tuple[Path, dict[str, Any]]]:
    return [
        (path, yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in [*sorted((CORPUS / "docs").glob("*.yaml")), *written_documents()]
    ]


def _hromada_codes() -> set[str]:
    with (REFERENCE_DIR / "hromadas.csv").open(encoding="utf-8", newline="") as file:
        return {row["code"] for row in csv.DictReader(file)}


def test_every_annotation_quotes_its_text_and_uses_the_vocabulary() -> None:
    codes = _hromada_codes()
    kinds = {kind.value for kind in AgreementKind}
    statuses = {status.value for status in AgreementStatus}
    categories = {category.value for category in AidCategory}
    problems: list[str] = []
    for path, data in _annotations():
        text = _SPACES.sub(" ", path.with_suffix(".txt").read_text(encoding="utf-8"))
        for entry in [*(data.get("facts") or []), *(data.get("non_facts") or [])]:
            if _SPACES.sub(" ", entry["quote"]).strip() not in text:
                problems.append(f"{path.stem}: quote not in text: {entry['quote'][:60]}")
        for fact in data.get("facts") or []:
            if fact["hromada"] is not None and fact["hromada"] not in codes:
                problems.append(f"{path.stem}: unknown hromada {fact['hromada']}")
            if fact["date"] is not None and not _DATE.match(str(fact["date"])):
                problems.append(f"{path.stem}: date {fact['date']}")
            if fact["fact"] == "agreement":
                if fact["kind"] not in kinds or fact["status"] not in statuses:
                    problems.append(f"{path.stem}: {fact['kind']} {fact['status']}")
            elif any(item["category"] not in categories for item in fact["items"]):
                problems.append(f"{path.stem}: aid category {fact['items']}")
    assert problems == []


def test_the_held_out_part_is_a_quarter_with_a_dozen_documents_per_language() -> None:
    listed = [
        line.strip()
        for line in (CORPUS / "HELDOUT.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    held = documents(heldout=True)
    tuning = documents(heldout=False)
    assert sorted(path.stem for path in held) == sorted(listed)
    assert len(held) * 4 >= len(held) + len(tuning)
    languages = Counter(path.stem[-2:] for path in held)
    assert languages["uk"] >= 12
    assert languages["en"] >= 12


@pytest.fixture(scope="module")
def scores(qa_engine: Engine) -> dict[str, dict[str, ExtractionScore]]:
    return {
        "tuning": evaluate(documents(heldout=False), qa_engine),
        "held-out": evaluate(documents(heldout=True), qa_engine),
        "written": evaluate(
            [path for path in written_documents() if not _retold_late(path)], qa_engine
        ),
        "retold": evaluate(
            [path for path in written_documents() if _retold_late(path)], qa_engine
        ),
    }


def _retold_late(path: Path) -> bool:
    """Whether a written text is one of the retold news added after the written part's floors
    were set (`801_uk`–`860_en`): they keep floors of their own, so that neither part's
    figures hide the other's."""
    return path.stem[:3].isdigit() and int(path.stem[:3]) >= 801


@pytest.mark.parametrize(("part", "language"), sorted(FLOORS))
def test_extraction_keeps_the_precision_and_recall_it_has_reached(
    scores: dict[str, dict[str, ExtractionScore]], part: str, language: str
) -> None:
    score = scores[part][language]
    precision, recall = FLOORS[(part, language)]
    # The held-out part's failures are never shown: it is scored, not read, so only its
    # figures reach the assertion.
    shown = part != "held-out"
    expected, reached_precision, reached_recall = score.expected, score.precision, score.recall
    wrong, misses = (score.wrong, score.misses) if shown else ([], [])
    assert expected >= 10
    assert reached_precision >= precision, wrong
    assert reached_recall >= recall, misses
