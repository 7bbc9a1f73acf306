"""The start page renders in Voilà: title, no error text, no failed request (offline)."""

import pytest

from .conftest import assert_no_errors_shown, open_module

pytestmark = pytest.mark.browser


def test_start_page_renders_offline(page, problems, voila_base_url):
    open_module(page, voila_base_url, "00_start.ipynb")
    assert "Samen School Maken" in page.inner_text("h1")
    assert_no_errors_shown(page)
    assert problems.relevant() == [], problems.relevant()
    # the kit's stylesheet is served from the local template, not from a CDN
    css = page.evaluate("() => [...document.styleSheets].map(s => s.href).filter(Boolean)")
    assert any(href.endswith("samenschool.css") for href in css), css
    assert not any("cdn" in href for href in css), css


def _kernels_drop_to(server, limit: int, timeout: float = 30.0) -> int:
    import time

    deadline = time.monotonic() + timeout
    count = server.kernel_count()
    while count > limit and time.monotonic() < deadline:
        time.sleep(0.25)
        count = server.kernel_count()
    return count


def test_leaving_a_page_frees_its_kernel(page, problems, voila_server):
    """A class reloads pages all session: kernels of left pages must not pile up."""
    open_module(page, voila_server.url, "00_start.ipynb")
    baseline = voila_server.kernel_count()
    for _ in range(3):
        open_module(page, voila_server.url, "00_start.ipynb")
    # three reloads leave at most the one kernel of the page that is open now
    assert _kernels_drop_to(voila_server, baseline) <= baseline
    page.goto("about:blank")
    assert _kernels_drop_to(voila_server, baseline - 1) == baseline - 1
    assert problems.relevant() == [], problems.relevant()
