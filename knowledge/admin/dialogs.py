"""Every editing dialog as one table of steps: the guided dialogs that add a record (one
question after another), the title of a new source made from a link, and /edit (the admin
picks the field of a stored record to change).

Each step names the answer it gives, asks its question (a message id, translated by the
caller), reads what the admin typed (raising `FormError` with what was wrong) and may offer
buttons. A step with a condition is asked only when the answers so far call for it; an
optional one may be skipped; Back returns to the question asked before. Adding a field to a
dialog, or an editable field to a record kind, is adding a row here (an editable field's label
is in `fields.EDITABLE_FIELDS`); `bot` walks every dialog of a kind the same way.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin import forms
from knowledge.admin.editing import AgreementRefusedError, check_agreement
from knowledge.admin.editing_state import Document, Extra
from knowledge.admin.fields import EDITABLE_FIELDS, FIELDS
from knowledge.facts.dates import PartialDate
from knowledge.facts.documents import (
    NAME_LENGTH,
    TEXT_LENGTH,
    TITLE_LENGTH,
    URL_LENGTH,
    AgreementDoc,
    AidDoc,
    PlaceDoc,
    SourceDoc,
)
from knowledge.facts.messages import N_, Name, too_long
from knowledge.facts.plain import from_plain
from knowledge.facts.plausibility import entry_context, entry_day, term_ended
from knowledge.facts.vocabulary import (
    AgreementKind,
    AgreementStatus,
    AidCategory,
    CooperationArea,
    Entity,
)
from knowledge.places.lookup import HromadaChoice, find_hromadas, find_places
from knowledge.places.partners import own_partner_problem
from knowledge.render.labels import (
    AID_CATEGORIES,
    COOPERATION_AREAS,
    agreement_kind_label,
    agreement_status_label,
)
from knowledge.render.translations import translation
from knowledge.text.transliteration import transliterate

Answers = Mapping[str, Any]
# What an optional step reads when the admin skips it, as if typed.
SKIPPED = "-"
Gettext = Callable[[str], str]
Draft = TypeVar("Draft")


@dataclass(frozen=True)
class Several:
    """What a reader returns when one answer fills several fields (a date and a term): the
    fields by their steps' names, with their JSON values."""

    fields: Mapping[str, Any]


@dataclass(frozen=True)
class Candidates:
    """The typed answer fits several records: `question` (a message id) asks which, and each
    option is a button's label with the value pressing it gives."""

    question: str
    options: list[tuple[str, Any]]


@dataclass
class StepInput:
    """What a reader may use: the database, the answers so far; `remarks` (message ids) are
    said to the admin once the answer is taken."""

    session: AsyncSession
    answers: Answers
    remarks: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StepAnswer:
    """A step's answer as its reader read it, and the remarks (message ids) to say once it is
    taken."""

    value: Any
    remarks: list[str]


Reader = Callable[[str, StepInput], Awaitable[Any]]
Options = Callable[[str], list[tuple[str, Any]]]
# How a new record's answers become it and the records it brings along.
Finish = Callable[[AsyncSession, Answers], Awaitable[tuple[Document, Extra]]]


def _always(answers: Answers) -> bool:
    return True


# The steps whose answers may be longer than a name: the bound of the field each fills.
_STEP_LIMITS = {
    "notes": TEXT_LENGTH,
    "title": TITLE_LENGTH,
    "url": URL_LENGTH,
    # An existing source's key, a new source's title, or a link to it.
    "source": URL_LENGTH,
}
# The steps whose answer may name a new place, whose Latin name is derived from it.
_PLACE_NAME_STEPS = frozenset({"place", "name_uk", "donor_city"})
# The field a step fills, where its name is not the field's own.
_STEP_FIELDS = {"new_place": "country"}


def _field_name(step: str) -> Name:
    """The step's field as the admin knows it, in both languages."""
    label = FIELDS.get(_STEP_FIELDS.get(step, step), FIELDS["name"])
    return Name(label, translation("uk").gettext(label))


def typed_title(text: str) -> str:
    """A new source's title as the admin typed it, trimmed: FormError("text") for nothing or
    "-", FormError("title") with a too-long reason over TITLE_LENGTH characters (what the
    record holds, so it is said now rather than refused at Confirm)."""
    title = forms.required_text(text)
    if len(title) > TITLE_LENGTH:
        raise forms.FormError(
            "title", title, too_long(_field_name("title"), TITLE_LENGTH, len(title))
        )
    return title


async def _title(text: str, reading: StepInput) -> Any:
    return typed_title(text)


