"""Who said it, on sentences written for these tests in the style of Indonesian news reports."""

from __future__ import annotations

import pytest

from kabar.model import Article, Doc, Span
from kabar.nlp import annotate
from kabar.nlp.quotes import find_quotes
from kabar.nlp.sentences import split_sentences


def _speakers(text: str) -> list[str | None]:
    doc = annotate(Article(id="t", source="t", text=text))
    return [q.attrs["speaker_name"] for q in doc.layer("quotes")]


def _quotes(text: str) -> list[tuple[str | None, str]]:
    doc = annotate(Article(id="t", source="t", text=text))
    return [(q.attrs["speaker_name"], doc.text[slice(*q.attrs["content"])]) for q in doc.layer("quotes")]


def test_title_before_a_name_set_off_by_commas():
    assert _speakers("Pelatih tim nasional U17, Bagus Prasetyo, menyatakan timnya siap menghadapi laga pembuka.") \
        == ["Bagus Prasetyo"]


@pytest.mark.parametrize("text", [
    "Hakim mengatakan terdakwa terbukti menerima suap dari kontraktor.",
    "\"Sidang ditunda sampai pekan depan,\" ucap Hakim.",
])
def test_a_role_noun_with_no_name_is_the_speaker(text):
    assert _speakers(text) == ["Hakim"]


def test_a_group_speaks_as_a_group():
    assert _speakers("Namun, beberapa analis mengatakan sanksi itu tidak akan mengubah sikap pemerintah.") \
        == ["beberapa analis"]
    assert _speakers("\"Pasar masih menunggu,\" kata seorang pejabat bank sentral kepada wartawan.") \
        == ["seorang pejabat bank sentral"]


def test_a_description_pointing_back_names_the_last_speaker():
    text = ("\"Kami akan membangun dua waduk,\" kata Joko Santoso.\n\n"
            "Mantan Gubernur Jawa Tengah itu juga menyebut anggaran sudah disiapkan.\n\n"
            "\"Semua sudah dihitung,\" imbuh Ketua Harian Partai Nusantara ini.")
    assert _speakers(text) == ["Joko Santoso", "Joko Santoso", "Joko Santoso"]


def test_pronouns_and_suffixed_cues_carry_the_last_named_speaker_across_paragraphs():
    text = ("\"Harga beras akan turun bulan ini,\" kata Siti Rahmawati.\n\n"
            "Pemerintah sudah mengimpor beras dari Vietnam.\n\n"
            "\"Stok kita cukup sampai Lebaran,\" tambahnya.\n\n"
            "Ia menambahkan bahwa operasi pasar digelar di 20 kota.\n\n"
            "Distribusi, lanjutnya, dipercepat lewat Bulog.\n\n"
            "\"Tidak ada kelangkaan,\" kata dia.")
    assert _speakers(text) == ["Siti Rahmawati"] * 5


def test_a_quotation_over_several_sentences_is_one_quote():
    quotes = _quotes("\"Jalan itu rusak parah. Kami sudah melapor dua kali,\" ujar Darmawan, warga setempat.")
    assert quotes == [("Darmawan", "Jalan itu rusak parah. Kami sudah melapor dua kali")]


def test_a_quoted_sentence_without_a_cue_continues_the_last_quote():
    text = "\"Kami siap bertanding,\" kata Rudi Hartono.\n\n\"Target kami menang di kandang.\""
    assert _speakers(text) == ["Rudi Hartono", "Rudi Hartono"]
    assert _speakers("\"Target kami menang di kandang.\"") == []  # nobody spoke before: no quote


def test_a_subject_past_a_relative_clause():
    assert _speakers("Wulan Sari, yang memimpin tim penyelamat, menuturkan bahwa semua korban sudah dievakuasi.") \
        == ["Wulan Sari"]


def test_a_name_after_an_honorific_abbreviation():
    [speaker] = _speakers("Pasien perlu kontrol rutin, kata Dr. Anita Kusuma, dokter di rumah sakit itu.")
    assert speaker in ("Anita Kusuma", "Dr. Anita Kusuma")  # not cut at the abbreviation's full stop


def test_two_reports_in_one_sentence_have_their_own_speakers():
    text = ("Polisi menyebut pelaku sudah ditangkap dan Kepala Desa Sukamaju mengatakan warga diminta tetap "
            "tenang di rumah.")
    speakers = _speakers(text)
    assert len(speakers) == 2 and speakers[0] == "Polisi"


def test_a_purpose_clause_is_no_report():
    assert _speakers("Setiap peserta diberi waktu lima menit untuk menyampaikan gagasan di depan juri.") == []


@pytest.mark.parametrize("joint", [".,", "., "])
def test_paragraphs_joined_by_commas_still_split_into_sentences(joint):
    text = f"Andi tiba di Bandung{joint}Budi menyusul esok hari."
    doc = split_sentences(Doc(Article(id="t", source="t", text=text)))
    assert [doc.text[s.start : s.end] for s in doc.layer("sentences")] == [
        "Andi tiba di Bandung.", "Budi menyusul esok hari."]


