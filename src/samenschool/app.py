"""Serve the kit: Voilà (app mode, no code) or JupyterLab (for facilitators who adapt it).

The launcher finds a free port, starts the kit's server (samenschool.server: Voilà with the
kit's routes and template, offline: no CDN), waits until a static file answers (a page would
start a kernel), prints the address and opens a browser where there is one. Room mode
(``--netwerk``) prints the participants' address, the facilitator's address with its token and
a QR code. Ctrl+C, SIGTERM and SIGHUP stop the server and every kernel it started.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import webbrowser
from pathlib import Path
from typing import Sequence

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


def voila_command(port: int, host: str = "127.0.0.1", folder: Path | None = None, klas: bool = False,
                  deelnemers: int = 0, paginas: Sequence[str] = ()) -> list[str]:
    """The kit's Voilà server (samenschool.server: Voilà with the kit's routes and checks).
    ``klas``: room mode, every participant's browser gets its own werkmap (see
    samenschool.deelnemer); ``deelnemers``: preheated kernels for the start page, and for each
    of ``paginas`` (the pages a room opens together, in order) when the room gets there."""
    extra = [f"--SamenschoolVoila.klas={klas}", f"--SamenschoolVoila.deelnemers={max(deelnemers, 0)}"]
    extra += [f"--SamenschoolVoila.paginas={pagina}" for pagina in paginas]
    # Kernels talk to the server over local sockets, not TCP ports: no port races when many
    # kernels start at once (a room joining), and no kernel ports open on the network.
    ipc = ["--KernelManager.transport=ipc"] if os.name == "posix" else []
    return [
        sys.executable, "-m", "samenschool.server", str(folder or repo_root()),
        f"--port={port}", f"--Voila.ip={host}", "--no-browser", "--Voila.port_retries=0",
        "--template=samenschool", "--theme=light",
        "--VoilaConfiguration.show_tracebacks=False",
        # Voilà's kernel shutdown on page leave is a beacon without an XSRF token, which the
        # server refuses with 403 (voila issue #1458) and leaves the kernel running. The
        # identity cookies are SameSite=Strict and every route checks them (samenschool.server),
        # so no other site can act for a participant; without the check closed pages free their kernel.
        "--Voila.tornado_settings=disable_check_xsrf=True",
        # Backstop for tabs that vanish without a goodbye (laptop lid closed): free kernels
        # that have had no connection for 30 minutes. Answers are in the werkmap already.
        "--MappingKernelManager.cull_idle_timeout=1800", "--MappingKernelManager.cull_interval=300",
        "--Voila.log_level=WARN", "--ServerApp.log_level=WARN",
    ] + ipc + extra


def lab_command(port: int, host: str = "127.0.0.1") -> list[str]:
    return [
        sys.executable, "-m", "jupyter", "lab", str(notebooks_dir()),
        f"--port={port}", f"--ServerApp.ip={host}", "--no-browser",
        "--ServerApp.root_dir=" + str(notebooks_dir().parent),
    ] + (["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])


def start_url(port: int, host: str = "127.0.0.1") -> str:
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    return f"http://{shown}:{port}/voila/render/{START_PAGE}"


# A static file of the kit's template: the readiness check must not start a kernel.
PROBE_PATH = "/voila/templates/samenschool/static/samenschool.css"


def probe_url(port: int, host: str = "127.0.0.1") -> str:
    return f"http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}{PROBE_PATH}"


def lan_ip() -> str:
    """This computer's address in the local network (no packet is sent: a UDP socket only
    picks the outgoing interface). Falls back to the host name's address."""
    with contextlib.suppress(OSError):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.connect(("192.0.2.1", 80))  # TEST-NET-1: never routed anywhere
            ip = sock.getsockname()[0]
            if ip and not ip.startswith("127."):
                return ip
    with contextlib.suppress(OSError):
        ip = socket.gethostbyname(socket.gethostname())
        if ip and not ip.startswith("127."):
            return ip
    return "127.0.0.1"