@dataclass(frozen=True)
class Step:
    """One question: the answer's name, the question (a message id, or one chosen by the
    answers so far), how a typed answer is read, the buttons offered (label and value, in a
    language), when it is asked at all and whether it may be skipped (`optional`: Skip
    answers as "-" does).

    A field of a stored record (/edit) has its path in the record (`stored`: "signed_on",
    "name.uk", "items.0.quantity": the first item's); its reader is given the record as the
    answers and gives the record's fields it changes (`Several`), and whether the list of
    cooperation areas is shown under its question (`lists_areas`)."""

    name: str
    prompt: str | Callable[[Answers], str]
    reader: Reader
    options: Options | None = None
    when: Callable[[Answers], bool] = _always
    optional: bool = False
    stored: str | None = None
    lists_areas: bool = False

    @property
    def label(self) -> str:
        """An editable field's name for the admin (a message id)."""
        return EDITABLE_FIELDS[self.name]

    async def skip(self, reading: StepInput) -> Any:
        """The answer Skip gives: what "-" reads as."""
        return await self.read(SKIPPED, reading)

    @property
    def limit(self) -> int:
        """The longest answer taken, in characters: the bound of the field it fills."""
        return _STEP_LIMITS.get(self.name, NAME_LENGTH)

    async def read(self, text: str, reading: StepInput) -> Any:
        """The typed answer read by the step; FormError when it is longer than its field
        holds (said at once, before anything else is asked) or cannot be read. A stored
        record's field is bounded by the record's own checks, at its preview."""
        typed = text.strip()
        if self.stored is not None:
            return await self.reader(typed, reading)
        if len(typed) > self.limit:
            raise forms.FormError(
                self.name, typed, too_long(_field_name(self.name), self.limit, len(typed))
            )
        if self.name in _PLACE_NAME_STEPS and not forms.is_empty(typed):
            # 200 «Щ» fit, but their transliteration (800 letters) would not: said now,
            # not at the country asked next.
            forms.refuse_place_name(typed, _STEP_FIELDS.get(self.name, self.name))
        return await self.reader(text, reading)


@dataclass(frozen=True)
class Dialog:
    """A record kind's steps, and how its answers become the record (`FormError` if they
    cannot). A dialog without `finish` makes no record of its own: /edit asks the step the
    admin picks, whose answer changes the record being edited, and a new source's title
    completes the record its dialog made."""

    entity: str
    steps: tuple[Step, ...]
    finish: Finish | None = None

    @property
    def adds(self) -> bool:
        """Whether the dialog adds a new record (walked one step after another)."""
        return self.finish is not None

    async def record(self, session: AsyncSession, answers: Answers) -> tuple[Document, Extra]:
        """The new record the answers give and the records it brings along; FormError if they
        cannot; ValueError for a dialog that adds no record."""
        if self.finish is None:
            raise ValueError(f"The dialog of {self.entity} changes a stored record")
        return await self.finish(session, answers)

    def step(self, name: str) -> Step | None:
        """The step answering `name`, None if the dialog has none such."""
        return next((step for step in self.steps if step.name == name), None)

    def next_step(self, after: int, answers: Answers) -> int | None:
        """The index of the step asked after step `after` (-1: the first), or None when
        every step is answered."""
        for index in range(after + 1, len(self.steps)):
            if self.steps[index].when(answers):
                return index
        return None


@dataclass(frozen=True)
class DialogState:
    """Where a dialog is, as kept in the conversation: the dialog, the step asked, the
    answers so far, the values of the buttons under the question and the steps asked before
    it, each with the answers given before it (for Back), oldest first.

    The answers are plain JSON data under their steps' names; a finished dialog reads them as
    its record kind's draft (`AgreementDraft`, `AidDraft`, `SourceDraft`, `PlaceDraft`)."""

    form: str
    step: int = 0
    answers: dict[str, Any] = field(default_factory=dict)
    choices: list[Any] = field(default_factory=list)
    earlier: list[tuple[int, dict[str, Any]]] = field(default_factory=list)

    KEY = "dialog"

    def to_data(self) -> dict[str, Any]:
        """The state as JSON-ready conversation data."""
        return {
            self.KEY: {
                "form": self.form,
                "step": self.step,
                "answers": self.answers,
                "choices": self.choices,
                "earlier": [[step, answers] for step, answers in self.earlier],
            }
        }

    def answered(self, answers: dict[str, Any]) -> DialogState | None:
        """The dialog at its next step once this one gave `answers`; None when every step
        is answered."""
        following = DIALOGS[self.form].next_step(self.step, answers)
        if following is None:
            return None
        return DialogState(
            self.form, following, answers, earlier=[*self.earlier, (self.step, self.answers)]
        )

    def back(self) -> DialogState | None:
        """The dialog at the step asked before this one, its answer taken back; None at the
        first step."""
        if not self.earlier:
            return None
        step, answers = self.earlier[-1]
        return DialogState(self.form, step, answers, earlier=self.earlier[:-1])

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> DialogState | None:
        """The state kept in the conversation data, None if no dialog is open there."""
        kept = data.get(cls.KEY)
        if kept is None and "step" in data:
            # A dialog opened before its steps came from this table kept them at the top, by
            # the same names: it goes on after a restart.
            kept = data
        form = kept.get("form") if isinstance(kept, dict) else None
        if not isinstance(kept, dict) or not isinstance(form, str):
            return None
        if form not in DIALOGS or not DIALOGS[form].adds:
            return None
        return cls(
            form=str(kept["form"]),
            step=int(kept.get("step", 0)),
            answers=dict(kept.get("answers") or {}),
            choices=list(kept.get("choices") or []),
            earlier=[(int(step), dict(answers)) for step, answers in kept.get("earlier") or []],
        )

    @property
    def current(self) -> Step:
        """The step being asked."""
        return DIALOGS[self.form].steps[self.step]