@pytest.mark.parametrize("mark", ["\u200e", "\u200b", "\ufeff"])
def test_an_invisible_format_mark_before_the_next_paragraph_does_not_join_it(mark):
    text = f"Andi tiba di Bandung.,{mark}Budi menyusul esok hari."
    doc = split_sentences(Doc(Article(id="t", source="t", text=text)))
    assert [doc.text[s.start : s.end] for s in doc.layer("sentences")] == [
        "Andi tiba di Bandung.", f"{mark}Budi menyusul esok hari."]


@pytest.mark.parametrize(("text", "sentences"), [
    ('"Kami siap," ujarnya,Budi pun mengaku lega.', ['"Kami siap," ujarnya', "Budi pun mengaku lega."]),
    ('"Kami siap,” katanya,Budi pun mengaku lega.', ['"Kami siap,” katanya', "Budi pun mengaku lega."]),
    # no suffixed cue before the comma: the speaker's name may follow it ("jelas,Kepala Bidang …")
    ('"Kami siap," jelas,Kepala Bidang Taman Budi.', ['"Kami siap," jelas,Kepala Bidang Taman Budi.']),
])
def test_a_paragraph_ending_in_a_suffixed_cue_and_joined_by_a_bare_comma_ends_its_sentence(text, sentences):
    doc = split_sentences(Doc(Article(id="t", source="t", text=text)))
    assert [doc.text[s.start : s.end] for s in doc.layer("sentences")] == sentences


@pytest.mark.parametrize("text", [
    "Kepala Dinas, Dr. Budi Santoso, S.H., M.H., mengatakan program itu berjalan.",
    "Rektor Prof. Ir. Sofia, M.Sc., Ph.D., menyatakan kampus siap.",
    "Acara itu dihadiri Budi Santoso, S.E., M.M., Kepala Bappeda.",
])
def test_a_comma_after_a_dotted_degree_does_not_end_the_sentence(text):
    """Degrees listed after a name are dotted letter groups followed by a comma, not paragraphs joined by one."""
    doc = split_sentences(Doc(Article(id="t", source="t", text=text)))
    assert [doc.text[s.start : s.end] for s in doc.layer("sentences")] == [text]
    joined = split_sentences(Doc(Article(id="t", source="t", text="Harganya Rp 500.000., Akibatnya sepi.")))
    assert len(joined.layer("sentences")) == 2  # a figure before ".," still ends its paragraph


@pytest.mark.parametrize("text", [
    "Sukamto (50), salah satu warga yang ditemui di lokasi, mengaku program itu sangat membantu.",
    "Sukamto dalam keterangan resminya menyebutkan program itu sangat membantu warga.",
])
def test_the_subject_ends_before_a_relative_clause_or_a_circumstance(text):
    assert _speakers(text) == ["Sukamto"]


def test_the_reader_addressed_is_no_speaker():
    assert _speakers("Anda juga bisa menambahkan catatan singkat di bawah foto itu.") == []


def test_a_name_after_the_source_s_comma_opens_the_clause_reported():
    assert _speakers("Menurut intelijen Ukraina, Iran mengirim ratusan drone ke Rusia.") == ["intelijen Ukraina"]
    assert _speakers("Menurut kantor berita Iran, Tasnim, rudal itu lolos dari pertahanan udara.") == ["Tasnim"]


def _speakers_without_entities(text: str) -> list[str | None]:
    """Speakers when the entity layer found nobody, as on names the model misses."""
    doc = find_quotes(split_sentences(Doc(Article(id="t", source="t", text=text))))
    return [q.attrs["speaker_name"] for q in doc.layer("quotes")]


@pytest.mark.parametrize(("text", "name"), [
    ("\"Angka itu naik tipis,\" kata Kepala Divisi Riset Ekonomi LPEM Budi Santoso di Depok.", "Budi Santoso"),
    ("\"Kami siap,\" ujar Kapolres Cimahi AKBP Dedi Kurniawan.", "Dedi Kurniawan"),
    ("Menurut Direktur Eksekutif INDEF Tauhid Ahmad, harga beras tetap tinggi.", "Tauhid Ahmad"),
])
def test_the_name_follows_a_title_chain_ending_in_an_acronym(text, name):
    assert _speakers_without_entities(text) == [name]


def test_an_aged_person_opening_the_sentence_speaks_whatever_address_follows():
    assert _speakers_without_entities(
        "Warsini (52) warga Desa Sukamaju, Kecamatan Cibadak, Kabupaten Sukabumi mengaku rumahnya terendam.") \
        == ["Warsini"]
    assert _speakers_without_entities("Warsini (52) dan Sugeng Riyadi mengaku rumahnya terendam.") \
        != ["Warsini"]


def test_a_body_speaking_in_between_does_not_take_the_place_of_the_person_a_suffix_points_to():
    text = ("\"Banjir kali ini paling parah,\" kata Siti Aminah.\n\n"
            "Data BMKG menyebutkan, curah hujan mencapai 150 milimeter dalam sehari.\n\n"
            "\"Kami sudah mengungsi sejak pagi,\" tambahnya.")
    assert _speakers(text) == ["Siti Aminah", "BMKG", "Siti Aminah"]


def test_a_quotation_whose_opening_mark_was_lost_ends_at_its_cue():
    quotes = _quotes("\"Kami tidak gentar,\" ujar Rudi Hartawan kepada wartawan.,Saya yakin anak-anak bermain "
                     "bagus. Target kami tetap tiga poin,\" tambahnya.")
    assert quotes[-1] == ("Rudi Hartawan", "Target kami tetap tiga poin")


