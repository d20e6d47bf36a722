"""Facts a letter, decision or news item states, proposed with evidence. Only `bot` imports it.

`Extractor(PlaceNames.from_engine(engine)).extract(read_document(data, name), today=...)`
gives an `Extraction`: the document as a source and every proposed fact, each with the quote
and the words that decided it; `compare` sets a proposal against the knowledge base.
"""

from knowledge.extraction.compare import compare
from knowledge.extraction.extractor import DocumentText, Extractor
from knowledge.extraction.names import PlaceNames
from knowledge.extraction.output import fact_json
from knowledge.extraction.proposals import (
    AgreementProposal,
    AidProposal,
    Comparison,
    Evidence,
    Extraction,
    Proposal,
    SourceProposal,
)
from knowledge.extraction.reading import UnreadableDocumentError, is_supported, read_document

__all__ = [
    "AgreementProposal",
    "AidProposal",
    "Comparison",
    "DocumentText",
    "Evidence",
    "Extraction",
    "Extractor",
    "PlaceNames",
    "Proposal",
    "SourceProposal",
    "UnreadableDocumentError",
    "compare",
    "fact_json",
    "is_supported",
    "read_document",
]
