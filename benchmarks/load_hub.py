"""A class on a JupyterHub: N trainees log in and open a calculator at once; time, memory, culling.

Starts the throwaway hub of the browser tier (``tests/hub_server.py``: JupyterHub with
configurable-http-proxy on 127.0.0.1, dummy login, one local JupyterLab + Voila server per
user started in the user's home with the course copied in) plus the idle culler
(``jupyterhub-idle-culler``, as ``deploy/z2jh/values.yaml`` enables it, here with a short
timeout). For each level (10, 20, 30 users), in one headless Chromium, a context per user:

1. every user logs in through the hub's form at once;
2. every user's server is started at once (the hub's REST API, as "Start my server" does):
   seconds to ready, p50/p95;
3. every user opens the Erlang calculator at once under ``/user/<name>/voila/render/…``:
   seconds from the request to the chart drawn, p50/p95;
4. memory while every page is open (VmRSS from /proc): per user server (JupyterLab + Voila,
   its kernels excluded), per kernel, and the hub and proxy; kernels that died or restarted
   (the hub log's kernel restarter lines, and pages that never drew);
5. the pages close, and the time until the idle culler has stopped every server.

Prints a table; asserts nothing about time. Needs jupyterhub, configurable-http-proxy
(``make chp``) and jupyterhub-idle-culler (``pip install jupyterhub-idle-culler``).

    .venv/bin/python benchmarks/load_hub.py [--levels 10 20 30] [--cull-timeout 60]
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import hub_server  # noqa: E402
import voila_harness as harness  # noqa: E402
from load_calculators import CHART_DRAWN, percentile, rss_mb  # noqa: E402

CALCULATOR = "apps/erlang_calculator.ipynb"
PAGE_LIMIT_MS = 300_000
DEATHS = re.compile(r"KernelRestarter: restarting kernel|Kernel died|kernel .* died|Dead kernel",
                    re.IGNORECASE)


def culler_config(timeout: int, every: int) -> str:
    """Hub config adding the idle culler and short activity intervals (so it sees idleness soon)."""
    return f"""
import sys
c.JupyterHub.services.append({{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                "--timeout={timeout}", "--cull-every={every}"],
}})
c.JupyterHub.load_roles.append({{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}})
c.JupyterHub.last_activity_interval = {every}
c.Spawner.environment["JUPYTERHUB_ACTIVITY_INTERVAL"] = "{every}"
"""


def stats(values: list[float]) -> str:
    if not values:
        return "   -      -  "
    return f"{statistics.median(values):6.1f} {percentile(values, 95):6.1f}"


def start_all(hub, users: list[str]) -> dict[str, float | str]:
    """Start every user's server at once; seconds to ready (or the failure) per user."""
    def one(user: str):
        begin = time.perf_counter()
        try:
            hub.start_server(user, timeout=600)
            return time.perf_counter() - begin
        except Exception as exc:  # counted, not fatal
            return f"failed: {exc}"[:200]
    with concurrent.futures.ThreadPoolExecutor(len(users)) as pool:
        return dict(zip(users, pool.map(one, users)))


async def open_calculators(browser, hub, users: list[str]):
    """Log every user in at once, then (servers started) open the calculator for all at once."""
    contexts = {user: await browser.new_context(viewport={"width": 1300, "height": 1000})
                for user in users}
    off_machine: list[str] = []

    async def guard(route):
        if harness.is_local(route.request.url):
            await route.continue_()
        else:
            off_machine.append(route.request.url)
            await route.abort()

    async def login(user: str):
        context = contexts[user]
        await context.route("**/*", guard)
        page = await context.new_page()
        await page.goto(f"{hub.url}/hub/login?next=/hub/home", timeout=PAGE_LIMIT_MS)
        await page.fill("#username_input", user)
        await page.fill("#password_input", hub.password)
        await page.click("#login_submit")
        await page.wait_for_url(lambda url: "/hub/login" not in url, timeout=PAGE_LIMIT_MS)
        return page

    pages = dict(zip(users, await asyncio.gather(*(login(u) for u in users))))
    starts = await asyncio.to_thread(start_all, hub, users)

    async def chart(user: str):
        begin = time.perf_counter()
        try:
            await pages[user].goto(hub.voila_url(user, CALCULATOR), wait_until="commit",
                                   timeout=PAGE_LIMIT_MS)
            await pages[user].wait_for_function(CHART_DRAWN, timeout=PAGE_LIMIT_MS)
            return time.perf_counter() - begin
        except Exception as exc:
            return f"failed: {type(exc).__name__}"

    charts = dict(zip(users, await asyncio.gather(*(chart(u) for u in users))))
    return contexts, starts, charts, off_machine


