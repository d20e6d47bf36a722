"""Ukrainian names of foreign towns no dictionary knows, by the rules of practical transcription.

The last resort for a partner neither the editor nor GeoNames names in Ukrainian. Only a
language whose spelling says how a word sounds is transcribed, and only by the rules Ukrainian
writing follows for it (Polish: Dobrodzień → Добродзень, Chrzanów → Хшанув, Świętochłowice →
Свентохловіце; adjectives take Ukrainian endings, Sokołów Małopolski → Соколув-Малопольський).
The rules are checked against the Ukrainian names GeoNames gives for Polish towns (see the
tests). A name with anything but letters, spaces and hyphens ("Chrzanów County", "Ochota
(Warsaw)") is left alone: it is not a town's name alone.
"""

from __future__ import annotations

import re
import unicodedata

from knowledge.text.normalize import is_cyrillic

_POLISH_LETTERS = re.compile(r"^[a-ząćęłńóśźż]+(?:[ -][a-ząćęłńóśźż]+)*$")
_VOWELS = frozenset("aeiouyąęó")
# Polish vowels after a soft consonant (written with "i" between): the vowel Ukrainian writes.
_SOFTENED_VOWELS = {"a": "я", "e": "е", "o": "йо", "u": "ю", "ó": "ю", "ą": "йон", "ę": "ен"}
# Vowels after j (or at the start of a word after j): я, є, ю, йо.
_IOTATED = {"a": "я", "e": "є", "u": "ю", "ó": "ю", "o": "йо", "ą": "йон", "ę": "єн"}
_PLAIN_VOWELS = {"a": "а", "e": "е", "i": "і", "o": "о", "u": "у", "ó": "у", "y": "и"}
# Letters Polish writes soft with an accent.
_SOFT_LETTERS = {"\u015b": "сь", "\u0107": "ць", "\u017a": "зь", "\u0144": "нь"}
# Letter groups read as one sound, longest first.
_GROUPS = (
    ("szcz", "щ"),
    ("chrz", "хш"),
    ("prz", "пш"),
    ("trz", "тш"),
    ("krz", "кш"),
    ("drz", "дж"),
    ("dż", "дж"),
    ("dź", "дзь"),
    ("rz", "ж"),
    ("sz", "ш"),
    ("cz", "ч"),
    ("ch", "х"),
    ("dz", "дз"),
)
# Consonants that "i" before a vowel softens: written with a soft sign in Ukrainian.
_SOFT_BEFORE_I = {"s": "с", "c": "ц", "z": "з", "n": "н", "dz": "дз"}
_CONSONANTS = {
    "b": "б",
    "c": "ц",
    "d": "д",
    "f": "ф",
    "g": "г",
    "h": "г",
    "k": "к",
    "m": "м",
    "n": "н",
    "p": "п",
    "r": "р",
    "s": "с",
    "t": "т",
    "w": "в",
    "z": "з",
    "ż": "ж",
    "x": "кс",
    "v": "в",
}
# Polish adjective endings and the Ukrainian ones: Małopolski → Малопольський.
_ADJECTIVES = (
    ("skie", "ське"),
    ("ckie", "цьке"),
    ("ski", "ський"),
    ("cki", "цький"),
    ("ska", "ська"),
    ("cka", "цька"),
)


# Polish endings Ukrainian writes its own way: Gdańsk → Гданськ, Legnica → Легниця.
_ENDINGS = (
    ("ńsk", "ськ"),
    ("sk", "ськ"),
    ("sko", "сько"),
    ("nica", "ниця"),
    ("ica", "иця"),
    ("nik", "ник"),
    ("ck", "цьк"),
    ("iec", "ець"),
    ("ec", "ець"),
)


_UKRAINIAN_VOWELS = frozenset("аеєиіїоуюя")


# Words that make a name a unit's, not a town's ("Chrzanów County"): not transcribed.
_NOT_A_TOWN = frozenset(
    {"county", "district", "municipality", "region", "gmina", "rural", "urban", "powiat"}
)