def prompt_text(step: Step, answers: Answers, gettext: Gettext, **filled: str) -> str:
    """The step's question in the reader's language, with the names it lists filled in and
    the values the caller knows (`filled`: an edited field's label and value, a source's
    link and guessed title)."""
    prompt = step.prompt if isinstance(step.prompt, str) else step.prompt(answers)
    return gettext(prompt).format(
        categories=", ".join(gettext(label) for label in AID_CATEGORIES.values()),
        areas=", ".join(gettext(COOPERATION_AREAS[area]) for area in CooperationArea),
        name=answers.get("place_name", ""),
        **filled,
    )


def waits_for_a_press(data: Mapping[str, Any]) -> bool:
    """Whether the dialog kept in the conversation data asks with buttons now."""
    state = DialogState.from_data(data)
    return state is not None and state.current.options is not None


def names_a_place_now(data: Mapping[str, Any]) -> bool:
    """Whether the dialog kept in the conversation data asks for a place's name now: its
    answer has letters (`place_name_problem`), so a bare number typed there ("3") can only
    mean a button of the question."""
    state = DialogState.from_data(data)
    return state is not None and state.current.name in _PLACE_NAME_STEPS


# ---- readers ----


async def _text(text: str, reading: StepInput) -> Any:
    return forms.required_text(text)


async def _optional_text(text: str, reading: StepInput) -> Any:
    return None if forms.is_empty(text) else text.strip()


async def _date(text: str, reading: StepInput) -> Any:
    return None if forms.is_empty(text) else forms.parse_date(text).isoformat()


async def _country(text: str, reading: StepInput) -> Any:
    return forms.parse_country(text)


async def _hromada(text: str, reading: StepInput) -> Any:
    return (await forms.resolve_hromada(reading.session, text)).code


async def _hromada_choice(text: str, reading: StepInput) -> Any:
    """A hromada by name or code; same-named ones are offered as buttons."""
    found = await find_hromadas(reading.session, text)
    if len(found) == 1:
        return found[0].code
    if not found:
        raise forms.FormError("hromada", text)
    options = [(f"{hromada.label_uk()} / {hromada.code}", hromada.code) for hromada in found]
    return Candidates(N_("Several hromadas match. Which one?"), options)


async def _place_choice(text: str, reading: StepInput) -> Any:
    """A stored place; several are offered as buttons, an unknown name is added (its country
    is asked next)."""
    name = text.strip()
    places = await find_places(reading.session, name)
    if len(places) == 1:
        return places[0]
    if places:
        return Candidates(N_("Several places match. Which one?"), [(key, key) for key in places])
    return Several({"place_name": name})


async def _new_place_country(text: str, reading: StepInput) -> Any:
    country = forms.parse_country(text)
    taken = await forms.taken_keys(reading.session, Entity.PLACE)
    place = forms.new_place(reading.answers["place_name"], country, taken)
    return Several({"new_place": place.model_dump(mode="json"), "place": place.key})


async def _donor_city(text: str, reading: StepInput) -> Any:
    """The city that sent the aid, in the donor's country: a stored place (several offered
    as buttons), or a new one, added with the record; "-" when the country itself did."""
    if forms.is_empty(text):
        return None
    name = text.strip()
    country = reading.answers["country"]
    places = await find_places(reading.session, name, country)
    if len(places) == 1:
        return places[0]
    if places:
        return Candidates(N_("Several places match. Which one?"), [(key, key) for key in places])
    place = forms.new_place(name, country, await forms.taken_keys(reading.session, Entity.PLACE))
    return Several({"donor_city": place.key, "new_donor_city": place.model_dump(mode="json")})


