"""The newsroom pages through the real app: landmarks, both languages, citations and hostile text."""

from __future__ import annotations

import html
import re
import time
import tomllib
from importlib import resources

import pytest
from fastapi.testclient import TestClient

from kabar.i18n import LANGUAGES, strings
from tests.web.conftest import HOSTILE_RECORD, IMAGE, LINK, SCRIPT, TOKEN

HOSTILE = (SCRIPT, IMAGE, LINK)


def _pages(client: TestClient, hostile_id: str) -> list[str]:
    """Every page kind, each showing the hostile article where it can."""
    story = client.get(f"/api/v1/articles/{hostile_id}").json()["story"]["id"]
    entity = client.get("/api/v1/entities").json()["items"][0]["id"]
    return ["/", "/?sort=sources", "/?sort=disputed", f"/stories/{story}", f"/articles/{hostile_id}",
            f"/articles/{hostile_id}?hl=0-9", "/entities", f"/entities/{entity}", "/search?q=banjir+sukamaju",
            "/search?q=pasukan", "/ingest", "/api/v1/docs", "/stories/no-such-story"]


def test_every_page_has_landmarks_a_language_and_labelled_fields(client: TestClient, hostile_id: str):
    for url in _pages(client, hostile_id):
        response = client.get(url)
        assert response.status_code == (404 if "no-such" in url else 200), url
        page = response.text
        assert '<html lang="id">' in page and '<main id="main"' in page and "<header" in page, url
        assert "<nav" in page and "<footer" in page and 'class="skip" href="#main"' in page, url
        for field in re.findall(r'<(?:input|select|textarea)\b[^>]*>', page):
            if 'type="hidden"' in field:
                continue
            field_id = re.search(r'id="([^"]+)"', field)
            labelled = field_id and f'for="{field_id.group(1)}"' in page
            assert labelled or _inside_label(page, field), f"{url}: unlabelled {field}"


def _inside_label(page: str, field: str) -> bool:
    at = page.index(field)
    return page.rfind("<label", 0, at) > page.rfind("</label>", 0, at)


def test_hostile_markup_in_titles_text_outlet_and_url_is_shown_as_text(client: TestClient, hostile_id: str):
    for url in _pages(client, hostile_id):
        response = client.get(url)
        page = response.text
        for attack in HOSTILE:
            assert attack not in page, f"{url} echoes {attack}"
        assert not re.search(r'href\s*=\s*"\s*javascript:', page, re.I), url
        assert "script-src 'self'" in response.headers["content-security-policy"]
    article = client.get(f"/articles/{hostile_id}").text
    assert html.escape(SCRIPT, quote=False) in article
    assert HOSTILE_RECORD["url"] in html.unescape(article)  # shown, but not as a link


def test_an_uploaded_file_with_a_hostile_name_is_listed_as_text(writable_client: TestClient):
    name = f"{IMAGE}.txt"
    text = ("Warga Gotong Royong Bersihkan Sungai\n\nWarga tiga kampung bergotong royong membersihkan sungai "
            "dari sampah plastik pada Minggu pagi, kata ketua RW setempat.\n\nKegiatan serupa akan digelar "
            "setiap bulan bersama relawan lingkungan.")
    response = writable_client.post("/ingest", data={"token": TOKEN}, files={"files": (name, text.encode())},
                                    follow_redirects=False)
    assert response.status_code == 303
    job_url = response.headers["location"]
    for _ in range(300):
        page = writable_client.get(job_url).text
        if "data-poll" not in page:
            break
        time.sleep(0.2)
    assert IMAGE not in page and "&lt;img src=x onerror=" in page


def test_indonesian_by_default_english_on_request_and_remembered(client: TestClient):
    browser = TestClient(client.app)  # its own cookie jar
    assert "Cerita" in browser.get("/").text
    english = browser.get("/?lang=en")
    assert '<html lang="en">' in english.text and "Stories" in english.text and english.cookies.get("lang") == "en"
    assert '<html lang="en">' in browser.get("/search").text


