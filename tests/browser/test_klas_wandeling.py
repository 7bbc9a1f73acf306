"""Issue 9's "done when", walked as a new user would: the facilitator runs
``samenschool start --netwerk``, three browsers join through the printed address, do modules
01 and 03, and the projector page shows their sorting and barrier map live; nobody can reach
what is not theirs; SIGTERM leaves no process.

The real launcher (the ``samenschool`` command) runs as a subprocess on a free port with a
werkmap of its own. It listens on loopback only (``SAMENSCHOOL_NETWERK_IP=127.0.0.1``; the
printed address is still the LAN address): the facilitator's browser talks to 127.0.0.1, the
participants' browsers reach the printed port through tests/relay.py from 127.0.0.2, so the
server sees other computers. Each participant has a Chromium context of its own (own cookies)
and clicks like a person; every expected number below is computed from those clicks.

``SAMENSCHOOL_SCREENSHOTS=/some/folder`` saves screenshots of what the room sees (start page,
module 01, module 03, the projector at 1024×768 and 150 %); without it nothing is written.
"""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import psutil
import pytest
import requests
from playwright.sync_api import Error as PlaywrightError

from samenschool import app, data, leerpad
from samenschool.drempels import ouder_drempels
from samenschool.widgets import sorteer

from ..relay import Relay
from .conftest import PAGE_TIMEOUT_MS, assert_no_errors_shown, wacht_op_pagina

pytestmark = pytest.mark.browser

POOL = 3  # `--deelnemers 3`: three browsers join
LIVE_S = 5.0  # the issue: the projector shows a new answer within 5 s
SCREENSHOTS = os.environ.get("SAMENSCHOOL_SCREENSHOTS", "")

# What each participant does, in join order. Names are typed on the start page (the werkboek's
# file name); sorting: quote position on the page -> theme; barrier map: barrier id -> weight
# (every other barrier stays 0, and 0 counts in the group's mean too).
NAMEN = ["An Peeters", "Bram Claes", "Chaima Amrani"]
SORTERING = [
    {0: "Betaalbaarheid van het onderwijs", 1: "Inzetten op talenten en leerkansen", 2: "Ouderbetrokkenheid"},
    {0: "Betaalbaarheid van het onderwijs", 1: "Oog voor welzijn en welbevinden", 4: "Ouderbetrokkenheid"},
    {0: "Informatie en communicatie", 2: "Informatie en communicatie", 3: "Oog voor welzijn en welbevinden"},
]
WEGING = [
    {"tijd_ontmoeting": 3, "wantrouwen_vooroordelen": 1, "taal": 2},
    {"tijd_ontmoeting": 2, "vast_aanspreekpunt": 3, "taal": 2},
    {"tijd_ontmoeting": 3, "wantrouwen_vooroordelen": 2, "leefwereld": 1},
]


