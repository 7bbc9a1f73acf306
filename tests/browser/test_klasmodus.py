"""Room mode (`samenschool start --netwerk`), tried as a participant, an attacker and the facilitator.

One server for the whole module (room mode, two preheated kernels, a facilitator token), on
127.0.0.1. The facilitator's browser talks to it directly; participants go through a relay
(tests/relay.py) whose source address is 127.0.0.2, so the server sees another computer.
The server serves a copy of notebooks/ and exercises/ with one extra page marked for the
facilitator (``"samenschool": {"begeleider": true}``).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests

from samenschool import app, deelnemer
from samenschool.paths import repo_root
from samenschool.werkmap import Werkmap

from ..relay import Relay
from .conftest import PAGE_TIMEOUT_MS, VoilaServer, open_module

pytestmark = pytest.mark.browser
POOL = 2
TOKEN = "test-token-" + os.urandom(6).hex()
BEGELEIDER_NB = "notebooks/99_begeleider_test.ipynb"
SCREENSHOTS = Path(tempfile.gettempdir()) / "samenschool-screenshots"


class Klas:
    def __init__(self, server: VoilaServer, relay: Relay, werkmap: Path, root: Path):
        self.server, self.relay, self.werkmap, self.root = server, relay, werkmap, root
        self.lokaal = server.url  # the facilitator's own browser
        self.zaal = f"{server.url}/zaal?token={TOKEN}"

    @property
    def deelnemer(self) -> str:
        return self.relay.url

    def wacht_op_kernels(self, hoogstens: int, timeout: float = 90.0) -> int:
        deadline = time.monotonic() + timeout
        count = self.server.kernel_count()
        while time.monotonic() < deadline:
            count = self.server.kernel_count()
            if count <= hoogstens:
                return count
            time.sleep(0.5)
        return count

    def wacht_op_pool(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.server.kernel_count() < POOL:
            time.sleep(0.5)
        time.sleep(1.0)  # pool kernels are running their first cells

    def mappen(self) -> list[Path]:
        root = self.werkmap / "deelnemers"
        return sorted(p for p in root.glob("deelnemer-*") if p.is_dir()) if root.is_dir() else []


def _root_copy() -> Path:
    root = Path(tempfile.mkdtemp(prefix="samenschool-klas-root-"))
    shutil.copytree(repo_root() / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(repo_root() / "exercises", root / "exercises", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    gids = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Alleen voor de begeleider"]}],
            "metadata": {"samenschool": {"begeleider": True, "titel": "Gids"},
                         "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}
    (root / BEGELEIDER_NB).write_text(json.dumps(gids), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def klas(browser_type_launch_args):
    werkmap = Path(tempfile.mkdtemp(prefix="samenschool-klas-"))
    root = _root_copy()
    port = app.free_port()
    env = app.server_env(klas=True)
    env.update(SAMENSCHOOL_WERKMAP=str(werkmap), SAMENSCHOOL_TOKEN=TOKEN,
               SAMENSCHOOL_DEELNEMERS_URL=f"http://192.0.2.10:{port}/")
    log = open(Path(tempfile.gettempdir()) / f"samenschool-klas-{port}.log", "w")
    proc = subprocess.Popen(app.voila_command(port, "127.0.0.1", folder=root, klas=True, deelnemers=POOL), env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    relay = Relay(port).start()
    try:
        app.wait_until_up(app.probe_url(port), proc, timeout=120)
        result = Klas(VoilaServer(f"http://127.0.0.1:{port}", proc.pid), relay, werkmap, root)
        result.wacht_op_pool()
        yield result
    finally:
        relay.stop()
        app.stop_server(proc)
        log.close()
        shutil.rmtree(root, ignore_errors=True)


def _get(url: str, **kwargs) -> requests.Response:
    kwargs.setdefault("allow_redirects", False)
    return requests.get(url, timeout=60, **kwargs)


def _start(base: str) -> str:
    return f"{base}/voila/render/{app.START_PAGE}"


def _set_cookie(resp: requests.Response, name: str) -> str:
    headers = resp.raw.headers.getlist("Set-Cookie")
    found = [h for h in headers if h.startswith(name + "=")]
    assert len(found) == 1, headers
    return found[0]


# -- what the room can reach ------------------------------------------------------------------
def test_room_reaches_only_learner_pages(klas):
    first = _get(_start(klas.deelnemer))
    cookie = {deelnemer.COOKIE: _set_cookie(first, deelnemer.COOKIE).split(";")[0].split("=", 1)[1]}
    assert _get(klas.deelnemer + "/").headers["Location"] == f"/voila/render/{app.START_PAGE}"
    refused = ["/voila/tree", "/voila/tree/src", "/voila/api/contents", "/voila/api/contents/notebooks",
               "/voila/render/exercises/bron/01_casusanalyse.ipynb", "/voila/render/src/samenschool/app.py",
               "/voila/render/benchmarks/floor.ipynb", "/voila/render/notebooks/../exercises/bron/01_casusanalyse.ipynb",
               "/voila/files/exercises/bron/01_casusanalyse.ipynb", "/voila/files/src/samenschool/app.py",
               "/voila/files/notebooks/01_gelijke_kansen.ipynb", "/api/contents", "/login", "/lab", "/bestaat-niet"]
    for base, cookies in ((klas.deelnemer, None), (klas.deelnemer, cookie), (klas.lokaal, None)):
        for path in refused:
            resp = _get(base + path, cookies=cookies)
            assert resp.status_code in (403, 404), (base, path, resp.status_code)
            assert "oplossing" not in resp.text and "Voilà Home" not in resp.text and "samenschool/app.py" not in resp.text
            assert "https://" not in resp.text and "cdn" not in resp.text.lower(), path  # no CDN on error pages
            assert 'lang="nl"' in resp.text, path
    page = _get(klas.deelnemer + "/voila/tree")
    assert page.status_code == 404 and "Deze pagina bestaat niet" in page.text
    # the kernels' own request channel is for the server's kernels only
    assert _get(klas.deelnemer + "/voila/query/00000000-0000-0000-0000-000000000000", cookies=cookie).status_code == 403


def test_facilitator_pages_need_the_token(klas):
    for base in (klas.deelnemer, klas.lokaal):
        for path in ("/zaal", "/zaal/inhoud", "/zaal/werkboeken.zip", "/zaal?token=fout", "/zaal?token=%C3%A9", f"/voila/render/{BEGELEIDER_NB}"):
            resp = _get(base + path)
            assert resp.status_code == 403, (base, path)
            assert "Alleen voor de begeleider" in resp.text and TOKEN not in resp.text
    session = requests.Session()
    resp = session.get(klas.zaal, allow_redirects=False, timeout=60)
    assert resp.status_code == 302 and resp.headers["Location"] == "/zaal"  # the token leaves the address bar
    cookie = _set_cookie(resp, "samenschool_begeleider")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
    page = session.get(klas.lokaal + "/zaal", timeout=60)
    assert page.status_code == 200 and "De zaal" in page.text and TOKEN not in page.text
    assert "http://192.0.2.10:" in page.text and "<svg" in page.text  # the room's address and its QR code


# -- identity from the server ---------------------------------------------------------------------
def test_without_a_cookie_no_kernel_and_no_facilitator_werkmap(klas):
    Werkmap(klas.werkmap)  # the facilitator's folder: nothing new may appear in it
    def inhoud():  # other tests of this module may have saved the facilitator's own answers
        return {p.name: p.stat().st_mtime_ns for p in klas.werkmap.glob("*.json")}

    eerst = inhoud()
    before = klas.server.kernel_count()
    first = _get(_start(klas.deelnemer))
    assert first.status_code == 302 and first.headers["Location"].endswith("?ss_cookie=1")
    cookie = _set_cookie(first, deelnemer.COOKIE)
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    value = cookie.split(";")[0].split("=", 1)[1]
    refused = _get(klas.deelnemer + first.headers["Location"])  # the cookie did not come back
    assert refused.status_code == 403 and "Je browser weigert cookies" in refused.text
    assert "Set-Cookie" not in refused.headers or deelnemer.COOKIE not in refused.headers["Set-Cookie"]
    assert value not in refused.text and "kernelId" not in refused.text
    # a raw client (no browser, no cookie) reaches no kernel route either
    for path in ("/api/kernels/00000000-0000-0000-0000-000000000000",
                 "/api/kernels/00000000-0000-0000-0000-000000000000/channels",
                 "/voila/api/shutdown/00000000-0000-0000-0000-000000000000"):
        assert _get(klas.deelnemer + path).status_code == 403, path
    time.sleep(3)
    assert klas.server.kernel_count() == before
    assert inhoud() == eerst


@pytest.mark.parametrize("soort", ["vervalst", "vreemd"])
def test_forged_or_foreign_id_is_refused(klas, soort):
    sleutel = b"een andere server" * 2 if soort == "vreemd" else deelnemer.lees_of_maak_sleutel(klas.werkmap)
    waarde = deelnemer.nieuwe_cookie(sleutel)
    if soort == "vervalst":  # a valid-looking id without the server's signature
        waarde = waarde.split(".")[0] + "." + "f" * 64
    before_kernels, before_register = klas.server.kernel_count(), deelnemer.Register(klas.werkmap).nummers()
    resp = _get(_start(klas.deelnemer), cookies={deelnemer.COOKIE: waarde})
    assert resp.status_code == 302 and "kernelId" not in resp.text
    assert _set_cookie(resp, deelnemer.COOKIE).split(";")[0].split("=", 1)[1] != waarde  # replaced by a new one
    time.sleep(2)
    assert deelnemer.Register(klas.werkmap).nummers() == before_register
    assert klas.server.kernel_count() == before_kernels


def test_cookie_refusing_browser_gets_one_clear_page_no_loop(klas, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")

    def zonder_cookies(route):
        # fetched outside the browser (Playwright's own fetch would store the cookie), then
        # handed to the page without any Set-Cookie: a browser that refuses cookies
        request = route.request
        headers = {k: v for k, v in request.headers.items() if k.lower() not in ("cookie", "host")}
        resp = requests.request(request.method, request.url, headers=headers, allow_redirects=False, timeout=60)
        kept = {k: v for k, v in resp.headers.items()
                if k.lower() not in ("set-cookie", "content-encoding", "content-length", "transfer-encoding")}
        route.fulfill(status=resp.status_code, headers=kept, body=resp.content)

    context.route("**/*", zonder_cookies)
    page = context.new_page()
    renders: list[str] = []
    page.on("request", lambda req: "/voila/render/" in req.url and renders.append(req.url))
    before = klas.server.kernel_count()
    try:
        page.goto(_start(klas.deelnemer), timeout=PAGE_TIMEOUT_MS)
        page.get_by_text("Je browser weigert cookies").first.wait_for(timeout=PAGE_TIMEOUT_MS)
        time.sleep(5)  # a loop would keep loading
        assert len(renders) == 2, renders  # the first visit and the one check, nothing more
        assert "Sta cookies toe" in page.inner_text("body")
        assert context.cookies() == [] or all(c["name"] != deelnemer.COOKIE for c in context.cookies())
        assert klas.server.kernel_count() == before
    finally:
        context.close()


# -- the room at work, the projector view, wipes -------------------------------------------------
def _deelnemer_pagina(browser, klas, module: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    open_module(page, klas.deelnemer, module)
    return context, page


def _reflectie(page, text: str) -> None:
    area = page.locator(".ss-reflectie textarea").first
    area.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    area.fill(text[:-1])
    area.press(text[-1])


def _wacht_op_bestand(klas, text: str, timeout: float = 60.0, module: str = "02_partnerschap") -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for folder in klas.mappen():
            path = folder / f"{module}.json"
            if path.exists() and text in path.read_text(encoding="utf-8"):
                return folder
        time.sleep(0.1)
    raise AssertionError(f"niet bewaard: {text}")


def _screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=False)


def test_participants_apart_and_the_projector_shows_answers_within_5_s(klas, browser):
    zaal_ctx = browser.new_context(viewport={"width": 683, "height": 512}, device_scale_factor=1.5, locale="nl-BE")
    zaal = zaal_ctx.new_page()
    zaal.set_default_timeout(PAGE_TIMEOUT_MS)
    zaal.goto(klas.zaal)
    assert zaal.url.endswith("/zaal")
    zaal.get_by_role("heading", name="De zaal").wait_for()
    contexts = []
    try:
        ctx_a, page_a = _deelnemer_pagina(browser, klas, "02_partnerschap.ipynb")
        contexts.append(ctx_a)
        cookies = [c for c in ctx_a.cookies() if c["name"] == deelnemer.COOKIE]
        assert len(cookies) == 1 and cookies[0]["httpOnly"] and cookies[0]["sameSite"] == "Strict"
        assert cookies[0]["value"] not in page_a.content()  # the id is never on the page
        assert cookies[0]["value"].split(".")[0] not in page_a.content()

        _reflectie(page_a, "Ik wil elke ouder persoonlijk begroeten.")
        _wacht_op_bestand(klas, "Ik wil elke ouder persoonlijk begroeten.")
        start = time.monotonic()
        zaal.get_by_text("Ik wil elke ouder persoonlijk begroeten.").wait_for(timeout=5_000)
        assert time.monotonic() - start <= 5.0

        ctx_b, page_b = _deelnemer_pagina(browser, klas, "02_partnerschap.ipynb")
        contexts.append(ctx_b)
        _reflectie(page_b, "Huisbezoeken bij de start van het jaar.")
        _wacht_op_bestand(klas, "Huisbezoeken bij de start van het jaar.")
        zaal.get_by_text("Reflectie 1 van 2").wait_for(timeout=5_000)
        assert len(klas.mappen()) == 2
        assert list(klas.werkmap.glob("*.json")) == []  # nothing in the facilitator's own werkmap
        _screenshot(zaal, "zaal-1024x768-150.png")

        # the wall: one at a time, hide one
        zaal.get_by_role("button", name="Verberg deze").click()
        zaal.get_by_text("Reflectie 1 van 1, 1 verborgen").wait_for(timeout=5_000)
        zaal.get_by_role("button", name="Toon alles opnieuw").click()
        zaal.get_by_text("Reflectie 1 van 2").wait_for(timeout=5_000)

        # each participant sees only their own answer after a reload
        open_module(page_a, klas.deelnemer, "02_partnerschap.ipynb")
        area = page_a.locator(".ss-reflectie textarea").first
        area.wait_for(state="visible")
        assert area.input_value() == "Ik wil elke ouder persoonlijk begroeten."

        # kernels return to the pool or stop when the pages close
        for page in (page_a, page_b):
            page.goto("about:blank")
        assert klas.wacht_op_kernels(POOL) <= POOL  # the pool refills to pool_na_start(POOL) = POOL
    finally:
        for context in contexts:
            context.close()
        zaal_ctx.close()


def test_a_pool_page_is_filled_in_for_whoever_opens_it(klas, browser):
    """The start page comes from the pool, run before anyone asked for it. A participant who
    saved an answer and opens it again sees that answer; the facilitator on this computer sees
    their own page, never a participant's."""
    klas.wacht_op_pool()
    context, page = _deelnemer_pagina(browser, klas, "00_start.ipynb")
    try:
        page.locator(".ss-klaar").wait_for(state="attached")
        area = page.locator(".ss-reflectie textarea").first
        area.wait_for(state="visible")
        assert area.input_value() == ""
        area.fill("Ouders beter leren kennen")
        area.press("!")
        _wacht_op_bestand(klas, "Ouders beter leren kennen!", module="00_start")
        klas.wacht_op_pool()
        open_module(page, klas.deelnemer, "00_start.ipynb")  # a second pool kernel, built for nobody
        page.locator(".ss-klaar").wait_for(state="attached")
        area = page.locator(".ss-reflectie textarea").first
        area.wait_for(state="visible")
        page.wait_for_function("() => document.querySelector('.ss-reflectie textarea').value !== ''")
        assert area.input_value() == "Ouders beter leren kennen!"
        assert "op de computer van je begeleider" in page.locator(".ss-werkmap").inner_text()

        lokaal = context.browser.new_context(locale="nl-BE")
        try:
            eigen = lokaal.new_page()
            eigen.set_default_timeout(PAGE_TIMEOUT_MS)
            open_module(eigen, klas.lokaal, "00_start.ipynb")
            eigen.locator(".ss-klaar").wait_for(state="attached")
            eigen.locator(".ss-werkmap").wait_for(state="visible")
            assert "Wissen hier wist alleen de jouwe" in eigen.locator(".ss-werkmap").inner_text()
            assert eigen.locator(".ss-reflectie textarea").first.input_value() != "Ouders beter leren kennen!"
        finally:
            lokaal.close()
    finally:
        context.close()