@pytest.mark.parametrize(("text", "name"), [
    ("Bila tidak dipilih lagi pada periode berikutnya, Rudi Hartawan mengaku siap.", "Rudi Hartawan"),
    ("\"Jagalah persatuan bangsa ini,\" pesan Hasan Basri kepada para santri.", "Hasan Basri"),
    ("\"Kami menunda kenaikan tarif selama dua pekan,\" bunyi cuitan Trump.", "Trump"),
])
def test_short_reports_and_message_cues_name_their_speaker(text, name):
    assert name in (_speakers(text)[0] or "")


def test_menurutnya_carries_the_last_speaker():
    assert _speakers("\"Saya tidak tahu,\" kata Budi Santoso.\n\nMenurutnya, kejadian itu sudah lama terjadi.") \
        == ["Budi Santoso", "Budi Santoso"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("\"Harga naik terus,\" keluh seorang pedagang sayur.", "seorang pedagang sayur"),
    ("\"Tolong jaga kebersihan sungai,\" imbau Sutarno kepada warga.", "Sutarno"),
    ("Ketua RT setempat, Sutarno, membenarkan peristiwa tersebut.", "Sutarno"),
])
def test_more_reporting_cues(text, speaker):
    assert _speakers(text) == [speaker]


def test_a_name_the_model_missed_speaks_over_the_body_in_its_apposition():
    text = "Rina Wulandari, mantan direktur riset LIPI, mengatakan anggaran riset terlalu kecil."
    doc = split_sentences(Doc(Article(id="t", source="t", text=text)))
    doc.add("entities", Span(text.index("LIPI"), text.index("LIPI") + 4, "ORG", {}))
    assert [q.attrs["speaker_name"] for q in find_quotes(doc).layer("quotes")] == ["Rina Wulandari"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Jaksa KPK menilai permohonan peninjauan kembali itu tidak berdasar.", "Jaksa KPK"),
    ("Juru bicara Kemenlu menyatakan seluruh WNI dalam keadaan aman.", "Juru bicara Kemenlu"),
])
def test_a_role_before_a_body_speaks_for_it(text, speaker):
    assert _speakers(text) == [speaker]


def test_a_title_running_past_commas_ends_in_the_name():
    assert _speakers("\"Status siaga masih berlaku,\" kata Kepala Pusat Data, Informasi dan Komunikasi BNPB "
                     "Abdul Muhari dalam keterangan tertulis.") == ["Abdul Muhari"]


def test_a_speaker_named_after_a_passive_verb_is_whom_ia_points_to():
    assert _speakers("Hal senada disampaikan Ketua Apindo Shinta Kamdani. Ia menilai regulasi itu memberatkan "
                     "pengusaha kecil.") == ["Shinta Kamdani"]


def test_a_denial_after_the_quote_names_its_speaker():
    assert _speakers("\"Itu tidak benar,\" bantah kuasa hukum tersangka, Andi Saputra.") == ["Andi Saputra"]


def test_a_record_with_no_author_is_no_speaker():
    assert _speakers("Menurut catatan, sejak 2012 sudah enam kali kabar itu beredar di media sosial.") == []


def test_memastikan_reports_what_its_subject_vouches_for_but_not_after_a_purpose_word():
    assert _speakers("Kepala Dinas Kesehatan Budi Santoso memastikan seluruh korban sudah dirawat di rumah sakit.") \
        == ["Budi Santoso"]
    assert _speakers("Polisi masih bekerja untuk memastikan penyebab kebakaran gudang itu.") == []


def test_paragraphs_joined_by_commas_split_before_quotation_marks_read_as_mac_roman():
    text = "Menurut dia, rapat itu harus terbuka.,‚ÄúKita buka saja,‚Äù ucap Yasonna.,‚ÄúAman.‚Äù,Lalu rapat dimulai."
    doc = split_sentences(Doc(Article(id="t", source="t", text=text)))
    assert [doc.text[s.start : s.end] for s in doc.layer("sentences")] == [
        "Menurut dia, rapat itu harus terbuka.", "‚ÄúKita buka saja,‚Äù ucap Yasonna.", "‚ÄúAman.‚Äù",
        "Lalu rapat dimulai."]


@pytest.mark.parametrize(("text", "name"), [
    ("\"Kami menolak revisi itu,\" kata aktivis Lembaga Kajian PBNU, Ubaidillah.", "Ubaidillah"),
    ("\"Animasi harus didukung,\" ujar Kepala Badan Ekonomi Kreatif, Triawan Munaf saat membuka acara.",
     "Triawan Munaf"),
    ("Menurut Sekretaris untuk Asia dan Pasifik Kementerian Luar Negeri Brasil, Susan Kleebank, pertemuan itu "
     "mempertegas kemitraan strategis.", "Susan Kleebank"),
])
def test_a_title_set_off_by_a_comma_names_the_person_after_it(text, name):
    doc = split_sentences(Doc(Article(id="t", source="t", text=text)))
    for words, label in (("PBNU", "PERSON"), ("Badan Ekonomi Kreatif", "ORG"), ("Susan Kleebank", "LOC"),
                         ("Brasil", "GPE")):
        if words in text:  # what the entity layer made of these words on real articles
            start = text.index("Lembaga Kajian PBNU") if words == "PBNU" else text.index(words)
            doc.add("entities", Span(start, text.index(words) + len(words), label, {}))
    assert [q.attrs["speaker_name"] for q in find_quotes(doc).layer("quotes")] == [name]



