"""Discrete-event simulation of a contact-centre queue (ciw), to check Erlang C / A and a plan.

The model: Poisson arrivals (rate piecewise constant by interval), one FCFS queue, N
agents per interval, service times exponential with mean AHT (or lognormal with a
chosen coefficient of variation), and, with a mean ``patience``, exponential
patience after which a waiting caller hangs up (ciw's *reneging*; Erlang A). Each
replication is an independent run with its own seed; figures come back per
replication with the mean and a t confidence interval across replications
(independent-replications method), beside the Erlang C / A figures of
:mod:`ccskills.queueing` for the same inputs.

Measured per interval, by the calls *arriving* in it:

* service level = answered within ``answer_time`` / offered (abandoned calls miss),
* ASA = mean wait of answered calls (seconds),
* abandon rate = abandoned / offered,
* P(wait) = calls that waited at all / offered,
* occupancy = agent-seconds busy inside the interval / (agents × interval).

**Warm-up.** Erlang formulas describe the *steady state*: a queue that has run at
this load for a long time. A simulation that starts empty with every agent idle is
better than the steady state in its first minutes (the first callers never wait).
:func:`simulate_interval` therefore runs ``warmup`` seconds (default 3,600) at the
same rate and staffing before the measured interval; ``warmup=0`` measures from an
empty start. :func:`simulate_plan` simulates each day from opening with an empty
queue and no warm-up, because that is what happens when a centre opens. After the
last measured interval no new calls arrive and the run continues until every
measured call is answered or has hung up.

ciw is imported when a simulation runs, so ``import ccskills`` stays cheap. ciw
draws from Python's ``random`` module; the state of ``random`` (and ``ciw.rng``) is
restored after each call, so a seed gives the same numbers every time and other
code's random streams are left alone.
"""

from __future__ import annotations

import bisect
import math
import random
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from ccskills._validation import check_at_most, check_nonnegative, check_positive
from ccskills.queueing import offered_load
from ccskills.queueing._limits import check_patience

__all__ = ["IntervalSimulation", "PlanSimulation", "simulate_interval", "simulate_plan",
           "confidence_interval", "METRICS"]

METRICS = ("service_level", "asa_s", "abandon_rate", "occupancy", "p_wait")
"""Figures measured per replication (fractions, ASA in seconds)."""

_COUNTS = ("offered", "answered", "answered_within", "abandoned", "waited", "wait_sum_s",
           "busy_s", "agent_s")
_FAR = 1e12  # a date no run reaches: the last shift ends there, the run stops before it

MAX_SIMULATED_CALLS = 200_000
"""Most calls one simulation call may expect to simulate (replications included): ciw runs
about 1,500 calls a second on one core, so this is two to three minutes; a lesson's largest
(100 replications × 300 calls with the warm-up) is 30,000."""
MAX_SIMULATED_AGENTS = 10_000
"""Most agents in one simulated interval (ciw keeps an object per agent)."""


@lru_cache(maxsize=1)
def _ciw():
    """Import ciw and define the two distributions the model needs (once)."""
    import ciw

    class PiecewisePoisson(ciw.dists.Distribution):
        """Poisson arrivals with a constant rate per segment, none after the last edge.

        Inverts the cumulative rate Λ(t): next arrival = Λ⁻¹(Λ(t) + E), E ~ Exp(1).
        """

        def __init__(self, edges, rates):
            self.edges, self.rates = [float(e) for e in edges], [float(r) for r in rates]
            cum = np.concatenate([[0.0], np.cumsum(np.asarray(rates) * np.diff(edges))])
            self.cum = [float(c) for c in cum]

        def sample(self, t=None, ind=None):
            edges, cum, rates = self.edges, self.cum, self.rates
            j = min(bisect.bisect_right(edges, t), len(rates)) - 1
            level = min(cum[j] + rates[j] * (t - edges[j]), cum[-1]) + random.expovariate(1.0)
            if level >= cum[-1]:
                return math.inf
            i = bisect.bisect_right(cum, level) - 1
            return max(edges[i] + (level - cum[i]) / rates[i] - t, 0.0)

    class PiecewiseService(ciw.dists.Distribution):
        """Service times with the mean AHT of the segment in which service starts."""

        def __init__(self, edges, aht, kind, cv):
            self.edges, self.aht, self.kind = [float(e) for e in edges], [float(a) for a in aht], kind
            self.sigma = math.sqrt(math.log1p(cv * cv))

        def sample(self, t=None, ind=None):
            i = min(max(bisect.bisect_right(self.edges, t) - 1, 0), len(self.aht) - 1)
            mean = self.aht[i]
            if self.kind == "exponential":
                return random.expovariate(1.0 / mean)
            return random.lognormvariate(math.log(mean) - self.sigma ** 2 / 2, self.sigma)

    return ciw, PiecewisePoisson, PiecewiseService


