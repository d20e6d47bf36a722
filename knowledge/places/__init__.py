"""Place and country names turned into records. Layers from `render` up may import it."""
