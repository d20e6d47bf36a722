"""Records kept in a conversation come back whole: every field, whatever fields are added."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from decimal import Decimal
from enum import Enum
from itertools import count
from typing import Any

import pytest

from knowledge.extraction.codec import (
    AddedRecord,
    CardState,
    FactCard,
    ProposedDocument,
    comparison_data,
    comparison_from_data,
    proposal_data,
    proposal_from_data,
    source_data,
    source_from_data,
)
from knowledge.extraction.output import fact_json
from knowledge.extraction.proposals import (
    AgreementProposal,
    AidItemProposal,
    AidProposal,
    Comparison,
    Evidence,
    SourceProposal,
)
from knowledge.facts.dates import PartialDate
from knowledge.facts.plain import from_plain, plain
from knowledge.facts.vocabulary import AidCategory


def _sample(annotation: Any, seed: count[int]) -> Any:
    """A value of `annotation`, never None nor empty, different for each field it fills."""
    number = next(seed)
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return _sample(next(a for a in arguments if a is not type(None)), seed)
    if origin is tuple:
        if arguments[-1] is Ellipsis:
            return (_sample(arguments[0], seed), _sample(arguments[0], seed))
        return tuple(_sample(argument, seed) for argument in arguments)
    if origin is dict:
        return {f"field{number}": _sample(arguments[1], seed)}
    if annotation is Any:
        return f"any {number}"
    if annotation is PartialDate:
        return PartialDate.parse(f"{2000 + number % 25}-0{1 + number % 9}")
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        hints = typing.get_type_hints(annotation)
        values = {f.name: _sample(hints[f.name], seed) for f in dataclasses.fields(annotation)}
        return annotation(**values)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        members = list(annotation)
        return members[number % len(members)]
    if annotation is Decimal:
        return Decimal(f"{number}500.50")
    if annotation is int:
        return number + 1
    if annotation is str:
        return f"text {number}"
    raise AssertionError(f"no sample for {annotation!r}")


@pytest.mark.parametrize(
    ("kind", "write", "read"),
    [
        (AgreementProposal, proposal_data, proposal_from_data),
        (AidProposal, proposal_data, proposal_from_data),
        (SourceProposal, source_data, source_from_data),
        (Comparison, comparison_data, comparison_from_data),
    ],
)
def test_every_field_survives_a_round_trip_through_json(kind: Any, write: Any, read: Any) -> None:
    record = _sample(kind, count())
    data = json.loads(json.dumps(write(record)))
    assert read(data) == record
    for field in dataclasses.fields(kind):
        assert data[field.name] not in (None, [], {}), field.name


def test_a_nested_record_kept_as_a_list_reads_back() -> None:
    data = plain(_sample(AidProposal, count()))
    data["items"] = [[item["category"], item["description"], None] for item in data["items"]]
    data["evidence"] = [["date", "in May", "2025-05"]]
    proposal = from_plain(AidProposal, data)
    assert proposal.evidence == (Evidence("date", "in May", "2025-05"),)
    assert proposal.items[0].quantity is None


def test_a_field_missing_from_older_data_takes_its_default() -> None:
    assert from_plain(Comparison, {"record": "kharkiv-kosice"}) == Comparison("kharkiv-kosice")
    # A field without a default is still required.
    with pytest.raises(KeyError, match="words"):
        from_plain(Evidence, {"role": "date", "value": "2025-05"})


def test_money_is_written_as_plain_decimal_text() -> None:
    assert plain(Decimal("1E+3")) == "1000"
    assert plain(Decimal("12.50")) == "12.50"


def test_an_unknown_fact_is_refused() -> None:
    data = proposal_data(_sample(AidProposal, count()))
    with pytest.raises(ValueError, match="not a proposal"):
        proposal_from_data({**data, "fact": "weather"})


def test_extract_json_names_an_aids_items_fields() -> None:
    proposal = dataclasses.replace(
        _sample(AidProposal, count()),
        items=(AidItemProposal(AidCategory.MEDICINES, "ambulances", 2),),
    )
    data = fact_json(proposal, Comparison())
    assert data["items"] == [
        {"category": AidCategory.MEDICINES.value, "description": "ambulances", "quantity": 2}
    ]
    assert "evidence" not in data
    assert data["fact"] == "aid"


@pytest.mark.parametrize("state", list(CardState))
def test_a_documents_cards_survive_a_round_trip_through_json(state: CardState) -> None:
    seed = count()
    added = AddedRecord("agreement", "kharkiv-jelgava", 41) if state is CardState.ADDED else None
    expected = ProposedDocument(
        _sample(SourceProposal, seed),
        "Kharkiv and Jelgava sign a cooperation agreement",
        [
            FactCard(_sample(AgreementProposal, seed), _sample(Comparison, seed), True, state),
            FactCard(
                _sample(AidProposal, seed), Comparison(), False, state, message=17, result=added
            ),
        ],
    )

    actual = ProposedDocument.from_data(json.loads(json.dumps(expected.to_data())))

    assert actual == expected


@pytest.mark.parametrize(
    "broken",
    [
        {"title": "no source", "facts": []},
        {"source": {}, "title": "a source without its fields", "facts": []},
        {"source": "x", "title": "t", "facts": [{"state": "open"}]},
    ],
)
def test_kept_cards_of_another_form_read_as_none(broken: dict[str, Any]) -> None:
    seed = count()
    source = plain(_sample(SourceProposal, seed))
    card = FactCard(_sample(AidProposal, seed), Comparison(), True).to_data()
    unknown_state = {"source": source, "title": "t", "facts": [{**card, "state": "lost"}]}

    assert ProposedDocument.from_data(broken) is None
    assert ProposedDocument.from_data(unknown_state) is None