@dataclass(frozen=True)
class _Day:
    """One run's segments: edges (seconds from the start), calls/s, agents and AHT per segment."""

    edges: np.ndarray
    rates: np.ndarray
    agents: np.ndarray
    aht: np.ndarray


def _servers(ciw, day: _Day):
    """ciw's servers: a whole number, or a Schedule changing only where the staffing changes.

    ciw ends every shift at its end date and starts the next one with fresh servers;
    with ``preemption="resume"`` the calls in service are handed to the new servers
    and resume where they stopped, so exactly N agents work in each interval (the
    default, no pre-emption, would let the outgoing agents finish their calls beside
    a full new shift and overstate capacity at every boundary). After the last
    interval the last interval's agents (at least one) answer the calls still waiting.
    """
    staff = [int(n) for n in day.agents] + [max(int(day.agents[-1]), 1)]  # + after closing
    change = [i for i in range(1, len(staff)) if staff[i] != staff[i - 1]]
    if not change:
        return staff[0]
    ends = [float(day.edges[i]) for i in change] + [_FAR]
    counts = [staff[0]] + [staff[i] for i in change]
    return ciw.Schedule(numbers_of_servers=counts, shift_end_dates=ends, preemption="resume")


def _run(day: _Day, patience, service: str, cv: float, seed: int) -> dict[str, np.ndarray]:
    """Simulate one run with ciw; per call its arrival, wait, outcome and service spells."""
    ciw, arrivals, service_dist = _ciw()
    network = ciw.create_network(
        arrival_distributions=[arrivals(day.edges, day.rates)],
        service_distributions=[service_dist(day.edges, day.aht, service, cv)],
        number_of_servers=[_servers(ciw, day)],
        reneging_time_distributions=(None if patience is None
                                     else [ciw.dists.Exponential(1.0 / patience)]))
    ciw.seed(seed)
    sim = ciw.Simulation(network)
    sim.simulate_until_max_time(_FAR / 10)
    return _calls(sim.get_all_records())


def _calls(records) -> dict[str, np.ndarray]:
    """Per call (by id): arrival, wait until first answered (or until hanging up), answered?;
    and every spell an agent was busy (a call handed over at a shift change has two)."""
    ids = np.array([r.id_number for r in records], np.int64)
    kind = np.array([r.record_type for r in records])
    arrival = np.array([r.arrival_date for r in records], float)
    start = np.array([r.service_start_date for r in records], float)
    stop = np.array([r.exit_date for r in records], float)
    calls, first = np.unique(ids, return_index=True)
    position = np.searchsorted(calls, ids)
    first_start = np.full(calls.size, np.inf)
    np.minimum.at(first_start, position, np.where(np.isnan(start), np.inf, start))
    served = np.zeros(calls.size, bool)
    served[position[kind == "service"]] = True
    hung_up = np.full(calls.size, np.nan)
    hung_up[position[kind == "renege"]] = stop[kind == "renege"]
    wait = np.where(served, first_start, hung_up) - arrival[first]
    busy = kind != "renege"
    return {"arrival": arrival[first], "wait": wait, "served": served,
            "start": start[busy], "end": stop[busy]}


