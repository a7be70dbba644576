"""Plain text in languages whose function words the cleaner's lists do not hold: its paragraphs are kept by
their shape, and a record with no article text is still rejected with its one-line reason. The texts are
written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kabar import pipeline
from kabar.clean import clean
from kabar.clean.classify import reads_as_prose
from kabar.eval.real_cleaning import language_group
from kabar.model import InputStatus, RawDocument
from kabar.store import Store

PARAGRAPHS = {
    "de": [
        "Die Stadtverwaltung hat am Montag zwei Hauptstraßen gesperrt, weil die Kanalisation erneuert wird.",
        "Nach Angaben des Bauamts sollen die Arbeiten bis Ende nächster Woche abgeschlossen sein.",
        "Anwohner werden gebeten, über die Umleitung entlang des Flussufers zu fahren und Geduld zu haben.",
    ],
    "ru": [
        "В понедельник городская администрация закрыла две главные улицы из-за ремонта канализации.",
        "По словам руководителя работ, ремонт должен завершиться в течение десяти дней, если не помешает погода.",
        "Жителей просят пользоваться объездной дорогой вдоль реки и заранее планировать поездки.",
    ],
    "ja": [
        "市役所は月曜日、下水道の修理のため、中心部の道路二本を通行止めにした。",
        "工事の責任者によると、作業は天候に問題がなければ十日以内に終わる見込みだという。",
        "住民には川沿いの迂回路を使い、早めに出発するよう呼びかけている。",
    ],
    "ko": [
        "시청은 월요일 하수도 공사를 위해 도심의 주요 도로 두 곳을 통제했다고 밝혔다.",
        "공사 책임자는 날씨가 좋으면 열흘 안에 작업이 끝날 것으로 예상한다고 말했다.",
        "주민들에게는 강변 우회로를 이용하고 평소보다 일찍 출발해 달라고 당부했다.",
    ],
    # scripts whose vowel signs are no letters to a regular expression, with their own full stops (Hindi, Burmese,
    # Armenian), with no letter case (Hebrew), or with no sentence stop at all (Thai)
    "hi": [
        "नगर निगम ने सोमवार को सीवर की मरम्मत के लिए शहर के बीच की दो सड़कें बंद कर दीं।",
        "अधिकारियों के अनुसार काम लगभग दस दिन में पूरा हो जाएगा।",
        "लोगों से नदी के किनारे वाले रास्ते का इस्तेमाल करने को कहा गया है।",
    ],
    "my": [
        "မြို့တော်ဝန်ရုံးက တနင်္လာနေ့တွင် မြို့လယ်ရှိ လမ်းနှစ်လမ်းကို ပိတ်ခဲ့သည်။",
        "လုပ်ငန်းများသည် ဆယ်ရက်ခန့် ကြာမြင့်မည်ဟု တာဝန်ရှိသူက ပြောသည်။",
        "ဒေသခံများကို မြစ်ကမ်းတစ်လျှောက် လမ်းကွဲကို အသုံးပြုရန် တောင်းဆိုထားသည်။",
    ],
    "hy": [
        "Քաղաքապետարանը երկուշաբթի օրը փակեց կենտրոնի երկու փողոց՝ կոյուղու վերանորոգման համար։",
        "Պատասխանատուի խոսքով՝ աշխատանքները կտևեն մոտ տաս օր, եթե եղանակը թույլ տա։",
        "Բնակիչներին խնդրել են օգտվել գետի երկայնքով շրջանցիկ ճանապարհից։",
    ],
    "he": [
        "העירייה סגרה ביום שני שני רחובות מרכזיים במרכז העיר לצורך תיקון הביוב.",
        "לדברי האחראי, העבודות יימשכו כעשרה ימים אם מזג האוויר יאפשר.",
        "התושבים התבקשו להשתמש בדרך העוקפת לאורך הנהר.",
    ],
    "th": [
        "เทศบาลปิดถนนสองสายในใจกลางเมืองเมื่อวันจันทร์เพื่อซ่อมท่อระบายน้ำ",
        "เจ้าหน้าที่คาดว่างานจะเสร็จภายในสิบวัน หากสภาพอากาศเป็นใจ",
        "ประชาชนได้รับการขอให้ใช้เส้นทางเลี่ยงริมแม่น้ำ",
    ],
}


def _kept_paragraphs(text: str) -> list[str]:
    article = clean(RawDocument("t", text.encode(), text, "text/plain", None), "t")
    return [article.text[p.start : p.end] for p in article.paragraphs]


@pytest.mark.parametrize("language", sorted(PARAGRAPHS))
def test_every_paragraph_of_a_text_in_another_language_is_kept(language: str):
    paragraphs = PARAGRAPHS[language]
    assert _kept_paragraphs("\n\n".join(paragraphs)) == paragraphs


@pytest.mark.parametrize("line", [
    "Folgen Sie uns auf https://beispiel.example/nachrichten für alle Meldungen des Tages und mehr.",
    "Подписывайтесь на наш канал @gorod_novosti, чтобы первыми узнавать все новости города.",
    "Startseite Politik Wirtschaft Sport Kultur Wissen Reisen Auto Digital Meinung Video.",
])
def test_a_line_with_a_link_a_handle_or_a_menus_capitals_is_no_prose_in_any_language(line: str):
    assert not reads_as_prose(line)


def test_jsonl_records_in_other_languages_are_stored_and_an_empty_one_gets_its_reason(tmp_path: Path):
    records = [{"title": f"Meldung {code}", "text": "\n\n".join(paragraphs)}
               for code, paragraphs in sorted(PARAGRAPHS.items())]
    records.append({"title": "Leer", "text": "   "})
    source = tmp_path / "wire.jsonl"
    source.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), "utf-8")
    with Store(tmp_path / "k.sqlite") as store:
        outcomes = pipeline.ingest([str(source)], store, place_stories=False).outcomes
        assert len(outcomes) == len(records)
        stored = [o for o in outcomes if o.status == InputStatus.STORED]
        assert len(stored) == len(PARAGRAPHS)
        texts = {store.article(o.article_id).text for o in stored}
        assert texts == {"\n\n".join(paragraphs) for paragraphs in PARAGRAPHS.values()}
        rejected = [o for o in outcomes if o.status == InputStatus.REJECTED]
        assert len(rejected) == 1 and rejected[0].reason and "\n" not in rejected[0].reason


@pytest.mark.parametrize(("language", "group"), [
    ("de", "other Latin script"), ("ru", "non-Latin scripts"), ("ja", "non-Latin scripts"), ("ko", "non-Latin scripts")])
def test_the_evaluations_language_groups_follow_script_then_words(language: str, group: str):
    assert language_group(" ".join(PARAGRAPHS[language])) == group


def test_indonesian_and_english_text_keep_their_own_groups():
    assert language_group("Pemerintah kota menutup dua jalan utama karena perbaikan saluran air yang rusak.") \
        == "Indonesian"
    assert language_group("The city closed two main roads for a week to repair the sewers, the engineer said.") \
        == "English"


@pytest.mark.parametrize(("declared", "read"), [("id-ID", "id"), ("ID", "id"), ("en_US", "en"), ("Indonesian", "id"),
                                                ("bahasa", "id"), ("", "id"), ("in_ID", "id"), ("iw", "he")])
def test_a_records_declared_language_is_read_as_its_two_letter_code(declared: str, read: str):
    """Dumps write 'id-ID', 'ID' or 'Indonesian'. Before, the article's language was that string as given, so an
    Indonesian article labelled 'id-ID' was kept from the Indonesian entity model (it runs on 'id' only) and
    counted as another language by the story grouping; a hint that is no language code is now left to the
    text's own detection. Java's and Android's withdrawn codes ('in_ID') are read as today's ('id'): before,
    'in' kept an Indonesian article from the Indonesian entity model."""
    text = ("Gubernur Jawa Tengah Ahmad Luthfi meninjau banjir di Kabupaten Demak pada Senin. Menurut dia, "
            "sebanyak 1.200 warga mengungsi ke balai desa dan masjid terdekat.\n\nPemerintah provinsi menyiapkan "
            "dapur umum dan bantuan logistik bagi para pengungsi, kata Luthfi kepada wartawan.")
    if read == "en":
        text = ("The governor of Central Java visited the flooded district of Demak on Monday. He said that some "
                "1,200 residents had fled to the village hall and the nearest mosque.\n\nThe province has set up "
                "public kitchens and sent supplies to the evacuees, the governor told reporters.")
    raw = RawDocument("banjir.jsonl#L1", text.encode(), text, "text/plain", hints={"language": declared})
    assert clean(raw, "a-banjir").language == read


SHORT_SENTENCES = [
    "Il sindaco ha chiuso il ponte.",
    "La polizia è intervenuta in via Roma.",
    "Nessun ferito, per fortuna.",
    "«Riapriremo il ponte appena possibile, forse già domani»",
]


def test_a_text_of_short_sentences_in_another_language_keeps_every_paragraph():
    """No line is long enough to read as prose by itself, yet every one is a sentence: the text is an article."""
    assert _kept_paragraphs("\n\n".join(SHORT_SENTENCES)) == SHORT_SENTENCES


@pytest.mark.parametrize("line", [
    "«Non ci fermeremo finché non avremo risposte chiare dal governo»",
    "Die Bundesregierung plant Milliardenhilfen für Unternehmen und Beschäftigte.",
])
def test_a_sentence_in_guillemets_or_with_capitalised_nouns_reads_as_prose(line: str):
    assert reads_as_prose(line)


@pytest.mark.parametrize("first", [
    "Você sabia que a cidade ganhou um parque novo, aberto ao público desde sábado?",
    "Nesta página você acompanha os resultados da corrida de domingo, volta a volta!",
    "市役所は月曜日、中心部の道路を通行止めにした。",
])
def test_a_first_line_written_as_a_sentence_is_no_title(first: str):
    """A question, exclamation or Japanese sentence in sentence case opens the article; a headline writes its
    words in capitals ("Siapa yang Paling Murah?") or stops without a sentence's end."""
    paragraphs = [first, *PARAGRAPHS["de"]]
    assert _kept_paragraphs("\n\n".join(paragraphs)) == paragraphs


