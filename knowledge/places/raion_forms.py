"""A raion named by its adjective as a neighbour's language or Russian writes it.

Partner pages name a raion the way their own language does: Polish «Rejon Razdzielnianski»
(from Russian «Раздельнянский», the raion of Роздільна), «rejon szacki» (Шацький),
«rejon berdyczowski»; Russian «Раздельнянский район», "Dubrovitskiy rayon"; Romanian
«raionul Hliboca». None of them is the national romanisation the raions and towns are indexed
by, so each is read back into Ukrainian by the rules of practical transcription
(`ukrainian_transcription`), its adjective ending is cut, and what is left, the stem, is met
with the stems of today's raions and of the towns an older raion was named after.

Stems meet on a loose key (`stem_key`), their consonants: Russian writes е and а where
Ukrainian writes і and о (Раздельная, Роздільна), and a raion's adjective may add a vowel to
its town's name (Любомль, Любомельський). The caller keeps only a stem that meets exactly one
raion or one town; two leave the raion without a centre, never guessed.
"""

from __future__ import annotations

import re

from knowledge.places.transcription import ukrainian_transcription
from knowledge.text.normalize import latin_key

# Letters and digraphs only Polish spelling gives a Ukrainian name: «sz» for ш, «cz» for ч,
# «rz» for ж, «w» for в, «dz» and «ie» (Razdzielna), and Polish diacritics.
_POLISH = re.compile(r"[ąćęłńóśźżw]|sz|cz|rz|dz|(?<=[^aeiouy])ie", re.IGNORECASE)
_ROMANIAN = re.compile(r"[ășțşţăâî]", re.IGNORECASE)
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# A Russian-based adjective's ending in Latin letters: "Dubrovitskiy", "Razdelnianskij".
_RUSSIAN_LATIN = re.compile(r"(?:iy|ij|yj|ii)$", re.IGNORECASE)
# A Polish adjective's ending: «tarnopolski», «lubomelski», «szacki» (English writes -skyi).
_POLISH_ADJECTIVE = re.compile(r"(?:sk|ck|dzk)i$", re.IGNORECASE)
# Adjective endings on the romanisation key (`latin_key`): Ukrainian -ий, -ого, -а, Russian
# -ий, -ая, -ой, Polish -i, -a, Romanian -i; what is left ends in the suffix's к.
_ADJECTIVE_END = re.compile(r"k(?:ii|yi|ij|i|oho|oi|aia|a)$")
# The fewest consonants a stem is compared by: shorter ones meet too many towns.
_MIN_STEM = 3


def stem_key(latin: str) -> str:
    """The loose key raion stems meet on: a romanisation key's first letter and then its
    consonants, doubled ones once ("rozdilnians" and "razdelnians" → "rzdlns")."""
    word = re.sub(r"[^a-z]", "", latin)
    if not word:
        return ""
    rest = re.sub(r"[aeiouy]", "", word[1:])
    return word[0] + re.sub(r"(.)\1+", r"\1", rest)


def _readings(name: str) -> list[str]:
    """The name read back into Ukrainian (or kept as written where it is Cyrillic or a
    Russian-based Latin spelling), as romanisation keys."""
    readings: list[str] = []
    if _CYRILLIC.search(name) or _RUSSIAN_LATIN.search(name):
        readings.append(latin_key(name))
    elif _POLISH.search(name) or _POLISH_ADJECTIVE.search(name):
        polish = ukrainian_transcription(name, "PL")
        if polish:
            # Polish writes Russian д and т before е, я as dzi, ci: Razdzielna is Раздельная.
            readings.append(latin_key(polish).replace("dz", "d"))
    elif _ROMANIAN.search(name):
        romanian = ukrainian_transcription(name, "RO")
        if romanian:
            readings.append(latin_key(romanian))
    return readings


def adjective_stems(name: str) -> set[str]:
    """The stems (`stem_key`) a raion's adjective written in Polish, Romanian or Russian may
    have, with and without the suffix's own letters: «Razdzielnianski» and «Раздельнянский»
    give "rzdlns"; «szacki» (Шацький) gives "sck", its town Шацьк's. Empty for a name
    written the national way or in English, which the raions' own names already find."""
    stems: set[str] = set()
    for latin in _readings(name):
        stems |= national_stems(latin)
    return stems


def national_stems(latin: str) -> set[str]:
    """The stems (`stem_key`) of an adjective's romanisation key ("rozdilnianskii" of
    Роздільнянський: "rzdlns" and "rzdlnsk"); empty where it has no adjective ending."""
    latin = latin.replace(" ", "").replace("-", "")
    match = _ADJECTIVE_END.search(latin)
    if match is None:
        return set()
    with_k = latin[: match.start() + 1]
    return {stem_key(stem) for stem in (with_k, with_k[:-1]) if len(stem_key(stem)) >= _MIN_STEM}


def town_stems(centre_latin: str) -> set[str]:
    """The stems (`stem_key`) of the adjectives a raion named after a town may have:
    Ковель → Ковельський ("kvls"), Роздільна → Роздільнянський ("rzdlns"), Тисмениця →
    Тисменицький ("tsmnc"), Шацьк → Шацький ("sck"), Широке → Широківський ("srkvs");
    from the town's romanisation key."""
    word = centre_latin.replace(" ", "").replace("-", "")
    bare = re.sub(r"(?:ia|a|e|i|y|o)$", "", word)
    forms = {bare + "s", bare + "ians", bare + "ivs", bare} if bare != word else {word + "s", word}
    return {stem_key(form) for form in forms if len(stem_key(form)) >= _MIN_STEM}
