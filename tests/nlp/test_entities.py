"""What rules may do with the recogniser's spans in Indonesian: name and reshape them, and add only known names.

The model's output is given here as the "recognised" layer, so these tests do not depend on its weights."""

from __future__ import annotations

import random

from kabar.model import Article, Doc, Span
from kabar.nlp.entities import _Mentions, find_entities


def _entities(text: str, recognised: list[tuple[str, str]], language: str = "id") -> dict[str, tuple[str, dict]]:
    doc = Doc(Article(id="e", source="t", text=text, language=language))
    if language == "id":
        layer = doc.layer("recognised")  # given, even when empty: the model itself does not run
        for surface, label in recognised:
            start = text.index(surface)
            layer.append(Span(start, start + len(surface), label))
    return {text[s.start : s.end]: (s.label, s.attrs) for s in find_entities(doc).layer("entities")}


TEXT = "Pasukan Israel menembaki warga, kata Menteri Kesehatan Ratna Sari Dewi kepada wartawan."


def test_known_name_the_model_passed_over_is_added_in_a_cased_line_but_not_in_capitals():
    found = _entities(TEXT, [("Ratna Sari Dewi", "PER")])
    assert found["Israel"][0] == "GPE"
    assert "ISRAEL" not in _entities(TEXT.upper(), [("RATNA SARI DEWI", "PER")])
    assert found["Ratna Sari Dewi"][0] == "PERSON"
    assert found["Ratna Sari Dewi"][1]["role"] == "Menteri Kesehatan"


def test_other_languages_take_known_names_from_rules():
    found = _entities("Israeli troops fired, said Health Minister Ratna Sari Dewi. Israel denied it.", [],
                      language="en")
    assert found["Israel"][0] == "GPE"


def test_model_span_on_a_known_person_stays_that_person():
    found = _entities("Presiden Jokowi bertemu SBY di Jakarta.", [("Jokowi", "PER"), ("SBY", "PER"),
                                                                  ("Jakarta", "LOC")])
    assert found["Jokowi"] == ("PERSON", found["Jokowi"][1]) and found["Jokowi"][1]["known"] == "ent-joko-widodo"
    assert found["SBY"][1]["known"] == "ent-susilo-bambang-yudhoyono"
    assert found["Jakarta"][0] == "GPE"


def test_title_inside_a_model_span_becomes_the_role():
    text = "Ketua Komisi III DPR RI Benny Kabur Harman mengkritik rencana itu."
    found = _entities(text, [("Ketua Komisi III DPR RI Benny Kabur Harman", "ORG")])
    assert found["Benny Kabur Harman"][0] == "PERSON"
    assert not [name for name in found if name.startswith("Ketua")]


def test_a_listed_name_the_model_passed_over_is_named_in_a_cased_line_only():
    found = _entities("Data BMKG menyebutkan, kata Siti Aminah.", [("Siti Aminah", "PER")])
    assert found["BMKG"][0] == "ORG" and found["BMKG"][1]["known"]
    assert "BMKG" not in _entities("DATA BMKG MENYEBUTKAN, KATA SITI AMINAH.", [("SITI AMINAH", "PER")])


def test_a_listed_place_describing_the_word_before_it_is_not_added_but_one_after_a_preposition_is():
    assert "Israel" not in _entities("Serangan militer Israel menewaskan warga, kata Siti Aminah.",
                                     [("Siti Aminah", "PER")])
    assert _entities("Pasukan dikirim ke Israel, kata Siti Aminah.", [("Siti Aminah", "PER")])["Israel"][0] == "GPE"


def test_a_listed_name_inside_a_longer_capitalised_name_is_not_added():
    found = _entities("Ia memimpin Serikat Petani Indonesia sejak lama.", [])
    assert "Indonesia" not in found
    headline = _entities("Kerja Sama Strategis Korea Utara dan Rusia\n\nIa datang.", [])
    assert headline["Korea Utara"][0] == "GPE"


