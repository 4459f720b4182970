"""Time one page's server-side run in a fresh process, as the benchmark's cold start.

    python bench/page_timing.py DATABASE PAGE_FILE YEAR RUNS

Prints one JSON object: the first run (cold: our imports, connection, uncached queries), the
median of RUNS reruns (warm), the median of RUNS runs that change the year filter (each a
cache miss for the page's data), the time spent in queries during the cold run, and the
process's peak memory.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    database, page, year, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    os.environ["LAGESBILD_DB"] = database
    # A server has Streamlit loaded, and the installed packages scanned for components, before
    # the first session (Streamlit's Runtime does the scan when it starts): cold starts after
    # that. AppTest would scan in its first run, adding that start-up cost (≈ 0.5 s) to the page.
    from streamlit.components.v2.component_manager import BidiComponentManager
    from streamlit.testing.v1 import AppTest

    components = BidiComponentManager()
    components.discover_and_register_components(start_file_watching=False)

    started = time.perf_counter()
    from lagesbild.data import db

    query_seconds = 0.0
    run_query = db.query

    def timed_query(*args, **kwargs):
        nonlocal query_seconds
        begin = time.perf_counter()
        try:
            return run_query(*args, **kwargs)
        finally:
            query_seconds += time.perf_counter() - begin

    db.query = timed_query
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
    app._bidi_component_manager = components
    app.query_params["ar"] = str(year)
    app.switch_page(page)
    app.run()
    cold = time.perf_counter() - started
    cold_queries = query_seconds
    failures = [e.value for e in app.exception]

    warm = []
    for _ in range(runs):
        begin = time.perf_counter()
        app.run()
        warm.append(time.perf_counter() - begin)

    filter_change = []
    for index in range(runs):
        # Years further back each time: every change is a cache miss, as for a new question.
        app.sidebar.selectbox(key="ar").select(year - 1 - index)
        begin = time.perf_counter()
        app.run()
        filter_change.append(time.perf_counter() - begin)
        failures += [e.value for e in app.exception]

    print(json.dumps({
        "page": page,
        "cold_s": cold,
        "cold_query_s": cold_queries,
        "warm_s": statistics.median(warm),
        "filter_s": statistics.median(filter_change),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "exceptions": failures,
    }))


if __name__ == "__main__":
    main()