def test_a_circumstance_before_the_comma_ends_the_title_and_a_day_after_it_is_no_name():
    text = "\"Hasil tes urine negatif,\" ujar Kepala Lapas Bekasi Chandra Wibowo dalam keterangannya, Rabu."
    assert _speakers(text) == ["Chandra Wibowo"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Rina juga menyinggung peluang ekspor kopi ke Eropa yang akan dibahas pekan depan.", "Rina"),
    ("Pemerintah berpandangan pengangkatan anggota dewan pengawas merupakan kewenangan presiden.", "Pemerintah"),
])
def test_cues_that_report_a_stance_or_a_proposal(text, speaker):
    assert speaker in (_speakers(text) or [""])[0]


def test_the_object_of_a_verb_is_not_whom_a_pronoun_points_to():
    assert _speakers("\"Saya heran,\" kata Yakup Hasibuan.\n\nYakup mencontohkan, kini muncul narasi kebencian seperti "
                     "ingin memenjarakan Jokowi hingga menyinggung keluarganya.\n\n\"Ini sudah belok,\" imbuh dia.") \
        == ["Yakup Hasibuan", "Yakup", "Yakup"]  # mencontohkan reports too


@pytest.mark.parametrize(("text", "speakers"), [
    ("\"Kami hadir,\" ujar Hendri Lokra.\n\nSelanjutnya, Ketua Dewan Kerukunan Umat Buddha Indonesia Bambang Sutrisno "
     "mengajak masyarakat untuk bersatu.\n\n\"Kita harus rukun,\" kata dia.", ["Hendri Lokra", "Bambang Sutrisno"]),
    ("Aktor Reza Rahadian tampak sangat terpukul.\n\nKemudian ia menyatakan rasa dukanya atas kepergian sang guru.",
     ["Reza Rahadian"]),
])
def test_a_person_opening_a_sentence_is_whom_a_later_pronoun_points_to(text, speakers):
    assert _speakers(text) == speakers


@pytest.mark.parametrize("middle", [
    "Acara itu juga dihadiri oleh Bambang Sutrisno dan tokoh lain.",
    "Namun, Bambang Sutrisno akhirnya dilepaskan polisi.",
    "Agus Salim (Persib), Bambang Sutrisno (Persija) dan Dodi Irawan didatangkan musim ini.",
])
def test_a_person_inside_a_clause_in_a_list_or_acted_upon_is_not_whom_a_pronoun_points_to(middle):
    text = f"\"Kami hadir,\" ujar Hendri Lokra.\n\n{middle}\n\n\"Kita harus rukun,\" kata dia."
    assert _speakers(text) == ["Hendri Lokra", "Hendri Lokra"]


def test_a_suffixed_cue_names_who_spoke_last_not_the_person_a_sentence_opened_with():
    text = ("\"Beliau sangat peduli,\" kata Airlangga Hartarto.\n\nHabibie meninggal pada usia 83 tahun.\n\n"
            "\"Beliau membangun Indonesia,\" ujarnya.")
    assert _speakers(text) == ["Airlangga Hartarto", "Airlangga Hartarto"]


def test_a_person_after_the_dateline_is_whom_a_pronoun_points_to():
    text = ("TEMPO.CO, Jakarta - Menteri Hukum Yasonna Laoly meminta rapat panitia kerja digelar terbuka.\n\n"
            "Menurut dia, transparansi mesti dijaga.")
    assert _speakers(text) == ["Yasonna Laoly"]


@pytest.mark.parametrize("description", [
    "Menanggapi itu, wanita yang akrab disapa Nyai tersebut",
    "Wanita yang kerap disapa Nyai ini",
])
def test_a_person_described_by_a_clause_pointing_back_is_the_last_person(description):
    text = ("Diketahui, Nikita Mirzani sudah beberapa hari berlibur ke Spanyol.\n\n"
            f"{description} menyatakan tak takut jika sampai ditahan.")
    assert _speakers(text) == ["Nikita Mirzani"]


def test_a_group_described_in_a_relative_clause_about_a_place_is_no_pointer():
    text = ("\"Kami siap,\" kata Bambang Sutrisno.\n\n"
            "Warga yang tinggal di sekitar lokasi tersebut mengatakan banjir datang tiba-tiba.")
    assert _speakers(text) == ["Bambang Sutrisno", "Warga"]


def test_di_mana_opens_a_clause_with_its_own_subject():
    assert _speakers("Pernyataan serupa disampaikan Saeb Erekat. Di mana Erekat memperingatkan bahwa rencana itu "
                     "akan mengubur peluang damai.") == ["Erekat"]


def test_a_name_opening_the_subject_before_its_title_and_body_is_the_speaker():
    assert _speakers("Agung Wicaksono Direktur Utama PT Transportasi Jakarta mengatakan jumlah bus akan ditambah.") \
        == ["Agung Wicaksono"]


def test_a_known_place_after_a_role_noun_qualifies_the_role():
    assert _speakers("\"Rudal itu bisa dicegat,\" kata seorang pejabat militer Israel kepada wartawan.") \
        == ["seorang pejabat militer Israel"]


