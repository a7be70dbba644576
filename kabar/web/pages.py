"""The newsroom pages: server-rendered HTML over the same queries as the API, readable without JavaScript
(the script only scrolls to evidence, polls ingest jobs and refreshes the live counts)."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Awaitable, Callable
from datetime import date
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from kabar import queries
from kabar.i18n import LANGUAGES, chosen_language, translator
from kabar.model import precision_worth_showing
from kabar.report.render import claim_views, evidence_anchor, highlight, sources_graph
from kabar.web.answers import Recipe, VersionOf
from kabar.web.api import check_targets
from kabar.web.app import answered, not_found, settings_of, store_of

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("kabar.web").joinpath("templates")))
PER_PAGE = 20
PAGE_ROWS = 50
"""A story page lists at most this many rows per table or list (the newest articles, the first figures of
each group); the per-story export in the API holds them all."""


def cite_url(evidence: dict[str, Any]) -> str:
    """Opens the cited article with the evidence highlighted and scrolled into view."""
    a, s, e = evidence["article"], evidence["start"], evidence["end"]
    return f"/articles/{a}?hl={s}-{e}#{evidence_anchor(evidence)}"


def web_url(url: str | None) -> str | None:
    """Only http(s) addresses become links: a stored `javascript:` URL stays text."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def marked(snippet: str, matches: list[list[int]]) -> Markup:
    """The snippet escaped, each matched word in <mark>."""
    pieces, cursor = [], 0
    for start, end in sorted(matches):
        pieces += [str(escape(snippet[cursor:start])), f"<mark>{escape(snippet[start:end])}</mark>"]
        cursor = end
    pieces.append(str(escape(snippet[cursor:])))
    return Markup("".join(pieces))


@pass_context
def cite(context: Context, evidence: dict[str, Any]) -> Markup:
    """A citation link labelled with the cited article's outlet (or its id). Python, not a template macro:
    a large story's page holds thousands of citations, and a macro call cost ten times as much."""
    return _citation(context, evidence, Markup("[{}]").format(_outlet_label(context, evidence)))


@pass_context
def cite_each(context: Context, evidences: list[dict[str, Any]]) -> Markup:
    """Citations of many reports, one bracket per outlet in the order first cited, its reports numbered links
    ("[Tempo: 1, 2, 3] [Kompas.com]"): a claim group told in fourteen reports read as fourteen "[Tempo]"
    links side by side, which says neither how many outlets nor which link is which."""
    by_outlet: dict[str, list[dict[str, Any]]] = {}
    for evidence in evidences:
        by_outlet.setdefault(_outlet_label(context, evidence), []).append(evidence)
    brackets = []
    for outlet, cited in by_outlet.items():
        if len(cited) == 1:
            brackets.append(cite(context, cited[0]))
            continue
        numbers = Markup(", ").join(_citation(context, e, str(n)) for n, e in enumerate(cited, start=1))
        brackets.append(Markup('<span class="cites">[{}: {}]</span>').format(outlet, numbers))
    return Markup(" ").join(brackets)


def _outlet_label(context: Context, evidence: dict[str, Any]) -> str:
    articles = context.get("articles")
    article = articles.get(evidence["article"]) if isinstance(articles, dict) else None
    return (article or {}).get("outlet") or evidence["article"]


def _citation(context: Context, evidence: dict[str, Any], label: str) -> Markup:
    return Markup('<a class="cite" href="{}" title="{}: {}">{}</a>').format(
        cite_url(evidence), context["t"]("open_citation"), evidence["text"], label)


templates.env.globals.update(cite_url=cite_url, web_url=web_url, marked=marked, cite=cite, cite_each=cite_each)
templates.env.filters["precision_worth_showing"] = precision_worth_showing


def language_of(request: Request) -> str:
    return chosen_language(request.query_params.get("lang"), request.cookies.get("lang"))


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    language = language_of(request)
    other = "en" if language == "id" else "id"
    return templates.TemplateResponse(request, name, {
        "t": translator(language),
        "lang": language,
        "other_lang_url": str(request.url.include_query_params(lang=other)),
        "counts": queries.counts(store_of(request)),
        "read_only": settings_of(request).read_only,
        "path": request.url.path,
        **context,
    }, status_code=status)


