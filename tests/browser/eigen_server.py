"""A Voilà server of its own, with a werkmap of its own, for the tests of issue 13.

The print, guide and accessibility tests choose answers, weigh, type and step through the
planner on many pages. With the shared session server (tests/browser/conftest.py) those
answers would land in the werkmap that other test files check exactly; a server of their own
keeps every file's werkmap as that file expects it. Started like the shared one."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def eigen_voila(werkmap: Path):
    from samenschool import app

    port = app.free_port()
    env = app.server_env()
    env["SAMENSCHOOL_WERKMAP"] = str(werkmap)
    log = open(Path(tempfile.gettempdir()) / f"samenschool-voila-{port}.log", "w")
    proc = subprocess.Popen(app.voila_command(port), env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        app.wait_until_up(f"{base}/voila/render/{app.START_PAGE}", proc, timeout=120)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
