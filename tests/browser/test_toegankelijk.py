"""Accessibility, measured in Chromium.

- axe-core (bundled by the PyPI package axe-playwright-python; nothing fetched at run time)
  on every page of the kit: no serious or critical violation, also with charts and feedback
  on screen.
- A keyboard-only walk through the sorter, the team map, the planner (all nine steps) and the
  readability editor: Tab reaches every control, each shows a clearly visible focus ring, and
  the keyboard operates them.
- 1024×768 at 150% zoom (a 683×512 CSS-pixel viewport at device scale 1.5, which is what a
  browser zoomed to 150% lays out): nothing sticks out or is cut off, the team map's 0–3
  buttons stay on one line; typed text is at least as large as page text.
- Charts keep their text alternative.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from samenschool.paths import repo_root

from .conftest import PAGE_TIMEOUT_MS, open_module

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def voila_base_url(tmp_path_factory):
    """This file's own server and werkmap (see eigen_server.py): its answers stay out of the
    werkmap that other browser tests check."""
    from .conftest import _require_chromium
    from .eigen_server import eigen_voila

    _require_chromium()
    with eigen_voila(tmp_path_factory.mktemp("werkmap")) as url:
        yield url

ROOT = repo_root()
PAGES = ([f"notebooks/{p.name}" for p in sorted((ROOT / "notebooks").glob("*.ipynb"))]
         + [f"exercises/{p.name}" for p in sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))])
ZOOM_VIEWPORT = {"width": round(1024 / 1.5), "height": round(768 / 1.5)}
# (not test-results/: pytest-playwright empties that folder when the first page opens)
RESULTS = Path(os.environ.get("SAMENSCHOOL_AXE_RESULTS", ROOT / "build" / "axe.jsonl"))


def _axe(page, label: str) -> list[dict]:
    """Run axe-core on the page; returns the serious and critical violations (and records
    every violation per page in build/axe.jsonl for the closing note)."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    violations = result.response["violations"]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"pagina": label, "regels": len(result.response.get("passes", [])) or None,
                              "schendingen": {v["id"]: [v["impact"], len(v["nodes"])] for v in violations}},
                             ensure_ascii=False) + "\n")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "waar": [n["target"] for n in v["nodes"][:3]]}
            for v in violations if v["impact"] in ("serious", "critical")]


# Pages of other issues where these checks find a problem (strict: the test fails as soon as
# the page is fixed, so the mark is removed then). Found on 2026-12-04 after merging main.
BEKEND: dict[str, str] = {}  # page -> known problem (a strict xfail, so a fix makes the test fail)


@pytest.mark.parametrize("path", [pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=BEKEND[p]))
                                  if p in BEKEND else p for p in PAGES])
def test_every_page_axe_core_and_150_percent_zoom(page, problems, voila_base_url, path):
    """axe-core finds nothing serious; then, on the same page at 1024×768 zoomed to 150% (the
    layout viewport of 683×512 CSS pixels), nothing sticks out or is cut off, and typed text is
    at least as large as the page's text."""
    open_module(page, voila_base_url, path)
    page.wait_for_timeout(500)  # widgets finish their first render
    assert page.evaluate("document.documentElement.lang") == "nl"
    ernstig = _axe(page, path)
    assert ernstig == [], json.dumps(ernstig, ensure_ascii=False, indent=1)

    page.set_viewport_size(ZOOM_VIEWPORT)
    page.wait_for_timeout(300)
    zoom = _zoom_problems(page)
    assert zoom == {}, f"{path} bij 150% op 1024×768: {json.dumps(zoom, ensure_ascii=False)}"
    sizes = page.evaluate("""() => {
        const p = document.querySelector('.jp-RenderedHTMLCommon p');
        const fields = [...document.querySelectorAll('#rendered_cells textarea, #rendered_cells input[type=text]')];
        return {page: p ? parseFloat(getComputedStyle(p).fontSize) : 0,
                fields: fields.map(f => parseFloat(getComputedStyle(f).fontSize))};
    }""")
    assert all(size >= sizes["page"] for size in sizes["fields"]), sizes