def whole_store(params: dict[str, Any]) -> VersionOf:
    return queries.whole_store


def one_story(params: dict[str, Any]) -> VersionOf:
    return functools.partial(queries.story_version, story_id=params["story_id"])


def cached(depends_on: Callable[[dict[str, Any]], VersionOf] = whole_store
           ) -> Callable[[Callable[..., HTMLResponse]], Callable[..., Awaitable[Response]]]:
    """Serve a page from the answer cache (`kabar.web.answers`): a page depends only on the version of the
    store it `depends_on` (given the route's parameters), the URL and the language. A language chosen with
    ?lang= is remembered in a cookie. The header's counts are those of the page's render; the page's script
    brings them up to date."""
    def decorate(route: Callable[..., HTMLResponse]) -> Callable[..., Awaitable[Response]]:
        @functools.wraps(route)
        async def page(request: Request, **params: Any) -> Response:
            def rendered() -> tuple[int, bytes]:
                response = route(request, **params)
                return response.status_code, bytes(response.body)

            response = await answered(request, Recipe(rendered, "text/html", depends_on(params)))
            if request.query_params.get("lang") in LANGUAGES:
                response.set_cookie("lang", language_of(request), max_age=365 * 86400, samesite="lax")
            return response

        return page

    return decorate


def error_page(request: Request, status: int, reason: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, reason=reason)


def _pager(request: Request, page: dict[str, Any]) -> dict[str, str | None]:
    offset, limit, total = page["offset"], page["limit"], page["total"]
    return {
        "previous": str(request.url.include_query_params(offset=max(0, offset - limit))) if offset else None,
        "next": str(request.url.include_query_params(offset=offset + limit)) if offset + limit < total else None,
    }


