"""Browser tests skip with a clear message without Chromium, and fail instead when CI is set."""

import pytest

from tests.browser import conftest as browser_conftest


def test_without_chromium_the_browser_tests_skip_with_a_message(monkeypatch):
    monkeypatch.setattr(browser_conftest, "CHROMIUM", "/nergens/chromium")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        browser_conftest._require_chromium()


def test_in_ci_a_missing_chromium_fails_instead_of_skipping(monkeypatch):
    monkeypatch.setattr(browser_conftest, "CHROMIUM", "/nergens/chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="In CI moeten de browsertests lopen"):
        browser_conftest._require_chromium()


def test_with_chromium_present_nothing_is_skipped(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("")
    monkeypatch.setattr(browser_conftest, "CHROMIUM", str(fake))
    browser_conftest._require_chromium()  # no exception
