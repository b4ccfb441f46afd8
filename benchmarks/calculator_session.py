"""Time a calculator page from request to drawn chart, and weigh its kernel.

Starts ``voila course/apps --template=ccskills`` on 127.0.0.1, opens the Erlang
calculator in Debian's headless Chromium (Playwright) several times, and prints for
each page load:

- seconds from the request to the first answer on screen and to the chart drawn
  (a vega canvas/svg with non-zero size); every load is a cold kernel, because Voila
  starts a new kernel per page; the first also pays for a cold server;
- the resident memory (VmRSS, and its peak VmHWM, from /proc) of that page's kernel,
  after a short session (switch to Erlang A, change the calls).

Two modes: "cold" (a new kernel per page, as inside JupyterLab with ``make start``)
and "preheat" (Voila's pool of a kernel that already ran the notebook, as ``make apps``
configures in voila.json; each load waits 15 s first so that the pool has refilled).
Targets: chart visible <= 3 s, kernel RSS <= 300 MB.

    .venv/bin/python benchmarks/calculator_session.py [--runs 3] [--skip-preheat]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
import voila_harness as harness  # noqa: E402

NOTEBOOK = "erlang_calculator.ipynb"
CHART = ".ccs-chart canvas, .ccs-chart svg.marks"
ANSWER = ".ccs-required-agents .ccs-card-value"
TARGET_SECONDS, TARGET_MB = 3.0, 300.0


def kernel_pid(kernel_id: str) -> int | None:
    """PID of the ipykernel process whose connection file names ``kernel_id``."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes()
        except OSError:
            continue
        if b"ipykernel" in args and f"kernel-{kernel_id}.json".encode() in args:
            return int(cmdline.parent.name)
    return None


def memory_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of ``pid`` in MB, read from /proc/<pid>/status."""
    fields = dict(line.split(":", 1) for line in
                  Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return tuple(int(fields[key].split()[0]) / 1024 for key in ("VmRSS", "VmHWM"))


def use_the_calculator(page) -> None:
    """A short session: switch to Erlang A, then change the calls; wait for each answer."""
    for action in (lambda: page.locator(".ccs-use-patience input").check(),
                   lambda: (page.locator(".ccs-calls input").fill("900"),
                            page.locator(".ccs-calls input").press("Enter"))):
        runs = int(page.locator(".ccs-status [data-run]").get_attribute("data-run"))
        action()
        page.wait_for_function("n => Number(document.querySelector('.ccs-status [data-run]')"
                               "?.dataset.run) > n", arg=runs, timeout=60_000)


def load_page(browser, server) -> dict[str, float]:
    """Open the calculator once; seconds to answer and chart; its kernel's memory after use."""
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    off_machine = []
    context.route("**/*", lambda route: route.continue_() if harness.is_local(route.request.url)
                  else (off_machine.append(route.request.url), route.abort()))
    page = context.new_page()
    start = time.perf_counter()
    page.goto(server.render_url(NOTEBOOK), wait_until="commit", timeout=120_000)
    page.wait_for_function(f"() => /^\\d+$/.test(document.querySelector('{ANSWER}')"
                           "?.textContent ?? '')", timeout=120_000)
    answer = time.perf_counter() - start
    page.wait_for_function(
        f"() => [...document.querySelectorAll('{CHART}')].some(e => "
        "e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().height > 0)",
        timeout=120_000)
    chart = time.perf_counter() - start
    use_the_calculator(page)
    kernel_id = page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    pid = kernel_pid(kernel_id)
    rss, peak = memory_mb(pid) if pid else (float("nan"), float("nan"))
    context.close()
    if off_machine:
        raise SystemExit(f"requests left the machine: {sorted(set(off_machine))}")
    return {"answer_s": answer, "chart_s": chart, "rss_mb": rss, "peak_mb": peak}


def session(label: str, runs: int, extra: list[str], chromium: str,
            pause: float = 0.0) -> list[dict]:
    """Start a Voila server, load the page ``runs`` times, print and return the figures.

    ``pause`` seconds pass before each load (a preheated pool needs time to refill).
    """
    from playwright.sync_api import sync_playwright

    log = Path(tempfile.mkdtemp(prefix="ccskills-bench-")) / "voila.log"
    start = time.perf_counter()
    server = harness.start_voila(log, extra=extra)
    up = time.perf_counter() - start
    results = []
    try:
        with sync_playwright() as playwright:
            browser = harness.launch_chromium(playwright, chromium)
            for run in range(runs):
                time.sleep(pause)
                results.append(load_page(browser, server))
                r = results[-1]
                print(f"{label:9} load {run + 1}: answer {r['answer_s']:5.2f} s, chart "
                      f"{r['chart_s']:5.2f} s, kernel RSS {r['rss_mb']:5.0f} MB "
                      f"(peak {r['peak_mb']:.0f} MB)", flush=True)
            browser.close()
    finally:
        server.stop()
    print(f"{label:9} server up in {up:.2f} s; median chart "
          f"{statistics.median(r['chart_s'] for r in results):.2f} s "
          f"(target <= {TARGET_SECONDS:g} s); max RSS "
          f"{max(r['rss_mb'] for r in results):.0f} MB (target <= {TARGET_MB:g} MB)")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-preheat", action="store_true",
                        help="measure only the cold path (a new kernel per page)")
    args = parser.parse_args()
    chromium = harness.find_chromium()
    if chromium is None:
        raise SystemExit(harness.MISSING_CHROMIUM)
    with open("/proc/loadavg") as handle:
        print(f"machine load average: {handle.read().split()[0]} on "
              f"{len(Path('/proc/cpuinfo').read_text().split('processor')) - 1} CPUs")
    # Cold: what JupyterLab's Voila extension (make start) does, a new kernel per page.
    session("cold", args.runs, ["--preheat_kernel=False"], chromium)
    if not args.skip_preheat:  # what make apps does (voila.json)
        # The pool kernel runs the notebook after the server starts and again after each
        # page takes it: give it 15 s, so each load meets a ready kernel.
        session("preheat", args.runs, ["--preheat_kernel=True", "--pool_size=1"], chromium,
                pause=15.0)


if __name__ == "__main__":
    main()
