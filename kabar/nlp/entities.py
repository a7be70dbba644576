"""Entity mentions: the statistical recogniser first, then what rules and the gazetteer add, with roles.

The recogniser trained on public Indonesian NER sets (kabar.nlp.recogniser) is the most precise source
measured on their dev splits (`kabar eval ner` prints each source's precision), so its spans come first
and are only reshaped: a title it swallowed ("Wakil Ketua Umum ... Nurhayati Ali Assegaf") becomes the
person's role, and a known name at its edge ("Partai Demokrat") is cut off and kept as its own mention.
The gazetteer (kabar/data/id/entities/: institutions, places, parties, media and the descriptions news
uses for them) gives a model span that matches it exactly its canonical entity; titles before a name
("Presiden Rusia Vladimir Putin") and appositions after it give roles. In Indonesian only a later mention
of a named person, the dateline ("BEKASI, Tribunnews.com - ") and descriptions add spans of their own; in
other languages, which the model never learned, known names, titles and organisation heads find them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from kabar.clean.metadata import lead_paragraph, read_dateline
from kabar.lexicon import data_lines
from kabar.model import Doc, Span
from kabar.nlp.quantities import number_words, people_units
from kabar.nlp.recogniser import recognise
from kabar.nlp.sentences import paragraph_at

NAME_WORD = r"[A-Z][a-zA-Z'’]*(?:-[A-Za-z][a-z]*)*"
NAME = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}"
ORG_HEADS = ("Badan", "Kementerian", "Institut", "Dewan", "Pusat", "Universitas", "Partai", "Komisi", "Organisasi",
             "Lembaga", "Kantor", "Angkatan", "Korps", "Majelis", "Mahkamah", "Bank", "Komite", "Agency", "Institute",
             "Ministry", "Council", "Center", "Centre")
ORG_JOINERS = ("untuk", "dan", "di", "dari", "for", "of", "and", "the")


GAZETTEER_FILES = ("gazetteer.tsv", "institutions.tsv", "parties.tsv", "places.tsv", "organisations.tsv",
                   "people.tsv")


@dataclass(frozen=True)
class KnownEntity:
    id: str
    type: str
    name: str


@cache
def gazetteer() -> dict[str, KnownEntity]:
    """Every surface form (canonical name and aliases) to the entity it names."""
    forms: dict[str, KnownEntity] = {}
    for line in (line for name in GAZETTEER_FILES for line in data_lines(f"id/entities/{name}")):
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


WORD_START = re.compile(r"(?<![\w-])\w+")
WORD_GOES_ON = re.compile(r"[\w-]")


@cache
def _forms_by_first_word() -> dict[str, tuple[tuple[str, bool], ...]]:
    """Each gazetteer form under its first word, lower-cased, longest form first, with whether its case
    counts: a text's word then meets only the few forms that start with it, not all of them."""
    index: dict[str, list[tuple[str, bool]]] = {}
    for form in sorted(gazetteer(), key=len, reverse=True):
        first = WORD_START.match(form)
        if first is not None:
            index.setdefault(first.group(0).lower(), []).append((form, _case_sensitive(form)))
    return {word: tuple(forms) for word, forms in index.items()}


