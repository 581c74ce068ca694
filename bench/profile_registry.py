"""Profile one registry endpoint in-process (no server, no network) over a
database kept by ``bench_registry.py --keep NAME``.

    python bench/profile_registry.py --keep erpdesk_bench_keep --customers 1000000 \\
        --what check|register|push [--n 400] [--top 40]

Runs the requests through FastAPI's TestClient (the whole stack: routing,
pydantic, authentication, the service, SQL, JSON) under cProfile and prints
the median time per request and the functions with the most own time and
the most cumulative time.  For finding where a request's CPU goes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import psycopg  # noqa: E402
from bench_registry import (  # noqa: E402
    DEFAULT_PG,
    PROTOCOL,
    PUSH_BATCH,
    check_queries,
    pg_url,
    push_batches,
    registration_body,
    reuse,
)
from sqlalchemy.engine import make_url  # noqa: E402

from erpdesk.registry.api.app import create_app  # noqa: E402
from erpdesk.registry.config import Config  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", required=True, help="the kept benchmark database")
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--pg", default=DEFAULT_PG)
    parser.add_argument("--what", choices=("check", "register", "push"), default="check")
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--top", type=int, default=35)
    args = parser.parse_args()
    url = make_url(args.pg).set(database=args.keep).render_as_string(hide_password=False)
    now = datetime.now(UTC)
    with psycopg.connect(pg_url(url)) as conn:
        kept = reuse(conn, args.keep, args.customers, now)
    if kept is None:
        parser.error(f"{args.keep} holds no kept benchmark data; run bench_registry --keep")
    _owners, tokens, loaded = kept
    assert loaded.maker is not None
    client = TestClient(create_app(Config(db_url=url)))
    if args.what == "check":
        queries = check_queries(loaded, args.n)

        def one(i: int) -> int:
            headers = {"Authorization": f"Bearer {tokens[i % len(tokens)]}"}
            return client.get("/api/v1/customers/check", params=queries[i][1],
                              headers=headers).status_code
    elif args.what == "push":  # n batches of PUSH_BATCH customer creates
        batches = push_batches(loaded, args.n * PUSH_BATCH, len(tokens))

        def one(i: int) -> int:
            headers = {"Authorization": f"Bearer {tokens[i % len(tokens)]}", **PROTOCOL}
            return client.post("/api/v1/sync/push", json=batches[i],
                               headers=headers).status_code
    else:
        bodies = [registration_body(loaded.maker, now) for _ in range(args.n)]

        def one(i: int) -> int:
            headers = {"Authorization": f"Bearer {tokens[i % len(tokens)]}"}
            return client.post("/api/v1/registrations", json=bodies[i],
                               headers=headers).status_code

    for i in range(min(20, args.n)):  # warm up (not profiled)
        one(i)
    times = []
    statuses: dict[int, int] = {}
    profile = cProfile.Profile()
    for i in range(20, args.n):
        t0 = time.perf_counter()
        profile.enable()
        status = one(i)
        profile.disable()
        times.append((time.perf_counter() - t0) * 1000)
        statuses[status] = statuses.get(status, 0) + 1
    print(f"{args.what}: {len(times)} requests, median {statistics.median(times):.2f} ms "
          f"(profiled), statuses {statuses}")
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(order).print_stats(args.top)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
