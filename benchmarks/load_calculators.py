"""A workshop's worth of browsers on one calculator server: first-chart times, kernels, memory.

Starts Voila as ``make apps`` does (the kit's installed settings: preheated pool, kernel cap,
culling) on 127.0.0.1 and, for each level (10, 20, 30 sessions), opens that many Erlang
calculator pages *at once* in one headless Chromium (a Playwright context per session, so
nothing is shared between them). Prints per level:

- seconds from the request to the chart drawn (vega canvas/svg with non-zero size), p50/p95
  over the sessions that got a calculator, and how many got the "server busy" page (503);
- kernels and memory (VmRSS from /proc: the Voila server plus its kernels) before, while
  every page is open, and 2 minutes after the pages closed; and how long after closing the
  kernels were back to the idle server's.

Targets (issue 9): 30 sessions on a 2-core machine, every page's first chart <= 10 s p95;
memory back to the idle server's within 2 minutes of closing.

    .venv/bin/python benchmarks/load_calculators.py [--levels 10 20 30] [--after 120]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
import voila_harness as harness  # noqa: E402

NOTEBOOK = "erlang_calculator.ipynb"
CHART = ".ccs-chart canvas, .ccs-chart svg.marks"
CHART_DRAWN = (f"() => [...document.querySelectorAll('{CHART}')].some(e => "
               "e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().height > 0)")
PAGE_LIMIT_MS = 300_000  # a session that draws nothing in 5 minutes counts as failed
TARGET_P95_S = 10.0


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` in MB (0 if it has ended)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _processes() -> dict[int, tuple[int, float, bytes]]:
    """pid -> (parent pid, CPU seconds used, command line) for every process now."""
    tick, found = os.sysconf("SC_CLK_TCK"), {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                found[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick,
                                          (entry / "cmdline").read_bytes())
            except (OSError, ValueError, IndexError):
                continue
    return found


def cpu_split(server) -> dict[str, float]:
    """CPU seconds used so far by the Voila server, its live kernels, and this script's Chromium."""
    table, mine = _processes(), {os.getpid()}
    changed = True
    while changed:  # every descendant of this script (Chromium, Playwright's driver, Voila)
        grown = {pid for pid, (parent, _, _) in table.items() if parent in mine}
        changed, mine = not grown <= mine, mine | grown
    kernels = set(harness.kernel_pids(server))
    return {"server": table.get(server.process.pid, (0, 0.0, b""))[1],
            "kernels": sum(table[pid][1] for pid in kernels if pid in table),
            "chromium": sum(cpu for pid, (_, cpu, cmd) in table.items()
                            if pid in mine and b"chrom" in cmd.split(b"\0")[0])}


def server_state(server) -> tuple[int, float]:
    """(kernels, MB of the server plus its kernels) now."""
    kernels = harness.kernel_pids(server)
    return len(kernels), rss_mb(server.process.pid) + sum(rss_mb(pid) for pid in kernels)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]


async def one_session(browser, server, sessions: list):
    """Open the calculator; record seconds to the chart, or "busy", or the failure."""
    context = await browser.new_context(viewport={"width": 1300, "height": 1000})
    sessions.append(context)
    page = await context.new_page()
    start = time.perf_counter()
    try:
        response = await page.goto(server.render_url(NOTEBOOK), wait_until="commit",
                                   timeout=PAGE_LIMIT_MS)
        if response is not None and response.status == 503:
            return "busy"
        await page.wait_for_function(CHART_DRAWN, timeout=PAGE_LIMIT_MS)
        return time.perf_counter() - start
    except Exception as exc:  # a timeout or a closed page: counted, not fatal to the run
        return f"failed: {type(exc).__name__}"


async def level(browser, server, n: int, after: float) -> dict:
    """``n`` sessions at once; figures during and ``after`` seconds after closing them."""
    sessions: list = []
    cpu_before = cpu_split(server)
    results = await asyncio.gather(*(one_session(browser, server, sessions) for _ in range(n)))
    open_kernels, open_mb = server_state(server)
    cpu = {k: v - (cpu_before[k] if k != "kernels" else 0) for k, v in cpu_split(server).items()}
    for context in sessions:
        await context.close()
    closed_at, back_s = time.perf_counter(), None
    while time.perf_counter() - closed_at < after:
        await asyncio.sleep(5)
        kernels, _ = server_state(server)
        if back_s is None and kernels <= BASELINE["kernels"]:
            back_s = time.perf_counter() - closed_at
    after_kernels, after_mb = server_state(server)
    charts = [r for r in results if isinstance(r, float)]
    return {"n": n, "charts": charts, "busy": results.count("busy"),
            "failed": [r for r in results if isinstance(r, str) and r != "busy"],
            "open_kernels": open_kernels, "open_mb": open_mb, "after_kernels": after_kernels,
            "after_mb": after_mb, "back_s": back_s, "cpu": cpu}


