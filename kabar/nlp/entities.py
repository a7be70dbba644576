"""Entity mentions from a gazetteer and Indonesian name patterns, with roles.

Three sources, in order of trust: the gazetteer (kabar/data/id/entities/gazetteer.tsv: countries,
agencies, media and the descriptions news uses for them); titles before a name ("Presiden Rusia
Vladimir Putin") and appositions after it ("Dmitry Peskov, juru bicara Kremlin"); and capitalised
names headed by an organisation word ("Institut Korea untuk Penyatuan Nasional"); then the statistical
recogniser trained on public Indonesian NER sets (kabar.nlp.recogniser) for names none of these know.
The dateline ("BEKASI, Tribunnews.com - ") names the report's city and outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Unpack

from kabar.clean.metadata import read_dateline
from kabar.lexicon import data_lines
from kabar.model import Doc, EntityAttrs, Span
from kabar.nlp.recogniser import recognise

NAME_WORD = r"[A-Z][a-zA-Z'’]*(?:-[A-Za-z][a-z]*)*"
NAME = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}"
ORG_HEADS = ("Badan", "Kementerian", "Institut", "Dewan", "Pusat", "Universitas", "Partai", "Komisi", "Organisasi",
             "Lembaga", "Kantor", "Angkatan", "Korps", "Majelis", "Mahkamah", "Bank", "Komite", "Agency", "Institute",
             "Ministry", "Council", "Center", "Centre")
ORG_JOINERS = ("untuk", "dan", "di", "dari", "for", "of", "and", "the")


@dataclass(frozen=True)
class KnownEntity:
    id: str
    type: str
    name: str


@cache
def gazetteer() -> dict[str, KnownEntity]:
    """Every surface form (canonical name and aliases) to the entity it names."""
    forms: dict[str, KnownEntity] = {}
    for line in data_lines("id/entities/gazetteer.tsv"):
        columns = line.split("\t")
        entity = KnownEntity(columns[0], columns[1], columns[2])
        forms[entity.name] = entity
        for alias in (columns[3].split("|") if len(columns) > 3 else []):
            forms[alias.strip()] = entity
    return forms


def _case_sensitive(form: str) -> bool:
    """One-word forms are names only when capitalised ("Antara" the agency, "antara" = between);
    multi-word descriptions ("badan mata-mata Seoul") match in any case."""
    return " " not in form or form.isupper()


@cache
def _gazetteer_pattern() -> re.Pattern[str]:
    parts = []
    for form in sorted(gazetteer(), key=len, reverse=True):
        escaped = re.escape(form)
        parts.append(escaped if _case_sensitive(form) else f"(?i:{escaped})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


def known_entity_ids(text: str) -> set[str]:
    """The gazetteer entities a text names, without annotating it: cheap enough to run as each article
    arrives, and the same ids `link_entities` gives those mentions later."""
    return {gazetteer()[_form_of(match.group(0))].id for match in _gazetteer_pattern().finditer(text)}


@cache
def _titles() -> tuple[str, ...]:
    return tuple(sorted(data_lines("id/entities/titles.txt"), key=len, reverse=True))


@cache
def _role_before() -> re.Pattern[str]:
    """A title phrase ending right where a name starts: "Menteri Luar Negeri Korea Utara ", "juru bicara
    Kremlin, ". The words after the title are capitalised or the few lower-case words titles use."""
    alternation = "|".join(re.escape(t) for t in _titles())
    tail = r"(?:\s+(?:[A-Z][\w.-]*|luar|negeri|pers|senior|jenderal|di|dari|untuk|urusan|pertahanan))*"
    return re.compile(rf"(?<![\w-])(?P<role>(?i:{alternation}){tail})\s*,?\s*$")


@cache
def _role_at() -> re.Pattern[str]:
    """The same title phrase, read forwards from where it starts."""
    return re.compile(_role_before().pattern.removesuffix(r"\s*,?\s*$"))


APPOSITION = re.compile(
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}),\s+(?:seorang\s+|sebagai\s+)?"
    r"(?P<role>[^,.;\"“”]{4,80}?)(?=[,.;]|\s+kepada\b)"
)
ORGANISATION = re.compile(
    rf"(?<![\w-])(?P<name>(?:{'|'.join(ORG_HEADS)})(?:\s+(?:{NAME_WORD}|(?:{'|'.join(ORG_JOINERS)})(?=\s+[A-Z])))+)"
)
RECOGNISED_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z]{2,6})\)")
CANDIDATE_NAME = re.compile(rf"(?<![\w-]){NAME_WORD}(?:\s+{NAME_WORD}){{1,9}}(?![\w-])")


def _starts_with_title(phrase: str) -> bool:
    lowered = phrase.lower()
    return any(lowered == t or lowered.startswith(t + " ") for t in _titles())


