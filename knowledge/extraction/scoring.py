"""Scores extraction on the annotated corpus: precision, recall and field accuracy per language.

`python -m knowledge.extraction.scoring` scores the tuning part of
`tests/data/extraction/` (see its README); `--heldout` scores only the held-out part, which is
never looked at while tuning; `--written` scores the short texts written in the manner of
press offices to cover the kinds of statement one at a time (`written/`, also tuned on).
Only facts the knowledge base can hold are counted: a tie of an oblast or raion (`level`) and
a domestic tie (`domestic: true`) are left out on both sides.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from knowledge.extraction import DocumentText, Extractor, PlaceNames, compare, fact_json
from knowledge.facts.dates import PartialDate
from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document
from knowledge.text.normalize import latin_key

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "extraction"
WRITTEN = CORPUS / "written"
AGREEMENT_FIELDS = ("kind", "status", "date", "partner_country", "extended", "valid_until")
AID_FIELDS = ("donor_countries", "items", "amount", "currency", "date")


@dataclass
class ExtractionScore:
    """Counts for one language: proposals, facts, matches and correct fields."""

    proposed: int = 0
    expected: int = 0
    matched: int = 0
    fields: int = 0
    correct_fields: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Matched proposals over all proposals (1 when nothing was proposed)."""
        return self.matched / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        """Matched facts over all annotated facts (1 when none is annotated)."""
        return self.matched / self.expected if self.expected else 1.0

    @property
    def field_accuracy(self) -> float:
        """Correct fields over the compared fields of matched facts."""
        return self.correct_fields / self.fields if self.fields else 1.0