async def _kind(text: str, reading: StepInput) -> Any:
    return forms.parse_kind(text).value


async def _status(text: str, reading: StepInput) -> Any:
    return forms.parse_status(text).value


async def _until(text: str, reading: StepInput) -> Any:
    return Several(forms.parse_until(text))


async def _areas(text: str, reading: StepInput) -> Any:
    return [area.value for area in forms.parse_areas(text)]


async def _notes(text: str, reading: StepInput) -> Any:
    """Notes in the language they were typed in; the other language is asked next."""
    typed = text.strip()
    return None if forms.is_empty(typed) else {forms.text_language(typed): typed}


async def _notes_other(text: str, reading: StepInput) -> Any:
    """The notes in the other language; without them the notes keep the one language given,
    shown only to residents who read it."""
    typed = text.strip()
    given: dict[str, str] = dict(reading.answers["notes"])
    if forms.is_empty(typed):
        reading.remarks.append(
            N_("The notes stay in Ukrainian only: residents who read English will not see them.")
            if "uk" in given
            else N_(
                "The notes stay in English only: residents who read Ukrainian will not see them."
            )
        )
        return given
    return {**given, "en" if "uk" in given else "uk": typed}


def _notes_other_prompt(answers: Answers) -> str:
    if "uk" in answers["notes"]:
        return N_(
            "The same notes in English, for residents who read English? Send - to keep them"
            " in Ukrainian only."
        )
    return N_(
        "The same notes in Ukrainian, for residents who read Ukrainian? Send - to keep them"
        " in English only."
    )


async def _quantity(text: str, reading: StepInput) -> Any:
    return forms.parse_quantity(text)


async def _category(text: str, reading: StepInput) -> Any:
    return forms.parse_category(text).value


async def _source(text: str, reading: StepInput) -> Any:
    key, doc = await forms.source_for(reading.session, text)
    return {"key": key, "new": None if doc is None else doc.model_dump(mode="json")}


def kind_options(lang: str) -> list[tuple[str, Any]]:
    """Every kind of agreement as a button: its label in `lang` and its code."""
    translations = translation(lang)
    return [(agreement_kind_label(translations, kind), kind.value) for kind in AgreementKind]


def status_options(lang: str) -> list[tuple[str, Any]]:
    """Every status of an agreement as a button: its label in `lang` and its code."""
    translations = translation(lang)
    return [
        (agreement_status_label(translations, status), status.value) for status in AgreementStatus
    ]


async def read_answer(
    session: AsyncSession, step: Step, text: str, answers: Answers
) -> StepAnswer:
    """The typed `text` (or `SKIPPED`, for Skip) read by `step` with the database and the
    answers so far; FormError as `Step.read` raises it."""
    reading = StepInput(session, answers)
    return StepAnswer(await step.read(text, reading), reading.remarks)


# ---- from the answers to the record ----


async def new_agreement(
    session: AsyncSession, draft: AgreementDraft, hromada: HromadaChoice
) -> AgreementDoc:
    """The agreement the draft describes under a new readable key, validated as every entry
    is (FormError("agreement") if it cannot stand)."""
    key = forms.agreement_key(
        hromada,
        draft.place,
        draft.kind,
        draft.signed_on,
        await forms.taken_keys(session, Entity.AGREEMENT),
    )
    return forms.agreement_doc(
        {
            "key": key,
            "hromada": draft.hromada,
            "place": draft.place,
            "kind": draft.kind.value,
            "status": draft.status.value,
            "signed_on": _iso(draft.signed_on),
            "valid_until": _iso(draft.valid_until),
            "term_years": draft.term_years,
            "areas": [area.value for area in draft.areas],
            "notes": draft.notes,
            "sources": [{"source": draft.source.key}],
        }
    )