def test_the_country_a_title_serves_is_still_named():
    text = "Ia bertemu Menteri Luar Negeri Korea Utara Choe Son-hui di Moskow."
    found = _entities(text, [("Choe Son-hui", "PER")])
    assert found["Korea Utara"][0] == "GPE"


def test_a_sentence_opening_clause_is_no_dateline_city():
    found = _entities("Walaupun demikian, sumber - sumber itu membantah.", [])
    assert not [name for name in found if name.startswith("Walaupun")]


def test_a_name_word_next_to_another_capitalised_word_is_no_later_mention():
    text = "Dadai Latif Gobel datang. Kemudian Abdul Latif Rasid dan Latif pergi."
    doc = Doc(Article(id="e", source="t", text=text, language="id"))
    doc.layer("recognised").append(Span(0, len("Dadai Latif Gobel"), "PER"))
    later = [s.start for s in find_entities(doc).layer("entities") if s.attrs.get("origin") == "surname"]
    assert later == [text.rindex("Latif")]


def test_a_dateline_city_is_the_name_without_the_space_after_it():
    found = _entities("JAKARTA , KOMPAS.com - Harga beras naik.", [])
    assert found["JAKARTA"][0] == "GPE"


def test_a_line_all_in_capitals_has_no_dateline_city_without_an_outlet():
    assert not [name for name in _entities("OTORITAS MALAYSIA TIBA - TIBA MEMBATALKAN PERTUNJUKAN .", [])
                if name.startswith("OTORITAS")]
    assert _entities("SEOUL - Korea Selatan membantah.", [])["SEOUL"][0] == "GPE"


def test_a_listed_place_after_a_preposition_or_counting_people_is_added():
    passive = _entities("Senjata itu dikirim oleh Iran ke Rusia, kata Siti Aminah.", [("Siti Aminah", "PER")])
    assert passive["Iran"][0] == "GPE"
    counted = _entities("Citra satelit menunjukkan 800 tentara Iran di sana, kata Siti Aminah.", [("Siti Aminah", "PER")])
    assert counted["Iran"][0] == "GPE"
    assert "AS" not in _entities("Harga minyak 60 dolar AS per barel, kata Siti Aminah.", [("Siti Aminah", "PER")])


def test_gazetteer_forms_are_found_as_one_alternation_of_every_form_finds_them():
    """The first-word index against the plain pattern: the longest form at a word, forms of several words in
    any case, none inside a longer word or a hyphenated one."""
    import re

    from kabar.nlp.entities import _case_sensitive, _gazetteer_matches, gazetteer

    forms = sorted(gazetteer(), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(form) if _case_sensitive(form) else f"(?i:{re.escape(form)})" for form in forms) + r")(?![\w-])")
    several = [form for form in forms if " " in form][:40]
    texts = [f"Kata {form}, lalu {form.upper()} dan {form.lower()}-an serta pra{form} di {form}." for form in
             several + forms[-40:]]
    texts.append(" ".join(several[:10]) + " " + "-".join(forms[-10:]))
    for text in texts:
        assert list(_gazetteer_matches(text)) == [match.span() for match in pattern.finditer(text)], text
    assert any(list(_gazetteer_matches(text)) for text in texts)


def test_mentions_found_by_bisection_are_those_a_full_scan_finds_in_the_order_added():
    """The stage asks which mentions overlap a stretch many times per article: the answer from the sorted index
    must be the one reading every mention gives, through adds, refused overlaps and removals."""
    chance = random.Random(7)
    mentions = _Mentions(Doc(Article(id="a-1", source="x.txt", text="x" * 2000)))
    for _ in range(400):
        start = chance.randrange(1990)
        added = mentions.add(start, start + chance.randrange(1, 12), "PERSON")
        if added is None and mentions.spans and chance.random() < 0.2:
            mentions.remove(chance.choice(mentions.spans))
        start = chance.randrange(1990)
        end = start + chance.randrange(1, 40)
        assert mentions.overlapping(start, end) == [s for s in mentions.spans if s.start < end and start < s.end]
    assert len(mentions.spans) > 50