def documents(heldout: bool) -> list[Path]:
    """The annotation files of the tuning part, or of the held-out part."""
    held = {
        line.strip()
        for line in (CORPUS / "HELDOUT.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    return [
        path for path in sorted((CORPUS / "docs").glob("*.yaml")) if (path.stem in held) == heldout
    ]


def written_documents() -> list[Path]:
    """The annotation files of the written part."""
    return sorted(WRITTEN.glob("*.yaml"))


def _holdable(fact: dict[str, Any]) -> bool:
    return not fact.get("level") and not fact.get("domestic") and fact.get("hromada") is not None


def _proposable(fact: dict[str, Any]) -> bool:
    return fact.get("hromada") is not None and fact.get("partner_country") != "UA"


def _name_key(name: str | None) -> str:
    return latin_key(name or "").replace(" ", "")


def _same_partner(gold: str, proposed: str) -> bool:
    first, second = _name_key(gold), _name_key(proposed)
    if not first or not second:
        return False
    shortest = min(len(first), len(second))
    return first == second or first[: max(4, shortest - 2)] == second[: max(4, shortest - 2)]


def _matches(gold: dict[str, Any], proposed: dict[str, Any]) -> int:
    """How well a proposal fits a fact: 0 no match, more is better."""
    if gold["fact"] != proposed["fact"] or gold.get("hromada") != proposed.get("hromada"):
        return 0
    if gold["fact"] == "agreement":
        if not _same_partner(gold["partner"], proposed["partner"]):
            return 0
        same_kind = 2 if gold["kind"] == proposed["kind"] else 0
        same_status = 1 if gold["status"] == proposed["status"] else 0
        # Of two proposals for one pair, the one from the fact's own sentence.
        return 2 * (1 + same_kind + same_status) + _same_quote(gold, proposed)
    overlap = set(gold["donor_countries"]) & set(proposed["donor_countries"])
    same_quote = _words(gold["quote"]) & _words(proposed["quote"])
    if not overlap and len(same_quote) < 4:
        return 0
    return 2 * (1 + len(overlap)) + _same_quote(gold, proposed)


def _same_quote(gold: dict[str, Any], proposed: dict[str, Any]) -> int:
    """1 when the proposal quotes the fact's sentence (whitespace aside), else 0."""
    return int(" ".join(gold["quote"].split()) == " ".join(proposed["quote"].split()))


def _words(text: str) -> set[str]:
    return {word for word in text.casefold().split() if len(word) > 3}


def _field(fact: dict[str, Any], name: str) -> Any:
    value = fact.get(name)
    if name == "items":
        # Goods are compared by category: the annotation lists "10 generators of 3.5 kW" and
        # "3 generators of 5.5 kW" apart, a proposal names the category once.
        return sorted({item["category"] for item in value or []})
    if name == "donor_countries":
        return sorted(value or [])
    if name == "amount" and value is not None:
        return f"{float(value):.2f}"
    return value


def score_document(
    extractor: Extractor, engine: Engine, annotation: Path, score: ExtractionScore
) -> None:
    """Add one document's proposals and facts to the language's score."""
    data = yaml.safe_load(annotation.read_text(encoding="utf-8"))
    text = annotation.with_suffix(".txt").read_text(encoding="utf-8")
    source = data.get("source") or {}
    date = PartialDate.parse(source["date"]) if source.get("date") else None
    extraction = extractor.extract(
        DocumentText(text, title=source.get("title"), url=source.get("url"), date=date),
        today=date or PartialDate(2026),
    )
    proposed = [fact_json(fact, compare(fact, engine.snapshot)) for fact in extraction.facts]
    proposed = [fact for fact in proposed if _proposable(fact)]
    gold = [fact for fact in data.get("facts") or [] if _holdable(fact)]
    score.proposed += len(proposed)
    score.expected += len(gold)
    free = list(range(len(proposed)))
    for fact in gold:
        ranked = sorted(((_matches(fact, proposed[i]), i) for i in free), reverse=True)
        if not ranked or ranked[0][0] == 0:
            score.misses.append(f"{annotation.stem}: {_describe(fact)}")
            continue
        chosen = proposed[ranked[0][1]]
        free.remove(ranked[0][1])
        score.matched += 1
        names = AGREEMENT_FIELDS if fact["fact"] == "agreement" else AID_FIELDS
        for name in names:
            score.fields += 1
            if _field(fact, name) == _field(chosen, name):
                score.correct_fields += 1
            else:
                score.misses.append(
                    f"{annotation.stem}: {name} {_field(chosen, name)!r} ≠ {_field(fact, name)!r}"
                    f" ({_describe(fact)})"
                )
    score.wrong += [f"{annotation.stem}: {_describe(proposed[i])}" for i in free]


def _describe(fact: dict[str, Any]) -> str:
    if fact["fact"] == "agreement":
        return f"{fact['hromada_name']} — {fact['partner']} {fact['kind']} {fact['status']}"
    return f"aid {fact['hromada_name']} {fact['donor_countries']}"


def evaluate(paths: Iterable[Path], engine: Engine) -> dict[str, ExtractionScore]:
    """Scores per language ("uk", "en") over the given annotation files."""
    extractor = Extractor(PlaceNames.from_engine(engine))
    scores = {"uk": ExtractionScore(), "en": ExtractionScore()}
    for path in paths:
        language = yaml.safe_load(path.read_text(encoding="utf-8")).get("lang", "uk")
        score_document(extractor, engine, path, scores[language])
    return scores


def main(argv: list[str] | None = None) -> int:
    """Print the table; --failures lists misses and wrong proposals."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--heldout", action="store_true", help="score the held-out part only")
    parser.add_argument("--written", action="store_true", help="score the written part only")
    parser.add_argument("--failures", action="store_true", help="list misses and wrong facts")
    arguments = parser.parse_args(argv)
    engine = Engine.from_document(curated_document(), Path("var/cache/name-forms.json"))
    if arguments.written:
        scores, part = evaluate(written_documents(), engine), "written"
    else:
        scores = evaluate(documents(arguments.heldout), engine)
        part = "held-out" if arguments.heldout else "tuning"
    out = sys.stdout
    out.write(f"part: {part}\nlanguage  facts  proposed  precision  recall  field accuracy\n")
    for language, score in scores.items():
        out.write(
            f"{language:<8}  {score.expected:>5}  {score.proposed:>8}  {score.precision:>9.1%}"
            f"  {score.recall:>6.1%}  {score.field_accuracy:>14.1%}\n"
        )
        if arguments.failures:
            for line in score.misses:
                out.write(f"  miss: {line}\n")
            for line in score.wrong:
                out.write(f"  wrong: {line}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