BASELINE: dict = {}


def wait_for_idle_server(server, settle: float = 20.0, limit: float = 600.0) -> None:
    """Wait until the preheated pool is up and the kernel count has not changed for ``settle`` s."""
    start, last, since = time.perf_counter(), None, time.perf_counter()
    while time.perf_counter() - start < limit:
        kernels, mb = server_state(server)
        if kernels != last:
            last, since = kernels, time.perf_counter()
        elif kernels > 0 and time.perf_counter() - since >= settle:
            BASELINE.update(kernels=kernels, mb=mb)
            return
        time.sleep(1)
    raise SystemExit(f"the server did not settle within {limit} s")


def report(row: dict) -> None:
    charts = row["charts"]
    p50 = statistics.median(charts) if charts else float("nan")
    p95 = percentile(charts, 95) if charts else float("nan")
    back = f"{row['back_s']:.0f} s" if row["back_s"] is not None else "not within the wait"
    print(f"{row['n']:>3} sessions: chart p50 {p50:6.1f} s, p95 {p95:6.1f} s, max "
          f"{max(charts, default=float('nan')):6.1f} s ({len(charts)} drawn, {row['busy']} busy, "
          f"{len(row['failed'])} failed); open: {row['open_kernels']} kernels, "
          f"{row['open_mb']:,.0f} MB; +{ARGS.after:.0f} s after closing: {row['after_kernels']} "
          f"kernels, {row['after_mb']:,.0f} MB (kernels back to idle after {back})", flush=True)
    print(f"     CPU seconds while opening: server {row['cpu']['server']:.0f}, kernels (all live, "
          f"preheated included) {row['cpu']['kernels']:.0f}, Chromium {row['cpu']['chromium']:.0f}")
    if row["failed"]:
        print(f"     failures: {sorted(set(row['failed']))}")


async def run(server, chromium: str, levels: list[int]) -> list[dict]:
    from playwright.async_api import async_playwright

    rows = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, headless=True,
                                                   args=harness.CHROMIUM_ARGS)
        for n in levels:
            rows.append(await level(browser, server, n, ARGS.after))
            report(rows[-1])
            await asyncio.to_thread(wait_for_idle_server, server)  # next level from idle
        await browser.close()
    return rows


ARGS = argparse.Namespace(after=120.0)


def main(argv: list[str] | None = None) -> list[dict]:
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", type=int, nargs="+", default=[10, 20, 30])
    parser.add_argument("--after", type=float, default=120.0,
                        help="seconds to watch after the pages close (default 120)")
    parser.add_argument("voila_args", nargs="*", help="extra Voila options, after --")
    ARGS = parser.parse_args(argv if argv is not None else sys.argv[1:])
    chromium = harness.find_chromium()
    if chromium is None:
        raise SystemExit(harness.MISSING_CHROMIUM)
    with open("/proc/loadavg") as handle:
        print(f"load benchmark: machine load {handle.read().split()[0]} on "
              f"{len(Path('/proc/cpuinfo').read_text().split('processor')) - 1} CPUs; "
              f"Voila as make apps configures it {' '.join(ARGS.voila_args)}")
    log = Path(tempfile.mkdtemp(prefix="ccskills-load-")) / "voila.log"
    server = harness.start_voila(log, extra=ARGS.voila_args)
    try:
        wait_for_idle_server(server)
        print(f"idle server: {BASELINE['kernels']} preheated kernels, {BASELINE['mb']:,.0f} MB")
        rows = asyncio.run(run(server, chromium, ARGS.levels))
    finally:
        server.stop()
    worst = rows[-1]["charts"]
    if worst:
        verdict = "meets" if percentile(worst, 95) <= TARGET_P95_S and not rows[-1]["failed"] \
            else "misses"
        print(f"{rows[-1]['n']} sessions {verdict} the target (first chart p95 <= "
              f"{TARGET_P95_S:g} s); server log: {log}")
    return rows


if __name__ == "__main__":
    main()
