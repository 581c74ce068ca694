"""The near-name prefilter of the duplicate check (``checks.similar_holders``)
drops no match: it answers exactly what scoring every active customer does."""

from __future__ import annotations

from datetime import UTC, datetime

import hypothesis
import pytest
from hypothesis import HealthCheck, given
from hypothesis import strategies as st
from sqlalchemy import delete, insert, text

from erpdesk.domain.duplicates import REGION_SCORE, Candidate, DuplicateIndex, MatchKind
from erpdesk.domain.names import normalize_company_name
from erpdesk.registry.checks import (
    _gram_weights,
    _prefilter_plan,
    _rare_grams,
    index_name,
    name_grams,
    similar_holders,
)
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.schema import ACTIVE_STATUSES, customer_name_grams, customers

NOW = datetime(2026, 3, 2, tzinfo=UTC)
# Few characters, so that keys share pieces, repeat them and contain each other.
CHARS = "农业发展盛鑫家纺制衣华"
THRESHOLDS = [70.0, 72.5, 75.0, 78.0, 80.0, 80.5, 85.0, 87.5, 90.0, 95.0, 100.0]
STATUSES = ["protected", "pending", "invalid", "pool", "unregistered"]

keys = st.text(alphabet=CHARS, min_size=1, max_size=12)


@st.composite
def near(draw: st.DrawFn, key: str) -> str:
    """A key like *key*: an edit of it, a piece of it, or it inside another."""
    how = draw(st.sampled_from(["edit", "piece", "inside", "other"]))
    if how == "piece" and len(key) >= 2:
        i = draw(st.integers(0, len(key) - 2))
        return key[i : draw(st.integers(i + 2, len(key)))]
    if how == "inside":
        return draw(keys.filter(lambda k: len(k) <= 6)) + key + draw(st.text(CHARS, max_size=8))
    if how == "edit":
        out = list(key)
        for _ in range(draw(st.integers(1, 3))):
            i = draw(st.integers(0, len(out)))
            op = draw(st.sampled_from(["insert", "delete", "replace"]))
            if op == "insert" or not out:
                out.insert(i, draw(st.sampled_from(CHARS)))
            elif op == "delete":
                del out[min(i, len(out) - 1)]
            else:
                out[min(i, len(out) - 1)] = draw(st.sampled_from(CHARS))
        return "".join(out) or key
    return draw(keys)


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, float, list[tuple[str, str]]]:
    asked = draw(st.text(alphabet=CHARS, min_size=2, max_size=10))
    threshold = draw(st.sampled_from(THRESHOLDS))
    others = draw(st.lists(st.one_of(near(asked), keys), min_size=1, max_size=30))
    rows = [(k, draw(st.sampled_from(STATUSES))) for k in others]
    return asked, threshold, rows


def _load(db: RegistryDatabase, rows: list[tuple[str, str]]) -> list[Candidate]:
    active: list[Candidate] = []
    seen: set[str] = set()
    with db.write() as conn:
        conn.execute(delete(customer_name_grams))
        conn.execute(delete(customers))
        for n, (key, status) in enumerate(rows):
            if status in ACTIVE_STATUSES:
                if key in seen:  # one active holder per name key
                    status = "invalid"
                else:
                    seen.add(key)
            cid = f"c{n:03d}"
            conn.execute(
                insert(customers).values(
                    id=cid,
                    name=key,
                    name_key=key,
                    uscc="",
                    fields={},
                    status=status,
                    created_at=NOW,
                    updated_at=NOW,
                )
            )
            index_name(conn, cid, key)
            if status in ACTIVE_STATUSES:
                active.append(Candidate(cid, key, "", key))
    return active


def _brute(active: list[Candidate], key: str, threshold: float, limit: int) -> list:
    index = DuplicateIndex(sorted(active, key=lambda c: c.id))
    return [
        (m.candidate.id, m.score)
        for m in index.find(key, limit=limit, threshold=threshold)
        if m.kind is MatchKind.SIMILAR
    ]


@pytest.fixture
def db(db_url):
    database = RegistryDatabase(db_url)
    yield database
    database.dispose()


@hypothesis.settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=cases())
def test_prefilter_returns_what_scoring_everyone_returns(db, case):
    asked, threshold, rows = case
    active = _load(db, rows)
    for limit in (5, 1000):
        with db.read() as conn:
            got = [(h.id, s) for h, s in similar_holders(conn, asked, threshold, limit=limit)]
        assert got == _brute(active, asked, threshold, limit), (asked, threshold, limit)


