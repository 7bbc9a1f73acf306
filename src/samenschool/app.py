"""Serve the kit: Voilà (app mode, no code) or JupyterLab (for facilitators who adapt it).

The launcher finds a free port, starts the server with the kit's own Voilà template
(offline: no CDN), waits until the start page answers, prints the address and opens a
browser where there is one.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import webbrowser
from pathlib import Path

from samenschool.errors import SamenschoolError
from samenschool.paths import PACKAGE_DIR, notebooks_dir, repo_root

TEMPLATE_ROOT = PACKAGE_DIR / "share" / "jupyter"
# Voilà serves the whole checkout (so exercises/ is reachable next to notebooks/); the start
# page is the first module. Links between pages are relative and work in JupyterLab too.
START_PAGE = "notebooks/00_start.ipynb"
DEFAULT_PORT = 8866


def free_port(preferred: int | None = None, host: str = "127.0.0.1") -> int:
    """``preferred`` when it is free, else any free port."""
    for port in ([preferred] if preferred else []) + [0]:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind((host, port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise SamenschoolError("Geen vrije poort gevonden om de kit te starten.")


def server_env(klas: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    if klas:
        env["SAMENSCHOOL_KLASMODUS"] = "1"
    paths = [str(TEMPLATE_ROOT)] + ([env["JUPYTER_PATH"]] if env.get("JUPYTER_PATH") else [])
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    # The kit's Voilà settings (share/jupyter/config/voila.py): no warnings in the terminal
    # that a facilitator cannot act on (issue 13).
    config = [str(TEMPLATE_ROOT / "config")] + ([env["JUPYTER_CONFIG_PATH"]] if env.get("JUPYTER_CONFIG_PATH") else [])
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(config)
    env.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def voila_command(port: int, host: str = "127.0.0.1", folder: Path | None = None, klas: bool = False) -> list[str]:
    """The Voilà server. ``klas``: classroom mode, each participant's browser keeps its own
    werkmap (the Cookie header reaches the kernel; see werkmap.deelnemer_id)."""
    extra = ["--VoilaConfiguration.http_header_envs=['Cookie']"] if klas else []
    return [
        sys.executable, "-m", "voila", str(folder or repo_root()),
        f"--port={port}", f"--Voila.ip={host}", "--no-browser",
        "--template=samenschool", "--theme=light",
        "--VoilaConfiguration.show_tracebacks=False",
        # Voilà's kernel shutdown on page leave is a beacon without an XSRF token, which the
        # server refuses with 403 (voila issue #1458) and leaves the kernel running. The
        # server has no login (the pages are open to whoever reaches them), so the XSRF
        # check protects nothing here; without it, closed pages free their kernel.
        "--Voila.tornado_settings=disable_check_xsrf=True",
        # Backstop for tabs that vanish without a goodbye (laptop lid closed): free kernels
        # that have had no connection for 30 minutes. Answers are in the werkmap already.
        "--MappingKernelManager.cull_idle_timeout=1800", "--MappingKernelManager.cull_interval=300",
        "--Voila.log_level=WARN", "--ServerApp.log_level=WARN",
    ] + extra


def lab_command(port: int, host: str = "127.0.0.1") -> list[str]:
    return [
        sys.executable, "-m", "jupyter", "lab", str(notebooks_dir()),
        f"--port={port}", f"--ServerApp.ip={host}", "--no-browser",
        "--ServerApp.root_dir=" + str(notebooks_dir().parent),
    ] + (["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])


def start_url(port: int, host: str = "127.0.0.1") -> str:
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    return f"http://{shown}:{port}/voila/render/{START_PAGE}"


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SamenschoolError("De server stopte meteen. Kijk naar de meldingen hierboven.")
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status < 500:
                    return
        except OSError:
            time.sleep(0.3)
    raise SamenschoolError(f"De kit antwoordt niet na {timeout:.0f} seconden op {url}.")


def can_open_browser() -> bool:
    if os.environ.get("SAMENSCHOOL_GEEN_BROWSER"):
        return False
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def serve(mode: str = "app", port: int | None = None, host: str = "127.0.0.1", open_browser: bool = True) -> int:
    port = free_port(port or DEFAULT_PORT, "0.0.0.0" if host == "0.0.0.0" else host)
    klas = mode == "app" and host == "0.0.0.0"
    cmd = voila_command(port, host, klas=klas) if mode == "app" else lab_command(port, host)
    url = start_url(port, host) if mode == "app" else f"http://localhost:{port}/lab"
    proc = subprocess.Popen(cmd, env=server_env(klas), start_new_session=True)
    try:
        probe = url if mode == "app" else f"http://127.0.0.1:{port}/api"
        wait_until_up(probe.replace("localhost", "127.0.0.1"), proc)
        print("", flush=True)
        print("=" * 64)
        print("  Samen School Maken staat klaar.")
        print(f"  Open in je browser:  {url}")
        if klas:
            print("  Klasmodus: deelnemers in hetzelfde netwerk surfen naar het IP-adres van deze")
            print(f"  computer, poort {port}. Elke browser bewaart zijn eigen antwoorden.")
        print("  Stoppen: druk Ctrl+C in dit venster.")
        print("=" * 64, flush=True)
        if open_browser and can_open_browser():
            webbrowser.open(url)
        return proc.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
