"""Which hromada a spreadsheet means: by KATOTTH code, Ukrainian or English name, old spellings.

Names are compared in tiers, the first tier with a match deciding: the code; the official
names as written (hromada and centre, Ukrainian, English, transliterated); the GeoNames
alternate names and the well-known older spellings; then the same two groups folded across
transliteration systems. Several hromadas left over are narrowed by an oblast qualifier
("Novoselivka (Poltava oblast)", an oblast column) or a kind word ("міська громада"), and
then by two rules: when exactly one of them is a city whose name this is (an urban hromada
centred on it) and every other is a village or settlement hromada, the city is meant; when
all of them are cities and one is an oblast centre, the oblast centre is meant. Anything
still ambiguous or unknown is reported, never guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from knowledge.facts.documents import HromadaDoc
from knowledge.facts.messages import N_, Problem
from knowledge.facts.vocabulary import HromadaKind
from knowledge.store.curated import read_hromadas
from knowledge.text.folding import fold, tidy
from knowledge.text.transliteration import transliterate

_CODE = re.compile(r"^UA\d{17}$")

# Older and Russian-based spellings common in sister-city lists, where GeoNames lacks them.
_OLDER_SPELLINGS: dict[str, tuple[str, ...]] = {
    "Кам’янець-Подільський": ("Kamenets-Podolsky", "Kamenets-Podolskiy", "Kamyanets-Podilsky"),
    "Біла Церква": ("Belaya Tserkov", "Bila Tserkov"),
    "Запоріжжя": ("Zaporozhye", "Zaporozhe", "Zaporozhzhye"),
    "Миколаїв": ("Nikolaev", "Nikolayev", "Mykolayiv"),
    "Дніпро": ("Dnepropetrovsk", "Dnipropetrovsk", "Dnepr"),
    "Рівне": ("Rovno", "Rovne"),
    "Кропивницький": ("Kirovograd", "Kirovohrad", "Kropyvnytskyy"),
    "Хмельницький": ("Khmelnitsky", "Khmelnitskiy", "Khmelnytskyy"),
    "Чернігів": ("Chernigov",),
    "Житомир": ("Zhitomir",),
    "Тернопіль": ("Ternopol",),
    "Луцьк": ("Lutsk",),
    "Суми": ("Sumy",),
    "Полтава": ("Poltava",),
    "Черкаси": ("Cherkassy",),
    "Вінниця": ("Vinnitsa", "Vinnytsya"),
    "Херсон": ("Kherson",),
    "Кривий Ріг": ("Krivoy Rog", "Kryvyi Rih", "Kryvyy Rih"),
    "Маріуполь": ("Mariupol",),
    "Ізмаїл": ("Izmail", "Izmayil"),
    "Кременчук": ("Kremenchug",),
    "Біла Криниця": (),
    "Борисполь": ("Borispol", "Boryspil"),
    "Бровари": ("Brovary",),
    "Ніжин": ("Nizhyn", "Nezhin"),
    "Умань": ("Uman",),
    "Мукачево": ("Mukachevo", "Mukacheve"),
    "Дрогобич": ("Drogobych", "Drohobych"),
    "Коломия": ("Kolomyya", "Kolomyia"),
    "Ковель": ("Kovel",),
    "Бердичів": ("Berdichev", "Berdychiv"),
    "Павлоград": ("Pavlograd",),
    "Слов’янськ": ("Slavyansk", "Sloviansk"),
    "Краматорськ": ("Kramatorsk",),
    "Мелітополь": ("Melitopol",),
    "Бердянськ": ("Berdyansk", "Berdiansk"),
    "Олександрія": ("Alexandria", "Oleksandriia"),
    "Нова Каховка": ("Nova Kakhovka", "Novaya Kakhovka"),
    "Первомайськ": ("Pervomaisk",),
    "Шостка": ("Shostka",),
    "Конотоп": ("Konotop",),
    "Чорноморськ": ("Chornomorsk", "Ilyichevsk", "Illichivsk"),
    "Южноукраїнськ": ("Yuzhnoukrainsk", "Pivdennoukrainsk"),
    "Енергодар": ("Enerhodar", "Energodar"),
}

_KIND_WORDS: dict[str, HromadaKind] = {
    "міська": HromadaKind.URBAN,
    "мтг": HromadaKind.URBAN,
    "city": HromadaKind.URBAN,
    "urban": HromadaKind.URBAN,
    "селищна": HromadaKind.SETTLEMENT,
    "стг": HromadaKind.SETTLEMENT,
    "settlement": HromadaKind.SETTLEMENT,
    "сільська": HromadaKind.RURAL,
    "village": HromadaKind.RURAL,
    "rural": HromadaKind.RURAL,
}
_NOISE_WORDS = frozenset(
    {
        "територіальна",
        "територіальної",
        "громада",
        "тг",
        "отг",
        "рада",
        "м",
        "місто",
        "hromada",
        "territorial",
        "community",
        "council",
        "municipality",
        "rada",
        "town",
        "of",
        "the",
        "ukraine",
        "україна",
    }
)
_OBLAST_WORDS = frozenset({"oblast", "область", "обл", "region", "province", "obl", "oblast'"})
_OBLAST_STEMS = ("ska", "ka", "ia", "a", "i")


@dataclass(frozen=True)
class Resolved:
    """The hromada a name means."""

    code: str


@dataclass(frozen=True)
class _Entry:
    hromada: HromadaDoc
    by_centre: bool


def _is_city_like(hromada: HromadaDoc) -> bool:
    if hromada.kind in (HromadaKind.URBAN, HromadaKind.SPECIAL):
        return True
    # The occupied territories have no kind in the reference table; GeoNames lists only
    # towns of some size, so its alternate names mark a city there.
    return hromada.kind is None and bool(hromada.aliases)


def _is_oblast_centre(hromada: HromadaDoc) -> bool:
    # Mykolaiv is the oblast centre and also a town in Lviv oblast: a name shared by cities
    # alone means the oblast centre, the way "Mykolaiv" is read everywhere outside Lviv oblast.
    if not hromada.center_uk or not hromada.oblast_uk:
        return False
    centre, oblast = fold(hromada.center_uk), _oblast_key(hromada.oblast_uk)
    shortest = min(len(centre), len(oblast))
    return shortest >= 4 and _common_prefix(centre, oblast) >= shortest - 1


def _centre_forms(hromada: HromadaDoc) -> list[str]:
    forms = [hromada.center_uk, hromada.center_en]
    if hromada.center_uk:
        forms.append(transliterate(hromada.center_uk))
    return [form for form in forms if form]


def _oblast_key(text: str) -> str:
    key = fold(" ".join(word for word in tidy(text).split() if word not in _OBLAST_WORDS))
    for ending in _OBLAST_STEMS:
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            return key[: -len(ending)]
    return key


def _common_prefix(first: str, second: str) -> int:
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


class HromadaIndex:
    """Looks up hromadas by every name a spreadsheet may use."""

    def __init__(self, hromadas: Iterable[HromadaDoc]) -> None:
        self.by_code: dict[str, HromadaDoc] = {}
        # Tiers: exact official, exact other, folded official, folded other.
        self.tiers: list[dict[str, list[_Entry]]] = [defaultdict(list) for _ in range(4)]
        older = {fold(centre): spellings for centre, spellings in _OLDER_SPELLINGS.items()}
        for hromada in hromadas:
            self.by_code[hromada.code] = hromada
            official = [(form, False) for form in (hromada.name_uk, hromada.name_en)]
            official += [(form, True) for form in _centre_forms(hromada)]
            other = [(alias, True) for alias in hromada.aliases]
            if _is_city_like(hromada) and hromada.center_uk:
                other += [(s, True) for s in older.get(fold(hromada.center_uk), ())]
            for tier, forms in enumerate((official, other)):
                for form, by_centre in forms:
                    entry = _Entry(hromada, by_centre)
                    self._add(self.tiers[tier], tidy(form), entry)
                    self._add(self.tiers[tier + 2], fold(form), entry)
        self.oblasts: dict[str, str] = {}
        for hromada in self.by_code.values():
            if hromada.oblast_code and hromada.oblast_en and hromada.oblast_uk:
                for name in (hromada.oblast_en, hromada.oblast_uk):
                    self.oblasts[_oblast_key(name)] = hromada.oblast_code

    @staticmethod
    def _add(table: dict[str, list[_Entry]], key: str, entry: _Entry) -> None:
        if not key:
            return
        entries = table[key]
        for index, known in enumerate(entries):
            if known.hromada.code == entry.hromada.code:
                if entry.by_centre and not known.by_centre:
                    entries[index] = entry
                return
        entries.append(entry)

    def oblast_code(self, text: str) -> str | None:
        """The oblast a qualifier such as "Poltava oblast" or "Полтавська обл." names."""
        key = _oblast_key(text)
        if len(key) < 4:
            return None
        if key in self.oblasts:
            return self.oblasts[key]
        scored = sorted(
            ((_common_prefix(key, known), code) for known, code in self.oblasts.items()),
            reverse=True,
        )
        best = [code for score, code in scored if score == scored[0][0]]
        if scored[0][0] >= 5 and len(set(best)) == 1:
            return best[0]
        return None

    def resolve(self, text: str, oblast: str = "") -> Resolved | Problem:
        """The hromada the text names, or the reason it cannot be told."""
        text = text.strip()
        if _CODE.match(text.upper()):
            if text.upper() in self.by_code:
                return Resolved(text.upper())
            return Problem(N_("unknown KATOTTH code {code}"), {"code": text})
        name, qualifier = _split_qualifier(text)
        oblast = oblast.strip() or qualifier
        words = tidy(name).split()
        kinds = {_KIND_WORDS[word] for word in words if word in _KIND_WORDS}
        name = " ".join(
            word for word in words if word not in _KIND_WORDS and word not in _NOISE_WORDS
        )
        if not name:
            return Problem(N_("no hromada named"))
        oblast_code = None
        if oblast:
            oblast_code = self.oblast_code(oblast)
            if oblast_code is None:
                return Problem(N_("unknown oblast {oblast}"), {"oblast": oblast})
        for tier, table in enumerate(self.tiers):
            entries = table.get(tidy(name) if tier < 2 else fold(name), [])
            if oblast_code is not None:
                entries = [e for e in entries if e.hromada.oblast_code == oblast_code]
            if kinds:
                entries = [e for e in entries if _kind_fits(e.hromada, kinds)]
            if entries:
                return self._choose(text, entries)
        return Problem(N_("unknown hromada {name}; write its KATOTTH code"), {"name": text})

    def _choose(self, text: str, entries: list[_Entry]) -> Resolved | Problem:
        if len(entries) == 1:
            return Resolved(entries[0].hromada.code)
        cities = [e for e in entries if e.by_centre and _is_city_like(e.hromada)]
        if len(cities) == 1 and all(e in cities or not _is_city_like(e.hromada) for e in entries):
            return Resolved(cities[0].hromada.code)
        centres = [e for e in cities if _is_oblast_centre(e.hromada)]
        if len(cities) == len(entries) and len(centres) == 1:
            return Resolved(centres[0].hromada.code)
        candidates = ", ".join(
            f"{e.hromada.name_en} ({e.hromada.oblast_en or e.hromada.name_en}, {e.hromada.code})"
            for e in sorted(entries, key=lambda e: e.hromada.code)[:6]
        )
        return Problem(
            N_("ambiguous hromada {name}: {candidates}; write the KATOTTH code or the oblast"),
            {"name": text, "candidates": candidates},
        )


def _kind_fits(hromada: HromadaDoc, kinds: set[HromadaKind]) -> bool:
    if HromadaKind.URBAN in kinds and hromada.kind is HromadaKind.SPECIAL:
        return True
    return hromada.kind is None or hromada.kind in kinds


def _split_qualifier(text: str) -> tuple[str, str]:
    """ "Novoselivka (Poltava oblast)" and "Новоселівка, Полтавська обл." → name, oblast."""
    match = re.match(r"^(.*?)\s*\((.*)\)\s*$", text)
    if match:
        return match.group(1), match.group(2)
    if "," in text:
        name, _, rest = text.partition(",")
        return name, rest
    return text, ""


@cache
def shipped_index() -> HromadaIndex:
    """The index of every hromada in the shipped reference table."""
    return HromadaIndex(read_hromadas())
