"""What the store benchmarks share: the 20 typical analyst queries, the timing loops for
search and similar cases, percentiles and a peak-memory sampler, so the embedded and the
Elasticsearch figures come from the very same requests."""
from __future__ import annotations

import statistics
import threading
import time

import psutil

from search.store import Filters, SearchQuery

QUERIES: list[SearchQuery] = [
    SearchQuery(text="低保"),
    SearchQuery(text="村党支部书记 低保"),
    SearchQuery(text='"虚报冒领"'),
    SearchQuery(text="危房改造 OR 低保", sort="date"),
    SearchQuery(text="扶贫资金 挪用"),
    SearchQuery(text="礼金 -购物卡"),
    SearchQuery(text="(收受 礼金) OR 购物卡"),
    SearchQuery(text="工程项目 发包", sort="amount"),
    SearchQuery(text="高龄补贴"),
    SearchQuery(text="公车私用", filters=Filters(date_from="2020")),
    SearchQuery(text="保护伞"),
    SearchQuery(text="优亲厚友 低保", filters=Filters(sanction=["党内警告"])),
    SearchQuery(text="集体资金", filters=Filters(amount_min=100000)),
    SearchQuery(text="形式主义 台账", filters=Filters(doc_type=["inspection_report"])),
    SearchQuery(text="受贿", filters=Filters(post=["局长"]), sort="amount"),
    SearchQuery(text="开除党籍 移送检察机关", page=3),
    SearchQuery(text="", filters=Filters(category=["false_claims"], date_from="2018", date_to="2021")),
    SearchQuery(text="", filters=Filters(region=["太康县"]), sort="date"),
    SearchQuery(text="违规发放 津贴补贴", collapse_duplicates=True),
    SearchQuery(text="换届 拉票贿选", filters=Filters(domain=["personnel"])),
]


def best_of(repeat: int, fn) -> float:
    """The shortest of `repeat` timed runs of fn(), in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of some values."""
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def summary(lat: list[float]) -> dict:
    """p50/p95/max of latencies in ms."""
    return {"runs": len(lat), "p50_ms": round(pct(lat, 50), 1), "p95_ms": round(pct(lat, 95), 1),
            "max_ms": round(max(lat), 1)}


def time_queries(store, reps: int) -> dict:
    """Every query `reps` times after one warm-up round: latency summary, plus per query its
    total and median."""
    for q in QUERIES:
        store.search(q)
    lat: list[float] = []
    per_query = []
    for q in QUERIES:
        times = []
        for _ in range(reps):
            t = time.perf_counter()
            res = store.search(q)
            times.append((time.perf_counter() - t) * 1000)
        lat.extend(times)
        per_query.append({"query": q.text, "filters": q.filters.model_dump(exclude_defaults=True),
                          "total": res.total, "median_ms": round(statistics.median(times), 1)})
    return {"queries": len(QUERIES), **summary(lat), "per_query": per_query,
            "totals": [p["total"] for p in per_query]}


def time_similar(store, case_ids: list[str], k: int = 10) -> dict:
    """similar() for each case id after one warm-up call."""
    store.similar(case_ids[0], k=k)
    lat = []
    for cid in case_ids:
        t = time.perf_counter()
        store.similar(cid, k=k)
        lat.append((time.perf_counter() - t) * 1000)
    return summary(lat)


class PeakRSS:
    """Samples the resident memory of this process and its children (workers) every 50 ms
    and keeps the peak of their sum."""

    def __init__(self) -> None:
        self.proc = psutil.Process()
        self.peak = self.proc.memory_info().rss
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _rss(self) -> int:
        total = self.proc.memory_info().rss
        for child in self.proc.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:  # a worker that just ended
                continue
        return total

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, self._rss())

    def __enter__(self) -> PeakRSS:
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()
        self.peak = max(self.peak, self._rss())
