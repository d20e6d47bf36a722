"""Ukrainian translations of importing and exporting files: previews, refusals, row problems.

A plural message maps to its three Ukrainian forms: one (1, 21), few (2-4, 22-24), many (5-20).
"""

UKRAINIAN: dict[str, str | tuple[str, str, str]] = {
    "Cannot read {path}: {reason}": "Не вдалося прочитати {path}: {reason}",
    "Imported; the changes are batch {batch} in the audit log.": (
        "Імпортовано; у журналі змін ці зміни мають номер пакета {batch}."
    ),
    "Nothing was imported. Rows refused:": "Нічого не імпортовано. Відхилені рядки:",
    "Nothing would change.": "Нічого не зміниться.",
    "Preview only: run again with --apply to write the changes.": (
        "Це лише попередній перегляд: щоб записати зміни, запустіть команду ще раз із --apply."
    ),
    "The file has cells that start like formulas (=, +, -, @): {cells}": (
        "У файлі є клітинки, що починаються як формули (=, +, -, @): {cells}"
    ),
    "The file has more than {limit} rows.": "У файлі понад {limit} рядків.",
    "The file is empty.": "Файл порожній.",
    "The file is in UTF-16; save it as UTF-8 (CSV UTF-8 in Excel).": (
        "Файл у кодуванні UTF-16; збережіть його як UTF-8 (у Excel — «CSV UTF-8»)."
    ),
    "The file is larger than {limit} MB.": "Файл більший за {limit} МБ.",
    "The file is nested too deeply.": "Файл має надто глибоку вкладеність.",
    "The file is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in Excel).": (
        "Файл не є текстом у UTF-8; збережіть його як UTF-8 (у Excel — «CSV UTF-8»)."
    ),
    "The file is not a knowledge base export: no sections at the top.": (
        "Файл не є експортом бази знань: на верхньому рівні немає розділів."
    ),
    "The file is not a valid knowledge base export: {problems}": (
        "Файл не є правильним експортом бази знань: {problems}"
    ),
    "The file is not valid CSV near line {line}: {error}": (
        "Файл не є правильним CSV біля рядка {line}: {error}"
    ),
    "The file is not valid JSON: {error}": "Файл не є правильним JSON: {error}",
    "The file is not valid YAML: {error}": "Файл не є правильним YAML: {error}",
    "The file is refused; nothing was written:": "Файл відхилено; нічого не записано:",
    "The file uses too many YAML aliases.": "У файлі забагато псевдонімів YAML.",
    "The file was read as Windows-1251 (Cyrillic) text.": (
        "Файл прочитано як текст у кодуванні Windows-1251 (кирилиця)."
    ),
    "This is an Excel or other zipped file; save the sheet as CSV UTF-8.": (
        "Це файл Excel або інший стиснений файл; збережіть аркуш як «CSV UTF-8»."
    ),
    "This is not a text file.": "Це не текстовий файл.",
    "Unknown columns: {columns}. The header is: {header}": (
        "Невідомі стовпці: {columns}. Заголовок має бути таким: {header}"
    ),
    "Unknown header. Agreements need: {agreements}. Aid needs: {aid}.": (
        "Невідомий заголовок. Для угод потрібні стовпці: {agreements}. Для допомоги: {aid}."
    ),
    "Unsupported file type {suffix}; send a .csv, .yaml, .yml or .json file.": (
        "Тип файлу {suffix} не підтримується; надішліть файл .csv, .yaml, .yml або .json."
    ),
    "a cell is too long": "клітинка задовга",
    "ambiguous hromada {name}: {candidates}; write the KATOTTH code or the oblast": (
        "неоднозначна громада {name}: {candidates}; вкажіть код КАТОТТГ або область"
    ),
    "amount: {value} is not a number": "amount: {value} — не число",
    "an amount needs a currency and a currency an amount": (
        "сума потребує валюти, а валюта — суми"
    ),
    "and {count} more": ("і ще {count}", "і ще {count}", "і ще {count}"),
    "cannot be loaded: {problem}": "не можна завантажити: {problem}",
    "changed: {keys}": "змінені: {keys}",
    "currency: {value} is not a currency code": "currency: {value} — не код валюти",
    "donor_city needs exactly one donor_country": (
        "для donor_city потрібна рівно одна країна в donor_country"
    ),
    "donor_kind: unknown kind {value}": "donor_kind: невідомий вид {value}",
    "expires_on is before signed_on": "expires_on раніше за signed_on",
    "key: {value} is not a key (a-z, 0-9 and hyphens)": (
        "key: {value} — не ключ (лише a-z, 0-9 і дефіси)"
    ),
    "kind: unknown kind {value}": "kind: невідомий вид угоди {value}",
    "new: {keys}": "нові: {keys}",
    "no hromada named": "громаду не вказано",
    "no source: every fact needs a source_title or a source_url": (
        "немає джерела: кожен факт потребує source_title або source_url"
    ),
    "not a valid agreement: {reason}": "неправильна угода: {reason}",
    "not a valid aid record: {reason}": "неправильний запис про допомогу: {reason}",
    "row {row}: {reason}": "рядок {row}: {reason}",
    "several places are called {city} in {country}: {keys}; give the key": (
        "кілька місць у {country} називаються {city}: {keys}; вкажіть ключ"
    ),
    "source_url: {value} is not a web address": "source_url: {value} — не вебадреса",
    "status: unknown status {value}": "status: невідомий статус {value}",
    "the row has more cells ({count}) than the header ({columns})": (
        "у рядку більше клітинок ({count}), ніж у заголовку ({columns})"
    ),
    "the same record as row {first}": "той самий запис, що й у рядку {first}",
    "unknown KATOTTH code {code}": "невідомий код КАТОТТГ {code}",
    "unknown hromada {name}; write its KATOTTH code": (
        "невідома громада {name}; вкажіть її код КАТОТТГ"
    ),
    "unknown oblast {oblast}": "невідома область {oblast}",
    "{column} is empty": "{column} не заповнено",
    "{column}: unknown country {value}": "{column}: невідома країна {value}",
    "{column}: {value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)": (
        "{column}: {value} — не дата (РРРР, РРРР-ММ або РРРР-ММ-ДД)"
    ),
    "{column}: {value} looks like a formula": "{column}: {value} схоже на формулу",
    "{count} row refused:": (
        "Відхилено {count} рядок:",
        "Відхилено {count} рядки:",
        "Відхилено {count} рядків:",
    ),
    "{where}: {reason}": "{where}: {reason}",
}
