"""Two-level grouping (events within running stories) on articles written for these tests, its cost per
article, and its figures on the labelled real news when ../shared holds them."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from kabar.eval.stories import REAL_CORPUS, evaluate_real
from kabar.model import Article
from kabar.stories import cluster as grouping
from kabar.stories.cluster import group_articles

WIB = timezone(timedelta(hours=7))


def _article(article_id: str, title: str, text: str, day: int, hour: int = 9, language: str = "id") -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text, title=title, outlet="Warta Uji",
                   published=datetime(2024, 5, day, hour, tzinfo=WIB), language=language)


ILLNESS = ("Mantan Gubernur Sulawesi Tengah Andi Mappaturu dirawat intensif di RSUD Undata Palu sejak Senin. "
           "Dokter menyebut kondisi jantungnya lemah dan keluarga membatasi penjenguk.")
DEATH = ("Mantan Gubernur Sulawesi Tengah Andi Mappaturu wafat di RSUD Undata Palu pada Kamis malam. "
         "Pemerintah daerah menetapkan tiga hari berkabung dan bendera setengah tiang dikibarkan.")
FLOOD = ("Banjir merendam 300 rumah di Kecamatan Sigi Biromaru setelah Sungai Gumbasa meluap. "
         "BPBD Sigi mengerahkan perahu karet untuk mengevakuasi warga ke posko pengungsian.")


def _stories(articles: list[Article]) -> dict[str, list[list[str]]]:
    return {s.id: [e.articles for e in s.events] for s in group_articles(articles)}


def test_two_developments_of_one_matter_are_two_events_of_one_story():
    articles = [
        _article("a1", "Andi Mappaturu Dirawat Intensif di RSUD Undata", ILLNESS, 6),
        _article("a2", "Kondisi Andi Mappaturu Masih Lemah, Keluarga Batasi Penjenguk", ILLNESS, 6, 15),
        _article("a3", "Andi Mappaturu Wafat, Sulteng Berkabung Tiga Hari", DEATH, 9),
        _article("a4", "Mantan Gubernur Andi Mappaturu Wafat di Palu", DEATH, 9, 21),
        _article("b1", "Banjir Rendam 300 Rumah di Sigi", FLOOD, 9),
    ]
    stories = _stories(articles)
    assert sorted(sorted(map(sorted, events)) for events in stories.values()) == [
        [["a1", "a2"], ["a3", "a4"]], [["b1"]]]


def test_every_article_is_in_exactly_one_event_and_story():
    articles = [_article(f"x{n}", f"Judul {n}", f"Kota{n} Warga{n} menanam pohon{n} di taman{n}.", 1 + n % 20)
                for n in range(40)]
    stories = group_articles(articles)
    placed = [a for s in stories for e in s.events for a in e.articles]
    assert sorted(placed) == sorted(a.id for a in articles)
    assert sorted(a for s in stories for a in s.articles) == sorted(placed)


def test_a_newcomer_is_compared_with_a_bounded_number_of_events(monkeypatch):
    """Blocking: however many events exist, one article is scored against at most CANDIDATES of them."""
    scored: list[int] = []
    real_candidates = grouping.StoryGrouper._candidates

    def counting(self, vectors, meaning, day):
        found = real_candidates(self, vectors, meaning, day)
        scored.append(len(found))
        return found

    monkeypatch.setattr(grouping.StoryGrouper, "_candidates", counting)
    rng = random.Random(3)
    shared = ["pemerintah", "warga", "kota", "Jakarta", "Presiden", "kata", "menurut"]
    articles = [_article(f"n{n}", f"Berita {n}", " ".join(rng.choice(shared) for _ in range(60)), 1 + n % 25)
                for n in range(400)]
    group_articles(articles)
    assert len(scored) == len(articles)
    assert max(scored) <= grouping.CANDIDATES


QUAKE_ID = ("Gempa bermagnitudo 6,1 mengguncang Kabupaten Majene, Sulawesi Barat, Rabu dini hari. BPBD Majene "
            "mencatat 34 rumah rusak berat dan ratusan warga mengungsi ke dataran tinggi karena takut tsunami.")
QUAKE_EN = ("A magnitude 6.1 earthquake struck Majene regency in West Sulawesi early on Wednesday. The Majene "
            "disaster agency recorded 34 badly damaged houses and hundreds of residents fled to higher ground "
            "fearing a tsunami.")
HARVEST = ("Petani di Kabupaten Majene memanen padi lebih awal tahun ini. Dinas Pertanian menyebut hasil panen "
           "naik karena hujan turun teratur sepanjang musim tanam.")


def test_an_english_and_an_indonesian_report_of_one_event_meet():
    articles = [
        _article("id1", "Gempa M 6,1 Guncang Majene, 34 Rumah Rusak Berat", QUAKE_ID, 8, 6),
        _article("id2", "Warga Majene Mengungsi ke Dataran Tinggi Usai Gempa", QUAKE_ID, 8, 9),
        _article("en1", "Magnitude 6.1 quake hits West Sulawesi, dozens of homes destroyed", QUAKE_EN, 8, 11, "en"),
        _article("h1", "Petani Majene Panen Padi Lebih Awal", HARVEST, 8, 10),
    ]
    events = [sorted(event) for story in _stories(articles).values() for event in story]
    assert sorted(events) == [["en1", "id1", "id2"], ["h1"]]


RACE = ("Pebalap Ducati Marc Marquez memenangi balapan MotoGP {place} di Sirkuit {track}, Minggu. Marquez unggul "
        "{gap} detik atas Alex Marquez dan memperlebar jarak di puncak klasemen pebalap.")


def test_two_race_weekends_of_one_championship_are_two_events():
    """A beat recurs: the same riders and words, another weekend, another event."""
    articles = [
        _article("r1", "Marc Marquez Juara MotoGP Jerman", RACE.format(place="Jerman", track="Sachsenring", gap="2,1"), 12),
        _article("r2", "Hasil MotoGP Jerman: Marquez Menang Lagi", RACE.format(place="Jerman", track="Sachsenring", gap="2,1"), 12, 20),
        _article("r3", "Marc Marquez Juara MotoGP Ceko", RACE.format(place="Ceko", track="Brno", gap="1,4"), 19),
        _article("r4", "Hasil MotoGP Ceko: Marquez Tak Terbendung", RACE.format(place="Ceko", track="Brno", gap="1,4"), 19, 20),
    ]
    events = sorted(sorted(event) for story in _stories(articles).values() for event in story)
    assert events == [["r1", "r2"], ["r3", "r4"]]


GERMANY = ("Marc Marquez memenangi balapan MotoGP Jerman di Sirkuit Sachsenring setelah start dari posisi kedua. "
           "Hujan sempat turun di lap awal dan tiga pebalap terjatuh di tikungan pertama. Ducati menguasai podium.")
CZECHIA = ("Di Brno, Marquez mencatat kemenangan kelima berturut-turut musim ini dan kini unggul 120 poin di klasemen. "
           "Pebalap Aprilia Marco Bezzecchi finis kedua, sementara Francesco Bagnaia gagal menyelesaikan balapan.")


def _race_weekends(first_day: int, second_day: int) -> list[Article]:
    return [
        _article("r1", "Marc Marquez Juara MotoGP Jerman di Sachsenring", GERMANY, first_day),
        _article("r2", "Hasil MotoGP Ceko: Marquez Menang Lagi di Brno", CZECHIA, second_day),
    ]


def test_a_beat_back_after_two_weeks_of_silence_is_another_story(monkeypatch):
    """Two race weekends a fortnight apart share riders and words; the bar rising with the silence between
    them keeps them apart, where the same two reports on consecutive days would make one running story."""
    apart = _race_weekends(5, 19)
    assert len(group_articles(apart)) == 2
    monkeypatch.setattr(grouping, "STORY_DECAY", 0.0)
    assert len(group_articles(apart)) == 1


def test_undated_reports_join_only_on_a_strong_match(monkeypatch):
    """Time cannot hold undated articles apart, so topic alone does not join them; the same report does."""
    dated = _race_weekends(12, 12)
    undated = [replace(a, published=None) for a in dated]
    twin = replace(undated[0], id="r1b", title="Marquez Juara MotoGP Jerman, Ducati Kuasai Podium Sachsenring")
    events = sorted(sorted(event) for story in _stories([*undated, twin]).values() for event in story)
    assert events == [["r1", "r1b"], ["r2"]]
    monkeypatch.setattr(grouping, "UNDATED_MARGIN", 0.0)
    assert len(group_articles(undated)) == 1


def test_near_meanings_share_a_bucket_and_opposite_ones_do_not():
    grouper = grouping.StoryGrouper()
    rng = np.random.default_rng(5)
    meaning = rng.standard_normal(512)
    near = meaning + 0.05 * rng.standard_normal(512)
    assert set(grouper._meaning_buckets(meaning)) & set(grouper._meaning_buckets(near))
    assert not set(grouper._meaning_buckets(meaning)) & set(grouper._meaning_buckets(-meaning))


@pytest.fixture(scope="module")
def real():
    if not (REAL_CORPUS / "clickid-2019-dev.jsonl").exists():
        pytest.skip("../shared/corpus/real is absent in this clone")
    return evaluate_real()


def test_events_and_stories_on_the_development_part_of_the_real_gold(real):
    """Floors below the measured development figures (event F1 0.902, story F1 0.901; on the events added
    later 0.907 and 0.958; story F1 0.861 on the third batch, whose look-alikes share their actors; event F1
    0.925 on the fifth batch, whose fires, quakes and one minister's remarks of one day are alike in genre or
    actor, 0.714 before a small thread's events had to be more cohesive than a large one's)."""
    assert real.figures["event", "development"][2] >= 0.85
    assert real.figures["event", "development, fifth set"][2] >= 0.85
    assert real.figures["story", "development"][2] >= 0.86
    assert real.figures["event", "development, added"][2] >= 0.8
    assert real.figures["story", "development, third set"][2] >= 0.8
    assert real.labelled["development"] >= 500 and real.labelled["held back"] >= 300
    assert real.labelled["development, added"] + real.labelled["held back, added"] == 147
    assert real.labelled["development, third set"] + real.labelled["held back, third set"] == 159
    assert real.labelled["development, fourth set"] + real.labelled["held back, fourth set"] == 74
    assert real.labelled["development, fifth set"] + real.labelled["held back, fifth set"] == 69


FIRE_FLATS = ("Kebakaran melanda Apartemen Griya Selasih di Kecamatan Tanjung Wangi, Kota Lembayung, Rabu pagi. Petugas "
              "pemadam kebakaran mengerahkan 12 unit mobil damkar dan api padam setelah dua jam. Kepala Dinas Pemadam "
              "Kebakaran Kota Lembayung menyebut api diduga berasal dari korsleting listrik. Dua penghuni lantai "
              "sembilan dirawat karena luka bakar di RSUD Tanjung Wangi.")
FIRE_MARKET = ("Deretan ruko di Pasar Kembang Sore, Sukaraja, ludes terbakar Rabu siang. Pedagang sempat menyelamatkan "
               "sebagian barang sebelum api membesar. Menurut Lurah Sukaraja, enam mobil pemadam datang dan api dapat "
               "dijinakkan setelah tiga jam. Tidak ada korban jiwa, tetapi pedagang kehilangan barang dagangan senilai "
               "ratusan juta rupiah.")


def _two_fires_of_one_day() -> list[Article]:
    return [
        _article("f1", "Apartemen Griya Selasih Terbakar, Dua Penghuni Luka", FIRE_FLATS, 8, 8),
        _article("f2", "Kebakaran Apartemen Griya Selasih Diduga Akibat Korsleting", FIRE_FLATS, 8, 10),
        _article("f3", "Dua Penghuni Griya Selasih Dirawat Usai Kebakaran", FIRE_FLATS, 8, 13),
        _article("m1", "Ruko Pasar Kembang Sore Terbakar, 6 Mobil Damkar Dikerahkan", FIRE_MARKET, 8, 12),
        _article("m2", "Kebakaran Pasar Kembang Sore Diduga Akibat Korsleting Listrik", FIRE_MARKET, 8, 15),
        _article("m3", "Pedagang Pasar Kembang Sore Merugi Akibat Kebakaran", FIRE_MARKET, 8, 17),
    ]


def test_a_small_thread_parts_reports_alike_only_in_their_genre():
    """Two fires of one day share the words of every fire report (damkar, korsleting, api padam) and little
    else: held as one event, the read-out of a thread this small parts them, where the looser bar of a thread
    told hundreds of times would keep them together."""
    articles = _two_fires_of_one_day()
    grouper = grouping.StoryGrouper()
    items = {a.id: grouping.features(a, m) for a, m in zip(articles, grouping.article_meanings(articles), strict=True)}
    for item in items.values():
        grouper.vocabulary.count(item)
    members = list(items)
    small = grouping.for_thread_of(len(members), grouping.EVENT_COHESION)
    dense = grouping.for_thread_of(grouping.DENSE_THREAD, grouping.EVENT_COHESION)
    assert sorted(map(sorted, grouper.cohesive_parts(members, items, small))) == [["f1", "f2", "f3"], ["m1", "m2", "m3"]]
    assert grouper.cohesive_parts(members, items, dense) == [members]


def test_the_event_bar_falls_as_the_thread_grows():
    bars = [grouping.for_thread_of(size, grouping.EVENT_COHESION).least for size in (1, 10, 20, 35, 50, 500)]
    assert bars[0] == bars[1] == pytest.approx(grouping.EVENT_COHESION.least + grouping.SPARSE_EXTRA)
    assert bars[1] > bars[2] > bars[3] > bars[4]
    assert bars[4] == bars[5] == pytest.approx(grouping.EVENT_COHESION.least)


def test_an_english_report_is_compared_by_the_views_that_read_across_languages():
    """The words of an English and an Indonesian report of one quake share nothing; compared in them as if
    one language, the English one would look far less like its event's reports than it is."""
    articles = [
        _article("id1", "Gempa M 6,1 Guncang Majene, 34 Rumah Rusak Berat", QUAKE_ID, 8, 6),
        _article("id2", "Warga Majene Mengungsi ke Dataran Tinggi Usai Gempa", QUAKE_ID, 8, 9),
        _article("en1", "Magnitude 6.1 quake hits West Sulawesi, dozens of homes destroyed", QUAKE_EN, 8, 11, "en"),
    ]
    likeness = {}
    for told_as in ("en", "id"):
        grouper = grouping.StoryGrouper()
        told = [*articles[:2], replace(articles[2], language=told_as)]
        items = [grouping.features(a, m) for a, m in zip(told, grouping.article_meanings(told), strict=True)]
        for item in items:
            grouper.vocabulary.count(item)
        likeness[told_as] = grouper._pairwise_likeness(items, grouping.EVENT_COHESION)[2, :2]
    assert (likeness["en"] > likeness["id"] + 0.1).all()



