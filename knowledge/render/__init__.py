"""Text in the reader's language: labels, phrases, cards. qa, admin, interchange import it."""
