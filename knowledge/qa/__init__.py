"""Question answering, from a question to an answer. Only `bot` imports it."""
