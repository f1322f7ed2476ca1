"""Load test of `leian serve`: N concurrent clients for a bounded time on 127.0.0.1.

Starts `leian serve` on a free port in a subprocess (local single-user mode) on an existing
store, then runs --clients threads for --seconds, each cycling through the 20 analyst queries
of scripts/bench_common.py, alternately as the search page (/search?…, full HTML with facets
and snippets) and as the API (/api/v1/search?…). Reports p50/p95/max and errors of each, next
to the anchor measured in the same run: the store's own query time (store.search in-process,
the same 20 queries, before the load).

    nice .venv/bin/python scripts/bench_store.py --cases 20000 --store /tmp/web.db --e2e-files 0
    .venv/bin/python scripts/bench_web.py --store /tmp/web.db --clients 20 --seconds 120
    .venv/bin/python scripts/bench_web.py --store /tmp/web.db --workers 2 --search-cache 0   # no result cache

The 20 queries repeat, so with the server's search cache (leian serve --search-cache, on by
default) most requests after the first round are answered from memory; `--search-cache 0`
makes every request search the store.
Results: JSON in bench-results/web.json and a Markdown table on stdout (for the README).
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scripts.bench_common import QUERIES, summary, time_queries  # noqa: E402


def params_of(q) -> list[tuple[str, str]]:
    """A SearchQuery as the web's query parameters (the CLI's options)."""
    f = q.filters
    out: list[tuple[str, str]] = [("q", q.text)] if q.text else []
    for name in ("category", "domain", "region", "sanction", "post", "doc_type"):
        out += [(name, v) for v in getattr(f, name)]
    for key, value in (("from", f.date_from), ("to", f.date_to)):
        if value:
            out.append((key, value))
    if f.amount_min is not None:
        out.append(("min_amount", f"{f.amount_min:.0f}"))
    if f.amount_max is not None:
        out.append(("max_amount", f"{f.amount_max:.0f}"))
    out += [("sort", q.sort), ("page", str(q.page)), ("size", str(q.size)),
            ("collapse", "true" if q.collapse_duplicates else "false")]
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(store: Path, port: int, workers: int = 1, search_cache: int | None = None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cache = ["--search-cache", str(search_cache)] if search_cache is not None else []
    proc = subprocess.Popen([sys.executable, "-m", "pipelines", "serve", "--store", str(store), "--port", str(port),
                             "--workers", str(workers), *cache],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    end = time.monotonic() + 60
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"leian serve exited: {proc.stderr.read() if proc.stderr else ''}") from None
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("leian serve did not start within 60 s")


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and its children so far."""
    procs = [psutil.Process(pid)]
    procs += procs[0].children(recursive=True)
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
        except psutil.Error:  # a process that just ended
            continue
        total += t.user + t.system
    return total


def load(base: str, clients: int, seconds: float) -> dict:
    """Each client cycles through the queries, page then API, until the time is up."""
    lat: dict[str, list[float]] = {"page": [], "api": []}
    errors: dict[str, list[str]] = {"page": [], "api": []}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(n: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            i = n
            while time.monotonic() < stop:
                q = QUERIES[i % len(QUERIES)]
                kind = "page" if i % 2 == 0 else "api"
                path = "/search" if kind == "page" else "/api/v1/search"
                t = time.perf_counter()
                try:
                    r = http.get(path, params=params_of(q))
                    ok, why = r.status_code == 200, f"{r.status_code} {path}"
                except httpx.HTTPError as exc:
                    ok, why = False, f"{type(exc).__name__} {path}"
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    (lat[kind] if ok else errors[kind]).append(ms if ok else why)  # type: ignore[arg-type]
                i += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    return {kind: {**(summary(lat[kind]) if lat[kind] else {}), "requests": len(lat[kind]), "errors": len(errors[kind]),
                   "error_samples": errors[kind][:5], "per_s": round(len(lat[kind]) / elapsed, 1)}
            for kind in lat}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", type=Path, required=True, help="an existing store (e.g. built by bench_store.py)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--workers", type=int, default=1, help="server processes (leian serve --workers)")
    ap.add_argument("--search-cache", type=int, default=None,
                    help="leian serve --search-cache (0: every request searches the store; default: serve's)")
    ap.add_argument("--reps", type=int, default=5, help="runs of each query for the store's own time")
    ap.add_argument("--out", type=Path, default=Path("bench-results/web.json"))
    args = ap.parse_args()
    if not args.store.exists():
        raise SystemExit(f"no store at {args.store}")
    from search.backends.sqlite.store import SqliteStore

    load_start = os.getloadavg()[0]
    with SqliteStore(args.store) as st:
        cases = st.count_cases()
        anchor = time_queries(st, args.reps)
    port = _free_port()
    proc = start_server(args.store, port, args.workers, args.search_cache)
    base = f"http://127.0.0.1:{port}"
    try:
        load(base, 2, 5)  # warm-up: templates, term caches, SQLite pages
        cpu0, mine0 = tree_cpu(proc.pid), sum(psutil.Process().cpu_times()[:2])
        result = load(base, args.clients, args.seconds)
        served = result["page"]["requests"] + result["api"]["requests"]
        server_cpu_ms = round((tree_cpu(proc.pid) - cpu0) * 1000 / max(served, 1), 1)
        # the clients' own CPU (this process): on the same cores, it is taken from the server
        client_cpu_ms = round((sum(psutil.Process().cpu_times()[:2]) - mine0) * 1000 / max(served, 1), 1)
    finally:
        proc.terminate()
        proc.wait(10)
    out = {"cases": cases, "clients": args.clients, "workers": args.workers, "seconds": args.seconds, "cpus": os.cpu_count(),
           "load_avg_start": load_start, "load_avg": os.getloadavg()[0],
           "search_cache": args.search_cache,
           "server_cpu_ms_per_request": server_cpu_ms, "client_cpu_ms_per_request": client_cpu_ms, "store_search": {k: anchor[k] for k in ("p50_ms", "p95_ms")},
           **result}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"load average {load_start:.1f} at the start, {out['load_avg']:.1f} at the end; search cache: "
          f"{'serve default' if args.search_cache is None else args.search_cache}; server CPU {server_cpu_ms} ms a request, "
          f"the clients' {client_cpu_ms} ms")
    print(f"| measure ({cases:,} cases, {args.clients} clients, {args.seconds:.0f} s, {args.workers} server processes) | p50 | p95 | max | requests/s | errors |")
    print("| --- | --- | --- | --- | --- | --- |")
    for kind, label in (("page", "search page /search (HTML)"), ("api", "search API /api/v1/search (JSON)")):
        r = result[kind]
        print(f"| {label} | {r.get('p50_ms', 0):.0f} ms | {r.get('p95_ms', 0):.0f} ms | {r.get('max_ms', 0):.0f} ms "
              f"| {r['per_s']} | {r['errors']} |")
    print(f"| anchor: store.search in-process, one client | {anchor['p50_ms']:.1f} ms | {anchor['p95_ms']:.1f} ms | | | |")


if __name__ == "__main__":
    main()