def test_an_untagged_name_opening_the_subject_before_its_title_and_body_is_the_speaker():
    text = ("Tilang elektronik berlaku mulai 1 Oktober 2019.,Agung Wicaksono Direktur Utama PT Transportasi Jakarta "
            "mengatakan, penggunaan kamera diharapkan mengurangi kemacetan.")
    assert _speakers(text) == ["Agung Wicaksono"]


@pytest.mark.parametrize("title, name", [
    ("Wakil Menteri Keuangan", "Mardiasmo"),
    ("Ketua Umum APHI", "Indroyono Soesilo"),
])
def test_a_name_that_took_the_end_of_its_title_is_the_name_alone(title, name):
    text = f"{title} {name} mengatakan anggaran akan ditambah tahun depan."
    doc = split_sentences(Doc(Article(id="t", source="t", text=text)))
    doc.add("entities", Span(text.index(title.split()[-1]), len(f"{title} {name}"), "PERSON", {}))
    assert [q.attrs["speaker_name"] for q in find_quotes(doc).layer("quotes")] == [name]


def test_a_title_with_no_name_after_it_is_kept_whole():
    text = "\"Masukan boleh saja,\" kata anggota Komisi III di Kompleks Parlemen."
    doc = split_sentences(Doc(Article(id="t", source="t", text=text)))
    doc.add("entities", Span(text.index("Komisi"), text.index(" di "), "PERSON", {}))
    assert [q.attrs["speaker_name"] for q in find_quotes(doc).layer("quotes")] == ["Komisi III"]


@pytest.mark.parametrize(("text", "speakers"), [
    ("Terakhir, Said menekankan perlunya penguatan ketahanan pangan.", ["Said"]),
    ("Ketua Badan Anggaran DPR Said Abdullah menanggapi kebijakan tarif itu.", []),  # no report at all
    ("The minister said the plan was ready.", ["The minister"]),
])
def test_a_capitalised_cue_word_inside_a_sentence_is_a_name(text, speakers):
    """"Said" is a common Indonesian name as well as the English cue "said"."""
    assert _speakers(text) == speakers


@pytest.mark.parametrize(("text", "speaker"), [
    ("Senada dengan itu, Randy McCarthy dari firma hukum Hall Estill menyebut gugatan itu sulit dimenangkan.",
     "Randy McCarthy"),
    ("Peneliti Siti Aminah dari Lembaga Ilmu Pengetahuan Indonesia menilai kebijakan itu terlambat.", "Siti Aminah"),
])
def test_a_person_of_a_body_speaks_not_the_body(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Presiden Trump beralasan, tidak adanya pabrik Indonesia di AS menjadi penyebab tarif itu.", "Trump"),
    ("Masinton mencontohkan, dua keputusan politik ditolak pimpinan KPK.", "Masinton"),
    ("Polisi menuding kelompok itu telah menyebarkan kabar bohong.", "Polisi"),
])
def test_verbs_giving_a_reason_an_example_or_an_accusation_report(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("\"Saya senang dia mendapat pengakuan publik,\" Southgate menambahkan.", "Southgate"),
    ("\"Kami tidak akan mundur,\" Menteri Luar Negeri Retno Marsudi mengatakan kepada wartawan.", "Retno Marsudi"),
])
def test_a_subject_and_its_verb_after_the_quotation(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(("text", "speakers"), [
    ("Khabib punya catatan yang baik, namun menurut Freire gaya bertarungnya tidak berubah sejak awal.", ["Freire"]),
    ("\"Ia sangat tangguh,\" kata Freire.\n\nMenurutnya Tibau mampu menyulitkan petarung Dagestan itu.",
     ["Freire", "Freire"]),
])
def test_menurut_inside_a_sentence_or_without_a_comma(text, speakers):
    assert _speakers(text) == speakers


@pytest.mark.parametrize("opening", [
    "JAMBI, KOMPAS.COM- Lita Krisna (44), ibu kandung M, mengalami tekanan berat usai tragedi itu.",
    "Lita Krisna (44), ibu kandung M, mengalami tekanan berat usai tragedi itu.",
    "JAMBI, KOMPAS.COM- Sore itu, Lita Krisna mengalami tekanan berat usai tragedi itu.",
])
def test_a_person_opening_the_article_with_an_age_is_whom_a_pronoun_points_to(opening):
    assert _speakers(f"{opening}\n\nDia mengaku tak sanggup membaca media sosial.") == ["Lita Krisna"]


def test_mereka_names_the_body_that_spoke_last_not_the_person_between():
    text = ("Dalam gugatannya, Disney dan Universal menyebut Midjourney sebagai \"lubang plagiarisme\".\n\n"
            "Mereka menuduh platform itu menciptakan salinan tokoh seperti Darth Vader.\n\n"
            "Kepala bagian hukum Disney, Horacio Gutierrez, mengatakan pihaknya terbuka terhadap AI.\n\n"
            "Mereka juga menyebut Midjourney tengah mengembangkan layanan video.")
    assert _speakers(text) == ["Disney", "Disney", "Horacio Gutierrez", "Disney"]


def test_a_time_ending_the_speaker_phrase_is_no_pointer_back():
    text = ("\"Kematiannya kecelakaan kerja,\" bunyi salinan putusan pengadilan.\n\n"
            "\"Karyawan itu tidak lagi dalam perjalanan bisnis,\" bunyi pernyataan perusahaan saat itu.\n\n"
            "\"Kematiannya tidak berhubungan dengan pekerjaan,\" imbuh perusahaan tersebut.")
    assert _speakers(text) == ["salinan putusan pengadilan", "pernyataan perusahaan", "pernyataan perusahaan"]


def test_a_passive_diakui_names_whom_a_later_suffixed_cue_points_to():
    text = ("Bahkan, diakui Henny saat ditemui di Jakarta, ia tidak sanggup menghadapi kegundahan itu.\n\n"
            "\"Kalau dibilang enggak kuat,\" ungkapnya, Rabu (11/9/2019).")
    assert _speakers(text) == ["Henny", "Henny"]  # the admission a quote of its own, as the speakers gold has it


def test_a_province_abbreviated_does_not_end_the_sentence_before_the_name():
    assert _speakers("\"Tidak cukup memiliki ijazah,\" kata Kepala Dinas Pendidikan Prov. Jabar Dewi Sartika.") \
        == ["Dewi Sartika"]


def test_a_title_joined_by_dan_still_opens_the_sentence_with_its_person():
    text = ("TEMPO.CO, Jakarta - Menteri Hukum dan Hak Asasi Manusia Yasonna Laoly meminta rapat itu terbuka.\n\n"
            "Menurut dia, transparansi mesti dilakukan sebab revisi itu menyulut kontroversi.")
    assert _speakers(text) == ["Yasonna Laoly"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Menurut penasihat hukum Novanto, surat itu menerangkan bahwa tidak ada fakta baru.", "penasihat hukum Novanto"),
    ("\"Gak pernah dengar dia neko-neko,\" kata bibi Mira, Jumat.", "bibi Mira"),
    ("\"Kami siap,\" kata Anak Agung Gede Ngurah.", "Agung Gede Ngurah"),  # a Balinese name, not a relation
])
def test_a_relation_before_a_name_is_someone_else_who_speaks(text, speaker):
    assert _speakers(text) == [speaker]


