"""A document's text cut into paragraphs and sentences, each with its normalised tokens.

Letters and news items arrive as plain text with hard line breaks (a PDF's lines, a page
break in the middle of a sentence), bullets, initials ("К.М. ДЕМЕНКОВ", "Ендрю Дж. Гінтера")
and abbreviations ("м. Харків", "St. Louis"). Lines are joined back into paragraphs, and a
full stop ends a sentence only when it is not one of those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text.normalize import Token, fold, tokenize

# Words after which a full stop abbreviates rather than ends a sentence (folded).
_ABBREVIATIONS = frozenset(
    {
        *("м", "с", "смт", "вул", "просп", "пл", "буд", "обл", "р", "рр", "ст", "тис", "млн"),
        *("млрд", "грн", "дол", "коп", "напр", "див", "т", "ім", "проф", "д", "св", "тел"),
        *("пров", "бул", "арт", "п", "пп", "гр", "стор", "ін", "тощо", "ч", "вид", "тг"),
        *("mr", "mrs", "ms", "dr", "st", "no", "nr", "prof", "inc", "ltd", "co", "jr", "sr"),
        *("vs", "etc", "e", "i", "g", "u", "s", "gen", "gov", "sen", "rep", "mt", "ft", "dept"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    }
)
_TERMINAL = ".!?…"
_CLOSERS = '»"”’)]'
_OPENERS = "«\"“„'(["
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□–—*-]|\d{1,2}[.)])\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text as written, its paragraph's number, and its tokens."""

    text: str
    paragraph: int
    index: int
    tokens: tuple[Token, ...]

    def is_capitalised(self, position: int) -> bool:
        """Whether the token at `position` starts with a capital letter as written."""
        token = self.tokens[position]
        return self.text[token.start : token.start + 1].isupper()

    def written(self, first: int, last: int) -> str:
        """The words from token `first` to token `last` as written."""
        return self.text[self.tokens[first].start : self.tokens[last].end]

    def folded(self, position: int) -> str:
        """The folded form of a token (see knowledge.text.normalize.fold)."""
        return fold(self.tokens[position].text)


def _lines_to_paragraphs(text: str) -> list[str]:
    """Join hard-wrapped lines into paragraphs; a bullet or a blank line starts a new one."""
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and _BULLET.match(raw):
            paragraphs.append(" ".join(current))
            current = []
        if _BULLET.match(raw):
            line = _BULLET.sub("", raw).strip()
            line = _SPACES.sub(" ", line)
        current.append(line)
        if line[-1] in _TERMINAL or _is_heading(line):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return _rejoin_broken(paragraphs)


def _is_heading(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def _rejoin_broken(paragraphs: list[str]) -> list[str]:
    """A paragraph cut by a page break ("медичне" / "спорядження, ...") is joined again."""
    joined: list[str] = []
    for paragraph in paragraphs:
        previous = joined[-1] if joined else ""
        if (
            previous
            and previous[-1] not in _TERMINAL + ":"
            and not _is_heading(previous)
            and paragraph[:1].islower()
        ):
            joined[-1] = f"{previous} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _ends_sentence(paragraph: str, position: int) -> bool:
    """Whether the terminal mark at `position` ends a sentence."""
    after = position + 1
    while after < len(paragraph) and paragraph[after] in _TERMINAL + _CLOSERS:
        after += 1
    if after >= len(paragraph):
        return True
    if not paragraph[after].isspace():
        return False
    rest = paragraph[after:].lstrip()
    if not rest:
        return True
    first = rest[0]
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return False
    if paragraph[position] != ".":
        return True
    match = re.search(r"(\w+)$", paragraph[:position])
    if match is None:
        return True
    word = match.group(1)
    # An initial ("К.", "Дж.") or an abbreviation ("м.", "St.") does not end the sentence.
    if len(word) <= 2 and word[:1].isupper() and word.isalpha():
        return False
    return fold(word) not in _ABBREVIATIONS


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, in order, stripped."""
    sentences: list[str] = []
    start = 0
    for position, char in enumerate(paragraph):
        if char in _TERMINAL and _ends_sentence(paragraph, position):
            end = position + 1
            while end < len(paragraph) and paragraph[end] in _TERMINAL + _CLOSERS:
                end += 1
            if end <= start:
                continue
            sentence = paragraph[start:end].strip()
            if sentence:
                sentences.append(sentence)
            start = end
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def sentences_of(text: str) -> list[Sentence]:
    """Every sentence of a document, with its paragraph number and tokens."""
    found: list[Sentence] = []
    for number, paragraph in enumerate(_lines_to_paragraphs(text)):
        for sentence in split_sentences(paragraph):
            tokens = tuple(tokenize(sentence))
            if tokens:
                found.append(Sentence(sentence, number, len(found), tokens))
    return found