def _measure(calls: dict, day: _Day, answer_time: float) -> np.ndarray:
    """Counts per segment (rows) for :data:`_COUNTS` (columns), by arrival segment."""
    edges, k = day.edges, day.edges.size - 1
    seg = np.searchsorted(edges, calls["arrival"], side="right") - 1
    served, wait = calls["served"], calls["wait"]

    def per_segment(mask, weights=None):
        return np.bincount(seg[mask], weights=None if weights is None else weights[mask], minlength=k)[:k]

    start, end = calls["start"], calls["end"]
    busy_to = np.array([np.clip(e - start, 0.0, end - start).sum() for e in edges])
    return np.column_stack([
        per_segment(np.ones_like(served)), per_segment(served),
        per_segment(served & (wait <= answer_time)), per_segment(~served),
        per_segment(wait > 0), per_segment(served, wait), np.diff(busy_to),
        day.agents * np.diff(edges)])


def _metrics(counts: pd.DataFrame) -> pd.DataFrame:
    """The :data:`METRICS` from summed counts (NaN where nothing was offered or staffed)."""
    c = counts.astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = pd.DataFrame({
            "service_level": c["answered_within"] / c["offered"],
            "asa_s": c["wait_sum_s"] / c["answered"],
            "abandon_rate": c["abandoned"] / c["offered"],
            "occupancy": c["busy_s"] / c["agent_s"],
            "p_wait": c["waited"] / c["offered"],
        }, index=counts.index)
    return out.replace([np.inf, -np.inf], np.nan)


def confidence_interval(values, confidence: float = 0.95) -> tuple[float, float, float, float]:
    """(mean, standard deviation, low, high): mean ± t(ν = R − 1) · s / √R over replications.

    NaN values (e.g. ASA of a run where nobody was answered) are left out.

    >>> mean, sd, low, high = confidence_interval([0.78, 0.82, 0.80, 0.84, 0.76])
    >>> round(mean, 3), round(sd, 4), round(low, 4), round(high, 4)  # t(0.975, 4) = 2.776
    (0.8, 0.0316, 0.7607, 0.8393)
    """
    from scipy import stats

    x = np.asarray(values, float)
    x = x[~np.isnan(x)]
    if x.size < 2:
        return (float(x.mean()) if x.size else math.nan, math.nan, math.nan, math.nan)
    mean, sd = float(x.mean()), float(x.std(ddof=1))
    half = float(stats.t.ppf(0.5 + confidence / 2, x.size - 1)) * sd / math.sqrt(x.size)
    return mean, sd, mean - half, mean + half


def _seeds(seed, count: int) -> list[int]:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a whole number ≥ 0, got {seed!r}")
    return [int(s) for s in np.random.SeedSequence(int(seed)).generate_state(count)]


def _check_size(calls, expected_calls, agents, aht, patience) -> None:
    """Refuse runs beyond :data:`MAX_SIMULATED_CALLS` / :data:`MAX_SIMULATED_AGENTS` before they start."""
    if not expected_calls <= MAX_SIMULATED_CALLS:
        raise ValueError(f"calls must be at most {MAX_SIMULATED_CALLS:,} simulated in all (calls × (1 + "
                         f"warmup / interval) × replications is {expected_calls:,.0f}), got {calls!r}")
    check_at_most("agents", agents, MAX_SIMULATED_AGENTS, f"at most {MAX_SIMULATED_AGENTS:,} in a simulation")
    if patience is not None:
        check_patience(patience, aht)


def _check_options(replications, service, service_cv, patience, answer_time, confidence):
    if isinstance(replications, bool) or not isinstance(replications, (int, np.integer)) or replications < 2:
        raise ValueError(f"replications must be a whole number ≥ 2, got {replications!r}")
    if service not in ("exponential", "lognormal"):
        raise ValueError(f"service must be 'exponential' or 'lognormal', got {service!r}")
    check_positive("service_cv", service_cv)
    if patience is not None:
        check_positive("patience", patience)
    check_nonnegative("answer_time", answer_time)
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be a fraction in (0, 1), got {confidence!r}")


