"""Module 06 in Voilà: upload a messy cost list, see the chart and the warnings, choose a
school year and see the maximumfactuur check, download the year plan, reload and find the
list again (the werkmap lives outside the kernel)."""

import os
from pathlib import Path

import pytest

from .conftest import PAGE_TIMEOUT_MS, assert_no_errors_shown, open_module, wait_saved

pytestmark = pytest.mark.browser

NOTEBOOK = "06_schoolkosten.ipynb"
MODULE = "06_schoolkosten"
KOSTEN = ".ss-kosten"
# A list as a school might export it from Excel: BOM, semicolons, comma decimals, euro signs,
# months in capitals and as numbers, stray spaces, one bad row.
LIJST = ("\ufeffOmschrijving ; Maand ; Bedrag ; Categorie\n"
         "Turn-T-shirt;SEPTEMBER;€ 12,00;scherpe maximumfactuur\n"
         "Schoolreis;6; € 80,50 ;scherpe maximumfactuur\n"
         "Toneel;nov;acht euro;scherpe maximumfactuur\n"
         "Bosklassen;mei;€ 1.050,00;minder scherpe maximumfactuur\n"
         "Schoolfoto's;okt;18;facultatief\n").encode("utf-8")
SCHERMEN = Path(os.environ.get("SAMENSCHOOL_SCREENSHOTS", "/tmp/samenschool-screenshots"))


def _shot(page, naam: str) -> None:
    SCHERMEN.mkdir(parents=True, exist_ok=True)
    # a tall window: Voilà scrolls inside the page, so a normal full-page shot shows one screen only
    oud = page.viewport_size
    page.set_viewport_size({"width": 1280, "height": 6000})
    page.locator(KOSTEN).first.screenshot(path=str(SCHERMEN / f"module06_{naam}.png"))
    page.set_viewport_size(oud)


def test_upload_chart_warning_download_and_reload(page, problems, voila_base_url, voila_werkmap):
    open_module(page, voila_base_url, NOTEBOOK)
    knop = page.locator(f"{KOSTEN} button.ss-upload").first
    knop.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    with page.expect_file_chooser(timeout=PAGE_TIMEOUT_MS) as kiezer:  # the upload button opens a file dialog
        knop.click()
    kiezer.value.set_files(files=[{"name": "kostenlijst school.csv", "mimeType": "text/csv", "buffer": LIJST}])

    # the chart with its text alternative, the bad row and the unknown maximumfactuur
    grafiek = page.locator(f"{KOSTEN} figure.ss-grafiek img").first
    grafiek.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert page.locator(f"{KOSTEN} figure.ss-grafiek").count() == 2
    tekst = page.locator(f"{KOSTEN} .ss-tekstalternatief").first.inner_text()
    assert "September: € 12,00" in tekst and "Mei: € 1.050,00" in tekst
    fouten = page.locator(f"{KOSTEN} .ss-kosten-fouten").first.inner_text()
    assert "Regel 4 (Toneel)" in fouten and "'acht euro' is geen bedrag" in fouten
    assert page.locator(f"{KOSTEN} .ss-kosten-onbekend").count() == 1
    _shot(page, "1_upload")

    # choose a school year with a confirmed amount: over the maximumfactuur
    page.locator(f"{KOSTEN} .ss-kosten-schooljaar select").select_option("2016-2017")
    boven = page.locator(f"{KOSTEN} .ss-kosten-boven").first
    boven.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert "Boven de maximumfactuur" in boven.inner_text() and "€ 92,50" in boven.inner_text()
    answers = wait_saved(voila_werkmap, MODULE,
                         lambda a: (a.get("kostenlijst") or {}).get("schooljaar") == "2016-2017")
    assert answers["kostenlijst"]["lijst"]["bestand"] == "kostenlijst school.csv"
    _shot(page, "2_controle")

    # the year plan for parents downloads as a Word file
    with page.expect_download(timeout=PAGE_TIMEOUT_MS) as info:
        page.locator(f"{KOSTEN} a[data-formaat='docx']").first.click()
    download = info.value
    assert download.suggested_filename == "jaarplan_schoolkosten_2016-2017.docx"
    assert Path(download.path()).read_bytes()[:2] == b"PK"
    assert_no_errors_shown(page)
    assert problems.relevant() == [], problems.relevant()

    # reload: the list, the school year and the check come back from the werkmap
    open_module(page, voila_base_url, NOTEBOOK)
    page.locator(f"{KOSTEN} figure.ss-grafiek img").first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert "kostenlijst school.csv" in page.locator(KOSTEN).first.inner_text()
    assert page.locator(f"{KOSTEN} .ss-kosten-schooljaar select").first.input_value() == "2016-2017"
    assert page.locator(f"{KOSTEN} .ss-kosten-boven").count() == 1
    assert "Regel 4 (Toneel)" in page.locator(f"{KOSTEN} .ss-kosten-fouten").first.inner_text()
    _shot(page, "3_herladen")
    assert_no_errors_shown(page)
    assert problems.relevant() == [], problems.relevant()
