"""Text in the reader's language: labels, phrases, cards. From `qa` up and `bot` import it."""
