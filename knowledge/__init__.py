"""The knowledge base of hromadas' international partnerships; it never imports `bot`.

Its packages are layers, each importing only those before it (tests/test_layering.py):
facts, text, store, places, render, then qa, admin and interchange side by side, and extraction.
"""
