"""Module 07 in Voilà: fill a self-scan, choose barriers, add two actions, reload and find
everything back, then download the action plan as DOCX straight from the page."""

import datetime as dt
import io

import pytest

from .conftest import PAGE_TIMEOUT_MS, assert_no_errors_shown, open_module, wait_saved

pytestmark = pytest.mark.browser

NOTEBOOK = "07_actieplan.ipynb"
MODULE = "07_actieplan"
DREMPELS = {"taal": "Taal", "tijd_ontmoeting": "Tijd en mogelijkheden tot ontmoeting"}
PRAKTIJKEN = {"P23": "Tolken of vrijwilligers voor taalondersteuning (P23)", "": "Een eigen actie van ons team"}


def _waarde(answers: dict, sleutel: str):
    return answers.get(sleutel)


def _widgets_ready(page) -> None:
    """Widgets render after the cells ran: wait for the last view (the plan's documents)."""
    page.wait_for_function("() => document.querySelectorAll('.ss-nood').length == 18"
                           " && document.querySelector('.ss-plan-documenten')", timeout=PAGE_TIMEOUT_MS)


def _add_action(page, drempel: str, praktijk: str, trekker: str, stap: str, dagen: int, werkt: str) -> None:
    form = page.locator(".ss-actie-formulier")
    # ipywidgets' <select> options carry the labels
    form.locator(".ss-actie-drempel select").select_option(label=DREMPELS[drempel])
    form.locator(".ss-actie-praktijk select").select_option(label=PRAKTIJKEN[praktijk])
    if praktijk:
        page.wait_for_function(
            "(p) => document.querySelector(`.ss-actie-formulier [data-praktijk='${p}']`)", arg=praktijk,
            timeout=PAGE_TIMEOUT_MS)
    else:
        form.locator(".ss-actie-wat input").fill("Een koffiemoment voor ouders op vrijdag")
    form.locator(".ss-actie-trekker input").fill(trekker)
    form.locator(".ss-actie-eerste_stap input").fill(stap)
    form.locator(".ss-actie-datum_eerste_stap input").fill((dt.date.today() + dt.timedelta(days=dagen)).isoformat())
    form.locator(".ss-actie-werkt_het textarea").fill(werkt)
    form.locator(".ss-actie-terugblik input").fill((dt.date.today() + dt.timedelta(days=dagen + 40)).isoformat())
    form.locator(".ss-actie-terugblik input").press("Tab")
    form.locator("button.ss-actie-toevoegen").click()


def test_selfscan_choose_two_actions_reload_and_download_docx(page, problems, voila_base_url, voila_werkmap,
                                                               tmp_path):
    open_module(page, voila_base_url, NOTEBOOK)
    _widgets_ready(page)
    # every need of the report is on the page, with its words
    assert page.locator(".ss-nood").count() == 18
    assert "vanaf dag 1 en niet pas bij het eerste geplande oudercontact" in page.inner_text(".ss-zelfscan")

    # 1. self-scan: three needs
    for nood, label in (("N01", "Gestart"), ("N07", "Nog niet"), ("N15", "Zit in onze werking")):
        page.locator(f".ss-nood-{nood} button", has_text=label).click()
    wait_saved(voila_werkmap, MODULE, lambda a: (_waarde(a, "zelfscan") or {}).get("N15") == "gewoonte"
               and len(_waarde(a, "zelfscan")) == 3)

    # 2. choose two barriers; a fourth is refused
    for drempel in ("taal", "tijd_ontmoeting"):
        page.locator(f".ss-drempel-{drempel} input").check()
    wait_saved(voila_werkmap, MODULE, lambda a: _waarde(a, "kiezen") == ["taal", "tijd_ontmoeting"])

    # 3. two actions: a good practice with its quote, and the team's own
    page.wait_for_function("() => document.querySelectorAll('.ss-actie-drempel select option').length == 2",
                           timeout=PAGE_TIMEOUT_MS)
    _add_action(page, "taal", "P23", "zorgcoördinator", "Een lijst van tolken maken", 7,
                "Ouders die weinig Nederlands spreken komen naar het oudercontact.")
    page.locator(".ss-actie[data-actie='1']").wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    _add_action(page, "tijd_ontmoeting", "", "juf Ayşe", "Een lokaal vrijmaken", 10,
                "Elke vrijdag komen er ouders binnen.")
    page.locator(".ss-actie[data-actie='2']").wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    answers = wait_saved(voila_werkmap, MODULE, lambda a: len(_waarde(a, "acties") or []) == 2)
    assert answers["acties"][0]["praktijk"] == "P23"
    assert answers["acties"][0]["wat"] == "Tolken of vrijwilligers voor taalondersteuning"
    assert answers["acties"][1]["trekker"] == "juf Ayşe"

    # reload: everything is found back
    open_module(page, voila_base_url, NOTEBOOK)
    _widgets_ready(page)
    assert page.locator(".ss-nood-N15 button.mod-active", has_text="Zit in onze werking").count() == 1
    assert page.locator(".ss-drempel-taal input").is_checked()
    assert page.locator(".ss-drempel-tijd_ontmoeting input").is_checked()
    lijst = page.inner_text(".ss-acties-lijst")
    assert "Tolken of vrijwilligers voor taalondersteuning" in lijst and "juf Ayşe" in lijst

    # 4. the plan as DOCX, from a data: link
    link = page.locator(".ss-plan-documenten a[data-formaat='docx']")
    link.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    with page.expect_download(timeout=PAGE_TIMEOUT_MS) as info:
        link.click()
    assert info.value.suggested_filename == "actieplan.docx"
    target = tmp_path / "actieplan.docx"
    info.value.save_as(target)

    from docx import Document

    doc = Document(io.BytesIO(target.read_bytes()))
    assert len(doc.tables) == 3  # one per action, and the self-scan
    rijen = {row.cells[0].text: row.cells[1].text for row in doc.tables[1].rows}
    assert rijen["Wie trekt het?"] == "juf Ayşe"
    assert rijen["Wat gaan we doen?"] == "Een koffiemoment voor ouders op vrijdag"
    tekst = "\n".join(p.text for p in doc.paragraphs)
    assert "Taal" in tekst and "Recht-Op vzw" in tekst
    assert_no_errors_shown(page)
    others = problems.relevant()
    assert others == [], others