def _likeness_on_arrival(told_as: str) -> float:
    """How like the Indonesian event of a quake its English report is as it arrives, labelled `told_as`."""
    articles = [
        _article("id1", "Gempa M 6,1 Guncang Majene, 34 Rumah Rusak Berat", QUAKE_ID, 8, 6),
        _article("id2", "Warga Majene Mengungsi ke Dataran Tinggi Usai Gempa", QUAKE_ID, 8, 9),
        _article("en1", "Magnitude 6.1 quake hits West Sulawesi, dozens of homes destroyed", QUAKE_EN, 8, 11, told_as),
    ]
    grouper = grouping.StoryGrouper()
    items = [grouping.features(a, m) for a, m in zip(articles, grouping.article_meanings(articles), strict=True)]
    event = grouper.add(items[0])
    grouper.add(items[1])
    grouper.vocabulary.count(items[2])
    vectors = grouper.vocabulary.vectors(items[2])
    return grouper._likeness(vectors, items[2], grouper.events[event], grouping.EVENT_WEIGHTS)[0]


def test_an_english_report_meets_an_indonesian_event_by_the_views_that_read_across_languages():
    """On arrival as in the read-out, an English report is compared with an Indonesian event by names and
    meaning only: its words share nothing with the event's and would only pull the likeness down. A report
    read as Malay shares the Indonesian words and is compared in all views."""
    assert _likeness_on_arrival("en") > _likeness_on_arrival("id") + 0.1
    assert _likeness_on_arrival("ms") == pytest.approx(_likeness_on_arrival("id"))