def _sorteer(page, klas, thema: str) -> None:
    open_module(page, klas.deelnemer, "01_gelijke_kansen.ipynb")
    selects = page.locator(".ss-sorteer .ss-keuze select")
    selects.first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    for i in range(selects.count()):
        selects.nth(i).select_option(label=thema)
    page.locator(".ss-sorteer").get_by_text("citaten gesorteerd").first.wait_for()


def _teamkaart(page, klas, gewicht: str) -> None:
    open_module(page, klas.deelnemer, "03_drempels.ipynb")
    kaart = page.locator(".ss-teamkaart")
    kaart.scroll_into_view_if_needed()
    kaart.locator(".ss-weging").first.locator("button", has_text=gewicht).click()
    kaart.locator(".ss-knop-volgende").click()
    kaart.get_by_text("Bewaard. Je weging staat op het scherm").wait_for()


def test_participants_do_modules_01_and_03_and_the_zaal_shows_it_live(klas, browser):
    """The issue's "done when": participants join through the room's address, sort the quotes of
    module 01 and weigh the barriers of module 03; the projector shows both, without names."""
    zaal_ctx = browser.new_context(viewport={"width": 683, "height": 512}, device_scale_factor=1.5, locale="nl-BE")
    zaal = zaal_ctx.new_page()
    zaal.set_default_timeout(PAGE_TIMEOUT_MS)
    zaal.goto(klas.zaal)
    contexts = []
    try:
        for thema, gewicht in (("Betaalbaarheid van het onderwijs", "3"), ("Informatie en communicatie", "1")):
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
            contexts.append(context)
            page = context.new_page()
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            _sorteer(page, klas, thema)
            _teamkaart(page, klas, gewicht)
            page.goto("about:blank")
        sortering = zaal.locator("section[aria-labelledby=t-sorteer]")
        sortering.get_by_text("Informatie en communicatie").first.wait_for(timeout=10_000)
        tekst = sortering.inner_text()
        assert "Betaalbaarheid van het onderwijs" in tekst and "De oudergroep las het als" in tekst
        assert "2 deelnemers sorteerden dit citaat" in tekst
        drempels = zaal.locator("section[aria-labelledby=t-drempels]")
        drempels.get_by_text("teamleden").wait_for(timeout=10_000)
        alt = drempels.locator(".alt").inner_text()
        assert "2 teamleden" in alt and "gemiddeld 2,0" in alt and "(van 1 tot 3)" in alt
        zaal.locator("#t-sorteer").scroll_into_view_if_needed()
        _screenshot(zaal, "zaal-module01-1024x768-150.png")
        zaal.locator("#t-drempels").scroll_into_view_if_needed()
        _screenshot(zaal, "zaal-module03-1024x768-150.png")
        assert "deelnemer-0" not in zaal.content()
    finally:
        for context in contexts:
            context.close()
        zaal_ctx.close()


