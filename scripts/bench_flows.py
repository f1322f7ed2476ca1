"""Benchmark: what Prefect costs a 10-file `leian ingest`, against calling the steps directly.

Every run is a fresh process on a fresh store (what a user or the nightly job experiences),
wall-clock from start to exit; the "work" column is the run's own time (its summary line).

  steps directly          python -c: run_ingest(paths, open_store(...))         (the anchor)
  leian ingest            no Prefect API: the same steps in-process
  leian ingest --prefect  no Prefect API: a tracked flow run on an ephemeral server
  leian ingest            PREFECT_API_URL → a running `prefect server start`: tracked flow run

Usage: nice python scripts/bench_flows.py [--files 10] [--reps 3]
Prints a markdown table for the README (### Prefect).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

STEPS = """
import sys
from pipelines.steps import run_ingest
from search.open import open_store
with open_store(sys.argv[2]) as st:
    print(run_ingest([sys.argv[1]], st).summary_line())
"""


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "LEIAN_"))}
    env.update(PYTHONPATH=str(REPO), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="180", **extra)
    return env


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, the run's own seconds from its summary line)."""
    t0 = time.perf_counter()
    res = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    wall = time.perf_counter() - t0
    m = re.search(r"stored in ([0-9.]+)s", res.stdout)
    if res.returncode not in (0, 1) or not m:
        raise SystemExit(f"{' '.join(cmd)} failed ({res.returncode}):\n{res.stdout[-2000:]}\n{res.stderr[-3000:]}")
    return wall, float(m.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=10)
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()

    from pipelines.prefect_api import local_server
    from pipelines.synthetic import write_corpus

    tmp = Path(tempfile.mkdtemp(prefix="leian-bench-flows-"))
    try:
        inbox = tmp / "inbox"
        write_corpus(inbox, n_docs=args.files, seed=11)
        py = sys.executable
        home = tmp / "prefect-home"  # one Prefect home for the ephemeral runs, as a user has
        counter = iter(range(10_000))

        def store() -> str:
            return str(tmp / f"s{next(counter)}.db")

        modes: list[tuple[str, object]] = [
            ("steps directly (`run_ingest`, the anchor)", lambda: [py, "-c", STEPS, str(inbox), store()]),
            ("`leian ingest`, no Prefect API: in-process", lambda: [py, "-m", "pipelines", "ingest", str(inbox),
                                                                   "--store", store(), "-q"]),
            ("`leian ingest --prefect`, no API: ephemeral server", lambda: [py, "-m", "pipelines", "ingest",
                                                                          str(inbox), "--store", store(), "-q",
                                                                          "--prefect"]),
        ]
        # Interleaved (one run of each way per round), so a change of machine load hits all alike.
        server_home = tmp / "server-home"
        os.environ["PREFECT_HOME"] = str(server_home)
        t0 = time.perf_counter()
        with local_server(port=0, timeout=300) as url:
            started = time.perf_counter() - t0
            modes.append(("`leian ingest`, PREFECT_API_URL → `prefect server start`: tracked run",
                          lambda: [py, "-m", "pipelines", "ingest", str(inbox), "--store", store(), "-q"]))
            envs = [_env(PREFECT_HOME=str(home))] * 3 + [_env(PREFECT_API_URL=url, PREFECT_HOME=str(server_home))]
            first = _run(modes[2][1](), envs[2])  # type: ignore[operator]  # creates Prefect's database
            results: list[list[tuple[float, float]]] = [[] for _ in modes]
            for r in range(args.reps):
                for k, (_name, cmd) in enumerate(modes):
                    results[k].append(_run(cmd(), envs[k]))  # type: ignore[operator]
                print(f"round {r + 1}: " + "; ".join(f"{w:.1f} s" for w, _ in (res[-1] for res in results)),
                      file=sys.stderr, flush=True)
        rows = [(name, results[k]) for k, (name, _) in enumerate(modes)]
        rows.insert(3, ("  … its first run ever (new Prefect database)", [first]))

        anchor = statistics.median(w for w, _ in rows[0][1])
        print(f"\n{args.files} files (synthetic notices), {args.reps} runs each, median; "
              f"`prefect server start` ready in {started:.1f} s (new database); "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
        print("| way | wall time per run | of which ingest work | vs. steps directly |")
        print("| --- | ---: | ---: | ---: |")
        for name, vals in rows:
            wall = statistics.median(w for w, _ in vals)
            work = statistics.median(x for _, x in vals)
            print(f"| {name} | {wall:.1f} s | {work:.1f} s | {wall - anchor:+.1f} s |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
