"""Normalising, folding, inflecting and transliterating text. Layers from `store` up import it."""
