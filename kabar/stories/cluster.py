"""Stories in two levels, built one article at a time: an **event** is one development reported within
days ("Habibie dirawat di RSPAD", "Habibie wafat"); a **story** is the running thread that holds its
events ("B. J. Habibie"). One method serves a folder of ten articles and a store of a hundred thousand:

- what an article is: three term views, each a unit vector of sublinear counts times inverse document
  frequency, heaviest ARTICLE_TERMS terms only: words (stemmed; the lead and body, the headline twice),
  names and figures (capitalised words and numbers, which read the same in Indonesian and English), and
  the headline alone, which names the development ("wafat", "dimakamkan", "dijenguk"); and a fourth view,
  its meaning: the multilingual sentence encoder's embedding of the headline and lead, which says what
  happened in any wording and in English as in Indonesian, counted above MEANING_FLOOR (the likeness of
  unrelated reports). On the dev events of the real gold, with the joins retuned, it lifts event recall
  from 0.77 to 0.93 and thread recall from 0.82 to 0.93.
- candidates by blocking, never all pairs: each event posts its heaviest terms; a newcomer looks up the
  events posting its own most distinctive terms (the most recent few per term) or sharing a bucket of
  its meaning (approximate neighbours: the signs against random hyperplanes, in a few tables), and scores
  the CANDIDATES sharing most of them whose days come within STORY_DAYS. Its cost follows its own terms,
  not the size of the pile.
- events: it joins the likeliest event within EVENT_DAYS at EVENT_JOIN or more (the weighted mean of
  the views' cosines with the event's summary, the sum of its members' vectors), or starts one. Then
  the event it joined absorbs any candidate event whose summary is now as like its own as EVENT_MERGE
  (a late report bridging two fragments of one development), as long as the merged event spans no
  more than EVENT_SPAN days: a development is reported within days.
- stories: a new event joins the story (candidates' stories, compared with the summary of the whole
  story) most like its first article at STORY_JOIN or more (words, names and meaning), in words and names
  both, or starts one;
  an event merged into another leaves its story for that event's: the bridge says two reports are one
  development, not that the rest of their threads are one. A beat (one club's results, household tips, an official's
  unrelated policies) shares its words week after week; a running story shares who and where, so the
  names view must agree too (NAME_FLOOR), and the likeness is to the story as a whole, not to its
  nearest member, so no chain of near neighbours drifts from one matter to the next. A beat also comes
  back after days of silence, where a running story is reported day after day: the story bar rises by
  STORY_DECAY per day since the story's last report. An undated article cannot be held apart by time,
  so both its joins need UNDATED_MARGIN more.
- read-out: joining one article at a time to a summary lets an event's summary widen until it covers a
  week of one matter (the KPK leaders' tests and the ethics finding against one of them), and a story's
  until it holds a theme. So, when the stories are read, each story and then each of its events is split
  into its cohesive parts: average-linkage clustering of the members' pairwise likeness (EVENT_COHESION,
  STORY_COHESION). On the dev events of the real gold it lifts event precision from 0.865 to 0.918 for
  recall 0.928 -> 0.911 (F1 0.896 -> 0.914; the gain holds for cuts 0.13 to 0.15 only, below it splits
  nothing and above it parts one development's sub-topics); on the Kompas file it parts IEU-CEPA from
  Prabowo's visit to Solo. A part made only of undated articles becomes a story of its own: nothing dates
  it within the thread (on the Kompas file, undated reports of three MotoGP weekends had made one story).
  One cut does not suit every thread: a thread told hundreds of times holds loosely alike reports within one
  development, while in a thread of a few reports one development's reports retell one release, and reports
  alike only in genre or actor (two fires of one day, one minister's unrelated remarks) are different events.
  So a small thread's events must be more cohesive (`for_thread_of`): on the dev events, F1 0.888 -> 0.902
  (the fifth batch's look-alikes 0.714 -> 0.925, the first set's large threads 0.920 -> 0.914). A report and
  an event, or two reports, told only in different languages are compared, on arrival as in the read-out, only
  in the views that read across languages (names, meaning): on the 65 articles written for Kabar the grouping
  rises from 0.898 to 0.927 and live placement from 0.853 to 0.898.
- genres and themes: a service article (tips, how-to pieces, recipes: its headline opens with a cue of
  kabar/data/id/stories/service-headlines.txt) needs SERVICE_MARGIN more to join and to stay in the read-out,
  since articles of that genre share their topic word ("AC") week after week; two reports whose headlines name
  different provinces (read through their cities, kabar/data/id/entities/province-of.tsv) are PLACE_MARGIN less
  alike in the read-out: "SPMB Jatim" and "SPMB Jakarta" are one programme, two matters. On the Kompas file the
  air-conditioner tips and the two provinces' school admissions leave the 30 largest; on the development events
  F1 0.900 -> 0.902 (the fifth batch's fires of one day in different places part), threads unchanged at 0.901.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field, replace

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform

from kabar.clean.language import wording_of
from kabar.lexicon import alternation, data_lines
from kabar.model import Article, Doc, Story
from kabar.stories.background import BACKGROUND_ARTICLES, background
from kabar.stories.meaning import embeddings
from kabar.stories.places import provinces_named
from kabar.stories.titles import headline_of
from kabar.textnorm import fold, normalize_tokens

WORDS = "words"
NAMES = "names"
HEADLINE = "headline"
MEANING = "meaning"
TERM_VIEWS = (WORDS, NAMES, HEADLINE)
WORDING_VIEWS = (WORDS, HEADLINE)  # the views of one language's words
EVENT_WEIGHTS = {WORDS: 1.0, NAMES: 0.5, HEADLINE: 1.5, MEANING: 1.0}
STORY_WEIGHTS = {WORDS: 1.0, NAMES: 1.0, HEADLINE: 0.0, MEANING: 1.0}
MEANING_FLOOR = 0.3  # cosine of unrelated reports' headline and lead: the meaning view counts above it
MEANING_CHARS = 300  # the headline and this much of the lead are embedded: they say what happened
MEANING_TABLES = 4
MEANING_BITS = 10
TITLE_REPEATS = 2
TEXT_CHARS = 2500  # the lead and body up to here: later paragraphs repeat background, not the development
EVENT_JOIN = 0.27
EVENT_MERGE = 0.35
EVENT_DAYS = 2.0
EVENT_SPAN = 3.0
# the events of a thread of SPARSE_THREAD articles or fewer need SPARSE_EXTRA more cohesion than those of one of
# DENSE_THREAD or more (set on the development events: 0.12 to 0.16 and 50 to 70 articles score alike)
SPARSE_EXTRA = 0.14
DENSE_THREAD = 50
SPARSE_THREAD = 10
COHESION_AT_MOST = 2000  # larger groups are left whole: the pairwise likeness grows with the square
STORY_JOIN = 0.28
STORY_DAYS = 21.0
NAME_FLOOR = 0.15
STORY_DECAY = 0.02  # per day of silence since the story's last report, added to STORY_JOIN
UNDATED_MARGIN = 0.25  # added to both joins for an article without a date
SERVICE_MARGIN = 0.15  # added to both joins for a service article (`is_service`), taken from its read-out likeness
PLACE_MARGIN = 0.1  # taken from the read-out's likeness of two reports whose headlines name different provinces
ARTICLE_TERMS = 60
QUERY_TERMS = 10
CANDIDATES = 24
POSTED_TERMS = 30
RECENT_EVENTS = 48
SUMMARY_TERMS = 200
FORGET_EVERY = 1000
SECONDS_PER_DAY = 86400.0

# A capitalised word not opening a sentence, or a number; "1.500" and "1,500" both become "1500".
NAME_OR_FIGURE = re.compile(r"(?<![.!?\"“]\s)(?<!^)\b(?:[A-Z][\w-]*\w|\d[\d.,]*\d)", re.MULTILINE)

# A time of day ("pukul 06.30", "19.00 WIB"): it names nothing, and unrelated reports share it (every first school
# day starts at 06.30, every evening match at 19.30); a figure's thousands take three digits ("2.938").
CLOCK = re.compile(r"\d{1,2}[.:]\d{2}")
Vector = dict[str, float]

# A headline opening with a cue of service journalism (tips, how-to pieces, recipes), after a count at most ("6 Tips"):
# kabar/data/id/stories/service-headlines.txt
SERVICE_HEADLINE = re.compile(r"(?:\d+\s+)?(?:" + alternation(data_lines("id/stories/service-headlines.txt")) + r")\b")
# A headline that teases rather than says what happened ("Begini …", "7 Fakta …", "[POPULER …]"), after a count at
# most: kabar/data/id/stories/teaser-headlines.txt
TEASER_HEADLINE = re.compile(r"\[|(?:\d+\s+)?(?:" + alternation(data_lines("id/stories/teaser-headlines.txt")) + r")\b")


@dataclass(frozen=True)
class Cohesion:
    """How alike, on average, the members of one event or story must be: `least` mean pairwise likeness
    (the weighted views' cosines), less `decay` per day apart beyond EVENT_DAYS."""

    weights: dict[str, float]
    least: float
    decay: float = 0.0


EVENT_COHESION = Cohesion(EVENT_WEIGHTS, 0.14)
STORY_COHESION = Cohesion(STORY_WEIGHTS, 0.05, STORY_DECAY)


def names_and_figures(text: str) -> list[str]:
    """The capitalised words and figures of the text, folded; times of day left out (CLOCK)."""
    found = " ".join(match.group() for match in NAME_OR_FIGURE.finditer(text) if not CLOCK.fullmatch(match.group()))
    return [token if not token[0].isdigit() else re.sub(r"[.,]", "", token) for token in fold(found).split()]


@dataclass
class Features:
    """What the grouping reads from one article: its term counts per view, its day and its headline."""

    id: str
    day: float | None
    title: str
    terms: dict[str, Counter[str]]
    meaning: np.ndarray | None = None
    language: str = "id"
    service: bool = False
    provinces: frozenset[str] = frozenset()


def is_service(title: str) -> bool:
    """Whether a headline is of service journalism ("Cara Membuat AC Portable Tetap Sejuk", "6 Tips Renovasi
    Rumah"): evergreen advice tells no development, and such articles share their topic word week after week."""
    return bool(SERVICE_HEADLINE.match(fold(title).strip().lower()))


def doubt(item: Features) -> float:
    """How much more likeness an article needs to join an event or a story: time cannot hold an undated
    article apart (UNDATED_MARGIN), and a service article's shared topic word is no shared matter (SERVICE_MARGIN)."""
    return (UNDATED_MARGIN if item.day is None else 0.0) + (SERVICE_MARGIN if item.service else 0.0)


def meaning_text(article: Article) -> str:
    return (article.title or "") + ". " + article.text[:MEANING_CHARS]


def article_meanings(articles: list[Article]) -> np.ndarray:
    """Unit embeddings of each article's headline and lead, in one batch."""
    return embeddings([meaning_text(a) for a in articles])


def features(article: Article, meaning: np.ndarray | None = None) -> Features:
    text = "\n".join([article.title or ""] * TITLE_REPEATS) + "\n" + article.text[:TEXT_CHARS]
    moment = article.reference_date
    day = moment.replace(tzinfo=None).timestamp() / SECONDS_PER_DAY if moment else None
    return Features(article.id, day, article.title or "",
                    {WORDS: Counter(normalize_tokens(text)), NAMES: Counter(names_and_figures(text)),
                     HEADLINE: Counter(normalize_tokens(article.title or ""))}, meaning, article.language,
                    is_service(article.title or ""), provinces_named(article.title or ""))


class Vocabulary:
    """How many articles hold each term, per view: the inverse document frequencies of the vectors."""

    def __init__(self) -> None:
        self.articles = 0
        self.holding: dict[str, Counter[str]] = {view: Counter() for view in TERM_VIEWS}
        self.background = background()

    def count(self, item: Features) -> None:
        self.articles += 1
        for view, counts in item.terms.items():
            self.holding[view].update(counts.keys())

    def idf(self, view: str, term: str) -> float:
        """Over the pile's own articles and, for as many as it falls short of BACKGROUND_ARTICLES, the news at
        large's: a small pile alone cannot tell its matter's names from words any report uses."""
        stand_in = max(0, BACKGROUND_ARTICLES - self.articles)
        held = self.holding[view][term] + self.background.share(view, term, stand_in)
        return math.log((self.articles + stand_in + 1) / (held + 1)) + 1

    def vectors(self, item: Features) -> dict[str, Vector]:
        """Unit vectors of sublinear counts times inverse document frequency, per view, of the heaviest
        ARTICLE_TERMS terms: the rest is background that only costs time."""
        found = {}
        for view, counts in item.terms.items():
            weights = {t: (1 + math.log(n)) * self.idf(view, t) for t, n in counts.items()}
            if len(weights) > ARTICLE_TERMS:
                weights = dict(sorted(weights.items(), key=lambda kv: -kv[1])[:ARTICLE_TERMS])
            length = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            found[view] = {t: w / length for t, w in weights.items()}
        return found


@dataclass
class Event:
    id: str
    members: list[str]
    first: float | None
    last: float | None
    summary: dict[str, Vector] = field(default_factory=dict)
    lengths: dict[str, float] = field(default_factory=dict)
    posted: set[str] = field(default_factory=set)
    meaning: np.ndarray | None = None  # the sum of its members' embeddings
    languages: set[str] = field(default_factory=set)  # the languages its members are worded in (`wording_of`)

    def gap(self, day: float | None) -> float:
        return days_apart(self.first, self.last, day)

    def span_with(self, day: float | None) -> float:
        if day is None or self.first is None or self.last is None:
            return 0.0
        return max(self.last, day) - min(self.first, day)


class StoryGrouper:
    """Events and the stories holding them, kept up to date one article at a time."""

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary or Vocabulary()
        self.counts_articles = vocabulary is None
        # mappings, not dicts: kabar.stories.live reads them from the store as they are used
        self.events: MutableMapping[str, Event] = {}
        self.merged_into: MutableMapping[str, str] = {}
        self.story_parent: MutableMapping[str, str] = {}
        self.postings: MutableMapping[str, list[str]] = {}
        self.headlines: dict[str, Vector] = {}
        self.story_summaries: MutableMapping[str, Event] = {}
        self.placed = 0
        self.hyperplanes = np.random.default_rng(0).standard_normal((MEANING_TABLES * MEANING_BITS, 512))

    def add(self, item: Features) -> str:
        """Place one article; returns its event's id."""
        if self.counts_articles:
            self.vocabulary.count(item)
        self.placed += 1
        if item.day is not None and self.placed % FORGET_EVERY == 0:
            self._forget_before(item.day - STORY_DAYS - EVENT_SPAN)
        vectors = self.vocabulary.vectors(item)
        self.headlines[item.id] = vectors[HEADLINE]
        candidates = self._candidates(vectors, item.meaning, item.day)
        close = sorted(((self._likeness(vectors, item, event, EVENT_WEIGHTS)[0], event) for event in candidates
                        if event.gap(item.day) <= EVENT_DAYS and event.span_with(item.day) <= EVENT_SPAN),
                       key=lambda pair: -pair[0])
        if close and close[0][0] >= EVENT_JOIN + doubt(item):
            home = close[0][1]
        else:
            home = Event("e-" + item.id.removeprefix("a-"), [], item.day, item.day)
            self.events[home.id] = home
            self.story_parent[home.id] = self._likeliest_story(vectors, item, candidates) or home.id
            if self.story_parent[home.id] == home.id:
                self.story_summaries[home.id] = Event(home.id, [], item.day, item.day)
        self._join(home, item, vectors)
        self._join(self.story_summaries[self.story_of(home.id)], item, vectors, post=False)
        for other in candidates:
            if (other.id != home.id and other.id in self.events and home.gap(other.first) <= EVENT_DAYS
                    and home.span_with(other.first) <= EVENT_SPAN and home.span_with(other.last) <= EVENT_SPAN
                    and _summary_likeness(home, other, EVENT_WEIGHTS) >= EVENT_MERGE):
                self._merge_events(home, other)
        return home.id

    def _likeliest_story(self, vectors: dict[str, Vector], item: Features, candidates: list[Event]) -> str | None:
        """The story of candidate events most like the article as a whole (its summary over all its events),
        if it is like enough in words and names both: a thread shares who and where, not only a beat's
        vocabulary. The bar rises with each day since the story's last report: a running story is told
        day after day, while a beat (one series' race weekends, one province's school admissions) comes
        back after a week of silence with the same words about another matter."""
        best, best_score, day = None, 0.0, item.day
        for story_id in dict.fromkeys(self.story_of(event.id) for event in candidates):
            story = self.story_summaries[story_id]
            if story.gap(day) > STORY_DAYS:
                continue
            score, names = self._likeness(vectors, item, story, STORY_WEIGHTS)
            silence = max(0.0, story.gap(day) - EVENT_DAYS)
            bar = STORY_JOIN + STORY_DECAY * silence + doubt(item)
            if score >= bar and score >= best_score and names >= NAME_FLOOR:
                best, best_score = story_id, score
        return best

    def _forget_before(self, day: float) -> None:
        """Drop the summaries of events and stories that ended before `day`: no newcomer arriving in time
        order can reach them, and a store of years would otherwise hold them all in memory."""
        for summary in (*self.events.values(), *self.story_summaries.values()):
            if summary.summary and summary.last is not None and summary.last < day:
                summary.summary, summary.lengths, summary.posted, summary.meaning = {}, {}, set(), None

    def _candidates(self, vectors: dict[str, Vector], meaning: np.ndarray | None, day: float | None) -> list[Event]:
        """The CANDIDATES events in the window sharing most of the article's most distinctive terms and
        buckets of meaning."""
        hits: Counter[str] = Counter()
        keys = [view + ":" + term for view, vector in vectors.items()
                for term in sorted(vector, key=lambda term: -vector[term])[:QUERY_TERMS]]
        for posted in self._recent_postings(keys + self._meaning_buckets(meaning)):
            hits.update(list(dict.fromkeys(self.live_event(e) for e in posted)))
        found = []
        for event in self._standing_within([event_id for event_id, _ in hits.most_common()], day):
            found.append(event)
            if len(found) == CANDIDATES:
                break
        return found

    def _recent_postings(self, keys: list[str]) -> list[list[str]]:
        """The RECENT_EVENTS events posted last under each key (kabar.stories.live reads them all at once)."""
        return [self.postings.get(key, [])[-RECENT_EVENTS:] for key in keys]

    def _standing_within(self, event_ids: list[str], day: float | None) -> Iterator[Event]:
        """The events among these still standing whose days come within STORY_DAYS of `day`, in their order
        (kabar.stories.live reads a stored event's summary only once its days are found in the window)."""
        for event_id in event_ids:
            event = self.events.get(event_id)
            if event is not None and event.gap(day) <= STORY_DAYS:
                yield event

    def _meaning_buckets(self, meaning: np.ndarray | None) -> list[str]:
        """Approximate neighbours in meaning: the sign pattern of the embedding against MEANING_BITS
        random hyperplanes, in each of MEANING_TABLES tables; near embeddings share a bucket in some table."""
        if meaning is None or not meaning.any():
            return []
        signs = (self.hyperplanes @ meaning > 0).reshape(MEANING_TABLES, MEANING_BITS)
        return [f"{MEANING}:{table}:" + "".join("1" if bit else "0" for bit in row) for table, row in enumerate(signs)]

    def _likeness(self, vectors: dict[str, Vector], item: Features, event: Event,
                  weighting: dict[str, float]) -> tuple[float, float]:
        """(the weighted mean of the views' cosines, the names cosine alone). An article and an event told
        only in another language share no words: between them only the names and the meaning count."""
        total = weights = names = 0.0
        if weighting[MEANING] and item.meaning is not None and event.meaning is not None:
            total += weighting[MEANING] * _meaning_likeness(item.meaning, event.meaning)
            weights += weighting[MEANING]
        wordless = _other_languages({wording_of(item.language)}, event.languages)
        for view, vector in vectors.items():
            summary = event.summary.get(view, {})
            if not weighting[view] or (not vector and not summary) or (wordless and view in WORDING_VIEWS):
                continue
            shared = sum(w * summary[t] for t, w in vector.items() if t in summary)
            cosine = shared / event.lengths[view] if shared else 0.0
            total += weighting[view] * cosine
            weights += weighting[view]
            if view == NAMES:
                names = cosine
        return (total / weights if weights else 0.0, names)

    def _join(self, event: Event, item: Features, vectors: dict[str, Vector], post: bool = True) -> None:
        event.members.append(item.id)
        event.languages.add(wording_of(item.language))
        if item.day is not None:
            event.first = item.day if event.first is None else min(event.first, item.day)
            event.last = item.day if event.last is None else max(event.last, item.day)
        for view, vector in vectors.items():
            summary = event.summary.setdefault(view, {})
            for term, weight in vector.items():
                summary[term] = summary.get(term, 0.0) + weight
        if item.meaning is not None:
            event.meaning = item.meaning.copy() if event.meaning is None else event.meaning + item.meaning
        self._trim_and_post(event, post)

    def _trim_and_post(self, event: Event, post: bool = True) -> None:
        for view, summary in event.summary.items():
            if len(summary) > SUMMARY_TERMS:
                event.summary[view] = summary = dict(sorted(summary.items(), key=lambda kv: -kv[1])[:SUMMARY_TERMS])
            event.lengths[view] = math.sqrt(sum(w * w for w in summary.values())) or 1.0
        if not post:
            return
        keys = [view + ":" + term for view, summary in event.summary.items()
                for term in sorted(summary, key=lambda t: -summary[t])[:POSTED_TERMS]]
        for key in keys + self._meaning_buckets(event.meaning):
            if key not in event.posted:
                event.posted.add(key)
                self._post(key, event.id)

    def _post(self, key: str, event_id: str) -> None:
        posted = self.postings.setdefault(key, [])
        posted.append(event_id)
        if len(posted) > 4 * RECENT_EVENTS:  # only the most recent are ever looked at
            del posted[:-RECENT_EVENTS]

    def _merge_events(self, into: Event, other: Event) -> None:
        if other.id == into.id or other.id not in self.events:
            return
        del self.events[other.id]
        self.merged_into[other.id] = into.id
        _absorb(into, other)
        self._trim_and_post(into)

    def live_event(self, event_id: str) -> str:
        """The event an event was merged into, followed to the one still standing."""
        while event_id in self.merged_into:
            event_id = self.merged_into[event_id]
        return event_id

    def story_of(self, event_id: str) -> str:
        root = self.live_event(event_id)
        while self.story_parent[root] != root:
            self.story_parent[root] = self.story_parent[self.story_parent[root]]
            root = self.story_parent[root]
        return root

    def stories(self, titles: dict[str, str], order: dict[str, int],
                items: dict[str, Features] | None = None) -> list[Story]:
        """Stories holding their events, members in arrival order. Given the articles' features, each story is
        first split into its cohesive parts (`cohesive_parts` with STORY_COHESION), and each event within a
        part into its own (EVENT_COHESION). A story's id is its root event's, with a suffix for the smaller
        parts; an event's is its first member's."""
        grouped: dict[str, list[list[str]]] = {}
        for event in self.events.values():
            grouped.setdefault(self.story_of(event.id), []).append(sorted(event.members, key=order.__getitem__))
        stories = []
        for root, events in grouped.items():
            threads = [events] if items is None else self._cohesive_threads(events, items)
            for number, thread in enumerate(sorted(threads, key=lambda t: -sum(map(len, t)))):
                thread.sort(key=lambda members: order[members[0]])
                named = [Story("e-" + members[0].removeprefix("a-"), self._central_title(members, titles), members)
                         for members in thread]
                largest = max(named, key=lambda e: len(e.articles))
                members = sorted((m for e in named for m in e.articles), key=order.__getitem__)
                story_id = "s-" + root.removeprefix("e-") + (f".{number}" if number else "")
                stories.append(Story(story_id, largest.title, members, named))
        return sorted(stories, key=lambda s: order[s.articles[0]])

    def _cohesive_threads(self, events: list[list[str]], items: dict[str, Features]) -> list[list[list[str]]]:
        """A story's events regrouped into its cohesive parts, each event cut along the parts' lines and then
        split into its own cohesive parts. A cut made only of undated articles is a story of its own: nothing
        dates it within the thread, and undated reports alike in words are as often one beat's different
        weekends (three MotoGP races) as one development."""
        members = [m for event in events for m in event]
        threads = []
        for part in self.cohesive_parts(members, items, STORY_COHESION):
            inside = set(part)
            pieces = ([m for m in event if m in inside] for event in events)
            within = for_thread_of(len(part), EVENT_COHESION)
            cuts = [cut for piece in pieces if piece for cut in self.cohesive_parts(piece, items, within)]
            dated = [cut for cut in cuts if any(items[m].day is not None for m in cut)]
            threads.extend([dated] if dated else [])
            threads.extend([cut] for cut in cuts if cut not in dated)
        return threads

    def cohesive_parts(self, members: list[str], items: dict[str, Features], cohesion: Cohesion) -> list[list[str]]:
        """Members split where they are not one development (or one running story): average-linkage clustering
        of the members' pairwise likeness, cut at `cohesion.least`. Joining one article at a time to a summary
        lets the summary widen until it covers a whole week of one matter (the KPK leaders' fit-and-proper
        tests and the ethics finding against one of them), or a theme (one province's school admissions, then
        another's); every member must be like the others on average, not only like the sum of them. The order
        of the members is kept."""
        if len(members) < 3 or len(members) > COHESION_AT_MOST:
            return [members]
        likeness = self._pairwise_likeness([items[m] for m in members], cohesion)
        distance = np.clip(1.0 - likeness, 0.0, None)
        np.fill_diagonal(distance, 0.0)
        tree = linkage(squareform(distance, checks=False), method="average")
        labels = fcluster(tree, t=1.0 - cohesion.least, criterion="distance")
        parts: dict[int, list[str]] = {}
        for member, label in zip(members, labels, strict=True):
            parts.setdefault(int(label), []).append(member)
        return list(parts.values())

    def _pairwise_likeness(self, items: list[Features], cohesion: Cohesion) -> np.ndarray:
        """The weighted mean of the views' cosines between every two articles (for two languages, of the views
        that read across them), less `cohesion.decay` per day apart beyond EVENT_DAYS, or less UNDATED_MARGIN
        where either has no date: as for the joins, time cannot hold an undated article apart, so only a strong
        likeness keeps it with the others. Less SERVICE_MARGIN where either is a service article, whose shared
        topic word is no shared matter, and less PLACE_MARGIN where their headlines name different provinces
        (one programme in two provinces is two matters; `kabar.stories.places`)."""
        total = np.zeros((len(items), len(items)))
        weights = np.zeros((len(items), len(items)))
        languages = np.array([wording_of(item.language) for item in items])
        one_language = languages[:, None] == languages[None, :]
        vectors = [self.vocabulary.vectors(item) for item in items]
        for view in TERM_VIEWS:
            if not cohesion.weights[view]:
                continue
            index: dict[str, int] = {}
            rows, columns, values = [], [], []
            for row, vector in enumerate(vectors):
                for term, weight in vector[view].items():
                    rows.append(row)
                    columns.append(index.setdefault(term, len(index)))
                    values.append(weight)
            matrix = csr_matrix((values, (rows, columns)), shape=(len(items), max(1, len(index))))
            # two languages share no words: between them only the names and the meaning can say they are alike
            counted = cohesion.weights[view] * (one_language if view in WORDING_VIEWS else 1.0)
            total += counted * (matrix @ matrix.T).toarray()
            weights += counted
        if all(item.meaning is not None for item in items):
            meanings = np.stack([item.meaning for item in items if item.meaning is not None])
            total += cohesion.weights[MEANING] * np.clip((meanings @ meanings.T - MEANING_FLOOR) / (1 - MEANING_FLOOR),
                                                         0.0, None)
            weights += cohesion.weights[MEANING]
        days = np.array([np.nan if item.day is None else item.day for item in items])
        apart = np.abs(days[:, None] - days[None, :])
        dated = np.clip(np.nan_to_num(apart, nan=0.0) - EVENT_DAYS, 0.0, None)
        service = np.array([item.service for item in items])
        elsewhere = _places_conflict([item.provinces for item in items])
        return (total / weights - cohesion.decay * dated - np.where(np.isnan(apart), UNDATED_MARGIN, 0.0)
                - np.where(service[:, None] | service[None, :], SERVICE_MARGIN, 0.0)
                - np.where(elsewhere, PLACE_MARGIN, 0.0))

    def _central_title(self, members: list[str], titles: dict[str, str]) -> str:
        """The headline of the member most like the event's headlines as a whole: a readable name for it. A
        member with a headline is preferred to one named by its opening words, and one that says what happened
        to one that teases ("Begini Kondisi Terakhir …", "7 Fakta …"; `titles` holds `headline_of` of each
        article; a grouping compared only by its members passes none and names nothing)."""
        summary: Counter[str] = Counter()
        for member in members:
            summary.update(self.headlines.get(member, {}))

        def centrality(member: str) -> tuple[bool, bool, float]:
            headline = self.headlines.get(member, {})
            teaser = bool(TEASER_HEADLINE.match(fold(titles.get(member, "")).strip().lower()))
            return bool(headline), not teaser, sum(w * summary.get(t, 0.0) for t, w in headline.items())

        return titles.get(max(members, key=centrality), "")


def for_thread_of(size: int, cohesion: Cohesion) -> Cohesion:
    """The cohesion the events of a thread of `size` articles must have. A thread told hundreds of times (a
    death, a national match) is told from many angles within one development, so its members are alike only
    loosely; in a thread of a few reports, one development's reports retell one release or one statement,
    and reports alike only in their genre or their actor are different developments (two fires of one day,
    one minister's unrelated remarks). So the bar rises by up to SPARSE_EXTRA as the thread shrinks from
    DENSE_THREAD articles to SPARSE_THREAD, on a log scale."""
    sparse = math.log(DENSE_THREAD / max(size, 1)) / math.log(DENSE_THREAD / SPARSE_THREAD)
    return replace(cohesion, least=cohesion.least + SPARSE_EXTRA * min(1.0, max(0.0, sparse)))


def _places_conflict(provinces: list[frozenset[str]]) -> np.ndarray:
    """For every two reports, whether both name provinces and share none of them."""
    index: dict[str, int] = {}
    named = np.zeros((len(provinces), 1 + len({p for found in provinces for p in found})))
    for row, found in enumerate(provinces):
        for province in found:
            named[row, index.setdefault(province, len(index))] = 1.0
    some: np.ndarray = named.sum(axis=1) > 0
    return some[:, None] & some[None, :] & ((named @ named.T) == 0)


def days_apart(first: float | None, last: float | None, day: float | None) -> float:
    """Days between `day` and the span from `first` to `last`; undated articles and events are never far."""
    if day is None or first is None or last is None:
        return 0.0
    return max(0.0, first - day, day - last)


def _meaning_likeness(meaning: np.ndarray, summed: np.ndarray) -> float:
    """The cosine of an embedding with a sum of embeddings, counted above MEANING_FLOOR and scaled to 0..1."""
    length = float(np.linalg.norm(meaning) * np.linalg.norm(summed)) or 1.0
    return max(0.0, float(meaning @ summed) / length - MEANING_FLOOR) / (1 - MEANING_FLOOR)


def _summary_likeness(first: Event, second: Event, weighting: dict[str, float]) -> float:
    """The weighted mean of the views' cosines between two summaries."""
    total = weights = 0.0
    if weighting[MEANING] and first.meaning is not None and second.meaning is not None:
        total += weighting[MEANING] * _meaning_likeness(first.meaning, second.meaning)
        weights += weighting[MEANING]
    wordless = _other_languages(first.languages, second.languages)
    for view, weight in weighting.items():
        if view == MEANING or (wordless and view in WORDING_VIEWS):
            continue
        a, b = first.summary.get(view, {}), second.summary.get(view, {})
        if not weight or not (a or b):
            continue
        if len(a) > len(b):
            a, b = b, a
        shared = sum(w * b[t] for t, w in a.items() if t in b)
        total += weight * (shared / (first.lengths[view] * second.lengths[view]) if shared else 0.0)
        weights += weight
    return total / weights if weights else 0.0


def _other_languages(first: set[str], second: set[str]) -> bool:
    """Whether two sets of reports are told in different languages only (an unknown set is no evidence)."""
    return bool(first and second and not first & second)


def _absorb(into: Event, other: Event) -> None:
    """`into` takes `other`'s members, days and summary."""
    into.members.extend(other.members)
    into.languages |= other.languages
    for bound in (other.first, other.last):
        if bound is not None:
            into.first = bound if into.first is None else min(into.first, bound)
            into.last = bound if into.last is None else max(into.last, bound)
    for view, summary in other.summary.items():
        target = into.summary.setdefault(view, {})
        for term, weight in summary.items():
            target[term] = target.get(term, 0.0) + weight
    if other.meaning is not None:
        into.meaning = other.meaning.copy() if into.meaning is None else into.meaning + other.meaning


def _arrival(item: Features) -> tuple[float, str]:
    return (item.day if item.day is not None else math.inf, item.id)


def group_articles(articles: list[Article]) -> list[Story]:
    """The whole pile at once: inverse document frequencies from all of it, then one article at a time,
    oldest first, as they would have arrived."""
    items = [features(a, meaning) for a, meaning in zip(articles, article_meanings(articles), strict=True)]
    return group_features(items, {a.id: headline_of(a) for a in articles})


def group_features(items: list[Features], titles: dict[str, str]) -> list[Story]:
    """`group_articles` from the articles' features (the scripts measuring the grouping compute them once)."""
    vocabulary = Vocabulary()
    for item in items:
        vocabulary.count(item)
    grouper = StoryGrouper(vocabulary)
    arrival = sorted(items, key=_arrival)
    for item in arrival:
        grouper.add(item)
    return grouper.stories(titles, {item.id: n for n, item in enumerate(arrival)}, {item.id: item for item in items})


def cluster(docs: list[Doc]) -> list[Story]:
    return group_articles([d.article for d in docs])