async def agreement_from_line(
    session: AsyncSession, parts: list[str]
) -> tuple[AgreementDoc, Extra]:
    """The agreement of the one-line form, hromada | place | country | kind | status | signed
    | source (the status may be left out), with the new place and source it brings along;
    FormError naming the part that cannot be read."""
    if len(parts) == len(forms.LINE_FIELDS) - 1:
        # Without the status: a signed agreement is in force, an unsigned one negotiated.
        signed_text = parts[4]
        status_word = "negotiation" if forms.is_empty(signed_text) else "active"
        parts = [*parts[:4], status_word, *parts[4:]]
    if len(parts) != len(forms.LINE_FIELDS) or not all(parts):
        raise forms.FormError("line")
    hromada_text, place_text, country_text, kind, status, signed, source = parts
    hromada = await forms.resolve_hromada(session, hromada_text)
    country = forms.parse_country(country_text)
    own = own_partner_problem(hromada.code, place_text, country)
    if own is not None:
        raise forms.FormError("agreement", place_text, own)
    read_kind, read_status = forms.parse_kind(kind), forms.parse_status(status)
    signed_on = None if forms.is_empty(signed) else forms.parse_date(signed)
    places = await find_places(session, place_text, country)
    extra: Extra = []
    if places:
        place_key = places[0]
    else:
        taken = await forms.taken_keys(session, Entity.PLACE)
        place = forms.new_place(place_text, country, taken)
        place_key = place.key
        extra.append(("place", place.model_dump(mode="json")))
    source_key, new_source = await forms.source_for(session, source)
    if new_source is not None:
        extra.insert(0, ("source", new_source.model_dump(mode="json")))
    draft = AgreementDraft(
        hromada.code,
        place_key,
        read_kind,
        read_status,
        SourceAnswer(source_key),
        signed_on=signed_on,
    )
    doc = await new_agreement(session, draft, hromada)
    await _refused_early(session, doc, extra)
    return doc, extra


# ---- the answers of a finished dialog, typed: one shape per record kind ----


@dataclass(frozen=True)
class SourceAnswer:
    """The source step's answer: an existing source's key, or the key and the document of a
    new source made from a title or a link (saved with the record)."""

    key: str
    new: Document | None = None


@dataclass(frozen=True)
class AgreementDraft:
    """The answers of the new-agreement dialog: the hromada's KATOTTH code, the partner
    place's key (and the new place's document when the dialog added it), the kind, status,
    dates or term in years, areas, notes by language ("uk", "en") and the source."""

    hromada: str
    place: str
    kind: AgreementKind
    status: AgreementStatus
    source: SourceAnswer
    signed_on: PartialDate | None = None
    valid_until: PartialDate | None = None
    term_years: int | None = None
    areas: tuple[CooperationArea, ...] = ()
    notes: dict[str, str] | None = None
    new_place: Document | None = None


@dataclass(frozen=True)
class AidDraft:
    """The answers of the new-aid dialog: the hromada (as typed), the day received, the
    donor's country code and city (a place's key, and the new place's document when the
    dialog added it), the kind of goods, how many and the source."""

    hromada: str
    country: str
    category: AidCategory
    source: SourceAnswer
    received_on: PartialDate | None = None
    donor_city: str | None = None
    new_donor_city: Document | None = None
    quantity: int | None = None


@dataclass(frozen=True)
class SourceDraft:
    """The answers of the new-source dialog: its title, its issuer, its date and link."""

    title: str
    issuer: str
    issued_on: PartialDate | None = None
    url: str | None = None


@dataclass(frozen=True)
class PlaceDraft:
    """The answers of the new-place dialog: its name in Ukrainian, in English (None: the
    Ukrainian one transliterated) and its country's code."""

    name_uk: str
    country: str
    name_en: str | None = None


def _iso(date: PartialDate | None) -> str | None:
    return None if date is None else date.isoformat()


async def _agreement(session: AsyncSession, draft: AgreementDraft) -> tuple[Document, Extra]:
    hromada = await forms.resolve_hromada(session, draft.hromada)
    doc = await new_agreement(session, draft, hromada)
    extra: Extra = []
    if draft.source.new is not None:
        extra.append(("source", draft.source.new))
    if draft.new_place is not None:
        extra.append(("place", draft.new_place))
    await _refused_early(session, doc, extra)
    return doc.model_dump(mode="json"), extra


async def _refused_early(session: AsyncSession, doc: AgreementDoc, extra: Extra) -> None:
    """The write layer's refusal of the new agreement (`editing.check_agreement`: its own
    hromada as partner, a pair stored already), told before the preview as a FormError; the
    save checks it again."""
    place = next(
        (PlaceDoc.model_validate(data) for entity, data in extra if entity == "place"), None
    )
    try:
        await check_agreement(session, doc, new=True, place=place)
    except AgreementRefusedError as error:
        raise forms.FormError("agreement", doc.key, error.problem) from None