def test_beralasan_as_an_adjective_reports_nothing():
    assert _speakers("Hal itu cukup beralasan, karena tujuan awal kendaraan listrik adalah udara bersih.") == []


def test_a_speaker_phrase_without_a_comma_reads_no_further_than_its_own_end():
    """The apposition check sliced text[position:-1] before seeing that the phrase held no comma: the rest of the
    whole text copied and split once a reported sentence, so a 6.7 MB text on one line never finished."""
    from kabar.nlp.quotes import _apposed_name

    class Slices(str):
        longest = 0

        def __getitem__(self, key):
            part = str.__getitem__(self, key)
            Slices.longest = max(Slices.longest, len(part))
            return part

    text = Slices("Harga beras naik lagi, kata juru bicara Bulog. " * 200)
    position = text.index("juru")
    limit = text.index(".", position) + 1
    assert _apposed_name(Doc(Article(id="t", source="t", text=text)), position, limit) is None
    assert Slices.longest <= limit - position


@pytest.mark.parametrize(("text", "speakers"), [
    ("Penulis utama studi itu menyebut pergerakan bintang belum diperhitungkan.\n\n"
     "Mereka juga mengatakan bahwa penelitian lain belum tepat.", ["Penulis utama studi itu", "Mereka"]),
    ("Gol itu memastikan kemenangan bagi tim tamu.\n\nMedia Vietnam menyoroti hasil itu. "
     "Mereka menilai kekalahan ini menandai kemunduran klub.", ["Gol itu", "Mereka"]),
    ("Para peneliti menyebut pergerakan bintang belum diperhitungkan.\n\n"
     "Mereka juga mengatakan bahwa penelitian lain belum tepat.", ["Para peneliti", "Para peneliti"]),
    ("Tim dokter bedah menyebut teknik itu aman.\n\n\"Kami hanya mengalirkan larutan,\" kata mereka.",
     ["Tim dokter bedah", "Tim dokter bedah"]),
])
def test_mereka_names_only_a_described_speaker_that_is_many(text, speakers):
    """One author or one goal described before is no antecedent of "Mereka": it is left as written."""
    assert _speakers(text) == speakers


@pytest.mark.parametrize(("text", "title"), [
    ('Kali ini band itu merilis lagu baru. Lagu "Coffee Baby" ini juga masih menceritakan kisah cinta.', "Coffee Baby"),
    ('Film "Gundala" karya Joko Anwar menyebutkan nama-nama pahlawan.', "Gundala"),
])
def test_a_title_in_quotation_marks_before_a_verb_is_no_quotation(text, title):
    """A subject and its verb after a quotation report it only when the quotation ends its clause ('"…,"')."""
    assert title not in [content for _, content in _quotes(text)]


def test_menurut_dia_reports_its_own_sentence_only():
    """"Menurut dia," points to a speaker of an earlier sentence: what it reports starts after its own comma."""
    text = ("Rosmaya, dalam kegiatan itu, mengatakan perekonomian dunia dipenuhi ketidakpastian.\n\n"
            "Menurut dia, Indonesia masih merupakan pasar produk halal dunia.")
    assert _quotes(text)[-1] == ("Rosmaya", "Indonesia masih merupakan pasar produk halal dunia")


