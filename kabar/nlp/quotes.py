"""Quotes and who said them.

Direct quotes sit between quotation marks with a cue next to them ("…," kata Hong Min; X mengatakan,
"…"); indirect ones are a reporting verb with a bahwa-clause or "menurut X, …". The speaker is the
entity next to the cue; "imbuhnya" or "Ia menambahkan" carries the last speaker of the article;
"kepada AFP" names the medium (via).
"""

from __future__ import annotations

import re
from functools import cache

from kabar.lexicon import sections
from kabar.model import Doc, EntityAttrs, SentenceAttrs, Span

QUOTED = re.compile(r"“(?P<a>[^”]{3,}?)”|\"(?P<b>[^\"]{3,}?)\"|‘(?P<c>[^’]{3,}?)’(?!\w)")
PRONOUN = re.compile(r"^\s*(?:Ia|Dia|Beliau|He|She|ia|dia|beliau)\b")
# "..., kata kepala dinas pemadam kebakaran setempat.": a speaker described in a few lower-case words
DESCRIBED_SPEAKER = re.compile(r"(?:[a-z][\w-]*\s+){0,7}[a-z][\w-]*[.!]?\s*")
# "Gempa mengguncang Maluku Tengah ..., menurut Badan Meteorologi.": the source named last
LATE_SOURCE = re.compile(r"[\s,]+(?P<cue>menurut|according to)\s+", re.IGNORECASE)
VIA = re.compile(r"\bkepada\s+(?:wartawan\s+)?(?P<via>[A-Z][\w.]*)")
CONJUNCTION = re.compile(r"\s*,?\s*(?:dan|serta|and)\s+")
SPEAKER_KINDS = ("PERSON", "ORG", "MEDIA", "GPE")
# who is more likely the subject when an apposition leaves two candidates: a person over an agency over a place
SUBJECT_RANK = {"PERSON": 3, "MEDIA": 2, "ORG": 2, "GPE": 1, "LOC": 0}


@cache
def cues(kind: str) -> tuple[str, ...]:
    return sections("id/nlp/reporting.txt")[kind]


