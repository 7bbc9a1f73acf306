"""Room mode: N participants open the start page at the same moment.

For each N (default 1, 10, 25; ``BENCH_KLAS_N=1,5``) a fresh room-mode server starts with N
preheated kernels for the start page (``samenschool start --netwerk --deelnemers N``), on
127.0.0.1. N Chromium pages, each its own browser context (its own cookie), connect through a
relay whose source address is 127.0.0.2 (tests/relay.py), so the server sees participants on
another computer: the first visit gets the cookie and the one redirect, as in a real room.

Two ways to join (``BENCH_KLAS_MODUS``):
- ``http`` (default): each participant is a client through the relay, with its own cookie:
  first visit, the one redirect, the whole page to its last byte, then the page's kernel over
  its websocket, as the page's widget manager talks to it: the widgets' state, until the page
  is filled in for this participant (the marker ``ss-klaar``, see
  samenschool.widgets.plaatshouder). All clients share one asyncio loop (tests/widgetstaat.py)
  and the relay runs in a process of its own, so the clients take little of the 2 cores. Leaving = the goodbye the page sends
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
from tests import widgetstaat  # noqa: E402

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


def cpu_s(procs: list[psutil.Process]) -> float:
    """CPU seconds (user + system) used so far by ``procs``."""
    total = 0.0
    for proc in procs:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


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
        wie = {"server": [psutil.Process(proc.pid)], "kernels": kernels(proc.pid),
               "relay": [psutil.Process(relay.proc.pid)], "clients": [psutil.Process()]}
        cpu_voor = {k: cpu_s(v) for k, v in wie.items()}
        times: list[float] = []
        html_times: list[float] = []
        pages: list = []
        if browser is None:
            joined = await asyncio.gather(*(widgetstaat.join(relay.url, f"/voila/render/{app.START_PAGE}")
                                            for _ in range(n)))
            times = [j.totaal_s for j in joined]
            html_times = [j.pagina_s for j in joined]
        else:
            await asyncio.gather(*(join(browser, url, times, pages) for _ in range(n)))
        cpu_ms = {k: round(1000 * (cpu_s(v) - cpu_voor[k]) / n, 1) for k, v in wie.items()}
        used = [p for p in kernels(proc.pid) if p.pid in pool]
        fresh = [p for p in kernels(proc.pid) if p.pid not in pool]
        mem = [rss_mb(p) for p in used] + [rss_mb(p) for p in fresh][: max(0, n - len(used))]
        server_after = rss_mb(psutil.Process(proc.pid))
        for context, page in pages:
            await page.goto("about:blank")
            await context.close()
        if browser is None:
            import requests

            for j in joined:
                requests.post(f"{relay.url}/voila/api/shutdown/{j.kernel_id}", headers={"Cookie": j.cookie}, timeout=60)
        closed = time.monotonic()
        await asyncio.sleep(60)
        # the pool refills to a few kernels for latecomers; anything above that is left over
        left = max(0, len(kernels(proc.pid)) - pool_na_start(n))
        return {"n": n, "slowest_s": max(times), "median_s": statistics.median(times),
                "slowest_html_s": max(html_times) if html_times else float("nan"),
                "from_pool": len(used), "cpu_ms_per_join": cpu_ms, "kernel_mb": statistics.mean(mem) if mem else float("nan"),
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


async def main_async(sizes: list[int], modus: str) -> tuple[list[dict], dict | None]:
    """The rooms, and in ``http`` mode also one participant alone in Chromium (the baseline of
    what a participant waits for in a room: the server's share plus their own browser's work)."""
    from playwright.async_api import async_playwright

    results, in_browser = [], None
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            for n in sizes:
                results.append(await run_room(n, browser if modus == "browser" else None))
                print(f"  N={n}: klaar", flush=True)
            if modus == "http":
                in_browser = await run_room(1, browser)
                print("  alleen, in Chromium: klaar", flush=True)
        finally:
            await browser.close()
    return results, in_browser


def main() -> int:
    sizes = [int(x) for x in os.environ.get("BENCH_KLAS_N", "1,10,25").split(",")]
    if 1 not in sizes:
        sizes = [1] + sizes
    modus = os.environ.get("BENCH_KLAS_MODUS", "http")
    floor = floor_mb()
    results, in_browser = asyncio.run(main_async(sizes, modus))
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
    print("CPU per join (ms; server, kernels, relay, the benchmark's own clients): "
          + "; ".join(f"N={r['n']}: " + ", ".join(f"{k} {v}" for k, v in r["cpu_ms_per_join"].items())
                      for r in results if "cpu_ms_per_join" in r))
    kamer = None
    if in_browser is not None:
        # In a room every participant's browser runs on their own laptop: what each waits for is
        # their own browser's work (measured alone, in Chromium, this run) plus the server's share,
        # which grows with the room (measured above, all N at once).
        eigen_browser = in_browser["slowest_s"] - alone
        kamer = {"alone_in_chromium_s": in_browser["slowest_s"], "own_browser_s": eigen_browser,
                 "rooms": [{"n": r["n"], "wait_s": eigen_browser + r["slowest_s"],
                            "ratio": (eigen_browser + r["slowest_s"]) / in_browser["slowest_s"]} for r in results]}
        print()
        print(f"A participant alone, in Chromium until the page is filled in: {in_browser['slowest_s']:.3f} s "
              f"(server's share {alone:.3f} s, their browser's own work {eigen_browser:.3f} s).")
        print("In a room, each on their own laptop: own browser's work + the slowest server share of N at once:")
        for k in kamer["rooms"]:
            print(f"  N={k['n']:>2}: {k['wait_s']:.3f} s, {k['ratio']:.2f} x alone")
        print("The server's share alone (table above) is measured; the room's wait adds the browser's own work, "
              "measured alone, because 2 cores cannot run N laptops' browsers.")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / f"bench_klas_{modus}.json").write_text(json.dumps({"floor_mb": floor, "alone_s": alone, "rooms": results,
                                                             "in_a_room": kamer}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
