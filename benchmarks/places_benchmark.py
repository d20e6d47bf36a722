"""How fast place names are read: the codifier index, GeoNames' towns, questions on 1,000 places.

In one process, against baselines measured in the same run:

- building the index of every hromada and settlement of the codifier (~30,000 units) and
  reading GeoNames' towns, against building the engine for the curated knowledge base;
- resolving names as an import or /subscribe does, against a plain dictionary lookup of the
  same names;
- answering questions that name hromadas and partners (in inflected Ukrainian and in English)
  with the twin-town sheet imported and further GeoNames towns added to make 1,000 partner
  places, against the same questions to the engine of the curated base.

It prints the figures and always exits 0: a measurement, not a test.

    python -m benchmarks.places_benchmark
"""

from __future__ import annotations

import csv
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from knowledge.facts.documents import (
    AgreementDoc,
    Bilingual,
    CitationDoc,
    KnowledgeDocument,
    PlaceDoc,
)
from knowledge.interchange.planning import plan_rows
from knowledge.interchange.uploads import read_import
from knowledge.places import hromadas as hromada_names
from knowledge.places import world
from knowledge.places.reference import settlements
from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document, read_hromadas
from tools.twin_towns_measure import inflected

SHEET = (
    Path(__file__).resolve().parents[1]
    / "tests"
    / "data"
    / "twin_towns"
    / "twin_towns_ukraine.csv"
)
PLACES = 1000
QUESTIONS = 600
MEDIAN_TARGET_MS = 1.0
P99_TARGET_MS = 5.0


def _timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def _latencies(
    function: Callable[[str], object],
    items: Sequence[str],
    clock: Callable[[], int] = time.perf_counter_ns,
) -> list[float]:
    """Each item's time through the function, in ms, by `clock` (wall time, or the process's
    CPU time, which other work on a shared machine does not lengthen)."""
    for item in items[:50]:
        function(item)
    found = []
    for item in items:
        start = clock()
        function(item)
        found.append((clock() - start) / 1e6)
    return found


def _p(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _big_document(rng: random.Random) -> KnowledgeDocument:
    """The tuning sheet imported, and GeoNames towns partnered at random up to PLACES places."""
    hromadas = read_hromadas()
    made = plan_rows(
        read_import(SHEET.read_bytes(), SHEET.name), KnowledgeDocument(hromadas=hromadas)
    ).document
    places = list(made.places)
    agreements = list(made.agreements)
    source = made.sources[0].key
    with world.WORLD_PLACES.open(encoding="utf-8", newline="") as file:
        towns = [row for row in csv.DictReader(file) if row["name_uk"]]
    taken = {place.key for place in places}
    for row in rng.sample(towns, PLACES):
        if len(places) >= PLACES:
            break
        key = f"{row['country_code'].lower()}-gn{row['geonames_id']}"
        if key in taken:
            continue
        taken.add(key)
        try:
            place = PlaceDoc(
                key=key,
                name=Bilingual(uk=row["name_uk"], en=row["name"]),
                name_local=row["name"],
                country=row["country_code"],
            )
        except ValidationError:
            continue  # a name an editor could not enter either ("Al-`Ula")
        places.append(place)
        hromada = rng.choice(hromadas)
        agreements.append(
            AgreementDoc(
                key=f"bench-{key}",
                hromada=hromada.code,
                place=key,
                kind="twinning",
                status="active",
                sources=[CitationDoc(source=source)],
            )
        )
    return KnowledgeDocument(
        hromadas=hromadas, sources=made.sources, places=places, agreements=agreements
    )


def _questions(document: KnowledgeDocument, rng: random.Random) -> list[str]:
    by_code = {hromada.code: hromada for hromada in document.hromadas}
    places = {place.key: place for place in document.places}
    questions = []
    for agreement in rng.sample(
        document.agreements, min(QUESTIONS // 3, len(document.agreements))
    ):
        place = places[agreement.place]
        hromada = by_code[agreement.hromada]
        centre = hromada.center_uk or hromada.name_uk
        questions += [
            f"Хто дружить з {inflected(place.name.uk, 'ablt')}?",
            f"Які міста-побратими має {centre}?",
            f"What are the sister cities of {hromada.center_en or hromada.name_en}?",
        ]
    return questions


def _line(text: str) -> None:
    sys.stdout.write(text + "\n")


def main() -> None:
    """Measure and print."""
    rng = random.Random(9)  # noqa: S311 - a repeatable sample, not a secret
    curated = curated_document()
    baseline_build = _timed(lambda: Engine.from_document(curated))
    index_build = _timed(lambda: hromada_names.HromadaIndex(read_hromadas(), settlements()))
    world_load = _timed(lambda: world.find_world_place("Kraków", "PL"))
    document = _big_document(rng)
    big_build = _timed(lambda: Engine.from_document(document))
    _line(f"places {len(document.places)}, settlements {len(settlements())}")
    _line("build (ratio to the curated engine's build, same run):")
    _line(f"  curated engine           {baseline_build:7.2f} s   1.00")
    _line(f"  codifier index           {index_build:7.2f} s   {index_build / baseline_build:.2f}")
    _line(f"  GeoNames towns           {world_load:7.2f} s   {world_load / baseline_build:.2f}")
    _line(f"  engine, 1,000 places     {big_build:7.2f} s   {big_build / baseline_build:.2f}")

    index = hromada_names.shipped_index()
    names = [unit.name_en for unit in rng.sample(settlements(), 2000)]
    plain = {name: name for name in names}
    resolve = _latencies(index.resolve, names)
    lookup = _latencies(plain.get, names)
    resolve_cpu = _latencies(index.resolve, names, time.process_time_ns)
    _line("resolving a name as an import does (ratio to a dictionary lookup):")
    for clock, found in (("wall", resolve), ("CPU", resolve_cpu)):
        _line(
            f"  {clock:4} median {statistics.median(found):.3f} ms  p99 {_p(found, 0.99):.3f} ms"
            f" (dictionary {_p(lookup, 0.99):.4f} ms)"
            f"   ratio {statistics.median(found) / max(statistics.median(lookup), 1e-6):.0f}"
        )

    engine = Engine.from_document(document)
    small = Engine.from_document(curated)
    questions = _questions(document, rng)
    big = _latencies(engine.answer, questions)
    base = _latencies(small.answer, questions)
    _line(f"questions ({len(questions)}), 1,000 places vs the curated base:")
    _questions_line("wall", big, base)
    cpu = time.process_time_ns
    _questions_line(
        "CPU", _latencies(engine.answer, questions, cpu), _latencies(small.answer, questions, cpu)
    )


def _questions_line(clock: str, big: list[float], base: list[float]) -> None:
    median, p99 = statistics.median(big), _p(big, 0.99)
    _line(
        f"  {clock:4} median {median:.3f} ms (curated {statistics.median(base):.3f}, target < "
        f"{MEDIAN_TARGET_MS} ms)  p99 {p99:.3f} ms (curated {_p(base, 0.99):.3f}, target < "
        f"{P99_TARGET_MS} ms)  ratios {median / statistics.median(base):.2f} "
        f"/ {p99 / _p(base, 0.99):.2f}"
    )


if __name__ == "__main__":
    main()
