"""Inline keyboards; labels are translated, data are the typed callbacks of bot.callbacks."""