async def _place(session: AsyncSession, draft: PlaceDraft) -> tuple[Document, Extra]:
    english = draft.name_en or transliterate(draft.name_uk)
    taken = await forms.taken_keys(session, Entity.PLACE)
    place = forms.new_place(draft.name_uk, draft.country, taken)
    # Validated again, so that a name over its bound is refused here, not stored.
    named = PlaceDoc.model_validate(
        place.model_dump() | {"name": {"uk": draft.name_uk, "en": english}, "name_local": english}
    )
    return named.model_dump(mode="json"), []


async def _source_record(session: AsyncSession, draft: SourceDraft) -> tuple[Document, Extra]:
    key = forms.unique_key(
        f"source-{forms.slug(draft.title)}", await forms.taken_keys(session, Entity.SOURCE)
    )
    source = SourceDoc.model_validate(
        {
            "key": key,
            "kind": "news" if draft.url else "other",
            "title": {"uk": draft.title, "en": draft.title},
            "issuer": {"uk": draft.issuer, "en": draft.issuer},
            "issued_on": _iso(draft.issued_on),
            "url": draft.url,
        },
        context=entry_context(),
    )
    return source.model_dump(mode="json"), []


async def _aid(session: AsyncSession, draft: AidDraft) -> tuple[Document, Extra]:
    hromada = await forms.resolve_hromada(session, draft.hromada)
    year = "undated" if draft.received_on is None else f"{draft.received_on.year:04d}"
    key = forms.unique_key(
        f"{forms.slug(hromada.name_en)}-aid-{draft.country.lower()}-{year}",
        await forms.taken_keys(session, Entity.AID),
    )
    donor = (
        {"kind": "city", "country": draft.country, "place": draft.donor_city}
        if draft.donor_city
        else {"kind": "country", "country": draft.country}
    )
    aid = AidDoc.model_validate(
        {
            "key": key,
            "hromada": hromada.code,
            "received_on": _iso(draft.received_on),
            "donors": [donor],
            "items": [{"category": draft.category.value, "quantity": draft.quantity}],
            "sources": [{"source": draft.source.key}],
        },
        context=entry_context(),
    )
    extra: Extra = [] if draft.source.new is None else [("source", draft.source.new)]
    if draft.new_donor_city is not None:
        extra.append(("place", draft.new_donor_city))
    return aid.model_dump(mode="json"), extra


def _checked(
    kind: type[Draft], build: Callable[[AsyncSession, Draft], Awaitable[tuple[Document, Extra]]]
) -> Finish:
    """The builder of a record from its dialog's answers read as a `kind` draft
    (`from_plain`: the answers are kept as plain JSON data), its record's own checks raised
    as FormError("agreement", their text)."""

    async def finish(session: AsyncSession, answers: Answers) -> tuple[Document, Extra]:
        draft = from_plain(kind, answers)
        try:
            return await build(session, draft)
        except forms.FormError:
            raise
        except ValueError as error:
            raise forms.invalid_record(error) from None

    return finish


_SOURCE_STEP = Step(
    "source", N_("The source: the key of an existing source, or a title or link?"), _source
)

DIALOGS: dict[str, Dialog] = {
    "agreement": Dialog(
        "agreement",
        (
            Step(
                "hromada",
                N_("New agreement. Which hromada? Send its name or KATOTTH code."),
                _hromada_choice,
            ),
            Step("place", N_("The partner place? Send its name, such as Košice."), _place_choice),
            Step(
                "new_place",
                N_(
                    "I don't know “{name}” yet; it will be added. Its country (such as Литва"
                    " or LT)?"
                ),
                _new_place_country,
                when=lambda answers: "place" not in answers,
            ),
            Step("kind", N_("What kind of agreement?"), _kind, options=kind_options),
            Step("status", N_("Its status?"), _status, options=status_options),
            Step(
                "signed_on",
                N_(
                    "When was it signed? 12.03.2024, 03.2024 or 2024, as precisely as known;"
                    " - if not."
                ),
                _date,
                optional=True,
            ),
            Step(
                "valid_until",
                N_("Valid until? A date (such as 12.03.2029), a term in years (such as 5), or -."),
                _until,
                optional=True,
            ),
            Step(
                "areas",
                N_("Areas of cooperation, separated by commas, or -. The areas: {areas}"),
                _areas,
                optional=True,
            ),
            Step("notes", N_("Notes for residents, or - for none?"), _notes, optional=True),
            Step(
                "notes",
                _notes_other_prompt,
                _notes_other,
                when=lambda answers: answers.get("notes") is not None,
                optional=True,
            ),
            _SOURCE_STEP,
        ),
        _checked(AgreementDraft, _agreement),
    ),
    "place": Dialog(
        "place",
        (
            Step("name_uk", N_("New partner place. Its name in Ukrainian?"), _text),
            Step(
                "name_en",
                N_("Its name in English? - to transliterate the Ukrainian one."),
                _optional_text,
                optional=True,
            ),
            Step("country", N_("Its country (such as Словаччина or SK)?"), _country),
        ),
        _checked(PlaceDraft, _place),
    ),
    "source": Dialog(
        "source",
        (
            Step("title", N_("New source. Its title?"), _text),
            Step("issuer", N_("Who issued or published it?"), _text),
            Step(
                "issued_on",
                N_("Its date? 12.03.2024, 03.2024 or 2024, or - if unknown."),
                _date,
                optional=True,
            ),
            Step("url", N_("A link to it, or -?"), _optional_text, optional=True),
        ),
        _checked(SourceDraft, _source_record),
    ),
    "aid": Dialog(
        "aid",
        (
            Step(
                "hromada",
                N_("New aid record. Which hromada? Send its name or KATOTTH code."),
                _hromada,
            ),
            Step(
                "received_on",
                N_("When was it received? 12.03.2024, 03.2024 or 2024, or -."),
                _date,
                optional=True,
            ),
            Step("country", N_("The donor's country (such as Poland or PL)?"), _country),
            Step(
                "donor_city",
                N_("The donor city, if a city sent it (such as Kraków)? - if the country did."),
                _donor_city,
                optional=True,
            ),
            Step("category", N_("What was sent? One of: {categories}"), _category),
            Step(
                "quantity",
                N_("How many (a whole number), or - if the source does not say?"),
                _quantity,
                optional=True,
            ),
            _SOURCE_STEP,
        ),
        _checked(AidDraft, _aid),
    ),
}


