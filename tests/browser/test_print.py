"""Module pages print: Chromium's print to PDF (A4) runs over as many sheets as the content
needs, and what the learner chose and typed is on paper, typed text in full.

The PDF is read back with ``pdftotext`` (Debian poppler-utils, installed by .ci/run)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import PAGE_TIMEOUT_MS, assert_no_errors_shown, open_module

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

NOTEBOOK = "03_drempels.ipynb"
# Longer than the text box shows (6em high): only a print copy puts the end on paper.
TYPED = ("De ouder voelt zich niet welkom aan de schoolpoort. " * 6) + "Slotwoord42."
A4_POINTS = (595, 842)


def _pdftotext() -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        import os

        message = "pdftotext ontbreekt (Debian: apt-get install poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail("In CI moet de printtest lopen, maar " + message, pytrace=False)
        pytest.skip(message)
    return tool


def _pages(pdf: Path) -> tuple[int, tuple[int, int]]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    size = next(line for line in info.splitlines() if line.startswith("Page size:")).split()
    return pages, (round(float(size[2])), round(float(size[4])))


def _choose_answers(page) -> None:
    # Activity 2: perspective switch, a long typed answer (first box).
    area = page.locator(".ss-perspectief textarea").first
    area.scroll_into_view_if_needed()
    area.fill(TYPED)
    # Activity 3: the team map, weight 3 on the second barrier.
    kaart = page.locator(".ss-teamkaart")
    kaart.scroll_into_view_if_needed()
    kaart.locator(".ss-weging").nth(1).locator("button", has_text="3").click()
    page.wait_for_function(
        "() => document.querySelectorAll('.ss-teamkaart .ss-weging')[1]"
        ".querySelector('.mod-active').textContent.trim() === '3'", timeout=PAGE_TIMEOUT_MS)


def test_module_03_prints_on_several_a4_pages_with_the_answers(page, problems, voila_base_url, tmp_path):
    pdftotext = _pdftotext()
    open_module(page, voila_base_url, NOTEBOOK)
    page.locator(".ss-perspectief textarea").first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    _choose_answers(page)

    pdf = tmp_path / "module03.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    pages, size = _pages(pdf)
    assert pages > 1, f"module 03 print op {pages} blad"
    assert all(abs(a - b) <= 2 for a, b in zip(size, A4_POINTS)), f"geen A4: {size}"

    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Slotwoord42." in flat, "getypte tekst niet volledig op papier"
    # The team map row of the second barrier, its chosen weight marked: "Wantrouwen … ✓3".
    rows = [line for line in text.splitlines() if "Wantrouwen en vooroordelen" in line and "✓" in line]
    assert rows and re.search(r"✓\s*3", rows[0]), f"gekozen weging (3) niet zichtbaar op papier: {rows}"
    # The last heading of the page is on paper too: nothing is cut off at one screen.
    assert "Wat neem je mee?" in flat and "Volgende stap" in flat
    assert_no_errors_shown(page)
    others = problems.relevant()
    assert others == [], others


def test_print_media_lets_go_of_the_scroll_box(page, voila_base_url):
    """In print media the content is one long flow (no 768 px panel), text boxes give way to
    their full-text copy, and the chosen toggle is marked in a way that survives grey print."""
    open_module(page, voila_base_url, NOTEBOOK)
    page.set_viewport_size({"width": 1024, "height": 768})
    area = page.locator(".ss-perspectief textarea").first
    area.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    area.fill("Kort antwoord.")
    page.emulate_media(media="print")
    state = page.evaluate("""() => {
        const cells = document.querySelector('#rendered_cells');
        const s = getComputedStyle(cells);
        const area = document.querySelector('.ss-perspectief textarea');
        const copy = area.nextElementSibling;
        return {height: cells.getBoundingClientRect().height, overflow: s.overflowY, position: s.position,
                areaShown: getComputedStyle(area).display !== 'none',
                copyClass: copy && copy.className, copyText: copy && copy.textContent,
                copyShown: copy && getComputedStyle(copy).display !== 'none',
                actionButton: getComputedStyle(document.querySelector('.ss-knop-volgende')).display,
                chosen: getComputedStyle(document.querySelector('.ss-weging .mod-active'), '::before').content};
    }""")
    page.emulate_media(media="screen")
    assert state["height"] > 3 * 768, state
    assert state["overflow"] == "visible" and state["position"] == "static", state
    assert not state["areaShown"] and state["copyShown"], state
    assert state["actionButton"] == "none", state  # buttons do nothing on paper
    assert "✓" in state["chosen"], state
    assert "ss-print-kopie" in state["copyClass"] and state["copyText"] == "Kort antwoord.", state
    # On screen the copy is hidden again.
    assert page.evaluate("() => getComputedStyle(document.querySelector('.ss-print-kopie')).display") == "none"


def test_quote_cards_print_four_a6_cards_per_a4_sheet(page, tmp_path):
    """The quote cards handout printed by Chromium: A4 sheets, four cards a sheet, every quote
    on paper with its id (and so its source line)."""
    import math

    from samenschool import data, handouts

    pdftotext = _pdftotext()
    handouts.bouw(tmp_path / "handouts")
    page.goto((tmp_path / "handouts" / "citaatkaarten.html").as_uri())
    pdf = tmp_path / "kaarten.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    pages, size = _pages(pdf)
    n = len(data.citaten())
    assert pages == math.ceil(n / 4), (pages, n)
    assert all(abs(a - b) <= 2 for a, b in zip(size, A4_POINTS)), f"geen A4: {size}"
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    missing = [cid for cid in data.citaten()["id"] if f"({cid})" not in text]
    assert missing == [], missing
    assert text.count("Bron:") == n
