"""Which event a sentence reports, who did it and when, and how reports of one thing group, on sentences
written for these tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from kabar.model import Article, Claim, ClaimGroup, Evidence, Story
from kabar.nlp import annotate, link_entities
from kabar.stories import analyze
from kabar.stories.analysis import StoryAnalysis
from kabar.stories.claims import figure_for_reader

WIB = timezone(timedelta(hours=7))


def _analysis(*texts: str) -> tuple[StoryAnalysis, dict[str, str]]:
    articles = [Article(id=f"n{number}", source=f"n{number}.txt", text=text, outlet=f"Harian {number}",
                        published=datetime(2024, 3, 10, 9, tzinfo=WIB)) for number, text in enumerate(texts)]
    docs = [annotate(article) for article in articles]
    entities = link_entities(docs)
    one_story = [Story("s-1", "", [article.id for article in articles])]  # these tests are about claims, not stories
    return analyze(docs, entities, stories=one_story), {e.id: e.name for e in entities}


def _groups_of(analysis: StoryAnalysis, event: str) -> list[ClaimGroup]:
    """The groups holding a claim tagged with this listed event (their topics are the articles' words)."""
    claims = {c.id: c for c in analysis.claims}
    return [g for g in analysis.groups if any(claims[c].extra.get("event") == event for c in g.claims)]


def _events(analysis: StoryAnalysis) -> list[Claim]:
    return [c for c in analysis.claims if c.kind == "event"]


@pytest.mark.parametrize(("text", "when", "clock"), [
    ("Gempa mengguncang Lombok pukul 18.05 WIB, Rabu (6/3/2024).", ("2024-03-06", "day"), "18:05+07:00"),
    ("Gempa mengguncang Lombok pada Rabu (6/3/2024) pukul 18.05 WIB.", ("2024-03-06", "day"), "18:05+07:00"),
    ("Kapal itu berlayar setiap Minggu pukul 07.00 WIB ke Lombok.", ("07:00+07:00", "minute"), None),
])
def test_an_event_is_dated_by_its_day_and_its_clock_time_rides_along(text: str, when: tuple[str, str],
                                                                      clock: str | None):
    [event] = _events(_analysis(text)[0])
    assert event.when is not None and (event.when.start, event.when.precision) == when
    assert event.extra.get("clock") == clock


def test_a_comma_or_colon_inside_a_number_does_not_end_the_clause():
    analysis, _ = _analysis("Defisit BPJS Kesehatan membengkak dari Rp 28,35 triliun menjadi Rp 32,84 triliun tahun ini.",
                            "Pesan berantai itu mulai menyebar sekitar pukul 00:00 WIB di media sosial.")
    deficit, message = _events(analysis)
    assert "Rp 28,35 triliun menjadi Rp 32,84 triliun" in deficit.text
    assert "pukul 00:00 WIB" in message.text


def test_an_event_is_timed_by_the_time_in_its_own_clause_not_by_an_earlier_one_in_its_sentence():
    analysis, _ = _analysis("Padahal ruko itu tutup sejak jam 5 sore, sedangkan saksi melihat api itu sekira pukul "
                            "18.10 WIB.")
    [event] = _events(analysis)
    assert event.when is not None and event.when.start.startswith("18:10")


def test_the_main_verb_names_the_event_not_a_verb_in_a_clause_after_it():
    analysis, _ = _analysis("Filipina pada Selasa (5/3/2024) memanggil duta besar Tiongkok untuk memprotes kapal "
                            "yang mengirim pasokan ke karang itu.")
    [event] = _events(analysis)
    assert event.extra["event"] == "summon ambassador"


def test_sending_weapons_is_a_supply_and_sending_soldiers_a_deployment():
    analysis, _ = _analysis("Iran mengirim ratusan drone dan rudal ke Rusia.", "Iran mengirim 200 tentara ke Suriah.")
    assert [c.extra["event"] for c in _events(analysis)] == ["supply weapons", "deploy troops"]


def test_the_agent_of_a_passive_verb_is_its_doer():
    analysis, names = _analysis("Senjata itu dikirim oleh Iran ke Rusia bulan lalu.")
    [event] = _events(analysis)
    assert names[event.subject] == "Iran"


def test_a_date_on_the_saying_does_not_date_the_event():
    analysis, _ = _analysis("Jepang telah meratifikasi perjanjian itu, kata kantor berita Kyodo pada hari Rabu (6/3/2024).")
    [event] = _events(analysis)
    assert event.extra["event"] == "ratify agreement"
    assert event.when is None


def test_a_speaker_does_not_own_the_figure_it_gives_nor_does_a_body_named_before_it():
    analysis, _ = _analysis("Jepang memperingatkan Tiongkok dan Kementerian Pertahanan Filipina mengatakan "
                            "sebanyak 300 tentara telah tiba di pulau itu.")
    [figure] = [c for c in analysis.claims if c.kind == "quantity"]
    assert figure.subject is None


def test_one_signing_reported_with_different_doers_is_one_group_and_a_different_month_conflicts():
    analysis, _ = _analysis(
        "Iran menandatangani perjanjian dagang dengan Rusia pada Maret 2024.",
        "Rusia menandatangani perjanjian dagang itu bersama Iran pada Maret 2024.",
        "Hubungan kedua negara ditunjukkan oleh penandatanganan perjanjian dagang pada Mei 2024.")
    [signing] = _groups_of(analysis, "sign agreement")
    assert len(signing.claims) == 3
    assert signing.status == "conflicting"
    assert signing.independent_sources == 3


def test_a_denial_naming_what_it_denies_disputes_that_group():
    analysis, _ = _analysis("Iran mengirim pasukan ke Suriah, kata Amerika Serikat.",
                            "Pejabat Rusia menepis kabar mengenai pasukan Iran tersebut.")
    [deployment] = _groups_of(analysis, "deploy troops")
    assert deployment.status == "disputed"
    assert not [g for g in _groups_of(analysis, "deny") if g is not deployment]


def test_an_outlet_retelling_the_source_it_credits_is_not_a_second_source():
    analysis, _ = _analysis("Iran memasok rudal ke Rusia, kata NATO. Sejak Januari, Iran juga memasok amunisi ke Rusia.")
    [supply] = _groups_of(analysis, "supply weapons")
    assert len(supply.claims) == 2
    assert supply.independent_sources == 1


def test_a_capital_acts_for_its_country():
    analysis, _ = _analysis("Moskow memasok rudal ke Suriah.", "Rusia memasok amunisi ke Suriah, kata NATO.")
    [supply] = _groups_of(analysis, "supply weapons")
    assert {c.id for c in _events(analysis)} <= set(supply.claims)
    assert {row["outlet"] for row in supply.values} == {"Harian 0", "Harian 1"}


def test_a_cited_source_is_not_the_doer_but_a_body_speaking_for_itself_is():
    analysis, names = _analysis("Menurut Kementerian Pertahanan Ukraina, pasukan itu terlibat bentrokan di perbatasan.",
                                "Kementerian Luar Negeri Jepang mengatakan telah memanggil duta besar Tiongkok.")
    cited, speaking = _events(analysis)
    assert cited.extra["event"] == "clash" and cited.subject is None
    assert names[speaking.subject] == "Kementerian Luar Negeri Jepang"


def test_those_who_deny_a_claim_are_not_counted_among_its_sources():
    analysis, names = _analysis(
        "Menurut intelijen Ukraina, Iran mengirim ratusan drone ke Rusia.",
        "Iran mengirim ratusan drone ke Rusia, kata Menteri Pertahanan Inggris Grant Shapps.",
        "Iran membantah mengirim drone ke Rusia.",
    )
    [supply] = _groups_of(analysis, "supply weapons")
    assert supply.status == "disputed"
    assert supply.independent_sources == 2


def test_a_place_in_a_phrase_before_a_passive_verb_is_not_its_doer():
    analysis, names = _analysis("Kapal itu kini bersandar di pangkalan angkatan laut Rusia dan segera dikirim ke Laut Merah.")
    [event] = _events(analysis)
    assert event.extra["event"] == "deploy troops" and event.subject is None


def test_the_party_of_an_event_noun_follows_it():
    analysis, names = _analysis(
        "Citra satelit menunjukkan kedatangan 800 tentara Iran di Latakia.",
        "Menteri itu membahas isu tersebut dalam pertemuan dengan duta besar Turki.",
    )
    arrival, meeting = _events(analysis)
    assert arrival.extra["event"] == "arrive" and names[arrival.subject] == "Iran"
    assert meeting.extra["event"] == "meet" and (meeting.subject is None or names[meeting.subject] != "Turki")


def test_claims_from_any_clause_are_labelled_in_the_articles_own_words():
    texts = ("Komisi Pemberantasan Korupsi menahan asisten pribadi menteri itu pada Rabu malam.",
             "Asisten pribadi menteri itu ditahan Komisi Pemberantasan Korupsi, Rabu malam.")
    analysis, _ = _analysis(*texts)
    [detention] = [g for g in analysis.groups if len(g.values) == 2]
    assert any(detention.topic in text for text in texts)
    assert detention.status == "corroborated"


def test_one_agency_repeated_by_outlets_is_one_source_and_other_provinces_are_other_counts():
    analysis, _ = _analysis(
        "Polisi menetapkan 42 tersangka di Riau, kata Dedi Prasetyo.",
        "Sebanyak 42 tersangka ditetapkan di Riau.",
        "Polisi juga menetapkan 45 tersangka di Kalimantan Tengah.")
    [riau] = [g for g in analysis.groups if "42" in g.topic]
    assert len({row["article"] for row in riau.values}) == 2
    assert riau.independent_sources == 1 and riau.status == "single-source"
    assert all("45" not in row["value"] for row in riau.values)


def test_the_brief_always_gives_the_headline_figure_with_its_source():
    analysis, _ = _analysis(
        "Banjir merendam kota itu sejak Senin pagi. Warga mengungsi ke masjid dan sekolah terdekat.",
        "Sebanyak 120 rumah terendam banjir, kata BPBD. Air mulai surut pada Selasa sore.",
        "BPBD mencatat 120 rumah terendam banjir di tiga kecamatan. Warga diminta tetap waspada.")
    assert any("120 rumah" in sentence.text and "BPBD" in sentence.text for sentence in analysis.brief)
    assert all(sentence.citations for sentence in analysis.brief)


def test_the_same_event_told_with_another_time_is_one_conflicting_group():
    analysis, _ = _analysis("Upacara pemakaman mantan presiden itu dimulai pukul 14.00 WIB di taman makam pahlawan.",
                            "Upacara pemakaman mantan presiden itu dimulai pukul 13.30 WIB di taman makam pahlawan.")
    [funeral] = [g for g in analysis.groups if len(g.values) == 2]
    assert funeral.status == "conflicting"
    assert "14.00" in funeral.note and "13.30" in funeral.note


def test_a_copy_placed_in_another_story_than_its_original_is_still_grouped():
    """A repost can land in another story than the report it copies; its claims are grouped with what that
    story holds, crediting the copied report, instead of failing on an article the story does not have."""
    report = ("Banjir merendam 120 rumah warga di Kecamatan Sukamaju pada Minggu (10/3/2024). Air setinggi "
              "satu meter masuk ke permukiman sejak pagi dan warga mengungsi ke balai desa terdekat.")
    articles = [Article(id=f"n{number}", source=f"n{number}.txt", text=text, outlet=f"Harian {number}",
                        published=datetime(2024, 3, 10, 9, tzinfo=WIB))
                for number, text in enumerate([report, report, "Harga beras naik menjadi Rp 15.000 per kilogram."])]
    docs = [annotate(article) for article in articles]
    stories = [Story("s-1", "", ["n0"]), Story("s-2", "", ["n1", "n2"])]
    analysis = analyze(docs, link_entities(docs), stories=stories)
    assert analysis.duplicates["n1"][0] == "n0"
    [second] = [section for section in analysis.sections if section.story.id == "s-2"]
    assert any(c.kind == "quantity" and c.evidence[0].article == "n1" for c in second.claims)


def _dated_analysis(*dated: tuple[int, str]) -> StoryAnalysis:
    """Articles published on the given days of March 2024, one outlet each."""
    articles = [Article(id=f"d{number}", source=f"d{number}.txt", text=text, outlet=f"Harian {number}",
                        published=datetime(2024, 3, day, 9, tzinfo=WIB)) for number, (day, text) in enumerate(dated)]
    docs = [annotate(article) for article in articles]
    return analyze(docs, link_entities(docs), stories=[Story("s-1", "", [a.id for a in articles])])


def _compared(analysis: StoryAnalysis) -> list[ClaimGroup]:
    """Groups told by more than one article."""
    return [g for g in analysis.groups if len({row["article"] for row in g.values}) > 1]


def _compared_holding(kind: str, *texts: str) -> list[ClaimGroup]:
    """The groups compared across the texts' outlets that hold a claim of this kind."""
    analysis, _ = _analysis(*texts)
    kinds = {claim.id: claim.kind for claim in analysis.claims}
    return [g for g in _compared(analysis) if any(kinds[c] == kind for c in g.claims)]


def test_outlets_telling_an_uncredited_count_in_their_own_words_each_witness_it():
    analysis, _ = _analysis("Pemerintah Malaysia telah membagikan 500.000 masker di Sarawak pada Rabu.",
                            "Malaysia membagikan sebanyak 500.000 masker kepada warga Sarawak.")
    [masks] = _compared(analysis)
    assert masks.independent_sources == 2 and masks.status == "corroborated"


def test_outlets_giving_the_same_uncredited_measurement_took_it_from_one_source():
    analysis, _ = _analysis("Gempa bumi berkekuatan magnitudo 5,2 mengguncang Kabupaten Garut pada Rabu pagi.",
                            "Kabupaten Garut diguncang gempa magnitudo 5,2 pada Rabu.")
    [magnitude] = _compared(analysis)
    assert magnitude.independent_sources == 1 and magnitude.status == "single-source"


@pytest.mark.parametrize("counted", ["tersangka", "pelanggar", "saksi"])
def test_outlets_giving_the_same_uncredited_count_of_an_authoritys_acts_took_it_from_that_authority(counted: str):
    """Suspects named, offenders ticketed, witnesses heard: only the police or the prosecutors count them."""
    analysis, _ = _analysis(f"Dalam operasi pekan ini tercatat 963 {counted} di wilayah Jakarta Barat.",
                            f"Sebanyak 963 {counted} didata di wilayah Jakarta Barat selama sepekan.")
    [count] = _compared(analysis)
    assert count.independent_sources == 1 and count.status == "single-source"


def test_an_uncredited_figure_one_outlet_quotes_is_the_speaker_s_alone():
    analysis, _ = _analysis("Sebanyak 134 juta jiwa peserta iurannya dibayarkan oleh APBN dan APBD.",
                            '"Dengan demikian, ada 134 juta jiwa yang iurannya dibayarkan oleh APBN dan APBD," '
                            "ujar Kepala Biro Komunikasi itu di Jakarta.")
    [members] = _compared(analysis)
    assert members.independent_sources == 1 and members.status == "single-source"


def test_an_event_every_outlet_tells_only_late_in_its_article_is_background_not_compared():
    queue = ("Antrean kendaraan mengular di sejumlah stasiun pengisian.",
             "Kendaraan mengantre panjang di banyak stasiun pengisian.")
    news = ("Pemerintah menaikkan harga bahan bakar minyak mulai Sabtu dini hari. Sopir angkutan kota di Bandung "
            "mengeluhkan kenaikan itu.",
            "Mulai Sabtu dini hari, harga bahan bakar minyak naik. Para sopir angkot di Bandung mengeluh.")

    def compared_queues(*texts: str) -> list[ClaimGroup]:
        analysis, _ = _analysis(*texts)
        return [g for g in _compared(analysis) if "stasiun pengisian" in g.topic]

    assert len(compared_queues(f"{queue[0]} {news[0]}", f"{queue[1]} {news[1]}")) == 1
    assert compared_queues(f"{news[0]} {queue[0]}", f"{news[1]} {queue[1]}") == []


def test_an_event_every_outlet_tells_only_past_the_first_third_of_its_article_is_background():
    queue = ("Antrean kendaraan mengular di sejumlah stasiun pengisian.",
             "Kendaraan mengantre panjang di banyak stasiun pengisian.")
    news = (("Pemerintah menaikkan harga bahan bakar minyak mulai Sabtu dini hari.",
             "Sopir angkutan kota di Bandung mengeluhkan kenaikan itu.",
             "Menteri Energi menyebut harga lama tidak lagi menutup biaya impor minyak mentah."),
            ("Mulai Sabtu dini hari, harga bahan bakar minyak naik.",
             "Para sopir angkot di Bandung mengeluh.",
             "Menurut Menteri Energi, harga lama sudah tidak menutup biaya impor minyak mentah."))

    def compared_queues(second_sentence: bool) -> list[ClaimGroup]:
        """The queue told right after the lead (a quarter into each article), or a sentence later (two fifths in)."""
        texts = [" ".join([lead, told, complaint, minister] if not second_sentence else [lead, complaint, told, minister])
                 for told, (lead, complaint, minister) in zip(queue, news, strict=True)]
        analysis, _ = _analysis(*texts)
        return [g for g in _compared(analysis) if "stasiun pengisian" in g.topic]

    assert len(compared_queues(second_sentence=False)) == 1
    assert compared_queues(second_sentence=True) == []


def test_a_figure_every_outlet_gives_only_in_its_last_third_is_background_but_one_in_its_middle_is_compared():
    deficit = ("Defisit BPJS Kesehatan pada 2015 tercatat Rp 9,4 triliun.",
               "Pada 2015 BPJS Kesehatan mengalami defisit Rp9,4 triliun.")
    news = ("Pemerintah menaikkan iuran BPJS Kesehatan kelas 1 mulai Januari. Kenaikan itu diputuskan dalam rapat "
            "kabinet di Istana. Menteri Keuangan menyebut iuran lama tidak lagi menutup biaya layanan.",
            "Iuran BPJS Kesehatan kelas 1 naik mulai Januari. Keputusan diambil dalam rapat kabinet di Istana. "
            "Menurut Menteri Keuangan, iuran lama sudah tidak menutup biaya layanan rumah sakit.")

    def compared_deficits(*texts: str) -> list[ClaimGroup]:
        analysis, _ = _analysis(*texts)
        return [g for g in _compared(analysis) if any("9.400.000.000.000" in row["value"] for row in g.values)]

    first, rest = (news[0].split(". ", 1), news[1].split(". ", 1))
    assert len(compared_deficits(f"{first[0]}. {deficit[0]} {first[1]}", f"{rest[0]}. {deficit[1]} {rest[1]}")) == 1
    assert compared_deficits(f"{news[0]} {deficit[0]}", f"{news[1]} {deficit[1]}") == []


def test_a_speaker_and_the_body_in_their_title_are_one_source():
    analysis, _ = _analysis(
        "KPK menetapkan 12 tersangka dalam kasus suap itu, kata KPK dalam keterangannya.",
        "Juru bicara KPK Febri Diansyah mengatakan pihaknya menetapkan 12 tersangka dalam kasus suap itu.")
    [suspects] = [g for g in _compared(analysis) if "12" in g.topic]
    assert {row["source"] for row in suspects.values} == {"Komisi Pemberantasan Korupsi", "Febri Diansyah"}
    assert suspects.independent_sources == 1


def test_a_claim_everyone_denies_counts_those_who_deny_it():
    analysis, _ = _analysis("Kabar bahwa mantan presiden itu meninggal dunia tidak benar, kata Rubijanto.",
                            "Rubijanto menegaskan kabar mantan presiden itu meninggal dunia tidak benar.")
    denial = [g for g in _compared(analysis) if all(row["stance"] == "denied" for row in g.values)]
    assert denial and all(g.independent_sources == 1 for g in denial)


def test_figures_given_only_as_a_magnitude_word_are_not_compared():
    analysis, _ = _analysis("Polisi telah menetapkan ratusan tersangka kebakaran hutan.",
                            "Ratusan tersangka kebakaran hutan telah ditetapkan polisi.")
    assert not [g for g in _compared(analysis) if "ratusan" in g.topic.lower()]


def test_outlets_quoting_the_same_words_are_compared_only_where_the_words_give_a_figure_they_differ_on():
    analysis, _ = _analysis(
        '"Kami mohon doa dari seluruh masyarakat," kata juru bicara keluarga Rubijanto di Jakarta.',
        '"Kami mohon doa dari seluruh masyarakat," ujar juru bicara keluarga Rubijanto.')
    assert not _compared(analysis)
    analysis, _ = _analysis(
        '"Jenazah akan dimakamkan pukul 14.00 WIB," kata juru bicara keluarga Rubijanto di Jakarta.',
        '"Jenazah akan dimakamkan pukul 14.00 WIB," ujar juru bicara keluarga Rubijanto.')
    assert not _compared(analysis)  # one recording repeated, and nobody got its time wrong
    analysis, _ = _analysis(
        '"Jenazah akan dimakamkan pukul 14.00 WIB," kata juru bicara keluarga Rubijanto di Jakarta.',
        '"Jenazah akan dimakamkan pukul 15.00 WIB," ujar juru bicara keluarga Rubijanto.')
    assert _compared(analysis)


def test_an_event_told_with_a_figure_in_its_clause_is_compared_as_that_figure():
    analysis, _ = _analysis("Pemerintah Malaysia telah membagikan 500.000 masker di Sarawak pada Rabu.",
                            "Malaysia membagikan sebanyak 500.000 masker kepada warga Sarawak.")
    [masks] = _compared(analysis)
    assert {claim.kind for claim in analysis.claims if claim.id in masks.claims} == {"quantity"}


def test_a_detention_period_is_a_figure_compared_across_outlets():
    analysis, _ = _analysis("KPK menahan Ulum selama 20 hari pertama di rutan cabang KPK.",
                            "Ulum ditahan 20 hari pertama di Rumah Tahanan KPK.")
    assert [g for g in _compared(analysis) if "20" in g.topic]


def test_one_owners_count_reported_on_later_days_is_one_group_two_counts_of_one_day_are_not():
    analysis = _dated_analysis(
        (10, "Badan intelijen menyebut sekitar 1.500 tentara Korea Utara sudah berada di Rusia."),
        (14, "Presiden Ukraina mengatakan Korea Utara sedang melatih 10.000 tentara Korea Utara untuk Rusia."),
        (20, "Jumlah itu kini mencapai 12.000 tentara Korea Utara, menurut pejabat Amerika."))
    [troops] = _compared(analysis)
    assert len(troops.values) == 3 and troops.status == "evolving"
    analysis = _dated_analysis((10, "Polda Kalbar menetapkan 54 tersangka perorangan di Kalimantan Barat."),
                               (10, "Di Kalimantan Barat juga ada 2 tersangka korporasi."))
    assert not [g for g in _compared(analysis) if "54" in g.topic]


def test_a_verb_after_a_figure_is_not_what_it_counts():
    analysis, _ = _analysis("Gempa bermagnitudo 5,7 mengguncang Kabupaten Talaud pada Rabu pagi.")
    assert all((c.quantity or {}).get("unit") != "mengguncang" for c in analysis.claims)


def test_an_event_two_outlets_tell_is_corroborated_though_they_credit_one_spokesperson():
    analysis, _ = _analysis(
        "Juru bicara KPK Febri Diansyah mengatakan KPK menahan asisten pribadi menteri itu di Rutan KPK.",
        "Asisten pribadi menteri itu ditahan di Rutan KPK usai pemeriksaan.")
    [detention] = [g for g in _compared(analysis) if "menahan" in g.topic]
    assert detention.status == "corroborated" and detention.independent_sources == 1
    # the note says why one independent source is corroborated, rather than seem to contradict the status
    assert detention.note.startswith("Diberitakan 2 media, masing-masing dari liputannya sendiri, meski bermuara "
                                     "pada 1 sumber independen.")


def test_an_event_told_in_articles_built_on_one_spokespersons_briefing_is_that_source_once():
    leads = ("Komisi Pemberantasan Korupsi (KPK) menetapkan pengusaha Budi Santoso sebagai tersangka baru kasus suap "
             "izin reklamasi di Kepulauan Riau.",
             "KPK resmi menetapkan Budi Santoso, seorang pengusaha, sebagai tersangka dalam perkara suap izin "
             "reklamasi Kepulauan Riau.")
    briefing = (" Juru bicara KPK Febri Diansyah mengatakan penyidik telah memeriksa sebelas saksi dalam perkara itu."
                " Febri Diansyah juga mengatakan tersangka diduga memberi uang kepada gubernur."
                " Menurut Febri Diansyah, tersangka akan dipanggil pekan depan.")
    [briefed] = _compared(_analysis(*(lead + briefing for lead in leads))[0])
    [witnessed] = _compared(_analysis(*leads)[0])
    assert "menetapkan" in briefed.topic and briefed.independent_sources == 1
    assert witnessed.independent_sources == 2  # with no briefing behind them, each outlet tells what it saw


def test_two_outlets_wording_a_short_fact_alike_each_witness_it_rather_than_copy_one_release():
    [cause] = _compared(_analysis("Kebakaran dipicu korsleting listrik.",
                                  "Kebakaran diduga dipicu korsleting listrik.")[0])
    assert cause.independent_sources == 2 and cause.status == "corroborated"


def test_only_claims_that_could_match_another_are_encoded(monkeypatch):
    from kabar.stories import groups

    encoded: list[str] = []

    def recording(texts: list[str]):  # noqa: ANN202 - the encoder's own array
        encoded.extend(texts)
        return embeddings(texts)

    from kabar.stories.meaning import embeddings
    monkeypatch.setattr(groups, "embeddings", recording)
    analysis, _ = _analysis("Polisi menangkap tiga tersangka pencurian di Bandung pada Senin.",
                            "Pada Senin, polisi di Bandung menangkap tiga tersangka kasus pencurian motor.",
                            "Gubernur meresmikan jembatan baru di Surabaya.")
    assert any("menangkap" in text for text in encoded)
    assert not any("jembatan" in text for text in encoded)
    assert any(len(g.claims) == 2 for g in analysis.groups)


def test_the_stem_lookup_misses_no_pair_that_shares_enough_stems():
    import random

    from kabar.stories.groups import _sharing_stems

    rng = random.Random(7)
    words = [f"w{n}" for n in range(12)]
    sets = [frozenset(rng.sample(words, rng.randint(0, 8))) for _ in range(120)]
    found = dict(_sharing_stems(sets, 0.3))
    for later, second in enumerate(sets):
        for first in range(later):
            union = sets[first] | second
            if union and len(sets[first] & second) / len(union) >= 0.3:
                assert first in found[later]
    assert sum(map(len, found.values())) < len(sets) * (len(sets) - 1) / 2  # and it leaves some pairs out


def test_an_event_outlets_print_in_one_releases_words_is_one_report_not_a_comparison():
    copied = "Pihak aparat setempat memastikan kawasan terdampak kebakaran hutan sudah steril dari pendaki."
    analysis, _ = _analysis(copied, copied.replace("kebakaran hutan ", ""))
    assert not [g for g in _compared(analysis) if "steril" in g.topic]
    analysis, _ = _analysis(copied, "Petugas menyisir lereng gunung dan tidak menemukan pendaki yang tertinggal.")
    assert not _compared(analysis)  # two different things are not compared either
    analysis, _ = _analysis(copied, "Aparat memastikan tak ada lagi pendaki di area yang terbakar, steril sepenuhnya.")
    assert all(g.status == "corroborated" for g in _compared(analysis) if "steril" in g.topic)


def test_a_copied_event_one_outlet_prints_without_a_number_is_still_one_report_but_another_number_differs():
    copied = "Truk tanah itu menabrak mobil-mobil yang terparkir di tepi jalan di Sektor 9 Bintaro."
    analysis, _ = _analysis(copied, copied.replace(" di Sektor 9 Bintaro", ""))
    assert not [g for g in _compared(analysis) if "Truk tanah" in g.topic]
    analysis, _ = _analysis(copied, copied.replace("Sektor 9", "Sektor 7"))
    assert [g for g in _compared(analysis) if "Truk tanah" in g.topic]  # one outlet got the number wrong


def test_a_number_spelled_out_in_one_copy_and_in_digits_in_another_is_the_same_number():
    quote = ('"KPK melakukan pelarangan ke luar negeri terhadap Anggota DPR itu selama {} bulan ke depan terhitung '
             'Selasa, 10 September 2019," kata juru bicara KPK Febri Diansyah di Jakarta.')

    def compared_bans(first: str, second: str) -> list[ClaimGroup]:
        analysis, _ = _analysis(quote.format(first), quote.format(second))
        return [g for g in _compared(analysis) if "pelarangan" in g.topic]

    assert compared_bans("enam", "6") == []  # one release, copied
    assert len(compared_bans("enam", "tujuh")) == 1  # one outlet got the number wrong


def test_a_figure_outlets_print_in_one_releases_words_is_one_report_not_a_comparison():
    copied = "Izin itu untuk pembangunan resort dengan luas sekitar 10,2 hektare di Pulau Bintan."
    analysis, _ = _analysis(copied, copied.replace("Pulau ", ""))
    assert not [g for g in _compared(analysis) if "hektare" in g.topic]
    analysis, _ = _analysis(copied, copied.replace("10,2", "12"))  # two values: outlets may have got one wrong
    assert [g for g in _compared(analysis) if "hektare" in g.topic]


def test_one_reports_two_figures_in_one_unit_count_two_things():
    analysis, _ = _analysis(
        "Iuran BPJS Kesehatan kelas 1 naik dari Rp80.000 menjadi Rp160.000, kelas 2 dari Rp51.000 menjadi Rp110.000 dan kelas 3 "
        "dari Rp25.500 menjadi Rp42.000.",
        "Untuk kelas 3, usulan kenaikan iuran BPJS Kesehatan adalah dari Rp25.500 menjadi Rp42.000.")
    for group in analysis.groups:
        by_article: dict[str, set[str]] = {}
        for row in group.values:
            by_article.setdefault(row["article"], set()).add(row["value"])
        assert all(len(values) == 1 for values in by_article.values()), group.values


def test_an_amount_converted_into_another_currency_is_the_amount_once_not_a_figure_of_its_own():
    for sentence in ("Pengadilan Paris menjatuhkan denda 10.000 euro (sekira Rp154 juta) kepada sang putri.",
                     "Perusahaan itu membayar USD 400 juta atau setara Rp 5,6 triliun kepada negara."):
        analysis, _ = _analysis(sentence)
        assert len([c for c in analysis.claims if c.kind == "quantity"]) == 1, sentence
    analysis, _ = _analysis("Iuran naik dari Rp80.000 menjadi Rp160.000, atau USD 5 menjadi USD 10 (Rp140.000).")
    assert len([c for c in analysis.claims if c.kind == "quantity"]) == 4  # "(Rp140.000)" converts USD 10


def test_a_number_that_names_or_gives_an_age_is_not_a_figure():
    analysis, _ = _analysis("Saepudin (48), guru SDN Cilincing 07 Pagi, dijerat UU Nomor 31 Tahun 1999.")
    assert not [c for c in analysis.claims if c.kind == "quantity"]
    analysis, _ = _analysis("Sebanyak 48 guru SDN Cilincing mengeluhkan asap.")
    assert [c for c in analysis.claims if c.kind == "quantity"]


def test_a_quotation_whose_numbers_are_its_articles_figures_is_compared_as_those_figures():
    quote = ('"Kalau untuk luasan sampai saat ini kisarannya sekitar 100 sampai 150 hektare," kata Kepala Balai '
             'Junita.')
    # two outlets' own narration around one quotation (an article printed twice word for word is one report)
    analysis, _ = _analysis(f"Api melahap sekitar 150 hektare hutan. {quote}",
                            f"Sekitar 150 hektare hutan di lereng gunung itu sudah terbakar. {quote}")
    compared = _compared(analysis)
    assert compared and all(
        {c.kind for c in analysis.claims if c.id in group.claims} == {"quantity"} for group in compared)


def test_one_person_named_in_full_and_in_part_is_one_source_speaking_for_their_body():
    analysis, _ = _analysis(
        "Juru bicara KPK Febri Diansyah mengatakan pihaknya telah memeriksa 12 saksi dalam kasus itu.",
        "Menurut Febri, penyidik sudah memeriksa 12 saksi kasus itu pada Senin.")
    [witnesses] = [g for g in _compared(analysis) if "12" in g.topic]
    assert {row["source"] for row in witnesses.values} == {"Febri Diansyah", "Febri"}
    assert witnesses.independent_sources == 1


def test_a_title_after_the_speaker_names_the_body_they_speak_for():
    analysis, _ = _analysis(
        "Kecelakaan itu melibatkan 3 kendaraan kecil, kata Dwi Winarsa, General Manager PT Jasa Marga.",
        "Juru bicara PT Jasa Marga Heru Santoso mengatakan kecelakaan itu melibatkan 3 kendaraan kecil.")
    [vehicles] = [g for g in _compared(analysis) if "3" in g.topic]
    assert vehicles.independent_sources == 1
    analysis, _ = _analysis(
        "Kecelakaan itu melibatkan 3 kendaraan kecil, kata Dwi Winarsa, di kantor PT Jasa Marga.",
        "Juru bicara PT Jasa Marga Heru Santoso mengatakan kecelakaan itu melibatkan 3 kendaraan kecil.")
    [vehicles] = [g for g in _compared(analysis) if "3" in g.topic]
    assert vehicles.independent_sources == 2  # where one speaks is not whom they speak for


def test_an_event_every_outlet_credits_to_one_spokesperson_is_single_source():
    analysis, _ = _analysis(
        "Juru bicara KPK Febri Diansyah mengatakan KPK menahan asisten pribadi menteri itu di Rutan KPK.",
        "Asisten pribadi menteri itu ditahan di Rutan KPK usai pemeriksaan, kata Febri Diansyah.")
    [detention] = [g for g in _compared(analysis) if "menahan" in g.topic]
    assert detention.status == "single-source" and detention.independent_sources == 1


def test_a_number_plate_or_a_lane_number_is_not_a_figure():
    analysis, _ = _analysis("Mobil bernopol AE 567 SC itu melintang di lajur 2.")
    assert not [c for c in analysis.claims if c.kind == "quantity"]


def test_one_owners_different_counts_of_one_day_in_unlike_words_are_two_counts():
    analysis = _dated_analysis(
        (12, "KPK menetapkan satu tersangka baru dari pihak swasta dalam kasus suap izin reklamasi."),
        (12, "Sebelumnya KPK telah menetapkan tiga tersangka lainnya, termasuk seorang gubernur."))
    assert not [g for g in _compared(analysis) if any("tersangka" in v["value"] for v in g.values)]


def _figure_groups(analysis: StoryAnalysis, unit: str) -> list[ClaimGroup]:
    claims = {c.id: c for c in analysis.claims}
    return [g for g in analysis.groups if (claims[g.claims[0]].quantity or {}).get("unit") == unit]


def test_two_outlets_giving_one_distance_differently_are_compared_and_a_depth_stays_apart():
    analysis, _ = _analysis("Pusat gempa berjarak 14 km tenggara Kota Sorong dengan kedalaman 10 km.",
                            "Gempa terjadi di darat pada jarak 5 km arah barat Kota Sorong.")
    groups = _figure_groups(analysis, "km")
    [distance] = [g for g in groups if len(g.claims) > 1]
    assert {v["value"] for v in distance.values} == {"14 km", "5 km"}
    assert distance.status == "conflicting"
    assert any(v["value"] == "10 km" for g in groups if g is not distance for v in g.values)


def test_a_height_written_a_few_units_apart_the_next_day_conflicts_rather_than_evolves():
    analysis = _dated_analysis((12, "Gunung Lawu berketinggian sekitar 3.265 meter di atas permukaan laut."),
                                  (13, "Gunung Lawu dengan ketinggian 3.262 meter itu ditutup untuk pendaki."))
    [height] = _figure_groups(analysis, "meter")
    assert len(height.claims) == 2
    assert height.status == "conflicting"


def test_lengths_from_one_place_are_compared_and_a_distance_given_larger_later_conflicts():
    analysis = _dated_analysis((11, "Tungku pembakaran itu berlokasi sekitar 50 meter dari sekolah warga."),
                               (13, "Tungku pembakaran arang itu hanya berjarak sekitar 200 meter dari sekolah."))
    [distance] = _figure_groups(analysis, "meter")
    assert len(distance.claims) == 2
    assert distance.status == "conflicting"


def test_a_burnt_area_given_larger_the_next_day_still_evolves():
    analysis = _dated_analysis((11, "Api sejak Senin menghanguskan 40 hektare hutan lindung di lereng utara."),
                               (12, "Api yang belum padam telah menghanguskan 90 hektare hutan lindung."))
    [area] = _figure_groups(analysis, "ha")
    assert len(area.claims) == 2
    assert area.status == "evolving"


def test_a_copy_of_any_of_an_outlets_tellings_is_that_telling_again():
    from kabar.stories.groups import _own_tellings

    articles = {name: Article(id=name, source=f"{name}.txt", text="", outlet=outlet,
                              published=datetime(2024, 3, day, 9, tzinfo=WIB))
                for name, outlet, day in (("a", "Harian A", 10), ("b", "Harian B", 11))}

    def claim(number: int, article: str, clause: str) -> Claim:
        return Claim(f"c{number}", "event", clause, None, "asserted", [Evidence(article, 0, len(clause), clause)],
                     extra={"clause": clause})

    short = claim(1, "a", "Dinas melaporkan jalur yang ditutup melalui Wekas")
    listed = claim(2, "a", "jalur yang ditutup melalui Wekas, Getasan, Salatiga, Magelang dan Boyolali")
    copied = claim(3, "b", "jalur yang ditutup melalui Wekas, Getasan, Salatiga, Magelang dan Boyolali")
    assert len(_own_tellings([short, listed, copied], articles)) == 1


def test_the_very_same_specific_figure_is_one_fact_however_each_report_words_it_but_a_round_one_is_not():
    def compared_amounts(amount: str) -> list[ClaimGroup]:
        analysis, _ = _analysis(f"Hakim meyakini Ending telah memberikan uang Rp {amount} kepada pihak Kemenpora.",
                                f"Jaksa KPK menyebut Miftahul Ulum menerima Rp{amount} dari Sekjen KONI.")
        return [g for g in _compared(analysis) if "miliar" in g.topic]

    assert len(compared_amounts("11,5 miliar")) == 1
    assert compared_amounts("10 miliar") == []


def test_nearly_the_same_specific_figure_of_one_named_thing_is_one_count_told_differently():
    members = "Peserta itu terdiri dari {} juta penduduk tidak mampu (PBI) yang iurannya dibayar Pemerintah Pusat."
    other = "Saat ini, yang mendapat subsidi dari pemerintah atau Penerima Bantuan Iuran ({}) BPJS mencapai {} juta jiwa."
    [slip] = _compared_holding("quantity", members.format("96,6"), other.format("PBI", "96,8"))
    assert slip.status == "conflicting"
    assert _compared_holding("quantity", members.format("96,6"), other.format("PBI", "90,8")) == []  # further off
    assert _compared_holding("quantity", members.format("96,6"), other.format("JKN", "96,8")) == []  # another name
    timed = "Hingga pukul 10.00 WIB, sebanyak {} juta orang telah mendaftar."
    assert _compared_holding("quantity", timed.format("96,6"), "Pada pukul 12.00 WIB, tercatat {} juta orang antre."
                             .format("96,8")) == []  # a time zone names nothing counted


@pytest.mark.parametrize(("doubter", "status"), [
    ("Basuki Hadimuljono", "single-source"),  # the minister telling the plan is unsure of its budget: no dispute
    ("Gubernur Papua Lukas Enembe", "disputed"),  # another party cannot confirm it
])
def test_a_source_doubting_a_detail_of_its_own_claim_does_not_dispute_it(doubter: str, status: str):
    analysis, _ = _analysis(
        "Menteri Pekerjaan Umum Basuki Hadimuljono mengatakan pemerintah akan membangun istana kepresidenan di Papua.",
        "Basuki Hadimuljono menambahkan pemerintah akan membangun istana kepresidenan di Papua. "
        f"{doubter} belum memastikan jumlah dana yang dianggarkan untuk pembangunan istana kepresidenan di Papua.")
    [palace] = [g for g in analysis.groups if len(g.claims) > 2]
    assert palace.status == status


def test_a_head_count_in_orang_and_one_naming_the_people_count_the_same_people_two_kinds_of_people_do_not():
    [dead] = _compared_holding("quantity", "Kecelakaan bus di Nganjuk menyebabkan tiga orang tewas.",
                               "Kecelakaan bus di Nganjuk mengakibatkan tiga korban tewas.")
    assert len(dead.values) == 2
    [suspects] = _compared_holding(
        "quantity", "Polisi telah menetapkan tujuh orang sebagai tersangka pembakaran hutan di Riau.",
        "Di Riau, tujuh individu telah ditetapkan polisi sebagai tersangka pembakaran hutan.")
    assert len(suspects.values) == 2
    assert _compared_holding("quantity", "Kecelakaan bus di Nganjuk mengakibatkan tiga tersangka ditahan.",
                             "Kecelakaan bus di Nganjuk mengakibatkan tiga korban tewas.") == []


def test_a_listed_event_told_in_a_figures_clause_is_compared_as_the_figure_unless_it_is_denied():
    sent = ("Sebanyak 10 unit mobil pemadam kebakaran dikerahkan untuk memadamkan api di apartemen itu.",
            "Petugas langsung mengerahkan 10 unit mobil pemadam kebakaran ke apartemen itu.")
    assert _compared_holding("event", *sent) == []
    doubted = ("Polisi belum dapat mengonfirmasi bahwa 10 unit mobil pemadam kebakaran dikerahkan ke apartemen itu.",
               "Polisi belum bisa mengonfirmasi 10 unit mobil pemadam kebakaran dikerahkan ke apartemen itu.")
    assert _compared_holding("event", *doubted)


def test_an_event_in_a_figures_clause_that_gives_its_time_is_compared_as_an_event_too():
    [told] = _compared_holding("event", "Kecelakaan dua truk kontainer terjadi pada pukul 14.30 WIB di Tol Cipularang.",
                               "Kecelakaan yang melibatkan dua truk kontainer itu terjadi pada pukul 14.00 WIB di Tol "
                               "Cipularang.")
    assert told.status == "conflicting"


def test_the_same_round_head_count_of_people_who_met_one_fate_is_one_fact_another_fate_is_not():
    deaths = "Dalam kejadian itu delapan orang meninggal dunia sementara sejumlah korban lainnya luka."
    [dead] = _compared_holding("quantity", deaths,
                               "Insiden itu terjadi sepekan dari peristiwa sebelumnya yang merenggut nyawa 8 orang.")
    assert len(dead.values) == 2
    assert _compared_holding("quantity", deaths,
                             "Insiden itu terjadi sepekan dari peristiwa sebelumnya yang membuat 8 orang cedera.") == []


# two outlets telling one crash at a time of day, and one hospital stay from a date, each in words of its own
CRASH = ("Kali ini terjadi di wilayah Plered Kabupaten Purwakarta arah Jakarta, sekira pukul {} WIB.",
         "Kecelakaan lalu lintas kembali terjadi di jalan tol arah Jakarta, pukul {} WIB.")
DATED_CRASH = ("Kali ini terjadi di wilayah Plered Kabupaten Purwakarta arah Jakarta, Jumat (8/3/2024) sekira pukul {} WIB.",
               "Kecelakaan lalu lintas kembali terjadi di jalan tol arah Jakarta, Jumat (8/3) siang, pukul {} WIB.")
ZONED_CRASH = tuple(told.replace(" WIB", "") for told in CRASH)
STAY = ("Habibie dirawat sejak {}, di rumah sakit pusat angkatan darat.",
        "Presiden ke-3 RI itu dirawat di Rumah Sakit Pusat Angkatan Darat sejak {} lalu.")


@pytest.mark.parametrize(("told", "first", "second", "status", "shown"), [
    (CRASH, "14.15", "14.30", "conflicting", ("14:15", "14:30")),
    (CRASH, "14.30", "14.31", "corroborated", ()),  # a reporter's rounding apart
    (CRASH, "23.58", "00.02", "corroborated", ()),  # four minutes apart, across midnight
    (ZONED_CRASH, "14.30 WITA", "13.30 WIB", "corroborated", ()),  # one moment told in two zones
    (DATED_CRASH, "14.15", "14.30", "conflicting", ("14:15", "14:30")),  # each time after the day's date
    (STAY, "Senin, 2 September 2019", "Sabtu (7/9/2019)", "conflicting", ("2019-09-02", "2019-09-07")),
    (STAY, "Senin, 2 September 2019", "Senin (2/9/2019)", "corroborated", ()),
    (tuple(told.replace("sejak", "semenjak") for told in STAY), "Senin, 2 September 2019", "Sabtu (7/9/2019)",
     "conflicting", ("2019-09-02", "2019-09-07")),
])
def test_one_happening_or_state_two_outlets_time_differently_is_one_conflicting_group(
        told: tuple[str, str], first: str, second: str, status: str, shown: tuple[str, ...]):
    [group] = _compared_holding("event", told[0].format(first), told[1].format(second))
    assert group.status == status
    assert all(time in group.note for time in shown)


def test_one_time_of_day_written_with_a_point_and_with_a_colon_is_no_conflict():
    told = "Pesan berantai tentang kesehatan Habibie mulai muncul Selasa dinihari sekitar pukul {} WIB."
    compared = _compared_holding("event", told.format("00.00"), told.format("00:00"))
    assert compared == [] or all(group.status != "conflicting" for group in compared)
    [conflict] = _compared_holding("event", told.format("00.00"), told.format("01:30"))
    assert conflict.status == "conflicting"


def test_two_happenings_in_different_places_at_times_of_day_are_not_one_event():
    assert _compared_holding("event", "Kebakaran gudang terjadi di Medan pukul 08.00 WIB.",
                             "Tabrakan bus terjadi di Semarang pukul 21.40 WIB.") == []


# one moment two outlets tell by different verbs: the fire service got the call, the fire broke out
MOMENT = ("Petugas pemadam menerima laporan pukul {} WIB dari penghuni apartemen.",
          "Api mulai membakar unit di lantai tujuh itu sekitar pukul {} WIB.")


@pytest.mark.parametrize(("time", "joined"), [
    ("06.20", True),
    ("06.30", False),  # a time on the half hour may be two things set for it alike
])
def test_two_outlets_giving_the_very_same_minute_tell_one_moment_whatever_their_verbs(time: str, joined: bool):
    compared = _compared_holding("event", MOMENT[0].format(time), MOMENT[1].format(time))
    assert len(compared) == (1 if joined else 0)


def test_the_very_same_minute_in_two_provinces_is_two_moments():
    assert _compared_holding("event", "Petugas pemadam di Medan menerima laporan pukul 06.20 WIB.",
                             "Api mulai membakar rumah di Semarang sekitar pukul 06.20 WIB.") == []


# one fire told by two outlets in other words, each naming the floor it broke out on
FLOOR = ("Unit apartemen yang terbakar itu berada di lantai {} Tower Tulip.",
         "Menurut petugas, kebakaran terjadi di lantai {}, kamar nomor 07 CK.")


@pytest.mark.parametrize(("floors", "joined"), [
    (("7", "7"), True),
    (("7", "9"), False),  # another floor is another place
])
def test_two_outlets_telling_an_event_at_one_numbered_place_tell_one_event(floors: tuple[str, str], joined: bool):
    compared = _compared_holding("event", FLOOR[0].format(floors[0]), FLOOR[1].format(floors[1]))
    assert [g.status for g in compared] == (["corroborated"] if joined else [])


def test_a_numbered_place_an_article_names_in_several_events_does_not_tell_which_one():
    crash = "Tabrakan beruntun terjadi di Tol Cipularang KM 92. Sebuah truk terbakar di KM 92 setelah tabrakan."
    assert _compared_holding("event", crash, "Polisi mengalihkan arus lalu lintas di KM 92 menuju Jakarta.") == []


# one family spokesman denying a rumour to two outlets, in other words each time
DENIAL = ('"Kabar itu tidak benar," kata Rudi Hartono, juru bicara keluarga, di Jakarta, Selasa.',
          '"Berita itu hoaks. Beliau dalam keadaan sehat," ujar {} kepada wartawan.')


@pytest.mark.parametrize(("speaker", "joined"), [
    ("Rudi Hartono", True),
    ("Siti Aminah", False),  # another person's denial is another claim
])
def test_one_sources_denial_that_two_outlets_word_differently_is_one_denial(speaker: str, joined: bool):
    compared = _compared_holding("statement", DENIAL[0], DENIAL[1].format(speaker))
    assert [(g.status, g.independent_sources) for g in compared] == ([("single-source", 1)] if joined else [])


def test_a_groups_note_speaks_its_storys_language_whatever_its_own_reports_language():
    texts = {"en": ["The army said on Monday that 200 soldiers were sent to Syria by the government.",
                    "Officials said the floods destroyed 40 houses in the city on Sunday."],
             "id": ["Banjir merendam 300 rumah di Bekasi, kata petugas BPBD pada Minggu."]}
    articles = [Article(id=f"{language}{number}", source=f"{language}{number}.txt", text=text, language=language,
                        outlet=f"Harian {language}{number}", published=datetime(2024, 3, 10, 9, tzinfo=WIB))
                for language, written in texts.items() for number, text in enumerate(written)]
    docs = [annotate(article) for article in articles]
    analysis = analyze(docs, link_entities(docs), stories=[Story("s-1", "", [a.id for a in articles])])
    claims = {c.id: c for c in analysis.claims}
    [houses] = [g for g in analysis.groups if any("300" in claims[c].text for c in g.claims)]
    assert analysis.sections[0].brief_language == "en" and houses.note.startswith("One report gives the figure: ")
    assert "1 outlet)" in houses.note and "(s)" not in houses.note


def test_an_english_reports_figure_is_named_in_its_own_words_in_an_english_note():
    text = "Intelligence agencies estimate that up to 12,000 North Korean soldiers have been sent to Russia."
    article = Article(id="en", source="en.txt", text=text, language="en", outlet="The Ledger",
                      published=datetime(2024, 11, 12, 9, tzinfo=WIB))
    docs = [annotate(article)]
    analysis = analyze(docs, link_entities(docs), stories=[Story("s-1", "", ["en"])])
    [group] = [g for g in analysis.groups if "12" in g.note]
    assert "up to 12,000" in group.note and "hingga" not in group.note



def test_only_figures_given_by_two_reports_are_said_to_agree():
    analysis, _ = _analysis("Banjir merendam 300 rumah di Bekasi, kata petugas BPBD.",
                            "Sebanyak 300 rumah terendam banjir di Bekasi.", "Gempa merusak 12 sekolah di Cianjur.")
    [houses] = _figure_groups(analysis, "rumah")
    [schools] = _figure_groups(analysis, "sekolah")
    assert houses.note.startswith("Angka-angkanya sama: 300 rumah")
    assert schools.note.startswith("Angkanya dari satu laporan: 12 sekolah")


def test_a_sum_of_money_reads_in_a_note_as_an_editor_writes_it():
    analysis, _ = _analysis("Defisit BPJS Kesehatan diperkirakan mencapai Rp 32,8 triliun tahun ini.",
                            "Iuran kelas I naik menjadi Rp160.000 per bulan.")
    notes = " ".join(g.note for g in analysis.groups)
    assert "Rp32,8 triliun" in notes and "Rp160.000" in notes
    assert "32.800.000.000.000" not in notes and "160.000 Rp" not in notes


@pytest.mark.parametrize(("quantity", "said"), [
    ({"min": 19e12, "max": 19e12, "approximate": True, "unit": "rupiah"}, "sekitar Rp19 triliun"),
    ({"min": 25500.0, "max": 42000.0, "unit": "rupiah"}, "Rp25.500–Rp42.000"),
    ({"min": 70532899.0, "max": 70532899.0, "unit": "rupiah"}, "Rp70.532.899"),
    ({"min": None, "max": 1.25e9, "unit": "dolar"}, "hingga 1,25 miliar dolar"),
    ({"min": 300.0, "max": 300.0, "unit": "rumah"}, None),
])
def test_figure_for_reader_scales_money_and_leaves_other_figures_alone(quantity, said):
    assert figure_for_reader(quantity) == said


def _outlet_articles(*outlets: str) -> dict[str, Article]:
    """One article per outlet named, a day apart, keyed a, b, c..."""
    return {chr(ord("a") + n): Article(id=chr(ord("a") + n), source=f"{n}.txt", text="", outlet=outlet,
                                       published=datetime(2024, 3, 10 + n, 9, tzinfo=WIB))
            for n, outlet in enumerate(outlets)}


def _figure(number: int, article: str, most: float, unit: str, source: str | None = None) -> Claim:
    from kabar.model import Evidence

    text = f"hingga {most:g} {unit}"
    return Claim(f"c{number}", "quantity", text, source, "asserted", [Evidence(article, 0, len(text), text)],
                 quantity={"min": None, "max": most, "approximate": False, "vague": None, "unit": unit})


def test_one_outlet_giving_two_measured_figures_crediting_nobody_is_one_source_not_a_corroboration():
    from kabar.stories.groups import _group

    articles = _outlet_articles("Harian A", "Harian B")
    own = _group("g", [_figure(1, "a", 880, "kg"), _figure(2, "a", 1606, "kg")], articles, {}, {}, "id")
    assert (own.status, own.independent_sources) == ("single-source", 1)
    shared = _group("g", [_figure(1, "a", 880, "kg"), _figure(2, "a", 1606, "kg"), _figure(3, "b", 1606, "kg")],
                    articles, {}, {}, "id")
    assert shared.independent_sources == 1  # the second outlet gives a figure the first gave: taken from one place
    apart = _group("g", [_figure(1, "a", 880, "kg"), _figure(2, "b", 1606, "kg")], articles, {}, {}, "id")
    assert (apart.status, apart.independent_sources) == ("corroborated", 2)


def test_a_copy_giving_another_figure_of_its_original_is_the_original_outlet_once():
    from kabar.stories.groups import _group

    articles = _outlet_articles("Harian A", "")
    articles["b"].outlet, articles["b"].duplicate_of = None, "a"  # an updated copy the input gave no outlet for
    copied = _group("g", [_figure(1, "a", 880, "kg"), _figure(2, "b", 1606, "kg")], articles, {}, {}, "id")
    assert (copied.status, copied.independent_sources) == ("single-source", 1)


@pytest.mark.parametrize(("values", "status"), [
    (("1.298", "1.300"), "corroborated"),  # the second is the first rounded to its hundreds
    (("1.298", "1.310"), "conflicting"),  # not the first rounded to any place
])
def test_a_figure_another_report_gives_rounded_agrees_with_it(values: tuple[str, str], status: str):
    [engine] = _compared_holding("quantity", f"Mobil baru itu memakai mesin DOHC {values[0]} cc, kata pabrikan.",
                                 f"Mesin DOHC berkapasitas {values[1]} cc dipasang pada mobil itu.")
    assert engine.status == status


@pytest.mark.parametrize(("name", "sources"), [
    ("Laode Muhamad Syarif", 1),  # the initial written out
    ("Laode Budi Syarif", 2),  # another middle name: another person
])
def test_a_name_with_an_initial_is_the_person_named_with_that_word_in_full(name: str, sources: int):
    analysis, _ = _analysis(
        "Laode M Syarif mengatakan penyidik menyita 12 kendaraan dari rumah pengusaha itu pada Senin.",
        f"Menurut {name}, sebanyak 12 kendaraan milik pengusaha tersebut kini disita dan dibawa ke gedung KPK.")
    [vehicles] = [g for g in _compared(analysis) if "12" in g.topic]
    assert vehicles.independent_sources == sources


@pytest.mark.parametrize(("sentence", "place"), [
    ("Marquez ada di urutan kelima.", 5.0),
    ("Marquez akan start dari P5 di depan Dovizioso.", 5.0),
    ("Marquez berada di posisi ke-5 pada sesi itu.", 5.0),
    ("Espargaro naik ke peringkat dua.", 2.0),
    ("Vinales menempati posisi pertama atau pole position.", 1.0),
    ("Posisi Vinales kemudian diikuti oleh Espargaro.", None),
    ("Polisi menahan kedua tersangka di Polsek Pancoran.", None),
    ("Empat pembalap Yamaha berada di peringkat lima besar.", None),
    ("Posisi kedua hingga keempat diisi oleh tiga pembalap berbeda.", None),
    ("Pembaruan itu tiba di P30 Pro bulan depan.", None),
    ("Berkas perkara tersangka sudah dinyatakan lengkap atau P21.", None),
])
def test_a_place_in_an_order_is_read_as_its_number_whether_a_word_or_a_code(sentence: str, place: float | None):
    places = [c.quantity["min"] for c in _analysis(sentence)[0].claims
              if c.kind == "quantity" and c.quantity and c.quantity.get("unit") == "posisi ke-"]
    assert places == ([place] if place is not None else [])


def test_two_outlets_giving_one_place_as_a_word_and_as_a_code_are_compared():
    analysis, _ = _analysis("Valentino Rossi harus puas ada di posisi ketujuh pada kualifikasi di Misano.",
                            "Rossi akan start dari P7 di depan Johann Zarco setelah kualifikasi di Misano.")
    [seventh] = [g for g in _compared(analysis) if any("posisi ke-7" in v["value"] for v in g.values)]
    assert seventh.status == "corroborated" and seventh.independent_sources == 2


def test_one_place_held_by_two_people_in_two_sessions_is_not_compared():
    analysis, _ = _analysis("Pada latihan pertama, Marc Marquez mengisi posisi kedua di Misano.",
                            "Pada latihan kedua, posisi kedua ditempati oleh Fabio Quartararo di Misano.")
    assert not [g for g in _compared(analysis) if any("posisi ke-2" in v["value"] for v in g.values)]


def test_what_an_event_cost_is_compared_though_every_outlet_gives_it_only_in_its_last_third():
    news = ("Kebakaran melanda sebuah rumah makan di Kebayoran Lama pada Selasa malam. Api berasal dari dapur "
            "restoran itu. Petugas pemadam kebakaran mengerahkan delapan unit mobil pemadam ke lokasi.",
            "Sebuah rumah makan di Kebayoran Lama terbakar Selasa malam. Api diduga muncul dari dapur. Sebanyak "
            "delapan unit mobil pemadam dikerahkan untuk menjinakkan api.")
    loss = ("Kerugian akibat kebakaran itu ditaksir mencapai Rp 350 juta.",
            "Akibat kebakaran itu, restoran diduga rugi sekitar Rp350 juta.")
    analysis, _ = _analysis(f"{news[0]} {loss[0]}", f"{news[1]} {loss[1]}")
    assert len([g for g in _compared(analysis) if any("350.000.000" in row["value"] for row in g.values)]) == 1


def test_a_vehicles_plate_in_an_events_words_is_a_name_not_a_number_outlets_disagree_on():
    from kabar.stories.groups import _group

    def told(number: int, article: str, text: str) -> Claim:
        return Claim(f"c{number}", "event", text, None, "asserted", [Evidence(article, 0, len(text), text)])

    articles = _outlet_articles("Harian A", "Harian B")
    plate = _group("g", [told(1, "a", "Bus nopol S 7190 US menabrak sebuah mobil di Jalan Raya Madiun"),
                         told(2, "b", "Bus menabrak sebuah mobil di Jalan Raya Madiun sekitar pukul 09.00 WIB")],
                   articles, {}, {}, "id")
    assert plate.status == "corroborated"
    times = _group("g", [told(1, "a", "Bus menabrak sebuah mobil di Jalan Raya Madiun sekitar pukul 10.00 WIB"),
                         told(2, "b", "Bus menabrak sebuah mobil di Jalan Raya Madiun sekitar pukul 09.00 WIB")],
                   articles, {}, {}, "id")
    assert times.status == "conflicting"
