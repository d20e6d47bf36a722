"""Pobratym on Telegram, and the command line that runs it."""