# ---- the fields of a stored record, as /edit changes them ----

Stored = Mapping[str, Any]
# The record's fields replaced by a typed value (stripped), given the record as it is.
Change = Callable[[Stored, str], dict[str, Any]]
# The question of every field of a stored record; the caller fills in its label and value.
_NEW_VALUE = N_("The new value of {field}? Now: {value}")


def _changing(change: Change) -> Reader:
    """The reader of a stored record's field: the fields `change` gives for the typed value,
    given the record (the answers so far)."""

    async def read(text: str, reading: StepInput) -> Any:
        return Several(change(reading.answers, text.strip()))

    return read


def _field(
    name: str,
    stored: str,
    change: Change,
    options: Options | None = None,
    *,
    lists_areas: bool = False,
) -> Step:
    """An editable field `name` (its label in `fields.EDITABLE_FIELDS`), kept at `stored`."""
    return Step(
        name,
        _NEW_VALUE,
        _changing(change),
        options=options,
        stored=stored,
        lists_areas=lists_areas,
    )


def _set_kind(doc: Stored, value: str) -> dict[str, Any]:
    return {"kind": forms.parse_kind(value).value}


def _set_status(doc: Stored, value: str) -> dict[str, Any]:
    return {"status": forms.parse_status(value).value}


def _set_date(stored: str) -> Change:
    def change(doc: Stored, value: str) -> dict[str, Any]:
        return {stored: None if forms.is_empty(value) else forms.parse_date(value).isoformat()}

    return change


def _set_until(doc: Stored, value: str) -> dict[str, Any]:
    """The new end of the term; an agreement in force whose stated end this puts in the past
    becomes expired in the same change, as the daily expiry does (`expire_agreements`)."""
    changed = forms.parse_until(value)
    if doc.get("status") == AgreementStatus.ACTIVE.value and stated_term_ended({**doc, **changed}):
        changed["status"] = AgreementStatus.EXPIRED.value
    return changed


def stated_term_ended(doc: Stored) -> bool:
    """Whether the agreement `doc` (its JSON fields) states an end of its term, in its own
    valid_until or its extensions', that is over by the day entries are checked as of
    (`entry_day`). An extension by a number of years alone leaves the end an estimate: False.
    """
    extended = [extension.get("valid_until") for extension in doc.get("extensions") or []]
    if None in extended:
        return False
    until = doc.get("valid_until")
    return term_ended(
        None if until is None else PartialDate.parse(until),
        [PartialDate.parse(date) for date in extended],
        entry_day(),
    )


def _set_areas(doc: Stored, value: str) -> dict[str, Any]:
    return {"areas": [area.value for area in forms.parse_areas(value)]}


def _set_notes(doc: Stored, value: str) -> dict[str, Any]:
    if forms.is_empty(value):
        return {"notes": None}
    # The typed language's side changes; the other keeps its own text if it has one, and is
    # never filled with a copy.
    return {"notes": {**(doc.get("notes") or {}), forms.text_language(value): value}}