class _RandomState:
    """Keep Python's ``random`` and ``ciw.rng`` as they were around a block of runs."""

    def __enter__(self):
        ciw = _ciw()[0]
        self._saved = random.getstate(), getattr(ciw, "rng", None)

    def __exit__(self, *exc):
        ciw = _ciw()[0]
        random.setstate(self._saved[0])
        if self._saved[1] is not None:
            ciw.rng = self._saved[1]


def _formula(agents, load, aht, patience, answer_time) -> dict[str, float]:
    """Erlang C (no patience) or Erlang A figures for the same inputs, from ccskills.queueing."""
    from ccskills.queueing._figures import queue_figures

    return queue_figures(agents, load, aht, answer_time, patience)


@dataclass(frozen=True)
class IntervalSimulation:
    """Replications of one interval and their summary beside the Erlang formula.

    ``runs``: one row per replication with the counts (offered, answered, …) and
    :data:`METRICS`. ``summary``: one row per metric with ``mean``, ``sd``,
    ``ci_low``, ``ci_high`` (the ``confidence`` interval of the mean) and
    ``formula`` (Erlang C, or Erlang A with a patience; exact only for exponential
    service). ``model`` names the formula.
    """

    runs: pd.DataFrame
    summary: pd.DataFrame
    model: str


def simulate_interval(calls, aht, agents, *, interval=1800, answer_time=20, patience=None,
                      service="exponential", service_cv=1.0, warmup=3600, replications=100,
                      seed=2026, confidence=0.95) -> IntervalSimulation:
    """Simulate one interval ``replications`` times and compare with Erlang C / A.

    Parameters
    ----------
    calls : float
        Calls offered in the interval (> 0): the Poisson rate is calls / interval.
    aht : float
        Mean handle time in seconds (> 0).
    agents : int
        Agents on the phones (≥ 1).
    interval : float
        Interval length in seconds (default 1,800).
    answer_time : float
        Service-level threshold in seconds.
    patience : float, optional
        Mean patience in seconds (exponential); callers hang up after it (Erlang A).
    service : "exponential" or "lognormal"
        Service-time distribution, mean ``aht``; lognormal with coefficient of
        variation ``service_cv`` (Erlang formulas assume exponential, cv = 1).
    warmup : float
        Seconds simulated at the same rate and staffing before the interval and not
        measured (default 3,600; 0 = start empty). See the module notes.
    replications : int
        Independent runs (≥ 2).
    seed : int
        Seed of the replications' seeds; the same seed gives the same numbers.
    confidence : float
        Level of the confidence intervals (default 0.95).

    At most :data:`MAX_SIMULATED_CALLS` (200,000) expected calls in all and
    :data:`MAX_SIMULATED_AGENTS` (10,000) agents; larger runs raise ``ValueError`` before
    they start.

    Examples
    --------
    >>> sim = simulate_interval(100, 180, 14, replications=5, seed=1)
    >>> sim.model, list(sim.summary.columns)
    ('Erlang C', ['mean', 'sd', 'ci_low', 'ci_high', 'formula'])
    """
    n_calls = float(check_positive("calls", calls))
    handle = float(check_positive("aht", aht))
    length = float(check_positive("interval", interval))
    warm = float(check_nonnegative("warmup", warmup))
    if isinstance(agents, bool) or not float(check_positive("agents", agents)).is_integer():
        raise ValueError(f"agents must be a whole number ≥ 1, got {agents!r}")
    _check_options(replications, service, service_cv, patience, answer_time, confidence)
    _check_size(calls, n_calls * (1 + warm / length) * replications, agents, handle, patience)
    offered_load(n_calls, handle, length)  # the formula column's range: ValueError naming calls
    edges = np.array([0.0, warm, warm + length]) if warm > 0 else np.array([0.0, length])
    k = edges.size - 1
    day = _Day(edges, np.full(k, n_calls / length), np.full(k, int(agents)), np.full(k, handle))
    rows = []
    with _RandomState():
        for s in _seeds(seed, replications):
            rows.append(_measure(_run(day, patience, service, float(service_cv), s), day,
                                 float(answer_time))[-1])
    counts = pd.DataFrame(rows, columns=list(_COUNTS)).rename_axis("replication")
    runs = counts.join(_metrics(counts))
    formula = _formula(int(agents), n_calls * handle / length, handle, patience, float(answer_time))
    summary = pd.DataFrame({m: (*confidence_interval(runs[m], confidence), float(formula[m]))
                            for m in METRICS}, index=["mean", "sd", "ci_low", "ci_high", "formula"]).T
    return IntervalSimulation(runs, summary, "Erlang C" if patience is None else "Erlang A")


