"""Telling a genre or a theme from one running story: service articles (tips, how-to pieces) sharing a topic
word, and reports of one programme in two provinces."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from kabar.model import Article
from kabar.stories import cluster as grouping
from kabar.stories.cluster import StoryGrouper, Vocabulary, features, group_articles, is_service
from kabar.stories.places import provinces_named

WIB = timezone(timedelta(hours=7))


def _article(article_id: str, title: str, text: str, day: int) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text, title=title, outlet="Warta Uji",
                   published=datetime(2025, 7, day, 10, tzinfo=WIB))


@pytest.mark.parametrize("title", ["Cara Membersihkan Filter AC Mobil di Rumah", "6 Tips Merawat AC agar Tetap Dingin",
                                   "Resep Nasi Goreng Kambing", "Begini Cara Mengecek Status Pendaftaran",
                                   "How to Keep a Portable AC Cool"])
def test_headlines_opening_with_advice_are_service(title):
    assert is_service(title)


@pytest.mark.parametrize("title", ["Ini Cara Imigrasi Memulangkan Buronan dari Australia",
                                   "Polisi Tangkap Pencuri AC di Bekasi", "Caravan Pengungsi Tiba di Perbatasan"])
def test_news_headlines_are_not_service(title):
    """"Cara" further in is as often an actor's way of doing a thing, which is news."""
    assert not is_service(title)


CABIN = ("Filter AC mobil menyaring debu dan serbuk sari sebelum udara masuk ke kabin. Filter yang kotor membuat "
         "AC mobil kurang dingin dan kabin berbau apek. Bengkel menyarankan filter diganti tiap 10.000 km.")
CHECK = ("AC mobil perlu diperiksa sebelum perjalanan jauh. Nyalakan mesin, rasakan hembusan AC mobil di kabin, "
         "dan dengarkan bunyi kompresor; bila AC mobil kurang dingin, periksa freon di bengkel resmi.")
PORTABLE = ("AC portable bisa tetap sejuk di kamar tanpa jendela. Arahkan selang pembuangan udara panas ke pintu "
            "atau ventilasi, tutup celahnya, dan bersihkan filter AC portable tiap dua pekan.")


def test_service_articles_sharing_only_their_topic_word_are_not_one_story(monkeypatch):
    """Tips for a car's air-conditioner and for a portable one share "AC" and "filter" and tell no
    development: the portable one stays apart, where without the service margin all three make one story."""
    tips = [_article("t1", "Cara Merawat Filter AC Mobil agar Kabin Sehat", CABIN, 14),
            _article("t2", "Cara Memastikan AC Mobil Berfungsi Baik", CHECK, 14),
            _article("t3", "Cara Membuat AC Portable Tetap Sejuk Tanpa Jendela", PORTABLE, 15)]
    assert sorted(s.articles for s in group_articles(tips)) == [["t1", "t2"], ["t3"]]
    monkeypatch.setattr(grouping, "SERVICE_MARGIN", 0.0)
    assert len(group_articles(tips)) == 1


JATIM = ("Dinas Pendidikan Jawa Timur memperpanjang pengambilan PIN SPMB SMA dan SMK hingga 20 Juni. Orang tua "
         "calon siswa antre di sekolah sejak pagi untuk mengambil PIN pendaftaran SPMB 2025.")
JAKARTA = ("Dinas Pendidikan DKI Jakarta membuka tahap pemilihan sekolah SPMB 2025. Orang tua calon siswa mendaftar "
           "di laman SPMB dan memilih sekolah hingga 20 Juni; panitia membuka posko bagi yang terkendala.")


def test_a_city_counts_for_its_province_and_an_island_for_none():
    assert provinces_named("Antrean PIN SPMB di Surabaya") == provinces_named("SPMB Jatim Diperpanjang")
    assert provinces_named("SPMB Jatim Diperpanjang") != provinces_named("SPMB Jakarta Dibuka")
    assert provinces_named("Hujan Lebat Landa Pulau Jawa") == frozenset()


def _likeness(first: Article, second: Article) -> float:
    items = [features(first), features(second)]
    vocabulary = Vocabulary()
    for item in items:
        vocabulary.count(item)
    return float(StoryGrouper(vocabulary)._pairwise_likeness(items, grouping.STORY_COHESION)[0, 1])


def test_reports_naming_different_provinces_need_the_place_margin_more(monkeypatch):
    """One programme in two provinces is two matters: the read-out counts the pair less alike by PLACE_MARGIN;
    a city and its province agree."""
    east_java = _article("j1", "Pengambilan PIN SPMB Jatim Diperpanjang", JATIM, 14)
    in_surabaya = _article("j2", "Pengambilan PIN SPMB di Surabaya Diperpanjang", JATIM, 14)
    in_jakarta = _article("j3", "Tahap Pemilihan Sekolah SPMB Jakarta Dibuka", JAKARTA, 16)
    conflicting, agreeing = _likeness(east_java, in_jakarta), _likeness(east_java, in_surabaya)
    margin = grouping.PLACE_MARGIN
    monkeypatch.setattr(grouping, "PLACE_MARGIN", 0.0)
    assert margin > 0
    assert conflicting == pytest.approx(_likeness(east_java, in_jakarta) - margin)
    assert agreeing == pytest.approx(_likeness(east_java, in_surabaya))
