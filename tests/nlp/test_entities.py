"""What rules may do with the recogniser's spans in Indonesian: name and reshape them, and add only known names.

The model's output is given here as the "recognised" layer, so these tests do not depend on its weights."""

from __future__ import annotations

from kabar.model import Article, Doc, Span
from kabar.nlp.entities import find_entities


def _entities(text: str, recognised: list[tuple[str, str]], language: str = "id") -> dict[str, tuple[str, dict]]:
    doc = Doc(Article(id="e", source="t", text=text, language=language))
    if language == "id":
        for surface, label in recognised:
            start = text.index(surface)
            doc.layer("recognised").append(Span(start, start + len(surface), label))
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