class _Mentions:
    """Collects non-overlapping spans; earlier (more trusted) sources win overlaps."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.spans: list[Span[EntityAttrs]] = []

    def overlapping(self, start: int, end: int) -> list[Span[EntityAttrs]]:
        return [s for s in self.spans if s.start < end and start < s.end]

    def overlaps(self, start: int, end: int) -> Span[EntityAttrs] | None:
        return next(iter(self.overlapping(start, end)), None)

    def add(self, start: int, end: int, label: str, **attrs: Unpack[EntityAttrs]) -> Span[EntityAttrs] | None:
        if start >= end or self.overlaps(start, end):
            return None
        span = Span(start, end, label, attrs)
        self.spans.append(span)
        return span


def find_entities(doc: Doc) -> Doc:
    text = doc.text
    mentions = _Mentions(doc)
    for match in _gazetteer_pattern().finditer(text):
        known = gazetteer()[_form_of(match.group(0))]
        mentions.add(match.start(), match.end(), known.type, origin="gazetteer", known=known.id, role=None)
    _add_described_sources(text, mentions)
    _add_dateline(doc, mentions)
    for span in [m for m in mentions.spans if m.label == "PERSON"]:
        role = _role_ending_at(text, span.start)
        if role:
            span.attrs["role"] = role
    for match in CANDIDATE_NAME.finditer(text):
        name = _name_part(text, match.start(), match.end())
        if name is not None and not mentions.overlaps(*name):
            role = _role_ending_at(text, name[0])
            if role:
                mentions.add(name[0], name[1], "PERSON", origin="pattern", role=role)
        elif name is None:
            _add_name_before_title(text, match, mentions)
    for match in ORGANISATION.finditer(text):
        _yield_places_inside(mentions, match.start("name"), match.end("name"))
        organisation = mentions.add(match.start("name"), match.end("name"), "ORG", origin="pattern", role=None)
        acronym = ACRONYM_AFTER.match(text, match.end("name"))
        if organisation is not None and acronym:
            organisation.attrs["acronym"] = acronym.group("acronym")
            mentions.add(acronym.start("acronym"), acronym.end("acronym"), "ORG", origin="pattern", role=None,
                         acronym_of=[organisation.start, organisation.end])
    for match in APPOSITION.finditer(text):
        role = match.group("role").strip()
        if not _starts_with_title(role):
            continue
        name_start, name_end = match.start("name"), match.end("name")
        existing = mentions.overlaps(name_start, name_end)
        if existing is None:
            mentions.add(name_start, name_end, "PERSON", origin="pattern", role=role)
        elif existing.label == "PERSON" and not existing.attrs.get("role"):
            existing.attrs["role"] = role
    if doc.article.language == "id":  # the model learned Indonesian only
        _add_recognised(text, mentions)
    _add_surname_mentions(text, mentions)
    for span in sorted(mentions.spans, key=lambda s: s.start):
        doc.add("entities", span)
    return doc


DESCRIBED_SOURCE = re.compile(r"(?<![\w-])(?P<what>media|sumber|pejabat|intelijen|badan intelijen|"
                             r"kantor berita|pemerintah)\s+$", re.IGNORECASE)


def _add_described_sources(text: str, mentions: _Mentions) -> None:
    """"media Korea Selatan", "sumber Ukraina": a country's media or officials are a source of their own,
    distinct from the country (and from its intelligence agency when the gazetteer names one)."""
    for place in [m for m in mentions.spans if m.label == "GPE"]:
        described = DESCRIBED_SOURCE.search(text, max(0, place.start - 20), place.start)
        if not described or described.group("what").lower() == "pemerintah":
            continue
        mentions.spans.remove(place)
        kind = "MEDIA" if described.group("what").lower() in ("media", "kantor berita") else "ORG"
        mentions.add(described.start(), place.end, kind, origin="pattern", role=None, about=place.attrs.get("known"))


def _yield_places_inside(mentions: _Mentions, start: int, end: int) -> None:
    """"Bank Indonesia", "Kementerian Luar Negeri Rusia": a place named inside an organisation's name is
    part of that name, not a mention of the place."""
    inside = mentions.overlapping(start, end)
    if inside and all(s.label == "GPE" and start < s.start and s.end <= end for s in inside):
        for span in inside:
            mentions.spans.remove(span)


def _add_dateline(doc: Doc, mentions: _Mentions) -> None:
    """"BANDARLAMPUNG, Bisnis.com - ...": the report's city and outlet, named as the cleaner reads them.
    A known name matching a whole part stays as the gazetteer has it; one inside a part ("CNN" in "CNN
    Indonesia") gives way to the whole."""
    outlet = [doc.article.outlet] if doc.article.outlet else []
    dateline = read_dateline(doc.text.split("\n\n", 1)[0], outlet)
    if dateline is None:
        return
    for part, label, name in ((dateline.outlet_span, "MEDIA", dateline.outlet),
                              (dateline.city_span, "GPE", dateline.city)):
        if part is None:
            continue
        start, end = part
        inside = mentions.overlapping(start, end)
        if any((s.start, s.end) == part for s in inside):
            continue
        for span in inside:
            mentions.spans.remove(span)
        mentions.add(start, end, label, origin="dateline", role=None, name=name)


def _form_of(surface: str) -> str:
    """The gazetteer key a (possibly differently cased) surface form came from."""
    if surface in gazetteer():
        return surface
    lowered = surface.lower()
    return next(form for form in gazetteer() if form.lower() == lowered and not _case_sensitive(form))


def _role_ending_at(text: str, start: int) -> str | None:
    window_start = max(0, start - 90)
    found = _role_before().search(text[window_start:start])
    return found.group("role").strip() if found else None


@cache
def _portfolio_words() -> frozenset[str]:
    return frozenset(data_lines("id/entities/portfolios.txt"))


def _is_name_word(word: str) -> bool:
    lowered = word.lower()
    return not (word in gazetteer() or lowered in _titles() or word in ORG_HEADS or lowered in _portfolio_words())


def _name_part(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The person's name at the end of a capitalised run: "Menteri Luar Negeri Korea Utara Choe Son-hui"
    ends with the name "Choe Son-hui". Words of known places, titles and organisation heads are not names."""
    words = list(re.finditer(NAME_WORD, text[start:end]))
    tail: list[re.Match[str]] = []
    for word in reversed(words):
        covered = any(form in gazetteer() for form in (word.group(0),)) or _inside_gazetteer(
            text, start + word.start(), start + word.end())
        if covered or not _is_name_word(word.group(0)):
            break
        tail.insert(0, word)
    if not 2 <= len(tail) <= 4:
        return None
    return start + tail[0].start(), start + tail[-1].end()


def _add_name_before_title(text: str, run: re.Match[str], mentions: _Mentions) -> None:
    """"Andrii Sybiha Menteri Luar Negeri Ukraina": a name, then its title, with no comma between."""
    words = list(re.finditer(NAME_WORD, run.group(0)))
    head = []
    for word in words:
        if not _is_name_word(word.group(0)) or _inside_gazetteer(text, run.start() + word.start(),
                                                                 run.start() + word.end()):
            break
        head.append(word)
    if len(head) < 2:
        return
    role = _role_at().match(text, run.start() + head[-1].end() + 1)
    if role:
        mentions.add(run.start() + head[0].start(), run.start() + head[-1].end(), "PERSON", origin="pattern",
                     role=role.group("role").strip())


def _inside_gazetteer(text: str, start: int, end: int) -> bool:
    for match in _gazetteer_pattern().finditer(text, max(0, start - 40), min(len(text), end + 40)):
        if match.start() <= start and end <= match.end():
            return True
    return False


def _add_recognised(text: str, mentions: _Mentions) -> None:
    """Names from the statistical model where no trusted source has one. In cased text a name starts
    with a capital; the model also learned from lower-cased sentences and may guess at common words."""
    for start, end, label in recognise(text):
        if not text[start].isupper() or _starts_with_title(text[start:end]) or _capitalised_opening(text, start, end):
            continue
        role = _role_ending_at(text, start) if label == "PER" else None
        mentions.add(start, end, RECOGNISED_LABELS[label], origin="model", role=role)


def _capitalised_opening(text: str, start: int, end: int) -> bool:
    """"BADAN meteorologi memprediksi ...": some outlets print a paragraph's first word in capitals."""
    at_paragraph_start = start == 0 or text[start - 1] == "\n"
    first = re.match(r"\S+", text[start:end])
    return at_paragraph_start and first is not None and first.group(0).isupper() and bool(
        re.match(r"\s+[a-z]", text[start + first.end():]))


def _add_surname_mentions(text: str, mentions: _Mentions) -> None:
    """"kata Hong" after "Hong Min": any single word of a person named earlier is that person again."""
    people = sorted((s for s in mentions.spans if s.label == "PERSON" and " " in text[s.start : s.end]),
                    key=lambda s: s.start)
    words = {word for person in people for word in text[person.start : person.end].split() if len(word) > 2}
    if not words:
        return
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
    for match in pattern.finditer(text):
        earlier = [p for p in people if p.end <= match.start() and match.group(1) in text[p.start : p.end].split()]
        if earlier:
            person = earlier[-1]  # the most recent person with that name part ("Kim" after "Kim Hong-kyun")
            guessed = mentions.overlaps(match.start(), match.end())
            if guessed is not None and guessed.attrs.get("origin") == "model" and (guessed.start, guessed.end) == \
                    match.span():
                mentions.spans.remove(guessed)  # the model guessed a kind; the earlier mention says whose name
            mentions.add(match.start(), match.end(), "PERSON", origin="surname", role=None,
                         refers_to=[person.start, person.end])
