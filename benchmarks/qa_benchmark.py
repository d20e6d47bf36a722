"""How fast the question-answering engine starts, answers and how much memory it takes.

Measures the curated knowledge base and a generated national-scale one in the same process:

- start-up, the figure the target is checked on: a fresh process that starts as the bot does,
  from a SQLite file the document was loaded into (kept in var/cache/benchmark), first
  computing the names' forms (the first start after loading) and then reading the saved ones
  (READY: every later start of a running deployment), in wall and CPU time; and, in process,
  `Engine.from_document` on the document in memory;
- latency: every question of a mix (the evaluation set's standalone questions and generated
  questions about the national base, in Ukrainian and English, some misspelt) answered once
  after a warm-up pass over other questions, then once more;
- memory: resident set size around each build, and the `tracemalloc` peak of an engine build;
  and, the figure the target is checked on, the resident set size of that fresh process once
  it has answered the evaluation questions.

The national base is measured first, from a fresh process; the curated one after it, so the
curated column's absolute RSS includes whatever the national phase left behind (its growth
rows do not).

The word-form caches of `knowledge.text` are emptied before each engine build, so each
start-up computes its names' forms from scratch rather than reusing the previous build's; the
morphological dictionaries load once beforehand and are timed on their own.

It prints the figures with the targets and always exits 0: a measurement, not a test.

    python -m benchmarks.qa_benchmark [--seed N] [--questions N] [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import gc
import hashlib
import importlib
import io
import json
import math
import pkgutil
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale

from benchmarks.fresh_start import (
    MEGABYTE,
    FreshProcess,
    peak_rss_megabytes,
    release_memory,
    rss_megabytes,
)
from benchmarks.national import national_document
from knowledge.facts.documents import AgreementDoc, HromadaDoc, KnowledgeDocument, PlaceDoc
from knowledge.qa.engine import Engine
from knowledge.qa.evaluation import DEFAULT_PATH, Turn, evaluate, load_items
from knowledge.store import migrations
from knowledge.store.curated import curated_document
from knowledge.store.engines import create_engine, session_factory
from knowledge.store.loading import load_document
from knowledge.store.rights import SystemWriter
from knowledge.text import morphology

# A fixed day, so questions about "this year" read the same on every run.
TODAY = dt.date(2025, 6, 1)
WARM_UP_QUESTIONS = 200
TARGET_MEDIAN_MS = 1.0
TARGET_P99_MS = 5.0
TARGET_STARTUP_S = 2.0
TARGET_RSS_MB = 200.0
PROFILE_LINES = 25
BENCHMARK_CACHE = Path("var") / "cache" / "benchmark"
# Everyday names of countries where the CLDR name does not decline ("у Сполучені Штати").
_COUNTRY_LOCATIVES = {"US": "США", "GB": "Великій Британії", "NL": "Нідерландах"}


@dataclass(frozen=True)
class Question:
    """A question to time, with what kind it is and the entities its answer should name."""

    text: str
    kind: str
    expected: dict[str, str] = field(default_factory=dict)


# -- memory ------------------------------------------------------------------------------------


def clear_word_caches() -> int:
    """Empty the bounded caches of word forms in `knowledge.text`; return how many.

    Unbounded caches hold what loads once per process (the dictionaries) and are kept.
    """
    package = importlib.import_module("knowledge.text")
    cleared = 0
    for module_info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
        module = importlib.import_module(module_info.name)
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            clear = getattr(value, "cache_clear", None)
            if callable(info) and callable(clear) and info().maxsize is not None:
                clear()
                cleared += 1
    return cleared


@dataclass(frozen=True)
class FreshRuns:
    """Fresh-process start-ups without the saved forms (cold) and with them (ready)."""

    cold: FreshProcess
    ready: FreshProcess


def _run_fresh(database_path: Path, forms_cache: Path) -> FreshProcess:
    completed = subprocess.run(  # noqa: S603 - this very interpreter and module
        [
            sys.executable,
            "-m",
            "benchmarks.fresh_start",
            str(database_path),
            str(forms_cache),
        ],
        capture_output=True,
        check=True,
        text=True,
    )
    return FreshProcess(**json.loads(completed.stdout))


def measure_in_fresh_process(document: KnowledgeDocument, name: str) -> FreshRuns:
    """Start-up and memory of new interpreters that start from a database of the document.

    The first computes every name's forms and saves them, as the first start after loading
    does; the next ones read them, as every later start of a running deployment does (the
    quickest of two is kept, the machine being shared).
    """
    database_path = database_of(document, name)
    with tempfile.TemporaryDirectory() as folder:
        forms_cache = Path(folder) / "name-forms.json"
        cold = _run_fresh(database_path, forms_cache)
        ready = min(
            (_run_fresh(database_path, forms_cache) for _ in range(2)),
            key=lambda run: run.startup_cpu,
        )
    return FreshRuns(cold, ready)


def database_of(document: KnowledgeDocument, name: str) -> Path:
    """A migrated SQLite file holding the document, loaded as `kb load` does; kept between runs.

    Loading validates and audits every record (minutes at national scale), so the file is kept
    in var/cache under a hash of the document and of the schema's revisions.
    """
    digest = hashlib.sha256(document.model_dump_json().encode())
    digest.update(" ".join(migrations.revisions()).encode())
    path = BENCHMARK_CACHE / f"{name}-{digest.hexdigest()[:16]}.sqlite3"
    if path.exists():
        return path
    _progress(f"{name}: loading the document into {path} (kept for the next runs)")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    asyncio.run(_load(document, partial))
    partial.replace(path)
    return path


async def _load(document: KnowledgeDocument, path: Path) -> None:
    database = create_engine(f"sqlite+aiosqlite:///{path}")
    try:
        await migrations.upgrade(database)
        async with session_factory(database)() as session:
            await load_document(session, document, writer=SystemWriter("benchmark"))
            await session.commit()
    finally:
        await database.dispose()


# -- questions ---------------------------------------------------------------------------------


def _capitalised_like(form: str, original: str) -> str:
    parts, originals = form.split("-"), original.split("-")
    if len(parts) != len(originals):
        return form[:1].upper() + form[1:] if original[:1].isupper() else form
    return "-".join(
        part[:1].upper() + part[1:] if source[:1].isupper() else part
        for part, source in zip(parts, originals, strict=True)
    )


def _case(word: str, case: str) -> str:
    return _capitalised_like(morphology.inflect(word, case), word)


def _misspelt(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    index = max(range(len(words)), key=lambda position: len(words[position]))
    word = words[index]
    if len(word) < 5:
        return text
    position = rng.randrange(1, len(word) - 1)
    slip = rng.choice(("swap", "drop", "double"))
    if slip == "swap":
        word = word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    elif slip == "drop":
        word = word[:position] + word[position + 1 :]
    else:
        word = word[:position] + word[position] + word[position:]
    words[index] = word
    return " ".join(words)


@dataclass(frozen=True)
class _Names:
    nominative: str
    genitive: str
    english: str
    adjective: str
    adjective_genitive: str

    @classmethod
    def of(cls, hromada: HromadaDoc) -> _Names:
        nominative = hromada.center_uk or hromada.name_uk
        adjective = hromada.name_uk
        adjective_genitive = adjective[:-1] + "ої" if adjective.endswith("а") else adjective
        return cls(
            nominative=nominative,
            genitive=_case(nominative, "gent"),
            english=hromada.center_en or hromada.name_en,
            adjective=adjective,
            adjective_genitive=adjective_genitive,
        )


class QuestionMaker:
    """Questions residents might ask about random hromadas, partners and countries."""

    def __init__(self, document: KnowledgeDocument, rng: random.Random) -> None:
        self._rng = rng
        self._hromadas = list(document.hromadas)
        self._places = {place.key: place for place in document.places}
        agreements: dict[str, list[AgreementDoc]] = {}
        for agreement in document.agreements:
            agreements.setdefault(agreement.hromada, []).append(agreement)
        self._agreements = agreements
        self._with_partners = [h for h in self._hromadas if h.code in agreements]
        self._countries = sorted({place.country for place in document.places})
        self._uk_countries = Locale("uk").territories
        self._en_countries = Locale("en").territories

    def make(self, count: int) -> list[Question]:
        """`count` questions, half in each language."""
        makers: list[Callable[[], Question]] = [
            *(self._about_hromada_uk, self._about_hromada_en) * 3,
            *(self._about_partner_uk, self._about_partner_en) * 2,
            self._about_country_uk,
            self._about_country_en,
        ]
        return [self._rng.choice(makers)() for _ in range(count)]

    def _hromada(self) -> HromadaDoc:
        pool = self._with_partners if self._rng.random() < 0.8 else self._hromadas
        return self._rng.choice(pool)

    def _partner(self) -> tuple[HromadaDoc, PlaceDoc]:
        hromada = self._rng.choice(self._with_partners)
        agreement = self._rng.choice(self._agreements[hromada.code])
        return hromada, self._places[agreement.place]

    def _country(self) -> str:
        return self._rng.choice(self._countries)

    def _about_hromada_uk(self) -> Question:
        hromada = self._hromada()
        names = _Names.of(hromada)
        templates = (
            ("partners", f"Партнери {names.genitive}?"),
            ("partners", f"З якими містами співпрацює {names.nominative}?"),
            ("twins", f"побратими {names.genitive.lower()}"),
            ("partners", f"Партнери {names.adjective_genitive} громади"),
            ("count", f"Скільки партнерів у {names.genitive}?"),
            ("aid", f"Яку допомогу отримала {names.adjective} громада?"),
            ("aid", f"Звідки {names.nominative} отримує гуманітарну допомогу?"),
            ("typo", f"партнери {_misspelt(names.nominative, self._rng)}"),
        )
        kind, text = self._rng.choice(templates)
        return Question(text, f"hromada/{kind} uk", {"hromada": hromada.code})

    def _about_hromada_en(self) -> Question:
        hromada = self._hromada()
        name = _Names.of(hromada).english
        templates = (
            ("partners", f"Partners of {name}?"),
            ("twins", f"Which cities is {name} twinned with?"),
            ("count", f"How many partners does {name} have?"),
            ("aid", f"What aid did {name} receive?"),
            ("aid", f"Which countries sent aid to {name}?"),
            ("typo", f"partners of {_misspelt(name, self._rng)}"),
        )
        kind, text = self._rng.choice(templates)
        return Question(text, f"hromada/{kind} en", {"hromada": hromada.code})

    def _about_partner_uk(self) -> Question:
        hromada, place = self._partner()
        names = _Names.of(hromada)
        both = {"hromada": hromada.code, "place": place.key}
        templates = (
            ("signed", f"Коли підписали угоду між {names.nominative} та {place.name.uk}?", both),
            ("expiry", f"Коли закінчується угода {names.genitive} з {place.name.uk}?", both),
            ("relation", f"{names.nominative} і {place.name.uk} — міста-побратими?", both),
            ("reverse", f"Партнери {place.name.uk} в Україні", {"place": place.key}),
        )
        kind, text, expected = self._rng.choice(templates)
        return Question(text, f"pair/{kind} uk", expected)

    def _about_partner_en(self) -> Question:
        hromada, place = self._partner()
        name = _Names.of(hromada).english
        both = {"hromada": hromada.code, "place": place.key}
        town = place.name.en
        templates = (
            ("signed", f"When was the agreement between {name} and {town} signed?", both),
            ("expiry", f"When does the agreement between {name} and {town} expire?", both),
            ("relation", f"Is {name} twinned with {town}?", both),
            (
                "reverse",
                f"Which Ukrainian communities are partners of {town}?",
                {"place": place.key},
            ),
        )
        kind, text, expected = self._rng.choice(templates)
        return Question(text, f"pair/{kind} en", expected)

    def _about_country_uk(self) -> Question:
        country = self._country()
        name = _COUNTRY_LOCATIVES.get(country) or _case(self._uk_countries[country], "loct")
        if self._rng.random() < 0.5:
            return Question(
                f"Які громади мають партнерів у {name}?",
                "country/reverse uk",
                {"country": country},
            )
        hromada = self._hromada()
        return Question(
            f"Чи є у {_Names.of(hromada).genitive} партнери в {name}?",
            "country/partners uk",
            {"hromada": hromada.code, "country": country},
        )

    def _about_country_en(self) -> Question:
        country = self._country()
        name = self._en_countries[country]
        if self._rng.random() < 0.5:
            return Question(
                f"which communities have partners in {name}",
                "country/reverse en",
                {"country": country},
            )
        hromada = self._hromada()
        return Question(
            f"Does {_Names.of(hromada).english} have partners in {name}?",
            "country/partners en",
            {"hromada": hromada.code, "country": country},
        )


def evaluation_questions() -> list[Question]:
    """The evaluation set's standalone questions (conversations need their context)."""
    return [
        Question(item.question, f"evaluation {item.lang}")
        for item in load_items(DEFAULT_PATH)
        if isinstance(item, Turn)
    ]


