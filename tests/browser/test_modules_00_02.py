"""Modules 00-02 in Voilà: the widgets work in a real browser and the answers survive a
page reload (the werkmap lives outside the kernel)."""

import pytest

from .conftest import PAGE_TIMEOUT_MS, assert_no_errors_shown, open_module, wait_saved

pytestmark = pytest.mark.browser


def _wait_text(page, selector: str, text: str) -> None:
    page.wait_for_function(
        "([sel, txt]) => [...document.querySelectorAll(sel)].some(el => el.innerText.includes(txt))",
        arg=[selector, text], timeout=PAGE_TIMEOUT_MS)


def _other_problems(problems):
    # Everything counts, also the kernel shutdown when a page is left (app.py lets it through).
    return problems.relevant()


def test_01_sort_feedback_and_reload(page, problems, voila_base_url):
    open_module(page, voila_base_url, "01_gelijke_kansen.ipynb")
    selects = page.locator(".ss-sorteer .ss-keuze select")
    selects.first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert selects.count() == 5
    for i in range(5):
        selects.nth(i).select_option(label="Betaalbaarheid van het onderwijs")
    _wait_text(page, ".ss-sorteer", "5 van 5 citaten gesorteerd")
    page.locator(".ss-knop-feedback").click()
    _wait_text(page, ".ss-samenvatting", "van de 5 citaten")
    feedback = page.locator(".ss-sorteer .ss-feedback").all_inner_texts()
    assert len(feedback) == 5 and all("Jij koos Betaalbaarheid" in f for f in feedback)
    assert any("Beide lezingen kunnen" in f for f in feedback)
    assert "fout" not in " ".join(feedback).lower()
    page.locator(".ss-sorteer .ss-grafiek img").wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert_no_errors_shown(page)

    open_module(page, voila_base_url, "01_gelijke_kansen.ipynb")
    selects = page.locator(".ss-sorteer .ss-keuze select")
    selects.first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    chosen = [selects.nth(i).evaluate("el => el.options[el.selectedIndex].text.replace(/\u00a0/g, ' ')") for i in range(5)]
    assert chosen == ["Betaalbaarheid van het onderwijs"] * 5
    assert _other_problems(problems) == []


def test_02_scale_reflection_and_reload(page, problems, voila_base_url, voila_werkmap):
    open_module(page, voila_base_url, "02_partnerschap.ipynb")
    rows = page.locator(".ss-schaal .ss-schaal-knoppen")
    rows.first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    rows.nth(0).locator("button", has_text="Samen doen").click()
    rows.nth(1).locator("button", has_text="Samen beslissen").click()
    _wait_text(page, ".ss-schaal", "2 stappen verder")
    text = "Ik wil ouders vaker eerst vertellen wat goed loopt."
    area = page.locator(".ss-reflectie textarea").first
    area.fill(text[:-1])
    area.press(text[-1])
    _wait_text(page, ".ss-reflectie", "Bewaard")
    wait_saved(voila_werkmap, "02_partnerschap", lambda answers: text in answers.values())
    assert_no_errors_shown(page)

    open_module(page, voila_base_url, "02_partnerschap.ipynb")
    rows = page.locator(".ss-schaal .ss-schaal-knoppen")
    rows.first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert "mod-active" in rows.nth(0).locator("button", has_text="Samen doen").get_attribute("class")
    assert "mod-active" in rows.nth(1).locator("button", has_text="Samen beslissen").get_attribute("class")
    assert page.locator(".ss-reflectie textarea").first.input_value() == text
    assert _other_problems(problems) == []


def test_00_route_choice_and_reload(page, problems, voila_base_url):
    open_module(page, voila_base_url, "00_start.ipynb")
    knop = page.locator(".ss-route-knoppen button", has_text="Schoolteam")
    knop.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    knop.click()
    _wait_text(page, ".ss-route", "Bewaard")
    # one line under the buttons, not the whole route again
    keuze = page.locator(".ss-route").inner_text()
    assert "Je koos: Schoolteam ✓" in keuze and "Drempels" in keuze and "Samen in de sessie" not in keuze
    # the progress at the bottom follows without a reload or a button
    _wait_text(page, ".ss-voortgang", "1 van 3 activiteiten gedaan")
    assert page.locator(".ss-voortgang button").count() == 0
    assert_no_errors_shown(page)

    open_module(page, voila_base_url, "00_start.ipynb")
    knop = page.locator(".ss-route-knoppen button", has_text="Schoolteam")
    knop.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert "mod-active" in knop.get_attribute("class")
    assert _other_problems(problems) == []


def test_00_werkboek_download_and_wipe_asks_first(page, problems, voila_base_url, voila_werkmap):
    from .conftest import wait_saved

    open_module(page, voila_base_url, "00_start.ipynb")
    blok = page.locator(".ss-werkmap")
    blok.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    tekst = blok.inner_text()
    assert "op deze computer, in een map van de kit" in tekst
    assert "samenschool werkmap" not in tekst  # commands only in the fold-out for the facilitator
    assert str(voila_werkmap) not in tekst

    antwoord = "Ik wil ouders beter leren kennen."
    area = page.locator(".ss-reflectie textarea").first
    area.fill(antwoord[:-1])
    area.press(antwoord[-1])
    wait_saved(voila_werkmap, "00_start", lambda answers: answers.get("verwachting") == antwoord)

    page.locator(".ss-werkmap button", has_text="Maak mijn werkboek").click()
    link = page.locator(".ss-werkmap a.ss-download-knop", has_text="Download mijn werkboek")
    link.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    with page.expect_download(timeout=PAGE_TIMEOUT_MS) as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "werkboek.html"
    inhoud = open(download.path(), encoding="utf-8").read()
    assert "Mijn werkboek: Samen School Maken" in inhoud and antwoord in inhoud

    # wiping asks first; "Nee" keeps everything
    page.locator(".ss-werkmap button", has_text="Wis al mijn antwoorden").click()
    _wait_text(page, ".ss-werkmap", "Weet je het zeker? Dit kan je niet ongedaan maken.")
    assert page.locator(".ss-werkmap button", has_text="Ja, wis alles").is_visible()
    page.locator(".ss-werkmap button", has_text="Nee, niets wissen").click()
    _wait_text(page, ".ss-werkmap", "Er is niets gewist.")
    assert wait_saved(voila_werkmap, "00_start", lambda answers: answers.get("verwachting") == antwoord)
    assert_no_errors_shown(page)
    assert _other_problems(problems) == []