# -- charts and feedback on screen ---------------------------------------------------------------
def test_charts_keep_their_text_alternative_and_pass_axe(page, voila_base_url):
    open_module(page, voila_base_url, "01_gelijke_kansen.ipynb")
    sorteer = page.locator(".ss-sorteer")
    sorteer.scroll_into_view_if_needed()
    keuze = sorteer.locator("select").first
    keuze.select_option(index=1)
    sorteer.locator(".ss-knop-feedback").click()
    grafiek = sorteer.locator("figure.ss-grafiek")
    grafiek.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    alt = grafiek.locator("img").get_attribute("alt") or ""
    assert len(alt) > 20
    assert grafiek.locator("figcaption").inner_text().strip().endswith(alt.strip()[-15:])
    assert _axe(page, "notebooks/01_gelijke_kansen.ipynb (met grafiek en terugkoppeling)") == []

    open_module(page, voila_base_url, "02_partnerschap.ipynb")
    weging = page.locator(".ss-schaal ~ * .ss-gewicht, .ss-gewicht").first
    weging.scroll_into_view_if_needed()
    weging.locator("button", has_text="3").click()
    page.locator(".ss-knop-grafiek").click()
    figuur = page.locator("figure.ss-grafiek").first
    figuur.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert len(figuur.locator("img").get_attribute("alt") or "") > 20
    assert _axe(page, "notebooks/02_partnerschap.ipynb (met grafiek)") == []


# -- keyboard only -------------------------------------------------------------------------------
_FOCUS = """(sel) => {
  const e = document.activeElement, w = document.querySelector(sel);
  const s = getComputedStyle(e);
  const rgb = (s.outlineColor.match(/[\\d.]+/g) || [255, 255, 255]).slice(0, 3).map(Number);
  const lum = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  const L = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
  const r = e.getBoundingClientRect();
  return {inside: !!(w && w.contains(e)), id: e.dataset.ssWalk || '', tag: e.tagName,
          text: (e.innerText || e.value || '').trim().slice(0, 40),
          ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, contrast: 1.05 / (L + 0.05),
          onscreen: r.bottom > 0 && r.top < window.innerHeight && r.width > 0};
}"""
_MARK = """(sel) => {
  const w = document.querySelector(sel); let n = 0;
  const all = [...w.querySelectorAll('button, input, select, textarea, a[href], summary, [tabindex="0"]')]
    .filter(e => !e.disabled && e.type !== 'file' && getComputedStyle(e).visibility !== 'hidden'
            && e.getClientRects().length > 0 && !e.closest('[aria-hidden="true"]'));
  for (const e of all) { if (!e.dataset.ssWalk) { e.dataset.ssWalk = 'c' + (n++) + '-' + Math.random().toString(36).slice(2, 7); } }
  return all.map(e => e.dataset.ssWalk);
}"""


def _walk(page, sel: str, *, back: bool = False, start_inside: bool = False, max_presses: int = 600) -> list[dict]:
    """Press Tab (or Shift+Tab) until the focus has been inside ``sel`` and left it again.
    Returns the focus stops inside, each checked for a visible ring."""
    key = "Shift+Tab" if back else "Tab"
    stops: list[dict] = []
    entered = start_inside
    for _ in range(max_presses):
        page.keyboard.press(key)
        info = page.evaluate(_FOCUS, sel)
        if info["inside"]:
            entered = True
            stops.append(info)
        elif entered:
            return stops
    raise AssertionError(f"toetsenbord: de focus kwam niet in of niet uit {sel} na {max_presses} keer {key}")


def _assert_walk(page, sel: str, stops: list[dict], expected: list[str], what: str) -> None:
    assert stops, f"{what}: geen enkel bedieningselement bereikt met Tab"
    missing = sorted(set(expected) - {s["id"] for s in stops})
    assert not missing, f"{what}: niet bereikbaar met Tab: {missing}"
    weak = [s for s in stops if not (s["ring"] and s["contrast"] >= 3)]
    assert not weak, f"{what}: focus niet goed zichtbaar bij {weak[:3]}"
    offscreen = [s for s in stops if not s["onscreen"]]
    assert not offscreen, f"{what}: focus buiten beeld bij {offscreen[:3]}"


def _from_top(page) -> None:
    page.evaluate("() => { document.activeElement && document.activeElement.blur && document.activeElement.blur(); "
                  "document.querySelector('#rendered_cells').scrollTop = 0; }")
    page.mouse.click(5, 5)  # a click in the page margin: focus starts at the top, like opening the page


def test_keyboard_walk_sorter(page, voila_base_url):
    open_module(page, voila_base_url, "01_gelijke_kansen.ipynb")
    sel = ".ss-sorteer"
    page.locator(sel).wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    expected = page.evaluate(_MARK, sel)
    _from_top(page)
    stops = _walk(page, sel)
    _assert_walk(page, sel, stops, expected, "sorteren")
    # operate: the first theme list with the arrow key, the button with Enter
    first = page.locator(f"{sel} select").first
    first.focus()
    before = first.input_value()
    page.keyboard.press("ArrowDown")
    page.wait_for_function("([s, v]) => document.querySelector(s).value !== v",
                           arg=[f"{sel} select", before], timeout=PAGE_TIMEOUT_MS)
    page.locator(f"{sel} .ss-knop-feedback").focus()
    page.keyboard.press("Enter")
    page.locator(f"{sel} .ss-samenvatting p").wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)