@dataclass(frozen=True)
class PlanSimulation:
    """Replications of every day of a staffing plan.

    ``counts``: per replication and interval (MultiIndex ``replication``,
    ``interval_start``) the counts offered, answered, … ; ``plan``: the
    :class:`~ccskills.staffing.StaffingPlan` simulated (its formula figures are for
    its own required agents, also when the simulation was given other ``agents``).
    ``interval_metrics()`` gives each replication's figures per interval (the spread of
    slots), ``daily()`` each replication's figures per day (the spread of days a plan
    meets or misses), ``daily_summary()`` their mean and confidence interval beside
    the plan's daily figures, ``by_interval()`` the pooled figures per interval beside
    the plan's, ``target_met()`` the share of simulated days meeting the SL target.
    """

    counts: pd.DataFrame
    plan: object

    def interval_metrics(self) -> pd.DataFrame:
        """:data:`METRICS` per replication and interval, beside that interval's counts.

        Same index as ``counts`` (``replication``, ``interval_start``); columns the
        counts (``offered``, ``answered``, ``answered_within``, ``abandoned``,
        ``waited``, ``wait_sum_s``, ``busy_s``, ``agent_s``) then ``service_level`` =
        answered_within / offered, ``asa_s`` = wait_sum_s / answered, ``abandon_rate``
        = abandoned / offered, ``occupancy`` = busy_s / agent_s and ``p_wait`` =
        waited / offered (NaN where nothing was offered, answered or staffed).
        """
        return self.counts.join(_metrics(self.counts))

    def daily(self) -> pd.DataFrame:
        """:data:`METRICS` per replication and day, from that day's summed counts."""
        day = self.counts.index.get_level_values("interval_start").normalize().rename("date")
        rep = self.counts.index.get_level_values("replication")
        sums = self.counts.groupby([rep, day]).sum()
        return sums.join(_metrics(sums))

    def daily_summary(self, confidence: float = 0.95) -> pd.DataFrame:
        """Per day and metric: mean, sd, CI over replications, and the plan's (formula) figure."""
        daily, planned = self.daily(), self.plan.daily()
        rows = {}
        for date, part in daily.groupby(level="date"):
            for metric in METRICS:
                formula = planned.at[date, metric] if metric in planned.columns else math.nan
                rows[(date, metric)] = (*confidence_interval(part[metric], confidence), formula)
        table = pd.DataFrame.from_dict(rows, orient="index",
                                       columns=["mean", "sd", "ci_low", "ci_high", "plan"])
        table.index = pd.MultiIndex.from_tuples(table.index, names=["date", "metric"])
        return table

    def by_interval(self) -> pd.DataFrame:
        """Pooled figures per interval over replications (from summed counts) beside the plan's."""
        sums = self.counts.groupby(level="interval_start").sum()
        sim = _metrics(sums).add_prefix("sim_")
        plan = self.plan.intervals[["calls", "required", "service_level", "asa_s", "occupancy",
                                    "abandon_rate"]].add_prefix("plan_")
        return plan.join(sim)

    def target_met(self) -> pd.Series:
        """Per day, the share of replications whose daily service level met the plan's target."""
        target = self.plan.settings.target_sl
        if target is None:
            raise ValueError("target_sl must be set in the plan to count days meeting it, got None")
        daily = self.daily()
        return (daily["service_level"] >= target).groupby(level="date").mean().rename("share_met")


