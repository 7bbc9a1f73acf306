"""Room mode: N participants open the start page at the same moment.

For each N (default 1, 10, 25; ``BENCH_KLAS_N=1,5``) a fresh room-mode server starts with N
preheated kernels for the start page (``samenschool start --netwerk --deelnemers N``), on
127.0.0.1. N Chromium pages, each its own browser context (its own cookie), connect through a
relay whose source address is 127.0.0.2 (tests/relay.py), so the server sees participants on
another computer: the first visit gets the cookie and the one redirect, as in a real room.

Two ways to join (``BENCH_KLAS_MODUS``):
- ``http`` (default): each participant is an HTTP client through the relay, with its own
  cookie: first visit, the one redirect, the whole page to its last byte, then the page's
  kernel over its websocket, as the page's widget manager talks to it (tests/widgetstaat.py):
  the widgets' state, until the page is filled in for this participant (the marker
  ``ss-klaar``, see samenschool.widgets.plaatshouder). Leaving = the goodbye the page sends
  (``/voila/api/shutdown/<kernel>``). This is the server's share of a join, as in a room
  where every browser runs on its own laptop.
- ``browser``: N Chromium pages in one browser on this machine, until Voilà's spinner is
  gone and the page is filled in. Chromium then competes with the server for the same 2
  cores: pessimistic.

Measured per N:
- join time per participant; the slowest of N, as a ratio to one participant alone (N=1);
- memory: RSS of each participant's kernel after its page is ready, against the floor
  (benchmarks/floor.ipynb in a kernel of its own, same run); and the server's own growth;
- kernels left beyond the pool 60 s after every page is closed (pages close as a browser tab
  does: the page is left, Voilà's goodbye shuts its kernel down).

Chromium runs on the same 2 cores as the server here; in a room every browser is on its own
laptop, so these join times are pessimistic. Targets (issue "De klas"): slowest ≤ 2× alone at
N=25; memory per participant ≤ floor + 30 MB; zero kernels left a minute after closing.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from samenschool import app  # noqa: E402
from samenschool.server import pool_na_start  # noqa: E402

CHROMIUM = os.environ.get("SAMENSCHOOL_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-quic", "--no-first-run"]
RATIO_TARGET, MEM_TARGET_MB = 2.0, 30.0


def kernels(server_pid: int) -> list[psutil.Process]:
    found = []
    for child in psutil.Process(server_pid).children(recursive=True):
        try:
            if child.status() != psutil.STATUS_ZOMBIE and "ipykernel" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.Error:
            pass
    return found


def rss_mb(proc: psutil.Process) -> float:
    try:
        return proc.memory_info().rss / 1e6
    except psutil.Error:
        return float("nan")


def wait_quiet(server_pid: int, count: int, timeout: float = 600.0) -> None:
    """Until ``count`` kernels run and the machine is calm for 5 s in a row: every pool kernel
    has run its page (a join measured while the pool still warms up measures the warming)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and len(kernels(server_pid)) < count:
        time.sleep(1)
    procs = kernels(server_pid) + [psutil.Process(server_pid)]
    for proc in procs:
        proc.cpu_percent(interval=None)
    calm = 0
    while time.monotonic() < deadline and calm < 5:
        time.sleep(1)
        cpu = sum(p.cpu_percent(interval=None) for p in procs if p.is_running())
        calm = calm + 1 if cpu < 10 else 0


class RelayProces:
    """tests/relay.py in a process of its own, so it does not share this process's interpreter
    lock with the N clients (a real room's network costs the server nothing)."""

    def __init__(self, port: int):
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.relay", str(port)], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.url = self.proc.stdout.readline().strip()

    def stop(self) -> None:
        self.proc.stdin.close()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


async def join(browser, url: str, results: list, pages: list) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(url, timeout=600_000)
    await page.wait_for_selector("#rendered_cells", state="visible", timeout=600_000)
    await page.wait_for_function("() => !document.querySelector('#loading') || "
                                 "getComputedStyle(document.querySelector('#loading')).display === 'none'",
                                 timeout=600_000)
    await page.wait_for_selector(".ss-klaar", state="attached", timeout=600_000)  # filled in for them
    results.append(time.perf_counter() - start)
    pages.append((context, page))


def join_http(url: str) -> tuple[float, str | None, "requests.Session", float]:
    """One participant: first visit, the one redirect, the whole page, then the kernel's
    websocket until the page is filled in for this participant (the widgets' state, as the
    page's widget manager asks for it, shows the marker ``ss-klaar``). Returns the time to
    that moment, the kernel id, the session and the time to the page's last byte."""
    import re

    import requests

    from tests import widgetstaat

    session = requests.Session()
    start = time.perf_counter()
    first = session.get(url, allow_redirects=False, timeout=900)
    base = url.split("/voila/")[0]
    page = session.get(base + first.headers["Location"], timeout=900)
    html_s = time.perf_counter() - start
    match = re.search(r'"kernelId": "([0-9a-f-]+)"', page.text)
    if page.status_code != 200 or "window.voila_finish" not in page.text or not match:
        raise RuntimeError(f"join failed: {page.status_code}")
    cookie = "; ".join(f"{k}={v}" for k, v in session.cookies.items())
    kernel = widgetstaat.Pagina(base, match.group(1), cookie)
    try:
        kernel.wacht_op_klaar(timeout=900)
    finally:
        kernel.close()
    return time.perf_counter() - start, match.group(1), session, html_s