def test_keyboard_walk_team_map(page, voila_base_url):
    open_module(page, voila_base_url, "03_drempels.ipynb")
    sel = ".ss-teamkaart"
    page.locator(sel).wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    expected = page.evaluate(_MARK, sel)
    _from_top(page)
    stops = _walk(page, sel)
    _assert_walk(page, sel, stops, expected, "teamkaart")
    assert sum(1 for s in stops if s["tag"] == "BUTTON" and s["text"] in "0123") == 36
    # operate: Space on "2" of the third barrier makes it the chosen weight
    knop = page.locator(f"{sel} .ss-weging").nth(2).locator("button", has_text="2")
    knop.focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelectorAll('.ss-teamkaart .ss-weging')[2]"
                           ".querySelector('.mod-active').textContent.trim() === '2'", timeout=PAGE_TIMEOUT_MS)


def _stap(page, sel: str) -> int:
    import re

    tekst = page.locator(f"{sel} .ss-vg-voortgang").inner_text()
    return int(re.search(r"Stap (\d+) van", tekst).group(1))


_BEDIENING = """(sel) => [...document.querySelector(sel).querySelectorAll(
  'button, input, select, textarea, a[href], summary, [tabindex="0"]')].map(e => e.outerHTML.length).join(',')"""


def _rustig(page, sel: str, timeout: float = 30.0) -> None:
    """Until the controls inside ``sel`` stay the same for half a second (a step's fields are
    drawn after its title; on a busy machine that can take a while)."""
    import time

    deadline, vorige, sinds = time.monotonic() + timeout, None, time.monotonic()
    while time.monotonic() < deadline:
        nu = page.evaluate(_BEDIENING, sel)
        if nu != vorige:
            vorige, sinds = nu, time.monotonic()
        elif time.monotonic() - sinds >= 0.5:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{sel}: de bediening bleef veranderen")


def _naar_stap(page, sel: str, doel: int, *, toetsenbord: bool = False) -> None:
    """Go one step at a time to step ``doel`` (the planner remembers its step in the werkmap)."""
    for _ in range(20):
        nu = _stap(page, sel)
        if nu == doel:
            _rustig(page, sel)  # the step's fields follow its title
            return
        knop = page.locator(f"{sel} {'.ss-vg-volgende' if doel > nu else '.ss-vg-vorige'}")
        if toetsenbord:
            page.wait_for_function("(b) => !document.querySelector(b).disabled",
                                   arg=f"{sel} {'.ss-vg-volgende' if doel > nu else '.ss-vg-vorige'}",
                                   timeout=PAGE_TIMEOUT_MS)
            knop.focus()
            page.keyboard.press("Enter")
        else:
            knop.click()
        page.wait_for_function("([s, n]) => !document.querySelector(s).innerText.includes('Stap ' + n + ' ')",
                               arg=[f"{sel} .ss-vg-voortgang", nu], timeout=PAGE_TIMEOUT_MS)
    raise AssertionError(f"planner: stap {doel} niet bereikt")


def test_keyboard_walk_planner_all_steps(page, voila_base_url):
    open_module(page, voila_base_url, "04_vertelgesprek.ipynb")
    sel = ".ss-planner"
    page.locator(sel).wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    _naar_stap(page, sel, 1)
    expected = page.evaluate(_MARK, sel)
    _from_top(page)
    stops = _walk(page, sel)
    _assert_walk(page, sel, stops, expected, "planner stap 1")
    # operate: type the class by keyboard, then go through every step with Enter on "Volgende"
    veld = page.locator(f"{sel} input[type=text]").first
    veld.focus()
    page.keyboard.type("2de leerjaar")
    for stap in range(2, 10):
        _naar_stap(page, sel, stap, toetsenbord=True)
        expected = page.evaluate(_MARK, sel)
        # walk the step backwards from "Volgende" (where the focus is) to the top of the planner;
        # "Volgende" itself was reached and its ring checked in the forward walk of step 1
        page.locator(f"{sel} .ss-vg-volgende").focus()
        back = _walk(page, sel, back=True, start_inside=True)
        volgende = page.evaluate("(s) => document.querySelector(s + ' .ss-vg-volgende').dataset.ssWalk", sel)
        _assert_walk(page, sel, back + [{"id": volgende, "ring": True, "contrast": 9, "onscreen": True}],
                     [e for e in expected], f"planner stap {stap}")
    assert _stap(page, sel) == 9


