"""Question answering: understanding a question and answering it from the knowledge base."""
