"""Ukrainian translations of running the bot: run, webhook and the local chat in the terminal."""

UKRAINIAN: dict[str, str | tuple[str, str, str]] = {
    "(the bot changed its message)": "(бот змінив своє повідомлення)",
    "A local chat with the bot: type a question, or /start to begin.\n"
    "A number presses a button, '@ question' asks inline, /lang uk|en sets your Telegram "
    "language, /quit or Ctrl-D leaves.": (
        "Локальний чат із ботом: напишіть запитання або /start, щоб почати.\n"
        "Число натискає кнопку, «@ запитання» питає у вбудованому режимі, /lang uk|en задає "
        "вашу мову Telegram, /quit або Ctrl-D — вихід."
    ),
    "BOT_TOKEN is not set, so the bot cannot connect to Telegram.\n"
    "To get a token, message @BotFather on Telegram, send /newbot and follow the steps, then "
    "put BOT_TOKEN=<token> in a .env file here or in the environment.\n"
    "Without a token you can talk to the bot in this terminal: python -m bot chat (or make run "
    "in a terminal), and ask the knowledge base: python -m bot kb stats": (
        "BOT_TOKEN не задано, тож бот не може під’єднатися до Telegram.\n"
        "Щоб отримати токен, напишіть @BotFather у Telegram, надішліть /newbot і виконайте "
        "кроки, а тоді додайте BOT_TOKEN=<токен> у файл .env у цій теці або в змінні "
        "середовища.\n"
        "Без токена з ботом можна поговорити в цьому терміналі: python -m bot chat (або make "
        "run у терміналі), а базу знань переглянути так: python -m bot kb stats"
    ),
    "Bye.": "До побачення.",
    "Document saved to {path}": "Документ збережено: {path}",
    "Inline results (a number shares one in a chat):": (
        "Результати вбудованого режиму (число — поділитися ним у чаті):"
    ),
    "Location: {latitude:.5f}, {longitude:.5f}": "Розташування: {latitude:.5f}, {longitude:.5f}",
    "No inline results.": "Вбудований режим нічого не знайшов.",
    "Open in a browser: {url}": "Відкрийте в браузері: {url}",
    "Preparing the knowledge base…": "Готую базу знань…",
    "Telegram refused the bot: {error}": "Telegram не прийняв бота: {error}",
    "Telegram refused {method}: {description}": "Telegram відхилив {method}: {description}",
    "That message has no such button any more.": "У цьому повідомленні вже немає такої кнопки.",
    "There is no button {number}.": "Кнопки {number} немає.",
    "Use /lang uk or /lang en.": "Напишіть /lang uk або /lang en.",
    "WEBHOOK_BASE_URL is not set: the address where Telegram reaches this server.": (
        "WEBHOOK_BASE_URL не задано: це адреса, за якою Telegram звертається до цього сервера."
    ),
    "You shared in a chat:": "Ви поділилися в чаті:",
    "Your Telegram language is now {code}.": "Ваша мова Telegram тепер {code}.",
}
