"""Names: extraction per language, cross-script matching (measured on a labelled list), and
the name comparer (respelling, replacement, additions, gender flips, no false alarms)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.diff.model import Side
from storytrace.diff.names import compare_names, name_key, names, same_name, tokens

# Labelled pairs: (a, b, same referent?). Written for this test: transliterations, exonyms,
# inflected forms, and near misses that must stay apart.
LABELLED: list[tuple[str, str, bool]] = [
    ("Kherson", "Cherson", True),
    ("Kherson", "Херсон", True),
    ("Kherson", "Херсоні", True),
    ("Kherson", "Херсона", True),
    ("Tabalov", "Табалов", True),
    ("Tabalov", "Табалова", True),
    ("Aleksei", "Alexey", True),
    ("Aleksei", "Алексей", True),
    ("Alexey", "Олексій", False),  # the Ukrainian name is another form: we do not claim it
    ("Kyiv", "Kiev", True),
    ("Kyiv", "Kiew", True),
    ("Kyiv", "Киев", True),
    ("Kyiv", "Київ", True),
    ("Kiev", "Києві", True),
    ("Zelensky", "Zelenskiy", True),
    ("Zelensky", "Selenskyj", True),
    ("Zelensky", "Зеленский", True),
    ("Zelensky", "Зеленського", True),
    ("Putin", "Путин", True),
    ("Putin", "Putins", True),
    ("Vladimir Putin", "Wladimir Putin", True),
    ("Vladimir Putin", "Путина", True),
    ("Solberg", "Сульберг", True),
    ("Severodonetsk", "Sievierodonetsk", True),
    ("Donetsk", "Donezk", True),
    ("Kharkiv", "Харків", True),
    ("Kharkiv", "Charkiw", True),
    ("Kharkiv", "Харьков", True),
    ("Chernihiv", "Tschernihiw", True),
    ("Zhytomyr", "Schytomyr", True),
    ("Hamburg", "Гамбург", True),
    ("Melnikova", "Мельникова", True),
    ("Valentina Melnikova", "Melnikova", True),
    ("Moscow", "Москва", True),
    ("Moscow", "Moskau", True),
    ("Ukraine", "Украина", True),
    ("Ukraine", "Україна", True),
    ("Crimea", "Krim", True),
    ("Crimea", "Крым", True),
    ("Germany", "Deutschland", True),
    ("Mariupol", "Маріуполь", True),
    ("Ursula von der Leyen", "von der Leyen", True),
    ("Kherson", "Kharkiv", False),
    ("Putin", "Peskov", False),
    ("Tabalov", "Tabakov", False),
    ("Vladimir Putin", "Vladimir Zelensky", False),
    ("Kyiv", "Lviv", False),
    ("Moscow", "Minsk", False),
    ("Crimea", "Kherson", False),
    ("Melnikova", "Melnik", False),
    ("Berlin", "Bern", False),
    ("Austria", "Australia", False),
    ("Mariupol", "Melitopol", False),
    ("CNN", "BBC", False),
    ("Shoigu", "Surovikin", False),
    ("Jeremy Fleming", "Jeremy Hunt", False),
    ("Donetsk", "Donbas", False),
    ("Odesa", "Oslo", False),
    ("Sumy", "Summa", False),
    ("Bakhmut", "Bucha", False),
    ("Irpin", "Izium", False),
    ("Anna", "Hanna", False),
    ("Navalny", "Nabiullina", False),
    ("Lavrov", "Lavrin", False),
    ("Makarov", "Markov", False),
    ("Paris", "Praha", False),
]


# Written after the rules were tuned on LABELLED and never tuned on: an honest estimate.
HELD_OUT: list[tuple[str, str, bool]] = [
    ("Zaporizhzhia", "Запорожье", True),
    ("Zaporizhzhia", "Saporischschja", True),
    ("Dnipro", "Днепр", True),
    ("Mykolaiv", "Николаев", True),
    ("Mykolaiv", "Mykolajiw", True),
    ("Luhansk", "Луганск", True),
    ("Luhansk", "Lugansk", True),
    ("Sergei Shoigu", "Sergej Schoigu", True),
    ("Sergei Shoigu", "Сергей Шойгу", True),
    ("Dmitry Peskov", "Dmitri Peskow", True),
    ("Peskov", "Пескова", True),
    ("Navalny", "Nawalny", True),
    ("Navalny", "Навального", True),
    ("Kuleba", "Кулеба", True),
    ("Podolyak", "Podoljak", True),
    ("Bucha", "Butscha", True),
    ("Izium", "Isjum", True),
    ("Kramatorsk", "Краматорске", True),
    ("Volodymyr", "Wolodymyr", True),
    ("Volodymyr", "Владимир", False),
    ("Lviv", "Lemberg", False),
    ("Lysychansk", "Lyssytschansk", True),
    ("Melitopol", "Мелитополь", True),
    ("Yevgeny Prigozhin", "Jewgeni Prigoschin", True),
    ("Prigozhin", "Пригожина", True),
    ("Kadyrov", "Kadyrow", True),
    ("Medvedev", "Medwedew", True),
    ("Gerasimov", "Герасимов", True),
    ("Surovikin", "Surowikin", True),
    ("Peskov", "Pesko", False),
    ("Shoigu", "Shmyhal", False),
    ("Kuleba", "Kuleshov", False),
    ("Lviv", "Lutsk", False),
    ("Dnipro", "Dubno", False),
    ("Kadyrov", "Kasyanov", False),
    ("Medvedev", "Medinsky", False),
    ("Kramatorsk", "Kostiantynivka", False),
    ("Navalny", "Nalivaiko", False),
    ("Kherson", "Khmelnytskyi", False),
    ("Izium", "Irpin", False),
    ("Sergei Shoigu", "Sergei Lavrov", False),
    ("Dmitry Peskov", "Dmitry Medvedev", False),
    ("Bucha", "Borodianka", False),
    ("Luhansk", "Lutsk", False),
    ("Oleg", "Olga", False),
]


# Tuning list for the transliteration readings and the similarity threshold (written with
# them, on other names than the benchmark pool): hard near-misses of Ukrainian surnames.
DEV: list[tuple[str, str, bool]] = [
    ("Kostiantynivka", "Konstantinovka", True),
    ("Sloviansk", "Slavyansk", True),
    ("Pavlohrad", "Pavlograd", True),
    ("Kropyvnytskyi", "Kropywnyzkyj", True),
    ("Berdiansk", "Berdjansk", True),
    ("Berdiansk", "Бердянск", True),
    ("Nikopol", "Нікополь", True),
    ("Enerhodar", "Energodar", True),
    ("Shevchenko", "Schewtschenko", True),
    ("Shevchenko", "Chevtchenko", True),
    ("Shevchenko", "Sjevtsjenko", True),
    ("Klitschko", "Klytschko", True),
    ("Klitschko", "Кличко", True),
    ("Poroshenko", "Porochenko", True),
    ("Poroshenko", "Porosjenko", True),
    ("Zaluzhnyi", "Saluschnyj", True),
    ("Zaluzhnyi", "Zaloujny", True),
    ("Zaluzhnyi", "Залужный", True),
    ("Khrushchev", "Chruschtschow", True),
    ("Khrushchev", "Jruschov", True),
    ("Khrushchev", "Khrouchtchev", True),
    ("Khrushchev", "Хрущёв", True),
    ("Dostoevsky", "Dostojewski", True),
    ("Tchaikovsky", "Tschaikowski", True),
    ("Tchaikovsky", "Чайковский", True),
    ("Chekhov", "Tschechow", True),
    ("Chekhov", "Tsjekhov", True),
    ("Chekhov", "Tchekhov", True),
    ("Chekhov", "Chéjov", True),
    ("Dumas", "Дюма", True),
    ("Renault", "Рено", True),
    ("Bordeaux", "Бордо", True),
    ("Toulouse", "Тулуза", True),
    ("Lyon", "Лион", True),
    ("Jiménez", "Хименес", True),
    ("Javier", "Хавьер", True),
    ("Schröder", "Шрёдер", True),
    ("Sánchez", "Санчес", True),
    ("Kostiantynivka", "Kostiantynopil", False),
    ("Sloviansk", "Slovakia", False),
    ("Pavlohrad", "Petrohrad", False),
    ("Berdiansk", "Berdychiv", False),
    ("Nikopol", "Nikolsk", False),
    ("Shevchenko", "Shevtsov", False),
    ("Klitschko", "Kuchma", False),
    ("Poroshenko", "Prokopenko", False),
    ("Zaluzhnyi", "Zelensky", False),
    ("Chekhov", "Chernov", False),
    ("Chekhov", "Chekalov", False),
    ("Dumas", "Dumont", False),
    ("Lyon", "Lille", False),
    ("Toulouse", "Tours", False),
    ("Marseille", "Marsala", False),
    ("Kovalenko", "Kovalchuk", False),
    ("Petrov", "Petrenko", False),
    ("Sidorov", "Sidorenko", False),
    ("Bondar", "Bondarenko", False),
    ("Kuzmin", "Kuzmenko", False),
    ("Marchenko", "Martynenko", False),
    ("Savchenko", "Savchuk", False),
    ("Lysenko", "Lysak", False),
    ("Orlov", "Orban", False),
    ("Hrytsenko", "Hryshchenko", False),
    ("Babenko", "Bobenko", False),
    ("Rudenko", "Rudnev", False),
    ("Karpov", "Karpenko", False),
    ("Sokolov", "Sokolenko", False),
    ("Tkach", "Tkachuk", False),
    ("Moroz", "Morris", False),
    ("Kravets", "Kravchuk", False),
    ("Melnik", "Melnichuk", False),
    ("Boyko", "Bojko", True),
    ("Hryhorii", "Grigory", True),
]


# Written before the transliteration readings of :mod:`storytrace.diff.translit` and never
# tuned on (except: one rule, Ukrainian i = Russian o, was added after Lviv / Львов missed).
HELD_OUT_2: list[tuple[str, str, bool]] = [
    ("Zhytomyr", "Jytomyr", True),
    ("Zhytomyr", "Житомир", True),
    ("Khmelnytskyi", "Chmelnyzkyj", True),
    ("Khmelnytskyi", "Хмельницкий", True),
    ("Cherkasy", "Tscherkassy", True),
    ("Cherkasy", "Tsjerkasy", True),
    ("Cherkasy", "Tcherkassy", True),
    ("Cherkasy", "Черкассы", True),
    ("Uzhhorod", "Ужгород", True),
    ("Uzhhorod", "Uschhorod", True),
    ("Uzhhorod", "Oujhorod", True),
    ("Vinnytsia", "Winnyzja", True),
    ("Vinnytsia", "Винница", True),
    ("Yanukovych", "Janukowytsch", True),
    ("Yanukovych", "Janukovitsj", True),
    ("Yanukovych", "Ianoukovitch", True),
    ("Yanukovych", "Yanukóvich", True),
    ("Tymoshenko", "Timoschenko", True),
    ("Tymoshenko", "Timosjenko", True),
    ("Tymoshenko", "Timochenko", True),
    ("Khodorkovsky", "Chodorkowski", True),
    ("Khodorkovsky", "Jodorkovski", True),
    ("Gorbachev", "Gorbatschow", True),
    ("Gorbachev", "Gorbatsjov", True),
    ("Gorbachev", "Gorbatchev", True),
    ("Gorbachev", "Горбачёв", True),
    ("Zakharova", "Sacharowa", True),
    ("Zakharova", "Zajárova", True),
    ("Macron", "Макрон", True),
    ("Jacques Chirac", "Жак Ширак", True),
    ("Renaud", "Рено", True),
    ("Michel Barnier", "Мишель Барнье", True),
    ("Boris Johnson", "Борис Джонсон", True),
    ("Scholz", "Шольц", True),
    ("Merkel", "Меркель", True),
    ("Juan", "Хуан", True),
    ("Müller", "Мюллер", True),
    ("Plovdiv", "Пловдив", True),
    ("Lviv", "Lwiw", True),
    ("Lviv", "Львов", True),
    ("Avdiivka", "Awdijiwka", True),
    ("Shmyhal", "Shmygal", True),
    ("Yermak", "Jermak", True),
    ("Lukashenko", "Lukaschenko", True),
    ("Sergei", "Serhiy", True),
    ("Mikhail", "Mijaíl", True),
    ("Mikhail", "Михаил", True),
    ("Yulia", "Julija", True),
    ("Yulia", "Юлия", True),
    ("Chernivtsi", "Chernihiv", False),
    ("Chernivtsi", "Tschernihiw", False),
    ("Sloviansk", "Sviatohirsk", False),
    ("Horlivka", "Hostomel", False),
    ("Avdiivka", "Andriivka", False),
    ("Kupiansk", "Kurakhove", False),
    ("Pokrovsk", "Popasna", False),
    ("Lukashenko", "Lyashko", False),
    ("Mikhail", "Mykola", False),
    ("Oleksiy", "Oleksandr", False),
    ("Nikolai", "Nikolaev", False),
    ("Yermak", "Yarmak", False),
    ("Scholz", "Schulz", False),
    ("Merkel", "Markel", False),
    ("Juan", "Ivan", False),
    ("Tymoshenko", "Timchenko", False),
    ("Gorbachev", "Gorbunov", False),
    ("Zakharova", "Zakharchenko", False),
    ("Renaud", "Renan", False),
    ("Plovdiv", "Pavlohrad", False),
    ("Uzhhorod", "Uman", False),
]


def accuracy(pairs: list[tuple[str, str, bool]]) -> tuple[float, list[tuple[str, str, bool]]]:
    """Share of pairs ``same_name`` labels right, and the wrong ones."""
    wrong = [(a, b, want) for a, b, want in pairs if same_name(a, b) != want]
    return 1 - len(wrong) / len(pairs), wrong


def test_same_name_accuracy_on_labelled_pairs() -> None:
    score, wrong = accuracy(LABELLED)
    # Measured 1.00 (66/66); the rules were tuned on this list.
    assert score >= 0.95, wrong


def test_same_name_accuracy_on_held_out_pairs() -> None:
    score, wrong = accuracy(HELD_OUT)
    # Measured 0.933 (42/45) before the readings of .translit, 0.978 (44/45) after:
    # Mykolaiv / Николаев (Ukrainian against Russian form, initial M / N) still misses.
    assert score >= 0.95, wrong


def test_same_name_accuracy_on_dev_pairs() -> None:
    score, wrong = accuracy(DEV)
    # Measured 0.945 (69/73); tuned on. Misses: Kostiantynivka / Konstantinovka (an n more
    # changes the skeleton), Khrushchev / Jruschov; meets: Moroz / Morris, Babenko / Bobenko.
    assert score >= 0.9, wrong


def test_same_name_accuracy_on_second_held_out_list() -> None:
    score, wrong = accuracy(HELD_OUT_2)
    # Measured 0.743 (52/70) with the rules before .translit, 0.929 (65/70) after. Misses:
    # Johnson / Джонсон (silent h); meets: surnames one vowel apart (Yermak / Yarmak,
    # Scholz / Schulz, Merkel / Markel, Tymoshenko / Timchenko).
    assert score >= 0.9, wrong


def test_similarity_threshold_is_the_measured_best() -> None:
    """MIN_SIMILARITY is the best of a sweep on the tuning lists (LABELLED + DEV)."""
    from storytrace.diff import names as module
    from storytrace.diff import translit

    def tuned(threshold: float) -> float:
        saved = translit.similar.__defaults__
        translit.similar.__defaults__ = (threshold,)
        module._word_level.cache_clear()
        try:
            return accuracy(LABELLED + DEV)[0]
        finally:
            translit.similar.__defaults__ = saved
            module._word_level.cache_clear()

    scores = {t: tuned(t) for t in (0.65, 0.7, 0.75, 0.8, 0.85, 0.9)}
    assert max(scores.values()) == scores[translit.MIN_SIMILARITY], scores


@pytest.mark.parametrize(("a", "b"), [(a, b) for a, b, _ in LABELLED])
def test_same_name_is_symmetric(a: str, b: str) -> None:
    assert same_name(a, b) == same_name(b, a)


@given(st.text(alphabet=st.characters(categories=["Lu", "Ll"]), max_size=20))
def test_name_key_is_case_invariant(s: str) -> None:
    assert name_key(s) == name_key(s.upper()) == name_key(s.lower())


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщыэюяіїє", min_size=2))
def test_a_name_is_the_same_as_itself(s: str) -> None:
    word = s.capitalize()
    assert same_name(word, word) == bool(name_key(word))


def test_name_key_folds_scripts_and_diacritics() -> None:
    assert name_key("Šefčovič") == "shefchovich"  # Slavic Latin letters as digraphs
    assert name_key("Воробьёв") == "vorobyev"  # a soft sign before a vowel is a glide
    assert name_key("Грета", "uk") == "hreta"
    assert name_key("Херсон") == "kherson"
    assert name_key("Putin’s") == "putin"
    assert name_key("Søren Ærø") == "soren aero"
    assert name_key("Київ", "uk") == "kyyiv"


def _found(text: str, lang: str) -> list[str]:
    return [f.text for f in names(text, lang)]


def test_names_english_runs_acronyms_and_titles() -> None:
    text = "Russian President Vladimir Putin met GCHQ staff in Kherson on Monday."
    assert _found(text, "en") == ["Vladimir Putin", "GCHQ", "Kherson"]
    facts = names(text, "en")
    assert facts[1].detail == "acronym"
    assert facts[0].value == "vladimir putin"
    assert text[facts[2].start : facts[2].end] == "Kherson"


def test_names_sentence_start_needs_evidence() -> None:
    # "Soldiers" starts the sentence: capitals prove nothing there
    assert _found("Soldiers refused to go to Bucha.", "en") == ["Bucha"]
    # a run at the start is a name, without a leading opener ("The", "Later")
    assert _found("Olena Petrenko left.", "en") == ["Olena Petrenko"]
    assert _found("The Kremlin said so.", "en") == ["Kremlin"]
    # a possessive at the start is a name

    assert _found("Petrenko's lawyer left.", "en") == ["Petrenko"]
    # seen capitalised elsewhere in the passage
    assert _found("Petrenko left. Later Petrenko came back.", "en") == ["Petrenko", "Petrenko"]


def test_names_particles_join_runs() -> None:
    assert _found("The report by Ursula von der Leyen was read.", "en") == ["Ursula von der Leyen"]
    assert _found("Le ministre Jean de la Fontaine a parlé.", "fr") == ["Jean de la Fontaine"]


def test_names_german_nouns_are_filtered() -> None:
    text = "Die müden Soldaten trafen Olaf Scholz und die Regierung in Berlin am Montag."
    assert _found(text, "de") == ["Olaf Scholz", "Berlin"]


def test_names_norwegian_russian_ukrainian() -> None:
    assert _found("Soldatene ble sendt til Kherson av Sergej Sjojgu.", "nb") == [
        "Kherson",
        "Sergej Sjojgu",
    ]
    assert _found("Войска вошли в Херсон, сообщил Сергей Шойгу.", "ru") == [
        "Херсон",
        "Сергей Шойгу",
    ]
    assert _found("Війська залишили Херсон, заявив Олексій Резніков.", "uk") == [
        "Херсон",
        "Олексій Резніков",
    ]


def test_english_demonyms_are_marked() -> None:
    facts = names("The officer met Ukrainian troops near Kyiv.", "en")
    assert [(f.text, f.detail) for f in facts] == [("Ukrainian", "demonym"), ("Kyiv", "")]


def _cmp(a: str, la: str, b: str, lb: str) -> list[tuple[str, str, str]]:
    src, tgt = Side(a, la, offset=100), Side(b, lb, offset=500)
    return [(c.note, c.source_text, c.target_text) for c in compare_names(src, tgt)]


def test_respelling_in_one_language_is_a_low_score_change() -> None:
    src = Side("The convoy drove towards Kherson at night.", "en", offset=10)
    tgt = Side("The convoy drove towards Cherson at night.", "en", offset=200)
    (change,) = compare_names(src, tgt)
    assert change.kind == "name"
    assert change.note == "spelling: Kherson -> Cherson (same name)"
    assert change.score < 0.5
    assert change.source == (10 + 25, 10 + 32)
    assert change.target == (200 + 25, 200 + 32)


def test_respelled_given_name_of_a_person() -> None:
    changes = _cmp(
        "The lawyer Oleksandr Marchenko agreed.",
        "en",
        "The lawyer Olexandr Marchenko agreed.",
        "en",
    )
    assert changes == [
        (
            "spelling: Oleksandr Marchenko -> Olexandr Marchenko (same person)",
            "Oleksandr Marchenko",
            "Olexandr Marchenko",
        )
    ]


def test_transliteration_endings_count_as_one_form() -> None:
    # -ii / -iy / -yi are the same Ukrainian ending in different systems: not reported
    assert _cmp("Oleksii Marchenko agreed.", "en", "Oleksiy Marchenko agreed.", "en") == []


def test_spelling_across_languages_is_not_a_change() -> None:
    assert (
        _cmp("The convoy drove towards Kherson.", "en", "Der Konvoi fuhr nach Cherson.", "de") == []
    )
    assert _cmp("Aleksei Tabalov agreed.", "en", "Алексей Табалов согласился.", "ru") == []


def test_replaced_name() -> None:
    changes = _cmp(
        "The troops were sent to Kyiv, Putin said.",
        "en",
        "Die Truppen wurden nach Charkiw geschickt, sagte Putin.",
        "de",
    )
    assert changes == [("name changed: Kyiv -> Charkiw", "Kyiv", "Charkiw")]


def test_added_person_across_languages() -> None:
    changes = _cmp(
        "Some soldiers have refused to carry out orders.",
        "en",
        "Jeremy Fleming, sjefen for GCHQ, sier at noen soldater nekter å adlyde ordre.",
        "nb",
    )
    assert [c[0] for c in changes] == ["name added: Jeremy Fleming", "name added: GCHQ"]


def test_dropped_name_in_one_language() -> None:
    changes = _cmp("He met Marchenko in Odesa.", "en", "He met the lawyer in Odesa.", "en")
    assert [c[0] for c in changes] == ["name dropped: Marchenko"]


@pytest.mark.parametrize(
    ("a", "b", "lang"),
    [
        ("Her organization advises soldiers.", "His organization advises soldiers.", "en"),
        ("Hun sa at hennes organisasjon hjelper.", "Hun sa at hans organisasjon hjelper.", "nb"),
        ("Он сказал, что уедет.", "Она сказала, что уедет.", "ru"),
        ("Er sagte, er komme morgen.", "Er sagte, sie komme morgen.", "de"),
        ("Він сказав, що поїде.", "Вона сказала, що поїде.", "uk"),
    ],
)
def test_gender_flip(a: str, b: str, lang: str) -> None:
    changes = compare_names(Side(a, lang), Side(b, lang))
    assert [c.kind for c in changes] == ["name"]
    assert changes[0].note.startswith("gender of referent flipped")


def test_gender_is_not_compared_across_languages() -> None:
    assert _cmp("She left.", "en", "Han dro.", "nb") == []


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        (
            "Russian President Vladimir Putin spoke in Moscow.",
            "en",
            "Russlands president Vladimir Putin talte i Moskva.",
            "nb",
        ),
        (
            "Russian troops are struggling in Ukraine.",
            "en",
            "Russiske tropper sliter i Ukraina.",
            "nb",
        ),
        (
            "Russian troops are struggling in Ukraine.",
            "en",
            "Российские войска испытывают трудности в Украине.",
            "ru",
        ),
        (
            "The soldiers in Ukraine are tired, said Ursula von der Leyen.",
            "en",
            "Die Soldaten in der Ukraine sind müde, sagte Ursula von der Leyen.",
            "de",
        ),
        (
            "Russia's Defense Ministry did not respond to a CNN request.",
            "en",
            "Das russische Verteidigungsministerium reagierte nicht auf eine Anfrage von CNN.",
            "de",
        ),
        ("Vladimir Putin said so.", "en", "Putin said so on Monday.", "en"),
        ("Putin’s war goes on.", "en", "Putins krig fortsetter.", "nb"),
        ("Germany sent tanks to Kyiv.", "en", "Deutschland schickte Panzer nach Kiew.", "de"),
        ("В Херсоне тихо, сказал Иванов.", "ru", "У Херсоні тихо, сказав Іванов.", "uk"),
        ("The mayor of Kharkiv spoke.", "en", "Мэр Харькова выступил.", "ru"),
    ],
)
def test_names_that_meet_report_nothing(a: str, la: str, b: str, lb: str) -> None:
    assert _cmp(a, la, b, lb) == []


@given(
    st.sampled_from(
        [
            ("Russian President Vladimir Putin met GCHQ staff in Kherson.", "en"),
            ("Die Soldaten trafen Olaf Scholz in Berlin.", "de"),
            ("Войска вошли в Херсон, сообщил Сергей Шойгу.", "ru"),
            ("Her organization advises soldiers in Kyiv.", "en"),
        ]
    ),
    st.integers(min_value=0, max_value=10_000),
)
def test_a_side_compared_with_itself_reports_nothing(sample: tuple[str, str], offset: int) -> None:
    text, lang = sample
    side = Side(text, lang, offset=offset)
    assert compare_names(side, side) == []


@given(st.text(max_size=80), st.sampled_from(["en", "de", "ru", "nb", None]))
def test_any_text_compared_with_itself_reports_nothing(text: str, lang: str | None) -> None:
    side = Side(text, lang)
    assert compare_names(side, side) == []
    for fact in names(text, lang):
        assert text[fact.start : fact.end] == fact.text


def test_slavic_diacritics_meet_both_english_forms() -> None:
    assert same_name("Šefčovič", "Sefcovic")  # diacritics dropped
    assert same_name("Žytomyr", "Zhytomyr")  # digraphs


@pytest.mark.parametrize(
    "sides",
    [
        # one person in seven languages and two Cyrillic alphabets
        [
            ("Sergej Tsjernysjov sa det.", "no"),
            ("Sergei Chernyshov said so.", "en"),
            ("Сергей Чернышов сказал это.", "ru"),
            ("Serguéi Chernyshov lo dijo.", "es"),
            ("Sergueï Tchernychov l'a dit.", "fr"),
            ("Das sagte Sergej Tschernyschow.", "de"),
            ("Сергій Чернишов це сказав.", "uk"),
        ],
        # a French name spelled by its pronunciation in Russian
        [("Michel Renaud a parlé.", "fr"), ("Мишель Рено выступил.", "ru")],
        # a foreign g written with Ukrainian г
        [("Greta Lindberg spoke.", "en"), ("Виступила Грета Ліндберг.", "uk")],
        # Spanish j for х
        [("La ciudad de Jabárovsk votó.", "es"), ("The city of Khabarovsk voted.", "en")],
        # Ukrainian against Russian form of a place
        [("Війська увійшли до Львова.", "uk"), ("Troops entered Lvov.", "en")],
    ],
)
def test_one_name_across_conventions_reports_nothing(sides: list[tuple[str, str]]) -> None:
    for a in sides:
        for b in sides:
            assert _cmp(a[0], a[1], b[0], b[1]) == [], (a, b)


def test_replaced_name_across_conventions_is_still_reported() -> None:
    changes = _cmp("Troops entered Chernivtsi.", "en", "Die Truppen erreichten Tschernihiw.", "de")
    assert changes == [("name changed: Chernivtsi -> Tschernihiw", "Chernivtsi", "Tschernihiw")]


def test_german_sentence_initial_article_and_counts_mark_nouns() -> None:
    assert _found("Die Preise stiegen in Bonn.", "de") == ["Bonn"]
    assert _found("Sie ließ 3.000 Panzer in Bonn zurück.", "de") == ["Bonn"]
    assert _found("Sie ließ 3 000 Panzer in Bonn zurück.", "de") == ["Bonn"]


def test_separators_inside_numbers_end_no_sentence() -> None:
    assert [t.initial for t in tokens("Es waren 3.000 Panzer")] == [True, False, False]


def test_month_abbreviations_are_not_names() -> None:
    assert _found("On Mar. 5 the bridge near Lutsk was hit.", "en") == ["Lutsk"]


@pytest.mark.parametrize(
    ("a", "b", "lang"),
    [
        ("They wrote a report and left.", "You have written a report and gone.", "en"),
        ("„Wir bleiben hier“, sagte er.", "„Ihr bleibt hier“, sagte er.", "de"),
        ("De skrev en rapport og dro.", "Dere skrev en rapport og dro.", "nb"),
        ("Они написали рапорт и ушли.", "Вы написали рапорт и ушли.", "ru"),
        ("He refused to go.", "They refused to go.", "en"),
    ],
)
def test_an_opening_subject_of_another_person_is_reported(a: str, b: str, lang: str) -> None:
    changes = compare_names(Side(a, lang), Side(b, lang))
    assert [c.note.split(":")[0] for c in changes] == ["subject changed"], changes
    assert changes[0].source_text != changes[0].target_text


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("I do not know why.", "en", "He does not know why.", "en"),  # reported speech
        ("We left the next day.", "en", "They left the next day.", "en"),  # reported speech
        ("They wrote a report.", "en", "They have written a report.", "en"),
        ("He left.", "en", "She left.", "en"),  # a gender flip, reported as such
        ("They wrote a report.", "en", "Vi skrev en rapport.", "nb"),  # across languages
        ("Er sagte nein.", "de", "Sie sagte nein.", "de"),  # "Sie": she, they or you
    ],
)
def test_no_subject_change_where_person_is_kept_or_ambiguous(
    a: str, la: str, b: str, lb: str
) -> None:
    notes = [c.note for c in compare_names(Side(a, la), Side(b, lb))]
    assert not [n for n in notes if n.startswith("subject changed")], notes


def test_a_translated_organisation_is_not_an_added_name() -> None:
    en = "Residents went to the school, where the Red Cross handed out blankets."
    ru = "Жителей отвезли в школу, где Красный Крест раздавал одеяла."
    assert compare_names(Side(en, "en"), Side(ru, "ru")) == []
    # a person the source does not name is still reported
    en = "Residents went to the school, where volunteers handed out blankets."
    ru = "Жителей отвезли в школу, где Мария Иванова раздавала одеяла."
    notes = [c.note for c in compare_names(Side(en, "en"), Side(ru, "ru"))]
    assert notes == ["name added: Мария Иванова"]
