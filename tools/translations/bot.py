"""Ukrainian translations of the Telegram conversation: commands, buttons, cards, replies.

A plural message maps to its three Ukrainian forms: one (1, 21), few (2-4, 22-24), many (5-20).
"""

UKRAINIAN: dict[str, str | tuple[str, str, str]] = {
    "About Pobratym": "Про Побратима",
    "About the hromada": "Про громаду",
    "Aid from this country": "Допомога з цієї країни",
    "Aid to {hromada} from {country}": "{country}: допомога громаді {hromada}",
    "All partners": "Усі партнери",
    "Areas: {areas}": "Напрями: {areas}",
    "Ask a question": "Поставити запитання",
    "Ask in a private chat": "Запитати в особистому чаті",
    "Ask me about a hromada's partner cities, its agreements (when they were signed and until"
    " when they run) and the aid it received, in Ukrainian or English. For example: “Who are"
    " Kharkiv's partner cities?” or “When does the memorandum with Cincinnati expire?”."
    " Follow-up questions such as “and in Poland?” continue the conversation.\n\n"
    "/start: start over, with example questions\n"
    "/language: choose the language\n"
    "/about: what I know and where it comes from\n"
    "/help: this message\n\n"
    "In a group, mention me, reply to my message or write /ask and your question. In any"
    " chat, type my @username and a question to share an answer.": (
        "Питайте мене про міста-партнери громади, її угоди (коли їх підписано і до якого часу"
        " вони чинні) та допомогу, яку вона отримала, українською чи англійською. Наприклад:"
        " «Які міста-побратими в Харкова?» або «Коли спливає меморандум із Цинциннаті?»."
        " Уточнювальні запитання, як-от «а в Польщі?», продовжують розмову.\n\n"
        "/start: почати спочатку, з прикладами запитань\n"
        "/language: вибрати мову\n"
        "/about: що я знаю і звідки\n"
        "/help: це повідомлення\n\n"
        "У групі згадайте мене, дайте відповідь на моє повідомлення або напишіть /ask і своє"
        " запитання. У будь-якому чаті наберіть моє @ім’я та запитання, щоб поділитися"
        " відповіддю."
    ),
    "Ask the bot": "Запитати бота",
    "Between {hromada} and {partner}": "Між громадою {hromada} і містом {partner}",
    "Browse partners": "Переглянути партнерів",
    "Choose the group's language": "Вибрати мову групи",
    "Choose the language": "Вибрати мову",
    "Choose the language I answer in:": "Виберіть мову, якою я відповідатиму:",
    "Cooperation agreements": "Угоди про співпрацю",
    "Facts are recorded for {count} hromada": (
        "Записано факти про {count} громаду",
        "Записано факти про {count} громади",
        "Записано факти про {count} громад",
    ),
    "Friendship pledges": "Клятви про дружбу",
    "From now on I answer in English.": "Відтепер я відповідаю українською.",
    "Hello! I am Pobratym. I answer questions about Ukrainian hromadas' international"
    " partnerships: twin and partner cities, agreements and their dates, and the aid that"
    " arrived. Every answer names its sources.\n\nAsk me in your own words, or try one of"
    " these:": (
        "Вітаю! Я Побратим. Я відповідаю на запитання про міжнародне партнерство українських"
        " громад: міста-побратими й партнери, угоди та їхні дати, отримана допомога. Кожна"
        " відповідь називає свої джерела.\n\nПитайте своїми словами або спробуйте одне з"
        " цих запитань:"
    ),
    "Hromadas come from the Codifier of administrative-territorial units (KATOTTH) of the"
    " Ministry for Development of Communities and Territories of Ukraine.": (
        "Перелік громад узято з Кодифікатора адміністративно-територіальних одиниць та"
        " територій територіальних громад (КАТОТТГ) Міністерства розвитку громад та"
        " територій України."
    ),
    "I do not know that command. Send /help to see what I can do.": (
        "Я не знаю такої команди. Надішліть /help, щоб побачити, що я вмію."
    ),
    "I know the international partnerships of Ukrainian hromadas.": (
        "Я знаю про міжнародне партнерство українських громад."
    ),
    "I understand text questions only. Please write your question.": (
        "Я розумію лише текстові запитання. Будь ласка, напишіть своє запитання."
    ),
    "Kind: {kind}": "Вид: {kind}",
    "Memorandums": "Меморандуми",
    "Next ▶": "Далі ▶",
    "Only the group's administrators can change its language.": (
        "Змінити мову групи можуть лише її адміністратори."
    ),
    "Other agreements": "Інші угоди",
    "Page {page} of {pages}": "Сторінка {page} з {pages}",
    "Partners": "Партнери",
    "Partners of {hromada}": "Партнери: {hromada}",
    "Place names and coordinates come from GeoNames (geonames.org), licensed under CC BY 4.0.": (
        "Назви й координати місць узято з GeoNames (geonames.org) за ліцензією CC BY 4.0."
    ),
    "Protocols of intent": "Протоколи про наміри",
    "Show on map": "Показати на мапі",
    "Sorry, I could not open that link: it may be old or mistyped.": (
        "Вибачте, я не зміг відкрити це посилання: можливо, воно застаріле або з помилкою."
    ),
    "Sorry, something went wrong on my side. Please try again a little later.": (
        "Вибачте, у мене щось пішло не так. Спробуйте, будь ласка, трохи згодом."
    ),
    "Start over, with example questions": "Почати спочатку, з прикладами запитань",
    "Status: {status}": "Статус: {status}",
    "Term: {term}": "Строк дії: {term}",
    "The knowledge base has no coordinates for this place.": (
        "У базі знань немає координат цього місця."
    ),
    "The knowledge base last changed on {date}.": "Востаннє база знань змінювалася {date}.",
    "The newest source is dated {date}.": "Найновіше джерело датоване {date}.",
    "The sources record no aid from this country.": (
        "Джерела не згадують допомоги з цієї країни."
    ),
    "There are no records about this hromada yet.": "Про цю громаду ще немає записів.",
    "There are no records about this hromada's partners yet.": (
        "Про партнерів цієї громади ще немає записів."
    ),
    "This button is no longer valid.": "Ця кнопка вже не діє.",
    "This button is no longer valid. Please ask again or send /start.": (
        "Ця кнопка вже не діє. Запитайте ще раз або надішліть /start."
    ),
    "Twin cities": "Міста-побратими",
    "What I know and how to ask": "Що я знаю і як питати",
    "Where it comes from: agreements, aid and activities are curated by hand from official"
    " documents of the hromadas and their partners, each fact with its source.": (
        "Звідки дані: угоди, допомогу й заходи вручну зібрано з офіційних документів громад"
        " та їхніх партнерів, кожен факт — із джерелом."
    ),
    "Where my knowledge comes from": "Звідки мої знання",
    "Write your question after /ask, for example: /ask Who are Kharkiv's partners?": (
        "Напишіть запитання після /ask, наприклад: /ask Хто партнери Харкова?"
    ),
    "Yes? Ask me about your hromada's partners.": (
        "Так? Запитайте мене про партнерів вашої громади."
    ),
    "culture": "культура",
    "economy": "економіка",
    "education": "освіта",
    "entrepreneurship": "підприємництво",
    "humanitarian aid": "гуманітарна допомога",
    "in {count} country": ("у {count} країні", "у {count} країнах", "у {count} країнах"),
    "innovation": "інновації",
    "integration of displaced people": "інтеграція внутрішньо переміщених осіб",
    "other": "інше",
    "recovery": "відновлення",
    "security": "безпека",
    "social projects": "соціальні проєкти",
    "social protection": "соціальний захист",
    "sport": "спорт",
    "transport infrastructure": "транспортна інфраструктура",
    "youth": "молодь",
    "{count} partner": ("{count} партнер", "{count} партнери", "{count} партнерів"),
    "{count} partner city": (
        "{count} місто-партнер",
        "{count} міста-партнери",
        "{count} міст-партнерів",
    ),
    "{count} record of aid": (
        "{count} запис про допомогу",
        "{count} записи про допомогу",
        "{count} записів про допомогу",
    ),
    "{count} record of aid received": (
        "{count} запис про отриману допомогу",
        "{count} записи про отриману допомогу",
        "{count} записів про отриману допомогу",
    ),
    "◀ Previous": "◀ Назад",
}
