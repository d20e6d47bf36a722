"""Ukrainian translations of the admin side of the bot: rights, editing dialogs, undo."""

UKRAINIAN: dict[str, str | tuple[str, str, str]] = {
    "A new {entity} will be added: {key}": "Буде додано новий запис ({entity}): {key}",
    "Add an agreement in one line": "Додати угоду одним рядком",
    "Add an agreement step by step": "Додати угоду крок за кроком",
    "Areas of cooperation, separated by commas, or -. The areas: {areas}": (
        "Сфери співпраці через кому або -. Можливі сфери: {areas}"
    ),
    "Cancelled. Nothing was changed.": "Скасовано. Нічого не змінено.",
    "Delete a record": "Видалити запис",
    "Delete {entity} {key}? You can undo it later with /undo.": (
        "Видалити запис ({entity}) {key}? Пізніше це можна скасувати командою /undo."
    ),
    "Deleted {entity} {key} (change #{id}). /undo restores it.": (
        "Видалено запис ({entity}) {key} (зміна №{id}). Команда /undo поверне його."
    ),
    "Edit a record": "Змінити запис",
    "Editing {entity} {key}. Which field?": "Змінюємо запис ({entity}) {key}. Яке поле?",
    "I don't know a hromada called “{name}”.": "Я не знаю громади «{name}».",
    "I don't know a hromada called “{value}”. Send its name or KATOTTH code.": (
        "Я не знаю громади «{value}». Надішліть її назву або код КАТОТТГ."
    ),
    "I don't know “{name}” yet; it will be added. Its country code (such as SK)?": (
        "Я ще не знаю «{name}», тож цей населений пункт буде додано."
        " Код його країни (наприклад, SK)?"
    ),
    "I found no record “{value}”. Send its key, or the hromada and the partner.": (
        "Не знайшов запису «{value}». Надішліть його ключ або громаду й партнера."
    ),
    "Its status?": "Її статус?",
    "Let someone edit": "Дозволити комусь редагувати",
    "New agreement. Which hromada? Send its name or KATOTTH code. /cancel stops.": (
        "Нова угода. Яка громада? Надішліть її назву або код КАТОТТГ. /cancel зупиняє."
    ),
    "Notes for residents, or - for none?": "Примітки для мешканців або -, якщо їх немає?",
    "Please press Confirm or Cancel under the preview, or send /cancel.": (
        "Натисніть «Підтвердити» або «Скасувати» під переглядом, або надішліть /cancel."
    ),
    "Please send some text, or - for none.": "Надішліть текст або -, якщо нічого.",
    "Recent changes": "Останні зміни",
    "Saved {entity} {key} (change #{id}).": "Збережено запис ({entity}) {key} (зміна №{id}).",
    "Send a source: the key of an existing one, a title or a link.": (
        "Надішліть джерело: ключ наявного, назву або посилання."
    ),
    "Send the change number, such as /undo 42.": "Надішліть номер зміни, наприклад /undo 42.",
    "Several hromadas match. Which one?": "Підходить кілька громад. Яка саме?",
    "Several places match. Which one?": "Підходить кілька населених пунктів. Який саме?",
    "Several records match. Which one?": "Підходить кілька записів. Який саме?",
    "Sorry, this command is for the knowledge base editors only. Nothing was changed."
    " Ask me a question instead, or send /help.": (
        "Вибачте, ця команда лише для редакторів бази знань. Нічого не змінено."
        " Натомість поставте мені запитання або надішліть /help."
    ),
    "Stop someone editing": "Заборонити комусь редагувати",
    "Stop the current dialog": "Зупинити поточний діалог",
    "The record is not valid: {value}": "Запис некоректний: {value}",
    "“{value}” is not one of the listed kinds of aid.": (
        "«{value}» — не один із видів допомоги зі списку."
    ),
    "“{value}” is not a whole number. Send a number, or - if unknown.": (
        "«{value}» — не ціле число. Надішліть число або -, якщо невідомо."
    ),
    "New partner place. Its name in Ukrainian?": (
        "Новий населений пункт-партнер. Його назва українською?"
    ),
    "Its name in English? - to transliterate the Ukrainian one.": (
        "Його назва англійською? - — транслітерувати українську."
    ),
    "Its country code (such as SK)?": "Код його країни (наприклад, SK)?",
    "New source. Its title?": "Нове джерело. Його назва?",
    "Who issued or published it?": "Хто його видав чи опублікував?",
    "Its date? YYYY, YYYY-MM or YYYY-MM-DD, or - if unknown.": (
        "Його дата? РРРР, РРРР-ММ або РРРР-ММ-ДД, або -, якщо невідомо."
    ),
    "A link to it, or -?": "Посилання на нього або -?",
    "New aid record. Which hromada? Send its name or KATOTTH code.": (
        "Новий запис про допомогу. Яка громада? Надішліть її назву або код КАТОТТГ."
    ),
    "When was it received? YYYY, YYYY-MM or YYYY-MM-DD, or -.": (
        "Коли її отримано? РРРР, РРРР-ММ або РРРР-ММ-ДД, або -."
    ),
    "The donor's country code (such as PL)?": "Код країни донора (наприклад, PL)?",
    "What was sent? One of: {categories}": "Що надіслали? Одне з: {categories}",
    "How many (a whole number), or - if the source does not say?": (
        "Скільки (ціле число) або -, якщо джерело не вказує?"
    ),
    "/cancel stops.": "/cancel зупиняє.",
    "Add a partner place": "Додати населений пункт-партнер",
    "Add a source": "Додати джерело",
    "Add an aid record": "Додати запис про допомогу",
    "The form needs 7 parts separated by |: hromada | partner place | country | kind | status"
    " | signed (YYYY, YYYY-MM or YYYY-MM-DD) | source. Without the status (6 parts) a signed"
    " agreement is taken as active.": (
        "Форма має 7 частин через |: громада | місто-партнер | країна | вид | статус |"
        " підписано (РРРР, РРРР-ММ або РРРР-ММ-ДД) | джерело. Без статусу (6 частин) підписану"
        " угоду вважаємо чинною."
    ),
    "The new value of {field}? Now: {value}": "Нове значення поля {field}? Зараз: {value}",
    "The partner place? Send its name, such as Košice.": (
        "Місто-партнер? Надішліть його назву, наприклад Кошице."
    ),
    "The source: the key of an existing source, or a title or link?": (
        "Джерело: ключ наявного джерела, назва чи посилання?"
    ),
    "There is nothing to cancel.": "Немає чого скасовувати.",
    "This button is no longer valid. Please start again.": (
        "Ця кнопка вже не діє. Почніть, будь ласка, спочатку."
    ),
    "This preview is no longer waiting; nothing was changed.": (
        "Цей перегляд уже не чекає на підтвердження; нічого не змінено."
    ),
    "This record has no field “{value}”.": "Цей запис не має поля «{value}».",
    "Undo a change": "Скасувати зміну",
    "Undo change #{id} ({entity} {key})? This will be restored:": (
        "Скасувати зміну №{id} ({entity} {key})? Буде відновлено:"
    ),
    "User {user} already may edit.": "Користувач {user} уже може редагувати.",
    "User {user} had no such right.": "Користувач {user} не мав такого права.",
    "User {user} may no longer edit.": "Користувач {user} більше не може редагувати.",
    "User {user} may now edit.": "Користувач {user} тепер може редагувати.",
    "Valid until? A date (YYYY, YYYY-MM or YYYY-MM-DD), a term in years (such as 5), or -.": (
        "Діє до? Дата (РРРР, РРРР-ММ або РРРР-ММ-ДД), строк у роках (наприклад, 5) або -."
    ),
    "What kind of agreement?": "Який вид угоди?",
    "When was it signed? YYYY, YYYY-MM or YYYY-MM-DD, as precisely as known; - if not.": (
        "Коли її підписано? РРРР, РРРР-ММ або РРРР-ММ-ДД, наскільки точно відомо; -, якщо ні."
    ),
    "Which record? /delete <key>, or /delete Kharkiv Košice": (
        "Який запис? /delete <ключ> або /delete Харків Кошице"
    ),
    "Which record? /edit <key>, or /edit Kharkiv Košice": (
        "Який запис? /edit <ключ> або /edit Харків Кошице"
    ),
    "Who may edit": "Хто може редагувати",
    "Write the user's numeric id and, if the right is for one hromada only, its name or code:"
    " /{command} 123456789 Kharkiv": (
        "Напишіть числовий ідентифікатор користувача і, якщо право лише для однієї громади,"
        " її назву чи код: /{command} 123456789 Харків"
    ),
    "“{value}” is neither a date nor a term. Send YYYY, YYYY-MM, YYYY-MM-DD, a number of years"
    " (such as 5), or - for none.": (
        "«{value}» — це ні дата, ні строк. Надішліть РРРР, РРРР-ММ, РРРР-ММ-ДД, кількість"
        " років (наприклад, 5) або -, якщо нічого."
    ),
    "“{value}” is not a country code. Send two letters, such as SK or PL.": (
        "«{value}» — не код країни. Надішліть дві літери, наприклад SK або PL."
    ),
    "“{value}” is not a date. Send YYYY, YYYY-MM or YYYY-MM-DD, or - for none.": (
        "«{value}» — не дата. Надішліть РРРР, РРРР-ММ або РРРР-ММ-ДД, або -, якщо дати немає."
    ),
    "“{value}” is not a kind of agreement. Choose one of the buttons.": (
        "«{value}» — не вид угоди. Оберіть одну з кнопок."
    ),
    "“{value}” is not a status. Choose one of the buttons.": (
        "«{value}» — не статус. Оберіть одну з кнопок."
    ),
    "“{value}” is not an area of cooperation. Use the codes listed above.": (
        "«{value}» — не сфера співпраці. Використайте коди зі списку вище."
    ),
    "✅ Confirm": "✅ Підтвердити",
    "✖ Cancel": "✖ Скасувати",
    "For editors:"
    "\n/new_agreement, /new_place, /new_source, /new_aid: add a record step by step"
    "\n/add_agreement hromada | partner place | country | kind | status | signed | source:"
    " add an agreement in one line, e.g. /add_agreement Харків | Кошице | SK | cooperation"
    " | active | 2023-06 | https://… (the status may be left out; signed is YYYY, YYYY-MM or"
    " YYYY-MM-DD; the source is a source key, a title or a link)"
    "\n/edit, /delete: change or delete a record; /history, /undo: recent changes and"
    " undoing one; /cancel: leave a dialog": (
        "Для редакторів:"
        "\n/new_agreement, /new_place, /new_source, /new_aid: додати запис крок за кроком"
        "\n/add_agreement громада | місто-партнер | країна | вид | статус | підписано | джерело:"
        " додати угоду одним рядком, наприклад /add_agreement Харків | Кошице | SK | співпраця"
        " | чинна | 2023-06 | https://… (статус можна пропустити; дата підписання — РРРР,"
        " РРРР-ММ або РРРР-ММ-ДД; джерело — ключ джерела, назва або посилання)"
        "\n/edit, /delete: змінити чи видалити запис; /history, /undo: останні зміни та їх"
        " скасування; /cancel: вийти з діалогу"
    ),
    "Change #{id} was made together with others; all of them will be undone:": (
        "Зміну №{id} зроблено разом з іншими; буде скасовано їх усі:"
    ),
    # Fields of a record and their values in previews, conflicts and /undo.
    "Aid item": "Позиція допомоги",
    "Amount": "Сума",
    "Approved by": "Ким затверджено",
    "Areas of cooperation": "Сфери співпраці",
    "At least this number": "Щонайменше стільки",
    "Centre in English": "Центр англійською",
    "Centre in Ukrainian": "Центр українською",
    "Code": "Код",
    "Country": "Країна",
    "Currency": "Валюта",
    "Description": "Опис",
    "Document number": "Номер документа",
    "Donor": "Донор",
    "Ended": "Завершено",
    "Extended": "Продовжено",
    "Extension": "Продовження",
    "First year": "Перший рік",
    "GeoNames number": "Номер у GeoNames",
    "Hromada": "Громада",
    "Issued": "Дата документа",
    "Issuer": "Хто видав",
    "Key": "Ключ",
    "Kind": "Вид",
    "Kind of aid": "Вид допомоги",
    "Language": "Мова",
    "Last year": "Останній рік",
    "Latitude": "Широта",
    "Link": "Посилання",
    "Local name": "Місцева назва",
    "Longitude": "Довгота",
    "Name": "Назва",
    "Name in English": "Назва англійською",
    "Name in Ukrainian": "Назва українською",
    "Notes": "Примітки",
    "Number": "Кількість",
    "Oblast code": "Код області",
    "Oblast in English": "Область англійською",
    "Oblast in Ukrainian": "Область українською",
    "Other names": "Інші назви",
    "Period": "Період",
    "Place": "Місце",
    "Planned for": "Заплановано на",
    "Population": "Населення",
    "Purpose": "Призначення",
    "Quantity": "Кількість",
    "Quote": "Цитата",
    "Raion code": "Код району",
    "Raion in English": "Район англійською",
    "Raion in Ukrainian": "Район українською",
    "Received": "Отримано",
    "Region": "Регіон",
    "Signed": "Підписано",
    "Source": "Джерело",
    "Spending": "Витрати",
    "Started": "Розпочато",
    "Status": "Статус",
    "Summary": "Короткий опис",
    "Term": "Строк",
    "Title": "Назва",
    "Valid until": "Чинна до",
    "city": "місто",
    "conference": "конференція",
    "council decision": "рішення ради",
    "country": "країна",
    "dataset": "набір даних",
    "meeting": "зустріч",
    "news": "новина",
    "no": "ні",
    "official letter": "офіційний лист",
    "organisation": "організація",
    "other activity": "інший захід",
    "other source": "інше джерело",
    "outreach": "інформаційний захід",
    "project": "проєкт",
    "rural": "сільська",
    "settlement": "селищна",
    "special status": "особливий статус",
    "urban": "міська",
    "visit": "візит",
    "yes": "так",
    "{count} year": ("{count} рік", "{count} роки", "{count} років"),
    "{field} in English": "{field} англійською",
    "{field} in Ukrainian": "{field} українською",
    "Title in English": "Назва англійською",
    "Title in Ukrainian": "Назва українською",
    "The record is not valid: it would end before it was signed.": (
        "Запис некоректний: він закінчився б раніше, ніж його підписано."
    ),
    "The record is not valid: the same source is cited twice.": (
        "Запис некоректний: те саме джерело наведено двічі."
    ),
    "The record is not valid: the donor needs a country, a place or a name.": (
        "Запис некоректний: для донора потрібні країна, місце або назва."
    ),
    "The record is not valid: an amount needs a currency.": (
        "Запис некоректний: для суми потрібна валюта."
    ),
}
