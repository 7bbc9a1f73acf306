"""Module 04 in Voilà: walk the vertelgesprek planner, reload midway (input stays), and
download the invitation as DOCX straight from the page (a data: link, no kernel round-trip)."""

import io

import pytest

from .conftest import PAGE_TIMEOUT_MS, assert_no_errors_shown, open_module, wait_saved

pytestmark = pytest.mark.browser

NOTEBOOK = "04_vertelgesprek.ipynb"


def _field(page, pad: str, tag: str = "input"):
    return page.locator(f".ss-vg-{pad.replace('.', '-')} {tag}").first


def _type(page, pad: str, text: str, tag: str = "input") -> None:
    """Type as a person does: no Enter, no leaving the field (every keystroke is saved)."""
    box = _field(page, pad, tag)
    box.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    box.fill(text[:-1])
    box.press(text[-1])


def _step(page, number: int) -> None:
    page.wait_for_function(
        "(n) => { const el = document.querySelector('.ss-vg-voortgang');"
        " return el && el.textContent.includes('Stap ' + n + ' van'); }",
        arg=number, timeout=PAGE_TIMEOUT_MS)


def _next(page, number: int) -> None:
    page.locator(".ss-vg-volgende button, button.ss-vg-volgende").first.click()
    _step(page, number)


def test_planner_walk_reload_and_download_docx(page, problems, voila_base_url, voila_werkmap, tmp_path):
    open_module(page, voila_base_url, NOTEBOOK)
    _step(page, 1)
    _type(page, "context.klas", "3de leerjaar")
    _next(page, 2)
    _type(page, "wanneer.periode", "de eerste twee weken van september")
    _type(page, "wanneer.momenten", "maandag 8.00\nzaterdag 10.00\nwoensdag 12.15", tag="textarea")
    page.wait_for_function(
        "() => !document.querySelector('.ss-vg-meldingen').textContent.includes('Periode')",
        timeout=PAGE_TIMEOUT_MS)
    wait_saved(voila_werkmap, "04_vertelgesprek",
               lambda answers: "woensdag 12.15" in str(answers) and "eerste twee weken" in str(answers))

    # reload midway: same step, same values (the werkmap lives outside the kernel)
    open_module(page, voila_base_url, NOTEBOOK)
    _step(page, 2)
    assert _field(page, "wanneer.periode").input_value() == "de eerste twee weken van september"
    assert "zaterdag 10.00" in _field(page, "wanneer.momenten", "textarea").input_value()

    _next(page, 3)
    page.wait_for_function("() => document.body.innerText.includes('Flesch-Douma')", timeout=PAGE_TIMEOUT_MS)
    _type(page, "uitnodiging.contactpersoon", "juf Lies, klasleerkracht")
    _type(page, "uitnodiging.telefoon", "03 123 45 67")
    _next(page, 4)
    _next(page, 5)
    _type(page, "setting.lokaal", "de klas van het 3de leerjaar")
    for number in range(6, 10):
        _next(page, number)
    link = page.locator(".ss-vg-documenten a[data-document='brief'][data-formaat='docx']")
    link.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    # the twelve links look like buttons, with plain labels and a unique file name each
    knoppen = page.locator(".ss-vg-documenten a.ss-download-knop")
    assert knoppen.count() == 12
    names = {knoppen.nth(i).get_attribute("download") for i in range(12)}
    assert len(names) == 12
    assert link.inner_text().strip() == "Aanpassen in Word"
    stijl = link.evaluate("el => { const s = getComputedStyle(el);"
                          " return [s.textDecorationLine, s.display, s.color]; }")
    assert stijl[0] == "none" and stijl[1] == "inline-block" and stijl[2] == "rgb(255, 255, 255)", stijl
    with page.expect_download(timeout=PAGE_TIMEOUT_MS) as info:
        link.click()
    target = tmp_path / "brief.docx"
    info.value.save_as(target)
    assert info.value.suggested_filename.endswith(".docx")

    from docx import Document

    doc = Document(io.BytesIO(target.read_bytes()))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Beste ouder" in text and "juf Lies (klasleerkracht)" in text and "03 123 45 67" in text

    # the last Word file (the record template) downloads too
    last = page.locator(".ss-vg-documenten a[data-document='verslag'][data-formaat='docx']")
    with page.expect_download(timeout=PAGE_TIMEOUT_MS) as info:
        last.click()
    assert info.value.failure() is None
    assert info.value.suggested_filename == "vertelgesprek_4_verslagsjabloon.docx"
    target = tmp_path / "verslag.docx"
    info.value.save_as(target)
    assert Document(io.BytesIO(target.read_bytes())).core_properties.title == "Verslag van het vertelgesprek"
    assert_no_errors_shown(page)
    others = problems.relevant()
    assert others == [], others