@pytest.mark.parametrize(
    ("asked", "others", "threshold"),
    [
        ("盛鑫农业发展", ["盛农业发展", "盛鑫农业发展集团", "鑫农业", "农业"], 85.0),
        ("农业", ["盛鑫农业发展", "农业发", "农农业"], 85.0),
        ("农业", ["农x业"], 80.0),  # 80 with no bigram in common
        ("农农农农农农", ["农农农农农", "农农农农农农农"], 85.0),  # a repeated bigram
        ("明鑫家纺", ["明鑫家纺制衣", "明家纺", "明鑫纺", "鑫家"], 70.0),
        ("华发", ["华发展业农盛鑫家纺制衣华发", "华发展"], 85.0),  # 8x and more is no match
    ],
)
def test_containment_and_short_keys(db, asked, others, threshold):
    active = _load(db, [(k, "protected") for k in others])
    with db.read() as conn:
        got = [(h.id, s) for h, s in similar_holders(conn, asked, threshold, limit=1000)]
    assert got == _brute(active, asked, threshold, 1000)
    assert got  # each case has a match


def test_only_the_rarest_grams_are_queried(db):
    rows = [(f"{a}{b}农业发展", "protected") for a in "盛华家纺" for b in "鑫制衣华"]
    _load(db, [*rows, ("盛鑫农业发展", "pool")])
    with db.read() as conn:
        plan = _prefilter_plan(6, 85.0)
        # Length 5: the key less one character; 7 and 8: m(b) = 4 and 3.
        assert (plan.subsequence, plan.grams, plan.scan) == ([5], {7: (4, 6), 8: (3, 6)}, {})
        # 5 positions, 3 to cover: the two rare grams and one common one.
        grams = _rare_grams(
            "盛鑫农业发展", 3, _gram_weights(conn, sorted(name_grams("盛鑫农业发展")))
        )
    assert set(grams[:2]) == {"盛鑫", "鑫农"} and len(grams) == 3


def test_postgresql_statistics_choose_the_grams(db):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    rows = [(f"{a}{b}{c}农业发展", "protected") for a in CHARS for b in CHARS for c in "盛鑫"]
    active = _load(db, rows)
    with db.engine.connect() as conn:
        conn.execute(text("ANALYZE customer_name_grams"))
        conn.commit()
    from erpdesk.registry import checks

    checks._gram_stats.clear()
    with db.read() as conn:
        grams = _rare_grams(
            "盛鑫农业发展", 3, _gram_weights(conn, sorted(name_grams("盛鑫农业发展")))
        )
        got = [(h.id, s) for h, s in similar_holders(conn, "盛鑫农业发展", 85.0, limit=1000)]
    assert "农业" not in grams[:2] and "业发" not in grams[:2]
    assert got == _brute(active, "盛鑫农业发展", 85.0, 1000)


# Regions in front of the keys: a province, its cities, a county-level city
# within one of them, and regions apart from them.
REGIONS = ["", "北京", "上海", "江苏", "苏州", "昆山", "南京", "广东", "深圳", "吉林", "吉林市"]


@st.composite
def region_cases(draw: st.DrawFn) -> tuple[str, float, list[tuple[str, str]]]:
    core = draw(st.text(alphabet=CHARS, min_size=1, max_size=8))
    asked = normalize_company_name(draw(st.sampled_from(REGIONS)) + core)
    threshold = draw(st.sampled_from(THRESHOLDS))
    others = draw(
        st.lists(
            st.tuples(st.sampled_from(REGIONS), st.one_of(st.just(core), near(core), keys)),
            min_size=1,
            max_size=30,
        )
    )
    rows = [
        (normalize_company_name(region + other), draw(st.sampled_from(STATUSES)))
        for region, other in others
    ]
    return asked, threshold, rows


@hypothesis.settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=region_cases())
def test_prefilter_finds_what_scoring_everyone_finds_with_regions(db, case):
    asked, threshold, rows = case
    if len(asked) < 2:
        return
    active = _load(db, rows)
    for limit in (5, 1000):
        with db.read() as conn:
            got = [(h.id, s) for h, s in similar_holders(conn, asked, threshold, limit=limit)]
        assert got == _brute(active, asked, threshold, limit), (asked, threshold, limit)


def test_a_region_on_one_side_is_found_whatever_the_threshold(db):
    rows = [
        ("北京盛鑫家纺", "protected"),  # the asked name with a region
        ("江苏盛鑫家纺", "pending"),  # the province of the asked name's city
        ("昆山盛鑫家纺", "protected"),  # a county-level city within it
        ("上海盛鑫家纺", "pool"),  # not active
        ("广东盛鑫家纺", "protected"),  # apart from 苏州: not reported for 苏州
    ]
    _load(db, rows)
    with db.read() as conn:
        plain = similar_holders(conn, "盛鑫家纺", 100.0, limit=1000)
        suzhou = similar_holders(conn, "苏州盛鑫家纺", 100.0, limit=1000)
    assert {(h.name_key, s) for h, s in plain} == {
        (k, REGION_SCORE) for k in ("北京盛鑫家纺", "江苏盛鑫家纺", "昆山盛鑫家纺", "广东盛鑫家纺")
    }
    assert {h.name_key for h, _ in suzhou} == {"江苏盛鑫家纺", "昆山盛鑫家纺"}