def test_a_participants_wipe_wipes_that_participant_only(klas, browser):
    eigen = Werkmap(klas.werkmap)
    _bewaar(eigen, "02_partnerschap", "reflectie", "Antwoord van de begeleider.")
    ctx_a, page_a = _deelnemer_pagina(browser, klas, "02_partnerschap.ipynb")
    ctx_b, page_b = _deelnemer_pagina(browser, klas, "02_partnerschap.ipynb")
    try:
        _reflectie(page_a, "Antwoord van A dat blijft.")
        _reflectie(page_b, "Antwoord van B dat weg moet.")
        map_a = _wacht_op_bestand(klas, "Antwoord van A dat blijft.")
        map_b = _wacht_op_bestand(klas, "Antwoord van B dat weg moet.")
        open_module(page_b, klas.deelnemer, "00_start.ipynb")
        stand = page_b.locator(".ss-werkmap-stand")
        stand.wait_for(state="visible")
        tekst = stand.inner_text() + page_b.inner_text("body")
        assert "op de computer van je begeleider" in tekst and "op deze computer" not in tekst
        page_b.locator(".ss-knop-wis").click()
        page_b.locator(".ss-knop-wis-ja").click()
        page_b.get_by_text("Alles is gewist.").wait_for()
        assert Werkmap(map_b).modules() == []
        assert "Antwoord van A dat blijft." in (map_a / "02_partnerschap.json").read_text(encoding="utf-8")
        assert "Antwoord van de begeleider." in (klas.werkmap / "02_partnerschap.json").read_text(encoding="utf-8")
    finally:
        ctx_a.close()
        ctx_b.close()


