"""«Чи є в Мени і Харкова спільні партнери?», "do Mena and Kharkiv share any partner city?":
a yes or no on the towns the hromadas named both have agreements with, before each list."""

from __future__ import annotations

import re
from collections.abc import Sequence

from babel.lists import format_list

from knowledge.facts.messages import N_
from knowledge.facts.snapshot import Snapshot
from knowledge.qa.answer import Answer
from knowledge.render.lang import Language
from knowledge.render.phrases import place_label
from knowledge.text.normalize import normalize

# «спільні», «спільних», Russian «общие», «общих», English "share", "shared", "in common".
_SHARED = re.compile(r"\b(спільн\w*|общ(ие|их|ий|ая|ее|ую)|shares?|shared|in common|mutual)\b")
# «і Харкову, і Мені», «и Харькову, и Мене», "both Kharkiv and Mena".
_BOTH = re.compile(r"(^|\s)(і|и)\s+[^\s,]+,\s+(і|и)\s|\bboth\s+\S+\s+and\b")
_NO_DONORS = N_("No country is recorded as sending aid to both {hromadas}.")
_SOME_DONORS = N_("Aid came to both {hromadas} from: {countries}.")
_NONE = N_("No, {hromadas} have no partner in common.")
_SOME = N_("Yes, {hromadas} share partners: {places}.")


def asks_shared(question: str) -> bool:
    """Whether the question asks what several hromadas have in common ("share", «спільні»)."""
    text = normalize(question)
    return _SHARED.search(text) is not None or _BOTH.search(text) is not None


def shared_donors(lang: Language, snapshot: Snapshot, answers: Sequence[Answer]) -> str | None:
    """The countries aid to every hromada of `answers` came from (the donors' countries of
    each hromada's recorded aid), or that there is none; None for fewer than two hromadas."""
    codes = _hromadas(answers)
    if codes is None:
        return None
    common = set.intersection(
        *(
            {
                donor.country
                for aid in snapshot.aid_by_hromada.get(code, ())
                for donor in aid.donors
                if donor.country is not None
            }
            for code in codes
        )
    )
    listed = ", ".join(sorted(lang.country(code) for code in common))
    return _said(lang, snapshot, codes, countries=listed, none=_NO_DONORS, some=_SOME_DONORS)


def shared_partners(lang: Language, snapshot: Snapshot, answers: Sequence[Answer]) -> str | None:
    """The yes-or-no opening for the partners the hromadas of `answers` (one answer per
    hromada, in the question's order) all have an agreement with, any status; None when fewer
    than two hromadas are answered."""
    codes = _hromadas(answers)
    if codes is None:
        return None
    common = set.intersection(
        *(
            {
                snapshot.agreements[key].place
                for key in answer.agreements
                if key in snapshot.agreements
            }
            for answer in answers
        )
    )
    labels = "; ".join(sorted(place_label(lang, snapshot.places[key]) for key in common))
    return _said(lang, snapshot, codes, places=labels, none=_NONE, some=_SOME)


def _hromadas(answers: Sequence[Answer]) -> list[str] | None:
    """The hromada of each answer, in order; None unless there are two or more and each
    answer is about one."""
    codes = [answer.entities.hromada for answer in answers]
    if len(codes) < 2:
        return None
    known = [code for code in codes if code is not None]
    return known if len(known) == len(codes) else None


def _said(
    lang: Language,
    snapshot: Snapshot,
    codes: Sequence[str],
    *,
    none: str,
    some: str,
    **shared: str,
) -> str:
    """`none`, or `some` when what the hromadas share (one field of `some`, already joined:
    `countries` or `places`) is not empty; either naming the hromadas in order."""
    names = format_list(
        [lang.hromada(snapshot.hromadas[code]) for code in codes], locale=lang.code
    )
    if not any(shared.values()):
        return lang.gettext(none).format(hromadas=names)
    return lang.gettext(some).format(hromadas=names, **shared)
