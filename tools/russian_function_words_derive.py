"""Derive russian_function_words.txt: the Russian words that are never a place's name.

A Russian question («была ли у Харькова…», «от кого помощь») is full of words that, spelt the
Russian way, look like the name of a Ukrainian village («была» and Біла). The question index
treats a word of this list as an everyday word, as it does a Ukrainian dictionary word. The
list is every word form that pymorphy3's Russian dictionary (pymorphy3-dicts-ru, from
OpenCorpora) knows, reads as a preposition, conjunction, particle, pronoun, interjection or
predicative («нет»), as a pronominal adjective («какая») or as a form of «быть», and never as
a place (`Geox`). The serving process reads this short list instead of loading the whole
dictionary (some 15 MB and a second of start-up) for it. Rerun it when the dictionary changes:

    python -m tools.russian_function_words_derive --out knowledge/data/reference
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from knowledge.text.morphology import RUSSIAN_FUNCTION_WORDS_FILE

# Parts of speech of Russian words that never name anything.
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ", "PRED"})


def _function_reading(normal_form: str, grammemes: frozenset[str]) -> bool:
    # «были» is also the plural of «быль»: a reading as a function word is enough.
    return normal_form == "быть" or bool(_FUNCTION_POS & grammemes) or "Apro" in grammemes


def _is_function_word(analyzer: Any, word: str) -> bool:
    """Whether the dictionary knows `word` with a function reading and never as a place."""
    if not analyzer.word_is_known(word):
        return False
    parses = analyzer.parse(word)
    if any("Geox" in parse.tag.grammemes for parse in parses):
        return False
    return any(_function_reading(parse.normal_form, parse.tag.grammemes) for parse in parses)


def russian_function_words() -> list[str]:
    """The words of the list, sorted; about 1,700 (a minute: it reads the whole dictionary).

    Candidates are the forms the dictionary tags as function words and every hyphenated form
    (which pymorphy3 may also read as a word and a particle, «кто-то»), each also with «ё»
    written «е»; a candidate is kept when the whole analysis of it, as the question index
    would see it, has a function reading and no place.
    """
    import pymorphy3  # type: ignore[import-untyped]

    analyzer = pymorphy3.MorphAnalyzer(lang="ru")
    candidates: set[str] = set()
    for word, tag, normal_form, _paradigm, _index in analyzer.dictionary.iter_known_words(""):
        if "-" in word or _function_reading(normal_form, tag.grammemes):
            candidates.update((word, word.replace("ё", "е")))
    return sorted(word for word in candidates if _is_function_word(analyzer, word))


def main(argv: list[str] | None = None) -> None:
    """Command line: write russian_function_words.txt."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.russian_function_words_derive",
        description=__doc__.splitlines()[0],
    )
    parser.add_argument("--out", type=Path, required=True, help="directory to write to")
    arguments = parser.parse_args(argv)
    words = russian_function_words()
    path = arguments.out / RUSSIAN_FUNCTION_WORDS_FILE
    path.write_text("".join(f"{word}\n" for word in words), encoding="utf-8")
    print(f"Wrote {len(words)} words to {path}")


if __name__ == "__main__":
    main()