def _gazetteer_matches(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """Bounds of the gazetteer forms written in `text` from `start` on, left to right without overlaps,
    the longest form where several start at one word; a form is whole words (no letter, digit or hyphen
    on either side). Time grows with the words of the text, not with the size of the gazetteer."""
    index = _forms_by_first_word()
    position = start
    while (word := WORD_START.search(text, position)) is not None:
        position = word.end()
        for form, case_counts in index.get(word.group(0).lower(), ()):
            end = word.start() + len(form)
            written = text[word.start() : end]
            if (written == form if case_counts else written.lower() == form.lower()) \
                    and WORD_GOES_ON.match(text, end) is None:
                yield word.start(), end
                position = end
                break


def gazetteer_ids(text: str) -> set[str]:
    """Every entity of the gazetteer files a text names, without annotating it."""
    return {gazetteer()[_form_of(text[start:end])].id for start, end in _gazetteer_matches(text)}


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


@cache
def _title_set() -> frozenset[str]:
    return frozenset(_titles())


def _starts_with_title(phrase: str) -> bool:
    """The phrase is a title or begins with one and a space: its first words are looked up, one, two, ...,
    rather than every title tried in turn (this runs for every candidate name)."""
    words = phrase.lower().split(" ")
    return any(" ".join(words[:count]) in _title_set() for count in range(1, len(words) + 1))


class _Mentions:
    """Collects non-overlapping spans; earlier (more trusted) sources win overlaps. Since no two spans overlap,
    in the order of their starts their ends are in order too, and the spans overlapping a stretch are found by
    bisection rather than by reading every span (a text of a hundred thousand names)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._starts: list[int] = []
        self._placed: list[tuple[int, Span]] = []  # (when added, span), in the order of their starts
        self._added = 0

    def overlapping(self, start: int, end: int) -> list[Span]:
        """The spans overlapping start..end, in the order they were added."""
        found = []
        before = bisect_left(self._starts, end)  # the spans starting before `end`
        while before and self._placed[before - 1][1].end > start:
            before -= 1
            found.append(self._placed[before])
        return _in_order_added(found)

    def overlaps(self, start: int, end: int) -> Span | None:
        return next(iter(self.overlapping(start, end)), None)

    def add(self, start: int, end: int, label: str, **attrs: object) -> Span | None:
        if start >= end or self.overlaps(start, end):
            return None
        span = Span(start, end, label, dict(attrs))
        at = bisect_left(self._starts, start)
        self._starts.insert(at, start)
        self._placed.insert(at, (self._added, span))
        self._added += 1
        return span

    @property
    def spans(self) -> list[Span]:
        """The spans in the order they were added."""
        return _in_order_added(self._placed)

    def remove(self, span: Span) -> None:
        at = bisect_left(self._starts, span.start)
        del self._starts[at], self._placed[at]


def _in_order_added(placed: list[tuple[int, Span]]) -> list[Span]:
    """The spans of (when added, span) pairs, in the order they were added."""
    return [span for _, span in sorted(placed, key=lambda pair: pair[0])]


def find_entities(doc: Doc) -> Doc:
    """In Indonesian text the model's spans stand and rules only reshape, name, link them and give roles:
    measured on the NER dev splits, every rule that added spans of its own (known names, names after
    titles, organisation heads, appositions) was less precise than the model (`kabar eval ner`); only a
    later mention of a person's name and the dateline still add. In other languages, which the model
    never learned, the gazetteer and patterns find them."""
    text = doc.text
    mentions = _Mentions(doc)
    known = [(start, end, gazetteer()[_form_of(text[start:end])]) for start, end in _gazetteer_matches(text)]
    rules_add = doc.article.language != "id"  # the model learned Indonesian only
    cut: set[tuple[int, int]] = set()
    if not rules_add:
        recognised = doc.layers.pop("recognised", None)
        found = [(s.start, s.end, s.label) for s in recognised] if recognised is not None else recognise(text)
        cut = _add_recognised(text, mentions, known, found)
    for start, end, entity in known:
        _add_known(text, mentions, start, end, entity, rules_add or (start, end) in cut)
    _add_described_sources(text, mentions)
    _add_dateline(doc, mentions)
    for span in [m for m in mentions.spans if m.label == "PERSON"]:
        role = _role_ending_at(text, span.start)
        if role:
            span.attrs["role"] = role
    if rules_add:
        _add_patterns(text, mentions)
    _link_acronyms(text, mentions, rules_add)
    _add_appositions(text, mentions, rules_add)
    _add_surname_mentions(text, mentions)
    for span in sorted(mentions.spans, key=lambda s: s.start):
        doc.add("entities", span)
    return doc


def _add_patterns(text: str, mentions: _Mentions) -> None:
    """Capitalised names after a title or before one, and names headed by an organisation word."""
    for match in CANDIDATE_NAME.finditer(text):
        name = _name_part(text, match.start(), match.end())
        inside = mentions.overlapping(*name) if name is not None else []
        if name is not None and all(s.label == "PERSON" and name[0] <= s.start and s.end <= name[1] for s in inside):
            role = _role_ending_at(text, name[0])
            if role:  # the whole name after a title, where the model saw only its end ("Ratna [Sari Dewi]")
                for span in inside:
                    mentions.remove(span)
                mentions.add(name[0], name[1], "PERSON", origin="title", role=role)
        elif name is None:
            _add_name_before_title(text, match, mentions)
    for match in ORGANISATION.finditer(text):
        _yield_places_inside(mentions, match.start("name"), match.end("name"))
        mentions.add(match.start("name"), match.end("name"), "ORG", origin="organisation", role=None)


def _link_acronyms(text: str, mentions: _Mentions, rules_add: bool) -> None:
    """"Badan Intelijen Nasional (NIS)": the acronym in brackets after an organisation names it again."""
    for organisation in [s for s in mentions.spans if s.label == "ORG"]:
        acronym = ACRONYM_AFTER.match(text, organisation.end)
        if acronym is None:
            continue
        bounds = acronym.span("acronym")
        found = next((s for s in mentions.overlapping(*bounds) if (s.start, s.end) == bounds), None)
        if found is None and rules_add:
            found = mentions.add(*bounds, "ORG", origin="acronym", role=None)
        if found is not None and not found.attrs.get("known"):
            organisation.attrs["acronym"] = acronym.group("acronym")
            found.attrs["acronym_of"] = [organisation.start, organisation.end]


def _add_appositions(text: str, mentions: _Mentions, rules_add: bool) -> None:
    """"Dmitry Peskov, juru bicara Kremlin,": the title after a name is that person's role (and, where
    rules add spans, the name a person's)."""
    for match in APPOSITION.finditer(text):
        role = match.group("role").strip()
        if not _starts_with_title(role):
            continue
        name_start, name_end = match.start("name"), match.end("name")
        existing = mentions.overlaps(name_start, name_end)
        if existing is None and rules_add:
            mentions.add(name_start, name_end, "PERSON", origin="apposition", role=role)
        elif existing is not None and (existing.start, existing.end) == (name_start, name_end) and \
                not existing.attrs.get("role") and not existing.attrs.get("known"):
            existing.label = "PERSON"  # a title after the name says whom it names: "Hong Min, peneliti senior"
            existing.attrs["role"] = role


DESCRIBED_SOURCE = re.compile(r"(?<![\w-])(?P<what>media|sumber|pejabat|intelijen|badan intelijen|"
                             r"kantor berita|pemerintah)\s+$", re.IGNORECASE)


def _add_described_sources(text: str, mentions: _Mentions) -> None:
    """"media Korea Selatan", "sumber Ukraina": a country's media or officials are a source of their own,
    distinct from the country (and from its intelligence agency when the gazetteer names one)."""
    for place in [m for m in mentions.spans if m.label == "GPE"]:
        described = DESCRIBED_SOURCE.search(text, max(0, place.start - 20), place.start)
        if not described or described.group("what").lower() == "pemerintah":
            continue
        mentions.remove(place)
        kind = "MEDIA" if described.group("what").lower() in ("media", "kantor berita") else "ORG"
        mentions.add(described.start(), place.end, kind, origin="described", role=None, about=place.attrs.get("known"))


def _yield_places_inside(mentions: _Mentions, start: int, end: int) -> None:
    """"Bank Indonesia", "Kementerian Luar Negeri Rusia": a place named inside an organisation's name is
    part of that name, not a mention of the place."""
    inside = mentions.overlapping(start, end)
    if inside and all(s.label == "GPE" and start < s.start and s.end <= end for s in inside):
        for span in inside:
            mentions.remove(span)


def _add_dateline(doc: Doc, mentions: _Mentions) -> None:
    """"BANDARLAMPUNG, Bisnis.com - ...": the report's city and outlet, named as the cleaner reads them.
    A known name matching a whole part stays as the gazetteer has it; one inside a part ("CNN" in "CNN
    Indonesia") gives way to the whole. A sentence's opening clause ("Walaupun demikian, ...") is no city:
    in a line written in both cases a city's words are capitalised, and in a line all in capitals nothing
    sets a city apart unless an outlet follows it."""
    outlet = [doc.article.outlet] if doc.article.outlet else []
    offset, lead = lead_paragraph(doc.text, doc.article.paragraphs)
    dateline = read_dateline(lead, outlet)
    if dateline is None:
        return
    for part, label, name in ((dateline.outlet_span, "MEDIA", dateline.outlet),
                              (dateline.city_span, "GPE", dateline.city)):
        if part is None:
            continue
        start, end = part[0] + offset, part[1] + offset
        end = start + len(doc.text[start:end].rstrip())  # "JAKARTA , KOMPAS.COM": the name, not the space after it
        if label == "GPE" and (_uncapitalised_in_cased_line(doc.text, start, end, every_word=True) or (
                dateline.outlet_span is None and not any(c.islower() for c in paragraph_at(doc.text, start, end)))):
            continue
        inside = mentions.overlapping(start, end)
        same = next((s for s in inside if (s.start, s.end) == (start, end)), None)
        if same is not None:
            if not same.attrs.get("known"):
                same.label = label
                same.attrs["name"] = name
            continue
        for span in inside:
            mentions.remove(span)
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


def is_name_word(word: str) -> bool:
    """A word that can be part of a person's name: not a title, portfolio, organisation head, or a known
    place or body ("Jokowi" is known, as a person)."""
    lowered = word.lower()
    known = gazetteer().get(word)
    return not ((known is not None and known.type != "PERSON") or lowered in _titles()
                or word.capitalize() in ORG_HEADS or lowered in _portfolio_words())


def _name_part(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The person's name at the end of a capitalised run: "Menteri Luar Negeri Korea Utara Choe Son-hui"
    ends with the name "Choe Son-hui". Words of known places, titles and organisation heads are not names."""
    words = list(re.finditer(NAME_WORD, text[start:end]))
    tail: list[re.Match[str]] = []
    for word in reversed(words):
        covered = any(form in gazetteer() for form in (word.group(0),)) or _inside_gazetteer(
            text, start + word.start(), start + word.end())
        if covered or not is_name_word(word.group(0)):
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
        if not is_name_word(word.group(0)) or _inside_gazetteer(text, run.start() + word.start(),
                                                                 run.start() + word.end()):
            break
        head.append(word)
    if len(head) < 2:
        return
    role = _role_at().match(text, run.start() + head[-1].end() + 1)
    if role:
        mentions.add(run.start() + head[0].start(), run.start() + head[-1].end(), "PERSON", origin="title",
                     role=role.group("role").strip())


def _inside_gazetteer(text: str, start: int, end: int) -> bool:
    return any(found_start <= start and end <= found_end
               for found_start, found_end in _gazetteer_matches(text[: end + 40], max(0, start - 40)))


def _is_description(form: str) -> bool:
    """A gazetteer form written in lower case, several words long: "badan mata-mata Seoul"."""
    return form[0].islower() and " " in form


def _add_known(text: str, mentions: _Mentions, start: int, end: int, entity: KnownEntity, rules_add: bool) -> None:
    """A model span with the same bounds as a gazetteer name is that entity, of the gazetteer's type (the
    model calls "Ukraina" an organisation where it acts); a known name replaces the model spans wholly inside it
    ("Kim Jong Un" over "Kim Jong", "badan mata-mata Seoul" over "Seoul"). Where the model found nothing,
    a known person, a description ("badan mata-mata Seoul") and a name written exactly as listed in a line
    written in both cases, standing as a name of its own (`_stands_alone`), are named all the same. Added
    wherever written as listed they were right 15 times in 76 on the NER dev splits (`kabar eval ner`),
    mostly because those sets leave countries used as adjectives untagged ("militer Israel"); without them
    the claims lose their parties ("Iran mengirim drone") and the seeds' claim groups fall from F1 0.90 to
    0.59, and speakers lose the bodies that speak. Other languages take every known name."""
    inside = mentions.overlapping(start, end)
    same = next((s for s in inside if (s.start, s.end) == (start, end)), None)
    if same is not None:
        same.label = entity.type
        same.attrs["known"] = entity.id
        return
    if inside and all(start <= s.start and s.end <= end for s in inside):
        for span in inside:
            mentions.remove(span)
        mentions.add(start, end, entity.type, origin="gazetteer", known=entity.id, role=None)
    elif rules_add or entity.type == "PERSON" or _is_description(_form_of(text[start:end])) \
            or _listed_name_in_cased_line(text, start, end):
        mentions.add(start, end, entity.type, origin="gazetteer", known=entity.id, role=None)


def _add_recognised(text: str, mentions: _Mentions, known: list[tuple[int, int, KnownEntity]],
                    found: list[tuple[int, int, str]]) -> set[tuple[int, int]]:
    """Names from the statistical model, reshaped where a title or a known name is caught inside them;
    returns the bounds of the known names cut from them, which are mentions of their own."""
    cut: set[tuple[int, int]] = set()
    order = sorted(range(len(known)), key=lambda i: known[i][0])
    starts = [known[i][0] for i in order]
    longest = max((known_end - known_start for known_start, known_end, _ in known), default=0)
    for start, end, label in found:
        if _capitalised_opening(text, start, end) or _uncapitalised_in_cased_line(text, start, end):
            continue
        # only the known names overlapping the span can reshape it (its bounds only ever narrow), found by
        # bisection in their original order: scanning all of them for every span costs the square
        near = sorted(order[bisect_left(starts, start - longest) : bisect_left(starts, end)])
        reshaped = _reshaped(text, start, end, RECOGNISED_LABELS[label], [known[i] for i in near], cut)
        if reshaped is not None:
            mentions.add(*reshaped, origin="model", role=None)
    return cut


def _reshaped(text: str, start: int, end: int, label: str,
              known: list[tuple[int, int, KnownEntity]], cut: set[tuple[int, int]]) -> tuple[int, int, str] | None:
    """"Partai Demokrat Nurhayati" with the model's span starting inside the party's name: the span gives up
    the known name it crosses, and a person's span the known place or body it starts with ("Jawa Tengah
    Ahmad Luthfi"); "Aceh Barat" stays whole. "Ketua Komisi III DPR RI Benny Kabur Harman" taken whole: the
    person is the name words at the end, the rest their title (a title makes the span a person; a place or
    organisation keeps its span unless a name of two words or more follows the title: "Raja Ampat"). After a
    title, a known body leading the span is the person's ("Sekretaris Jenderal NATO Mark Rutte")."""
    after_title = _role_ending_at(text, start) is not None
    for known_start, known_end, entity in known:
        leads = known_start == start and entity.type != "PERSON" and (label == "PERSON" or after_title)
        if (known_start < start or leads) and start < known_end < end:
            start = known_end + len(text[known_end:end]) - len(text[known_end:end].lstrip())
            cut.add((known_start, known_end))
            label = "PERSON" if after_title else label
        elif start < known_start < end < known_end:
            end = len(text[:known_start].rstrip())
            cut.add((known_start, known_end))
    if start >= end:
        return None
    first_word = text[start:end].split(maxsplit=1)[0]
    if not _starts_with_title(text[start:end]) and (label != "PERSON" or is_name_word(first_word)):
        return start, end, label
    name = _name_tail(text, start, end, known)
    if name is None or (label != "PERSON" and " " not in text[name[0] : name[1]]):
        return (start, end, label) if label != "PERSON" else None
    return name[0], name[1], "PERSON"


WORD = re.compile(r"\S+")


def _name_tail(text: str, start: int, end: int, known: list[tuple[int, int, KnownEntity]]) -> tuple[int, int] | None:
    """The last one to four words of [start, end) that are neither titles, portfolios, organisation heads
    nor part of a known name."""
    tail: list[re.Match[str]] = []
    for word in reversed(list(WORD.finditer(text, start, end))):
        inside_known = any(k_start <= word.start() and word.end() <= k_end for k_start, k_end, _ in known)
        if inside_known or not is_name_word(word.group(0).strip(",.")) or len(tail) == 4:
            break
        tail.insert(0, word)
    if not tail or tail[0].start() == start:
        return None
    return tail[0].start(), tail[-1].end()


def _uncapitalised_in_cased_line(text: str, start: int, end: int, every_word: bool = False) -> bool:
    """Where a line is written with capitals, names carry them: a span without one ("medan" in "medan
    perang") is a guess at a common word, and so is one with an uncapitalised word where `every_word` must
    have one ("Walaupun demikian"). In a line written all in lower case the model reads it anyway."""
    capitalised = [any(c.isupper() or c.isdigit() for c in word) for word in text[start:end].split()]
    if all(capitalised) if every_word else any(capitalised):
        return False
    return any(c.isupper() for c in paragraph_at(text, start, end))


def _listed_name_in_cased_line(text: str, start: int, end: int) -> bool:
    """"Iran mengirim drone", "Data BMKG menyebutkan": a known country or body written exactly as listed, in
    a line written in both cases, standing as a name of its own. The model passes over many of them, and
    claims, speakers and sources need them as the parties that act and speak. In a line all in capitals
    every word looks like a name."""
    entity = gazetteer().get(text[start:end])
    if entity is None or not _stands_alone(text, start, end, entity):
        return False
    return any(c.islower() for c in paragraph_at(text, start, end))


WORD_BEFORE = re.compile(r"(?P<word>[^\s]+)[ \t]+$")
WORD_AFTER = re.compile(r"[ \t]+(?P<word>[^\s]+)")


def _stands_alone(text: str, start: int, end: int, entity: KnownEntity) -> bool:
    """A listed name next to another capitalised word is part of a longer name or title the model read
    whole or left alone ("Serikat Petani Indonesia", "Presiden Perancis Jacques Chirac", "DPD Nasdem
    Sumenep"), except a country a title serves ("Menteri Luar Negeri Korea Utara Choe Son-hui"), which the
    claims count among an event's parties though the NER sets differ on it; a listed place after a lower-case
    word other than a preposition of place describes that word ("militer Israel", "warga Palestina", "dolar
    AS"), a use the NER sets leave untagged."""
    if _next_to_capitalised_word(text, start, end) and not (entity.type == "GPE" and _role_ending_at(text, start)):
        return False
    word_before = _word_before(text, start)
    return entity.type not in ("GPE", "LOC") or not word_before[:1].islower() or word_before in _place_openers() \
        or (word_before in people_units() and _counted(text, start - len(word_before) - 1))


def _counted(text: str, start: int) -> bool:
    """Whether the word before `start` is a number: "800 tentara Iran", "ribuan tentara Korea Utara" count
    the place's own people, and the claims need that place as the figure's party."""
    word = _word_before(text, start).lower()
    return any(c.isdigit() for c in word) or word in number_words()


def _word_before(text: str, start: int) -> str:
    """The word just before `start` on its line, or "" where `start` opens a sentence or follows punctuation
    ("Rusia, Kim")."""
    before = WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None or _opens_sentence(text, before.start()) or not before.group("word")[-1].isalnum():
        return ""
    return before.group("word")


def _next_to_capitalised_word(text: str, start: int, end: int) -> bool:
    """Whether the words of [start, end) run on into a capitalised word (other than a sentence's first), in
    a line written in sentence case; in a headline Every Word Is Capitalised and says nothing."""
    after = WORD_AFTER.match(text, end)
    return any(word[:1].isupper() for word in (_word_before(text, start), after.group("word") if after else "")) \
        and not _title_case_line(text, start)


def _title_case_line(text: str, start: int) -> bool:
    line_end = text.find("\n", start)
    return _title_case(text, text.rfind("\n", 0, start) + 1, line_end if line_end >= 0 else len(text))


@lru_cache(maxsize=32)
def _title_case(text: str, start: int, end: int) -> bool:
    """Read once per line: one line may hold thousands of names, each asking."""
    words = [word for word in text[start:end].split() if word[0].isalpha()]
    return sum(word[0].isupper() for word in words) >= 0.8 * len(words)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens its line or sentence, where every word is capitalised."""
    preceding = text[max(0, start - 3) : start].rstrip(" \t")
    return not preceding or preceding[-1] in "\n.!?:\"“"


@cache
def _place_openers() -> frozenset[str]:
    return frozenset(data_lines("id/entities/place-openers.txt"))


def _capitalised_opening(text: str, start: int, end: int) -> bool:
    """"BADAN meteorologi memprediksi ...": some outlets print a paragraph's first word in capitals. An
    acronym opens paragraphs far more often ("KPK menetapkan ..."); where the text writes the word in
    capitals again, away from a paragraph's opening, it is that acronym ("QVC setuju ... saham QVC")."""
    at_paragraph_start = start == 0 or text[start - 1] == "\n"
    first = re.match(r"\S+", text[start:end])
    return at_paragraph_start and first is not None and first.group(0).isupper() and bool(
        re.match(r"\s+[a-z]", text[start + first.end():])) and not _written_in_capitals_elsewhere(text, first.group(0))


def _written_in_capitals_elsewhere(text: str, word: str) -> bool:
    """Whether `word` (in capitals) stands in `text` somewhere other than at a paragraph's opening."""
    return any(match.start() > 0 and text[match.start() - 1] != "\n"
               for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))


