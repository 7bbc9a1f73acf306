"""The launcher in room mode: what it prints, that its readiness check starts no kernel, and
that SIGTERM, SIGHUP or Ctrl+C stop the server and every kernel. No browser needed; it runs
with the browser tests because it starts a real server. Loopback only
(SAMENSCHOOL_NETWERK_IP=127.0.0.1: the printed address is still the LAN address)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

import psutil
import pytest
import requests

from samenschool import app

pytestmark = pytest.mark.browser


def _launch(pool: int):
    env = dict(os.environ, SAMENSCHOOL_WERKMAP=tempfile.mkdtemp(prefix="samenschool-launcher-"),
               SAMENSCHOOL_NETWERK_IP="127.0.0.1", SAMENSCHOOL_GEEN_BROWSER="1", PYTHONUNBUFFERED="1")
    port = app.free_port()
    proc = subprocess.Popen([sys.executable, "-m", "samenschool.cli", "start", "--netwerk", "--geen-browser",
                             "--poort", str(port), "--deelnemers", str(pool)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    lines: list[str] = []

    def lees():  # a thread: select() on a buffered pipe misses lines already read into the buffer
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))

    threading.Thread(target=lees, daemon=True).start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(line.startswith("  Stoppen") for line in lines):
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    return proc, port, lines


def _family(proc) -> list[psutil.Process]:
    try:
        return [psutil.Process(proc.pid)] + psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _kernels(family) -> list[psutil.Process]:
    found = []
    for p in family:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE and "ipykernel" in " ".join(p.cmdline()):
                found.append(p)
        except psutil.Error:
            pass
    return found


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=["SIGTERM", "SIGHUP", "CtrlC"])
def test_launcher_prints_the_addresses_and_stops_everything(sig):
    pool = 1
    proc, port, lines = _launch(pool)
    try:
        assert proc.poll() is None, "\n".join(lines)
        deelnemers = [line for line in lines if line.startswith("Deelnemers: ")]
        begeleider = [line for line in lines if line.startswith("Begeleider: ")]
        assert len(deelnemers) == 1 and len(begeleider) == 1, "\n".join(lines)
        assert re.fullmatch(rf"Deelnemers: http://\d+\.\d+\.\d+\.\d+:{port}/", deelnemers[0])
        match = re.fullmatch(rf"Begeleider: http://\d+\.\d+\.\d+\.\d+:{port}/zaal\?token=([A-Za-z0-9_-]{{20,}})",
                             begeleider[0])
        assert match, begeleider[0]
        assert sum("█" in line or "▀" in line or "▄" in line for line in lines) >= 10  # the QR code
        token = match.group(1)
        assert token not in deelnemers[0]

        family = _family(proc)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(_kernels(_family(proc))) < pool:
            time.sleep(0.5)
        time.sleep(2)
        # only the preheated pool: the readiness check started no kernel
        assert len(_kernels(_family(proc))) == pool
        base = f"http://127.0.0.1:{port}"
        assert requests.get(f"{base}/zaal?token={token}", timeout=30).status_code == 200
        family = _family(proc)
        assert len(family) >= 3  # launcher, server, kernel

        proc.send_signal(sig)
        proc.wait(timeout=60)
        gone, alive = psutil.wait_procs(family, timeout=30)
        assert alive == [], [(p.pid, p.cmdline()) for p in alive]
        with pytest.raises(requests.ConnectionError):
            requests.get(base + app.PROBE_PATH, timeout=5)
    finally:
        for p in _family(proc):
            try:
                p.kill()
            except psutil.Error:
                pass
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