def test_werkboeken_zip_for_the_facilitator(klas):
    import io
    import zipfile

    # self-contained (a rerun gets a fresh server): two participants as the server numbers them
    for nummer, naam in ((91, ""), (92, "Sam Peeters")):
        wm = Werkmap(klas.werkmap / "deelnemers" / deelnemer.map_naam(nummer))
        _bewaar(wm, "02_partnerschap", "reflectie", f"Reflectie van deelnemer {nummer}.")
        if naam:
            _bewaar(wm, "00_start", "naam", {"naam": naam, "groep": ""})
    session = requests.Session()
    assert session.get(klas.lokaal + "/zaal/werkboeken.zip", timeout=60).status_code == 403
    session.get(klas.zaal, timeout=60)
    resp = session.get(klas.lokaal + "/zaal/werkboeken.zip", timeout=120)
    assert resp.status_code == 200 and resp.headers["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(resp.content))
    names = archive.namelist()
    assert {"deelnemer-91.html", "deelnemer-91.md", "deelnemer-91.docx", "deelnemer-92-sam-peeters.html"} <= set(names)
    assert all(n.startswith("deelnemer-") for n in names)
    assert "Reflectie van deelnemer 92." in archive.read("deelnemer-92-sam-peeters.md").decode("utf-8")


def _bewaar(wm, module, sleutel, waarde):
    from samenschool.antwoord import Antwoord

    wm.bewaar(module, Antwoord.nieuw(module, sleutel, waarde, vraag=sleutel, tekst=str(waarde)))
