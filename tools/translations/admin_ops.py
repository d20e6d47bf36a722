"""Ukrainian translations of the admins' file, backup, channel and log commands, and of the
residents' subscriptions.

A plural message maps to its three Ukrainian forms: one (1, 21), few (2-4, 22-24), many (5-20).
"""

UKRAINIAN: dict[str, str | tuple[str, str, str]] = {
    "/publish now posts to {channel}. Make the bot an administrator there.": (
        "Тепер /publish публікує в {channel}. Зробіть бота адміністратором цього каналу."
    ),
    "/publish posts to {channel}.": "/publish публікує в {channel}.",
    "A backup of the database": "Резервна копія бази даних",
    "A full export of the knowledge base.": "Повний експорт бази знань.",
    "A snapshot of the database.": "Знімок бази даних.",
    "Apply": "Застосувати",
    "Apply the rows that are not refused?": "Застосувати рядки, які не відхилено?",
    "Apply these changes?": "Застосувати ці зміни?",
    "Cancel": "Скасувати",
    "Could not post to {channel}: is the bot an administrator there?": (
        "Не вдалося опублікувати в {channel}: чи є бот адміністратором каналу?"
    ),
    "Download the knowledge base as a file": "Завантажити базу знань файлом",
    "Follow a hromada's new partnerships": "Стежити за новими партнерствами громади",
    "From now on every change is reported to chat {chat}.": (
        "Відтепер про кожну зміну повідомлятиму в чат {chat}."
    ),
    "Import a file, with a preview first": "Імпортувати файл (спершу попередній перегляд)",
    "Import cancelled; nothing was written.": "Імпорт скасовано; нічого не записано.",
    "Import of {file}:": "Імпорт файлу {file}:",
    "Imported: {created} new, {updated} changed, {unchanged} unchanged.": (
        "Імпортовано: нових — {created}, змінених — {updated}, без змін — {unchanged}."
    ),
    "Importing… {percent}%": "Імпортую… {percent}%",
    "Name the hromada, such as /publish Kharkiv digest.": (
        "Назвіть громаду, наприклад: /publish Харків digest."
    ),
    "Name the hromada, such as /subscribe Kharkiv.": (
        "Назвіть громаду, наприклад: /subscribe Харків."
    ),
    "Name the hromada, such as /unsubscribe Kharkiv, or /unsubscribe all.": (
        "Назвіть громаду, наприклад: /unsubscribe Харків, або /unsubscribe усі."
    ),
    "No channel is set any more.": "Канал більше не налаштовано.",
    "No channel is set. A super-admin sets it with /channel.": (
        "Канал не налаштовано. Суперадміністратор налаштовує його командою /channel."
    ),
    "No channel is set. Send /channel @name or /channel -100… to set one.": (
        "Канал не налаштовано. Надішліть /channel @назва або /channel -100…, щоб налаштувати."
    ),
    "Nothing changed: every record was already as in the file.": (
        "Нічого не змінилося: усі записи вже такі, як у файлі."
    ),
    "Nothing new in the last {days} day.": (
        "За останній {days} день нічого нового.",
        "За останні {days} дні нічого нового.",
        "За останні {days} днів нічого нового.",
    ),
    "Post a hromada's card or news to the channel": (
        "Опублікувати картку чи новини громади в каналі"
    ),
    "Posted to {channel}.": "Опубліковано в {channel}.",
    "Send a chat id, such as /logchat -1001234567890, or /logchat off.": (
        "Надішліть ідентифікатор чату, наприклад: /logchat -1001234567890, або /logchat off."
    ),
    "Send the change log to a chat": "Надсилати журнал змін у чат",
    "Send the channel as @name or as its numeric id, such as -1001234567890.": (
        "Вкажіть канал як @назва або його числовий ідентифікатор, наприклад -1001234567890."
    ),
    "Send the file to import: a .csv sheet of agreements or aid, or a .yaml or .json export."
    " I will show what it changes before writing anything. /cancel stops.": (
        "Надішліть файл для імпорту: таблицю угод або допомоги у .csv чи експорт у .yaml"
        " або .json. Перш ніж щось записати, я покажу, що зміниться. /cancel — скасувати."
    ),
    "Send this command in your private chat with me.": (
        "Надішліть цю команду мені в особистому чаті."
    ),
    "Sorry, this command is for the knowledge base editors only. Nothing was changed.": (
        "Вибачте, ця команда лише для редакторів бази знань. Нічого не змінено."
    ),
    "Stop following a hromada": "Більше не стежити за громадою",
    "Subscribed: I will tell you about new partnerships and aid of {hromada} hromada.": (
        "Підписку оформлено: я повідомлю, коли {hromada} громада матиме нові партнерства"
        " чи допомогу."
    ),
    "The audit log is no longer forwarded.": "Журнал змін більше не пересилається.",
    "The backup failed; please try again later.": (
        "Не вдалося створити резервну копію; спробуйте, будь ласка, пізніше."
    ),
    "The channel /publish posts to": "Канал, у який публікує /publish",
    "The file is larger than {limit} MB; nothing was written.": (
        "Файл більший за {limit} МБ; нічого не записано."
    ),
    "The hromadas you follow": "Громади, за якими ви стежите",
    "The knowledge base as of {date}.": "База знань станом на {date}.",
    "The knowledge base holds nothing about this hromada.": (
        "У базі знань немає нічого про цю громаду."
    ),
    "There was no such subscription.": "Такої підписки не було.",
    "This preview is out of date; send the file again.": (
        "Цей перегляд застарів; надішліть файл ще раз."
    ),
    "Unknown format {format}. Use one of: {formats}.": (
        "Невідомий формат {format}. Можливі формати: {formats}."
    ),
    "What is new in {hromada} hromada": "{hromada} громада: що нового",
    "You already follow {hromada} hromada.": "Ви вже підписані: {hromada} громада.",
    "You follow no hromada yet. Send /subscribe and its name, such as Kharkiv.": (
        "Ви ще не стежите за жодною громадою. Надішліть /subscribe і назву, наприклад Харків."
    ),
    "You follow:": "Ви стежите за громадами:",
    "You no longer follow any hromada.": "Ви більше не стежите за жодною громадою.",
    "You no longer follow {hromada} hromada.": "Підписку скасовано: {hromada} громада.",
    "{count} new aid record": (
        "{count} новий запис про допомогу",
        "{count} нові записи про допомогу",
        "{count} нових записів про допомогу",
    ),
}