@cache
def _cue_pattern(kind: str) -> re.Pattern[str]:
    words = "|".join(sorted(cues(kind), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<cue>{words})(?![\w-])", re.IGNORECASE)


def _entities_in(doc: Doc, start: int, end: int) -> list[Span[EntityAttrs]]:
    return [s for s in doc.layer("entities") if start <= s.start and s.end <= end and s.label in SPEAKER_KINDS]


def _speaker_after(doc: Doc, position: int, limit: int, within_clause: bool = True) -> Span[EntityAttrs] | None:
    """The first entity after a cue, if it starts within a few words of it; one introduced by "kepada"
    is whom it was said to, not who said it."""
    comma = doc.text.find(",", position, limit) if within_clause else -1
    candidates = [s for s in _entities_in(doc, position, comma if comma != -1 else limit)
                  if s.start - position <= 40
                  and not doc.text[max(0, s.start - 8) : s.start].rstrip().lower().endswith("kepada")]
    if candidates:
        first = min(candidates, key=lambda s: s.start)
        # "kata Menteri Pertahanan Inggris Grant Shapps": the country is part of the person's title
        titled = [s for s in candidates if s.label == "PERSON" and s.start > first.start and (s.attrs.get("role") or "")
                  .endswith(doc.text[first.start : s.start].strip())]
        return titled[0] if titled else first
    if comma != -1 and doc.text[position:comma].strip()[:1].islower():
        # "kata kepala cabang pengelola tol, Bambang Sutrisno, ...": a described speaker, then the name
        return next((s for s in _entities_in(doc, comma + 1, limit) if s.label == "PERSON"
                     and not doc.text[comma + 1 : s.start].strip()), None)
    return None


def subject_before(doc: Doc, start: int, position: int) -> Span[EntityAttrs] | None:
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
        if heads and SUBJECT_RANK[heads[-1].label] >= SUBJECT_RANK[closest.label]:
            return heads[-1]
    return closest


def _via(doc: Doc, start: int, end: int) -> list[int] | None:
    match = VIA.search(doc.text, start, end)
    if not match:
        return None
    media = [s for s in _entities_in(doc, match.start("via"), end) if s.label == "MEDIA"]
    return [media[0].start, media[0].end] if media else None


def find_quotes(doc: Doc) -> Doc:
    text = doc.text
    last_speaker: Span[EntityAttrs] | None = None
    for sentence in doc.layer("sentences"):
        quoted = list(QUOTED.finditer(text, sentence.start, sentence.end))
        found_direct = False
        for match in quoted:
            group = next(g for g in ("a", "b", "c") if match.group(g) is not None)
            content = (match.start(group), match.end(group))
            speaker, cue = _direct_speaker(doc, sentence, match, last_speaker)
            if cue is None:
                continue
            found_direct = True
            last_speaker = speaker or last_speaker
            _add(doc, sentence, "direct", content, cue, speaker)
        if not found_direct:
            last_speaker = _indirect(doc, sentence, last_speaker) or last_speaker
    return doc


Speaker = tuple[Span[EntityAttrs] | None, str | None]


def _direct_speaker(doc: Doc, sentence: Span[SentenceAttrs], match: re.Match[str],
                    last: Span[EntityAttrs] | None) -> Speaker:
    """(speaker, cue) for a quoted stretch: a cue right after it, a reporting verb before it, or a cue
    later in the sentence ("… "berita palsu", kata X"). No cue, no quote."""
    text = doc.text
    after = text[match.end() : sentence.end]
    cue = re.match(r"^[\s,.]*(?P<cue>\w+)", after)
    if cue:
        word = cue.group("cue")
        if word.lower() in cues("after") or word.lower() in cues("before"):
            return _speaker_after(doc, match.end() + cue.end(), sentence.end), word
        if word.lower() in cues("suffixed"):
            return last, word
    before = text[sentence.start : match.start()]
    verbs = list(_cue_pattern("before").finditer(before))
    if verbs:
        verb = verbs[-1]
        speaker = subject_before(doc, sentence.start, sentence.start + verb.start())
        if speaker is None and PRONOUN.match(before):
            speaker = last
        return speaker, verb.group("cue")
    inner_cue = _cue_pattern("after").search(after)
    if inner_cue:
        return _speaker_after(doc, match.end() + inner_cue.end(), sentence.end), inner_cue.group("cue")
    return None, None


def _indirect(doc: Doc, sentence: Span[SentenceAttrs], last: Span[EntityAttrs] | None) -> Span[EntityAttrs] | None:
    """Reporting verb with bahwa ("Peskov mengatakan bahwa …"), or "…, kata X" without quotation marks."""
    text = doc.text
    verb = re.search(r"(?P<cue>\b\w+)\s+bahwa\b", text[sentence.start : sentence.end])
    if verb and verb.group("cue").lower() in cues("before"):
        cue_start = sentence.start + verb.start("cue")
        speaker = subject_before(doc, sentence.start, cue_start)
        if speaker is None and PRONOUN.match(text[sentence.start : cue_start]):
            speaker = last  # "Ia menambahkan bahwa ..."
        content = (sentence.start + verb.end(), sentence.end)
        _add(doc, sentence, "indirect", content, verb.group("cue"), speaker)
        return speaker
    according = re.match(r"\s*(?P<cue>menurut|according to)\s+", text[sentence.start : sentence.end], re.IGNORECASE)
    if according:
        speaker = _speaker_after(doc, sentence.start + according.end(), sentence.end, within_clause=False)
        clause_end = text.find(",", speaker.end if speaker else sentence.end, sentence.end)
        if speaker is not None and clause_end != -1:
            _add(doc, sentence, "indirect", (clause_end + 1, sentence.end), according.group("cue"), speaker)
            return speaker
    trailing = re.search(r",\s*(?P<cue>kata|ujar|ucap|tutur|ungkap|jelas)\s+", text[sentence.start : sentence.end])
    if trailing:
        cue_end = sentence.start + trailing.end()
        speaker = _speaker_after(doc, cue_end, sentence.end)
        described = DESCRIBED_SPEAKER.fullmatch(text, cue_end, sentence.end)
        if speaker is not None or (described and trailing.group("cue") != "jelas"):
            if speaker is None and PRONOUN.match(text[cue_end - 1 : sentence.end]):
                speaker = last  # "..., kata dia."
            _add(doc, sentence, "indirect", (sentence.start, sentence.start + trailing.start()),
                 trailing.group("cue"), speaker)
            return speaker
    late = LATE_SOURCE.search(text, sentence.start, sentence.end)
    if late and late.start() > sentence.start:
        speaker = _speaker_after(doc, late.end(), sentence.end)
        if speaker is not None and not text[speaker.end : sentence.end].strip(" .,;"):
            _add(doc, sentence, "indirect", (sentence.start, late.start()), late.group("cue"), speaker)
            return speaker
    return _bare_report(doc, sentence, last)


def _bare_report(doc: Doc, sentence: Span[SentenceAttrs], last: Span[EntityAttrs] | None) -> Span[EntityAttrs] | None:
    """Indonesian often drops "bahwa": "Ketua komisi mengatakan debat pertama akan ..." reports what its
    subject said when the verb comes early (after the subject) and a clause follows. The speaker may be
    described rather than named ("Ketua komisi"); then the quote has none."""
    text = doc.text
    verb = _cue_pattern("before").search(text, sentence.start, sentence.end)
    if verb is None or len(text[sentence.start : verb.start()].split()) > 8 or \
            len(text[verb.end() : sentence.end].split()) < 3:
        return _reporting_subject(doc, sentence)
    subject = subject_before(doc, sentence.start, verb.start())
    if subject is None and PRONOUN.match(text[sentence.start : verb.start()]):
        subject = last
    _add(doc, sentence, "indirect", (verb.end() + 1, sentence.end), verb.group("cue"), subject)
    return subject


def _add(doc: Doc, sentence: Span[SentenceAttrs], label: str, content: tuple[int, int], cue: str,
         speaker: Span[EntityAttrs] | None) -> None:
    start, end = content
    while end > start and doc.text[end - 1] in " ,.":
        end -= 1
    doc.add("quotes", Span(sentence.start, sentence.end, label, {
        "content": [start, end],
        "cue": cue,
        "speaker": [speaker.start, speaker.end] if speaker else None,
        "speaker_name": doc.text[speaker.start : speaker.end] if speaker else None,
        "via": _via(doc, sentence.start, sentence.end),
    }))


def _reporting_subject(doc: Doc, sentence: Span[SentenceAttrs]) -> Span[EntityAttrs] | None:
    """Who speaks in a sentence that reports late, after a long subject ("X, yang berada di Seoul pada hari
    yang sama, menyebut ..."): not taken as a quote, but the person a following "Ia menambahkan" refers to."""
    for verb in _cue_pattern("before").finditer(doc.text, sentence.start, sentence.end):
        subject = subject_before(doc, sentence.start, verb.start())
        if subject is not None and subject.label == "PERSON":
            return subject
    return None
