"""Facts as values: vocabularies, dates, terms, documents, records. Any layer may import it."""
