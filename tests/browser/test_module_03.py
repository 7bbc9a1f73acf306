"""Module 03 in Voilà: name the barrier in a parent's quote, see the report's reading, and
find the choice again after a page reload (the werkmap lives outside the kernel)."""

import pytest

from .conftest import PAGE_TIMEOUT_MS, assert_no_errors_shown, open_module

pytestmark = pytest.mark.browser

NOTEBOOK = "03_drempels.ipynb"
CARD = ".ss-drempel-kiezen"
CHOICE = "Tijd en mogelijkheden tot ontmoeting"


def _checkbox(page):
    card = page.locator(CARD).first
    return card.locator(".ss-drempel-vinkje", has_text=CHOICE).locator("input[type=checkbox]")


def test_pick_barrier_and_keep_it_after_reload(page, problems, voila_base_url):
    open_module(page, voila_base_url, NOTEBOOK)
    box = _checkbox(page)
    box.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert not box.is_checked()
    box.check()
    card = page.locator(CARD).first
    card.locator(".ss-knop-bekijk").click()
    feedback = card.locator(".ss-terugkoppeling")
    feedback.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    text = feedback.inner_text()
    assert "De kit plaatst dit citaat" in text and "fout" not in text.lower()
    assert_no_errors_shown(page)

    open_module(page, voila_base_url, NOTEBOOK)
    box = _checkbox(page)
    box.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert box.is_checked()
    assert page.locator(CARD).first.locator(".ss-terugkoppeling").is_visible()
    others = problems.relevant()
    assert others == [], others


def test_descriptions_are_not_quotes_and_team_file_downloads(page, problems, voila_base_url):
    """A barrier's description is the kit's own short text, never the quote again; the team
    member's file comes as a button-like link with one plain sentence, no folder path."""
    open_module(page, voila_base_url, NOTEBOOK)
    eerste = page.locator(".ss-drempel").first
    eerste.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    uitleg = eerste.locator(".ss-drempel-beschrijving").inner_text().strip()
    citaten = " ".join(eerste.locator(".ss-citaat blockquote").all_inner_texts())
    assert uitleg and uitleg not in citaten
    assert "Er zijn geen foute antwoorden" in page.content()

    kaart = page.locator(".ss-teamkaart")
    kaart.scroll_into_view_if_needed()
    kaart.locator(".ss-weging").first.locator("button", has_text="2").click()
    kaart.locator(".ss-knop-bestand").click()
    link = kaart.locator("a.ss-download-knop")
    link.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert link.inner_text().strip() == "Bewaar mijn weging als bestand"
    tekst = kaart.inner_text()
    assert "Stuur dit bestand naar de persoon die de teamkaart maakt." in tekst
    assert "/tmp" not in tekst and ".json" not in tekst
    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename.endswith(".json")
    assert_no_errors_shown(page)
    others = problems.relevant()
    assert others == [], others