def _set_country(doc: Stored, value: str) -> dict[str, Any]:
    return {"country": forms.parse_country(value)}


def _set_donor_country(doc: Stored, value: str) -> dict[str, Any]:
    """The first donor's country (a donor is added, a country as such, if there is none)."""
    donors = [dict(donor) for donor in doc.get("donors") or []] or [{"kind": "country"}]
    donors[0]["country"] = forms.parse_country(value)
    return {"donors": donors}


def _set_first_item(name: str, read: Callable[[str], Any]) -> Change:
    """The field `name` of the first kind of goods the aid lists, as `read` reads it."""

    def change(doc: Stored, value: str) -> dict[str, Any]:
        items = [dict(item) for item in doc.get("items") or []] or [{}]
        items[0][name] = read(value)
        return {"items": items}

    return change


def _category_code(value: str) -> str:
    return forms.parse_category(value).value


def category_options(lang: str) -> list[tuple[str, Any]]:
    """Every kind of aid as a button: its label in `lang` and its code."""
    gettext = translation(lang).gettext
    return [(gettext(label), category.value) for category, label in AID_CATEGORIES.items()]


def _set_url(doc: Stored, value: str) -> dict[str, Any]:
    return {"url": None if forms.is_empty(value) else value}


def _set_required(stored: str) -> Change:
    """A text that may not be left empty, at `stored` ("name_local", or "name.uk" inside a
    bilingual field whose other language stays)."""

    def change(doc: Stored, value: str) -> dict[str, Any]:
        if forms.is_empty(value):
            raise forms.FormError("text")
        if "." not in stored:
            return {stored: value}
        outer, inner = stored.split(".")
        return {outer: {**(doc.get(outer) or {}), inner: value}}

    return change


def _text_field(name: str, stored: str) -> Step:
    return _field(name, stored, _set_required(stored))


_NOTES_FIELD = _field("notes", "notes", _set_notes)

DIALOGS |= {
    # The new source made from a link, waiting for its title; its button takes the title
    # guessed from the link.
    "source_title": Dialog(
        "source",
        (
            Step(
                "title",
                N_(
                    "The title of the source {url}? I do not open pages, so I could not read it"
                    " there. Send the title, or press the button to use: «{title}»"
                ),
                _title,
            ),
        ),
    ),
    "edit_agreement": Dialog(
        "agreement",
        (
            _field("kind", "kind", _set_kind, kind_options),
            _field("status", "status", _set_status, status_options),
            _field("signed", "signed_on", _set_date("signed_on")),
            _field("until", "valid_until", _set_until),
            _field("areas", "areas", _set_areas, lists_areas=True),
            _NOTES_FIELD,
        ),
    ),
    "edit_place": Dialog(
        "place",
        (
            _text_field("name_uk", "name.uk"),
            _text_field("name_en", "name.en"),
            _text_field("name_local", "name_local"),
            _field("country", "country", _set_country),
        ),
    ),
    "edit_source": Dialog(
        "source",
        (
            _text_field("title_uk", "title.uk"),
            _text_field("title_en", "title.en"),
            _field("url", "url", _set_url),
        ),
    ),
    # The fields the new-aid dialog asks, but the hromada and the source, which a record is
    # found by.
    "edit_aid": Dialog(
        "aid",
        (
            _field("received", "received_on", _set_date("received_on")),
            _field("donor_country", "donors.0.country", _set_donor_country),
            _field(
                "category",
                "items.0.category",
                _set_first_item("category", _category_code),
                category_options,
            ),
            _field(
                "quantity", "items.0.quantity", _set_first_item("quantity", forms.parse_quantity)
            ),
            _NOTES_FIELD,
        ),
    ),
}
# The step asking a new source's title.
SOURCE_TITLE = DIALOGS["source_title"].steps[0]


def edit_fields(entity: str) -> tuple[Step, ...]:
    """The fields /edit may change in a record of kind `entity`, in the order offered (none
    for a kind it does not edit)."""
    dialog = DIALOGS.get(f"edit_{entity}")
    return () if dialog is None else dialog.steps


def edit_step(entity: str, name: str) -> Step | None:
    """The editable field `name` of a record kind, None if it has none such."""
    dialog = DIALOGS.get(f"edit_{entity}")
    return None if dialog is None else dialog.step(name)


async def read_change(session: AsyncSession, step: Step, text: str, doc: Stored) -> dict[str, Any]:
    """The record `doc` with the field of `step` changed to the typed `text`; FormError when
    the text cannot be read."""
    changed = await step.read(text, StepInput(session, doc))
    return {**doc, **changed.fields}