def _plan_days(plan, agents: np.ndarray):
    """Per day: (interval starts, _Day of its segments from opening, index of measured segments)."""
    length = plan.settings.interval
    frame = plan.intervals
    for _, part in frame.groupby(frame.index.normalize(), sort=True):
        starts = part.index
        offset = (starts - starts[0]).total_seconds().to_numpy()
        edges, rates, staff, handle, measured = [0.0], [], [], [], []
        rows = np.flatnonzero(frame.index.isin(starts))
        for j, (t0, row) in enumerate(zip(offset, rows)):
            if t0 > edges[-1] + 1e-9:  # a closed slot inside the day: no calls, no agents
                edges.append(t0), rates.append(0.0), staff.append(0), handle.append(plan.aht_filled[row])
            measured.append(len(rates))
            edges.append(t0 + length)
            rates.append(plan.calls[row] / length), staff.append(int(agents[row]))
            handle.append(plan.aht_filled[row])
        yield starts, _Day(np.array(edges), np.array(rates), np.array(staff), np.array(handle)), measured


def simulate_plan(plan, *, agents=None, replications=20, seed=2026, service="exponential",
                  service_cv=1.0) -> PlanSimulation:
    """Simulate every day of a staffing plan ``replications`` times (each day from an empty queue).

    Uses the plan's forecast calls and AHT per interval, its ``answer_time`` and
    ``patience``, and its required agents (or ``agents``, an array or Series of the
    same length, to try another staffing). Arrivals are Poisson at the forecast rate:
    the forecast is taken as exact, so the spread shown is the randomness of a day
    that goes exactly as forecast. Costs about as much as simulating every call:
    keep the plan to days and lines of a lesson's size.

    Examples
    --------
    >>> from ccskills.staffing import plan_staffing
    >>> idx = pd.date_range("2026-03-02 09:00", periods=2, freq="30min")
    >>> plan = plan_staffing(pd.Series([100.0, 120.0], index=idx), 180)
    >>> sim = simulate_plan(plan, replications=3, seed=7)
    >>> sim.daily().index.names
    FrozenList(['replication', 'date'])
    """
    from ccskills.staffing import StaffingPlan

    if not isinstance(plan, StaffingPlan):
        raise TypeError(f"plan must be a StaffingPlan, got {type(plan).__name__}")
    s = plan.settings
    _check_options(replications, service, service_cv, s.patience, s.answer_time, 0.95)
    staff = plan.required if agents is None else np.asarray(agents)
    if staff.shape != plan.required.shape:
        raise ValueError(f"agents must have one value per interval ({plan.required.size}), got {staff.shape}")
    check_nonnegative("agents", staff)
    total = float(np.sum(plan.calls))
    _check_size(total, total * replications, np.max(staff, initial=0), plan.aht_filled, s.patience)
    days = list(_plan_days(plan, staff))
    seeds = _seeds(seed, replications * len(days))
    frames = []
    with _RandomState():
        for r in range(replications):
            for d, (starts, day, measured) in enumerate(days):
                run = _run(day, s.patience, service, float(service_cv), seeds[r * len(days) + d])
                counts = _measure(run, day, s.answer_time)[measured]
                index = pd.MultiIndex.from_arrays([np.full(len(starts), r), starts],
                                                  names=["replication", "interval_start"])
                frames.append(pd.DataFrame(counts, columns=list(_COUNTS), index=index))
    return PlanSimulation(pd.concat(frames), plan)
