"""The werkboek a student hands in, made from answers given through the browser (issue
"Antwoord"): the learner's own name on top, the answers in the route's and the page's order
with the labels the pages show, as HTML (print), DOCX (Word) and Markdown; learner text escaped
and intact."""

from __future__ import annotations

import base64
import io
import os
import re
import subprocess
import sys

import pytest

from .conftest import PAGE_TIMEOUT_MS, _require_chromium, assert_no_errors_shown, open_module, wait_saved
from .eigen_server import eigen_voila

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def eigen(tmp_path_factory):
    """A server and werkmap of this test's own: it checks the werkboek exactly, so no other test's
    answers may be in it, and its answers must not end up in theirs."""
    _require_chromium()
    werkmap = tmp_path_factory.mktemp("werkboek-werkmap")
    with eigen_voila(werkmap) as base:
        yield base, werkmap

NAAM = "Sam <script>alert(1)</script> Peeters"
ARABISCH = "مرحبا بالأهل، شكرا"
VRAAG2 = "Geen vaste juf om mee te praten."
VRAAG1 = f"Betaalbaarheid: {ARABISCH}."


def _type(locator, text: str) -> None:
    """Type as a person does: the last key is a real key press (every keystroke is saved)."""
    locator.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    locator.fill(text[:-1])
    locator.press(text[-1])


def _planner_step(page, number: int) -> None:
    page.wait_for_function(
        "(n) => { const el = document.querySelector('.ss-vg-voortgang');"
        " return el && el.textContent.includes('Stap ' + n + ' van'); }", arg=number, timeout=PAGE_TIMEOUT_MS)


def _data_link(page, formaat: str) -> bytes:
    link = page.locator(f".ss-werkboek-link a[data-formaat='{formaat}']")
    link.wait_for(state="attached", timeout=PAGE_TIMEOUT_MS)
    href = link.get_attribute("href")
    assert href and href.startswith("data:"), href
    return base64.b64decode(href.split("base64,", 1)[1])


def _order(text: str, *parts: str) -> None:
    """Each part occurs after the one before it."""
    start = 0
    for part in parts:
        found = text.find(part, start)
        assert found >= 0, f"{part!r} niet gevonden na positie {start} (eerst: {text.find(part)})"
        start = found + len(part)


def test_a_student_hands_in_a_werkboek_in_page_order_with_her_name(page, problems, eigen, tmp_path):
    voila_base_url, voila_werkmap = eigen

    # start page: route and own name
    open_module(page, voila_base_url, "00_start.ipynb")
    page.locator(".ss-route-knoppen button", has_text="Lerarenopleiding").click()
    _type(page.locator(".ss-naam-naam input"), NAAM)
    _type(page.locator(".ss-naam-groep input"), "2BaLO-a")
    wait_saved(voila_werkmap, "00_start", lambda a: a.get("naam", {}).get("groep") == "2BaLO-a"
               and a.get("route") == "lerarenopleiding")

    # exercise 01: question 2 first, then question 1
    open_module(page, voila_base_url, "exercises/01_casusanalyse.ipynb")
    boxes = page.locator(".ss-reflectie textarea")
    _type(boxes.nth(1), VRAAG2)
    _type(boxes.nth(0), VRAAG1)
    wait_saved(voila_werkmap, "oefening_01_casusanalyse",
               lambda a: a.get("themas") == VRAAG1 and a.get("drempels") == VRAAG2)
    assert_no_errors_shown(page)

    # module 01: the reflection first, then two quotes sorted
    open_module(page, voila_base_url, "01_gelijke_kansen.ipynb")
    _type(page.locator(".ss-reflectie textarea").first, "Het citaat over de brooddoos.")
    keuzes = page.locator(".ss-sorteer select")
    keuzes.nth(1).select_option(label="Betaalbaarheid van het onderwijs")
    keuzes.nth(0).select_option(label="Oog voor welzijn en welbevinden")
    wait_saved(voila_werkmap, "01_gelijke_kansen", timeout=180,
               check=lambda a: a.get("reflectie") == "Het citaat over de brooddoos."
               and len([k for k in a if k.startswith("sorteer.")]) == 2)

    # module 04: the planner, two steps
    open_module(page, voila_base_url, "04_vertelgesprek.ipynb")
    _planner_step(page, 1)
    _type(page.locator(".ss-vg-context-klas input").first, "3de leerjaar")
    page.locator(".ss-vg-volgende button, button.ss-vg-volgende").first.click()
    _planner_step(page, 2)
    _type(page.locator(".ss-vg-wanneer-periode input").first, "de eerste twee weken van september")
    wait_saved(voila_werkmap, "04_vertelgesprek",
               lambda a: (a.get("plan.wanneer") or {}).get("periode") == "de eerste twee weken van september"
               and (a.get("plan.context") or {}).get("klas") == "3de leerjaar")

    # back on the start page: make the werkboek
    open_module(page, voila_base_url, "00_start.ipynb")
    page.locator(".ss-knop-werkboek").click()
    html = _data_link(page, "html").decode("utf-8")
    docx_bytes = _data_link(page, "docx")
    assert problems.relevant() == [], problems.relevant()

    # HTML: name on top, escaped; route order; page order inside each page; labels as on the page
    tekst = re.sub(r"<[^>]+>", " ", html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert ARABISCH in html
    _order(html, "Naam:", "2BaLO-a", "Gelijke kansen", "Het ouder-vertelgesprek", "Oefening: Casusanalyse")
    _order(html, "Oefening: Casusanalyse", "Vraag 1", VRAAG1, "Vraag 2", VRAAG2)
    _order(html, "Sorteer de citaten", "Betaalbaarheid", "Reflectie", "Het citaat over de brooddoos.")
    _order(html, "Klas of leerjaar", "3de leerjaar", "Periode", "de eerste twee weken van september")
    for code in ("plan.", "sorteer.", "informatie_communicatie", "welzijn_welbevinden", "oefening_01", "Prive:"):
        assert code not in tekst, code

    # DOCX: real headings, the name, the same order
    from docx import Document

    doc = Document(io.BytesIO(docx_bytes))
    koppen = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    titels = [t for s, t in koppen if s == "Heading 1"]
    assert titels.index("Gelijke kansen") < titels.index("Het ouder-vertelgesprek") < titels.index("Oefening: Casusanalyse")
    alles = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert NAAM in alles and ARABISCH in alles and "2BaLO-a" in alles
    _order(alles, "Vraag 1", VRAAG1, "Vraag 2", VRAAG2)

    # Markdown through the command line, from the same werkmap
    uit = tmp_path / "werkboek.md"
    env = dict(os.environ, SAMENSCHOOL_WERKMAP=str(voila_werkmap))
    subprocess.run([sys.executable, "-m", "samenschool.cli", "werkmap", "export", "--uit", str(uit)],
                   env=env, check=True, capture_output=True, text=True, timeout=120)
    md = uit.read_text(encoding="utf-8")
    assert "&lt;script&gt;" in md and "<script>" not in md and ARABISCH in md
    _order(md, "**Naam:**", "## Gelijke kansen", "## Het ouder-vertelgesprek", "## Oefening: Casusanalyse")
    _order(md, "### Vraag 1", "### Vraag 2")
