"""From a document's text to proposed facts: agreements and aid, merged, in the text's order."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from knowledge.extraction.agreements import (
    AgreementContext,
    Pair,
    Side,
    agreements_in,
    status_words,
)
from knowledge.extraction.aid import (
    continues_previous,
    delivery_word,
    items_in,
    mentions_aid,
    money_in,
    names_donors,
    organisations_in,
    promises_aid,
)
from knowledge.extraction.keywords import (
    AGREEMENT_HEADS,
    BARE_HEADS,
    HROMADA_NOUNS,
    NUMBER_WORDS,
    OBLAST_NOUNS,
    StatusCue,
    starts,
)
from knowledge.extraction.names import HromadaInfo, NameKind, NameMention, PlaceNames
from knowledge.extraction.proposals import (
    AgreementProposal,
    AidItemProposal,
    AidProposal,
    Evidence,
    Extraction,
    Proposal,
)
from knowledge.extraction.sentences import sentences_of
from knowledge.extraction.source import describe_source, main_text
from knowledge.extraction.stated_dates import DateMention, DateRole, find_dates, relative_dates
from knowledge.extraction.view import (
    DOCUMENT_WORDS,
    SentenceView,
    Town,
    ViewBuilder,
    foreign_town,
    foreign_unit_before,
    is_venue,
    nominative,
)
from knowledge.facts.dates import PartialDate
from knowledge.facts.vocabulary import AgreementKind, AgreementStatus, AidCategory, HromadaKind
from knowledge.qa.understanding import detect_language
from knowledge.text.morphology import is_first_name, is_person_name
from knowledge.text.normalize import fold

_KIND_WORDS = {"міськ": HromadaKind.URBAN, "селищн": HromadaKind.SETTLEMENT,
               "сільськ": HromadaKind.RURAL, "city": HromadaKind.URBAN}  # fmt: skip
_FROM_WORDS = ("від", "from", "by")
_MASCULINE_ENDINGS = ("ий", "ого", "ому", "им", "ім")
_RAION_NOUNS = ("район", "district", "округ")
_NEVER_DONORS = frozenset({"UA", "RU"})


@dataclass(frozen=True, slots=True)
class DocumentText:
    """A document's text and what is known about it from outside the text.

    `url` is the address of a forwarded post or a web page; `date` the day it was published
    when the text does not say (a forwarded post's date).
    """

    text: str
    title: str | None = None
    url: str | None = None
    date: PartialDate | None = None


@dataclass
class _Sentence:
    view: SentenceView
    sides: list[Side]
    oblasts: list[int]
    dates: list[DateMention]
    context_year: int | None
    period_year: int | None  # the period a report covers: «Протягом 2023 року», «за 2023 рік»
    venues: list[Side]


class Extractor:
    """Proposes the facts a document states, through one gazetteer."""

    def __init__(self, names: PlaceNames) -> None:
        self.names = names
        self._views = ViewBuilder(names)

    def extract(self, document: DocumentText, *, today: PartialDate) -> Extraction:
        """Every agreement and aid delivery the document states, with the document as source.

        `today` stands in for the document's date when neither the text nor its sender
        tells it.
        """
        body = main_text(document.text)
        language = detect_language(body) or "uk"
        source = describe_source(
            body, language=language, title=document.title, url=document.url, date=document.date
        )
        reference = source.date or document.date or today
        # A day or month without its year is resolved against the document's own date only:
        # an undated page saying "On November 8" gives no date.
        dated = source.date or document.date
        views = [self._views.view(sentence) for sentence in sentences_of(body)]
        if language == "en":
            self._namesakes_abroad(views)
        self._countries_of_towns(views)
        named = {
            view.words[town.first]: town
            for view in views
            for town in view.towns
            if town.first == town.last and town.place is None and town.hromada is None
            if town.country is not None and not town.venue
        }
        for view in views:
            self._views.with_named_towns(view, named)
        self._countries_from_geonames(views)
        sentences = self._read(views, reference, dated)
        document_side = _document_side(sentences)
        context = AgreementContext(document_side, dated, None, None)
        facts: list[tuple[int, Proposal]] = []
        for number, sentence in enumerate(sentences):
            context.context_year = sentence.context_year
            for proposal in agreements_in(
                sentence.view, sentence.sides, sentence.oblasts, sentence.dates, context
            ):
                facts.append((number, proposal))
            _remember_pair(sentence, context)
            context.previous_towns = [
                town
                for town in sentence.view.towns
                if town.hromada is None and town.country != "UA"
            ]
            context.earlier_towns += context.previous_towns
        facts = _signing_days_told_after(facts, sentences, dated)
        facts = [(number, self._settled(fact)) for number, fact in facts]
        facts += self._aid(sentences, document_side, dated)
        facts.sort(key=lambda item: item[0])
        told = _told_in_body([fact for _n, fact in facts], _headline_line(body))
        return Extraction(source, tuple(_merged(told)), language)

    def _settled(self, fact: Proposal) -> Proposal:
        """The agreement with its partner's record only where the name settles which town it
        is (`PlaceNames.settles`): «Золочів уклав угоду з Домбровою» is not Mena's Dąbrowa,
        one of Poland's many, though the knowledge base knows that one by the name."""
        if (
            isinstance(fact, AgreementProposal)
            and fact.partner_place is not None
            and not self.names.settles(fact.hromada, fact.partner_place)
        ):
            return replace(fact, partner_place=None)
        return fact

    def _namesakes_abroad(self, views: list[SentenceView]) -> None:
        """Read a hromada's other name as a foreign town where the text tells its Ukrainian
        towns by ", Ukraine" and never so tells this one: "The City of Sebastopol has been
        Sister Cities with the City of Chyhyryn, Ukraine" is Sebastopol, California, not the
        Crimean city whose other name it is; "Odessa, Texas" is not Odesa."""
        qualified = {
            code
            for view in views
            for mention in view.mentions
            for code in mention.ids(NameKind.HROMADA)
            if _ukraine_after(view, mention.last)
        }
        if not qualified:
            return
        for view in views:
            foreign: dict[int, NameMention] = {}
            for mention in view.mentions:
                codes = mention.ids(NameKind.HROMADA)
                if len(codes) != 1 or codes[0] in qualified or mention.ids(NameKind.OBLAST):
                    continue
                info = self.names.hromada(codes[0])
                written = nominative(mention.written)
                if info is None or fold(written) in {
                    fold(name) for name in (info.center_en, info.name_en) if name
                }:
                    continue
                foreign[mention.first] = mention
            if not foreign:
                continue
            view.mentions = [item for item in view.mentions if item.first not in foreign]
            view.towns = sorted(
                [
                    *(town for town in view.towns if town.first not in foreign),
                    *(foreign_town(view.words, mention, None) for mention in foreign.values()),
                ],
                key=lambda town: town.first,
            )

    def _countries_of_towns(self, views: list[SentenceView]) -> None:
        """Give a town named without its country the one country of the document that has a
        town of that name: «Ченстохова» in a text that names Poland is Częstochowa, PL."""
        named = _unique(
            [
                *(code for view in views for _position, code in view.countries()),
                *(town.country for view in views for town in view.towns if town.country),
            ]
        )
        countries = [code for code in named if code != "UA"]
        if not countries:
            return
        # «Пейнсуїк (Велика Британія)» in one sentence, «м. Пейнсуїк» in another.
        stated = {
            fold(town.name): town.country
            for view in views
            for town in view.towns
            if town.country is not None and town.hromada is None
        }
        for view in views:
            view.towns = [
                town
                if town.country is not None or town.hromada is not None
                else replace(
                    town,
                    country=stated.get(fold(town.name))
                    or self.names.country_of_town(town.name, countries),
                )
                for town in view.towns
            ]

    def _countries_from_geonames(self, views: list[SentenceView]) -> None:
        """Give a town the text names without its country, where the document names no
        country that has it, the country GeoNames knows it in: «Жешув» is in Poland,
        "Memmingen" in Germany. A name several countries share gets none («Толедо»).

        A person's first name or surname is no town though GeoNames has a namesake
        («меморандум з Надією» is not India, «з Ганною» not China).

        Done after the towns marked by the text are carried to their other mentions, so that
        a name GeoNames alone places never makes its other mentions towns.
        """
        for view in views:
            view.towns = [
                town
                if town.country is not None
                or town.hromada is not None
                or town.place is not None
                or _names_a_person(town.written)
                else replace(
                    town,
                    country=self._country_of_region_after(view, town.last)
                    or self.names.country_abroad(town.name),
                )
                for town in view.towns
            ]

    def _country_of_region_after(self, view: SentenceView, last: int) -> str | None:
        """The country of a region written just after a town: "Toledo, Ohio", «Толедо, що у
        штаті Огайо» (a namesake of Toledo, Spain, placed by its state)."""
        for mention in view.mentions:
            if last < mention.first <= last + 5 and mention.ids(NameKind.REGION):
                return self.names.region_country(mention.ids(NameKind.REGION)[0])
        # "Brandon, Man.", "Burlington, Vt.": a state or province as the press abbreviates it.
        after = _ABBREVIATED_REGION.match(view.text, view.sentence.tokens[last].end)
        return None if after is None else _ABBREVIATED_REGIONS[after.group(1)]

    def _read(
        self, views: list[SentenceView], reference: PartialDate, dated: PartialDate | None
    ) -> list[_Sentence]:
        oblast_codes: Counter[str] = Counter()
        for view in views:
            for mention in view.mentions:
                if not _oblast_named(view, mention.last):
                    continue
                if mention.ids(NameKind.OBLAST):
                    oblast_codes.update(mention.ids(NameKind.OBLAST))
                elif mention.usual is not None:
                    # "Rivne Regional State Administration": the oblast of the usual Rivne.
                    info = self.names.hromada(mention.usual)
                    if info is not None and info.oblast_code is not None:
                        oblast_codes[info.oblast_code] += 1
        document_oblast = oblast_codes.most_common(1)[0][0] if oblast_codes else None
        sentences: list[_Sentence] = []
        last_named: int | None = None
        period: int | None = None
        day = None
        if dated is not None and dated.month is not None and dated.day is not None:
            day = date(dated.year, dated.month, dated.day)
        for view in views:
            found = find_dates(view.text, reference.year)
            taken = [(mention.start, mention.end) for mention in found]
            dates = sorted(
                [
                    *found,
                    *(
                        mention
                        for mention in relative_dates(view.text, day)
                        if all(
                            mention.end <= start or end <= mention.start for start, end in taken
                        )
                    ),
                ],
                key=lambda mention: mention.start,
            )
            sides, oblasts, venues = self._sides(view, document_oblast)
            # "the Korosten municipality of Zhytomyr oblast": an oblast named to place a
            # hromada is no partner town.
            view.towns = [
                town for town in view.towns if town.first not in oblasts or town.country != "UA"
            ]
            sentences.append(_Sentence(view, sides, oblasts, dates, last_named, period, venues))
            named = [
                date
                for date in dates
                if date.year is not None and date.year_given and date.year <= reference.year
            ]
            if named:
                last_named = named[-1].year
            periods = [date.year for date in named if _names_period(view.text, date)]
            if periods:
                period = periods[-1]
        return sentences

    def _sides(
        self, view: SentenceView, document_oblast: str | None
    ) -> tuple[list[Side], list[int], list[Side]]:
        """The hromadas a sentence names as actors, where it names an oblast instead, and the
        hromadas it names as the place where something happened."""
        sides: list[Side] = []
        venues: list[Side] = []
        oblasts: list[int] = []
        for mention in view.mentions:
            hromadas = mention.ids(NameKind.HROMADA)
            # "Zhytomyr region", «Київської області»: the oblast, whatever else the name is.
            if (mention.ids(NameKind.OBLAST) and not hromadas) or (
                (hromadas or mention.ids(NameKind.OBLAST)) and _oblast_named(view, mention.last)
            ):
                oblasts.append(mention.first)
                continue
            if not hromadas:
                continue
            following = view.words[mention.last + 1] if mention.last + 1 < len(view.words) else ""
            if foreign_unit_before(view.words, mention.first):
                continue  # «Гміною Нове»: a Polish gmina of the same name
            if (
                mention.ids(NameKind.OBLAST)
                and not mention.written.isascii()
                and not starts(following, HROMADA_NOUNS)
                and not _mayor_before(view.words, mention.first)
                and not (
                    self._named_like_adjective(hromadas)
                    and fold(mention.written).endswith(_MASCULINE_ENDINGS)
                    and not starts(following, _RAION_NOUNS)
                )
            ):
                # «Харківська» alone may be the oblast or the city's hromada: not a side. An
                # oblast is feminine, so where the city's own name is an adjective
                # («Хмельницький») «Хмельницького», «у Хмельницькому» is the city, unless a
                # raion follows («Хмельницького району»).
                continue
            # «Миколаєву» with nothing to tell the two Mykolaivs apart: the one the name
            # usually means (the oblast centre), as questions read it.
            code = (
                self._one_hromada(hromadas, following, document_oblast, mention.written)
                or mention.usual
            )
            info = None if code is None else self.names.hromada(code)
            if code is not None and info is not None:
                side = Side(
                    code,
                    mention.written,
                    explicit=True,
                    name=text_name(mention.written, info),
                    first=mention.first,
                )
                # «В Умані підписали»: where it happened, not who acted in this sentence.
                (venues if is_venue(view.words, mention.first) else sides).append(side)
        return sides, oblasts, venues

    def _named_like_adjective(self, codes: tuple[str, ...]) -> bool:
        """Whether a hromada's centre has a name declined as an adjective («Хмельницький»)."""
        infos = [self.names.hromada(code) for code in codes]
        return any(
            info is not None and (info.center_uk or "").endswith(("ий", "ій")) for info in infos
        )

    def _one_hromada(
        self,
        codes: tuple[str, ...],
        following: str,
        document_oblast: str | None,
        written: str = "",
    ) -> str | None:
        """The one hromada a name means among `codes`: of the kind the next word gives
        («міська»), in the document's oblast, the only urban one, or the urban one whose
        centre's name the written word spells furthest («Кам’янському»: Кам’янське, not
        Кам’янка). None where nothing tells them apart."""
        if len(codes) == 1:
            return codes[0]
        infos = [info for info in map(self.names.hromada, codes) if info is not None]
        kind = next(
            (kind for stem, kind in _KIND_WORDS.items() if following.startswith(stem)), None
        )
        if kind is not None:
            infos = [info for info in infos if info.kind in (kind, None)] or infos
        if len(infos) > 1 and document_oblast is not None:
            infos = [info for info in infos if info.oblast_code == document_oblast] or infos
        if len(infos) > 1:
            urban = [info for info in infos if info.kind is HromadaKind.URBAN]
            infos = urban if len(urban) == 1 else infos
            # «Кам’янського району», «Кам’янської районної ради»: a raion's, not a town's.
            regional = following.startswith(_REGIONAL_WORDS)
            if len(urban) > 1 and written and not regional:
                shared = {
                    info.code: max(
                        _shared_prefix(fold(name), fold(written))
                        for name in (info.center_uk, info.center_en)
                        if name
                    )
                    for info in urban
                    if info.center_uk or info.center_en
                }
                best = max(shared.values(), default=0)
                spelt = [info for info in urban if shared.get(info.code) == best]
                infos = spelt if len(spelt) == 1 and best >= 4 else infos
        return infos[0].code if len(infos) == 1 else None

    def _aid(
        self,
        sentences: list[_Sentence],
        document_side: Side | None,
        reference: PartialDate | None,
    ) -> list[tuple[int, Proposal]]:
        found: list[tuple[int, Proposal]] = []
        index = 0
        while index < len(sentences):
            view = sentences[index].view
            if delivery_word(view) is None or not mentions_aid(view):
                index += 1
                continue
            block = [index]
            following = index + 1
            while (
                following < len(sentences)
                and sentences[following].view.sentence.paragraph == view.sentence.paragraph
                and mentions_aid(sentences[following].view)
                and not promises_aid(sentences[following].view)
                and not _other_recipient(sentences[following], sentences[index])
            ):
                block.append(following)
                following += 1
            proposal = self._aid_block(sentences, block, document_side, reference)
            if proposal is not None:
                found += [(index, each) for each in _per_recipient(sentences[index], proposal)]
            index = following
        return found

    def _aid_block(
        self,
        sentences: list[_Sentence],
        block: list[int],
        document_side: Side | None,
        reference: PartialDate | None,
    ) -> AidProposal | None:
        views = [sentences[number].view for number in block]
        evidence = [Evidence("delivery", delivery_word(views[0]) or "", "received")]
        named = [side for number in block for side in sentences[number].sides]
        if not named and any(sentences[number].oblasts for number in block):
            # "Kharkiv Oblast has received 724 generators": an oblast's delivery.
            return None
        if not named and any(_names_home(view) for view in views):
            # «Польща передала в Україну 379 генераторів»: a delivery to the country.
            return None
        side = next(
            (
                side
                for number in block
                for side in sentences[number].sides
                if not _after_from(sentences[number].view, side)
            ),
            _topic_side(sentences, block[0]) or document_side,
        )
        if side is None:
            return None
        towns = [
            town
            for view in views
            for town in view.towns
            if town.hromada is None
            and not town.venue
            and not town.person
            and not _carrier(view, town)
        ]
        # A donor town's country is a donor country (Hamburg: Germany). Russia is named in
        # these texts as the aggressor ("since Russia's full-scale invasion"), never a donor.
        countries = _unique(
            code
            for code in [
                *(code for view in views for _p, code in view.countries()),
                *(town.country for town in towns if town.country),
            ]
            if code not in _NEVER_DONORS
        )
        organisations = _unique(name for view in views for name in organisations_in(view))
        if not countries and not towns and continues_previous(views[0]):
            for earlier in range(block[0] - 1, max(-1, block[0] - 3), -1):
                view = sentences[earlier].view
                if names_donors(view) and view.countries():
                    countries = _unique(
                        code for _p, code in view.countries() if code not in _NEVER_DONORS
                    )
                    evidence.append(Evidence("donor", view.text[:80], ", ".join(countries)))
                    break
        items: list[AidItemProposal] = []
        for number, view in enumerate(views):
            for item in items_in(view):
                if number > 0 and _refers_back(item, items):
                    continue
                if all(known.category is not item.category for known in items):
                    items.append(item)
        money = money_in(" ".join(view.text for view in views))
        if not countries:
            # Aid is proposed with the country it came from; "300 generators sent to Ukraine"
            # names no donor and no delivery to a hromada.
            return None
        dates = [
            date
            for number in block
            for date in sentences[number].dates
            if date.role is DateRole.EVENT
        ]
        context_year = sentences[block[0]].context_year
        period_year = sentences[block[0]].period_year
        # A date the delivery's own sentences give, or the period a report covers; the year
        # the text last spoke of may be that of another event.
        if dates:
            date = dates[0].resolve(context_year, reference, future=False)
        else:
            date = None if period_year is None else PartialDate(period_year)
        evidence.append(Evidence("hromada", side.written, side.code or "?"))
        evidence += [Evidence("item", item.description, item.category.value) for item in items]
        if money is not None:
            evidence.append(Evidence("amount", money[2], f"{money[0]} {money[1]}"))
        return AidProposal(
            hromada=side.code,
            hromada_name=side.name,
            donor_countries=tuple(countries),
            donor_cities=tuple(_unique(town.name for town in towns)),
            donor_places=tuple(_unique(town.place for town in towns if town.place)),
            donor_organisations=tuple(organisations),
            items=tuple(items),
            amount=None if money is None else money[0],
            currency=None if money is None else money[1],
            date=date,
            quote=" ".join(view.text for view in views),
            evidence=tuple(evidence),
        )


def _per_recipient(sentence: _Sentence, proposal: AidProposal) -> list[AidProposal]:
    """One delivery per hromada a delivery's sentence sends goods to: «передало 4 генератори
    Бучі та 6 генераторів Ірпеню», "10 generators to Mykolaiv and 5 generators to Kherson".

    Each hromada takes the goods named between the hromada before it and itself, with their
    count; goods named once for all ("two fire trucks to Zarichna and Rokytne") go to each
    with no count, since the text does not say how they were shared.
    """
    view = sentence.view
    recipients: dict[str, Side] = {}
    for side in sentence.sides:
        if side.code is not None and side.first is not None and not _after_from(view, side):
            recipients.setdefault(side.code, side)
    if len(recipients) < 2 or proposal.hromada not in recipients:
        return [proposal]
    ordered = sorted(recipients.values(), key=lambda side: side.first or 0)
    segments: list[list[AidItemProposal]] = []
    start = 0
    for side in ordered:
        end = side.first or 0
        segments.append(
            [
                replace(item, quantity=_count_before(view.words[start:end], item))
                for item in proposal.items
                if _named_in(view.words[start:end], item)
            ]
        )
        start = end + 1
    shared = any(not segment for segment in segments)
    return [
        replace(
            proposal,
            hromada=side.code,
            hromada_name=side.name,
            items=tuple(replace(item, quantity=None) for item in proposal.items)
            if shared
            else tuple(segment),
        )
        for side, segment in zip(ordered, segments, strict=True)
    ]


def _refers_back(item: AidItemProposal, items: list[AidItemProposal]) -> bool:
    """Whether a later sentence's uncounted "vehicles", «автомобілі» are the ambulances or
    fire engines told of before ("two ambulances ... The vehicles were handed over")."""
    return (
        item.category is AidCategory.VEHICLES
        and item.quantity is None
        and any(known.category is AidCategory.SPECIAL_VEHICLES for known in items)
    )


def _item_positions(words: list[str], item: AidItemProposal) -> list[int]:
    """Where the words name the item's category (its first word, as the item was read)."""
    named = [
        word
        for word in item.description.split()
        if not word.isdigit() and fold(word) not in NUMBER_WORDS
    ]
    first = fold(named[0])[:5] if named else ""
    return [position for position, word in enumerate(words) if first and word.startswith(first)]


def _named_in(words: list[str], item: AidItemProposal) -> bool:
    return bool(_item_positions(words, item))


def _count_before(words: list[str], item: AidItemProposal) -> int | None:
    """The number written right before the item's word in these words, if any."""
    for position in _item_positions(words, item):
        if position > 0 and words[position - 1].isdigit():
            return int(words[position - 1])
        if position > 0 and words[position - 1] in NUMBER_WORDS:
            return NUMBER_WORDS[words[position - 1]]
    return None


# The abbreviations of US states and Canadian provinces in the press (AP style), where they
# are words of their own: "Brandon, Man." is in Canada, "Burlington, Vt." in the United States.
_ABBREVIATED_REGIONS = {
    **dict.fromkeys(("Alta", "Man", "Ont", "Que", "Sask", "B.C", "N.S", "N.B"), "CA"),
    **dict.fromkeys(
        (
            "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ill", "Ind", "Kan",
            "Ky", "Md", "Mass", "Mich", "Minn", "Miss", "Mont", "Neb", "Nev", "Okla", "Ore",
            "Pa", "Tenn", "Vt", "Va", "Wash", "Wis", "Wyo", "N.Y", "N.J", "N.H", "N.C", "N.M",
        ),
        "US",
    ),
}  # fmt: skip
_ABBREVIATED_REGION = re.compile(
    r",\s*(" + "|".join(re.escape(name) for name in _ABBREVIATED_REGIONS) + r")\.(?!\w)"
)


def text_name(written: str, hromada: HromadaInfo) -> str:
    """The hromada as the text names it, in the nominative: «Умані» is Умань, «Червонограда»
    Червоноград (a former name), «Березанської» the Березанська громада, "Lviv's" Lviv."""
    bare = nominative(written) if written.isascii() else written
    folded = fold(bare)
    latin = folded.isascii()
    centre = fold(hromada.center_uk or "")
    if not latin and centre and _alternated(centre, folded) == len(centre) >= len(folded) - 3:
        # «Харкову», «Львова»: the centre's whole name with its last vowel alternated, before
        # a Russian spelling («Харков») that shares more letters.
        return hromada.center_uk or bare
    best, shared = bare, 0
    for name in hromada.names:
        if name.isascii() != latin:
            continue
        common = _shared_prefix(fold(name), folded)
        if common > shared:
            best, shared = name, common
    # An inflection changes at most the last three letters of a name (Харкова, Києва, Умані).
    if shared >= max(2, len(folded) - 3):
        return best
    return nominative(written)


# «Харків» — «Харкову», «Львів» — «Львова»: the vowel of a name's last syllable alternates.
_ALTERNATING = str.maketrans("іо", "оо")


def _alternated(name: str, written: str) -> int:
    """How many letters a name and a word share from their start, і and о alike."""
    return _shared_prefix(name.translate(_ALTERNATING), written.translate(_ALTERNATING))


def _shared_prefix(first: str, second: str) -> int:
    """How many letters two words share from their start."""
    count = 0
    for one, other in zip(first, second, strict=False):
        if one != other:
            break
        count += 1
    return count


def _ukraine_after(view: SentenceView, last: int) -> bool:
    """Whether ", Ukraine" or "(Ukraine)" follows the name ending at token `last`."""
    after = view.text[view.sentence.tokens[last].end :].lstrip(" ,(")
    return after.startswith(("Ukraine", "Україна"))


def _mayor_before(words: list[str], position: int) -> bool:
    """«мер Івано-Франківська»: a mayor's town is a city, not the oblast of its name."""
    return position > 0 and starts(words[position - 1], ("мер", "мера", "мером", "mayor"))


def _names_home(view: SentenceView) -> bool:
    """Whether the sentence names Ukraine itself («в Україну», "Ukraine received")."""
    return any(word in _HOME_WORDS for word in view.words) or any(
        mention.ids(NameKind.COUNTRY) == ("UA",) for mention in view.mentions
    )


_HOME_WORDS = frozenset({"україна", "україни", "україні", "україну", "україною", "ukraine"})


def _names_period(text: str, date: DateMention) -> bool:
    """Whether a year is the period a report covers: «Протягом 2023 року», «за 2023 рік»,
    "during 2023", "throughout 2023"."""
    before = fold(text[max(0, date.start - 12) : date.start]).split()
    return bool(before) and before[-1] in _PERIOD_WORDS


_PERIOD_WORDS = frozenset({"протягом", "за", "впродовж", "during", "throughout"})


def _oblast_named(view: SentenceView, last: int) -> bool:
    following = view.words[last + 1] if last + 1 < len(view.words) else ""
    return starts(following, OBLAST_NOUNS)


def _document_side(sentences: list[_Sentence]) -> Side | None:
    """The hromada the document is about: the one it names most often, as an actor or as the
    place where things happen («В Умані з'явилося ще одне місто-побратим»)."""
    counts: Counter[str] = Counter()
    first: dict[str, Side] = {}
    for sentence in sentences:
        for side in (*sentence.sides, *sentence.venues):
            if side.code is not None:
                counts[side.code] += 1
                if side.code not in first or first[side.code].written.isupper():
                    first[side.code] = side
    if not counts:
        return None
    code, _count = counts.most_common(1)[0]
    return replace(first[code], explicit=False)


def _topic_side(sentences: list[_Sentence], number: int) -> Side | None:
    """The one hromada the sentence before names, in the same paragraph: "... with the mayor
    of Mykolaiv. ... Hannover has sent 10 vehicles to the war ravaged city" sends them to
    Mykolaiv, whatever hromada the document is about."""
    if number == 0:
        return None
    before = sentences[number - 1]
    if before.view.sentence.paragraph != sentences[number].view.sentence.paragraph:
        return None
    codes = {side.code for side in before.sides}
    return before.sides[0] if len(codes) == 1 else None


def _signing_days_told_after(
    facts: list[tuple[int, Proposal]], sentences: list[_Sentence], reference: PartialDate | None
) -> list[tuple[int, Proposal]]:
    """Give a signing told with no date the day the next sentence tells of a signing.

    «... уклали угоду про партнерство. Урочиста церемонія підписання відбулася сьогодні»,
    "... have signed a partnership agreement. The document was signed today": a sentence that
    follows a signing in the same paragraph, tells of a signing and names no other deal and no
    other town abroad tells of the same signing, so its date is the agreement's. A planned
    signing takes the day a following plan gives («Підписати документ планують наступного
    місяця»).
    """
    stating = {number for number, _fact in facts}
    result: list[tuple[int, Proposal]] = []
    for number, fact in facts:
        if (
            isinstance(fact, AgreementProposal)
            and not any(item.role == "date" for item in fact.evidence)  # none or the context's
            and (
                (
                    fact.status is AgreementStatus.ACTIVE
                    and any(
                        item.role == "status" and item.value == "signed" for item in fact.evidence
                    )
                )
                or fact.status is AgreementStatus.PLANNED
            )
            and number + 1 < len(sentences)
            and number + 1 not in stating
        ):
            day = _signing_day(sentences[number + 1], sentences[number], fact, reference)
            if day is not None:
                fact = replace(
                    fact,
                    date=day[0],
                    evidence=(*fact.evidence, Evidence("date", day[1], day[0].isoformat())),
                )
        result.append((number, fact))
    return result


def _signing_day(
    following: _Sentence,
    sentence: _Sentence,
    fact: AgreementProposal,
    reference: PartialDate | None,
) -> tuple[PartialDate, str] | None:
    """The day `following` gives to the signing `sentence` told of, if it tells of it."""
    view = following.view
    if view.sentence.paragraph != sentence.view.sentence.paragraph:
        return None
    planned = fact.status is AgreementStatus.PLANNED
    wanted = StatusCue.PLANNED if planned else StatusCue.SIGNED
    signings = [
        status.position
        for status in status_words(view, set())
        if status.cue is wanted and not status.negated
    ]
    others = [
        town
        for town in view.towns
        if town.hromada is None
        and not _same_town(town.name, fact.partner)
        and town.country not in (None, "UA")
        and not town.venue
    ]
    events = [date for date in following.dates if date.role is DateRole.EVENT]
    if not signings or others or not events:
        return None
    anchor = view.char_position(signings[0])
    chosen = min(events, key=lambda date: abs(date.start - anchor))
    resolved = chosen.resolve(following.context_year, reference, future=planned)
    return None if resolved is None else (resolved, chosen.text)


def _remember_pair(sentence: _Sentence, context: AgreementContext) -> None:
    """A sentence naming one hromada and one foreign town pairs them for later «сторони»."""
    foreign = [town for town in sentence.view.towns if town.hromada is None and not town.venue]
    if len(sentence.sides) == 1 and len(foreign) == 1:
        context.last_pair = Pair(sentence.sides[0], foreign[0])


def _other_recipient(sentence: _Sentence, first: _Sentence) -> bool:
    codes = {side.code for side in sentence.sides}
    return (
        bool(codes)
        and delivery_word(sentence.view) is not None
        and not (codes & {side.code for side in first.sides})
    )


def _after_from(view: SentenceView, side: Side) -> bool:
    position = next(
        (mention.first for mention in view.mentions if mention.written == side.written), None
    )
    return position is not None and position > 0 and view.words[position - 1] in _FROM_WORDS


_REGIONAL_WORDS = ("район", "област", "обласн", "raion", "district", "oblast", "region")


def _carrier(view: SentenceView, town: Town) -> bool:
    """Whether the goods only passed through the town: "delivered a generator to Sambir
    through its sister city of Oświęcim", «передало через місто-партнера Люблін»."""
    words = view.words[max(0, town.first - 5) : town.first]
    if not any(word in _THROUGH for word in words):
        return False
    start = town.first - len(words) + max(i for i, word in enumerate(words) if word in _THROUGH)
    return not any(start < other.first < town.first for other in view.towns)


_THROUGH = frozenset({"through", "via", "через"})


def _unique(values: object) -> list[str]:
    return list(dict.fromkeys(values))  # type: ignore[call-overload]


def _merged(facts: list[Proposal]) -> list[Proposal]:
    """One proposal per fact: the same agreement stated twice keeps its most precise date.

    «Договір про дружбу та співробітництво ... підписано» and, later, «Церемонія підписання
    договору відбулася 4 листопада»: the bare «договору» is the document named before, so
    its date goes to it. A delivery told again in part ("Additionally, we received three
    ambulances") is the delivery already proposed.
    """
    merged: list[Proposal] = []
    by_key: dict[tuple[object, ...], int] = {}
    by_pair: dict[tuple[object, ...], int] = {}
    absorbed: set[int] = set()  # summaries of a delivery told in detail later
    for fact in facts:
        if isinstance(fact, AidProposal):
            summaries = [
                i for i, known in enumerate(merged) if i not in absorbed and _sums_up(known, fact)
            ]
            if summaries:
                # A headline's «отримала гуманітарну допомогу від польського Фонду» is the
                # delivery the text then details: one delivery, with the details.
                dates = [item.date for item in (fact, *(merged[i] for i in summaries))]
                date = next((date for date in dates if date is not None), None)
                merged[summaries[0]] = replace(fact, date=date)
                absorbed.update(summaries[1:])
                continue
            earlier = next((i for i, known in enumerate(merged) if _part_of(fact, known)), None)
            told_in_part = next(
                (
                    i
                    for i, known in enumerate(merged)
                    if isinstance(known, AidProposal)
                    and i not in absorbed
                    and (_part_of(known, fact) or _told_without_counts(known, fact))
                ),
                None,
            )
            if earlier is None and told_in_part is not None:
                # A headline's «надійшли генератори», then the delivery in full: one delivery.
                merged[told_in_part] = fact
                continue
            if earlier is None:
                merged.append(fact)
                continue
            known_aid = merged[earlier]
            if isinstance(known_aid, AidProposal) and known_aid.date is None:
                # "Today, Kyiv received ... buses": the day the delivery was told of.
                merged[earlier] = replace(known_aid, date=fact.date)
            continue
        partner = fact.partner_place or fact.partner.casefold()
        key: tuple[object, ...] = (fact.hromada, partner, fact.kind, fact.status)
        pair = (fact.hromada, partner, fact.status)
        if key not in by_key and _bare_document(fact) and pair in by_pair:
            key = _key_of(merged[by_pair[pair]])
        if key not in by_key:
            by_key[key] = len(merged)
            if not _bare_document(fact):
                by_pair.setdefault(pair, len(merged))
            merged.append(fact)
            continue
        known = merged[by_key[key]]
        assert isinstance(known, AgreementProposal)  # noqa: S101 - only agreements are keyed
        best = _better(known, fact)
        merged[by_key[key]] = replace(best, kind=known.kind) if _bare_document(fact) else best
    kept = [fact for number, fact in enumerate(merged) if number not in absorbed]
    kept = _memoranda_into_twinnings(_memoranda_over_agreements(_bare_into_named(kept)))
    kept = _passing_twins_into_agreements(kept)
    return [fact for fact in kept if not _made_by_document(fact, kept)]


def _headline_line(body: str) -> str | None:
    """The document's first line when it reads as a headline: no sentence ends on it."""
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    if not first or first.endswith((".", "!", "?", "…", ":", ";")) or first == body.strip():
        return None
    return " ".join(first.split())


def _told_in_body(facts: list[Proposal], headline: str | None) -> list[Proposal]:
    """Leave out a headline's fact that the article's own sentences state again.

    A headline sums up («Жовква і польська Мроча стануть містами-партнерами», "Kyiv receives
    generators from Odense"); the body says what was signed or delivered, when and how much.
    When the body proposes a fact of the same hromada and partner (or donor), the headline's
    loose reading of it is that same fact told again, not another one. A headline that names
    the document («Договір про дружбу та співробітництво ... підписано») stays, to be merged
    with the body's bare «договору».
    """
    if headline is None:
        return facts

    def from_headline(fact: Proposal) -> bool:
        if isinstance(fact, AgreementProposal) and _names_document(fact):
            return False
        return " ".join(fact.quote.split()) == headline

    body = [fact for fact in facts if not from_headline(fact)]
    kept: list[Proposal] = []
    for fact in facts:
        if from_headline(fact) and any(_same_subject(fact, other) for other in body):
            continue
        kept.append(fact)
    return kept


def _names_document(fact: AgreementProposal) -> bool:
    """Whether the words that gave the fact its kind name a document, not only a tie: not
    a bare «угоду», "agreement", which names none."""
    words = fold(" ".join(item.words for item in fact.evidence if item.role == "kind"))
    if len(words.split()) == 1 and starts(words, BARE_HEADS):
        return False
    return any(fold(stem) in words for stem, _kind in AGREEMENT_HEADS)


def _same_subject(fact: Proposal, other: Proposal) -> bool:
    """Whether two facts speak of the same hromada and the same partner or donor."""
    if fact.hromada != other.hromada:
        return False
    if isinstance(fact, AgreementProposal) and isinstance(other, AgreementProposal):
        return _same_town(fact.partner, other.partner)
    if isinstance(fact, AidProposal) and isinstance(other, AidProposal):
        # The same delivery: the same donor town or organisation, and no goods the body's
        # account leaves out (a headline's other delivery from the same country stays).
        goods = {item.category for item in fact.items}
        return (
            bool(goods)
            and goods <= {item.category for item in other.items}
            and bool(
                set(fact.donor_cities) & set(other.donor_cities)
                or set(fact.donor_organisations) & set(other.donor_organisations)
            )
        )
    return False


def _bare_into_named(facts: list[Proposal]) -> list[Proposal]:
    """A lone «Угода», "agreement" (a headline's) before the sentence that names the document
    («угоди про співпрацю»), with the same town and status: that document, once."""
    return _one_document(
        facts,
        named_loosely=_bare_document,
        names_it=lambda other, _fact: not _bare_document(other),
    )


def _memoranda_over_agreements(facts: list[Proposal]) -> list[Proposal]:
    """One document a text calls "a partnership agreement" in one sentence and "a memorandum
    of cooperation" in another, with the same town and status: the memorandum, which names
    it more precisely, with the better date of the two."""
    return _one_document(
        facts,
        named_loosely=lambda fact: fact.kind is AgreementKind.COOPERATION_AGREEMENT,
        names_it=lambda other, fact: (
            other.kind is AgreementKind.MEMORANDUM
            and other.quote != fact.quote
            and (other.date is None or fact.date is None or other.date == fact.date)
        ),
    )


def _memoranda_into_twinnings(facts: list[Proposal]) -> list[Proposal]:
    """A memorandum the text then calls "this twinning agreement" («ця угода про
    побратимство»), with the same town and status: one twinning document, dated as the
    memorandum. A twinning stated as a tie («є містами-побратимами з 2002 року») names no
    document and stays a fact of its own."""
    return _one_document(
        facts,
        named_loosely=lambda fact: fact.kind is AgreementKind.MEMORANDUM,
        names_it=lambda other, fact: (
            other.kind is AgreementKind.TWINNING
            and other.quote != fact.quote
            and _this_document(other)
        ),
    )


def _passing_twins_into_agreements(facts: list[Proposal]) -> list[Proposal]:
    """A town called the hromada's twin in passing («делегація міста-побратима Вупперталь»,
    undated, no document named) where the text names the cooperation agreement the two
    signed: that agreement, once."""
    return _one_document(
        facts,
        named_loosely=lambda fact: (
            fact.kind is AgreementKind.TWINNING and fact.date is None and not _names_document(fact)
        ),
        names_it=lambda other, fact: (
            other.kind is AgreementKind.COOPERATION_AGREEMENT and other.quote != fact.quote
        ),
    )


def _this_document(fact: AgreementProposal) -> bool:
    """Whether the fact's kind words name a document pointed at as already named: "This
    twinning agreement", «Ця угода про побратимство»."""
    words = next((item.words for item in fact.evidence if item.role == "kind"), "")
    if not words or not any(stem in fold(words) for stem in DOCUMENT_WORDS):
        return False
    pointed = re.compile(r"\b(?:this|that|the|цей|ця|цю|цього|цієї|даний|дана|дану)\s+$", re.I)
    at = fact.quote.find(words)
    return at > 0 and pointed.search(fact.quote[:at]) is not None


def _one_document(
    facts: list[Proposal],
    *,
    named_loosely: Callable[[AgreementProposal], bool],
    names_it: Callable[[AgreementProposal, AgreementProposal], bool],
) -> list[Proposal]:
    """Fold each agreement the text names loosely into the one that names the same document
    more precisely (same hromada, town and status): the precise one keeps its kind and takes
    the better date, quote and details of the two."""
    result = list(facts)
    dropped: set[int] = set()
    for number, fact in enumerate(facts):
        if not (isinstance(fact, AgreementProposal) and named_loosely(fact)):
            continue
        for index, other in enumerate(result):
            if (
                index != number
                and index not in dropped
                and isinstance(other, AgreementProposal)
                and other.hromada == fact.hromada
                and other.status is fact.status
                and _same_town(other.partner, fact.partner)
                and names_it(other, fact)
            ):
                result[index] = replace(_better(other, fact), kind=other.kind)
                dropped.add(number)
                break
    return [fact for number, fact in enumerate(result) if number not in dropped]


def _made_by_document(fact: Proposal, facts: list[Proposal]) -> bool:
    """Whether a tie said to begin («Міста ... стали містами-побратимами») is the one a
    document of the same text began (the memorandum signed with the same town)."""
    if not isinstance(fact, AgreementProposal) or not _became(fact):
        return False
    return any(
        isinstance(other, AgreementProposal)
        and other is not fact
        and not _became(other)
        and other.hromada == fact.hromada
        and other.status is fact.status
        and _same_town(other.partner, fact.partner)
        for other in facts
    )


def _became(fact: AgreementProposal) -> bool:
    kinds = [item for item in fact.evidence if item.role == "kind"]
    statuses = [item for item in fact.evidence if item.role == "status"]
    relation = bool(kinds) and ("-" in kinds[0].words or " " not in kinds[0].words)
    return (
        fact.kind is AgreementKind.TWINNING
        and relation
        and not starts(fold(kinds[0].words), BARE_HEADS)
        and bool(statuses)
        and statuses[0].value == "signed"
    )


def _same_town(first: str, second: str) -> bool:
    """«Прущ-Ґданськ» and «Прущ-Ґданський»: one town, as inflection or short form differ."""
    one, other = fold(first), fold(second)
    shared = min(len(one), len(other))
    return shared >= 4 and one[: max(4, shared - 2)] == other[: max(4, shared - 2)]


def _key_of(fact: Proposal) -> tuple[object, ...]:
    assert isinstance(fact, AgreementProposal)  # noqa: S101 - only agreements are keyed
    return (fact.hromada, fact.partner_place or fact.partner.casefold(), fact.kind, fact.status)


def _bare_document(fact: AgreementProposal) -> bool:
    """Whether the kind was a lone «договір», "agreement": a document named before."""
    kind_words = [evidence.words for evidence in fact.evidence if evidence.role == "kind"]
    return (
        fact.kind is AgreementKind.OTHER
        and len(kind_words) == 1
        and " " not in kind_words[0]
        and starts(fold(kind_words[0]), BARE_HEADS)
    )


def _part_of(fact: AidProposal, known: Proposal) -> bool:
    """Whether a delivery repeats part of one proposed before: same hromada and donors,
    fewer kinds of goods, all among the earlier ones, and no other date."""
    if not isinstance(known, AidProposal) or fact.hromada != known.hromada:
        return False
    categories = {item.category for item in fact.items}
    known_categories = {item.category for item in known.items}
    return (
        set(fact.donor_countries) <= set(known.donor_countries)
        and bool(categories)
        and categories < known_categories
        and (fact.date is None or known.date is None or fact.date == known.date)
    )


def _told_without_counts(known: AidProposal, fact: AidProposal) -> bool:
    """Whether an earlier delivery is this one told without its counts, money or date (a
    headline's «Вроцлав передав генератори», then «передало 4 генератори Бучі»): same
    hromada, its donors and goods among this one's."""
    return (
        known.hromada == fact.hromada
        and set(known.donor_countries) <= set(fact.donor_countries)
        and bool(known.items)
        and {item.category for item in known.items} <= {item.category for item in fact.items}
        and all(item.quantity is None for item in known.items)
        and known.amount is None
        and known.date is None
    )


_CUMULATIVE = frozenset({"total", "altogether", "загалом", "усього", "всього", "загальна"})


def _sums_up(summary: Proposal, fact: AidProposal) -> bool:
    """Whether an earlier delivery named only as aid in general is this one told in detail:
    same hromada, its donors among this one's, no goods of its own and no other date."""
    if not isinstance(summary, AidProposal) or summary.hromada != fact.hromada:
        return False
    general = {item.category for item in summary.items} <= {AidCategory.HUMANITARIAN_OTHER}
    detailed = {item.category for item in fact.items} - {AidCategory.HUMANITARIAN_OTHER}
    # "In total, Hamburg has transferred six buses": a sum of deliveries, not this one.
    cumulative = any(word in _CUMULATIVE for word in fold(fact.quote).replace(",", " ").split())
    return (
        general
        and bool(detailed)
        and not cumulative
        and summary.amount is None
        and set(summary.donor_countries) <= set(fact.donor_countries)
        and (summary.date is None or fact.date is None or summary.date == fact.date)
    )


def _better(first: AgreementProposal, second: AgreementProposal) -> AgreementProposal:
    def strength(proposal: AgreementProposal) -> tuple[int, int, int]:
        # The most precise date, then the most decided parts, then the fuller sentence (a
        # headline says less than the sentence it sums up).
        precision = 0 if proposal.date is None else len(proposal.date.isoformat())
        decided = sum(1 for evidence in proposal.evidence if evidence.words)
        return precision, decided, len(proposal.quote)

    best, other = (second, first) if strength(second) > strength(first) else (first, second)
    return replace(
        best,
        extended=best.extended or other.extended,
        valid_until=best.valid_until or other.valid_until,
        term_years=best.term_years or other.term_years,
        partner_region=best.partner_region or other.partner_region,
        partner_country=best.partner_country or other.partner_country,
        areas=tuple(dict.fromkeys((*best.areas, *other.areas))),
    )


def _names_a_person(written: str) -> bool:
    """Whether a one-word name the text writes is a person's name the dictionary knows."""
    return " " not in written and (is_first_name(written) or is_person_name(written))
