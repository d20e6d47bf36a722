"""Agreements extended in a given year, said apart from those signed in it.

«Які угоди підписав Харків у 2023 році?» lists what was signed that year and then the
memorandum with Cincinnati, extended in 2023 for five years: the letter counts it among the
year's agreements, but it was extended, not signed, and the answer says so.
«Які угоди продовжено у 2023?» asks for these alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from knowledge.facts.records import Agreement
from knowledge.facts.snapshot import Snapshot
from knowledge.render.lang import Language
from knowledge.render.phrases import BULLET, agreement_title, ending, hromada_label, place_label


def extended_in(agreements: Iterable[Agreement], year: int) -> list[Agreement]:
    """The agreements with an extension dated in `year` (a calendar year), in the order given."""
    return [a for a in agreements if any(e.extended_on.year == year for e in a.extensions)]


def extension_lines(
    lang: Language,
    snapshot: Snapshot,
    agreements: Sequence[Agreement],
    *,
    with_hromada: bool,
) -> list[str]:
    """One line per extended agreement: the hromada (nation-wide, `with_hromada`), the partner,
    the agreement and when it was extended until when («продовжено у 2023 р. на 5 років, тобто
    приблизно до 2028 р.»). The agreements must have an extension; none gives no lines."""
    lines = []
    for agreement in agreements:
        partner = place_label(lang, snapshot.places[agreement.place])
        extension = agreement.extensions[-1]
        said = lang.gettext("extended {when}").format(when=lang.when(extension.extended_on))
        end = ending(lang, agreement)
        if extension.term_years is not None and end is not None:
            said = end  # "extended in 2023 for 5 years, so until about 2028"
        elif end is not None:
            said = f"{said}, {end}"
        whose = ""
        if with_hromada:
            whose = hromada_label(lang, snapshot.hromadas[agreement.hromada]) + " — "
        lines.append(f"{BULLET}{whose}{partner} — {agreement_title(lang, agreement)}: {said}")
    return lines


def extension_sources(agreements: Iterable[Agreement]) -> list[str]:
    """The source keys of the agreements' extensions, each once, in order."""
    return list(dict.fromkeys(e.source for a in agreements for e in a.extensions))
