"""Filters: when a group message is meant for the bot."""