def memory(hub, users: list[str]) -> dict:
    """RSS now: user servers (without kernels), kernels, hub + proxy."""
    servers, kernels = [], []
    for user in users:
        pid = hub.server_pid(user)
        if pid is None:
            continue
        servers.append(rss_mb(pid))
        kernels += [rss_mb(k) for k in hub_server.descendants(pid) if "ipykernel" in hub_server._cmdline(k)]
    hub_mb = rss_mb(hub.process.pid) + sum(
        rss_mb(p) for p in hub_server.descendants(hub.process.pid)
        if "configurable-http-proxy" in hub_server._cmdline(p) or "idle_culler" in hub_server._cmdline(p))
    return {"servers": servers, "kernels": kernels, "hub": hub_mb}


def wait_culled(hub, users: list[str], limit: float) -> float | None:
    """Seconds until no user in ``users`` has a running server (None if not within ``limit``)."""
    begin = time.perf_counter()
    while time.perf_counter() - begin < limit:
        if not any(hub.user_model(u).get("servers") for u in users):
            return time.perf_counter() - begin
        time.sleep(5)
    return None


async def level(browser, hub, n: int, cull_limit: float) -> dict:
    users = hub.users[:n]
    log_before = hub.log.read_text(errors="replace")
    contexts, starts, charts, off = await open_calculators(browser, hub, users)
    mem = memory(hub, users)
    for context in contexts.values():
        await context.close()
    culled = await asyncio.to_thread(wait_culled, hub, users, cull_limit)
    log = hub.log.read_text(errors="replace")[len(log_before):]
    drawn = [v for v in charts.values() if isinstance(v, float)]
    return {"n": n, "starts": [v for v in starts.values() if isinstance(v, float)],
            "start_failed": [v for v in starts.values() if isinstance(v, str)],
            "charts": drawn, "chart_failed": [v for v in charts.values() if isinstance(v, str)],
            "deaths": len(DEATHS.findall(log)), "mem": mem, "culled": culled, "off": off}


def report(row: dict, cull_limit: float) -> None:
    mem = row["mem"]
    per_server = statistics.mean(mem["servers"]) if mem["servers"] else float("nan")
    per_kernel = statistics.mean(mem["kernels"]) if mem["kernels"] else float("nan")
    total = sum(mem["servers"]) + sum(mem["kernels"]) + mem["hub"]
    culled = f"{row['culled']:.0f} s" if row["culled"] is not None else f"not within {cull_limit:.0f} s"
    print(f"{row['n']:>5} | {stats(row['starts'])} | {stats(row['charts'])} | "
          f"{len(row['charts']):>3}/{row['n']:<3} | {per_server:7.0f} | {per_kernel:7.0f} "
          f"({len(mem['kernels']):>2}) | {total / 1024:6.2f} | {row['deaths']:>6} | {culled}",
          flush=True)
    for failure in sorted(set(row["start_failed"] + row["chart_failed"])):
        print(f"      failure: {failure}")
    if row["off"]:
        print(f"      requests off the machine (blocked): {sorted(set(row['off']))[:5]}")


async def run(hub, chromium: str, levels: list[int], cull_limit: float) -> list[dict]:
    from playwright.async_api import async_playwright

    print("users | start p50    p95 | chart p50    p95 | drawn   | server MB | kernel MB (n) "
          "| total GB | deaths | culled after pages closed")
    rows = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, headless=True,
                                                   args=harness.CHROMIUM_ARGS)
        for n in levels:
            rows.append(await level(browser, hub, n, cull_limit))
            report(rows[-1], cull_limit)
        await browser.close()
    return rows


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", type=int, nargs="+", default=[10, 20, 30])
    parser.add_argument("--cull-timeout", type=int, default=60,
                        help="idle culler timeout in seconds (default 60; a class would use 3600)")
    parser.add_argument("--cull-every", type=int, default=15)
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    try:
        import jupyterhub_idle_culler  # noqa: F401
    except ImportError:
        raise SystemExit("the idle culler is missing: .venv/bin/pip install jupyterhub-idle-culler") from None
    if hub_server.find_proxy() is None:
        raise SystemExit(hub_server.INSTALL)
    chromium = harness.find_chromium()
    if chromium is None:
        raise SystemExit(harness.MISSING_CHROMIUM)
    cpus = len(Path("/proc/cpuinfo").read_text().split("processor")) - 1
    with open("/proc/loadavg") as handle:
        print(f"hub load benchmark: machine load {handle.read().split()[0]} on {cpus} CPUs; idle "
              f"culler timeout {args.cull_timeout} s, checked every {args.cull_every} s")
    # the culler needs page-closed kernels freed (60 s) + its timeout + a check and a stop
    cull_limit = 90 + args.cull_timeout + 3 * args.cull_every + 120
    users = [f"trainee{i:02d}" for i in range(1, max(args.levels) + 1)]
    folder = Path(tempfile.mkdtemp(prefix="ccskills-load-hub-"))
    with hub_server.running_hub(folder, users=users, env={"CCSKILLS_PROGRESS": "off"},
                                extra_config=culler_config(args.cull_timeout, args.cull_every)) as hub:
        rows = asyncio.run(run(hub, chromium, args.levels, cull_limit))
        print(f"hub log: {hub.log}")
    return rows


if __name__ == "__main__":
    main()