# -- measuring ---------------------------------------------------------------------------------


@dataclass
class Timing:
    """One question's latency and what the engine made of it."""

    question: Question
    nanoseconds: int
    intent: str
    lines: int
    resolved: bool


@dataclass
class Figures:
    """Everything measured for one knowledge base."""

    name: str
    records: str = ""
    document_seconds: float = 0.0
    startup_seconds: float = 0.0
    warm_startup_seconds: float = 0.0
    startup_cpu: float = 0.0
    warm_startup_cpu: float = 0.0
    rss_before_document: float = 0.0
    rss_with_document: float = 0.0
    rss_with_engine: float = 0.0
    traced_peak: float = 0.0
    traced_retained: float = 0.0
    fresh: FreshRuns | None = None
    timings: list[Timing] = field(default_factory=list)
    repeated: list[int] = field(default_factory=list)
    accuracy: float = 0.0

    @property
    def cold(self) -> list[int]:
        """The latencies of the first, timed pass."""
        return [timing.nanoseconds for timing in self.timings]

    @property
    def resolved_share(self) -> float:
        """The share of generated questions whose answer names the entities asked about."""
        generated = [timing for timing in self.timings if timing.question.expected]
        return sum(timing.resolved for timing in generated) / len(generated) if generated else 0


def percentile(values: Sequence[int], share: float) -> int:
    """The nearest-rank percentile (share in 0..1) of the values."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _answer_all(engine: Engine, questions: Sequence[Question]) -> list[Timing]:
    timings: list[Timing] = []
    clock = time.perf_counter_ns
    for question in questions:
        start = clock()
        answer = engine.answer(question.text, today=TODAY)
        elapsed = clock() - start
        named = answer.entities.as_dict()
        resolved = all(named.get(key) == value for key, value in question.expected.items())
        timings.append(
            Timing(question, elapsed, answer.intent.value, answer.text.count("\n") + 1, resolved)
        )
    return timings


def _records(document: KnowledgeDocument) -> str:
    return (
        f"{len(document.hromadas)} hromadas, {len(document.places)} places, "
        f"{len(document.agreements)} agreements, {len(document.aid)} aid records, "
        f"{len(document.sources)} sources"
    )


def _progress(message: str) -> None:
    sys.stderr.write(f"… {message}\n")
    sys.stderr.flush()


def build(
    name: str, make_document: Callable[[], KnowledgeDocument]
) -> tuple[Figures, Engine, KnowledgeDocument]:
    """Build the document and the engine, timing both and reading the memory around them."""
    figures = Figures(name)
    release_memory()
    figures.rss_before_document = rss_megabytes()
    _progress(f"{name}: building the document")
    start = time.perf_counter()
    document = make_document()
    figures.document_seconds = time.perf_counter() - start
    figures.records = _records(document)
    release_memory()
    figures.rss_with_document = rss_megabytes()

    _progress(f"{name}: building the engine")
    clear_word_caches()
    start, cpu = time.perf_counter(), time.process_time()
    engine = Engine.from_document(document)
    figures.startup_seconds = time.perf_counter() - start
    figures.startup_cpu = time.process_time() - cpu
    release_memory()
    figures.rss_with_engine = rss_megabytes()

    _progress(f"{name}: building the engine with a forms cache, then again from it")
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder) / "name-forms.json"
        clear_word_caches()
        Engine.from_document(document, cache)
        clear_word_caches()
        start, cpu = time.perf_counter(), time.process_time()
        Engine.from_document(document, cache)
        figures.warm_startup_seconds = time.perf_counter() - start
        figures.warm_startup_cpu = time.process_time() - cpu
    release_memory()

    _progress(f"{name}: building the engine again under tracemalloc")
    clear_word_caches()
    tracemalloc.start()
    traced = Engine.from_document(document)
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del traced
    figures.traced_retained, figures.traced_peak = retained / MEGABYTE, peak / MEGABYTE
    release_memory()
    return figures, engine, document


def time_questions(
    figures: Figures, engine: Engine, questions: Sequence[Question], warm_up: Sequence[Question]
) -> None:
    """Answer the warm-up questions, then time each question once, and then once again."""
    _progress(f"{figures.name}: answering {len(questions)} questions")
    _answer_all(engine, warm_up)
    gc.collect()
    figures.timings = _answer_all(engine, questions)
    figures.repeated = [timing.nanoseconds for timing in _answer_all(engine, questions)]
    figures.accuracy = evaluate(engine, load_items(DEFAULT_PATH)).accuracy


# -- reporting ---------------------------------------------------------------------------------


def _ms(nanoseconds: float) -> str:
    return f"{nanoseconds / 1e6:.2f} ms"


def _seconds(value: float) -> str:
    return f"{value:.2f} s"


def _megabytes(value: float) -> str:
    return f"{value:.0f} MB"


def _aligned(rows: Sequence[tuple[str, ...]]) -> str:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [
        "  ".join(
            cell.ljust(width) if column == 0 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def table(curated: Figures, national: Figures, dictionaries: float) -> str:
    """The figures side by side, with the targets checked on the national knowledge base."""
    rows: list[tuple[str, ...]] = [("", "curated", "national", "ratio", "target", "national")]

    def add(
        label: str,
        values: tuple[float, float],
        shown: Callable[[float], str],
        target: tuple[float, str] | None = None,
        *,
        comparable: bool = True,
    ) -> None:
        limit, described = target if target is not None else (math.inf, "")
        verdict = ("PASS" if values[1] < limit else "MISS") if target is not None else ""
        ratio = f"{values[1] / values[0]:.1f}x" if comparable and values[0] > 0 else "-"
        rows.append((label, shown(values[0]), shown(values[1]), ratio, described, verdict))

    def latency(function: Callable[[Sequence[int]], float]) -> tuple[float, float]:
        return function(curated.cold), function(national.cold)

    add("document build", (curated.document_seconds, national.document_seconds), _seconds)
    add(
        "in process: Engine.from_document, wall",
        (curated.startup_seconds, national.startup_seconds),
        _seconds,
    )
    add(
        "in process: Engine.from_document, CPU",
        (curated.startup_cpu, national.startup_cpu),
        _seconds,
    )
    add(
        "in process: Engine.from_document with the forms cache, wall",
        (curated.warm_startup_seconds, national.warm_startup_seconds),
        _seconds,
    )
    add(
        "in process: Engine.from_document with the forms cache, CPU",
        (curated.warm_startup_cpu, national.warm_startup_cpu),
        _seconds,
    )
    add(
        "latency median",
        latency(statistics.median),
        _ms,
        (TARGET_MEDIAN_MS * 1e6, f"< {TARGET_MEDIAN_MS:g} ms"),
    )
    add("latency p90", latency(lambda values: percentile(values, 0.90)), _ms)
    add(
        "latency p99",
        latency(lambda values: percentile(values, 0.99)),
        _ms,
        (TARGET_P99_MS * 1e6, f"< {TARGET_P99_MS:g} ms"),
    )
    add("latency max", latency(max), _ms)
    add(
        "latency median, asked again",
        (statistics.median(curated.repeated), statistics.median(national.repeated)),
        _ms,
    )
    add(
        "RSS before the document",
        (curated.rss_before_document, national.rss_before_document),
        _megabytes,
        comparable=False,
    )
    add(
        "RSS with the document",
        (curated.rss_with_document, national.rss_with_document),
        _megabytes,
        comparable=False,
    )
    add(
        "RSS with the engine",
        (curated.rss_with_engine, national.rss_with_engine),
        _megabytes,
        comparable=False,
    )
    if curated.fresh is not None and national.fresh is not None:
        cold, ready = (
            (curated.fresh.cold, national.fresh.cold),
            (curated.fresh.ready, national.fresh.ready),
        )
        add(
            "fresh process: start-up from the database, forms computed (first start), wall",
            (cold[0].startup_wall, cold[1].startup_wall),
            _seconds,
        )
        add(
            "fresh process: start-up, forms computed (first start), CPU",
            (cold[0].startup_cpu, cold[1].startup_cpu),
            _seconds,
        )
        add(
            "fresh process: start-up with the saved forms (READY: every later start), wall",
            (ready[0].startup_wall, ready[1].startup_wall),
            _seconds,
            (TARGET_STARTUP_S, f"< {TARGET_STARTUP_S:g} s"),
        )
        add(
            "fresh process: start-up with the saved forms (READY), CPU",
            (ready[0].startup_cpu, ready[1].startup_cpu),
            _seconds,
            (TARGET_STARTUP_S, f"< {TARGET_STARTUP_S:g} s"),
        )
        add(
            "fresh process: RSS, dictionaries",
            (ready[0].rss_dictionaries, ready[1].rss_dictionaries),
            _megabytes,
        )
        add(
            "fresh process: RSS, engine ready",
            (ready[0].rss_engine, ready[1].rss_engine),
            _megabytes,
        )
        add(
            "fresh process: RSS after answering",
            (ready[0].rss_answering, ready[1].rss_answering),
            _megabytes,
            (TARGET_RSS_MB, f"< {TARGET_RSS_MB:g} MB"),
        )
        add("fresh process: peak RSS", (ready[0].peak, ready[1].peak), _megabytes)
        add("fresh process: peak RSS, first start", (cold[0].peak, cold[1].peak), _megabytes)
    add(
        "RSS growth, engine build",
        (
            curated.rss_with_engine - curated.rss_with_document,
            national.rss_with_engine - national.rss_with_document,
        ),
        _megabytes,
        comparable=False,
    )
    add(
        "tracemalloc peak, engine build",
        (curated.traced_peak, national.traced_peak),
        _megabytes,
    )
    add(
        "tracemalloc retained, engine build",
        (curated.traced_retained, national.traced_retained),
        _megabytes,
    )
    notes = [
        "",
        f"curated:  {curated.records}",
        f"national: {national.records}",
        f"questions: {len(national.timings)} per knowledge base (the evaluation set's standalone"
        f" ones and generated ones), each timed once after a warm-up of {WARM_UP_QUESTIONS}"
        " other questions",
        f"dictionary load before the first build (once per process): {dictionaries:.2f} s",
        f"peak RSS of the process: {peak_rss_megabytes():.0f} MB (includes the traced builds)",
        "the national base is measured first, in a fresh process; the curated column's RSS"
        " includes what the national phase left behind, so it has no ratio",
        "fresh process: a new interpreter starts as the bot does (knowledge.qa.startup):"
        " reads the records from a SQLite file the document was loaded into, builds the name"
        " index, then answers the evaluation questions; the first start computes the names'"
        " forms and saves them, every later start reads them (READY: the start-up of a running"
        " deployment, checked on CPU time, the machine being shared); the in-process rows"
        " above also hold the document and the generator's garbage",
        f"evaluation set accuracy: curated {curated.accuracy:.1%},"
        f" national {national.accuracy:.1%}",
        "generated questions whose answer names the entities asked about:"
        f" curated {curated.resolved_share:.1%}, national {national.resolved_share:.1%}",
    ]
    return "\n".join([_aligned(rows), *notes])


def by_kind(curated: Figures, national: Figures) -> str:
    """Median and p99 per kind of question, slowest national p99 first."""
    kinds: dict[str, tuple[list[int], list[int]]] = {}
    for figures, slot in ((curated, 0), (national, 1)):
        for timing in figures.timings:
            kinds.setdefault(timing.question.kind, ([], []))[slot].append(timing.nanoseconds)
    rows = [("kind", "n", "curated median", "curated p99", "national median", "national p99")]
    ordered = sorted(kinds.items(), key=lambda item: -percentile(item[1][1], 0.99))
    for kind, (cold_curated, cold_national) in ordered:
        rows.append(
            (
                kind,
                str(len(cold_national)),
                _ms(statistics.median(cold_curated)),
                _ms(percentile(cold_curated, 0.99)),
                _ms(statistics.median(cold_national)),
                _ms(percentile(cold_national, 0.99)),
            )
        )
    return _aligned(rows)


def slowest(figures: Figures, count: int = 8) -> str:
    """The slowest questions of a knowledge base, with the intent and answer length."""
    ordered = sorted(figures.timings, key=lambda timing: -timing.nanoseconds)[:count]
    return "\n".join(
        f"{_ms(timing.nanoseconds):>10}  {timing.intent:<13} {timing.lines:>5} lines  "
        f"{timing.question.text}"
        for timing in ordered
    )


def _profile_text(profile: cProfile.Profile, sort: str, lines: int) -> str:
    buffer = io.StringIO()
    stats = pstats.Stats(profile, stream=buffer)
    stats.strip_dirs().sort_stats(sort).print_stats(lines)
    return buffer.getvalue().strip()


def profile_national(
    document: KnowledgeDocument, questions: Sequence[Question], warm_up: Sequence[Question]
) -> str:
    """cProfile of the national start-up and question loop: top functions by cumulative time."""
    clear_word_caches()
    startup = cProfile.Profile()
    startup.enable()
    engine = Engine.from_document(document)
    startup.disable()
    _answer_all(engine, warm_up)
    loop = cProfile.Profile()
    loop.enable()
    _answer_all(engine, questions)
    loop.disable()
    return "\n\n".join(
        (
            "== Start-up (Engine.from_document), by cumulative time ==",
            _profile_text(startup, "cumulative", PROFILE_LINES),
            "== Start-up, by own time ==",
            _profile_text(startup, "tottime", 15),
            f"== Question loop ({len(questions)} questions), by cumulative time ==",
            _profile_text(loop, "cumulative", PROFILE_LINES),
            "== Question loop, by own time ==",
            _profile_text(loop, "tottime", 15),
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Measure both knowledge bases and print the figures; always 0."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.qa_benchmark",
        description="Measure the engine's start-up, latency and memory, curated vs national.",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the national document")
    parser.add_argument(
        "--questions",
        type=int,
        default=1000,
        help="generated questions to time (besides the evaluation set's)",
    )
    parser.add_argument(
        "--profile", action="store_true", help="profile the national start-up and question loop"
    )
    arguments = parser.parse_args(argv)
    seed: int = arguments.seed

    start = time.perf_counter()
    morphology.preload()
    dictionaries = time.perf_counter() - start

    # The national base goes first, so its memory figures start from a fresh process.
    national, engine, document = build("national", lambda: national_document(seed))
    # The questions name the national base's hromadas, partners and countries; the curated
    # engine answers the same ones.
    maker = QuestionMaker(document, random.Random(seed))  # noqa: S311 - the same every run
    questions = evaluation_questions() + maker.make(arguments.questions)
    warm_up = maker.make(WARM_UP_QUESTIONS)
    time_questions(national, engine, questions, warm_up)
    del engine
    _progress("national: measuring the memory of a fresh process")
    national.fresh = measure_in_fresh_process(document, "national")
    del document, maker
    release_memory()

    curated, engine, document = build("curated", curated_document)
    time_questions(curated, engine, questions, warm_up)
    _progress("curated: measuring the memory of a fresh process")
    curated.fresh = measure_in_fresh_process(document, "curated")
    del engine, document
    release_memory()

    sections = [
        "Question answering: curated vs national knowledge base",
        table(curated, national, dictionaries),
        "Latency by kind of question (cold pass):\n" + by_kind(curated, national),
        "Slowest questions, national:\n" + slowest(national),
    ]
    if arguments.profile:
        _progress("profiling the national start-up and question loop")
        sections.append(profile_national(national_document(seed), questions, warm_up))
    sys.stdout.write("\n\n".join(sections) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