async def run_room(n: int, browser) -> dict:
    werkmap = tempfile.mkdtemp(prefix="samenschool-bench-klas-")
    port = app.free_port()
    env = app.server_env(klas=True)
    env.update(SAMENSCHOOL_WERKMAP=werkmap, SAMENSCHOOL_TOKEN="bench")
    log = open(Path(tempfile.gettempdir()) / f"samenschool-bench-klas-{port}.log", "w")
    proc = subprocess.Popen(app.voila_command(port, "127.0.0.1", klas=True, deelnemers=n), env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    relay = RelayProces(port)
    try:
        app.wait_until_up(app.probe_url(port), proc, timeout=300)
        wait_quiet(proc.pid, n)
        pool = {p.pid for p in kernels(proc.pid)}
        server_before = rss_mb(psutil.Process(proc.pid))
        url = f"{relay.url}/voila/render/{app.START_PAGE}"
        times: list[float] = []
        html_times: list[float] = []
        pages: list = []
        if browser is None:
            loop = asyncio.get_running_loop()
            joined = await asyncio.gather(*(loop.run_in_executor(None, join_http, url) for _ in range(n)))
            times = [j[0] for j in joined]
            html_times = [j[3] for j in joined]
        else:
            await asyncio.gather(*(join(browser, url, times, pages) for _ in range(n)))
        used = [p for p in kernels(proc.pid) if p.pid in pool]
        fresh = [p for p in kernels(proc.pid) if p.pid not in pool]
        mem = [rss_mb(p) for p in used] + [rss_mb(p) for p in fresh][: max(0, n - len(used))]
        server_after = rss_mb(psutil.Process(proc.pid))
        for context, page in pages:
            await page.goto("about:blank")
            await context.close()
        if browser is None:
            for _elapsed, kernel_id, session, _html in joined:
                if kernel_id:
                    session.post(f"{relay.url}/voila/api/shutdown/{kernel_id}", timeout=60)
        closed = time.monotonic()
        await asyncio.sleep(60)
        # the pool refills to a few kernels for latecomers; anything above that is left over
        left = max(0, len(kernels(proc.pid)) - pool_na_start(n))
        return {"n": n, "slowest_s": max(times), "median_s": statistics.median(times),
                "slowest_html_s": max(html_times) if html_times else float("nan"),
                "from_pool": len(used), "kernel_mb": statistics.mean(mem) if mem else float("nan"),
                "server_growth_mb_per_participant": (server_after - server_before) / n,
                "kernels_left_after_60s": left, "kernels_now": len(kernels(proc.pid)),
                "waited_s": round(time.monotonic() - closed)}
    finally:
        relay.stop()
        app.stop_server(proc)
        log.close()


def floor_mb() -> float:
    from benchmarks.bench_notebooks import FLOOR, run_once

    return run_once(FLOOR)[1]


async def main_async(sizes: list[int], modus: str) -> list[dict]:
    from concurrent.futures import ThreadPoolExecutor

    from playwright.async_api import async_playwright

    results = []
    if modus == "http":
        asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=max(sizes)))
        for n in sizes:
            results.append(await run_room(n, None))
            print(f"  N={n}: klaar", flush=True)
        return results
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            for n in sizes:
                results.append(await run_room(n, browser))
                print(f"  N={n}: klaar", flush=True)
        finally:
            await browser.close()
    return results


def main() -> int:
    sizes = [int(x) for x in os.environ.get("BENCH_KLAS_N", "1,10,25").split(",")]
    if 1 not in sizes:
        sizes = [1] + sizes
    modus = os.environ.get("BENCH_KLAS_MODUS", "http")
    floor = floor_mb()
    results = asyncio.run(main_async(sizes, modus))
    alone = next(r["slowest_s"] for r in results if r["n"] == 1)
    print()
    print(f"Room mode ({modus}), start page, preheated pool = N. Floor kernel: {floor:.0f} MB. "
          f"One participant alone: {alone:.3f} s. Load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.")
    print(f"{'N':>3} {'slowest s':>10} {'median s':>9} {'slowest/alone':>14} {'page only s':>12} {'from pool':>10} "
          f"{'kernel MB':>10} {'vs floor':>9} {'server MB/p':>12} {'left 60s':>9}")
    for r in results:
        r["ratio"] = r["slowest_s"] / alone
        r["vs_floor_mb"] = r["kernel_mb"] - floor
        print(f"{r['n']:>3} {r['slowest_s']:>10.3f} {r['median_s']:>9.3f} {r['ratio']:>14.2f} "
              f"{r['slowest_html_s']:>12.3f} {r['from_pool']:>10} "
              f"{r['kernel_mb']:>10.0f} {r['vs_floor_mb']:>+9.0f} {r['server_growth_mb_per_participant']:>12.1f} "
              f"{r['kernels_left_after_60s']:>9}")
    print(f"Targets: slowest/alone <= {RATIO_TARGET} at N=25; kernel <= floor + {MEM_TARGET_MB:.0f} MB; 0 left.")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / f"bench_klas_{modus}.json").write_text(json.dumps({"floor_mb": floor, "alone_s": alone, "rooms": results},
                                                            indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
