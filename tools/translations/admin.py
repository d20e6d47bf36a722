"""Ukrainian translations of the administration: editing, history, reminders, subscriptions.

A plural message maps to its three Ukrainian forms: one (1, 21), few (2-4, 22-24), many (5-20).
"""

UKRAINIAN: dict[str, str | tuple[str, str, str]] = {
    "(empty)": "(порожньо)",
    "Cannot delete {entity} {key}: it is used by {users}.": (
        "Не можна видалити: {entity} {key}. На цей запис посилаються: {users}."
    ),
    "Change #{id} cannot be undone: the record ({entity} {key}) was changed since. "
    "This is what changed:": (
        "Зміну №{id} не можна скасувати: запис ({entity} {key}) відтоді змінили. Ось що змінилося:"
    ),
    "Change #{id} cannot be undone; change it back by hand.": (
        "Зміну №{id} не можна скасувати автоматично; поверніть її вручну."
    ),
    "Editors:": "Редактори:",
    "New aid for {hromada} hromada was recorded. Ask me about it!": (
        "{hromada} громада отримала нову допомогу, її вже записано. Запитайте мене про неї!"
    ),
    "No changes recorded yet.": "Змін ще не записано.",
    "Not found: {entity} {key}.": "Не знайдено: {entity} {key}.",
    "Not found: {entity} {key}. Add it first.": (
        "Не знайдено: {entity} {key}. Спершу додайте цей запис."
    ),
    "Nothing would change.": "Нічого не зміниться.",
    "Only a super-admin may do this. Nothing was changed.": (
        "Це може зробити лише головний адміністратор. Нічого не змінено."
    ),
    "Record: {key}": "Запис: {key}",
    "Someone changed this record ({entity} {key}) while you were editing it; nothing was "
    "saved. This is what changed:": (
        "Хтось змінив цей запис ({entity} {key}), поки ви його редагували; нічого не "
        "збережено. Ось що змінилося:"
    ),
    "Super-admins:": "Головні адміністратори:",
    "The agreement of {hromada} hromada with {place} ends on {date}, in {days} day.": (
        "Угода «{hromada} громада — {place}» спливає {date}, через {days} день.",
        "Угода «{hromada} громада — {place}» спливає {date}, через {days} дні.",
        "Угода «{hromada} громада — {place}» спливає {date}, через {days} днів.",
    ),
    "The date is worked out from the agreement's term; please check it.": (
        "Дату обчислено зі строку дії угоди; будь ласка, перевірте її."
    ),
    "There is no hromada with the code {code}.": "Немає громади з кодом {code}.",
    "There is no such change to undo.": "Такої зміни для скасування немає.",
    "These fields will change:": "Зміняться такі поля:",
    "This cannot be done. Nothing was changed.": "Цього зробити не можна. Нічого не змінено.",
    "Undone: {count} record restored.": (
        "Скасовано: відновлено {count} запис.",
        "Скасовано: відновлено {count} записи.",
        "Скасовано: відновлено {count} записів.",
    ),
    "You may not edit the knowledge base. Nothing was changed.": (
        "Ви не маєте права редагувати базу знань. Нічого не змінено."
    ),
    "You may not edit this hromada's records. Nothing was changed.": (
        "Ви не маєте права редагувати записи цієї громади. Нічого не змінено."
    ),
    "activity": "захід",
    "added": "додано",
    "aid record": "запис про допомогу",
    "all hromadas": "усі громади",
    "changed": "змінено",
    "deleted": "видалено",
    "editing right": "право редагування",
    "granted": "надано",
    "hromada": "громада",
    "place": "місце",
    "programme": "програма",
    "reverted": "скасовано",
    "revoked": "відкликано",
    "source": "джерело",
    "{count} field": ("{count} поле", "{count} поля", "{count} полів"),
    "{hromada} hromada has a new partnership agreement. Ask me about it!": (
        "{hromada} громада має нову угоду про партнерство. Запитайте мене про неї!"
    ),
}