def ukrainian_transcription(name: str, country: str) -> str | None:
    """The Ukrainian transcription of a town's name, or None when no sound rules apply.

    `country` is ISO alpha-2: Polish (PL), Hungarian (HU), Czech and Slovak (CZ, SK),
    Georgian (GE, from the national romanisation), Bulgarian (BG, likewise), Lithuanian (LT),
    Latvian (LV), Estonian (EE), Romanian (RO, MD), German (DE, AT), Greek (GR, CY, from
    ELOT 743) and the Latin South Slavic (HR, BA, ME, RS, SI) names are transcribed.
    """
    text = unicodedata.normalize("NFC", name.strip())
    if _NOT_A_TOWN & set(text.lower().split()):
        return None
    if country.upper() == "KR":
        return _korean(text)
    if country.upper() in _ENGLISH_COUNTRIES:
        return _english(text)
    if country.upper() != "PL":
        return _by_table(text, country.upper())
    if not _POLISH_LETTERS.match(text.lower()):
        return None
    words = re.split(r"[ -]", text.lower())
    return "-".join(
        _PREPOSITIONS[word] if word in _PREPOSITIONS else _capitalised(_polish_word(word))
        for word in words
    )


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _polish_word(word: str) -> str:
    ending = ""
    for polish, ukrainian in (*_ADJECTIVES, *_ENDINGS):
        if word.endswith(polish) and len(word) > len(polish) + 1:
            stem = word[: -len(polish)]
            word, ending = stem, ("н" if polish == "ńsk" else "") + ukrainian
            break
    letters = _polish_letters(word)
    if ending[:1] in _UKRAINIAN_VOWELS and letters.endswith("ль"):
        # Polish l is hard before a vowel, and the ending begins with one: Mielec → Мелець.
        letters = letters[:-1]
    return letters + ending


def _polish_letters(word: str) -> str:
    out: list[str] = []
    position = 0
    length = len(word)

    def at(offset: int) -> str:
        index = position + offset
        return word[index] if 0 <= index < length else ""

    while position < length:
        rest = word[position:]
        group = next(((p, u) for p, u in _GROUPS if rest.startswith(p)), None)
        if group is not None:
            polish, ukrainian = group
            position += len(polish)
            if polish == "dz" and at(0) == "i" and at(1) in _SOFTENED_VOWELS:
                out.append("дз" + _SOFTENED_VOWELS[at(1)])
                position += 2
            else:
                out.append(ukrainian)
            continue
        letter = word[position]
        following = at(1)
        if letter in _SOFT_LETTERS:
            soft = _SOFT_LETTERS[letter]
            # Before another consonant ś and ź lose the soft sign in writing (Świdnica).
            hard = letter != "\u0107" and following and following not in _VOWELS
            out.append(soft[0] if hard else soft)
            position += 1
        elif letter == "i" and out and position > 0 and word[position - 1] not in _VOWELS:
            out.append(_after_consonant_i(word, position, out))
            position += 2 if following in _SOFTENED_VOWELS else 1
        elif letter == "j":
            if following in _IOTATED:
                after_consonant = position > 0 and word[position - 1] not in _VOWELS
                out.append(("’" if after_consonant else "") + _IOTATED[following])
                position += 2
            else:
                out.append("й")
                position += 1
        elif letter == "l":
            out.append(_soft_l(following))
            position += 2 if following in "aouąęó" else 1
        elif letter == "ł":
            out.append("л")
            position += 1
        elif letter in ("ą", "ę"):
            vowel = "о" if letter == "ą" else "е"
            nasal = "м" if following in ("b", "p") else "н"
            out.append(vowel if letter == "ę" and not following else vowel + nasal)
            position += 1
        elif letter in _PLAIN_VOWELS:
            if letter == "i" and position > 0 and word[position - 1] in _VOWELS:
                out.append("ї")
            elif letter == "i" and out and out[-1].endswith("ц"):
                # Ukrainian writes и after ц in foreign names: Szczecin → Щецин.
                out.append("и")
            else:
                out.append(_PLAIN_VOWELS[letter])
            position += 1
        else:
            out.append(_CONSONANTS.get(letter, letter))
            position += 1
    return "".join(out)


def _after_consonant_i(word: str, position: int, out: list[str]) -> str:
    """An "i" after a consonant: a vowel (Lublin), or a softening before one (Biała → Бяла)."""
    following = word[position + 1] if position + 1 < len(word) else ""
    if following not in _SOFTENED_VOWELS:
        return "и" if out[-1].endswith("ц") else "і"
    previous = word[position - 1]
    if previous == "r":
        return "і" + _IOTATED[following]
    if previous in _SOFT_BEFORE_I:
        # ci, si, zi, ni before o or ą: a soft sign, not й (Notecią → Нотецьон).
        return (
            "ь" + _SOFTENED_VOWELS[following][1:]
            if following in ("o", "ą")
            else (_SOFTENED_VOWELS[following])
        )
    if following == "a" and position + 2 == len(word) and previous != "l":
        # A final -ia after a hard consonant is two syllables: Rumia → Румія.
        return "ія"
    return _SOFTENED_VOWELS[following]