def test_a_time_of_day_is_no_name_but_a_figure_is():
    """Unrelated reports share a time of day (every first school day starts at 06.30), not a count."""
    names = grouping.names_and_figures("Siswa SMAN 1 Palangka Raya masuk pukul 06.30 WIB, dan 2.938 polisi berjaga "
                                       "sejak 19:00.")
    assert "0630" not in names and "1900" not in names
    assert {"2938", "palangka", "raya", "wib"} <= set(names)


def test_a_story_without_headlines_is_named_by_its_own_opening_words():
    untitled = [_article("a1", "", "- " + FLOOD, 6), _article("a2", "", FLOOD, 6, hour=11)]
    [story] = group_articles(untitled)
    assert story.title == "Banjir merendam 300 rumah di Kecamatan Sigi Biromaru setelah Sungai Gumbasa meluap"
    assert story.events[0].title == story.title


def test_a_headline_is_preferred_to_opening_words():
    articles = [_article("a1", "", FLOOD, 6), _article("a2", "Banjir Rendam 300 Rumah di Sigi", FLOOD, 6, hour=11)]
    [story] = group_articles(articles)
    assert story.title == "Banjir Rendam 300 Rumah di Sigi"


@pytest.mark.parametrize("teaser", ["Begini Kondisi Banjir di Sigi Sungai Gumbasa Meluap",
                                    "5 Fakta Banjir Rendam 300 Rumah di Sigi", "[POPULER NUSANTARA] Banjir di Sigi"])
def test_a_headline_that_says_what_happened_names_the_story_before_one_that_teases(teaser):
    articles = [_article("a1", teaser, FLOOD, 6), _article("a2", teaser, FLOOD, 6, hour=10),
                _article("a3", "Banjir Rendam 300 Rumah di Sigi", FLOOD, 6, hour=11)]
    [story] = group_articles(articles)
    assert story.title == "Banjir Rendam 300 Rumah di Sigi"


def test_an_article_without_headline_or_words_is_untitled_in_its_own_language():
    from kabar.stories.titles import headline_of

    assert headline_of(_article("a1", "", "  ", 6)) == "(tanpa judul)"
    assert headline_of(_article("a2", "", "", 6, language="en")) == "(untitled)"