@pytest.mark.parametrize("text", [
    "Presiden Direktur PT Bank Central Asia Tbk. Jahja Setiatmadja mengatakan kredit tumbuh.",
    "Corporate Secretary PT Bank Mandiri (Persero) Tbk., Rohan Hafas mengungkapkan kredit tumbuh.",
])
def test_a_listed_company_suffix_does_not_end_the_sentence_before_the_name(text):
    """"Tbk." (Terbuka) closes a company's name as "Ltd." does: the title and the name after it are one subject."""
    assert len(split_sentences(Doc(Article(id="t", source="t", text=text))).layer("sentences")) == 1


@pytest.mark.parametrize(("text", "speaker"), [
    ("Pengamat politik Rudi Hartono menganggap banyak bagian pidato itu bisa dibaca sebagai ajakan damai.", "Rudi Hartono"),
    ("Wapres menyadari, lembaga itu telah menyelamatkan banyak uang negara.", "Wapres"),
    ("Pelatih Budi Santoso menjanjikan dirinya akan memberi kesempatan kepada pemain muda.", "Budi Santoso"),
    ("Terakhir, Rahmat menggariskan kurun 2015 hingga 2018 tersangka menerima uang suap.", "Rahmat"),
])
def test_verbs_of_stance_cognition_and_commitment_with_content_report(text, speaker):
    assert _speakers(text) == [speaker]


def test_a_verb_inside_an_asked_question_reports_nothing():
    assert _speakers("\"Anak perlu makan sayur,\" kata peneliti Eric Santoso.\n\nPara orang tua ditanya apakah mereka "
                     "menganggap anak mereka terlalu kurus.\n\n\"Banyak yang keliru,\" kata dia.") \
        == ["Eric Santoso", "Eric Santoso"]


def test_akan_between_the_speaker_and_the_verb_is_no_part_of_the_name():
    assert _speakers("Anggota Komisi III Herman Hendra akan menegaskan sikap fraksinya pekan depan.") \
        == ["Herman Hendra"]


def test_a_verb_after_the_opening_quotation_mark_is_inside_the_quote():
    assert _speakers("\"Anak perlu bergerak,\" kata peneliti Eric Santoso.\n\nPenulis itu mengungkapkan, \"Anak yang gemuk "
                     "makin gemuk karena mereka menganggap anak itu sehat.") == ["Eric Santoso", "Eric Santoso"]


def test_a_title_set_off_by_a_comma_before_the_opening_person():
    assert _speakers("\"Kami senang,\" ujar Masri.\n\nKetua Yayasan Nelayan Lampung, Ahmad Mahmudi berharap bantuan itu "
                     "bermanfaat.\n\nDia menyebutkan banyak nelayan masih membutuhkan perahu.") == ["Masri", "Ahmad Mahmudi"]


def test_a_name_with_a_relative_clause_holding_a_conjunction_is_the_subject():
    assert _speakers("Melinda yang juga menjabat sebagai Wakil Ketua Umum Kadin Bidang Hukum dan Regulasi, menyatakan "
                     "forum itu digelar bersama Bappenas.") == ["Melinda"]


@pytest.mark.parametrize("mark", ["“", "‚Äú"])
def test_an_opening_mark_written_where_a_quotation_closes_before_its_cue_closes_it(mark):
    assert _speakers(f"Menurut pakar komunikasi Sony Hartawan, media sosial penting.\n\n{mark}Media sosial mempersatukan "
                     f"kita. Tetapi media sosial juga senjata digital,{mark} imbuhnya.\n\nMenurutnya, yang terjadi di "
                     "Papua adalah dampak buruk media sosial.") == ["Sony Hartawan"] * 3


@pytest.mark.parametrize(("text", "speakers"), [
    ("Pengadilan memutuskan bahwa pria itu korban kecelakaan kerja.", ["Pengadilan"]),
    ("Banyak warganet yang berkomentar bahwa pengemudi itu sengaja membelokkan ban.", ["Banyak warganet"]),
    ("Rapat itu memutuskan menunda pemilihan ketua sampai pekan depan.", []),
    ("Pelatih itu enggan berkomentar banyak soal cedera pemainnya.", []),
])
def test_verbs_that_report_only_with_bahwa(text, speakers):
    assert _speakers(text) == speakers


def test_a_title_whose_name_the_scraper_dropped_is_whom_a_later_pronoun_points_to():
    assert _speakers("\"Kami bersyukur,\" kata pengurus yayasan Rahmat.\n\nWakil Gubernur Jawa Tengah , memberikan apresiasi "
                     "kepada yayasan itu.\n\nMenurut dia, santunan itu sejalan dengan visi pemerintah daerah.") \
        == ["Rahmat", "Wakil Gubernur Jawa Tengah"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Budi Santoso selaku Ketua Panitia mengatakan acara berjalan lancar.", "Budi Santoso"),
    ("Rina Wulandari selaku kuasa hukum pelapor menilai laporan itu sudah lengkap.", "Rina Wulandari"),
])
def test_a_selaku_description_after_the_name_is_no_part_of_it(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Kuasa hukum Ahmad Dhani, Hendra Marantika, mengatakan kliennya akan mengajukan banding.", "Hendra Marantika"),
    ("Pengacara Novel Baswedan, Alfian Akbar, menilai putusan itu janggal.", "Alfian Akbar"),
    ("Istri Budi Santoso, Siti Aminah, mengaku masih terpukul.", "Siti Aminah"),
])
def test_the_name_apposed_to_a_relation_of_a_person_speaks_not_the_person(text, speaker):
    assert _speakers(text) == [speaker]