def test_a_groups_citations_come_one_bracket_per_outlet_with_numbered_links():
    from kabar.web.i18n import translator
    from kabar.web.pages import templates

    articles = {"a": {"outlet": "Tempo"}, "b": {"outlet": "Tempo"}, "c": {"outlet": "Kompas.com"}}
    cited = [{"article": a, "start": 0, "end": 4, "text": "Kata"} for a in ("a", "c", "b")]
    page = templates.env.from_string("{{ cite_each(cited) }}").render(cited=cited, articles=articles,
                                                                       t=translator("id"))
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert text == "[Tempo: 1, 2] [Kompas.com]"
    assert re.findall(r'href="/articles/(\w)\?', page) == ["a", "b", "c"]  # each report its own link


def test_entity_kinds_read_as_words_of_the_page_language_and_still_filter_by_their_code(client: TestClient):
    person = client.get("/api/v1/entities", params={"type": "PERSON"}).json()["items"][0]
    for language, word in (("id", "orang"), ("en", "person")):
        listing = client.get("/entities", params={"lang": language}).text
        page = client.get(f"/entities/{person['id']}", params={"lang": language}).text
        assert f'<span class="label">{word}</span>' in listing and f'<span class="label">{word}</span>' in page
        assert ">PERSON<" not in listing + page and '<option value="PERSON"' in listing
    filtered = client.get("/entities", params={"type": "PERSON", "lang": "id"}).text
    assert '<option value="PERSON" selected>orang</option>' in filtered


def test_citations_open_the_article_at_the_highlighted_evidence(client: TestClient):
    story_id = client.get("/api/v1/stories", params={"sort": "sources"}).json()["items"][0]["id"]
    page = client.get(f"/stories/{story_id}").text
    links = re.findall(r'class="cite" href="(/articles/[^"]+)"', page)
    assert len(links) >= 5
    for link in links[:5]:
        target = html.unescape(link)
        path, anchor = target.split("#")
        start, end = map(int, re.search(r"hl=(\d+)-(\d+)", path).groups())
        article = client.get(path)
        marked = re.search(rf'<mark id="{anchor}">(.*?)</mark>', article.text, re.S)
        text = client.get("/api/v1/articles/" + path.split("/")[2].split("?")[0]).json()["text"]
        assert marked and html.unescape(marked.group(1)) == text[start:end]


def test_story_page_shows_every_section(client: TestClient):
    story_id = client.get("/api/v1/stories", params={"sort": "sources"}).json()["items"][0]["id"]
    page = client.get(f"/stories/{story_id}").text
    for section in ("brief", "figures", "doubted", "timeline", "quotes", "sources", "articles"):
        assert f'<section id="{section}"' in page
    assert "<table>" in page and 'class="graph"' in page and "<blockquote>" in page


def test_story_page_timeline_marks_precision_only_where_the_date_does_not_say_it(client: TestClient):
    """A full date is a day already: "(hari)" beside it is noise; a month, year or week keeps its word."""
    browser = TestClient(client.app)  # its own cookie jar: the language asked for is remembered
    story_id = browser.get("/api/v1/stories", params={"sort": "sources"}).json()["items"][0]["id"]
    for language in LANGUAGES:
        page = browser.get(f"/stories/{story_id}", params={"lang": language}).text
        timeline = page[page.index('<section id="timeline"') : page.index('<section id="quotes"')]
        entries = re.findall(r'<time datetime="[^"]+">([^<]*)</time>\s*(<span class="precision">\((.*?)\)</span>)?',
                             timeline)
        days = [marker for shown, marker, _ in entries if re.fullmatch(r"\d{4}-\d{2}-\d{2}", shown)]
        assert days and not any(days), (language, entries)
        words = {text for key, text in strings(language).items() if key.startswith("precision_")}
        assert {said for _, _, said in entries if said} <= words - {strings(language)["precision_day"]}


def test_story_page_sets_compared_claims_first_and_folds_the_single_source_ones(client: TestClient):
    story_id = client.get("/api/v1/stories", params={"sort": "sources"}).json()["items"][0]["id"]
    statuses = {g["status"] for g in client.get(f"/api/v1/stories/{story_id}").json()["claim_groups"]}
    assert "single-source" in statuses and statuses - {"single-source"}, "the fixture should hold both kinds"
    page = client.get(f"/stories/{story_id}").text
    figures = page[page.index('<section id="figures"') : page.index('<section id="doubted"')]
    unfolded = re.sub(r"<details>.*?</details>", "", figures, flags=re.S)
    assert 'badge single-source' not in unfolded and re.search(r'badge (corroborated|conflicting|evolving|disputed)"',
                                                               unfolded)
    assert re.search(r"<details><summary>\d+ (angka|klaim lain) dari satu sumber saja</summary>", figures)