# -- the launcher -----------------------------------------------------------------------------------
class Launcher:
    """``samenschool start --netwerk`` as the facilitator types it, and what it printed."""

    def __init__(self, werkmap: Path):
        self.werkmap = werkmap
        self.port = app.free_port()
        command = shutil.which("samenschool", path=str(Path(sys.executable).parent))
        command = [command] if command else [sys.executable, "-m", "samenschool.cli"]
        env = dict(os.environ, SAMENSCHOOL_WERKMAP=str(werkmap), SAMENSCHOOL_NETWERK_IP="127.0.0.1",
                   SAMENSCHOOL_GEEN_BROWSER="1", PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(command + ["start", "--netwerk", "--geen-browser", "--poort", str(self.port),
                                                "--deelnemers", str(POOL)],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     start_new_session=True)
        self.lines: list[str] = []
        threading.Thread(target=self._lees, daemon=True).start()

    def _lees(self) -> None:  # a thread: select() on a buffered pipe misses lines already buffered
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wacht_op_adressen(self, timeout: float = 120.0) -> tuple[str, str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            if any(line.startswith("  Stoppen") for line in self.lines):
                break
            time.sleep(0.2)
        uitvoer = "\n".join(self.lines)
        deelnemers = [line[len("Deelnemers: "):] for line in self.lines if line.startswith("Deelnemers: ")]
        begeleider = [line[len("Begeleider: "):] for line in self.lines if line.startswith("Begeleider: ")]
        assert self.proc.poll() is None and len(deelnemers) == 1 and len(begeleider) == 1, uitvoer
        return deelnemers[0], begeleider[0]

    def familie(self) -> list[psutil.Process]:
        try:
            root = psutil.Process(self.proc.pid)
            return [root] + root.children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def kernels(self) -> int:
        count = 0
        for p in self.familie():
            try:
                if p.status() != psutil.STATUS_ZOMBIE and "ipykernel" in " ".join(p.cmdline()):
                    count += 1
            except psutil.Error:
                pass
        return count

    def opruimen(self) -> None:
        for p in self.familie():
            try:
                p.kill()
            except psutil.Error:
                pass
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        self.proc.stdout.close()


@pytest.fixture
def launcher(browser_type_launch_args):  # needs Chromium: skips (or fails in CI) without it
    werkmap = Path(tempfile.mkdtemp(prefix="samenschool-wandeling-"))
    started = Launcher(werkmap)
    try:
        yield started
    finally:
        started.opruimen()
        shutil.rmtree(werkmap, ignore_errors=True)


# -- helpers: a person at a browser -------------------------------------------------------------------
def _screenshot(page, naam: str) -> None:
    """The whole page. Voilà scrolls inside an element, not the document, so the window is made
    as tall as that content for the picture (and set back after)."""
    if not SCREENSHOTS:
        return
    Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
    hoogte = page.evaluate("""() => Math.max(document.documentElement.scrollHeight,
        ...[...document.querySelectorAll('*')].filter(el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowY))
            .map(el => el.scrollHeight + el.getBoundingClientRect().top))""")
    venster = page.viewport_size
    page.set_viewport_size({"width": venster["width"], "height": min(int(hoogte), 20_000)})
    try:
        page.screenshot(path=str(Path(SCREENSHOTS) / naam), full_page=True)
    finally:
        page.set_viewport_size(venster)


def _ga_naar(page, url: str) -> None:
    """Start loading a page without waiting for it (three browsers load at the same time)."""
    page.goto(url, wait_until="commit", timeout=PAGE_TIMEOUT_MS)


def _wacht_op_startpagina(page) -> None:
    """The start page, bound to this participant. A preheated kernel learns for whom it works
    only after the page is handed out (and may then rebuild its widgets; the marker ``ss-klaar``
    says it is done). Typing before that could go into a widget that is about to be replaced:
    wait for the marker and the participant's wording, not for a number of seconds."""
    wacht_op_pagina(page)
    _wacht_op_tekst(page, ".ss-werkmap-stand", "op de computer van je begeleider")
    page.locator(".ss-naam-naam input").wait_for(state="visible")


def _wacht_op_tekst(page, selector: str, tekst: str) -> None:
    page.wait_for_function(
        "([sel, txt]) => [...document.querySelectorAll(sel)].some(el => el.innerText.includes(txt))",
        arg=[selector, tekst], timeout=PAGE_TIMEOUT_MS)


def _typ(locator, tekst: str) -> None:
    """Type as a person does: the last key is a real key press."""
    locator.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    locator.fill(tekst[:-1])
    locator.press(tekst[-1])


def _wacht_op_schijf(mappen, module: str, check, timeout: float = 60.0) -> Path:
    """The first folder of ``mappen()`` whose ``module`` answers pass ``check``, read on disk
    (outside the kernel): the answer is saved, not only shown."""
    from samenschool.werkmap import Werkmap

    deadline = time.monotonic() + timeout
    gelezen: dict = {}
    while time.monotonic() < deadline:
        for folder in mappen():
            gelezen[folder.name] = Werkmap(folder).load(module)
            if check(gelezen[folder.name]):
                return folder
        time.sleep(0.1)
    raise AssertionError(f"niet bewaard ({module}): {gelezen}")


def _deelnemer_mappen(werkmap: Path):
    return lambda: [p for p in sorted((werkmap / "deelnemers").glob("deelnemer-*")) if p.is_dir()]


class Deelnemer:
    """One participant: a browser context of its own (own cookies), one tab."""

    def __init__(self, browser, nummer: int, base: str):
        self.nummer, self.base = nummer, base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
        self.page = self.context.new_page()
        self.page.set_default_timeout(PAGE_TIMEOUT_MS)
        self.map: Path | None = None
        self.fouten: list[str] = []
        self.page.on("pageerror", lambda exc: self.fouten.append(str(exc)))

    def module(self, notebook: str) -> None:
        _ga_naar(self.page, f"{self.base}/voila/render/notebooks/{notebook}")


def _weging_knop(page, index: int, gewicht: int):
    return page.locator(".ss-teamkaart .ss-weging").nth(index).locator("button", has_text=str(gewicht))


def _verwacht_sortering(citaten: list[str], thema_naam: dict[str, str], groep: dict[str, str]) -> dict:
    """quote id -> {"keuzes": Counter(theme name), "groep": the parents' theme name}."""
    result: dict[str, dict] = {}
    for keuzes in SORTERING:
        for index, thema in keuzes.items():
            cid = citaten[index]
            item = result.setdefault(cid, {"keuzes": Counter(), "groep": thema_naam[groep[cid]]})
            item["keuzes"][thema] += 1
    return result


def _getal(waarde: float) -> str:
    return f"{waarde:.1f}".replace(".", ",")


def _verwacht_drempels(namen: dict[str, str]) -> list[tuple[str, str, str, int, int]]:
    """(barrier, mean, spread, lowest, highest), strongest first, as the projector should say it."""
    rijen = []
    for did, naam in namen.items():
        waarden = [weging.get(did, 0) for weging in WEGING]
        rijen.append((statistics.fmean(waarden), naam, statistics.pstdev(waarden), min(waarden), max(waarden)))
    rijen.sort(key=lambda r: (-r[0], r[1]))
    return [(naam, _getal(gem), _getal(spr), lo, hi) for gem, naam, spr, lo, hi in rijen]


def _lees_sortering(zaal, cid: str) -> tuple[int, Counter, str]:
    """From the projector's text under one quote's chart: (total, choices, the parents' reading)."""
    blok = zaal.locator(f".citaat-blok[data-citaat='{cid}']")
    assert blok.count() == 1, f"geen blok voor {cid}"
    assert cid not in blok.inner_text()  # the kit's quote id means nothing to the room
    alt = " ".join(blok.locator(".alt").inner_text().split())
    totaal = int(re.search(r"(\d+) deelnemers? sorteerden? dit citaat\.", alt).group(1))
    gevonden = re.findall(r"(\d+) (?:koos|kozen): (.+?)( \(de lezing van de oudergroep\))?\.", alt)
    keuzes = Counter({label: int(n) for n, label, _groep in gevonden})
    groep = [label for _n, label, is_groep in gevonden if is_groep]
    if not groep:  # nobody chose the parents' reading: the text names it
        groep = re.findall(r"De oudergroep las het als: (.+?)\.", alt)
    balken = Counter({r.locator(".label").inner_text().replace("★", "").strip(): int(r.locator(".n").inner_text())
                      for r in blok.locator(".rij").all()})
    assert balken == keuzes, (cid, balken, keuzes)  # the bars say what the text says
    return totaal, keuzes, groep[0] if len(groep) == 1 else groep


def _lees_drempels(zaal) -> tuple[int, list[tuple[str, str, str, int, int]]]:
    """From the projector's text under the barrier map: (members, [(barrier, mean, spread,
    lowest, highest)] strongest first); the barriers everyone gave 0 come last."""
    sectie = zaal.locator("section[aria-labelledby=t-drempels]")
    assert sectie.locator(".alt").count() == 1, "nog geen drempelkaart"
    alt = " ".join(sectie.locator(".alt").inner_text().split())
    leden = int(re.search(r"(\d+) teamle(?:den|d)\b", alt).group(1))
    rijen = [(naam, gem, spr, int(lo), int(hi)) for naam, gem, spr, lo, hi in re.findall(
        r"(?:: |; )([^;:]+?) gemiddeld (\d+,\d), spreiding (\d+,\d) \(van (\d) tot (\d)\)", alt)]
    nul = re.search(r"Iedereen gaf 0 aan: (.+)\.$", alt)
    rijen += [(naam, "0,0", "0,0", 0, 0) for naam in (nul.group(1).split(", ") if nul else [])]
    balken = [(r.locator(".label").inner_text().strip(), r.locator(".n").inner_text().strip())
              for r in sectie.locator(".rij").all()]
    assert balken == [(naam, gem) for naam, gem, *_ in rijen], balken  # the bars say what the text says
    # a line from the lowest to the highest answer, only where the answers differ
    assert sectie.locator(".band").count() == sum(1 for r in rijen if r[3] != r[4])
    return leden, rijen


def _wacht_live(zaal, klaar, sinds: float, wat: str) -> float:
    """Seconds from ``sinds`` (the answer is on disk) until ``klaar()`` holds on the projector,
    which is never reloaded. Fails after LIVE_S."""
    while True:
        try:
            if klaar():
                return time.monotonic() - sinds
        except (AttributeError, ValueError, AssertionError, PlaywrightError):
            pass  # the content is being replaced, or not complete yet
        if time.monotonic() - sinds > LIVE_S:
            raise AssertionError(f"de zaal toont {wat} niet binnen {LIVE_S:.0f} s")
        time.sleep(0.2)


def _processen_met_werkmap(werkmap: Path) -> list[tuple[int, str]]:
    """Every process on this machine started for this werkmap (server and kernels inherit it)."""
    found = []
    for p in psutil.process_iter(["pid", "cmdline"]):
        try:
            if p.environ().get("SAMENSCHOOL_WERKMAP") == str(werkmap) and p.status() != psutil.STATUS_ZOMBIE:
                found.append((p.pid, " ".join(p.info["cmdline"] or [])))
        except psutil.Error:
            pass  # ended meanwhile, or another user's process
    return found


# -- the walk --------------------------------------------------------------------------------------
def test_three_browsers_join_do_modules_01_and_03_and_the_projector_shows_it_live(launcher, browser):
    t_start = time.monotonic()

    # 1. The facilitator starts the kit and reads the two addresses in the terminal.
    deelnemers_url, begeleider_url = launcher.wacht_op_adressen()
    adres = urlsplit(deelnemers_url)
    assert adres.scheme == "http" and adres.port == launcher.port and adres.path == "/"
    assert adres.hostname == app.lan_ip()  # the address the room types, not localhost
    begeleider = urlsplit(begeleider_url)
    assert (begeleider.hostname, begeleider.port, begeleider.path) == (adres.hostname, adres.port, "/zaal")
    token = re.fullmatch(r"token=([A-Za-z0-9_-]{20,})", begeleider.query).group(1)
    assert token not in deelnemers_url
    # The server listens on loopback here: the facilitator's laptop opens its own address as
    # 127.0.0.1; the participants' browsers come from 127.0.0.2 to the printed port.
    relay = Relay(launcher.port).start()
    contexts = []
    try:
        zaal_ctx = browser.new_context(viewport={"width": 683, "height": 512}, device_scale_factor=1.5,
                                       locale="nl-BE", accept_downloads=True)  # 1024×768 at 150 %
        contexts.append(zaal_ctx)
        zaal = zaal_ctx.new_page()
        zaal.set_default_timeout(PAGE_TIMEOUT_MS)
        zaal.goto(f"http://127.0.0.1:{launcher.port}/zaal?{begeleider.query}")
        assert urlsplit(zaal.url).path == "/zaal" and token not in zaal.url  # the token left the address bar
        zaal.get_by_role("heading", name="De zaal").wait_for()
        assert deelnemers_url in zaal.inner_text(".adres") and zaal.locator(".adres svg").count() == 1
        zaal.get_by_text("Nog niemand doet mee.").wait_for()
        zaal.evaluate("window.__nietHerladen = true")  # gone if the page reloads

        # 2. Three browsers join through the printed address ("/" sends them to the start page),
        #    one after the other: join order 1, 2, 3. Each types their own name.
        mensen = [Deelnemer(browser, i + 1, relay.url) for i in range(3)]
        contexts += [m.context for m in mensen]
        for mens in mensen:
            _ga_naar(mens.page, relay.url + adres.path)
            mens.page.wait_for_url(f"**/voila/render/{app.START_PAGE}*", wait_until="commit")
        for mens, naam in zip(mensen, NAMEN):
            _wacht_op_startpagina(mens.page)
            veld = mens.page.locator(".ss-naam-naam input")
            _typ(veld, naam)
            _wacht_op_tekst(mens.page, ".ss-naam", "Bewaard ✓")
            mens.map = _wacht_op_schijf(_deelnemer_mappen(launcher.werkmap), "00_start",
                                        lambda a, naam=naam: (a.get("naam") or {}).get("naam") == naam)
        assert [m.map.name for m in mensen] == ["deelnemer-001", "deelnemer-002", "deelnemer-003"]
        assert list(launcher.werkmap.glob("*.json")) == []  # nothing in the facilitator's own werkmap
        _screenshot(mensen[0].page, "1-deelnemer-startpagina.png")
        cookies = [c for c in mensen[0].context.cookies() if c["name"] == "samenschool_deelnemer"]
        assert len(cookies) == 1 and cookies[0]["httpOnly"] and cookies[0]["sameSite"] == "Strict"
        assert cookies[0]["value"].split(".")[0] not in mensen[0].page.content()  # the id is never on the page

        # 3. Module 01: each sorts a few quotes, each differently.
        themas = data.themas().sort_values("nummer")
        thema_naam = dict(zip(themas["id"], themas["naam"]))
        thema_id = {v: k for k, v in thema_naam.items()}
        citaten = list(sorteer.kies_citaten(data.citaten(), themas, 5)["id"])  # the page's five quotes, in order
        groep = dict(zip(data.citaten()["id"], data.citaten()["thema"]))
        for mens in mensen:
            mens.module("01_gelijke_kansen.ipynb")
        for mens, keuzes in zip(mensen, SORTERING):
            wacht_op_pagina(mens.page)
            selects = mens.page.locator(".ss-sorteer .ss-keuze select")
            selects.first.wait_for(state="visible")
            assert selects.count() == len(citaten)
            for n, (index, thema) in enumerate(sorted(keuzes.items()), start=1):
                selects.nth(index).select_option(label=thema)
                _wacht_op_tekst(mens.page, ".ss-sorteer", f"{n} van {len(citaten)} citaten gesorteerd")
            verwacht = {f"sorteer.{citaten[i]}": thema_id[t] for i, t in keuzes.items()}
            _wacht_op_schijf(lambda m=mens.map: [m], "01_gelijke_kansen",
                             lambda a, v=verwacht: {k: w for k, w in a.items() if k.startswith("sorteer.")} == v)
        laatste_sortering = time.monotonic()

        sortering = _verwacht_sortering(citaten, thema_naam, groep)
        sectie = zaal.locator("section[aria-labelledby=t-sorteer]")

        def sortering_klopt() -> bool:
            return sectie.locator(".citaat-blok").count() == len(sortering) and all(
                _lees_sortering(zaal, cid) == (sum(v["keuzes"].values()), v["keuzes"], v["groep"])
                for cid, v in sortering.items())

        live_01 = _wacht_live(zaal, sortering_klopt, laatste_sortering, "de sortering van module 01")
        _screenshot(mensen[0].page, "2-deelnemer-module01-gesorteerd.png")

        # 4. Module 03: each weighs the barriers on the team map and saves ("Bewaard voor …").
        drempels = ouder_drempels()
        drempel_ids, drempel_namen = list(drempels["id"]), dict(zip(drempels["id"], drempels["naam"]))
        for mens in mensen:
            mens.module("03_drempels.ipynb")
        laatste_weging = 0.0
        for mens, weging in zip(mensen, WEGING):
            wacht_op_pagina(mens.page)
            kaart = mens.page.locator(".ss-teamkaart")
            kaart.scroll_into_view_if_needed()
            assert kaart.locator(".ss-weging").count() == len(drempel_ids)
            for did, gewicht in weging.items():
                knop = _weging_knop(mens.page, drempel_ids.index(did), gewicht)
                knop.click()
                mens.page.wait_for_function("el => el.classList.contains('mod-active')", arg=knop.element_handle())
            kaart.locator(".ss-knop-volgende").click()
            kaart.get_by_text("Bewaard. Je weging staat op het scherm").wait_for()
            verwacht = {did: weging.get(did, 0) for did in drempel_ids}
            _wacht_op_schijf(lambda m=mens.map: [m], "03_drempels",
                             lambda a, v=verwacht: (a.get("teamkaart") or {}).get("leden") == {"Mijn weging": v})
            laatste_weging = time.monotonic()

        verwacht_drempels = _verwacht_drempels(drempel_namen)
        alt_03 = zaal.locator("section[aria-labelledby=t-drempels] .alt")
        live_03 = _wacht_live(zaal, lambda: alt_03.count() == 1 and _lees_drempels(zaal) == (3, verwacht_drempels),
                              laatste_weging, "de drempelkaart van module 03")
        _screenshot(mensen[0].page, "3-deelnemer-module03-teamkaart.png")
        for mens in mensen:
            assert_no_errors_shown(mens.page)

        # 5. The projector, never reloaded: who is where, the sorting, the barrier map; no names.
        assert zaal.evaluate("window.__nietHerladen === true")
        waar = zaal.locator("section[aria-labelledby=t-waar]")
        assert "3 deelnemers doen mee." in waar.inner_text()
        rijen = [[c.strip() for c in r.locator("td").all_inner_texts()] for r in waar.locator("tbody tr").all()]
        titels = {m: leerpad.module(m).titel for m in ("00_start", "01_gelijke_kansen", "03_drempels")}
        assert sorted(rijen) == sorted([[titels["00_start"], "0", "3"], [titels["01_gelijke_kansen"], "0", "3"],
                                        [titels["03_drempels"], "3", "3"]])
        assert _lees_drempels(zaal) == (3, verwacht_drempels)
        zaal_tekst = zaal.inner_text("body")
        for naam in NAMEN:
            assert naam not in zaal_tekst
        assert "deelnemer-0" not in zaal.content()
        _screenshot(zaal, "4-zaal-1024x768-150.png")

        # 6. Nobody reaches what is not theirs. A participant: no projector, no werkboeken, no
        #    model answers, no listing of the checkout.
        proef = mensen[0].context.new_page()
        proef.set_default_timeout(PAGE_TIMEOUT_MS)
        for pad, tekst in (("/zaal", "Alleen voor de begeleider"),
                           ("/zaal/inhoud", "Alleen voor de begeleider"),
                           ("/zaal/werkboeken.zip", "Alleen voor de begeleider"),
                           ("/voila/render/exercises/bron/01_casusanalyse.ipynb", "Deze pagina bestaat niet"),
                           ("/voila/files/exercises/bron/01_casusanalyse.ipynb", "Deze pagina bestaat niet"),
                           ("/voila/tree", "Deze pagina bestaat niet"),
                           ("/voila/tree/notebooks", "Deze pagina bestaat niet")):
            antwoord = proef.goto(relay.url + pad)
            body = proef.inner_text("body")
            assert antwoord.status in (403, 404) and tekst in body, (pad, antwoord.status, body[:200])
            assert "oplossing" not in proef.content() and "Voilà Home" not in body and token not in proef.content()
        proef.close()
        for mens in mensen:  # the facilitator's cookie never reached a participant
            namen = [c["name"] for c in mens.context.cookies()]
            assert "samenschool_deelnemer" in namen and "samenschool_begeleider" not in namen, namen

        # Participant 1's own start page and werkboek: only its own answers.
        eerste = mensen[0]
        _ga_naar(eerste.page, relay.url + "/")
        _wacht_op_startpagina(eerste.page)
        assert eerste.page.locator(".ss-naam-naam input").input_value() == NAMEN[0]
        stand = eerste.page.locator(".ss-werkmap-stand").inner_text()
        assert "op de computer van je begeleider" in stand and "antwoorden van 3 modules" in stand, stand
        eerste.page.locator(".ss-knop-werkboek").click()
        link = eerste.page.locator(".ss-werkboek-link a[data-formaat='html']")
        link.wait_for(state="attached")
        werkboek = base64.b64decode(link.get_attribute("href").split("base64,", 1)[1]).decode("utf-8")
        kaartregels = ["; ".join(f"{naam}: {weging.get(did, 0)}" for did, naam in drempel_namen.items())
                       for weging in WEGING]  # each participant's team map as the werkboek lists it
        assert NAMEN[0] in werkboek and NAMEN[1] not in werkboek and NAMEN[2] not in werkboek
        assert kaartregels[0] in werkboek and kaartregels[1] not in werkboek and kaartregels[2] not in werkboek
        assert "Inzetten op talenten en leerkansen" in werkboek  # only participant 1 chose it
        assert "Oog voor welzijn en welbevinden" not in werkboek  # only participants 2 and 3 chose it

        # The facilitator downloads the werkboeken: three, numbered by join order, each its own.
        with zaal.expect_download() as info:
            zaal.get_by_role("link", name="Download alle werkboeken (zip)").click()
        archief = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
        verwacht_namen = {f"deelnemer-0{i + 1}-{naam.lower().replace(' ', '-')}.{ext}"
                          for i, naam in enumerate(NAMEN) for ext in ("html", "md", "docx")}
        assert set(archief.namelist()) == verwacht_namen, archief.namelist()
        for i, naam in enumerate(NAMEN):
            tekst = archief.read(f"deelnemer-0{i + 1}-{naam.lower().replace(' ', '-')}.md").decode("utf-8")
            assert naam in tekst and all(ander not in tekst for ander in NAMEN if ander != naam)
            assert kaartregels[i] in tekst and all(r not in tekst for j, r in enumerate(kaartregels) if j != i)
        for mens in mensen:
            assert mens.fouten == [], mens.fouten

        for context in contexts:
            context.close()
        contexts = []
    finally:
        for context in contexts:
            context.close()
        relay.stop()

    # 7. The facilitator closes the terminal's job: SIGTERM stops the server and every kernel.
    familie = launcher.familie()
    assert len(familie) >= 3 and launcher.kernels() >= 1  # launcher, server, kernels
    assert len(_processen_met_werkmap(launcher.werkmap)) >= 3  # the check below can see them
    launcher.proc.send_signal(signal.SIGTERM)
    launcher.proc.wait(timeout=60)
    _gone, alive = psutil.wait_procs(familie, timeout=30)
    assert alive == [], [(p.pid, p.cmdline()) for p in alive]
    assert _processen_met_werkmap(launcher.werkmap) == []  # also none that left the launcher's tree
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{launcher.port}{app.PROBE_PATH}", timeout=5)

    duur = time.monotonic() - t_start
    print(f"\nwandeling: {duur:.1f} s; zaal live na module 01: {live_01:.1f} s, na module 03: {live_03:.1f} s")
