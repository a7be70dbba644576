"""Quotes and who said them.

Direct quotes sit between quotation marks, possibly over several sentences of a paragraph, with a cue
next to them ("…," kata Hong Min; X mengatakan, "…"); indirect ones are a reporting verb with or without
bahwa ("Peskov mengatakan, …"), "menurut X, …" or a cue set off by commas ("…, kata dia, …").

The speaker is whom the cue names: a named entity, else a capitalised name, else the group or role the
text describes ("kata seorang pejabat militer Israel", "beberapa analis berpendapat"). Pronouns ("kata
dia", "Ia menambahkan"), suffixed cues ("tambahnya", "lanjutnya") and descriptions that point back
("imbuh Ketua Harian Partai Gerindra ini") carry the last speaker of the article; so does a quoted
sentence with no cue right after another quote. A pronoun or a description may also point to a person
a sentence opened with since ("Ketua Dewan … Suhadi mengajak …" then "kata dia"); a suffixed cue after a
quotation does not. "kepada AFP" names the medium (via).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kabar.lexicon import alternation, data_lines, sections, table
from kabar.model import Doc, Span
from kabar.nlp.entities import gazetteer, is_name_word
from kabar.nlp.sentences import PARAGRAPH

# Quotation marks, also as a dump that read UTF-8 as Mac Roman writes them (‚Äú ‚Äù)
OPENING = ("“", "‚Äú", "‘")
CLOSING = ("”", "‚Äù", "’")
MARK = re.compile(r"‚Äú|‚Äù|[“”\"‘]|’(?!\w)")
VIA = re.compile(r"\bkepada\s+(?:wartawan\s+)?(?P<via>[A-Z][\w.]*)")
CONJUNCTION = re.compile(r"\s*,?\s*(?:dan|serta|and)\s+")
SPEAKER_KINDS = ("PERSON", "ORG", "MEDIA", "GPE")
BODIES = ("ORG", "MEDIA", "GPE")
# who is more likely the subject when an apposition leaves two candidates: a person over an agency over a place
SUBJECT_RANK = {"PERSON": 3, "MEDIA": 2, "ORG": 2, "GPE": 1, "LOC": 0}
# a run of capitalised words read as a name when the entity layer has none ("ujar Olivia", "cuit Hasnur")
CAPITALISED = re.compile(r"@\w+|[A-Z][\w'’-]*(?:\.?\s+(?:(?:of|for|the|de|van|von|bin|binti)\s+)?[A-Z][\w'’-]*){0,6}")
# an honorific inside a capitalised run starts the name: "Pakar Hukum Dr. Muhammad Rullyandi"
HONORIFIC = re.compile(r"\b(?:Dr|Prof|Ir|Drs|Hj?)\.?\s+(?=[A-Z])")
# a word that is a verb rather than part of a described speaker ("menyampaikan", "berharap"); "menteri" is not
VERB_LIKE = re.compile(r"^(?:mem|men|meng|meny|ber)(?!teri)\w{3,}$", re.IGNORECASE)
MAX_DESCRIPTION_WORDS = 7
# a subject written after the quotation it reports, before its verb: '"…," Menteri Luar Negeri Retno menambahkan.'
MAX_LATE_SUBJECT_WORDS = 6
# a quotation that ends its own clause with a stop or a comma before the closing mark: '"Kami siap,"'
CLAUSE_CLOSED = re.compile(r"[,.!?…]\s*$")
# a title before a comma and the name it introduces: "Sekretaris untuk Asia dan Pasifik Kementerian Luar Negeri Brasil"
MAX_TITLE_WORDS = 12
# an acronym in brackets inside a title, no clause of its own: "Presiden Konfederasi Serikat Pekerja Seluruh Indonesia
# (KSPSI), Andi Gani Nena Wea, mendorong …"
ACRONYM_IN_BRACKETS = r"\([A-Z][A-Za-z0-9&-]{1,15}\)"
BRACKETED_ACRONYM = re.compile(rf"\s*{ACRONYM_IN_BRACKETS}")
# a title that runs on past commas and "dan" in capitalised words before the name it ends in
TITLE_CHAIN = re.compile(r"[A-Z][\w'’.-]*(?:(?:\s*,\s*|\s+(?:dan\s+|&\s+)?)[A-Z][\w'’.-]*)*")
# an article's dateline: "JAKARTA, KOMPAS.com - ", "TEMPO.CO, Jakarta - ", "JAMBI, KOMPAS.COM- "
DATELINE = re.compile(r"[^\n]{0,40}?(?:\s|(?<=[A-Z]))[-–—]\s+")
# a person introduced with an age: "Suherman (64) warga Kampung …, Kabupaten Bogor mengaku"
AGED = re.compile(r"\s*(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*\(\d{1,3}\)")
# where a subject ends before its verb: a relative clause, a circumstance or a capacity ("X dalam keterangan
# resminya menyebutkan", "X pada Senin mengatakan", "X selaku Ketua Panitia mengatakan")
SUBJECT_END = re.compile(r"[\s,]+(?:yang|dalam|saat|ketika|kala|usai|seusai|melalui|lewat|kepada|seperti|"
                         r"sebagaimana|sambil|seraya|pada|selaku)\b")


@cache
def cues(kind: str) -> tuple[str, ...]:
    if kind == "suffixed":
        return (*sections("id/nlp/reporting.txt")["suffixed"], *(f"{cue}nya" for cue in cues("after")))
    return sections("id/nlp/reporting.txt")[kind]


@cache
def _words(kind: str) -> frozenset[str]:
    return frozenset(sections("id/nlp/speakers.txt")[kind])


@cache
def _cue_pattern(kind: str) -> re.Pattern[str]:
    """A cue in any case, but a capitalised one after a word or a comma is a name ("Ketua Banggar DPR Said
    Abdullah menanggapi …", "Terakhir, Said menekankan …"), not the English "said"."""
    return re.compile(rf"(?<![\w-])(?!(?<=[\w,] )(?-i:[A-Z]))(?P<cue>{alternation(list(cues(kind)))})(?![\w-])",
                      re.IGNORECASE)


@cache
def _trailing_adverbs() -> re.Pattern[str]:
    return re.compile(rf"(?:[\s,]+(?:{alternation(list(_words('adverb')))}))+[\s,]*$", re.IGNORECASE)


@cache
def _stop() -> re.Pattern[str]:
    # a full stop inside a sentence belongs to an abbreviation ("kata Dr. Lynn Ludmer") and goes on
    return re.compile(rf"[,;:()\"“”]|\.(?!\s+[A-Z])|\s(?:{alternation(list(_words('stop')))})(?![\w-])",
                      re.IGNORECASE)


@cache
def _subject_tail() -> re.Pattern[str]:
    """What may stand between a subject and its verb: nothing, a comma, a bracket ("(Ibas)"), a description
    set off by commas ("Fran Moore, mantan direktur intelijen CIA, mengatakan") that opens no new clause
    ("…, tetapi Rutte menyatakan"), or a relative clause ("Michael Scheuer, yang mengelola Stasiun Alec,
    menuturkan")."""
    clause = alternation(list(_words("boundary")))
    return re.compile(rf"\s*(?:\([^)]*\))?\s*(?:,\s*(?!(?:{clause})\b)[a-z][^,;.]*)?\s*,?\s*(?:yang\b[^.;]*)?")


@cache
def _boundary() -> re.Pattern[str]:
    return re.compile(rf"[,;:()\"“”]|(?<![\w-])(?:{alternation(list(_words('boundary')))})(?![\w-])",
                      re.IGNORECASE)


def _entities_in(doc: Doc, start: int, end: int) -> list[Span]:
    return [s for s in doc.index("entities").within(start, end) if s.label in SPEAKER_KINDS]


def _people_in(doc: Doc, start: int, end: int) -> list[Span]:
    return [s for s in _entities_in(doc, start, end) if s.label == "PERSON"]


def told_to(text: str, span_start: int) -> bool:
    """"kata para ahli kepada AFP": the entity after "kepada" is whom it was said to, not the source."""
    return text[max(0, span_start - 8) : span_start].rstrip().lower().endswith("kepada")


def _described(doc: Doc, start: int, end: int) -> Span | None:
    """The words from start to end as a described speaker (a group or a role), if they read as one."""
    text = doc.text
    while start < end and text[start] in " ,":
        start += 1
    while end > start and text[end - 1] in " ,.":
        end -= 1
    words = text[start:end].split()
    if not words or len(words) > MAX_DESCRIPTION_WORDS or any(VERB_LIKE.match(w) for w in words) \
            or words[0].lower() in _words("stop") or words[0].lower() in _words("boundary") \
            or any(w.lower().strip(",.") in _words("participant") for w in words) \
            or all(w.lower().strip(",.") in _words("document") for w in words):
        return None  # a verb, a pronoun of the conversation, or a record with no author ("menurut catatan")
    return Span(start, end, "described")


def _pronoun_at(text: str, start: int, end: int) -> bool:
    word = text[start:end].strip(" ,").lower()
    return word in _words("pronoun")


def _points_back(text: str, start: int, end: int) -> bool:
    """"Ketua Harian Partai Gerindra ini": a description ending in ini/itu/tersebut names the last speaker;
    a time ending the phrase ("bunyi pernyataan perusahaan saat itu") does not."""
    words = text[start:end].strip(" ,.").split()
    return len(words) >= 2 and words[-1].lower() in _words("pointer") and words[-2].lower() not in _words("stop")


def speaker_after(doc: Doc, position: int, limit: int, last: Span | None) -> Span | None:
    """Who a cue at `position` names ("kata X …"): a pronoun or a description pointing back gives the last
    speaker; a person in the phrase before it ends (at a stop word or punctuation) wins, also after an
    apposition ("kata pemilik rumah makan, Aditya Prayoga, saat …"); then an agency or place the phrase
    opens with, a capitalised name, or the phrase itself as a described speaker."""
    text = doc.text
    while position < limit and text[position] == " ":
        position += 1
    stop = _stop().search(text, position, limit)
    head_end = _body_across_dan(doc, position, stop.start(), limit) if stop else limit
    if _pronoun_at(text, position, head_end):
        return last
    clause = re.search(r"[,.;]", text[position:limit])
    if last is not None and _points_back(text, position, position + clause.start() if clause else limit):
        return last
    apposed = _apposed_name(doc, position, limit)
    if apposed is not None:
        return apposed
    source = _document_source().match(text, position, limit)
    if source is not None:
        comma = text.find(",", source.end(), limit)
        # the source closes at its comma: "dari The Information, Jeff Hulse, …" is no apposition
        author = speaker_after(doc, source.end(), comma if comma != -1 else limit, last)
        if author is not None:
            return author
    head = [s for s in _entities_in(doc, position, head_end) if not told_to(text, s.start)]
    people = [s for s in head if s.label == "PERSON"]
    if people:
        return people[0]
    chain = TITLE_CHAIN.match(text, position, limit)
    chained = _people_in(doc, position, chain.end()) if chain else []
    if chained:
        return chained[0]  # "kata Kepala Pusat Data, Informasi dan Komunikasi Kebencanaan BNPB Abdul Muhari"
    if stop and text[stop.start()] == ",":
        named = _name_at(doc, stop.end(), limit)
        closed = named is not None and (not text[named.end : limit].strip()
                                        or _stop().match(text, named.end, limit) is not None)
        if named is not None and closed and (not head or named.label == "PERSON" or text[position].islower()):
            # "kata Menteri Pertahanan Iran, Aziz Nasirzadeh," / "menurut kantor berita Iran, Tasnim," (but in
            # "Menurut intelijen Ukraina, Iran mengirim …" the name opens the clause reported)
            return named
    if head_end <= position:
        return None
    if text[position].isupper():
        return _name_at(doc, position, head_end) or (head[0] if head else None)
    names = [m for m in CAPITALISED.finditer(text, position, head_end)
             if not any(s.start < m.end() and m.start() < s.end for s in head) and not _known_place(m.group(0))]
    if names:
        return _name_span(doc, names[-1].start(), names[-1].end())  # "kata salah seorang warga bernama Yono"
    if head and text[position:head_end].split()[0].lower() in _words("document"):
        return head[0]  # "menurut laporan Al Jazeera", "menurut kabar Korea Selatan, Ukraina, …"
    bodies = [s for s in head if s.label != "GPE"]
    described_role = [w for w in text[position : head_end].lower().split() if w not in _words("determiner")]
    if bodies and described_role[0] in _role_words() and len(text[bodies[-1].start : bodies[-1].end].split()) == 1:
        # a person with a role in the body speaks: "kata seorang juru bicara Google" (the body names the role); a
        # longer body may have swallowed the person's name ("pelatih Semen Padang Weliansyah") and is kept
        return _described(doc, position, head_end) or bodies[-1]
    if bodies:
        return bodies[-1]  # "kata media pemerintah KCNA"; a place only qualifies: "kata pejabat militer Israel"
    return _described(doc, position, head_end) or (head[0] if head else None)


def _body_across_dan(doc: Doc, position: int, stop: int, limit: int) -> int:
    """Where a speaker phrase stopped by "dan" ends: after a body whose name holds it ("Kementerian Lingkungan
    Hidup dan Kehutanan", as the entity layer spans it), else at the stop ("Budi dan Ani" are two)."""
    if doc.text[stop : stop + 5].lower() != " dan ":
        return stop
    body = next((s for s in doc.index("entities").within(position, limit)
                 if s.start == position and s.end > stop and s.label not in ("PERSON", "GPE")), None)
    return body.end if body is not None else stop


@cache
def _document_source() -> re.Pattern[str]:
    """A report credited to its source after "dari": "sebuah laporan dari The Information", "laporan dari kantor
    berita Antara" (the source speaks, not the report)."""
    articles = alternation([*_words("indefinite"), *_words("determiner")])
    return re.compile(rf"(?:(?:{articles})\s+)?(?:{alternation(list(_words('document')))})\s+dari\s+", re.IGNORECASE)


def _known_place(name: str) -> bool:
    """A place the gazetteer knows, written as listed: after a role noun it qualifies the role ("kata
    seorang pejabat militer Israel") whether or not the entity layer tagged it."""
    known = gazetteer().get(name)
    return known is not None and known.type in ("GPE", "LOC")


def _apposed_name(doc: Doc, position: int, limit: int) -> Span | None:
    """A title set off by a comma from the name that closes the phrase names that person, whatever the
    entity layer made of the title's words or the name: "kata aktivis Lakpesdam PBNU, Ubaidillah.",
    "ujar Kepala Badan Ekonomi Kreatif, Triawan Munaf saat …", "Menurut Sekretaris untuk Asia dan Pasifik
    Kementerian Luar Negeri Brasil, Susan Kleebank, …"."""
    text = doc.text
    comma = text.find(",", position, limit)
    if comma == -1:  # checked before slicing: text[position:-1] would copy and split the rest of the text
        return None
    title = text[position:comma].split()
    if not title or len(title) > MAX_TITLE_WORDS or not _titles_a_name(title[0]) \
            or title[0].isupper() or any(stop.group(0).strip().lower() not in ("dan", "serta")
                                         for stop in _stop().finditer(text, position, comma)):
        return None  # a circumstance ends the phrase before the comma: "ujar Kepala Lapas X dalam keterangannya,"
    named = _name_at(doc, comma + 1, limit)
    if named is None or named.label not in ("PERSON", "NAME") or \
            any(word.lower() in table("id/days.tsv") for word in text[named.start : named.end].split()):
        return None  # a day is no name: "kata Kepala Dinas Pendidikan, Senin."
    rest = text[named.end : limit]
    # the phrase closes after the name, not in a title running on ("Kepala Pusat Data, Informasi dan …")
    closed = not rest.strip() or (_stop().match(text, named.end, limit) is not None
                                  and not re.match(r"\s+(?:dan|serta)\b", rest))
    return named if closed else None


def _name_at(doc: Doc, start: int, limit: int) -> Span | None:
    """An entity or a capitalised name starting right at `start` (spaces skipped)."""
    text = doc.text
    while start < limit and text[start] == " ":
        start += 1
    entity = next((s for s in _entities_in(doc, start, limit) if s.start == start), None)
    if entity is not None:
        return entity
    name = CAPITALISED.match(text, start, limit)
    if name is None or text[name.start() : name.end()].lower() in _words("pronoun"):
        return None
    return _name_span(doc, name.start(), name.end())


def _name_span(doc: Doc, start: int, end: int) -> Span:
    """A capitalised run as a name, the title chain before it left out: the name follows the last title
    word, acronym or named body or place ("Kapolres AKBP Roland" → "Roland", "Deputi Bidang Statistik
    Sosial BPS Ateng Hartono" → "Ateng Hartono"); a run made only of role words ("Hakim", "Panitia",
    "Critics") describes the speaker instead of naming them."""
    text = doc.text
    honorific = list(HONORIFIC.finditer(text, start, end))
    if honorific:
        return Span(honorific[-1].start(), end, "NAME")
    bodies = [s for s in _entities_in(doc, start, end) if s.label != "PERSON" and s.end < end]
    words = [(start + w.start(), start + w.end()) for w in re.finditer(r"\S+", text[start:end])]
    titles = [_titles_a_name(text[a:b]) or any(s.start <= a and b <= s.end for s in bodies) for a, b in words]
    if all(titles):
        return Span(start, end, "described")
    chain_end = max((i for i, title in enumerate(titles[:-1]) if title), default=-1)
    first_name = titles.index(False)
    return Span(words[chain_end + 1 if chain_end > first_name else first_name][0], end, "NAME")


def _titles_a_name(word: str) -> bool:
    """A role word or an acronym (an agency, a rank: "BPS", "AKBP") stands before a name, not in it."""
    bare = word.strip(".,")
    return bare.lower() in _role_words() or (len(bare) >= 2 and bare.isalpha() and bare.isupper())


@cache
def _role_words() -> frozenset[str]:
    """Words of titles and roles: the speaker lexicon's [role] section and the entity layer's titles."""
    titles = (word for line in data_lines("id/entities/titles.txt") for word in line.split())
    return frozenset((*_words("role"), *titles))


def _first_name(doc: Doc, start: int, end: int) -> Span | None:
    comma = doc.text.find(",", start, end)
    end = comma if comma != -1 else end
    entities = _entities_in(doc, start, end)
    name = CAPITALISED.search(doc.text, start, end)
    if entities and (name is None or entities[0].start <= name.start()):
        return entities[0]
    return _name_span(doc, name.start(), name.end()) if name else None


def subject_before(doc: Doc, start: int, position: int) -> Span | None:
    """The entity that is the subject of a verb at `position`: the closest one before it, except when an
    apposition sits between ("KCNA, kantor berita Korea Utara, melaporkan" → KCNA)."""
    candidates = sorted(_entities_in(doc, start, position), key=lambda s: s.end)
    if not candidates:
        return None
    closest = candidates[-1]
    if len(candidates) > 1 and CONJUNCTION.fullmatch(doc.text[candidates[-2].end : closest.start]):
        # "Badan intelijen Amerika, Korea Selatan, dan Ukraina memperkirakan": the list's head speaks first;
        # a comma alone is an apposition ("Juru bicara Kremlin, Dmitry Peskov,"), not a list
        while len(candidates) > 1 and re.fullmatch(r"\s*,?\s*(?:(?:dan|serta|and)\s+)?",
                                                   doc.text[candidates[-2].end : candidates[-1].start]):
            candidates.pop()
        closest = candidates[-1]
    if len(candidates) > 1 and closest.label == "GPE" and candidates[-2].label in ("ORG", "MEDIA") and \
            not doc.text[candidates[-2].end : closest.start].strip(" ()"):
        return candidates[-2]  # "Badan Intelijen Nasional (NIS) Korea Selatan menyebut": the place names the body
    if doc.text[closest.end : position].strip() == "," or doc.text[start:position].rstrip().endswith(","):
        opening = doc.text.rfind(",", start, closest.start)
        heads = [c for c in candidates if c.end <= opening and not doc.text[c.end : opening].strip()]
        if heads and SUBJECT_RANK[heads[-1].label] >= SUBJECT_RANK[closest.label] and \
                not (closest.label == "PERSON" and _after_a_relation(doc.text, heads[-1])):
            return heads[-1]
    return closest


def _after_a_relation(text: str, person: Span) -> bool:
    """"Kuasa hukum Ahmad Dhani, Hendarsam Marantoko, mengatakan": a person after a relation noun is whom the
    name set off by commas after them works for or is kin to; that name speaks."""
    return _relation(any_case=True).search(text, max(0, person.start - 30), person.start) is not None


def speaker_before(doc: Doc, start: int, verb: int, last: Span | None) -> Span | None:
    """The subject of a reporting verb: a pronoun or a pointing description gives the last speaker; an
    entity (or capitalised name) ending right before the verb is the speaker; otherwise the words since
    the clause began describe a group or role ("Namun, beberapa analis berpendapat")."""
    text = doc.text
    adverbs = _trailing_adverbs().search(text, start, verb)
    end = adverbs.start() if adverbs else verb
    while end > start and text[end - 1] in " ,":
        end -= 1
    if end > start and text[end - 1] == ")":  # "Edhie Baskoro Yudhoyono (Ibas) mengatakan"
        opening = text.rfind("(", start, end)
        end = opening if opening != -1 else end
        while end > start and text[end - 1] == " ":
            end -= 1
    if last is not None and _individual_pointing_back(text, _clause_start(text, start, end), end):
        return last  # whatever names the description holds: "Pria yang akrab disapa Ibas ini mengatakan"
    entity = next((s for s in _entities_in(doc, start, end) if _subject_tail().fullmatch(text, s.end, end)), None)
    aged = _aged_subject(doc, start, end) if entity is None or entity.label != "PERSON" else None
    if aged is not None:
        return aged
    named = _named_subject(doc, start, end) if entity is None or entity.label != "PERSON" else None
    if named is not None and (entity is None or (named.label == "NAME" and named.end <= entity.start)):
        entity = named  # a name the model missed, its apposition naming a body: "Fran Moore, mantan direktur CIA,"
    if entity is not None:
        end = entity.end
    clause = _clause_start(text, start, end)
    if not text[clause:end].strip(" ,"):
        clause = start  # "Seorang pengguna yang …, mengatakan": the verb goes with the sentence's subject
    relative = SUBJECT_END.search(text[clause:end])
    if relative and relative.start() > 0:
        end = clause + relative.start()  # "Suparno Jumar yang sempat menelusuri … mengaku"
    if text[clause:end].split()[-1:] and text[clause:end].split()[-1].lower() in _words("pronoun"):
        return last
    member = _member_of(doc, clause, entity) if entity is not None else None
    if member is not None:
        return member
    if entity is not None and entity.label == "NAME":
        return entity  # a name the entity layer missed ends the subject: "Trainer Gojek Wirausaha Chrisma Wibowo"
    if entity is not None:
        subject = subject_before(doc, start, end + (1 if text[end : end + 1] == "," else 0)) or entity
        if subject.label in ("ORG", "MEDIA"):
            role = list(re.finditer(r"[A-Za-z][\w.-]*", text[clause : subject.start]))
            if role and all(w.group(0).lower() in _role_words() for w in role) and subject.end == end:
                # "Jaksa KPK menilai": the role speaks for the body
                return _described(doc, clause + role[0].start(), end) or subject
            titled = _person_titled_by(doc, clause, subject)
            if titled is not None:
                return titled
        if subject.label != "GPE":
            return subject
        # a place ending the subject is part of a title or an address: "Kepala Staf Gabungan Korea Selatan"
        people = _people_in(doc, start, subject.start)
        qualifiers = [w for w in text[clause : subject.start].lower().split() if w not in _words("determiner")]
        return people[-1] if people else (_described(doc, clause, end) if qualifiers else subject)
    if _points_back(text, clause, end) and last is not None:
        return last
    words = text[clause:end].split()
    if len(words) <= 4 and words and all(w[:1].isupper() for w in words):
        return _name_span(doc, clause + len(text[clause:end]) - len(text[clause:end].lstrip()), end)
    described = _described(doc, clause, end)
    if described is None and clause > start and text[start:verb].rstrip().endswith(","):
        # "Seorang pengguna yang …, mengatakan": after a comma the verb may go with the sentence's subject
        relative = re.search(r"[\s,]+yang\b", text[start:end])
        described = _described(doc, start, start + relative.start()) if relative else None
    return described


def _person_titled_by(doc: Doc, clause: int, body: Span) -> Span | None:
    """A person followed by their title in a body speaks, not the body: "Agung Wicaksono Direktur Utama PT
    Transportasi Jakarta mengatakan" (the title's words only between the name and the body), whether or not
    the entity layer tagged the name."""
    people = _people_in(doc, clause, body.start)
    person = people[-1] if people else _name_before_title(doc, clause, body.start)
    if person is None:
        return None
    title = doc.text[person.end : body.start].split()
    return person if title and all(_titles_a_name(word) for word in title) else None


def _member_of(doc: Doc, clause: int, body: Span) -> Span | None:
    """A person "dari" a body speaks for themselves: "Randy McCarthy dari firma hukum Hall Estill menyebut"
    (however the entity layer tagged the body), "peneliti Andi dari LIPI menilai"."""
    people = _people_in(doc, clause, body.start)
    if not people:
        return None
    between = doc.text[people[-1].end : body.start].split()
    if not between or between[0].lower() != "dari" or any(
            VERB_LIKE.match(word) or word.lower() in _words("boundary") or re.search(r"[,;:()\"“”]", word)
            for word in between[1:]):
        return None
    return people[-1]


def _name_before_title(doc: Doc, start: int, end: int) -> Span | None:
    """The capitalised words opening a phrase before the title words ending it, as a name ("Agung" may be a
    title's word, as in "Jaksa Agung", and still open a name)."""
    words = list(re.finditer(r"\S+", doc.text[start:end]))
    first_title = len(words)
    while first_title > 0 and _titles_a_name(words[first_title - 1].group(0)):
        first_title -= 1
    opening = [word.group(0) for word in words[:first_title]]
    if not opening or not all(CAPITALISED.fullmatch(word) for word in opening) or _function_word(opening[0]):
        return None
    return Span(start + words[0].start(), start + words[first_title - 1].end(), "NAME")


def _individual_pointing_back(text: str, start: int, end: int) -> bool:
    """"wanita yang akrab disapa Nyai tersebut": one person, described by a clause that ends pointing back,
    is the last speaker; "Warga yang tinggal di sekitar lokasi tersebut" points to the place."""
    words = text[start:end].strip(" ,").split()
    return len(words) >= 3 and words[0].lower() in _words("individual") and words[1].lower() == "yang" and \
        words[-1].lower() in _words("pointer")


def _aged_subject(doc: Doc, start: int, end: int) -> Span | None:
    """A person introduced with an age opens the subject, whatever description and address follow:
    "Suherman (64) warga Kampung Kambing, Sukaraja, Kabupaten Bogor mengaku"."""
    aged = AGED.match(doc.text, start, end)
    if aged is None:
        return None
    between = doc.text[aged.end() : end]
    if any(w.strip(",.").lower() in _words("boundary") for w in between.split()) or re.search(r"[;:\"“”]", between) \
            or _people_in(doc, aged.end(), end):
        return None  # a new clause or another person stands between: "Rina (34) dan suaminya mengaku"
    return _name_span(doc, aged.start("name"), aged.end("name"))


def _named_subject(doc: Doc, start: int, end: int) -> Span | None:
    """A capitalised name opening the clause when the entity layer has none there: "Michael Scheuer, yang
    mengelola Stasiun Alec, menuturkan"."""
    text = doc.text
    clause = _clause_start(text, start, end) if not _subject_tail().fullmatch(text, start, end) else start
    first_word = start + len(text[start:end]) - len(text[start:end].lstrip(" ,"))
    opening_name = CAPITALISED.match(text, first_word, end)
    # a name opening the sentence with a relative clause runs to the verb over the clause's own conjunctions:
    # "Melli yang juga menjabat sebagai Wakil Ketua … Bidang Hukum dan Regulasi, menyatakan"
    relative_first = opening_name is not None and re.match(r"\s+yang\b", text[opening_name.end() : end])
    for opening in ((start, clause) if relative_first else (clause, start)):
        while opening < end and text[opening] in " ,":
            opening += 1
        name = CAPITALISED.match(text, opening, end)
        if name and _subject_tail().fullmatch(text, name.end(), end) and \
                not _function_word(text[name.start() : name.end()]):
            return _name_span(doc, name.start(), name.end())
    return None


def _function_word(name: str) -> bool:
    """"Namun", "Sementara itu", "Ia": a capitalised sentence opening that is no name."""
    first = name.split()[0].lower()
    return any(first in _words(kind) for kind in ("pronoun", "boundary", "adverb", "stop", "participant"))


def _clause_start(text: str, start: int, end: int) -> int:
    """Where the clause holding `end` begins: after the last comma or conjunction before it."""
    clause = start
    for boundary in _boundary().finditer(text, start, end):
        clause = boundary.end()
    return clause


def _via(doc: Doc, start: int, end: int) -> list[int] | None:
    match = VIA.search(doc.text, start, end)
    if not match:
        return None
    media = [s for s in _entities_in(doc, match.start("via"), end) if s.label == "MEDIA"]
    return [media[0].start, media[0].end] if media else None


def _quoted_stretches(doc: Doc, sentences: list[Span]) -> Iterator[tuple[int, int, int]]:
    """(opening start, content start, closing start) per quotation, paired within each paragraph: a curly
    opening mark only opens, a closing one only closes, a straight one does what is due."""
    text = doc.text
    paragraphs = [(p.start, p.end) for p in doc.article.paragraphs] or [
        (m.start(), m.end()) for m in PARAGRAPH.finditer(text)]
    for paragraph_start, paragraph_end in paragraphs:
        opened: re.Match[str] | None = None
        for mark in MARK.finditer(text, paragraph_start, paragraph_end):
            symbol = mark.group(0)
            if opened is None and symbol not in OPENING and _closes_before_cue(text, mark):
                # the opening mark was lost ("…, Saya optimis," tambahnya): the quotation opens its sentence
                sentence = next((s for s in sentences if s.start <= mark.start() < s.end), None)
                if sentence is not None and mark.start() - sentence.start >= 3:
                    yield sentence.start, sentence.start, mark.start()
                continue
            if opened is not None and symbol in OPENING and _closes_before_cue(text, mark):
                # an opening mark written where the quotation closes: '…senjata digital,‚Äú imbuhnya'
                if mark.start() - opened.end() >= 3:
                    yield opened.start(), opened.end(), mark.start()
                opened = None
            elif symbol in OPENING or (symbol == '"' and opened is None):
                opened = mark
            elif opened is not None and (symbol in CLOSING or symbol == '"'):
                if mark.start() - opened.end() >= 3:
                    yield opened.start(), opened.end(), mark.start()
                opened = None


def _closes_before_cue(text: str, mark: re.Match[str]) -> bool:
    """A mark right after a sentence's last punctuation and before a reporting cue closes a quotation."""
    cue = re.match(r"\s*,?\s*(\w+)", text[mark.end() : mark.end() + 30])
    return mark.start() > 0 and text[mark.start() - 1] in ",.!?…" and cue is not None and \
        cue.group(1).lower() in (*cues("after"), *cues("suffixed"))


def find_quotes(doc: Doc) -> Doc:
    text = doc.text
    sentences: list[Span] = doc.layer("sentences")
    stretches = list(_quoted_stretches(doc, sentences))
    closing_in: dict[int, list[tuple[int, int, int]]] = {}
    inside: set[int] = set()
    for stretch in stretches:
        opening, _, closing = stretch
        holders = [i for i, s in enumerate(sentences) if s.start <= closing < s.end]
        if not holders:
            continue
        closing_in.setdefault(holders[0], []).append(stretch)
        inside.update(i for i, s in enumerate(sentences) if s.start >= opening and s.end <= closing + 1)
    last_speaker: Span | None = None  # whom a quotation with no cue right after another quote continues
    antecedent: Span | None = None  # whom "ia", "dia" and "… itu" point back to
    spoke_last: Span | None = None  # whom a suffixed cue ("tambahnya", "-nya") points back to: who spoke last
    quoted_before = False
    for index, sentence in enumerate(sentences):
        found = False
        for opening, content_start, closing in closing_in.get(index, []):
            opener = next((s for s in sentences if s.start <= opening < s.end), sentence)
            speaker, cue = _direct_speaker(doc, opener, sentence, (opening, content_start, closing), antecedent,
                                           spoke_last)
            if cue is None and quoted_before and _stands_alone(text, opener, sentence, opening, closing):
                speaker, cue = last_speaker, ""  # a quoted sentence right after another quote continues it
            if cue is None:
                continue
            found = True
            last_speaker, antecedent = speaker or last_speaker, _antecedent(speaker, antecedent)
            spoke_last = _antecedent(speaker, spoke_last)
            _add(doc, sentence, "direct", (content_start, closing), cue, speaker)
        if not found and index not in inside:
            opens = [o for o, _, c in stretches if sentence.start < o < sentence.end and c >= sentence.end]
            reported = Span(sentence.start, min(opens), "sentence") if opens else sentence
            speaker, found = _indirect(doc, reported, antecedent)
            spoke_last = _antecedent(speaker, spoke_last)
            if speaker is None:
                speaker = _opening_person(doc, reported)  # whom a following "ia" points to, not "-nya"
            last_speaker, antecedent = speaker or last_speaker, _antecedent(speaker, antecedent)
        quoted_before = found or (quoted_before and index in inside)
    _pairs_named(doc, sentences)
    _plural_pronouns_named(doc)
    return doc


# two names joined by "dan", the first perhaps set off by a description and the second after a short title:
# "Disney dan Universal", "Chris Coons, seorang Demokrat, dan Senator AS Pat Toomey"
PAIR_JOIN = re.compile(r"(?:,[^,.;:\"“”]{1,60},)?\s+dan\s+(?:[A-Z][\w.]*\s+){0,3}")


def _pairs_named(doc: Doc, sentences: list[Span]) -> None:
    """"Keduanya" as a speaker names the last two named joined by "dan" before it, in its sentence or the one
    before; left as written when there is no such pair."""
    names = [s for s in doc.layer("entities") if s.label in (*SPEAKER_KINDS, "LOC")]
    for quote in doc.layer("quotes"):
        speaker = quote.attrs["speaker"]
        if speaker is None or doc.text[speaker[0] : speaker[1]].lower() not in _words("pair"):
            continue
        holder = next((i for i, s in enumerate(sentences) if s.start <= speaker[0] < s.end), 0)
        window = sentences[max(holder - 1, 0)].start
        before = [s for s in names if window <= s.start and s.end <= speaker[0]]
        pairs = [(first, second) for j, second in enumerate(before) for first in before[:j]
                 if first.label in SPEAKER_KINDS and PAIR_JOIN.fullmatch(doc.text, first.end, second.start)]
        if pairs:
            first, second = max(pairs, key=lambda pair: (pair[1].end, pair[0].start))
            quote.attrs["speaker"] = [first.start, second.end]
            quote.attrs["speaker_name"] = doc.text[first.start : second.end]
            quote.attrs["speaker_kind"] = "named"


def _plural_pronouns_named(doc: Doc) -> None:
    """"Mereka menuduh …" names the body or group that spoke last ("Disney dan Universal menyebut …" gives the
    list's head), not the person who spoke in between; a later cue pointing back to that "Mereka" follows it.
    Left as written when no body or group spoke before."""
    bodies = {(s.start, s.end) for s in doc.layer("entities") if s.label in BODIES}
    group: tuple[int, int] | None = None
    group_kind = None
    renamed: dict[tuple[int, int], tuple[int, int]] = {}
    for quote in doc.layer("quotes"):
        speaker = quote.attrs["speaker"]
        if speaker is None:
            continue
        key = (speaker[0], speaker[1])
        if key not in renamed and doc.text[key[0] : key[1]].lower() in _words("plural") and group is not None:
            renamed[key] = group
        if key in renamed:
            start, end = renamed[key]
            quote.attrs["speaker"] = [start, end]
            quote.attrs["speaker_name"] = doc.text[start:end]
            quote.attrs["speaker_kind"] = "described" if group_kind == "described" else "named"
        elif key in bodies or (quote.attrs["speaker_kind"] == "described" and _many(doc.text[key[0] : key[1]])):
            group, group_kind = key, quote.attrs["speaker_kind"]


def _many(description: str) -> bool:
    """A described speaker that is a group: a group word, a number, a list or a doubled noun ("ibu-ibu"), and not
    itself opened by a plural pronoun ("Mereka awalnya")."""
    words = re.findall(r"[\w-]+", description.lower())
    if not words or words[0] in _words("plural"):
        return False
    return any(word in _words("group") or word[:1].isdigit() or
               ("-" in word and len(set(word.split("-"))) == 1) for word in words)


def _antecedent(speaker: Span | None, previous: Span | None) -> Span | None:
    """Pronouns and -nya point to people: a body, medium or place speaking in between ("Data BPS
    menyebutkan, …") does not displace the last person or described speaker as their antecedent."""
    if speaker is None:
        return previous
    if speaker.label in BODIES and previous is not None and previous.label not in BODIES:
        return previous
    return speaker


def _stands_alone(text: str, opener: Span, closer: Span, opening: int, closing: int) -> bool:
    """Nothing but the quotation in its sentences (marks and punctuation aside)."""
    return not text[opener.start : opening].strip(" ,") and not MARK.sub("", text[closing : closer.end]).strip(" ,.")


Speaker = tuple[Span | None, str | None]


def _direct_speaker(doc: Doc, opener: Span, closer: Span, stretch: tuple[int, int, int], last: Span | None,
                    spoke_last: Span | None) -> Speaker:
    """(speaker, cue) for a quoted stretch: a cue right after it, a reporting verb before it, or a cue
    later in the sentence ("… "berita palsu", kata X"). No cue, no quote. A suffixed cue ("tambahnya")
    names who spoke last; a pronoun (`last`) may name a person a sentence opened with since (so may
    "Menurutnya," opening a sentence of reported speech)."""
    text = doc.text
    opening, _, closing = stretch
    closing_mark = MARK.match(text, closing)
    after_start = closing + (len(closing_mark.group(0)) if closing_mark else 1)
    next_mark = MARK.search(text, after_start, closer.end)
    after_end = next_mark.start() if next_mark else closer.end
    cue = re.match(r"[\s,.]*(?P<cue>\w+)", text[after_start:after_end])
    if cue:
        word = cue.group("cue").lower()
        if word in cues("after") or word in cues("before"):
            return speaker_after(doc, after_start + cue.end(), after_end, last), cue.group("cue")
        if word in cues("suffixed"):
            return spoke_last, cue.group("cue")
        if word in ("demikian", "begitu"):  # '"…," demikian laporan Tasnim', '"…," begitu pesan @habibiecenter'
            return _first_name(doc, after_start + cue.end(), after_end), cue.group("cue")
    verbs = list(_cue_pattern("before").finditer(text, opener.start, opening))
    if verbs:
        verb = verbs[-1]
        return speaker_before(doc, opener.start, verb.start(), last), verb.group("cue")
    inner_cue = _cue_pattern("after").search(text, after_start, after_end)
    if inner_cue:
        return speaker_after(doc, inner_cue.end(), after_end, last), inner_cue.group("cue")
    late_verb = _cue_pattern("before").search(text, after_start, after_end)
    if late_verb and 0 < len(text[after_start : late_verb.start()].split()) <= MAX_LATE_SUBJECT_WORDS and \
            CLAUSE_CLOSED.search(text, opening, closing):
        # the subject and its verb after the quotation: '"…," Southgate menambahkan.'; not after a title or a word
        # in quotation marks ('lagu "Coffee Baby" ini juga menceritakan …')
        return speaker_before(doc, after_start, late_verb.start(), last), late_verb.group("cue")
    return None, None


@cache
def _parenthetical() -> re.Pattern[str]:
    """A cue set off by commas: ", kata Roland," / "Kata Sarman," / "Tetapi kata dia," / ", lanjutnya,"."""
    words = alternation([*cues("after"), *cues("suffixed"), "menurut"])
    return re.compile(rf"(?:^|,\s*|\b(?:tetapi|namun|tapi|dan)\s+)(?P<cue>{words})(?![\w-])(?P<who>[^,.]{{0,60}}),",
                      re.IGNORECASE)


def _indirect(doc: Doc, sentence: Span, last: Span | None) -> tuple[Span | None, bool]:
    """Reported speech without quotation marks: (speaker, whether it is a quote)."""
    text = doc.text
    according = re.match(r"(?:\s*\w+,?\s+)?\s*(?P<cue>menurut|according to)\s+", text[sentence.start : sentence.end],
                         re.IGNORECASE)
    if according:
        speaker = speaker_after(doc, sentence.start + according.end(), sentence.end, last)
        clause_end = _clause_end(text, speaker, sentence)
        if speaker is not None and clause_end == -1 and speaker.label != "described":
            clause_end = speaker.end - 1  # "Menurut Fahri Komisi III kemungkinan menilai …": no comma to wait for
        if speaker is not None and clause_end != -1:
            _add(doc, sentence, "indirect", (clause_end + 1, sentence.end), according.group("cue"), speaker)
            return speaker, True
    verb = re.search(r"(?:(?P<lead>\b\w+)\s+)?(?P<cue>\b\w+),?\s+bahwa\b", text[sentence.start : sentence.end])
    known = (*cues("before"), *cues("with bahwa"))
    phrase = verb is not None and f"{verb.group('lead')} {verb.group('cue')}".lower() in known
    if verb and (phrase or verb.group("cue").lower() in known):
        cue_start = sentence.start + verb.start("lead" if phrase else "cue")  # "angkat bicara, bahwa …"
        speaker = speaker_before(doc, sentence.start, cue_start, last)
        _add(doc, sentence, "indirect", (sentence.start + verb.end(), sentence.end), verb.group("cue"), speaker)
        return speaker, True
    aside = _parenthetical().search(text[sentence.start : sentence.end])
    if aside and aside.start() < (sentence.end - sentence.start) * 0.7:
        cue = aside.group("cue")
        who_start, who_end = sentence.start + aside.start("who"), sentence.start + aside.end("who")
        speaker = last if cue.lower() in cues("suffixed") or not text[who_start:who_end].strip() else \
            speaker_after(doc, who_start, who_end, last)
        if speaker is not None:
            _add(doc, sentence, "indirect", (sentence.start + aside.end(), sentence.end), cue, speaker)
            return speaker, True
    led = _led_aside().match(text, sentence.start, sentence.end)
    if led:
        speaker = speaker_after(doc, led.start("who"), led.end("who"), last)
        if speaker is not None and speaker.label in ("PERSON", "NAME") and speaker.end == led.end("who"):
            _add(doc, sentence, "indirect", (led.end(), sentence.end), led.group("cue"), speaker)
            return speaker, True
    trailing = re.search(r",\s*(?P<cue>kata|ujar|ucap|tutur|ungkap|jelas)\s+", text[sentence.start : sentence.end])
    if trailing:
        cue_end = sentence.start + trailing.end()
        speaker = speaker_after(doc, cue_end, sentence.end, last)
        if speaker is not None and (trailing.group("cue") != "jelas" or speaker.label != "described"):
            _add(doc, sentence, "indirect", (sentence.start, sentence.start + trailing.start()),
                 trailing.group("cue"), speaker)
            return speaker, True
    late = re.search(r"[\s,]+(?P<cue>menurut|according to)\s+", text[sentence.start : sentence.end], re.IGNORECASE)
    if late and late.start() > 0:
        start = sentence.start + late.end()
        speaker = speaker_after(doc, start, sentence.end, last)
        if speaker is not None and re.fullmatch(r"\s*(?:\([^)]*\))?[\s.,;]*", text[speaker.end : sentence.end]):
            _add(doc, sentence, "indirect", (sentence.start, sentence.start + late.start()), late.group("cue"), speaker)
            return speaker, True
        if speaker is not None and _opens_a_clause(text, sentence.start, sentence.start + late.end()) and \
                speaker.start >= start and speaker.label in ("PERSON", "NAME") and \
                re.match(r"\s+[a-z]", text[speaker.end : sentence.end]):
            # "…, namun menurut Freire gaya bertarungnya tidak berubah": the view follows the name
            _add(doc, sentence, "indirect", (speaker.end, sentence.end), late.group("cue"), speaker)
            return speaker, True
    own = re.match(r"(?:\w+,?\s+)?(?P<cue>menurutnya)(?![\w-]),?\s+", text[sentence.start : sentence.end],
                   re.IGNORECASE)
    if own and last is not None:  # "Menurutnya Tibau mampu …": the view of the last speaker, with no comma
        _add(doc, sentence, "indirect", (sentence.start + own.end(), sentence.end), own.group("cue"), last)
        return last, True
    reported = _bare_report(doc, sentence, last)
    if not reported[1]:
        _add_opening_source(doc, sentence, last)
    return reported


def _add_opening_source(doc: Doc, sentence: Span, last: Span | None) -> None:
    """"Dilansir dari India Today, Jumat (23/5/2025) beberapa insinyur …": a sentence opening with the source it
    credits, set off by a comma and followed by what it says, is that source's report (asked only when no one
    in the sentence reports it). The source is named, not described ("Dilansir dari laman resminya") nor a place
    ("Dinas Pendidikan DKI Jakarta" cut to its place), and is no one a later "ia" or "katanya" points to, so the
    sentence leaves the last speaker as it was."""
    text = doc.text
    opening = _source_opening().match(text[sentence.start : sentence.end])
    if opening is None:
        return
    speaker = speaker_after(doc, sentence.start + opening.end(), sentence.end, last)
    clause_end = _clause_end(text, speaker, sentence)
    if speaker is not None and _names_a_source(text, speaker) and clause_end != -1 and \
            re.search(r"[a-z]{3,}", text[clause_end : sentence.end]):
        _add(doc, sentence, "indirect", (clause_end + 1, sentence.end), opening.group("cue"), speaker)


@cache
def _source_opening() -> re.Pattern[str]:
    """A source cue opening a sentence ("Dilansir dari", "Berdasarkan keterangan"), built once: the cue list
    written as a trie cost more than the match when it was rebuilt for every sentence."""
    return re.compile(rf"\W*(?P<cue>{alternation(list(cues('source opening')))})\s+", re.IGNORECASE)


@cache
def _led_aside() -> re.Pattern[str]:
    """A cue and a name set off by a comma after a short lead with no comma of its own: "Bukan hanya itu tambah
    Marten, …", "Sampai dengan sekarang kata Marten, …" (the name capitalised: "Dengan kata lain, …" reports
    nothing)."""
    return re.compile(rf"(?:[\w-]+\s+){{1,4}}?(?P<cue>{alternation(list(cues('after')))})\s+"
                      r"(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s*")


def _opens_a_clause(text: str, start: int, cue_end: int) -> bool:
    """ "menurut" right after a comma or a conjunction opens the clause it reports."""
    before = re.sub(r"\s*\bmenurut\s*$", "", text[start:cue_end], flags=re.IGNORECASE).rstrip()
    return before.endswith(",") or (before.split()[-1:] != [] and before.split()[-1].lower() in _words("boundary"))


def _clause_end(text: str, speaker: Span | None, sentence: Span) -> int:
    """The comma closing "Menurut X," in the sentence; a pronoun's speaker spoke earlier, so the search starts in
    the sentence, never at that speaker's end ("Menurut dia," after Rosmaya spoke two sentences before)."""
    if speaker is None:
        return -1
    close = re.compile(r",(?!\s*[A-Z][\w.]*\s*,)")  # skip an apposition: "menurut kantor berita Iran, Tasnim,"
    found = close.search(text, max(speaker.end, sentence.start), sentence.end)
    return found.start() if found else -1


def _bare_report(doc: Doc, sentence: Span, last: Span | None) -> tuple[Span | None, bool]:
    """Indonesian often drops "bahwa": "Ketua komisi mengatakan debat pertama akan …" reports what its
    subject said when the verb comes early in its clause (after the subject) or is followed by a comma, and
    something follows, if only a word ("Tjahjo mengaku siap"). A later clause with its own subject and verb
    is a second report ("Korea Selatan telah memperingatkan … dan Badan Intelijen Nasional mengatakan …")."""
    text = doc.text
    reports: list[tuple[re.Match[str], Span]] = []
    for verb in _cue_pattern("before").finditer(text, sentence.start, sentence.end):
        clause = _clause_start(text, sentence.start, verb.start())
        subject_words = text[clause : verb.start()].split()
        if subject_words and subject_words[-1].lower() in _words("not reporting"):
            continue  # "diberi waktu untuk menyampaikan visi", "ingin melanjutkan pendidikan"
        if any(word.lower() in _words("question") for word in subject_words):
            continue  # "ditanya apakah mereka menganggap …": a question asked, not a report
        with_comma = text[verb.end() : verb.end() + 1] == ","
        if (len(subject_words) > 8 and not with_comma) or not re.search(r"\w", text[verb.end() : sentence.end]):
            continue
        if reports and (clause <= reports[-1][0].end() or not subject_words):
            continue
        if reports and MARK.search(text, reports[-1][0].end(), verb.start()):
            break  # a quotation opened after a report holds what follows: 'mengungkapkan, "… mereka menganggap …'
        subject = speaker_before(doc, clause if reports else sentence.start, verb.start(), last)
        if subject is not None:
            reports.append((verb, subject))
    for n, (verb, subject) in enumerate(reports):
        content_end = _clause_start(text, sentence.start, reports[n + 1][0].start()) if n + 1 < len(reports) \
            else sentence.end
        _add(doc, sentence, "indirect", (verb.end() + 1, content_end), verb.group("cue"), subject)
    if reports:
        return reports[-1][1], True
    admitted = _passive_report(doc, sentence, last)
    if admitted is not None:
        return admitted, True
    return _reporting_subject(doc, sentence), False


def _passive_report(doc: Doc, sentence: Span, last: Span | None) -> Span | None:
    """"Bahkan, diakui Henny …, ia tidak sanggup …": a person after a [passive report] verb admits what the
    sentence says, when it says something besides the verb and its agent (not "Hal itu diakui Budi.")."""
    text = doc.text
    for verb in _cue_pattern("passive report").finditer(text, sentence.start, sentence.end):
        agent = re.match(r"\s+(?:oleh\s+)?", text[verb.end() : sentence.end])
        speaker = speaker_after(doc, verb.end() + (agent.end() if agent else 0), sentence.end, last)
        if speaker is None or speaker.label not in ("PERSON", "NAME"):
            continue
        before = [w for w in text[sentence.start : verb.start()].lower().split()
                  if w.strip(",") not in _words("pointer")]
        said_after = re.search(r"[a-z]{3,}", text[speaker.end : sentence.end])
        if not said_after and len(before) <= 2:
            continue  # nothing admitted but what "Hal itu" points back to
        _add(doc, sentence, "indirect", (sentence.start, sentence.end), verb.group("cue"), speaker)
        return speaker
    return None


def _add(doc: Doc, sentence: Span, label: str, content: tuple[int, int], cue: str, speaker: Span | None) -> None:
    speaker = _related(doc.text, _title_trimmed(doc.text, speaker))
    start, end = content
    while start < end and doc.text[start] in " ,":
        start += 1
    while end > start and doc.text[end - 1] in " ,.":
        end -= 1
    doc.add("quotes", Span(sentence.start, sentence.end, label, {
        "content": [start, end],
        "cue": cue or None,
        "speaker": [speaker.start, speaker.end] if speaker else None,
        "speaker_name": doc.text[speaker.start : speaker.end] if speaker else None,
        "speaker_kind": "described" if speaker is not None and speaker.label == "described" else
                        ("named" if speaker is not None else None),
        "via": _via(doc, sentence.start, sentence.end),
    }))


def _title_trimmed(text: str, speaker: Span | None) -> Span | None:
    """A name whose span took the end of the title before it loses those words: "Wakil Menteri Keuangan
    Mardiasmo" tagged "Keuangan Mardiasmo", "Jaksa Agung Burhanuddin" tagged "Agung Burhanuddin". A word is
    dropped only while the word before it is a title's too, so "Agung Wicaksono" opening a sentence stays."""
    if speaker is None or speaker.label not in ("PERSON", "NAME"):
        return speaker
    start = speaker.start
    while (word := re.match(r"\S+(?= )", text[start : speaker.end])) and _title_word(word.group(0)):
        before = re.search(r"(\S+) $", text[max(0, start - 40) : start])
        rest = text[start + word.end() + 1 : speaker.end].split()
        if before is None or not _title_word(before.group(1)) or all(_title_word(w) for w in rest):
            break  # what would be left is no name: "anggota Komisi III"
        start += word.end() + 1
    return speaker if start == speaker.start else Span(start, speaker.end, speaker.label, speaker.attrs)


@cache
def _relation(any_case: bool = False) -> re.Pattern[str]:
    """A relation noun ("kuasa hukum", "bibi") ending right before a name. In lower case only, unless `any_case`:
    a lower-case relation inside a phrase describes someone else, who speaks ("kata bibi M"), while one set off
    before a name and its commas may also open the sentence ("Kuasa hukum Ahmad Dhani, Hendarsam Marantoko, …")."""
    return re.compile(rf"(?<![\w-])(?:{alternation(list(_words('relation')))})\s+$",
                      re.IGNORECASE if any_case else 0)


def _related(text: str, speaker: Span | None) -> Span | None:
    """A relation in lower case right before a name describes someone else, who speaks: "Menurut penasihat
    hukum Novanto, …" is the lawyer, "kata bibi M" the aunt."""
    if speaker is None or speaker.label not in ("PERSON", "NAME") or "," in text[speaker.start : speaker.end]:
        return speaker  # a name run across a paragraph joined by a comma ("teman M.,Dony mengatakan") is no relation's
    relation = _relation().search(text, max(0, speaker.start - 30), speaker.start)
    return Span(relation.start(), speaker.end, "described") if relation else speaker


def _title_word(word: str) -> bool:
    """A word of a title, a portfolio, an acronym or a known body or place: no part of a person's name."""
    return _titles_a_name(word) or not is_name_word(word.strip(",."))


def _names_a_source(text: str, speaker: Span) -> bool:
    """A credited source is a name ("Reuters", "BBC"), a handle ("@infobmkg"), a site ("reuters.com" read as
    "reuters") or a role ("keterangan saksi"), not a place alone nor a description ("laman resminya",
    "keterangan tertulis")."""
    said = text[speaker.start : speaker.end]
    return speaker.label != "GPE" and (said[:1].isupper() or said.startswith("@")
                                       or re.match(r"\.[a-z]{2,}", text[speaker.end : speaker.end + 4]) is not None
                                       or said.split()[0].lower() in _role_words())


def _opening_person(doc: Doc, sentence: Span) -> Span | None:
    """The person a sentence opens with, after a short lead ("Selanjutnya,", "Diketahui,") and titles only
    ("Ketua Dewan Kerukunan Umat Suhadi Wijaya mengajak …", "Aktor Reza Rahadian tampak …"): whom a
    following "kata dia" or "ia" points to, though the sentence reports nothing."""
    text = doc.text
    opening = sentence.start
    dateline = DATELINE.match(text, opening, sentence.end)
    if dateline:
        opening = dateline.end()  # "TEMPO.CO, Jakarta - Menteri Hukum Yasonna Laoly meminta …"
    lead = re.match(r"[^,]{0,30},", text[opening : sentence.end])
    if lead and len(lead.group(0).split()) <= 3 and \
            not _people_in(doc, opening, opening + lead.end()):
        opening += lead.end()  # a lead, not the person: "Selanjutnya," but "Lita Krisna (44), ibu kandung M, …"
    people = _people_in(doc, opening, sentence.end)
    if not people:
        return _title_left_without_its_name(text, opening, sentence.end)
    person, before = people[0], text[opening : people[0].start]
    # the spaces before a bracket are the title's own characters, read one way only: a pattern that could also
    # read them as the bracket's took twice as long for each bracket when no comma followed
    apposed = re.match(rf"(?P<title>(?P<first>\S+)(?:[^,;:()\"“”]|{ACRONYM_IN_BRACKETS})*),\s*",
                       text[opening : sentence.end])
    named = next((p for p in people if p.start == opening + apposed.end()), None) if apposed else None
    if apposed and named is not None and _titles_a_name(apposed.group("first")):
        # a title set off by a comma, whatever the entity layer made of its words: "Ketua PCNU Lampung Selatan,
        # KH Mahmud berharap …"
        person, before = named, apposed.group("title")
    before = BRACKETED_ACRONYM.sub("", before)
    title = re.sub(r"(?<=\w) (?:dan|serta|&) (?=[A-Z])", " ", before)  # "Menteri Hukum dan Hak Asasi Manusia"
    if re.search(r"[,;:()\"“”]", before) or not all(w[:1].isupper() or w.lower() in _role_words()
                                                     for w in re.findall(r"[\w'’.-]+", title)):
        return None  # a list of names, or a person inside a clause: "Acara itu dihadiri oleh Suhadi"
    aged = re.match(r"\s*\(\d{1,3}\)", text[person.end : sentence.end])  # "Lita Krisna (44), ibu kandung M, …"
    acting = person.end + (aged.end() if aged else 0)
    after = [w for w in re.findall(r"[\w-]+", text[acting : sentence.end]) if w.lower() not in _words("adverb")]
    # the person acts: a lower-case predicate follows, not a passive verb ("HD akhirnya dilepaskan") or nothing
    # (a heading)
    return person if after and after[0].islower() and not re.match(r"di\w{4,}", after[0]) else None


def _title_left_without_its_name(text: str, opening: int, end: int) -> Span | None:
    """A title whose name the scraper dropped, leaving a gap before a comma and the predicate ("Wakil Gubernur
    Jawa Barat , memberikan apresiasi …"): the role, whom a following "Menurut dia" points to."""
    dropped = re.match(r"(?P<title>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,7}) +, +[a-z]", text[opening:end])
    if dropped is None or not _titles_a_name(dropped.group("title").split()[0]):
        return None
    return Span(opening, opening + dropped.end("title"), "described")


def _object_of_a_verb(text: str, sentence: Span, entity: Span) -> bool:
    """"… ingin memenjarakan Jokowi hingga menyinggung keluarganya": the person right after a verb is its
    object, not the subject of the verb after them."""
    before = text[sentence.start : entity.start].split()
    return bool(before) and VERB_LIKE.match(before[-1]) is not None


def _reporting_subject(doc: Doc, sentence: Span) -> Span | None:
    """Who speaks in a sentence that reports late, after a long subject ("X, yang berada di Seoul pada hari
    yang sama, menyebut ..."): not taken as a quote, but the person a following "Ia menambahkan" refers to."""
    for verb in _cue_pattern("before").finditer(doc.text, sentence.start, sentence.end):
        subject = subject_before(doc, sentence.start, verb.start())
        if subject is not None and subject.label == "PERSON" and not _object_of_a_verb(doc.text, sentence, subject):
            return subject
    for verb in _cue_pattern("passive").finditer(doc.text, sentence.start, sentence.end):
        agent = re.match(r"\s+(?:oleh\s+)?", doc.text[verb.end() : sentence.end])
        named = speaker_after(doc, verb.end() + (agent.end() if agent else 0), sentence.end, None)
        if named is not None and named.label in ("PERSON", "NAME"):
            return named  # "Hal senada disampaikan Ketua Apindo Shinta Kamdani."
    return None
