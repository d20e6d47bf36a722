"""How fast a document becomes proposed facts: the first document against the ones after it.

The first document that names a town the knowledge base does not know reads GeoNames' towns
(`knowledge.places.world`, about 32,000 rows) once; every later document finds them read. In
one process, with the question engine built beforehand and not counted:

- the first document, from cold (the towns not read yet), and the median and p99 of every
  document after it, over the short texts of `tests/data/extraction/written/`, in a loop;
- the ratio of the first document to the median one, the figure this benchmark watches;
- reading the towns alone.

It prints the figures and always exits 0: a measurement, not a test.

    python -m benchmarks.extraction_benchmark
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from knowledge.extraction import DocumentText, Extractor, PlaceNames
from knowledge.facts.dates import PartialDate
from knowledge.places import world
from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document

WRITTEN = Path(__file__).resolve().parents[1] / "tests" / "data" / "extraction" / "written"
ROUNDS = 5
FIRST_TARGET_S = 1.0
TODAY = PartialDate(2026, 1, 15)


def _line(text: str) -> None:
    sys.stdout.write(text + "\n")


def _cold() -> None:
    """Forget the towns read, as a fresh process has them."""
    world._loaded.clear()
    world._place.cache_clear()


def main() -> None:
    """Measure and print."""
    engine = Engine.from_document(curated_document())
    extractor = Extractor(PlaceNames.from_engine(engine))
    texts = [path.read_text(encoding="utf-8") for path in sorted(WRITTEN.glob("*.txt"))]
    # The first document with a town GeoNames has to tell: «литовським містом Каунас».
    first = next(text for text in texts if "Каунас" in text)

    _cold()
    start = time.perf_counter()
    extractor.extract(DocumentText(first), today=TODAY)
    cold = time.perf_counter() - start

    later: list[float] = []
    for _round in range(ROUNDS):
        for text in texts:
            start = time.perf_counter_ns()
            extractor.extract(DocumentText(text), today=TODAY)
            later.append((time.perf_counter_ns() - start) / 1e9)
    median = statistics.median(later)
    p99 = sorted(later)[min(len(later) - 1, int(0.99 * len(later)))]

    _cold()
    start = time.perf_counter()
    world.find_world_place("Kaunas", "LT")
    towns = time.perf_counter() - start

    _line(f"extraction, {len(texts)} short documents x {ROUNDS} after the first:")
    _line(f"  first document (towns not read yet) {cold:7.3f} s   (target < {FIRST_TARGET_S} s)")
    _line(
        f"  later documents, median             {median * 1000:7.1f} ms  p99 {p99 * 1000:.1f} ms"
    )
    _line(f"  ratio first / median                {cold / median:7.0f}")
    _line(f"  GeoNames towns read alone           {towns:7.3f} s")


if __name__ == "__main__":
    main()