def test_a_title_cased_question_on_the_first_line_is_still_the_title():
    text = "\n\n".join(["Siapa yang Paling Murah?", *PARAGRAPHS["de"]])
    article = clean(RawDocument("t", text.encode(), text, "text/plain", None), "t")
    assert article.title == "Siapa yang Paling Murah?"
    assert _kept_paragraphs(text) == PARAGRAPHS["de"]


@pytest.mark.parametrize("heading", ["工事の見通し", "迂回路について"])
def test_a_japanese_sub_heading_between_paragraphs_is_kept(heading: str):
    """The furniture model places a line by the paragraphs around it: a Japanese paragraph has no spaces, and was
    counted a one-word line, so the page seemed to have no article and its sub-heading sat nowhere."""
    paragraphs = [PARAGRAPHS["ja"][0], heading, *PARAGRAPHS["ja"][1:]]
    assert _kept_paragraphs("\n\n".join(paragraphs)) == paragraphs


def test_a_text_that_ends_no_sentence_with_a_stop_keeps_its_lines_of_words_but_its_title():
    """A text whose lines set no stop (a poem, a list of headings) was rejected whole as page furniture."""
    lines = ["Une nouvelle piste cyclable pour relier le centre à la gare",
             "La mairie présente son projet aux habitants mardi soir à la salle des fêtes",
             "Les travaux commenceront au printemps et dureront six mois"]
    assert _kept_paragraphs("\n\n".join(lines)) == lines[1:]


def test_a_text_in_a_script_with_vowel_signs_that_ends_no_sentence_with_a_stop_keeps_its_lines_of_words():
    """Burmese vowel signs are marks, not letters, to `words`: counted as letters for a sentence but not for a line
    of a text without stops, such a text's lines read as symbols and the text was rejected whole."""
    lines = [paragraph.rstrip("။") for paragraph in PARAGRAPHS["my"]]
    assert _kept_paragraphs("\n\n".join(lines)) == lines