def test_keyboard_walk_readability_editor(page, voila_base_url):
    open_module(page, voila_base_url, "05_heldere_taal.ipynb")
    sel = ".ss-brief-editor"
    page.locator(sel).first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    expected = page.evaluate(_MARK, sel)
    _from_top(page)
    stops = _walk(page, sel)
    _assert_walk(page, sel, stops, expected, "leesbaarheid")
    # operate: type a letter by keyboard; the scores follow
    tekst = page.locator(f"{sel} textarea").first
    tekst.focus()
    scores = page.locator(f"{sel} .ss-brief-scores").first
    before = scores.inner_text()
    page.keyboard.type("Beste ouders. Op maandag is er geen school. De kinderen blijven thuis.")
    page.wait_for_function("([s, t]) => document.querySelector(s).innerText !== t",
                           arg=[f"{sel} .ss-brief-scores", before], timeout=PAGE_TIMEOUT_MS)


# -- 1024×768 at 150% zoom -----------------------------------------------------------------------
_MEASURE = """() => {
  const root = document.querySelector('#rendered_cells');
  const rr = root.getBoundingClientRect();
  const right = rr.left + root.clientWidth;
  const vis = e => { const s = getComputedStyle(e); const r = e.getBoundingClientRect();
                     return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0; };
  const name = e => (e.tagName + '.' + [...e.classList].slice(0, 2).join('.') + ' '
                     + (e.innerText || e.value || e.placeholder || '').slice(0, 40)).replace(/\\n/g, ' ');
  const out = {overflowX: Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth,
                                   root.scrollWidth - root.clientWidth), sticking: [], clipped: []};
  for (const e of root.querySelectorAll('button, input, textarea, select, label, .widget-label, .widget-html-content, a, img, figure, table')) {
    if (!vis(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.right > right + 1 || r.left < rr.left - 1) out.sticking.push([name(e), Math.round(r.left), Math.round(r.right), Math.round(right)]);
    for (let a = e.parentElement; a && a !== root; a = a.parentElement) {  // cut off by a box that hides overflow
      if (getComputedStyle(a).overflowX === 'visible') continue;
      const ar = a.getBoundingClientRect();
      if (r.right > ar.left + a.clientLeft + a.clientWidth + 1) { out.sticking.push([name(e), 'afgeknipt', Math.round(r.right), Math.round(ar.left + a.clientLeft + a.clientWidth)]); break; }
    }
    if ((['BUTTON', 'LABEL'].includes(e.tagName) || e.classList.contains('widget-label'))
        && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 2)) out.clipped.push([name(e), e.scrollWidth, e.clientWidth]);
  }
  return out;
}"""


def _zoom_problems(page) -> dict:
    result = page.evaluate(_MEASURE)
    return {k: v for k, v in result.items() if v}


@pytest.fixture
def zoomed(browser, voila_base_url):
    context = browser.new_context(viewport=ZOOM_VIEWPORT, device_scale_factor=1.5, locale="nl-BE")
    zoom_page = context.new_page()
    zoom_page.set_default_timeout(PAGE_TIMEOUT_MS)
    yield zoom_page
    context.close()


def test_150_percent_zoom_team_map_buttons_on_one_line(zoomed, voila_base_url):
    open_module(zoomed, voila_base_url, "03_drempels.ipynb")
    zoomed.locator(".ss-teamkaart .ss-weging").nth(8).wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    rows = zoomed.evaluate("""() => [...document.querySelectorAll('.ss-teamkaart .ss-weging')].map(group => {
        const row = group.parentElement.getBoundingClientRect();
        const boxes = [...group.querySelectorAll('button')].map(b => b.getBoundingClientRect());
        return {tops: boxes.map(b => Math.round(b.top)), right: Math.max(...boxes.map(b => b.right)),
                rowRight: row.right, labels: [...group.querySelectorAll('button')].map(b => b.innerText.trim())};
    })""")
    assert len(rows) == 9
    for row in rows:
        assert row["labels"] == ["0", "1", "2", "3"]
        assert len(set(row["tops"])) == 1, f"knoppen 0–3 breken af: {row}"
        assert row["right"] <= row["rowRight"] + 1, row


def test_150_percent_zoom_planner_every_step(zoomed, voila_base_url):
    open_module(zoomed, voila_base_url, "04_vertelgesprek.ipynb")
    sel = ".ss-planner"
    zoomed.locator(sel).wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    for stap in range(1, 10):
        _naar_stap(zoomed, sel, stap)
        problems = _zoom_problems(zoomed)
        assert problems == {}, f"planner stap {stap} bij 150%: {json.dumps(problems, ensure_ascii=False)}"
