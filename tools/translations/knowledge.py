"""Ukrainian translations of the knowledge base, question answering and command line.

A plural message maps to its three Ukrainian forms: one (1, 21), few (2-4, 22-24), many (5-20).
"""

UKRAINIAN: dict[str, str | tuple[str, str, str]] = {
    "Active": "Чинна",
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
    # Answers.
    "({count} in force).": (
        "(з них чинних: {count}).",
        "(з них чинних: {count}).",
        "(з них чинних: {count}).",
    ),
    "Agreements that expire {window}:": "Угоди, строк дії яких спливає {window}:",
    "Aid received:": "Отримана допомога:",
    "Aid to {hromada} is recorded from:": "Записи про допомогу для громади {hromada}:",
    "Amount: {money}": "Сума: {money}",
    "Ask about a hromada first, and I will show where the answer comes from.": (
        "Спершу запитайте про громаду, і я покажу, звідки відповідь."
    ),
    "Cannot read {path}: {problem}": "Не вдалося прочитати {path}: {problem}",
    "Date not given": "Дату не вказано",
    "Events and work:": "Події та робота:",
    "For example:": "Наприклад:",
    "From organisations in: {countries}": "Від організацій із країн: {countries}",
    "From: {countries}": "Звідки: {countries}",
    "Give either a question or --batch FILE.": "Вкажіть або питання, або --batch ФАЙЛ.",
    "Hello! I answer questions about Ukrainian hromadas' international partnerships: twin and "
    "partner cities, agreements and their dates, and aid received.": (
        "Вітаю! Я відповідаю на питання про міжнародне партнерство українських громад: "
        "міста-побратими й партнери, угоди та їхні дати, отримана допомога."
    ),
    "I know the international partners of Ukrainian hromadas: which cities they are twinned "
    "or partnered with, what kind of agreement binds them, when it was signed and when it "
    "expires, and what aid arrived from which country. Every answer names its sources. Ask in "
    "Ukrainian or English.": (
        "Я знаю міжнародних партнерів українських громад: з якими містами вони побратимі чи "
        "партнери, яка угода їх пов’язує, коли її підписали й коли спливає строк, яка допомога "
        "і з яких країн надійшла. Кожна відповідь називає свої джерела. Питайте українською "
        "чи англійською."
    ),
    "If you know of an agreement, tell the hromada's council.": (
        "Якщо ви знаєте про угоду, повідомте раду громади."
    ),
    "Is Kharkiv twinned with Lille?": "Чи Харків і Лілль — міста-побратими?",
    "Its recorded partners: {names}.": "Партнери в базі: {names}.",
    "No recorded agreement expires {window}.": (
        "У базі немає угод, строк дії яких спливає {window}."
    ),
    "No records yet for {hromada}: the knowledge base has no partnerships or aid for this "
    "hromada.": (
        "{hromada}: у базі знань поки немає записів про партнерства чи допомогу для цієї громади."
    ),
    "No. {number}": "№ {number}",
    "Partners:": "Партнери:",
    "Please write your question in words.": "Будь ласка, напишіть питання словами.",
    "Programmes:": "Програми:",
    "Received {when}": "Отримано {when}",
    "Senders: {names}": "Відправники: {names}",
    "Sorry, I can only answer questions about hromadas' international partnerships and the "
    "aid they received.": (
        "Вибачте, я відповідаю лише на питання про міжнародне партнерство громад та допомогу, "
        "яку вони отримали."
    ),
    "Source:": ("Джерело:", "Джерела:", "Джерела:"),
    "That question is too long for me: please ask in under 500 characters.": (
        "Питання задовге: будь ласка, вкладіться у 500 символів."
    ),
    "The answer comes from these documents:": "Відповідь спирається на такі документи:",
    "There are several hromadas called «{name}». Which one do you mean?": (
        "Громад із назвою «{name}» кілька. Яку саме ви маєте на увазі?"
    ),
    "What aid did Mena receive?": "Яку допомогу отримала Мена?",
    "What: {items}": "Що: {items}",
    "When does it expire?": "Коли спливає строк дії?",
    "When does the memorandum with Cincinnati expire?": "Коли спливає меморандум із Цинциннаті?",
    "When was the agreement with {place} signed?": "Коли підписали угоду з містом {place}?",
    "Which Ukrainian communities have partners in Latvia?": (
        "Які українські громади мають партнерів у Латвії?"
    ),
    "Which countries sent aid?": "Які країни надіслали допомогу?",
    "Which hromada do you mean? Name it in your question, for example:": (
        "Про яку громаду йдеться? Назвіть її в питанні, наприклад:"
    ),
    "Who are Kharkiv's partner cities?": "Які міста-партнери в Харкова?",
    "Yes: {hromada} and {place} are twin cities.": "Так: {hromada} і {place} — міста-побратими.",
    "Yes: {sender} is among the places aid to {hromada} came from.": (
        "Так: {sender} — серед тих, звідки надходила допомога для громади {hromada}."
    ),
    "You are welcome! Ask me anything else about partnerships.": (
        "Будь ласка! Питайте ще про партнерства."
    ),
    "agreement": "угода",
    "buses": "автобуси",
    "clothing": "одяг",
    "cooperation agreement": "угода про співпрацю",
    "electrical equipment": "електротехнічне обладнання",
    "expired": "строк дії минув",
    "extended {when} for {count} year, so until about {date}": (
        "продовжено {when} на {count} рік, тобто приблизно до {date}",
        "продовжено {when} на {count} роки, тобто приблизно до {date}",
        "продовжено {when} на {count} років, тобто приблизно до {date}",
    ),
    "food": "продукти харчування",
    "friendship pledge": "клятва про дружбу",
    "funds": "кошти",
    "generators": "генератори",
    "hygiene products": "засоби особистої гігієни",
    "in force": "діє",
    "in the next {count} month": (
        "протягом найближчого {count} місяця",
        "протягом найближчих {count} місяців",
        "протягом найближчих {count} місяців",
    ),
    "in {month_and_year}": "у {month_and_year}",
    # CLDR writes "р." after a year with a narrow no-break space; so do we.
    "in {year}": "у {year}\u202fр.",
    "machinery for municipal services": "спецтехніка для комунальних підприємств",
    "materials to repair critical infrastructure": (
        "матеріали для відновлення критичної інфраструктури"
    ),
    "materials to repair housing": "матеріали для відновлення пошкодженого житла",
    "medical equipment": "медичне спорядження",
    "medicines": "медикаменти",
    "memorandum": "меморандум",
    "not signed yet": "ще не підписано",
    "not signed yet, planned {when}": "ще не підписано, заплановано {when}",
    "not signed yet, talks under way": "ще не підписано, тривають перемовини",
    "on {day}": "{day}",
    "other aid": "інша допомога",
    "other humanitarian aid": "інша гуманітарна допомога",
    "planned": "заплановано",
    "protocol of intent": "протокол про наміри",
    "signed {when}": "підписано {when}",
    "special-purpose vehicles": "автотранспорт спеціального призначення",
    "suspended": "призупинено",
    "tents": "намети",
    "terminated": "розірвано",
    "the sources do not give the signing date": "дату підписання в джерелах не вказано",
    "the sources give no end date": "строк дії в джерелах не вказано",
    "twin city": "місто-побратим",
    "under negotiation": "тривають перемовини",
    "until about {date}": "приблизно до {date}",
    "valid until {date}": "діє до {date}",
    "vehicles": "автомобілі",
    "{count} bus": ("{count} автобус", "{count} автобуси", "{count} автобусів"),
    "{count} generator": ("{count} генератор", "{count} генератори", "{count} генераторів"),
    "{count} vehicle": ("{count} автомобіль", "{count} автомобілі", "{count} автомобілів"),
    "{hromada} ({oblast} oblast)": "{hromada} ({oblast} обл.)",
    "{hromada} and {place} are not recorded as twin cities. What is recorded:": (
        "{hromada} і {place} не записані як міста-побратими. Що є в базі:"
    ),
    "{hromada} — aid received:": "{hromada} — отримана допомога:",
    "{hromada} — twin cities{filters}:": "{hromada} — міста-побратими{filters}:",
    "{hromada} — {count} partner{filters}:": (
        "{hromada} — {count} партнер{filters}:",
        "{hromada} — {count} партнери{filters}:",
        "{hromada} — {count} партнерів{filters}:",
    ),
    "{hromada} — {place}: no agreements are recorded between them.": (
        "{hromada} — {place}: записів про угоди між ними немає."
    ),
    "{hromada}: aid came from {count} country": (
        "{hromada}: допомога надійшла з {count} країни",
        "{hromada}: допомога надійшла з {count} країн",
        "{hromada}: допомога надійшла з {count} країн",
    ),
    "{hromada}: no aid deliveries are recorded.": "{hromada}: записів про допомогу немає.",
    "{hromada}: no matching agreements are recorded{filters}.": (
        "{hromada}: таких угод у базі немає{filters}."
    ),
    "{hromada}: no partners are recorded{filters}.": "{hromada}: партнерів у базі немає{filters}.",
    "{hromada}: no twin cities are recorded{filters}.": (
        "{hromada}: міст-побратимів у базі немає{filters}."
    ),
    "{hromada}: partners in {count} country": (
        "{hromada}: партнери в {count} країні",
        "{hromada}: партнери в {count} країнах",
        "{hromada}: партнери в {count} країнах",
    ),
    "{hromada}: {count} agreement is recorded": (
        "{hromada}: у базі {count} угода",
        "{hromada}: у базі {count} угоди",
        "{hromada}: у базі {count} угод",
    ),
    "{hromada}: {count} partner": (
        "{hromada}: {count} партнер",
        "{hromada}: {count} партнери",
        "{hromada}: {count} партнерів",
    ),
    "{oblast} oblast": "{oblast} область",
    "{programme}: {money} spent {when}": "{programme}: витрачено {money} {when}",
    "{sender}: no aid to {hromada} is recorded from there.": (
        "{sender}: записів про допомогу звідти для громади {hromada} немає."
    ),
    "{subject} — partners in Ukraine:": "{subject} — партнери в Україні:",
    "{subject}: no partnerships with Ukrainian hromadas are recorded.": (
        "{subject}: записів про партнерства з українськими громадами немає."
    ),
    "{year}": "{year}\u202fр.",
    "…and {count} more": ("…і ще {count}", "…і ще {count}", "…і ще {count}"),
}
