"""Ukrainian translations of every message, keyed by the English message.

A plural message maps to its three Ukrainian forms: one (1, 21), few (2-4, 22-24), many (5-20).
"""

UKRAINIAN: dict[str, str | tuple[str, str, str]] = {
    "Active": "Чинна",
    "BOT_TOKEN is not set, so the bot cannot connect to Telegram.\n"
    "To get a token, message @BotFather on Telegram, send /newbot and follow the steps, then "
    "put BOT_TOKEN=<token> in a .env file here or in the environment.\n"
    "Without a token you can still ask the knowledge base from the terminal: "
    "python -m bot kb stats": (
        "BOT_TOKEN не задано, тож бот не може під’єднатися до Telegram.\n"
        "Щоб отримати токен, напишіть @BotFather у Telegram, надішліть /newbot і виконайте "
        "кроки, а тоді додайте BOT_TOKEN=<токен> у файл .env у цій теці або в змінні "
        "середовища.\n"
        "Без токена базу знань можна переглянути з термінала: python -m bot kb stats"
    ),
    "By kind:": "За видом:",
    "By status:": "За статусом:",
    "Cannot load: {problem}": "Не вдалося завантажити: {problem}",
    "Cooperation agreement": "Угода про співпрацю",
    "Countries aid came from": "Країни, з яких надходила допомога",
    "Expired": "Термін дії минув",
    "Exported to {path}.": "Експортовано до {path}.",
    "Friendship pledge": "Клятва про дружбу",
    "In negotiation": "Тривають перемовини",
    "Memorandum": "Меморандум",
    "Nothing changed.": "Нічого не змінилося.",
    "Nothing was loaded. Problems found:": "Нічого не завантажено. Знайдені проблеми:",
    "Other agreement": "Інша угода",
    "Partner countries": "Країни-партнери",
    "Planned": "Запланована",
    "Protocol of intent": "Протокол про наміри",
    "Suspended": "Призупинена",
    "Terminated": "Розірвана",
    "The database has no schema now.": "База даних тепер не має схеми.",
    "The database is at revision {revision}.": "База даних на ревізії {revision}.",
    "The knowledge base is ready, but this version cannot talk to Telegram yet. "
    "Use the kb commands in the meantime.": (
        "Базу знань підготовлено, але ця версія ще не працює з Telegram. "
        "Поки що користуйтеся командами kb."
    ),
    "The knowledge base was empty and has been loaded with the curated data.": (
        "База знань була порожня, тож у неї завантажено перевірені дані."
    ),
    "Twinning": "Побратимство",
    "with partnership records: {count}": "із записами про партнерство: {count}",
    "{section}: {created} new, {updated} changed, {unchanged} unchanged": (
        "{section}: нових {created}, змінених {updated}, без змін {unchanged}"
    ),
    "{count} hromada": ("{count} громада", "{count} громади", "{count} громад"),
    "{count} partner place": (
        "{count} місто-партнер",
        "{count} міста-партнери",
        "{count} міст-партнерів",
    ),
    "{count} agreement": ("{count} угода", "{count} угоди", "{count} угод"),
    "{count} aid record": (
        "{count} запис про допомогу",
        "{count} записи про допомогу",
        "{count} записів про допомогу",
    ),
    "{count} activity": ("{count} захід", "{count} заходи", "{count} заходів"),
    "{count} programme": ("{count} програма", "{count} програми", "{count} програм"),
    "{count} source": ("{count} джерело", "{count} джерела", "{count} джерел"),
    "{count} change in the audit log": (
        "{count} зміна в журналі змін",
        "{count} зміни в журналі змін",
        "{count} змін у журналі змін",
    ),
}
