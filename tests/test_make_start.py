"""`make start` serves the start page on localhost (started here on a free port)."""

import os
import signal
import subprocess
import time
import urllib.request

import pytest

from samenschool import app
from samenschool.paths import repo_root


@pytest.mark.slow
def test_make_start_serves_the_start_page(tmp_path):
    port = app.free_port()
    env = dict(os.environ, SAMENSCHOOL_GEEN_BROWSER="1", SAMENSCHOOL_WERKMAP=str(tmp_path / "werkmap"))
    proc = subprocess.Popen(["make", "--no-print-directory", "start", f"PORT={port}"], cwd=repo_root(), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    url = f"http://127.0.0.1:{port}/voila/render/notebooks/00_start.ipynb"
    try:
        deadline, body = time.monotonic() + 120, ""
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(url, timeout=60) as resp:
                    body = resp.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.5)
        assert proc.poll() is None, "make start stopte voortijdig"
        assert "Samen School Maken" in body
        assert "cdn.jsdelivr.net" not in body  # offline: no CDN stylesheets
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            out, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
    assert f"http://localhost:{port}/voila/render/notebooks/00_start.ipynb" in out, out