@router.get("/", response_class=HTMLResponse)
@cached()
def story_list(request: Request, sort: str = "newest", since: Annotated[date | None, Query()] = None,
               until: Annotated[date | None, Query()] = None, outlet: str | None = None, entity: str | None = None,
               language: str | None = None, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    store = store_of(request)
    page = queries.list_stories(store, sort, since, until, outlet or None, entity or None, language or None,
                                offset, PER_PAGE)
    chosen = {"sort": sort, "since": since, "until": until, "outlet": outlet, "entity": entity, "language": language}
    return render(request, "stories.html", page=page, pager=_pager(request, page), chosen=chosen,
                  choices=queries.filter_choices(store), sorts=queries.SORTS,
                  sort_links={s: "/?" + urlencode({**{k: v for k, v in chosen.items() if v}, "sort": s})
                              for s in queries.SORTS})


def story_views(document: dict[str, Any]) -> dict[str, Any]:
    """What the story page shows beyond the export itself: the figure table, disputed claims, quotes by
    speaker and the sources graph, all read off the per-story document."""
    names = {e["id"]: e["name"] for e in document["entities"]}
    articles = {a["id"]: a for a in document["articles"]}
    claims = {c["id"]: c for c in document["claims"]}
    shown = claim_views(document["claim_groups"], claims, articles, names)
    figures, lone_figures = ([{**table, "rows": table["rows"][:PAGE_ROWS], "more": _beyond_page(table["rows"])}
                              for table in shown[kind]] for kind in ("figures", "lone_figures"))
    speakers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for quote in document["quotes"]:
        speakers[quote["speaker"] or ""].append(quote)
    return {
        "names": names,
        "articles": articles,
        "claims": claims,
        "figures": figures,
        "lone_figures": lone_figures[:PAGE_ROWS],
        "lone_figures_more": _beyond_page(lone_figures),
        "other_groups": shown["groups"],
        "lone_groups": shown["lone_groups"][:PAGE_ROWS],
        "lone_groups_more": _beyond_page(shown["lone_groups"]),
        "doubted": [c for c in document["claims"] if c["stance"] in queries.DOUBTED_STANCES][:PAGE_ROWS],
        "speakers": [{"id": s, "name": names.get(s, s) if s else None, "quotes": q[:PAGE_ROWS // 5],
                      "more": max(0, len(q) - PAGE_ROWS // 5)}
                     for s, q in sorted(speakers.items(), key=lambda item: -len(item[1]))[:PAGE_ROWS]],
        "listed_articles": sorted(document["articles"], key=lambda a: a["published"] or "", reverse=True)[:PAGE_ROWS],
        "sources_graph": sources_graph(document, names),
    }


def _beyond_page(items: list[Any]) -> int:
    """How many a story page leaves to the per-story export."""
    return max(0, len(items) - PAGE_ROWS)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
@cached(one_story)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    document = queries.story_document(store_of(request), story_id, texts=False)
    if document is None:
        raise not_found(f"story {story_id}")
    return render(request, "story.html", doc=document, story=document["story"], **story_views(document))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
@cached()
def article_page(request: Request, article_id: str, hl: str | None = None) -> HTMLResponse:
    article = queries.article_detail(store_of(request), article_id)
    if article is None:
        raise not_found(f"article {article_id}")
    spans = []
    if hl and hl.count("-") == 1 and all(part.isdigit() for part in hl.split("-")):
        start, end = map(int, hl.split("-"))
        if 0 <= start < end <= len(article["text"]):
            spans = [{"article": article_id, "start": start, "end": end}]
    return render(request, "article.html", article=article, body=highlight(article["text"], spans))


@router.get("/entities", response_class=HTMLResponse)
@cached()
def entity_list(request: Request, q: str | None = None, type: str | None = None,
                offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    page = queries.list_entities(store_of(request), q or None, type or None, offset, 50)
    return render(request, "entities.html", page=page, pager=_pager(request, page), q=q or "", type=type or "")


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
@cached()
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    entity = queries.entity_detail(store_of(request), entity_id)
    if entity is None:
        raise not_found(f"entity {entity_id}")
    return render(request, "entity.html", entity=entity)


@router.get("/search", response_class=HTMLResponse)
@cached()
def search_page(request: Request, q: str = "", outlet: str | None = None, language: str | None = None,
                story: str | None = None, since: Annotated[date | None, Query()] = None,
                until: Annotated[date | None, Query()] = None) -> HTMLResponse:
    result = None
    if q.strip():
        result = queries.search(store_of(request), q, outlet or None, language or None, since, until, limit=200)
        if story:
            result["hits"] = [h for h in result["hits"] if h["story"] == story]
    chosen = {"q": q, "outlet": outlet, "language": language, "story": story, "since": since, "until": until}
    return render(request, "search.html", q=q, result=result, chosen=chosen,
                  facet_url=lambda key, value: "/search?" + urlencode(
                      {**{k: v for k, v in chosen.items() if v}, key: value}))


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request) -> HTMLResponse:
    return render(request, "ingest.html", problem=None, urls="")


@router.post("/ingest", response_class=HTMLResponse)
async def ingest_submit(request: Request, token: Annotated[str, Form()] = "", urls: Annotated[str, Form()] = "",
                        analyze: Annotated[bool, Form()] = False,
                        files: Annotated[list[UploadFile] | None, File()] = None) -> Response:
    t = translator(language_of(request))
    settings = settings_of(request)
    if settings.read_only:
        return render(request, "ingest.html", status=403, problem=t("read_only"), urls=urls)
    if not settings.allows(token):
        return render(request, "ingest.html", status=401, problem=t("bad_token"), urls=urls)
    try:
        targets = check_targets(urls.splitlines())
    except ValueError as error:
        return render(request, "ingest.html", status=422, problem=str(error), urls=urls)
    uploads = [(f.filename, await f.read()) for f in files or [] if f.filename]
    if not targets and not uploads:
        return render(request, "ingest.html", status=422, problem=t("no_targets"), urls=urls)
    job = request.app.state.jobs.submit(targets, analyze, uploads)
    return RedirectResponse(f"/ingest/{job.id}", status_code=303)


@router.get("/ingest/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> HTMLResponse:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise not_found(f"ingest job {job_id}")
    return render(request, "job.html", job=job.to_json())


@router.get("/api/v1/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API's OpenAPI description as a page (the stock one loads its script from the internet)."""
    return render(request, "api.html", spec=request.app.openapi())