def _soft_l(following: str) -> str:
    """Polish l is soft: la → ля, lo → льо, lu → лю, le → ле, li → лі, l + consonant → ль."""
    if following == "a":
        return "ля"
    if following == "ą":
        return "лон"
    if following == "o":
        return "ло"
    if following == "ó":
        return "лю"
    if following == "u":
        return "лю"
    if following == "ę":
        return "лен"
    if following in ("e", "i", "y"):
        return "л"
    return "ль"


def _table(pairs: dict[str, str]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pass over a word: the longest spelling at each position is replaced."""
    keys = sorted(pairs, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), pairs


def _soft(consonant: str, letters: str, *, sign: str = "ь") -> dict[str, str]:
    """A soft consonant before each vowel and before anything else (Дьюла, Татабанья, дь)."""
    vowels = {"a": "я", "á": "я", "e": "є", "é": "є", "i": "ї", "í": "ї", "o": "йо", "ó": "йо"}
    vowels |= {"u": "ю", "ú": "ю", "ö": "йо", "ő": "йо", "ü": "ю", "ű": "ю"}
    table = {letters + vowel: consonant + sign + soft for vowel, soft in vowels.items()}
    if not sign:
        # Without a soft sign the vowel itself is soft: ľa → ля, ňe → не.
        table |= {letters + vowel: consonant + soft[-1:] for vowel, soft in vowels.items()}
        table |= {letters + vowel: consonant + plain for vowel, plain in _SOFT_PLAIN.items()}
    table[letters] = consonant + "ь"
    return table


_SOFT_PLAIN = {"e": "е", "é": "е", "i": "і", "í": "і", "o": "ьо", "ó": "ьо"}


# Hungarian: sz → с, s → ш, cs → ч, zs → ж, gy/ny/ty → дь/нь/ть, ly → й, ö → е, ü → ю.
_HUNGARIAN = _table(
    {
        **_soft("д", "gy"),
        **_soft("н", "ny"),
        **_soft("т", "ty"),
        "dzs": "дж",
        "dz": "дз",
        "cs": "ч",
        "sz": "с",
        "zs": "ж",
        "ly": "й",
        "ja": "я",
        "já": "я",
        "je": "є",
        "jé": "є",
        "ju": "ю",
        "jú": "ю",
        "jó": "йо",
        "jo": "йо",
        "j": "й",
        "s": "ш",
        "c": "ц",
        "z": "з",
        "h": "г",
        "ch": "х",
        "a": "а",
        "á": "а",
        "e": "е",
        "é": "е",
        "i": "і",
        "í": "і",
        "o": "о",
        "ó": "о",
        "ö": "е",
        "ő": "е",
        "u": "у",
        "ú": "у",
        "ü": "ю",
        "ű": "ю",
        **dict(zip("bdfgklmnprtvw", "бдфгклмнпртвв", strict=True)),
    }
)
# Czech and Slovak: č → ч, š → ш, ž → ж, ř → рж, ch → х, h → г, ě → є, y → и, ľ → ль.
_WEST_SLAVIC = _table(
    {
        "ch": "х",
        "dž": "дж",
        "dz": "дз",
        "ia": "я",
        "ie": "є",
        "iu": "ю",
        "ja": "я",
        "já": "я",
        "je": "є",
        "ju": "ю",
        "jú": "ю",
        "j": "й",
        **_soft("д", "ď", sign=""),
        **_soft("т", "ť", sign=""),
        **_soft("н", "ň", sign=""),
        **_soft("л", "ľ", sign=""),
        "dě": "де",
        "tě": "те",
        "ně": "не",
        "tř": "трш",
        "př": "прш",
        "kř": "крш",
        "chř": "хрш",
        # After ж, ч, ш, ц Ukrainian writes и: Žilina → Жиліна, Košice → Кошице.
        **{
            consonant + vowel: cyrillic + "и"
            for consonant, cyrillic in {"č": "ч", "š": "ш", "ž": "ж", "c": "ц"}.items()
            for vowel in ("i", "í")
        },
        "č": "ч",
        "š": "ш",
        "ž": "ж",
        "ř": "рж",
        "ĺ": "л",
        "ŕ": "р",
        "c": "ц",
        "h": "г",
        "ě": "є",
        "a": "а",
        "á": "а",
        "ä": "е",
        "e": "е",
        "é": "е",
        "i": "і",
        "í": "і",
        "o": "о",
        "ó": "о",
        "ô": "уо",
        "u": "у",
        "ú": "у",
        "ů": "у",
        "y": "и",
        "ý": "и",
        "x": "кс",
        "w": "в",
        **dict(zip("bdfgklmnprstvz", "бдфгклмнпрствз", strict=True)),
    }
)
_WEST_SLAVIC_ADJECTIVES = (
    ("ský", "ський"),
    ("ská", "ська"),
    ("ské", "ське"),
    ("cký", "цький"),
    ("cká", "цька"),
)
_WEST_SLAVIC_ENDINGS = (("nica", "ниця"), ("ica", "иця"))
_PLAIN_LETTERS = dict(zip("abdefgklmnoprstuvz", "абдефгклмнопрстувз", strict=True))
# Georgian, romanised by the national system of 2002: kh → х, ts → ц, q → к, gh → г, j → дж;
# an i after a vowel is ї (Kutaisi → Кутаїсі).
_GEORGIAN = _table(
    {
        **_PLAIN_LETTERS,
        "kh": "х",
        "ts": "ц",
        "dz": "дз",
        "zh": "ж",
        "sh": "ш",
        "ch": "ч",
        "gh": "г",
        "q": "к",
        "j": "дж",
        "h": "г",
        "i": "і",
        **{vowel + "i": cyrillic + "ї" for vowel, cyrillic in zip("aeou", "аеоу", strict=True)},
    }
)
# Lithuanian: š → ш, ž → ж, č → ч, c → ц, y → і, ė → е; i before a vowel softens (Šiauliai →
# Шяуляй), ie is е (Prienai → Пренай), l before a consonant is soft (Kelmė → Кельме).
_LITHUANIAN = _table(
    {
        **_PLAIN_LETTERS,
        "ą": "а",
        "ę": "е",
        "ė": "е",
        "į": "і",
        "y": "і",
        "ū": "у",
        "ų": "у",
        "i": "і",
        "c": "ц",
        "č": "ч",
        "š": "ш",
        "ž": "ж",
        "šč": "щ",
        "ch": "х",
        "dž": "дж",
        "h": "г",
        "j": "й",
        "ja": "я",
        "ją": "я",
        "je": "є",
        "ju": "ю",
        "jū": "ю",
        "jų": "ю",
        "ia": "я",
        "ią": "я",
        "iu": "ю",
        "iū": "ю",
        "ių": "ю",
        "io": "йо",
        "ie": "е",
        "ľ": "ль",
        **{
            letter + vowel: cyrillic + soft
            for letter, cyrillic in {"š": "ш", "ž": "ж", "č": "ч", "c": "ц"}.items()
            for vowel, soft in {"i": "и", "y": "и", "ia": "я", "iu": "ю", "ią": "я"}.items()
        },
    }
)
# Latvian: the long vowels as short ones, ļ → ль, ņ → нь, ie → іє (Liepāja → Лієпая).
_LATVIAN = _table(
    {
        **_PLAIN_LETTERS,
        "ā": "а",
        "ē": "е",
        "ī": "і",
        "ū": "у",
        "i": "і",
        "y": "і",
        "c": "ц",
        "č": "ч",
        "š": "ш",
        "ž": "ж",
        "dž": "дж",
        "ģ": "г",
        "ķ": "к",
        "h": "х",
        "j": "й",
        "ja": "я",
        "jā": "я",
        "je": "є",
        "jē": "є",
        "ju": "ю",
        "jū": "ю",
        "ie": "іє",
        **_soft("л", "ļ", sign=""),
        **_soft("н", "ņ", sign=""),
    }
)
# Estonian: ä → я, õ → и, ö → е, ü → ю; h before a consonant is х (Kohtla → Кохтла), else г.
_ESTONIAN = _table(
    {
        **_PLAIN_LETTERS,
        "ä": "я",
        "õ": "и",
        "ö": "е",
        "ü": "ю",
        "i": "і",
        "y": "і",
        "c": "ц",
        "š": "ш",
        "ž": "ж",
        "h": "г",
        "ĥ": "х",
        "j": "й",
        "ja": "я",
        "jä": "я",
        "je": "є",
        "ju": "ю",
        "jõ": "йи",
        "lja": "лья",
        "lje": "льє",
        "lju": "лью",
    }
)


def _romanian(i: str) -> dict[str, str]:
    """Romanian spelling; `i` is how an i after a consonant is written: і in Romania, и in
    Moldova (Crikova → Крикова, Strășeni → Стрешени), as Ukrainian usage has it."""
    return {
        **_PLAIN_LETTERS,
        "i": i,
        "ă": "е",
        "â": "и",
        "î": "и",
        "ș": "ш",
        "ş": "ш",
        "ț": "ц",
        "ţ": "ц",
        "c": "к",
        "h": "х",
        "j": "ж",
        "x": "кс",
        "chi": "к" + i,
        "che": "ке",
        "ghi": "г" + i,
        "ghe": "ге",
        "cea": "ча",
        "cia": "ча",
        "gea": "джа",
        "gia": "джа",
        # Before a back vowel the i only softens the c or g: Ciucea → Чуча, Giurgiu → Джурджу.
        "ciu": "чу",
        "cio": "чо",
        "giu": "джу",
        "gio": "джо",
        "ce": "че",
        "ci": "ч" + i,
        "ge": "дже",
        "gi": "дж" + i,
        "ea": "я",
        "ia": i + "я",
        "ie": i + "є",
        # A final i after -en- and -șt- is barely heard: Urziceni → Урзічень, Pitești → Пітешть;
        # after c and ț it is not written at all: Tecuci → Текуч, Galați → Галац. The e of -eni
        # may be taken by the letter before it (ce, ghe), so the n stands alone.
        "nĭ": "нь",
        "ștĭ": "шть",
        "ştĭ": "шть",
        "cĭ": "ч",
        "țĭ": "ц",
        "ţĭ": "ц",
    }


# Serbian, Croatian, Bosnian, Montenegrin and Slovene Latin: č, ć → ч, đ, dž → дж, lj → ль,
# nj → нь, h → х; i → и (Niš → Ниш, Travnik → Травник, Kolašin → Колашин).
_SOUTH_SLAVIC = _table(
    {
        **_PLAIN_LETTERS,
        "i": "и",
        "c": "ц",
        "č": "ч",
        "ć": "ч",
        "š": "ш",
        "ž": "ж",
        "đ": "дж",
        "dž": "дж",
        "h": "х",
        "j": "й",
        "ja": "я",
        "je": "є",
        "ju": "ю",
        "jo": "йо",
        **{
            pair + vowel: cyrillic + soft
            for pair, cyrillic in {"lj": "л", "nj": "н"}.items()
            for vowel, soft in {"a": "я", "e": "є", "i": "і", "o": "ьо", "u": "ю", "": "ь"}.items()
        },
        **{
            letter + "i": cyrillic + "и"
            for letter, cyrillic in {"c": "ц", "č": "ч", "ć": "ч", "š": "ш", "ž": "ж"}.items()
        },
    }
)
# Bulgarian, romanised by the official system of 2009: zh → ж, ts → ц, ch → ч, sht → щ,
# sh → ш, yu → ю, ya → я, y → й, h → х; и as Ukrainian writes Bulgarian names (Пловдив), і
# before a vowel (Pomorie → Поморіє). The romanisation writes ъ as a, so Tarnovo stays Тарново.
_BULGARIAN = _table(
    {
        **_PLAIN_LETTERS,
        "i": "и",
        "c": "ц",
        "zh": "ж",
        "ts": "ц",
        "ch": "ч",
        "sht": "щ",
        "sh": "ш",
        "yu": "ю",
        "ya": "я",
        "y": "й",
        "h": "х",
        "ia": "ія",
        "ie": "іє",
        "io": "іо",
        "iu": "ію",
        **{vowel + "e": cyrillic + "є" for vowel, cyrillic in zip("aou", "аоу", strict=True)},
    }
)
# German: sch → ш, tsch → ч, ch → х, z and tz → ц, v → ф, w → в, ei → ай, eu and äu → ой,
# ie → і, ä and ö → е, ü → ю; s before a vowel is з, st and sp open a word (and -stadt, -stein)
# as шт, шп; h after a vowel is not written; l before a consonant is soft (Filderstadt →
# Фільдерштадт, Barsinghausen → Барзінггаузен). Marked letters come from `_prepared`.
_GERMAN = _table(
    {
        **_PLAIN_LETTERS,
        "i": "і",
        "y": "і",
        "tsch": "ч",
        "sch": "ш",
        "chs": "кс",
        "ch": "х",
        "ck": "к",
        "tz": "ц",
        "z": "ц",
        "c": "к",
        "ce": "це",
        "ci": "ці",
        "th": "т",
        "ph": "ф",
        "qu": "кв",
        "v": "ф",
        "w": "в",
        "ß": "с",
        "x": "кс",
        "h": "г",
        "ei": "ай",
        "ey": "ай",
        "ai": "ай",
        "eu": "ой",
        "äu": "ой",
        "ie": "і",
        "ä": "е",
        "ö": "е",
        "ü": "ю",
        "ee": "е",
        "ja": "я",
        "je": "є",
        "ju": "ю",
        "jo": "йо",
        "j": "й",
        "ŝ": "ш",
        "ẑ": "з",
        "ľ": "ль",
    }
)
# Greek, romanised by ELOT 743: th → т, ch → х, ps → пс, ou → у, ai → е, ei and oi → і,
# au → ав, eu → ев, y → і (Kalymnos → Калімнос, Lefkada → Лефкада, Itea → Ітея).
_GREEK = _table(
    {
        **_PLAIN_LETTERS,
        "i": "і",
        "y": "і",
        "h": "х",
        "x": "кс",
        "c": "к",
        "th": "т",
        "ch": "х",
        "ph": "ф",
        "ps": "пс",
        "ou": "у",
        "ai": "е",
        "ei": "і",
        "oi": "і",
        "au": "ав",
        "af": "аф",
        "eu": "ев",
        "ef": "еф",
        "gk": "нг",
        "gg": "нг",
        "ea": "ея",
        "ia": "ія",
        "io": "іо",
        "ie": "іє",
    }
)
_GERMAN_ST = re.compile("^s(?=[tp])|s(?=t(?:adt|ein|edt))")
_GERMAN_S = re.compile("(?:^|(?<=[aeiouäöüylnr]))s(?=[aeiouäöüy])")
_GERMAN_H = re.compile("(?<=[aeiouäöü])h(?![aeiouäöü])")
_GERMAN_L = re.compile("l(?=[^aeiouäöüyl]|$)")
# Prepositions inside names: Ústí nad Labem → Усті-над-Лабем, hyphenated around them.
_PREPOSITIONS = {"nad": "над", "pod": "під", "na": "на", "pri": "при", "u": "у"}
_ROMANIAN_PREPOSITIONS = {"de": "де", "lui": "луй", "din": "дін", "la": "ла"}
# German names keep their small words lower case: Weil am Rhein → Вайль-ам-Райн.
_GERMAN_PREPOSITIONS = {
    "am": "ам",
    "an": "ан",
    "im": "ім",
    "in": "ін",
    "ob": "об",
    "bei": "бай",
    "der": "дер",
    "dem": "дем",
}
_BY_COUNTRY = {
    "HU": _HUNGARIAN,
    "CZ": _WEST_SLAVIC,
    "SK": _WEST_SLAVIC,
    "GE": _GEORGIAN,
    "BG": _BULGARIAN,
    "DE": _GERMAN,
    "GR": _GREEK,
    "CY": _GREEK,
    "AT": _GERMAN,
    "LT": _LITHUANIAN,
    "LV": _LATVIAN,
    "EE": _ESTONIAN,
    "RO": _table(_romanian("і")),
    "MD": _table(_romanian("и")),
    **dict.fromkeys(("HR", "BA", "ME", "RS", "SI"), _SOUTH_SLAVIC),
}
# Languages Ukrainian writes with a hyphen between the words of a town's name (Тиргу-Муреш).
_HYPHENATED = frozenset({"RO", "MD", "LT", "HR", "BA", "ME", "RS", "SI", "BG", "DE", "AT"})
_LETTERS = re.compile(r"^[^\W\d_]+(?:[ -][^\W\d_]+)*$")
# Languages whose ai, ei, oi, ui are diphthongs, written with й.
_DIPHTHONGS = frozenset({"LT", "LV", "EE", "RO", "MD"})
_CYRILLIC_VOWELS = "аеєиіїоуюя"
# An i after a vowel and before anything but a vowel is й: Paide → Пайде, Trakai → Тракай.
_DIPHTHONG = re.compile(f"(?<=[{_CYRILLIC_VOWELS}])[іи](?![{_CYRILLIC_VOWELS}])")
# ...and between vowels it is й, or softens the next one: Sinaia → Сіная, Craiova → Крайова.
_BETWEEN_VOWELS = re.compile(f"(?<=[{_CYRILLIC_VOWELS}])[іи]([яєаеоу])")
_IOTATED_AFTER_VOWEL = {"я": "я", "а": "я", "є": "є", "е": "є", "о": "йо", "у": "йу"}
_LITHUANIAN_L = re.compile("l(?=[^aąeęėiįyouųū]|$)")
_ESTONIAN_H = re.compile("h(?=[^aeiouõäöü]|$)")


# Where a Romanian word's final i is marked silent (ĭ): after -en-, -șt- and c, and in
# Romania after ț too; Moldova's towns keep a final i after ț.
_SILENT_FINAL_I = {"RO": "(en|[șş]t|c|[țţ])i$", "MD": "(en|[șş]t|c)i$"}


def _prepared(word: str, country: str) -> str:
    """Marks the letters whose sound depends on the next one, for the one-pass tables."""
    if country == "LT":
        return _LITHUANIAN_L.sub("ľ", word)
    if country == "EE":
        return _ESTONIAN_H.sub("ĥ", word)
    if country in ("RO", "MD") and re.search(_SILENT_FINAL_I[country], word):
        return word[:-1] + "ĭ"
    if country in ("GR", "CY"):
        # Stress marks say nothing Ukrainian writes: Kalamariá is Kalamaria.
        decomposed = unicodedata.normalize("NFD", word)
        return "".join(char for char in decomposed if not unicodedata.combining(char))
    if country in ("DE", "AT"):
        # A word's first rh is an r (Rheine → Райне); inside a word r and h are two sounds.
        word = _GERMAN_H.sub("", _GERMAN_ST.sub("ŝ", re.sub("^rh", "r", word)))
        return _GERMAN_L.sub("ľ", _GERMAN_S.sub("ẑ", word))
    return word


def _by_table(name: str, country: str) -> str | None:
    table = _BY_COUNTRY.get(country)
    if table is None or not _LETTERS.match(name):
        return None
    pattern, pairs = table
    words = []
    separators = [*re.findall(r"[ -]", name), ""]
    if country in _HYPHENATED:
        separators = ["-" for _ in separators]
    prepositions = (
        _ROMANIAN_PREPOSITIONS
        if country in ("RO", "MD")
        else _GERMAN_PREPOSITIONS
        if country in ("DE", "AT")
        else _PREPOSITIONS
    )
    for word in re.split(r"[ -]", name.lower()):
        if word in prepositions:
            words.append(prepositions[word])
            continue
        ending = ""
        if table is _WEST_SLAVIC:
            for written, ukrainian in (*_WEST_SLAVIC_ADJECTIVES, *_WEST_SLAVIC_ENDINGS):
                if word.endswith(written) and len(word) > len(written) + 1:
                    word, ending = word[: -len(written)], ukrainian
                    break
        converted = pattern.sub(lambda match: pairs[match.group()], _prepared(word, country))
        if country in _DIPHTHONGS:
            converted = _BETWEEN_VOWELS.sub(
                lambda match: _IOTATED_AFTER_VOWEL[match.group(1)], converted
            )
            converted = _DIPHTHONG.sub("й", converted)
        if not all(is_cyrillic(char) or char in "ь’" for char in converted):
            return None
        converted += ending
        words.append(converted[:1].upper() + converted[1:])
    lowered = [word in prepositions.values() for word in words]
    joined = words[0]
    for index in range(1, len(words)):
        # Ukrainian joins a preposition and its neighbours with hyphens, other words by the
        # name's own separator.
        hyphen = lowered[index] or lowered[index - 1] or separators[index - 1] == "-"
        joined += ("-" if hyphen else " ") + words[index]
    return joined


# Korean, romanised by the Revised Romanisation: vowels first (eo → о, eu → и, ae → е), then
# consonants, whose sound depends on where they stand: g, d, b, j open a word voiceless (Daegu
# → Тегу, Busan → Пусан, Jeonju → Чонджу); k, t, p, ch before a vowel are aspirated (Pohang →
# Пхохан, Incheon → Інчхон); ng is н (Gwangju → Кванджу); l before a vowel is р.
_KOREAN_VOWELS = (
    ("yeo", "ьо"),
    ("wae", "ве"),
    ("ae", "е"),
    ("eo", "о"),
    ("eu", "и"),
    ("oe", "ве"),
    ("ui", "ий"),
    ("wa", "ва"),
    ("wo", "во"),
    ("we", "ве"),
    ("wi", "ві"),
    ("ya", "я"),
    ("ye", "є"),
    ("yo", "ьо"),
    ("yu", "ю"),
    ("a", "а"),
    ("e", "е"),
    ("i", "і"),
    ("o", "о"),
    ("u", "у"),
)
_KOREAN_CONSONANTS = (
    ("kk", "кк"),
    ("tt", "тт"),
    ("pp", "пп"),
    ("ss", "сс"),
    ("jj", "чч"),
    ("ch", "чх"),
    ("ng", "н"),
    ("ll", "лл"),
    ("g", "г"),
    ("d", "д"),
    ("b", "б"),
    ("j", "дж"),
    ("k", "кх"),
    ("t", "тх"),
    ("p", "пх"),
    ("s", "с"),
    ("h", "х"),
    ("m", "м"),
    ("n", "н"),
    ("r", "р"),
    ("l", "ль"),
)
# A word's first g, d, b, j are voiceless; an older romanisation's k (Kimhae) is the same к.
_KOREAN_INITIAL = {"г": "к", "д": "т", "б": "п", "дж": "ч", "кх": "к"}
# Words for the unit, not the town's name: Goyang-si is Goyang.
_KOREAN_UNITS = frozenset({"si", "gun", "eup", "myeon"})
_KOREAN_WORD = re.compile("^[a-z]+$")


def _korean(name: str) -> str | None:
    parts = re.split(r"[ -]", name.lower())
    words = [_korean_word(word) for word in parts if word not in _KOREAN_UNITS or word == parts[0]]
    if not all(words):
        return None
    return "-".join(word[:1].upper() + word[1:] for word in words if word)


def _korean_word(word: str) -> str | None:
    if not _KOREAN_WORD.match(word):
        return None
    out: list[str] = []
    position = 0
    while position < len(word):
        rest = word[position:]
        vowel = next(((r, u) for r, u in _KOREAN_VOWELS if rest.startswith(r)), None)
        if vowel is not None:
            sound = vowel[1]
            if sound.startswith("ь") and (not out or out[-1][-1] in "аеєиіїоуюяй"):
                # After a vowel or at the start the y is й (Buyeo → Пуйо, Yeosu → Йосу).
                sound = "й" + sound[1:]
            out.append(sound)
            position += len(vowel[0])
            continue
        consonant = next(((r, u) for r, u in _KOREAN_CONSONANTS if rest.startswith(r)), None)
        if rest.startswith("ngy"):
            # n closing a syllable, then gy opening one (Mungyeong → Мунгьон).
            consonant = ("n", "н")
        if consonant is None:
            return None
        written, sound = consonant
        following = word[position + len(written) : position + len(written) + 1]
        before_vowel = following in tuple("aeiouwy")
        if not out:
            sound = _KOREAN_INITIAL.get(sound, sound)
        elif not before_vowel and sound in ("кх", "тх", "пх"):
            # A closing k, t, p is not aspirated (Pyeongtaek → Пхьонтхек).
            sound = sound[0]
        elif before_vowel and sound == "ль":
            sound = "р"
        out.append(sound)
        position += len(written)
    return "".join(out)


# English spelling rarely says how a name sounds: only a name whose every letter reads one way
# is transcribed (Corning → Корнінг, Kingston → Кінгстон). A, u, y, w, h, j, q, x, two vowels
# together, c or g before e or i, and a silent e all leave a name as it is: Salem is
# Сейлем, Camden Кемден, Burton Бертон, which no letter-by-letter rule gives.
_ENGLISH_COUNTRIES = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})
_ENGLISH_PLAIN = re.compile(
    # A silent e: final, after a vowel and one consonant (Moreton, Pinecrest), or in -le-
    # (Middleton, Eccles).
    "^(?!.*[eio]{2})(?!.*[cg][ei])(?!.*e$)(?!.*ln)(?!.*[eio][^eio]e[^eio])(?!.*[^eio]le[^eio])"
    "[bcdefgiklmnoprstvz]+$"
)
_ENGLISH = _table(
    {
        **_PLAIN_LETTERS,
        "i": "і",
        "c": "к",
        "ck": "к",
        "ng": "нг",
    }
)


def _english(name: str) -> str | None:
    words = re.split(r"[ -]", name.lower())
    if not all(_ENGLISH_PLAIN.match(word) for word in words):
        return None
    pattern, pairs = _ENGLISH
    converted = [pattern.sub(lambda match: pairs[match.group()], word) for word in words]
    return "-".join(word[:1].upper() + word[1:] for word in converted)
