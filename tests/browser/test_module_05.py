"""Module 05 in Voilà: the live letter editor scores while you type, and keeps the text
after a page reload (the werkmap lives outside the kernel)."""

import pytest

from samenschool.leesbaarheid import analyse

from .conftest import PAGE_TIMEOUT_MS, assert_no_errors_shown, open_module, wait_saved

pytestmark = pytest.mark.browser

NOTEBOOK = "05_heldere_taal.ipynb"
EDITOR = ".ss-brief-eigen_brief"  # the first editor on the page (one letter, no comparison)
SCORE = f"{EDITOR} .ss-brief-scores .ss-scores"
TEXTAREA = f"{EDITOR} .ss-brief-tekst textarea"
TYPED = "Kom naar school. We praten samen over je kind. Het duurt een half uur."


def _score(page) -> str | None:
    return page.locator(SCORE).first.get_attribute("data-flesch")


def test_editor_scores_live_and_keeps_text_after_reload(page, problems, voila_base_url, voila_werkmap):
    failed = []  # (status, url) of every answer >= 400
    page.on("response", lambda r: r.status >= 400 and failed.append((r.status, r.url)))
    open_module(page, voila_base_url, NOTEBOOK)
    textarea = page.locator(TEXTAREA).first
    textarea.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    page.locator(SCORE).first.wait_for(state="attached", timeout=PAGE_TIMEOUT_MS)
    before = _score(page)
    assert before is not None, "de editor toont geen score voor de voorbeeldbrief"
    assert "Flesch-Douma" in page.locator(f"{EDITOR} .ss-brief-scores").first.inner_text()

    # type a short, plain text: fill all but the last character, then press it (a real key
    # event, so the widget syncs to the kernel)
    textarea.fill(TYPED[:-1])
    textarea.press(TYPED[-1])
    # wait for the score of the WHOLE typed text (an earlier sync of part of it also changes
    # the score; reloading then would race the last keystroke's save)
    expected = str(analyse(TYPED).flesch_douma)
    page.wait_for_function(
        "([sel, want]) => { const el = document.querySelector(sel);"
        " return el && el.getAttribute('data-flesch') === want; }",
        arg=[SCORE, expected], timeout=PAGE_TIMEOUT_MS,
    )
    after = _score(page)
    assert float(after) > float(before), (before, after)
    # the score cannot tell "… uur" from "… uur." apart: wait for the whole text on disk
    wait_saved(voila_werkmap, NOTEBOOK.removesuffix(".ipynb"), lambda answers: TYPED in answers.values())
    assert_no_errors_shown(page)
    assert problems.relevant() == [], problems.relevant()

    # reload (open the same address again): the text comes back from the werkmap, with its score
    open_module(page, voila_base_url, NOTEBOOK)
    textarea = page.locator(TEXTAREA).first
    textarea.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert textarea.input_value() == TYPED
    assert _score(page) == after
    assert failed == [], failed  # also the kernel shutdown on page leave (see app.py)
    others = problems.relevant()
    assert others == [], others


REWRITE = ".ss-brief-herschrijf"  # the before/after exercise


def test_buttons_and_labels_are_not_cut_off_at_1024(page, voila_base_url):
    """At 1024 px wide the key button reads in full, and so does every "Voorbeeld:" label."""
    page.set_viewport_size({"width": 1024, "height": 768})
    open_module(page, voila_base_url, NOTEBOOK)
    knop = page.locator(f"{REWRITE} button", has_text="Neem de brief uit Voor over").first
    knop.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    # an element whose content is wider than its box is cut off (text-overflow: ellipsis)
    cut = page.evaluate(
        """() => Array.from(document.querySelectorAll(
                '.ss-brief-editor button, .ss-brief-editor .widget-label, .ss-brief-editor label'))
              .filter(el => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
              .map(el => el.textContent.trim())"""
    )
    assert cut == [], cut
    labels = page.locator(".ss-brief-voorbeeld label").all_inner_texts()
    assert labels and all(t.strip() == "Voorbeeld:" for t in labels), labels
    # the word list under the letter is open: no hovering needed on a touch screen
    lijst = page.locator(f"{REWRITE} .ss-suggesties li").first  # Voor: the hard invitation
    assert lijst.is_visible()
