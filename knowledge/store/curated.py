"""The knowledge the project ships: the curated files and the reference gazetteers."""

from __future__ import annotations

import csv
from pathlib import Path

from knowledge.facts.documents import HromadaDoc, KnowledgeDocument, PlaceDoc
from knowledge.facts.vocabulary import HromadaKind
from knowledge.store.document_files import read_documents

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
CURATED_DIR = DATA_DIR / "curated"
REFERENCE_DIR = DATA_DIR / "reference"


def _optional(value: str) -> str | None:
    return value or None


def read_hromadas(path: Path = REFERENCE_DIR / "hromadas.csv") -> list[HromadaDoc]:
    """Every hromada of the official codifier, with Kyiv and Sevastopol."""
    with path.open(encoding="utf-8", newline="") as file:
        return [
            HromadaDoc(
                code=row["code"],
                name_uk=row["name_uk"],
                name_en=row["name_en"],
                kind=HromadaKind(row["kind"]) if row["kind"] else None,
                oblast_code=_optional(row["oblast_code"]),
                oblast_uk=_optional(row["oblast_uk"]),
                oblast_en=_optional(row["oblast_en"]),
                raion_code=_optional(row["raion_code"]),
                raion_uk=_optional(row["raion_uk"]),
                raion_en=_optional(row["raion_en"]),
                center_uk=_optional(row["center_uk"]),
                center_en=_optional(row["center_en"]),
                latitude=float(row["latitude"]) if row["latitude"] else None,
                longitude=float(row["longitude"]) if row["longitude"] else None,
                population=int(row["population_2022"]) if row["population_2022"] else None,
                aliases=row["aliases"].split("|") if row["aliases"] else [],
            )
            for row in csv.DictReader(file)
        ]


class GeoNamesPlace:
    """The columns of a GeoNames row that places borrow."""

    def __init__(self, latitude: float, longitude: float, cyrillic_names: list[str]) -> None:
        self.latitude = latitude
        self.longitude = longitude
        self.cyrillic_names = cyrillic_names


def read_geonames(path: Path = REFERENCE_DIR / "geonames_places.csv") -> dict[int, GeoNamesPlace]:
    """The GeoNames rows of the places the curated data names, by GeoNames id."""
    with path.open(encoding="utf-8", newline="") as file:
        return {
            int(row["geonames_id"]): GeoNamesPlace(
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                cyrillic_names=[name for name in row["cyrillic_names"].split("|") if name],
            )
            for row in csv.DictReader(file)
        }


def with_geonames(place: PlaceDoc, geonames: dict[int, GeoNamesPlace]) -> PlaceDoc:
    """The place with GeoNames coordinates and Cyrillic names where the curated file has none."""
    if place.geonames_id is None:
        return place
    found = geonames.get(place.geonames_id)
    if found is None:
        raise KeyError(f"GeoNames id {place.geonames_id} of {place.key} is not in the reference")
    known = {place.name.uk, place.name.en, place.name_local, *place.aliases}
    extra = [name for name in found.cyrillic_names if name not in known]
    return place.model_copy(
        update={
            "latitude": place.latitude if place.latitude is not None else found.latitude,
            "longitude": place.longitude if place.longitude is not None else found.longitude,
            "aliases": [*place.aliases, *extra],
        }
    )


def with_reference_places(document: KnowledgeDocument) -> KnowledgeDocument:
    """The document with GeoNames coordinates and Cyrillic names for each place whose GeoNames
    id the reference holds (`with_geonames`), as the first seeding stores them; the others as
    they are."""
    geonames = read_geonames()
    places = [
        with_geonames(place, geonames)
        if place.geonames_id is not None and place.geonames_id in geonames
        else place
        for place in document.places
    ]
    return document.model_copy(update={"places": places})


def curated_document() -> KnowledgeDocument:
    """The shipped knowledge base: all hromadas, then the curated facts with their places."""
    curated = read_documents(CURATED_DIR)
    geonames = read_geonames()
    return KnowledgeDocument(hromadas=read_hromadas()).merged_with(
        curated.model_copy(
            update={"places": [with_geonames(place, geonames) for place in curated.places]}
        )
    )
