"""Measure how a real twin-town sheet imports and how residents' questions about it are answered.

The sheet is imported as `kb import` plans it (against the shipped hromadas only), the engine is
built from the result, and then:

* refused: the share of rows refused, and the reasons, grouped;
* answered uk / en: of the Ukrainian places the accepted rows name, the share whose question
  ("Які міста-побратими має Бояриня?", "What are the sister cities of Boyarka?") is answered with
  at least one of its partners, named in the question's language;
* partners in Ukrainian: of the accepted rows, the share whose partner has a Ukrainian name;
* found by inflected name: of the foreign partners with a Ukrainian name, the share a question
  naming it in the instrumental case («Хто дружить з Краковом?») answers with its Ukrainian
  partner.

Inflected forms for the questions come from pymorphy3's own inflection, not from the engine's
rules, so the measure does not grade the engine with its own code.

    python -m tools.twin_towns_measure tests/data/twin_towns/twin_towns_ukraine.csv
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from knowledge.facts.documents import HromadaDoc, KnowledgeDocument, PlaceDoc
from knowledge.interchange.planning import plan_rows
from knowledge.interchange.uploads import read_import
from knowledge.qa.engine import Engine
from knowledge.store.curated import read_hromadas

_CYRILLIC = re.compile("[\u0400-\u04ff]")


@dataclass
class SheetFigures:
    """What the measure found for one sheet; shares are between 0 and 1."""

    rows: int
    refused: int
    reasons: Counter[str] = field(default_factory=Counter)
    places: int = 0
    answered_uk: int = 0
    answered_en: int = 0
    unanswered: list[str] = field(default_factory=list)
    partners: int = 0
    partners_in_ukrainian: int = 0
    asked_by_inflected_name: int = 0
    found_by_inflected_name: int = 0
    not_found: list[str] = field(default_factory=list)

    def share(self, part: int, whole: int) -> float:
        """part / whole, 1.0 for nothing to measure."""
        return part / whole if whole else 1.0

    def report(self) -> str:
        """The figures as lines of text."""
        lines = [
            f"rows {self.rows}, refused {self.refused} "
            f"({self.share(self.refused, self.rows):.1%})",
            *(f"  {count:4} {reason}" for reason, count in self.reasons.most_common()),
            f"Ukrainian places {self.places}: answered uk "
            f"{self.share(self.answered_uk, self.places):.1%}, en "
            f"{self.share(self.answered_en, self.places):.1%}",
            f"partners with a Ukrainian name {self.partners_in_ukrainian}/{self.partners} "
            f"({self.share(self.partners_in_ukrainian, self.partners):.1%})",
            f"partners found by an inflected Ukrainian name {self.found_by_inflected_name}/"
            f"{self.asked_by_inflected_name} "
            f"({self.share(self.found_by_inflected_name, self.asked_by_inflected_name):.1%})",
        ]
        return "\n".join(lines)


@cache
def _analyzer() -> object:
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer(lang="uk")


def inflected(name: str, case: str) -> str:
    """A one-word name in a case, by pymorphy3's dictionary (capitalised); others as given.

    Only a name the dictionary knows in the nominative is inflected: guessing the forms of an
    unknown word is what the engine's own rules do, and would grade them by themselves.
    """
    if " " in name or "-" in name:
        return name
    word = name.lower()
    for parse in _analyzer().parse(word):  # type: ignore[attr-defined]
        if parse.is_known and parse.normal_form == word and "nomn" in parse.tag:
            form = parse.inflect({case})
            if form is not None:
                return str(form.word[:1].upper() + form.word[1:])
    return name


def _mentions(text: str, names: set[str]) -> bool:
    folded = text.casefold()
    return any(name.casefold() in folded for name in names if name)


def measure(sheet: Path, engine_forms: Path | None = None) -> SheetFigures:
    """Import the sheet, build the engine and ask the questions; see the module's docstring."""
    hromadas = read_hromadas()
    parsed = read_import(sheet.read_bytes(), sheet.name)
    plan = plan_rows(parsed, KnowledgeDocument(hromadas=hromadas))
    rows = len(parsed.agreements) + len(parsed.rejected)
    figures = SheetFigures(rows=rows, refused=len(plan.rejected))
    for problem in plan.rejected:
        figures.reasons[problem.message] += 1
    made = plan.document
    document = KnowledgeDocument(
        hromadas=hromadas, sources=made.sources, places=made.places, agreements=made.agreements
    )
    engine = Engine.from_document(document, engine_forms)
    by_code: dict[str, HromadaDoc] = {doc.code: doc for doc in hromadas}
    places: dict[str, PlaceDoc] = {doc.key: doc for doc in made.places}
    partners: dict[str, list[PlaceDoc]] = {}
    for agreement in made.agreements:
        partners.setdefault(agreement.hromada, []).append(places[agreement.place])
        figures.partners += 1
        figures.partners_in_ukrainian += bool(_CYRILLIC.search(places[agreement.place].name.uk))
    for code, own in sorted(partners.items()):
        hromada = by_code[code]
        figures.places += 1
        name_uk = hromada.center_uk or hromada.name_uk
        name_en = hromada.center_en or hromada.name_en
        uk = engine.answer(f"Які міста-побратими має {name_uk}?", lang="uk").text
        en = engine.answer(f"What are the sister cities of {name_en}?", lang="en").text
        figures.answered_uk += _mentions(uk, {place.name.uk for place in own})
        figures.answered_en += _mentions(en, {place.name.en for place in own})
        if not _mentions(uk, {place.name.uk for place in own}):
            figures.unanswered.append(f"uk {name_uk}")
        if not _mentions(en, {place.name.en for place in own}):
            figures.unanswered.append(f"en {name_en}")
    asked: set[str] = set()
    for agreement in made.agreements:
        place = places[agreement.place]
        if place.country == "UA" or not _CYRILLIC.search(place.name.uk) or place.key in asked:
            continue
        asked.add(place.key)
        figures.asked_by_inflected_name += 1
        question = f"Хто з українських громад дружить з {inflected(place.name.uk, 'ablt')}?"
        text = engine.answer(question, lang="uk").text
        hromada = by_code[agreement.hromada]
        if _mentions(text, {hromada.center_uk or hromada.name_uk, hromada.name_uk}):
            figures.found_by_inflected_name += 1
        else:
            figures.not_found.append(question)
    return figures


def main() -> None:
    """Print the figures for each sheet given."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("sheets", type=Path, nargs="+")
    parser.add_argument("--details", action="store_true", help="list what failed")
    arguments = parser.parse_args()
    for sheet in arguments.sheets:
        figures = measure(sheet)
        print(f"== {sheet.name}")
        print(figures.report())
        if arguments.details:
            print("\n".join(figures.unanswered + figures.not_found))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
