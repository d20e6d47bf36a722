"""Middlewares: a database session per update, and the language of each update."""
