"""Ukrainian translations of what the transport says: the notes to a user who floods the bot."""

UKRAINIAN: dict[str, str | tuple[str, str, str]] = {
    "Too many messages, please wait a few seconds.": (
        "Забагато повідомлень, зачекайте, будь ласка, кілька секунд."
    ),
    "Too many requests, please wait a few seconds.": (
        "Забагато запитів, зачекайте, будь ласка, кілька секунд."
    ),
}
