"""The knowledge base of hromadas' international partnerships: model, storage, loading."""
