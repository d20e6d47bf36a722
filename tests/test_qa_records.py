"""The engine keeps compact copies of the records that read like the document's own."""

import dataclasses
import gc

import pytest
from pydantic import BaseModel

from knowledge.facts.documents import AgreementDoc
from knowledge.facts.records import RECORD_OF, Compactor
from knowledge.facts.snapshot import Snapshot
from knowledge.store.curated import curated_document
from tests import factories


@pytest.mark.parametrize("document", list(RECORD_OF), ids=lambda kind: kind.__name__)
def test_every_record_has_its_document_fields_by_the_same_names(
    document: type[BaseModel],
) -> None:
    expected = list(document.model_fields)

    actual = [field.name for field in dataclasses.fields(RECORD_OF[document])]

    assert actual == expected


def test_a_compact_agreement_reads_like_the_document_with_tuples_for_lists() -> None:
    document = factories.agreement(
        extensions=[{"extended_on": "2023", "term_years": 5, "source": "test-letter"}],
        areas=["culture", "economy"],
    )

    actual = Compactor().agreement(document)

    assert actual.key == document.key
    assert actual.signed_on == document.signed_on
    assert actual.extensions[0].term_years == 5
    assert actual.extensions[0].source == "test-letter"
    assert [area.value for area in actual.areas] == ["culture", "economy"]
    assert [citation.source for citation in actual.sources] == [
        citation.source for citation in document.sources
    ]


def _same(record: object, document: object) -> bool:
    if isinstance(document, BaseModel):
        return all(
            _same(getattr(record, name), getattr(document, name))
            for name in type(document).model_fields
        )
    if isinstance(document, list):
        return isinstance(record, tuple) and all(
            _same(item, original) for item, original in zip(record, document, strict=True)
        )
    return record == document


def test_the_snapshot_holds_every_curated_record_with_the_same_values() -> None:
    document = curated_document()

    snapshot = Snapshot.from_document(document)
    aid = {item.key: item for records in snapshot.aid_by_hromada.values() for item in records}

    pairs = [
        *((snapshot.hromadas[item.code], item) for item in document.hromadas),
        *((snapshot.places[item.key], item) for item in document.places),
        *((snapshot.sources[item.key], item) for item in document.sources),
        *((snapshot.agreements[item.key], item) for item in document.agreements),
        *((aid[item.key], item) for item in document.aid),
    ]
    assert pairs
    assert all(_same(record, original) for record, original in pairs)


def test_equal_small_records_are_kept_once() -> None:
    compact = Compactor()

    first = compact.agreement(factories.agreement(key="first-agreement"))
    second = compact.agreement(factories.agreement(key="second-agreement"))

    assert first.sources[0] is second.sources[0]


def test_the_snapshot_keeps_no_document_record_alive() -> None:
    document = curated_document()
    snapshot = Snapshot.from_document(document)
    agreement_keys = {agreement.key for agreement in document.agreements}
    del document
    gc.collect()

    alive = [item for item in gc.get_objects() if isinstance(item, AgreementDoc)]

    assert set(snapshot.agreements) == agreement_keys
    assert not [item for item in alive if item.key in agreement_keys]