def _add_surname_mentions(text: str, mentions: _Mentions) -> None:
    """"kata Hong" after "Hong Min": any single word of a person named earlier, standing alone, is that person
    again; next to another capitalised word it is part of a longer name ("Dadai Latif Gobel")."""
    people = sorted((s for s in mentions.spans if s.label == "PERSON" and " " in text[s.start : s.end]),
                    key=lambda s: s.start)
    words = {word for person in people for word in text[person.start : person.end].split() if len(word) > 2}
    if not words:
        return
    # the people holding each name part, in the order of their ends (they do not overlap: of their starts too)
    holding: dict[str, list[Span]] = {}
    for person in people:
        for word in dict.fromkeys(text[person.start : person.end].split()):
            holding.setdefault(word, []).append(person)
    ends = {word: [person.end for person in held] for word, held in holding.items()}
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
    for match in pattern.finditer(text):
        earlier = bisect_right(ends[match.group(1)], match.start())
        if earlier and not _next_to_capitalised_word(text, match.start(), match.end()):
            # the most recent person with that name part ("Kim" after "Kim Hong-kyun")
            person = holding[match.group(1)][earlier - 1]
            guessed = mentions.overlaps(match.start(), match.end())
            if guessed is not None and guessed.attrs.get("origin") == "model" and (guessed.start, guessed.end) == \
                    match.span():
                mentions.remove(guessed)  # the model guessed a kind; the earlier mention says whose name
            mentions.add(match.start(), match.end(), "PERSON", origin="surname", role=None,
                         refers_to=[person.start, person.end])
