"""A national-scale knowledge base: every real hromada, with generated partners, aid and sources.

The partner towns are synthetic but plausible: their names are put together from syllables
typical of each country, in Latin script with a Ukrainian transliteration built alongside.
Everything is drawn from one seeded random generator, so a seed always gives the same document.
The curated knowledge is merged in unchanged, so the real questions keep their answers' facts.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate
from typing import TypeVar

from babel import Locale

from knowledge.facts.dates import PartialDate
from knowledge.facts.documents import (
    AgreementDoc,
    AidDoc,
    AidItemDoc,
    Bilingual,
    CitationDoc,
    DonorDoc,
    ExtensionDoc,
    HromadaDoc,
    KnowledgeDocument,
    Notes,
    PlaceDoc,
    SourceDoc,
)
from knowledge.facts.vocabulary import (
    AgreementKind,
    AgreementStatus,
    AidCategory,
    CooperationArea,
    DonorKind,
    HromadaKind,
    SourceKind,
)
from knowledge.store.curated import curated_document

PLACES = 5_000
AID_RECORDS = 50_000
SOURCES = 300

T = TypeVar("T")
# A syllable in Latin script and in Ukrainian.
Pair = tuple[str, str]


@dataclass(frozen=True)
class _Family:
    """How town names of one language are put together: start, optional middle, ending."""

    starts: tuple[Pair, ...]
    ends: tuple[Pair, ...]
    middles: tuple[Pair, ...] = ()
    # Whole words before the name, with their separator ("Nowa ", "Saint-").
    prefixes: tuple[Pair, ...] = ()
    # The endings a prefix agrees with; empty: any ending.
    prefix_ends: frozenset[str] = frozenset()


# fmt: off
_FAMILIES: dict[str, _Family] = {
    "pl": _Family(
        starts=(
            ("Wol", "Вол"), ("Dąb", "Домб"), ("Brzez", "Бжез"), ("Kras", "Крас"), ("Lip", "Ліп"),
            ("Grab", "Граб"), ("Jasien", "Ясен"), ("Sokol", "Сокол"), ("Kamien", "Камен"),
            ("Zawad", "Завад"), ("Rud", "Руд"), ("Glin", "Глін"), ("Pias", "Пяс"),
            ("Ostr", "Остр"), ("Mal", "Мал"), ("Włod", "Влод"), ("Bor", "Бор"), ("Sośn", "Сосн"),
            ("Chełm", "Хелм"), ("Krzyw", "Кшив"), ("Łęcz", "Ленч"), ("Prusz", "Пруш"),
            ("Mił", "Міл"), ("Strzel", "Стшел"), ("Żyr", "Жир"),
        ),
        middles=(
            ("ow", "ов"), ("in", "ін"), ("an", "ан"), ("isz", "іш"),
        ),
        ends=(
            ("owa", "ова"), ("owice", "овіце"), ("ów", "ув"), ("na", "на"), ("no", "но"),
            ("ice", "іце"), ("ka", "ка"), ("in", "ін"), ("sko", "сько"), ("ewo", "ево"),
            ("niki", "ніки"), ("ec", "ець"), ("akowo", "аково"),
        ),
        prefixes=(
            ("Nowa ", "Нова "), ("Stara ", "Стара "), ("Wielka ", "Велика "), ("Mała ", "Мала "),
            ("Górna ", "Гурна "), ("Dolna ", "Дольна "),
        ),
        prefix_ends=frozenset({"ka", "na", "owa"}),
    ),
    "de": _Family(
        starts=(
            ("Alten", "Альтен"), ("Neu", "Ной"), ("Rosen", "Розен"), ("Linden", "Лінден"),
            ("Eich", "Айх"), ("Hohen", "Гоен"), ("Wald", "Вальд"), ("Stein", "Штайн"),
            ("Schön", "Шен"), ("Mühl", "Мюль"), ("Bergen", "Берген"), ("Frank", "Франк"),
            ("Eber", "Ебер"), ("Hoch", "Гох"), ("Kirch", "Кірх"), ("Lauter", "Лаутер"),
            ("Ober", "Обер"), ("Unter", "Унтер"), ("Falken", "Фалькен"), ("Wolfs", "Вольфс"),
            ("Bruch", "Брух"), ("Heiligen", "Гайліген"), ("Fried", "Фрід"),
        ),
        middles=(
            ("en", "ен"), ("s", "с"), ("el", "ель"),
        ),
        ends=(
            ("berg", "берг"), ("burg", "бург"), ("dorf", "дорф"), ("hausen", "гаузен"),
            ("heim", "гайм"), ("feld", "фельд"), ("bach", "бах"), ("stadt", "штадт"), ("au", "ау"),
            ("tal", "таль"), ("furt", "фурт"), ("ingen", "інген"), ("brück", "брюк"),
            ("hagen", "гаген"),
        ),
        prefixes=(
            ("Bad ", "Бад "),
        ),
    ),
    "en": _Family(
        starts=(
            ("Green", "Грін"), ("Spring", "Спрінг"), ("Fair", "Фейр"), ("Oak", "Оук"),
            ("Maple", "Мейпл"), ("Clear", "Клір"), ("Brook", "Брук"), ("Ash", "Еш"),
            ("Mill", "Мілл"), ("West", "Вест"), ("North", "Норт"), ("Stan", "Стен"),
            ("Wood", "Вуд"), ("Bright", "Брайт"), ("Elm", "Ельм"), ("Lake", "Лейк"),
            ("Pine", "Пайн"), ("Red", "Ред"), ("Rock", "Рок"), ("Silver", "Сілвер"),
            ("Chester", "Честер"), ("Cedar", "Сідар"), ("Hamp", "Гемп"),
        ),
        ends=(
            ("ville", "вілл"), ("field", "філд"), ("ton", "тон"), ("ford", "форд"),
            ("wood", "вуд"), ("dale", "дейл"), ("bury", "бері"), ("port", "порт"),
            ("mont", "монт"), ("bridge", "бридж"), ("haven", "гейвен"), ("ham", "гем"),
            ("worth", "ворт"), ("land", "ленд"),
        ),
        prefixes=(
            ("New ", "Нью-"), ("Port ", "Порт-"), ("Mount ", "Маунт-"),
        ),
    ),
    "fr": _Family(
        starts=(
            ("Beau", "Бо"), ("Mont", "Мон"), ("Ville", "Віль"), ("Château", "Шато"),
            ("Fonten", "Фонтен"), ("Roche", "Рош"), ("Val", "Вал"), ("Bel", "Бель"),
            ("Cler", "Клер"), ("Mar", "Мар"), ("Bour", "Бур"), ("Lan", "Лан"), ("Ver", "Вер"),
            ("Cham", "Шам"), ("Mor", "Мор"), ("Pont", "Пон"), ("Trel", "Трел"), ("Aur", "Ор"),
        ),
        ends=(
            ("ville", "віль"), ("court", "кур"), ("mont", "мон"), ("bourg", "бур"), ("ac", "ак"),
            ("ay", "е"), ("ignac", "іньяк"), ("ières", "ьєр"), ("anges", "анж"), ("elle", "ель"),
            ("ois", "уа"), ("y", "і"),
        ),
        prefixes=(
            ("Saint-", "Сен-"), ("La ", "Ла-"), ("Le ", "Ле-"),
        ),
    ),
    "lt": _Family(
        starts=(
            ("Kal", "Кал"), ("Pa", "Па"), ("Rud", "Руд"), ("Žal", "Жал"), ("Vil", "Віл"),
            ("Ber", "Бер"), ("Kup", "Куп"), ("Jur", "Юр"), ("Šil", "Шил"), ("Ar", "Ар"),
            ("Dar", "Дар"), ("Mol", "Мол"), ("Trak", "Трак"), ("Gar", "Гар"), ("Ukm", "Укм"),
            ("Ner", "Нер"), ("Bir", "Бір"), ("Rok", "Рок"),
        ),
        middles=(
            ("i", "і"), ("e", "е"), ("a", "а"),
        ),
        ends=(
            ("nai", "най"), ("ėnai", "еняй"), ("iai", "яй"), ("ava", "ава"), ("iškės", "ішкес"),
            ("upis", "упіс"), ("onys", "оніс"), ("ai", "ай"), ("ėtai", "етай"),
            ("ininkai", "інінкай"), ("žiai", "жяй"),
        ),
    ),
    "lv": _Family(
        starts=(
            ("Ol", "Ол"), ("Sal", "Сал"), ("Kan", "Кан"), ("Lim", "Лім"), ("Tal", "Тал"),
            ("Aiz", "Айз"), ("Jaun", "Яун"), ("Val", "Вал"), ("Rūj", "Руй"), ("Ced", "Цед"),
            ("Līg", "Ліг"), ("Kul", "Кул"), ("Ikš", "Ікш"), ("Dob", "Доб"), ("Bal", "Бал"),
            ("Sig", "Сіг"), ("Madon", "Мадон"),
        ),
        middles=(
            ("a", "а"), ("u", "у"),
        ),
        ends=(
            ("aine", "айне"), ("dze", "дзе"), ("ciems", "ціємс"), ("pils", "пілс"), ("ene", "ене"),
            ("kalne", "калне"), ("ava", "ава"), ("iena", "ієна"), ("ere", "ере"), ("sala", "сала"),
            ("muiža", "муйжа"), ("ulda", "улда"),
        ),
    ),
    "cs": _Family(
        starts=(
            ("Hrad", "Град"), ("Lit", "Літ"), ("Brez", "Брез"), ("Kos", "Кос"), ("Přer", "Пршер"),
            ("Bys", "Бис"), ("Dob", "Доб"), ("Hol", "Гол"), ("Krom", "Кром"), ("Lip", "Ліп"),
            ("Most", "Мост"), ("Pís", "Піс"), ("Rož", "Рож"), ("Sed", "Сед"), ("Trn", "Трн"),
            ("Vel", "Вел"), ("Zvol", "Звол"), ("Pov", "Пов"), ("Ban", "Бан"), ("Lev", "Лев"),
            ("Spiš", "Спіш"),
        ),
        middles=(
            ("ov", "ов"), ("an", "ан"), ("in", "ін"),
        ),
        ends=(
            ("ice", "іце"), ("ov", "ов"), ("ín", "ін"), ("ec", "ець"),
            ("ná", "на"), ("ava", "ава"), ("ovce", "овце"), ("ník", "нік"), ("ovo", "ово"),
            ("any", "ани"), ("ča", "ча"),
        ),
        prefixes=(
            ("Nové ", "Нове "), ("Staré ", "Старе "), ("Horní ", "Горні "), ("Dolní ", "Дольні "),
        ),
        prefix_ends=frozenset({"any", "ice", "ovce", "ovo"}),
    ),
    "it": _Family(
        starts=(
            ("Castel", "Кастель"), ("Monte", "Монте"), ("Villa", "Вілла"), ("Roc", "Рок"),
            ("San", "Сан"), ("Bel", "Бель"), ("Fiora", "Фьора"), ("Ponte", "Понте"),
            ("Terra", "Терра"), ("Borgo", "Борго"), ("Campo", "Кампо"), ("Pog", "Пог"),
            ("Sera", "Сера"), ("Lun", "Лун"), ("Mar", "Мар"), ("Cer", "Чер"), ("Gal", "Гал"),
            ("Vit", "Віт"), ("Lu", "Лу"),
        ),
        ends=(
            ("franco", "франко"), ("nuovo", "нуово"), ("ano", "ано"), ("ello", "елло"),
            ("ina", "іна"), ("ese", "езе"), ("ate", "ате"), ("aro", "аро"), ("one", "оне"),
            ("etto", "етто"), ("ia", "ія"), ("vecchio", "веккьо"), ("termini", "терміні"),
        ),
    ),
    "es": _Family(
        starts=(
            ("Puerto", "Пуерто"), ("Mira", "Міра"), ("Sant", "Сант"), ("Val", "Вал"),
            ("Alca", "Алька"), ("Tor", "Тор"), ("Ben", "Бен"), ("Cas", "Кас"), ("Mon", "Мон"),
            ("Sala", "Сала"), ("Lor", "Лор"), ("Gua", "Гуа"), ("Alme", "Альме"),
        ),
        ends=(
            ("ejo", "ехо"), ("ares", "арес"), ("illa", "ілья"), ("ena", "ена"), ("ón", "он"),
            ("dal", "даль"), ("eira", "ейра"), ("ana", "ана"), ("ar", "ар"), ("uelos", "уелос"),
            ("ada", "ада"),
        ),
    ),
    "nordic": _Family(
        starts=(
            ("Lund", "Лунд"), ("Mal", "Маль"), ("Sund", "Сунд"), ("Kung", "Кунг"), ("Ny", "Ню"),
            ("Hel", "Гель"), ("Sol", "Суль"), ("Berg", "Берг"), ("Fal", "Фаль"), ("Ska", "Ска"),
            ("Tor", "Тур"), ("Ås", "Ос"), ("Vik", "Вік"), ("Holm", "Гольм"), ("Ring", "Рінг"),
            ("Lille", "Лілле"), ("Strøm", "Стрем"),
        ),
        ends=(
            ("by", "бю"), ("köping", "черпінг"), ("sund", "сунд"), ("vik", "вік"),
            ("holm", "гольм"), ("berg", "берг"), ("stad", "стад"), ("ås", "ос"), ("dal", "даль"),
            ("rup", "руп"), ("lev", "лев"), ("borg", "борг"), ("hamn", "гамн"),
        ),
    ),
    "finnic": _Family(
        starts=(
            ("Kuu", "Куу"), ("Lah", "Лах"), ("Tal", "Тал"), ("Pär", "Пяр"), ("Vil", "Віль"),
            ("Haa", "Гаа"), ("Jy", "Ю"), ("Kok", "Кок"), ("Lap", "Лап"), ("Sal", "Сал"),
            ("Ou", "Оу"), ("Ra", "Ра"), ("Rak", "Рак"), ("Tar", "Тар"), ("Viru", "Віру"),
            ("Põl", "Пил"), ("Jõ", "Йи"),
        ),
        ends=(
            ("järvi", "ярві"), ("saari", "саарі"), ("lahti", "лахті"), ("mäki", "мякі"),
            ("koski", "коскі"), ("la", "ла"), ("nen", "нен"), ("maa", "маа"), ("küla", "кюла"),
            ("vere", "вере"), ("pää", "пяя"), ("linna", "лінна"), ("oja", "оя"),
        ),
    ),
    "ro": _Family(
        starts=(
            ("Bucu", "Буку"), ("Cal", "Кал"), ("Flo", "Фло"), ("Târ", "Тир"), ("Vaș", "Ваш"),
            ("Bra", "Бра"), ("Ung", "Унг"), ("Sân", "Син"), ("Oră", "Ора"), ("Ced", "Чед"),
            ("Făl", "Фел"), ("Dro", "Дро"), ("Sor", "Сор"), ("Cor", "Кор"), ("Hân", "Хин"),
            ("Străș", "Стреш"),
        ),
        ends=(
            ("ești", "ешть"), ("eni", "ень"), ("ița", "іца"), ("ani", "ань"), ("ova", "ова"),
            ("lui", "луй"), ("ul", "ул"), ("oaia", "оая"), ("ieni", "єнь"), ("ăuți", "еуць"),
            ("ina", "іна"),
        ),
    ),
    "hu": _Family(
        starts=(
            ("Szent", "Сент"), ("Keszt", "Кест"), ("Bala", "Бала"), ("Nagy", "Надь"),
            ("Kis", "Кіш"), ("Szeg", "Сег"), ("Mis", "Міш"), ("Hat", "Хат"), ("Tisza", "Тиса"),
            ("Duna", "Дуна"), ("Sár", "Шар"), ("Eger", "Егер"), ("Vác", "Вац"),
            ("Kaposz", "Капош"), ("Szom", "Сом"),
        ),
        ends=(
            ("hely", "гей"), ("vár", "вар"), ("falva", "фалва"), ("háza", "газа"),
            ("szállás", "саллаш"), ("halom", "галом"), ("füred", "фюред"), ("kút", "кут"),
            ("keresztúr", "керестур"), ("bánya", "баня"),
        ),
    ),
    "nl": _Family(
        starts=(
            ("Zand", "Занд"), ("Oost", "Ост"), ("West", "Вест"), ("Heer", "Гер"), ("Ams", "Амс"),
            ("Bre", "Бре"), ("Dor", "Дор"), ("Hoorn", "Горн"), ("Leeu", "Леу"), ("Rijs", "Рейс"),
            ("Zwol", "Звол"), ("Ede", "Еде"), ("Waal", "Ваал"), ("Zeven", "Зевен"),
        ),
        ends=(
            ("dam", "дам"), ("dijk", "дейк"), ("hoven", "гувен"), ("wijk", "вейк"),
            ("veen", "вен"), ("recht", "рехт"), ("drecht", "дрехт"), ("burg", "бюрг"),
            ("voort", "ворт"), ("horst", "горст"), ("sloot", "слот"), ("mond", "монд"),
        ),
    ),
    "ge": _Family(
        starts=(
            ("Kuta", "Кута"), ("Tel", "Тел"), ("Zug", "Зуг"), ("Sach", "Сач"), ("Gor", "Гор"),
            ("Kva", "Ква"), ("Bat", "Бат"), ("Ozur", "Озур"), ("Tsal", "Цал"), ("Lan", "Лан"),
            ("Sig", "Сіг"), ("Ambro", "Амбро"),
        ),
        ends=(
            ("avi", "аві"), ("eti", "еті"), ("ulo", "уло"), ("ia", "іа"), ("ghi", "гі"),
            ("khere", "хере"), ("ka", "ка"), ("uri", "урі"), ("aji", "аджі"),
        ),
    ),
    "jp": _Family(
        starts=(
            ("Higashi", "Хігасі"), ("Naka", "Нака"), ("Kita", "Кіта"), ("Mina", "Міна"),
            ("Shima", "Сіма"), ("Oka", "Ока"), ("Yama", "Яма"), ("Kawa", "Кава"), ("Taka", "Така"),
            ("Matsu", "Мацу"), ("Sakura", "Сакура"), ("Fuji", "Фудзі"), ("Nishi", "Ніші"),
        ),
        ends=(
            ("mura", "мура"), ("machi", "маті"), ("shima", "сіма"), ("yama", "яма"),
            ("kawa", "кава"), ("hara", "хара"), ("saki", "сакі"), ("oka", "ока"), ("ta", "та"),
            ("da", "да"), ("zawa", "дзава"),
        ),
    ),
    "tr": _Family(
        starts=(
            ("Kara", "Кара"), ("Ak", "Ак"), ("Bey", "Бей"), ("Yeni", "Єні"), ("Göl", "Гьоль"),
            ("Kır", "Кир"), ("Çam", "Чам"), ("Sarı", "Сари"), ("Ala", "Ала"), ("Eski", "Ескі"),
            ("Iz", "Із"), ("Mer", "Мер"),
        ),
        ends=(
            ("köy", "кьой"), ("dere", "дере"), ("pınar", "пинар"), ("hisar", "хісар"),
            ("ova", "ова"), ("kent", "кент"), ("şehir", "шехір"), ("su", "су"), ("tepe", "тепе"),
            ("yurt", "юрт"),
        ),
    ),
    "south_slavic": _Family(
        starts=(
            ("Bel", "Бел"), ("Nov", "Нов"), ("Kraj", "Край"), ("Slav", "Слав"), ("Gor", "Гор"),
            ("Zlat", "Злат"), ("Var", "Вар"), ("Dobr", "Добр"), ("Rad", "Рад"), ("Vel", "Вел"),
            ("Brez", "Брез"), ("Kam", "Кам"), ("Pod", "Под"), ("Sok", "Сок"), ("Mlad", "Млад"),
        ),
        ends=(
            ("ovac", "овац"), ("ac", "ац"), ("ica", "іца"), ("evo", "ево"), ("ograd", "оград"),
            ("jevo", "єво"), ("ovo", "ово"), ("ina", "іна"), ("ište", "іште"), ("grad", "град"),
            ("en", "ен"),
        ),
    ),
}
# fmt: on

# Partner countries with how often Ukrainian hromadas partner there, the naming family and
# a rough centre for coordinates.
_COUNTRIES: tuple[tuple[str, float, str, float, float], ...] = (
    ("PL", 24.0, "pl", 52.0, 19.4),
    ("DE", 13.0, "de", 51.1, 10.4),
    ("US", 8.0, "en", 39.8, -89.0),
    ("FR", 6.0, "fr", 46.6, 2.4),
    ("LT", 6.0, "lt", 55.3, 23.9),
    ("LV", 5.0, "lv", 56.9, 24.6),
    ("CZ", 5.0, "cs", 49.8, 15.5),
    ("SK", 5.0, "cs", 48.7, 19.7),
    ("IT", 4.5, "it", 42.8, 12.6),
    ("GB", 4.0, "en", 53.0, -1.5),
    ("EE", 3.0, "finnic", 58.7, 25.5),
    ("FI", 2.0, "finnic", 62.0, 25.7),
    ("AT", 2.0, "de", 47.6, 14.1),
    ("RO", 2.0, "ro", 45.9, 24.9),
    ("MD", 2.0, "ro", 47.2, 28.5),
    ("HU", 2.0, "hu", 47.2, 19.5),
    ("NL", 2.0, "nl", 52.2, 5.5),
    ("BE", 1.5, "fr", 50.6, 4.6),
    ("ES", 1.5, "es", 40.3, -3.7),
    ("PT", 0.7, "es", 39.6, -8.0),
    ("SE", 1.5, "nordic", 59.5, 15.5),
    ("NO", 1.0, "nordic", 60.5, 9.0),
    ("DK", 1.0, "nordic", 56.0, 9.5),
    ("GE", 1.5, "ge", 42.2, 43.5),
    ("CA", 1.5, "en", 45.5, -75.5),
    ("IE", 0.5, "en", 53.3, -7.8),
    ("CH", 0.7, "de", 46.8, 8.2),
    ("JP", 1.0, "jp", 36.2, 138.2),
    ("TR", 1.0, "tr", 39.0, 35.2),
    ("HR", 0.8, "south_slavic", 45.2, 15.5),
    ("SI", 0.5, "south_slavic", 46.1, 14.8),
    ("RS", 0.3, "south_slavic", 44.0, 20.8),
    ("ME", 0.2, "south_slavic", 42.8, 19.3),
)

# Regions as (Ukrainian, English); the curated places use some of the same ones.
_REGIONS: dict[str, tuple[Pair, ...]] = {
    "PL": (
        ("Мазовецьке воєводство", "Masovian Voivodeship"),
        ("Малопольське воєводство", "Lesser Poland Voivodeship"),
        ("Сілезьке воєводство", "Silesian Voivodeship"),
        ("Нижньосілезьке воєводство", "Lower Silesian Voivodeship"),
        ("Великопольське воєводство", "Greater Poland Voivodeship"),
        ("Лодзинське воєводство", "Łódź Voivodeship"),
        ("Люблінське воєводство", "Lublin Voivodeship"),
        ("Підкарпатське воєводство", "Subcarpathian Voivodeship"),
        ("Поморське воєводство", "Pomeranian Voivodeship"),
        ("Західнопоморське воєводство", "West Pomeranian Voivodeship"),
        ("Вармінсько-Мазурське воєводство", "Warmian-Masurian Voivodeship"),
        ("Підляське воєводство", "Podlaskie Voivodeship"),
        ("Свентокшиське воєводство", "Świętokrzyskie Voivodeship"),
        ("Опольське воєводство", "Opole Voivodeship"),
        ("Любуське воєводство", "Lubusz Voivodeship"),
        ("Куявсько-Поморське воєводство", "Kuyavian-Pomeranian Voivodeship"),
    ),
    "DE": (
        ("Баварія", "Bavaria"),
        ("Баден-Вюртемберг", "Baden-Württemberg"),
        ("Гессен", "Hesse"),
        ("Саксонія", "Saxony"),
        ("Тюрингія", "Thuringia"),
        ("Бранденбург", "Brandenburg"),
        ("Нижня Саксонія", "Lower Saxony"),
        ("Північний Рейн-Вестфалія", "North Rhine-Westphalia"),
        ("Рейнланд-Пфальц", "Rhineland-Palatinate"),
        ("Саар", "Saarland"),
        ("Шлезвіг-Гольштейн", "Schleswig-Holstein"),
        ("Саксонія-Ангальт", "Saxony-Anhalt"),
    ),
    "US": (
        ("Огайо", "Ohio"),
        ("Флорида", "Florida"),
        ("Нью-Мексико", "New Mexico"),
        ("Каліфорнія", "California"),
        ("Техас", "Texas"),
        ("Пенсільванія", "Pennsylvania"),
        ("Іллінойс", "Illinois"),
        ("Мічиган", "Michigan"),
        ("Вірджинія", "Virginia"),
        ("Массачусетс", "Massachusetts"),
        ("Колорадо", "Colorado"),
        ("Орегон", "Oregon"),
        ("Міннесота", "Minnesota"),
    ),
    "FR": (
        ("Іль-де-Франс", "Île-de-France"),
        ("О-де-Франс", "Hauts-de-France"),
        ("Гранд-Ест", "Grand Est"),
        ("Нормандія", "Normandy"),
        ("Бретань", "Brittany"),
        ("Пеї-де-ла-Луар", "Pays de la Loire"),
        ("Нова Аквітанія", "Nouvelle-Aquitaine"),
        ("Окситанія", "Occitania"),
        ("Овернь-Рона-Альпи", "Auvergne-Rhône-Alpes"),
        ("Корсика", "Corsica"),
    ),
    "IT": (
        ("Сицилія", "Sicily"),
        ("Ломбардія", "Lombardy"),
        ("Лаціо", "Lazio"),
        ("Кампанія", "Campania"),
        ("Венето", "Veneto"),
        ("Тоскана", "Tuscany"),
        ("Емілія-Романья", "Emilia-Romagna"),
        ("Апулія", "Apulia"),
        ("Калабрія", "Calabria"),
        ("Лігурія", "Liguria"),
    ),
    "CZ": (
        ("Південноморавський край", "South Moravian Region"),
        ("Середньочеський край", "Central Bohemian Region"),
        ("Пльзенський край", "Plzeň Region"),
        ("Ліберецький край", "Liberec Region"),
        ("Оломоуцький край", "Olomouc Region"),
        ("Злінський край", "Zlín Region"),
        ("Моравсько-Сілезький край", "Moravian-Silesian Region"),
        ("Пардубицький край", "Pardubice Region"),
    ),
    "SK": (
        ("Кошицький край", "Košice Region"),
        ("Пряшівський край", "Prešov Region"),
        ("Братиславський край", "Bratislava Region"),
        ("Трнавський край", "Trnava Region"),
        ("Нітранський край", "Nitra Region"),
        ("Жилінський край", "Žilina Region"),
        ("Банськобистрицький край", "Banská Bystrica Region"),
        ("Тренчинський край", "Trenčín Region"),
    ),
    "LT": (
        ("Вільнюський повіт", "Vilnius County"),
        ("Каунаський повіт", "Kaunas County"),
        ("Клайпедський повіт", "Klaipėda County"),
        ("Шяуляйський повіт", "Šiauliai County"),
        ("Паневезький повіт", "Panevėžys County"),
        ("Алітуський повіт", "Alytus County"),
        ("Утенський повіт", "Utena County"),
    ),
    "GB": (
        ("Англія", "England"),
        ("Шотландія", "Scotland"),
        ("Уельс", "Wales"),
        ("Північна Ірландія", "Northern Ireland"),
    ),
    "CA": (
        ("Онтаріо", "Ontario"),
        ("Альберта", "Alberta"),
        ("Манітоба", "Manitoba"),
        ("Саскачеван", "Saskatchewan"),
        ("Британська Колумбія", "British Columbia"),
    ),
}

_KINDS: tuple[tuple[AgreementKind, float, Pair], ...] = (
    (AgreementKind.TWINNING, 30, ("Угода про побратимство", "Twin-city agreement")),
    (AgreementKind.COOPERATION_AGREEMENT, 35, ("Угода про співпрацю", "Cooperation agreement")),
    (
        AgreementKind.MEMORANDUM,
        15,
        ("Меморандум про взаєморозуміння", "Memorandum of understanding"),
    ),
    (AgreementKind.FRIENDSHIP_PLEDGE, 4, ("Декларація про дружбу", "Friendship declaration")),
    (AgreementKind.PROTOCOL_OF_INTENT, 9, ("Протокол про наміри", "Protocol of intent")),
    (AgreementKind.OTHER, 7, ("Угода про партнерство", "Partnership agreement")),
)
_STATUSES: tuple[tuple[AgreementStatus, float], ...] = (
    (AgreementStatus.ACTIVE, 68),
    (AgreementStatus.IN_NEGOTIATION, 7),
    (AgreementStatus.PLANNED, 6),
    (AgreementStatus.SUSPENDED, 4),
    (AgreementStatus.TERMINATED, 6),
    (AgreementStatus.EXPIRED, 9),
)
# Partnerships multiplied after 2014 and again after 2022.
_SIGNING_YEARS = tuple(range(1991, 2026))
_SIGNING_WEIGHTS = tuple(
    1.0 if year < 2014 else 2.5 if year < 2022 else 4.0 if year == 2025 else 7.0
    for year in _SIGNING_YEARS
)

# Category: (Ukrainian, English, how often, the range of a stated quantity or None).
_CATEGORIES: dict[AidCategory, tuple[str, str, float, tuple[int, int] | None]] = {
    AidCategory.FOOD: ("продукти харчування", "food", 12, (50, 5_000)),
    AidCategory.CLOTHING: ("одяг", "clothing", 6, (50, 3_000)),
    AidCategory.HYGIENE: ("засоби гігієни", "hygiene products", 7, (100, 5_000)),
    AidCategory.TENTS: ("намети", "tents", 2, (1, 40)),
    AidCategory.MEDICAL_EQUIPMENT: ("медичне обладнання", "medical equipment", 8, (1, 60)),
    AidCategory.MEDICINES: ("ліки", "medicines", 9, (10, 2_000)),
    AidCategory.HOUSING_REPAIR_MATERIALS: (
        "матеріали для ремонту житла",
        "housing repair materials",
        5,
        (10, 5_000),
    ),
    AidCategory.INFRASTRUCTURE_MATERIALS: (
        "матеріали для відновлення інфраструктури",
        "infrastructure materials",
        3,
        (5, 500),
    ),
    AidCategory.SPECIAL_VEHICLES: ("спецтехніка", "special vehicles", 3, (1, 5)),
    AidCategory.MUNICIPAL_MACHINERY: ("комунальна техніка", "municipal machinery", 3, (1, 6)),
    AidCategory.VEHICLES: ("автомобілі", "vehicles", 5, (1, 15)),
    AidCategory.BUSES: ("автобуси", "buses", 2, (1, 4)),
    AidCategory.GENERATORS: ("генератори", "generators", 10, (1, 80)),
    AidCategory.ELECTRICAL_EQUIPMENT: ("електрообладнання", "electrical equipment", 4, (1, 200)),
    AidCategory.HUMANITARIAN_OTHER: (
        "інша гуманітарна допомога",
        "other humanitarian aid",
        8,
        None,
    ),
    AidCategory.FUNDS: ("кошти", "funds", 4, None),
    AidCategory.OTHER: ("інше", "other", 2, None),
}
_CURRENCIES = (("EUR", 6.0), ("USD", 3.0), ("PLN", 2.0), ("UAH", 2.0), ("GBP", 0.5))
_ORGANISATIONS = (
    "Caritas {town}",
    "{town} Rotary Club",
    "Friends of Ukraine {town}",
    "{town} Red Cross",
    "{town}–Ukraine Partnership Association",
    "{town} Community Foundation",
    "Humanitarian Aid {town}",
)
_OUTLETS: tuple[Pair, ...] = (
    ("Суспільне Мовлення", "Suspilne"),
    ("Укрінформ", "Ukrinform"),
    ("Децентралізація", "Decentralization portal"),
    ("Громадське радіо", "Hromadske Radio"),
    ("Портал громад", "Hromada news portal"),
)
_COUNCILS: dict[HromadaKind | None, Pair] = {
    HromadaKind.URBAN: ("міська рада", "City Council"),
    HromadaKind.SETTLEMENT: ("селищна рада", "Settlement Council"),
    HromadaKind.RURAL: ("сільська рада", "Village Council"),
    HromadaKind.SPECIAL: ("міська рада", "City Council"),
    None: ("рада громади", "Hromada Council"),
}
# Hromadas under occupation (Crimea, Sevastopol) have next to no partnerships on record.
_OCCUPIED_PREFIXES = ("UA01", "UA85")


def _ascii(text: str) -> str:
    special = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "ı": "i"})
    decomposed = unicodedata.normalize("NFKD", text.translate(special))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _ascii(text).lower()).strip("-")


def _weighted(rng: random.Random, options: Sequence[tuple[T, float]]) -> T:
    return rng.choices([option for option, _ in options], [weight for _, weight in options])[0]


@dataclass
class _Generator:
    rng: random.Random
    curated: KnowledgeDocument
    uk_countries: dict[str, str] = field(default_factory=dict)
    places: list[PlaceDoc] = field(default_factory=list)
    sources: list[SourceDoc] = field(default_factory=list)
    agreements: list[AgreementDoc] = field(default_factory=list)
    aid: list[AidDoc] = field(default_factory=list)
    partners: dict[str, list[PlaceDoc]] = field(default_factory=dict)

    def document(self) -> KnowledgeDocument:
        self.uk_countries = dict(Locale("uk").territories)
        self._make_places()
        self._make_sources()
        self._make_agreements()
        self._make_aid()
        return KnowledgeDocument(
            sources=self.sources, places=self.places, agreements=self.agreements, aid=self.aid
        )

    # -- partner towns ------------------------------------------------------------------------

    def _town_name(self, family: _Family) -> Pair:
        rng = self.rng
        start, end = rng.choice(family.starts), rng.choice(family.ends)
        middle = rng.choice(family.middles) if family.middles and rng.random() < 0.5 else ("", "")
        latin, ukrainian = start[0] + middle[0] + end[0], start[1] + middle[1] + end[1]
        if (
            family.prefixes
            and rng.random() < 0.2
            and (not family.prefix_ends or end[0] in family.prefix_ends)
        ):
            prefix = rng.choice(family.prefixes)
            latin, ukrainian = prefix[0] + latin, prefix[1] + ukrainian
        return latin, ukrainian

    def _make_places(self) -> None:
        rng = self.rng
        taken_keys = {place.key for place in self.curated.places}
        taken_names: set[tuple[str, str]] = set()
        weights = [(country, weight) for country, weight, *_ in _COUNTRIES]
        details = {country: (family, lat, lon) for country, _, family, lat, lon in _COUNTRIES}
        while len(self.places) < PLACES:
            country = _weighted(rng, weights)
            family, latitude, longitude = details[country]
            # A country whose names run short takes a name from the next draw's country.
            for _ in range(100):
                latin, ukrainian = self._town_name(_FAMILIES[family])
                if (country, latin) not in taken_names:
                    break
            else:
                continue
            taken_names.add((country, latin))
            key = base = f"{country.lower()}-{_slug(latin)}"
            suffix = 2
            while key in taken_keys:
                key, suffix = f"{base}-{suffix}", suffix + 1
            taken_keys.add(key)
            regions = _REGIONS.get(country)
            region = rng.choice(regions) if regions and rng.random() < 0.85 else None
            plain = _ascii(latin)
            self.places.append(
                PlaceDoc(
                    key=key,
                    name=Bilingual(uk=ukrainian, en=latin),
                    name_local=latin,
                    country=country,
                    region=None if region is None else Bilingual(uk=region[0], en=region[1]),
                    latitude=round(latitude + rng.uniform(-1.5, 1.5), 4),
                    longitude=round(longitude + rng.uniform(-2.0, 2.0), 4),
                    aliases=[plain] if plain != latin else [],
                )
            )

    # -- sources ------------------------------------------------------------------------------

    def _partial_date(self, year: int, precision: str | None = None) -> PartialDate:
        rng = self.rng
        chosen = precision or _weighted(rng, (("day", 45.0), ("month", 20.0), ("year", 35.0)))
        if chosen == "year":
            return PartialDate(year)
        month = rng.randint(1, 12)
        if chosen == "month":
            return PartialDate(year, month)
        return PartialDate(year, month, rng.randint(1, 28))

    def _make_sources(self) -> None:
        rng = self.rng
        hromadas = self.curated.hromadas
        for number in range(1, SOURCES + 1):
            kind = _weighted(
                rng,
                (
                    (SourceKind.OFFICIAL_LETTER, 30.0),
                    (SourceKind.COUNCIL_DECISION, 25.0),
                    (SourceKind.NEWS, 35.0),
                    (SourceKind.DATASET, 5.0),
                    (SourceKind.OTHER, 5.0),
                ),
            )
            year = rng.randint(2022, 2025)
            key = f"national-source-{number:03d}"
            hromada = rng.choice(hromadas)
            council_uk, council_en = _COUNCILS[hromada.kind]
            council = Bilingual(
                uk=f"{hromada.name_uk} {council_uk}", en=f"{hromada.name_en} {council_en}"
            )
            document_number: str | None = None
            url: str | None = None
            if kind is SourceKind.OFFICIAL_LETTER:
                document_number = f"{rng.randint(1, 40)}/{rng.randint(100, 9999)}"
                title = Bilingual(
                    uk=f"Відповідь на запит на інформацію № {document_number}",
                    en=f"Reply to information request No. {document_number}",
                )
                issuer = council
            elif kind is SourceKind.COUNCIL_DECISION:
                document_number = f"{rng.randint(2, 70)}/{rng.randint(1, 300)}"
                title = Bilingual(
                    uk=f"Рішення № {document_number} про міжнародне співробітництво",
                    en=f"Decision No. {document_number} on international cooperation",
                )
                issuer = council
            elif kind is SourceKind.NEWS:
                outlet = rng.choice(_OUTLETS)
                title = Bilingual(
                    uk=f"Партнерства громад: огляд новин, випуск {number}",
                    en=f"Hromada partnerships: news round-up, issue {number}",
                )
                issuer = Bilingual(uk=outlet[0], en=outlet[1])
                url = f"https://news.example/{key}"
            elif kind is SourceKind.DATASET:
                title = Bilingual(
                    uk=f"Реєстр партнерств громад, {year}",
                    en=f"Register of hromada partnerships, {year}",
                )
                issuer = Bilingual(
                    uk="Асоціація міст України", en="Association of Ukrainian Cities"
                )
            else:
                title = Bilingual(
                    uk=f"Звіт про міжнародне співробітництво області за {year - 1} рік",
                    en=f"Report on the oblast's international cooperation in {year - 1}",
                )
                issuer = Bilingual(
                    uk=f"{hromada.oblast_uk or 'Обласна'} обласна військова адміністрація",
                    en=f"{hromada.oblast_en or 'Oblast'} Oblast Military Administration",
                )
            self.sources.append(
                SourceDoc(
                    key=key,
                    kind=kind,
                    title=title,
                    issuer=issuer,
                    document_number=document_number,
                    issued_on=self._partial_date(year),
                    url=url,
                )
            )

    def _citations(self, quote: str | None) -> list[CitationDoc]:
        rng = self.rng
        count = 2 if rng.random() < 0.15 else 1
        keys = rng.sample(range(len(self.sources)), count)
        return [
            CitationDoc(source=self.sources[index].key, quote=quote if position == 0 else None)
            for position, index in enumerate(keys)
        ]

    # -- agreements ---------------------------------------------------------------------------

    def _partner_count(self, hromada: HromadaDoc) -> int:
        rng = self.rng
        population = hromada.population or 0
        if hromada.code.startswith(_OCCUPIED_PREFIXES):
            return min(int(rng.expovariate(2.0)), 2)
        if hromada.kind is HromadaKind.SPECIAL or population >= 400_000:
            return rng.randint(40, 60)
        if population >= 150_000:
            return rng.randint(25, 45)
        if population >= 50_000:
            return rng.randint(12, 30)
        means = {HromadaKind.URBAN: 10.0, HromadaKind.SETTLEMENT: 5.5}
        mean = 4.5 if hromada.kind is None else means.get(hromada.kind, 4.5)
        return min(int(rng.expovariate(1 / mean)), 25)

    def _make_agreements(self) -> None:
        rng = self.rng
        # A few towns are everyone's partners; most have one or two.
        order = list(range(len(self.places)))
        rng.shuffle(order)
        popularity = [0.0] * len(self.places)
        for rank, index in enumerate(order):
            popularity[index] = 1 / (rank + 20) ** 0.9
        cumulative = list(accumulate(popularity))
        for hromada in self.curated.hromadas:
            wanted = min(self._partner_count(hromada), len(self.places))
            chosen: dict[str, PlaceDoc] = {}
            while len(chosen) < wanted:
                place = rng.choices(self.places, cum_weights=cumulative)[0]
                chosen.setdefault(place.key, place)
            self.partners[hromada.code] = list(chosen.values())
            for place in chosen.values():
                for _ in range(_weighted(rng, ((1, 66.0), (2, 24.0), (3, 10.0)))):
                    self.agreements.append(self._agreement(hromada, place))

    def _agreement(self, hromada: HromadaDoc, place: PlaceDoc) -> AgreementDoc:
        rng = self.rng
        kind, _, (title_uk, title_en) = rng.choices(_KINDS, [weight for _, weight, _ in _KINDS])[0]
        status = _weighted(rng, _STATUSES)
        signed_on: PartialDate | None = None
        planned_on: PartialDate | None = None
        valid_until: PartialDate | None = None
        term_years: int | None = None
        extensions: list[ExtensionDoc] = []
        if status is AgreementStatus.PLANNED or status is AgreementStatus.IN_NEGOTIATION:
            chance = 0.6 if status is AgreementStatus.PLANNED else 0.2
            if rng.random() < chance:
                planned_on = self._partial_date(rng.choice((2025, 2026)))
        elif status is AgreementStatus.EXPIRED:
            signed_on = self._partial_date(rng.randint(1991, 2019))
            term_years = rng.choice((3, 5))
            if rng.random() < 0.6:
                valid_until = signed_on.plus_years(term_years)
        elif rng.random() < 0.9:
            signed_on = self._partial_date(rng.choices(_SIGNING_YEARS, _SIGNING_WEIGHTS)[0])
            roll = rng.random()
            if roll < 0.15:
                term_years = rng.choice((3, 5, 10))
                valid_until = signed_on.plus_years(term_years)
            elif roll < 0.35:
                term_years = rng.choice((3, 5, 10))
            if rng.random() < 0.07:
                extensions.append(self._extension(signed_on, term_years))
        areas: list[CooperationArea] = []
        if rng.random() < 0.55:
            areas = rng.sample(list(CooperationArea), rng.randint(1, 5))
        place_uk, country_uk = place.name.uk, self.uk_countries.get(place.country, place.country)
        quote = (
            f"{hromada.name_uk} громада та місто {place_uk} ({country_uk}): {title_uk.lower()}."
            if rng.random() < 0.5
            else None
        )
        notes = None
        if rng.random() < 0.05:
            notes = Notes(
                uk=f"Угоду підготовлено під час візиту делегації до {place_uk}.",
                en=f"Prepared during a delegation's visit to {place.name.en}.",
            )
        self_key = f"national-agreement-{len(self.agreements) + 1:05d}"
        return AgreementDoc(
            key=self_key,
            hromada=hromada.code,
            place=place.key,
            kind=kind,
            status=status,
            title=Bilingual(uk=title_uk, en=title_en) if rng.random() < 0.85 else None,
            signed_on=signed_on,
            planned_on=planned_on,
            valid_until=valid_until,
            term_years=term_years,
            extensions=extensions,
            areas=areas,
            notes=notes,
            sources=self._citations(quote),
        )

    def _extension(self, signed_on: PartialDate, term_years: int | None) -> ExtensionDoc:
        rng = self.rng
        extended_on = signed_on.plus_years(term_years or rng.randint(2, 6))
        new_term = rng.choice((3, 5))
        return ExtensionDoc(
            extended_on=extended_on,
            term_years=new_term if rng.random() < 0.7 else None,
            valid_until=extended_on.plus_years(new_term) if rng.random() < 0.3 else None,
            source=rng.choice(self.sources).key,
        )

    # -- aid ----------------------------------------------------------------------------------

    def _make_aid(self) -> None:
        rng = self.rng
        hromadas = self.curated.hromadas
        weights = [1 + 3 * len(self.partners.get(hromada.code, ())) for hromada in hromadas]
        organisations = [
            (rng.choice(_ORGANISATIONS).format(town=place.name.en), place.country)
            for place in rng.sample(self.places, 200)
        ]
        countries = [(country, weight) for country, weight, *_ in _COUNTRIES]
        category_names = list(_CATEGORIES)
        category_weights = [_CATEGORIES[category][2] for category in category_names]
        for number, hromada in enumerate(rng.choices(hromadas, weights, k=AID_RECORDS), 1):
            partners = self.partners.get(hromada.code, [])
            donors: list[DonorDoc] = []
            for _ in range(_weighted(rng, ((1, 70.0), (2, 22.0), (3, 8.0)))):
                kind = _weighted(
                    rng,
                    (
                        (DonorKind.CITY, 45.0),
                        (DonorKind.COUNTRY, 20.0),
                        (DonorKind.ORGANISATION, 35.0),
                    ),
                )
                if kind is DonorKind.CITY:
                    pool = partners if partners and rng.random() < 0.8 else self.places
                    place = rng.choice(pool)
                    donor = DonorDoc(kind=kind, country=place.country, place=place.key)
                elif kind is DonorKind.COUNTRY:
                    donor = DonorDoc(kind=kind, country=_weighted(rng, countries))
                else:
                    name, country = rng.choice(organisations)
                    donor = DonorDoc(kind=kind, country=country, name=name)
                if donor not in donors:
                    donors.append(donor)
            picked = list(
                dict.fromkeys(rng.choices(category_names, category_weights, k=rng.randint(1, 4)))
            )
            items = []
            for category in picked:
                span = _CATEGORIES[category][3]
                quantity = rng.randint(*span) if span and rng.random() < 0.5 else None
                items.append(AidItemDoc(category=category, quantity=quantity))
            amount: Decimal | None = None
            currency: str | None = None
            if rng.random() < (0.8 if AidCategory.FUNDS in picked else 0.2):
                currency = _weighted(rng, _CURRENCIES)
                amount = (Decimal(rng.randint(1_000, 50_000_000)) / 100).quantize(Decimal("0.01"))
            description = None
            if rng.random() < 0.3:
                names = [_CATEGORIES[category] for category in picked]
                uk = ", ".join(name[0] for name in names)
                description = Bilingual(
                    uk=uk[0].upper() + uk[1:] + ".",
                    en=", ".join(name[1] for name in names).capitalize() + ".",
                )
            self.aid.append(
                AidDoc(
                    key=f"national-aid-{number:05d}",
                    hromada=hromada.code,
                    received_on=self._partial_date(rng.randint(2022, 2025))
                    if rng.random() < 0.9
                    else None,
                    donors=donors,
                    items=items,
                    amount=amount,
                    currency=currency,
                    description=description,
                    sources=self._citations(None),
                )
            )


def national_document(seed: int = 0) -> KnowledgeDocument:
    """The curated knowledge base plus generated partnerships and aid for every hromada."""
    curated = curated_document()
    rng = random.Random(seed)  # noqa: S311 - seeded, so a seed always gives the same document
    return curated.merged_with(_Generator(rng, curated).document())
