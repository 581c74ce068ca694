"""Search as you type over the knowledge base (docs/benchmarks.md, "Knowledge
base search"): the shipped base and one 50 times its size.

The large base is made here: 50 copies of every module, industry and
competitor, each copy with its own code and title and its lists drawn at
random (seeded) from the texts of all entries of its kind, so that no two
copies are the same text.  For each base:

- build: ``KnowledgeIndex(base)`` (the pinyin of every text);
- keystroke: each query typed character by character, one ``search(...,
  limit=50)`` a keystroke (a page of results with their snippets), as a
  pane does; the median and 95th percentile over the keystrokes of all
  queries, repeated ``--runs`` times, and the median over the runs of each
  run's slowest keystroke (the target: under 30 ms);
- baseline: a plain substring scan over the same texts (``query in text``
  for each entry's lowered texts; no pinyin, no ranking, no snippets), the
  same keystrokes, in turn with them.

    python bench/bench_knowledge.py [--copies 50] [--runs 7]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from erpdesk.domain.knowledge import Competitor, Industry, KnowledgeBase, Module
from erpdesk.knowledge import shipped_knowledge
from erpdesk.services.knowledge_search import KnowledgeIndex

QUERIES = [
    "月结", "yuejie", "yszk", "库存管理", "kucun", "SAP", "sap yinhang", "应收zk", "mes",
    "条码 pandian", "dingjie", "经销商返利", "jingxiaoshang", "区块链",
]
TARGET = 0.030  # a keystroke answers in under 30 ms


def _draw(rng: random.Random, pool: list[str], like: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(rng.sample(pool, min(len(pool), max(1, len(like)))))


def enlarged(base: KnowledgeBase, copies: int, seed: int = 1) -> KnowledgeBase:
    """*copies* varied copies of every entry of *base* (see the module doc)."""
    rng = random.Random(seed)
    pools: dict[str, list[str]] = {}
    for entry in base.entries():
        for key, text in entry.texts():
            pools.setdefault(f"{entry.KIND}.{key}", []).append(text)
    for module in base.modules:
        for demo in module.demos:
            pools.setdefault("demo.steps", []).extend(demo.steps)
    modules, industries, competitors = [], [], []
    for k in range(copies):
        for m in base.modules:
            demos = tuple(
                dataclasses.replace(
                    d, code=f"{d.code}_{k}", title=f"{d.title}（方案{k}）",
                    steps=_draw(rng, pools["demo.steps"], d.steps),
                )
                for d in m.demos
            )
            modules.append(Module(
                f"{m.code}_{k}", f"{m.name}（方案{k}）", m.name_en,
                architecture=rng.choice(pools["module.architecture"]),
                processes=_draw(rng, pools["module.processes"], m.processes),
                functions=_draw(rng, pools["module.functions"], m.functions),
                target_customers=_draw(rng, pools["module.target_customers"],
                                       m.target_customers),
                advantages=_draw(rng, pools["module.advantages"], m.advantages),
                fab=m.fab, demos=demos,
            ))
        for i in base.industries:
            industries.append(Industry(
                f"{i.code}_{k}", f"{i.name}（细分{k}）", i.name_en,
                needs=_draw(rng, pools["industry.needs"], i.needs),
                trends=_draw(rng, pools["industry.trends"], i.trends),
                vendors_domestic=i.vendors_domestic, vendors_foreign=i.vendors_foreign,
            ))
        for c in base.competitors:
            competitors.append(Competitor(
                f"{c.code}_{k}", f"{c.name}（区域{k}）", c.name_en,
                overview=rng.choice(pools["competitor.overview"]),
                products=c.products,
                strengths=_draw(rng, pools["competitor.strengths"], c.strengths),
                weaknesses=_draw(rng, pools["competitor.weaknesses"], c.weaknesses),
                how_to_compete=_draw(rng, pools["competitor.how_to_compete"], c.how_to_compete),
            ))
    return KnowledgeBase(tuple(modules), tuple(industries), tuple(competitors), base.version)


def plain_scan(texts: list[str], query: str) -> list[int]:
    """The baseline: entries whose lowered texts hold *query* as typed."""
    needle = query.lower()
    return [n for n, text in enumerate(texts) if needle in text]


def entry_texts(base: KnowledgeBase) -> list[str]:
    """Per searchable entry (demo scripts apart, as the index has them), its
    title and texts lowered and joined."""
    out = []
    for entry in base.entries():
        out.append("\x1f".join([entry.name, entry.name_en, *(t for _, t in entry.texts())]).lower())
        for demo in entry.demos if isinstance(entry, Module) else ():
            out.append("\x1f".join(t for _, t in demo.texts()).lower())
    return out


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def measure(name: str, base: KnowledgeBase, runs: int) -> None:
    started = time.perf_counter()
    index = KnowledgeIndex(base)
    build = time.perf_counter() - started
    texts = entry_texts(base)
    chars = sum(len(t) for t in texts)
    keystrokes: list[float] = []
    worst: list[float] = []
    plain: list[float] = []
    for _ in range(runs):
        run_times = []
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                started = time.perf_counter()
                index.search(query[:end], limit=50)
                run_times.append(time.perf_counter() - started)
                started = time.perf_counter()
                plain_scan(texts, query[:end])
                plain.append(time.perf_counter() - started)
        keystrokes += run_times
        worst.append(max(run_times))
    print(f"{name}: {len(index)} entries, {chars:,} characters; index built in {build:.2f} s")
    print(f"  keystroke, search(limit=50)  median {ms(statistics.median(keystrokes)):>9}   "
          f"p95 {ms(statistics.quantiles(keystrokes, n=20)[-1]):>9}   "
          f"slowest of a run (median) {ms(statistics.median(worst)):>9}   "
          f"target 30 ms: {'ok' if statistics.median(worst) < TARGET else 'MISSED'}")
    print(f"  baseline: plain scan         median {ms(statistics.median(plain)):>9}   "
          f"p95 {ms(statistics.quantiles(plain, n=20)[-1]):>9}")
    ratio = statistics.median(keystrokes) / statistics.median(plain)
    print(f"  keystroke / plain scan: {ratio:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    shipped = shipped_knowledge()
    measure("shipped base", shipped, args.runs)
    measure(f"{args.copies}x base", enlarged(shipped, args.copies), args.runs)


if __name__ == "__main__":
    main()