@pytest.mark.parametrize("form", [{"token": "wrong"}, {"token": TOKEN, "urls": "/etc/passwd"}, {"token": TOKEN}])
def test_ingest_form_refuses_with_a_reason(writable_client: TestClient, form: dict):
    response = writable_client.post("/ingest", data=form)
    assert response.status_code in (401, 422) and 'class="problem" role="alert"' in response.text


def test_read_only_server_says_so_on_the_ingest_page(client: TestClient):
    page = client.get("/ingest").text
    assert "hanya-baca" in page and "disabled" in page
    assert client.post("/ingest", data={"token": "x", "urls": "https://example.com"}).status_code == 403


def test_a_story_analysed_in_part_says_why_on_its_page_and_in_the_api(web_store, tmp_path):
    from kabar.store import Store
    from kabar.web import create_app
    from tests.web.conftest import copy_store

    path = copy_store(web_store, tmp_path / "kabar.sqlite")
    with Store(path) as store:
        analysis = store.load_analysis()
        failed, other = analysis.stories[0], analysis.stories[1]
        failed.failure = "brief failed: RuntimeError: injected <fault>"
        store.save_analysis(analysis)
    client = TestClient(create_app(path, token=""))
    page = client.get(f"/stories/{failed.id}").text
    assert "brief failed: RuntimeError: injected &lt;fault&gt;" in page and 'role="note"' in page
    assert client.get(f"/api/v1/stories/{failed.id}").json()["stories"][0]["failure"].startswith("brief failed")
    assert "injected" not in client.get(f"/stories/{other.id}").text


def test_the_job_page_names_the_stories_its_analysis_did_only_in_part(writable_client: TestClient, monkeypatch):
    from kabar.stories import analysis
    from tests.web.test_api import _wait_for

    def failing(*args, **kwargs):
        raise RuntimeError("injected fault")

    monkeypatch.setattr(analysis, "build_timeline", failing)
    new = ("kapal.txt", "Kapal Rusia Angkut Tentara\n\nVLADIVOSTOK - Kapal angkut militer Rusia membawa sekitar "
           "3.000 tentara ke Vladivostok pada Selasa, kata juru bicara kepada wartawan.")
    started = writable_client.post("/api/v1/ingest/files", headers={"Authorization": f"Bearer {TOKEN}"},
                                   files={"files": new}, data={"analyze": "true"})
    job = _wait_for(writable_client, started.headers["location"], seconds=300)
    assert job["status"] == "done" and job["in_part"]
    assert all("analysed in part: timeline failed: RuntimeError: injected fault" in line for line in job["in_part"])
    page = writable_client.get(f"/ingest/{job['id']}").text
    assert "Dianalisis hanya sebagian" in page and "analysed in part: timeline failed: RuntimeError: injected" in page


ENGLISH_INTERFACE_WORDS = re.compile(r"\b(?:export|story|stories|source|sources|claims?|figures?|outlets?)\b", re.I)
"""English words of the interface that an Indonesian string would have left untranslated."""


def test_no_indonesian_interface_string_leaves_an_english_word_outside_a_command():
    """The Indonesian table's own strings (not the English ones filling its gaps), placeholders and `commands`
    aside."""
    own = tomllib.loads(resources.files("kabar.data").joinpath("interface/id.toml").read_text("utf-8"))
    untranslated = {key: text for key, text in own.items()
                    if ENGLISH_INTERFACE_WORDS.search(re.sub(r"`[^`]*`|\{[^}]*\}", "", text))}
    assert not untranslated


def test_english_pages_count_one_article_outlet_or_source_in_the_singular(client: TestClient):
    listing = html.unescape(re.sub(r"<[^>]+>", "", client.get("/?lang=en").text))
    alone = [s for s in client.get("/api/v1/stories").json()["items"] if s["articles"] == 1]
    assert alone, "the example corpus holds a story of one article"
    page = html.unescape(re.sub(r"<[^>]+>", "", client.get(f"/stories/{alone[0]['id']}?lang=en").text))
    for text in (listing, page):
        assert re.search(r"\b1 article ·", text) and not re.search(r"\b1 (?:articles|outlets|independent sources)\b", text)