def test_a_title_holding_an_acronym_in_brackets_before_the_opening_person():
    assert _speakers("\"Kami menolak,\" ujar Masri.\n\nPresiden Konfederasi Serikat Pekerja Nusantara (KSPN), Budi Santoso, "
                     "mendorong agar upah dinaikkan.\n\nDia mengatakan bahwa buruh sudah lama menunggu.") \
        == ["Masri", "Budi Santoso"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Menurut sebuah laporan dari The Information, Jeff Hulse, seorang direktur, meminta timnya memakai chatbot.",
     "The Information"),
    ("Menurut laporan dari kantor berita Antara, banjir merendam tiga desa.", "Antara"),
])
def test_a_report_from_a_source_is_the_source_s(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Dua raksasa hiburan, Disney dan Universal, resmi menggugat Midjourney.\n\nKeduanya menuding generator itu meniru "
     "karakter mereka.", "Disney dan Universal"),
    ("Senator Chris Coons, seorang Demokrat, dan Senator Pat Toomey, seorang Republikan, keduanya menyatakan "
     "kekhawatiran bahwa undang-undang itu terancam.", "Chris Coons, seorang Demokrat, dan Senator Pat Toomey"),
])
def test_keduanya_names_the_two_named_before_it(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text", [
    "Bukan hanya itu tambah Marten, pihaknya juga akan menamai jalan dengan nama Habibie.",
    "Sampai dengan sekarang kata Marten, rumah panggung itu dirawat oleh keluarga.",
])
def test_a_cue_after_a_short_lead_with_no_comma_names_the_speaker(text):
    assert _speakers(text) == ["Marten"]


def test_kata_as_a_noun_after_a_lead_reports_nothing():
    assert _speakers("Dengan kata lain, rumah panggung itu dirawat oleh keluarga.") == []


def test_a_role_of_a_body_is_the_role_not_the_body():
    assert _speakers("\"Riset itu dirancang untuk keamanan,\" kata seorang juru bicara Google kepada wartawan.") \
        == ["seorang juru bicara Google"]



@pytest.mark.parametrize("text", [
    "Bahkan, diakui Henny saat ditemui di Jakarta, ia tidak sanggup menghadapi kegundahan itu sendiri.",
    "Masyarakat diakui Henny, selama ini telah membantu petugas menjaga kampung.",
])
def test_diakui_with_what_was_admitted_reports_the_person_after_it(text):
    assert _speakers(text) == ["Henny"]


@pytest.mark.parametrize("text", [
    "Hal itu diakui Henny.",
    "Kinerja lembaga itu diakui oleh Badan PBB yang menangani bencana.",
])
def test_diakui_with_nothing_admitted_or_no_person_reports_nothing(text):
    assert _speakers(text) == []


def test_a_sentence_of_many_bracketed_acronyms_and_no_comma_is_read_in_time():
    """Each space before a bracketed acronym was read two ways by the pattern of a title set off by a comma, so a
    sentence with no comma after thirty of them took 2**30 tries; the name that opens it is still whom "Ia" means."""
    bodies = " ".join(f"Forum Warga (FW{chr(65 + i % 26)}{chr(65 + i // 26)})" for i in range(30))
    text = f"Budi Santoso meresmikan gedung {bodies} di Jakarta. Ia mengatakan gedung itu siap dipakai."
    assert _speakers(text) == ["Budi Santoso"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Dilansir dari Reuters, Jumat (23/5/2025), sejumlah pekerja pabrik itu diminta pulang lebih awal.", "Reuters"),
    ("Melansir BBC, pemerintah setempat menutup dua sekolah di kota itu.", "BBC"),
    ("Berdasarkan data yang dirilis Badan Pusat Statistik, jumlah penduduk miskin turun tahun ini.",
     "Badan Pusat Statistik"),
])
def test_a_sentence_opening_with_its_source_is_the_source_s_report(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text", [
    "Dilansir dari laman resminya, pendaftaran dibuka hingga akhir bulan ini.",
    "Berdasarkan keterangan tertulis, turnamen itu diikuti empat tim.",
])
def test_an_opening_source_described_but_not_named_reports_nothing(text):
    assert _speakers(text) == []


def test_a_speaker_after_an_opening_source_still_speaks():
    assert _speakers("Dilansir dari Reuters, Menteri Keuangan Budi Santoso mengatakan pajak itu akan naik.") \
        == ["Budi Santoso"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("\"Kualitas udara memburuk,\" kata Kementerian Lingkungan Hidup dan Kehutanan dalam keterangannya.",
     "Kementerian Lingkungan Hidup dan Kehutanan"),
    ("\"Kami akan datang,\" kata Budi dan Ani kepada wartawan.", "Budi"),
])
def test_a_body_whose_name_holds_dan_is_named_whole(text, speaker):
    assert _speakers(text) == [speaker]


def test_speaking_up_with_bahwa_after_a_comma_reports_what_follows():
    assert _speakers("Ketua DPP Budi Santoso ikut angkat bicara, bahwa ia menilai revisi itu memperkuat lembaga.") \
        == ["Budi Santoso"]