def klas_adressen(port: int, token: str, ip: str | None = None) -> tuple[str, str]:
    """The participants' address and the facilitator's (with the token)."""
    ip = ip or lan_ip()
    return f"http://{ip}:{port}/", f"http://{ip}:{port}/zaal?token={token}"


def qr_terminal(url: str) -> str:
    """The address as a QR code in text (segno), for the terminal."""
    import io

    import segno

    buffer = io.StringIO()
    segno.make(url, error="m").terminal(out=buffer, compact=True, border=2)
    return buffer.getvalue()


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


class _Stop(Exception):
    """SIGTERM or SIGHUP reached the launcher: stop like Ctrl+C."""


def _stop_on_signal(signum, _frame):
    raise _Stop(signum)


def stop_server(proc: subprocess.Popen, timeout: float = 15.0) -> None:
    """Stop the server and every kernel it started. Voilà shuts its kernels down on SIGTERM;
    kernels live in their own process sessions, so any left are ended here by their pid."""
    try:
        import psutil

        kinderen = psutil.Process(proc.pid).children(recursive=True)
    except Exception:
        kinderen = []
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
    for kind in kinderen:
        with contextlib.suppress(Exception):
            if kind.is_running():
                kind.terminate()
    if kinderen:
        import psutil

        _gone, alive = psutil.wait_procs(kinderen, timeout=5)
        for kind in alive:
            with contextlib.suppress(Exception):
                kind.kill()


def netwerk_host() -> str:
    """Where room mode listens: every network interface (tests bind loopback instead)."""
    return os.environ.get("SAMENSCHOOL_NETWERK_IP", "0.0.0.0")


def serve(mode: str = "app", port: int | None = None, host: str = "127.0.0.1", open_browser: bool = True,
          deelnemers: int = 0, klas: bool | None = None, paginas: Sequence[str] = ()) -> int:
    port = free_port(port or DEFAULT_PORT, host)
    klas = mode == "app" and (host == "0.0.0.0" if klas is None else klas)
    env = server_env(klas)
    token = secrets.token_urlsafe(18)
    deelnemers_url = begeleider_url = ""
    if klas:
        deelnemers_url, begeleider_url = klas_adressen(port, token)
        env["SAMENSCHOOL_TOKEN"] = token
        env["SAMENSCHOOL_DEELNEMERS_URL"] = deelnemers_url
    cmd = (voila_command(port, host, klas=klas, deelnemers=deelnemers, paginas=paginas) if mode == "app"
           else lab_command(port, host))
    url = start_url(port, host) if mode == "app" else f"http://localhost:{port}/lab"
    oude = {sig: signal.signal(sig, _stop_on_signal) for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if sig}
    proc = subprocess.Popen(cmd, env=env, start_new_session=True)
    try:
        probe = probe_url(port, host) if mode == "app" else f"http://127.0.0.1:{port}/api"
        wait_until_up(probe, proc)
        print("", flush=True)
        print("=" * 64)
        print("  Samen School Maken staat klaar.")
        if klas:
            print("  Klasmodus: deelnemers in hetzelfde netwerk openen dit adres")
            print("  (of scannen de QR-code). Elke browser bewaart zijn eigen antwoorden.")
            print(f"Deelnemers: {deelnemers_url}")
            print(f"Begeleider: {begeleider_url}")
            print("  Het adres 'Begeleider' is alleen voor jou: het opent de zaal (het scherm voor")
            print("  de projector) en de werkboeken. Toon het niet aan de groep.")
            try:
                print(qr_terminal(deelnemers_url))
            except Exception:  # a terminal without the characters: the address is printed above
                pass
        else:
            print(f"  Open in je browser:  {url}")
        print("  Stoppen: druk Ctrl+C in dit venster.")
        print("=" * 64, flush=True)
        if open_browser and can_open_browser():
            webbrowser.open(f"http://localhost:{port}/zaal?token={token}" if klas else url)
        return proc.wait()
    except (KeyboardInterrupt, _Stop):
        return 0
    finally:
        for sig, handler in oude.items():
            signal.signal(sig, handler)
        stop_server(proc)
