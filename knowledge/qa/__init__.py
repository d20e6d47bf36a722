"""Question answering, from a question to an answer. `extraction` and `bot` import it."""
