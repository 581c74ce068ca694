import pytest
from rapidfuzz import fuzz

from erpdesk.domain import duplicates
from erpdesk.domain.duplicates import (
    CONTAINED_SCORE,
    REGION_SCORE,
    SIMILARITY_THRESHOLD,
    Candidate,
    DuplicateIndex,
    DuplicateMatch,
    MatchKind,
    find_duplicates,
)
from erpdesk.domain.names import normalize_company_name

INSPUR = Candidate.of("1", "浪潮电子信息产业股份有限公司", "91370000163446410B")
HUAWEI = Candidate.of("2", "华为技术有限公司", "914403001922038216")
BAIDU = Candidate.of("3", "北京百度网讯科技有限公司", "91110000802100433B")
TENCENT = Candidate.of("4", "深圳市腾讯计算机系统有限公司")
ALL = [INSPUR, HUAWEI, BAIDU, TENCENT]


def kinds(matches):
    return [(m.candidate.id, m.kind) for m in matches]


def test_candidate_of_normalises():
    c = Candidate.of("x", "浪潮（北京）电子信息产业有限公司", " 91370000163446410b")
    assert c.name_key == "北京浪潮电子信息产业"
    assert c.uscc == "91370000163446410B"


def test_same_uscc_with_a_different_name():
    matches = find_duplicates("山东某某公司", "９１３７００００１６３４４６４１０Ｂ", ALL)
    assert kinds(matches) == [("1", MatchKind.SAME_USCC)]
    assert matches[0].is_duplicate
    assert matches[0].score == 100.0


def test_same_name_key():
    matches = find_duplicates("浪潮 电子信息产业 有限责任公司", "", ALL)
    assert kinds(matches) == [("1", MatchKind.SAME_NAME)]
    assert matches[0].is_duplicate
    matches = find_duplicates("百度网讯科技（北京）有限公司", "", ALL)
    assert kinds(matches) == [("3", MatchKind.SAME_NAME)]


def test_region_on_one_side_is_only_possible():
    # Before, the region was set aside and these were "the same company".
    matches = find_duplicates("百度网讯科技有限公司", "", ALL)
    assert kinds(matches) == [("3", MatchKind.SIMILAR)]
    assert matches[0].score == REGION_SCORE and not matches[0].is_duplicate
    matches = find_duplicates("浪潮 (北京) 电子信息产业有限公司", "", ALL)
    assert kinds(matches) == [("1", MatchKind.SIMILAR)]


@pytest.mark.parametrize("threshold", [70.0, 85.0, 99.0, 100.0])
def test_short_trade_name_with_a_region_on_one_side(threshold):
    baidu = Candidate.of("b", "北京百度有限公司")
    for name in ("百度有限公司", "百度公司", "百度"):
        matches = find_duplicates(name, "", [baidu], threshold=threshold)
        assert kinds(matches) == [("b", MatchKind.SIMILAR)]
        assert matches[0].score == REGION_SCORE
    # and the other way round
    matches = find_duplicates(
        "北京百度", "", [Candidate.of("c", "百度有限公司")], threshold=threshold
    )
    assert kinds(matches) == [("c", MatchKind.SIMILAR)]


def test_a_region_within_the_other_is_possible():
    shenzhen = Candidate.of("s", "深圳市华为技术有限公司")
    assert kinds(find_duplicates("广东华为技术有限公司", "", [shenzhen], threshold=100)) == [
        ("s", MatchKind.SIMILAR)
    ]
    # A five-character trade name beside a two-character region scores
    # 83 by ratio and is not contained enough: the region rule still tells.
    kunshan = Candidate.of("k", "昆山龙腾光电子有限公司")
    assert fuzz.ratio("龙腾光电子", "昆山龙腾光电子") < SIMILARITY_THRESHOLD
    assert kinds(find_duplicates("龙腾光电子有限公司", "", [kunshan])) == [("k", MatchKind.SIMILAR)]


def test_different_regions_are_never_near_names():
    beijing = Candidate.of("b", "北京银行股份有限公司")
    assert find_duplicates("上海银行股份有限公司", "", [beijing], threshold=0.1) == []
    # A long trade name that ratio alone would score above the threshold.
    long_name = "长城计算机软件与系统技术开发有限公司"
    tianjin = Candidate.of("t", "天津" + long_name)
    assert (
        fuzz.ratio(normalize_company_name("北京" + long_name), tianjin.name_key)
        >= SIMILARITY_THRESHOLD
    )
    assert find_duplicates("北京" + long_name, "", [tianjin]) == []
    # but an edit beyond the region is still a near name
    assert kinds(
        find_duplicates("北京长城计算机软件与系统技术开放", "", [tianjin], threshold=80)
    ) == [("t", MatchKind.SIMILAR)]


def test_same_uscc_and_name_reported_once_as_uscc():
    matches = find_duplicates(INSPUR.name, INSPUR.uscc, ALL)
    assert kinds(matches) == [("1", MatchKind.SAME_USCC)]


def test_similar_name():
    matches = find_duplicates("浪潮电子信息有限公司", "", ALL)
    assert kinds(matches) == [("1", MatchKind.SIMILAR)]
    assert not matches[0].is_duplicate
    assert SIMILARITY_THRESHOLD <= matches[0].score < 100


def test_contained_name_is_similar():
    # ratio alone would score 44: the shorter key is inside the longer one.
    assert fuzz.ratio("腾讯", "腾讯计算机系统") < SIMILARITY_THRESHOLD
    matches = find_duplicates("腾讯有限公司", "", ALL)
    assert kinds(matches) == [("4", MatchKind.SIMILAR)]
    assert matches[0].score == CONTAINED_SCORE
    # and the other way round: the new name is longer than the stored one
    short = Candidate.of("9", "腾讯公司")
    matches = find_duplicates("腾讯计算机系统有限公司", "", [short])
    assert kinds(matches) == [("9", MatchKind.SIMILAR)]


def test_unrelated_names_do_not_match():
    assert find_duplicates("浪潮有限公司", "", [HUAWEI, BAIDU, TENCENT]) == []
    assert find_duplicates("海尔智家股份有限公司", "", ALL) == []


def test_branch_is_similar_but_not_duplicate():
    matches = find_duplicates("浪潮电子信息产业股份有限公司济南分公司", "", ALL)
    assert kinds(matches) == [("1", MatchKind.SIMILAR)]


def test_exclude_id():
    assert find_duplicates(INSPUR.name, INSPUR.uscc, ALL, exclude_id="1") == []


def test_empty_name_and_code_find_nothing():
    assert find_duplicates("", "", ALL) == []
    assert find_duplicates("  ", "", ALL) == []


def test_exact_matches_come_first_and_limit_applies():
    same = [Candidate.of(str(i), "浪潮电子信息产业有限公司") for i in range(10, 13)]
    similar = Candidate.of("20", "浪潮电子信息公司")
    matches = find_duplicates(INSPUR.name, INSPUR.uscc, [similar, *same, INSPUR], limit=10)
    assert [m.kind for m in matches] == [MatchKind.SAME_USCC] + [MatchKind.SAME_NAME] * 3 + [
        MatchKind.SIMILAR
    ]
    assert len(find_duplicates(INSPUR.name, INSPUR.uscc, [similar, *same, INSPUR], limit=2)) == 2
    assert find_duplicates(INSPUR.name, "", ALL, limit=0) == []


def test_similar_best_first():
    close = Candidate.of("a", "浪潮电子信息产品有限公司")  # one character differs
    far = Candidate.of("b", "浪潮电子信息有限公司")  # two characters missing
    matches = find_duplicates("浪潮电子信息产业有限公司", "", [far, close])
    assert [m.candidate.id for m in matches] == ["a", "b"]
    assert matches[0].score > matches[1].score


def test_threshold():
    assert find_duplicates("浪潮电子信息有限公司", "", ALL, threshold=95) == []


def test_index_add_remove_replace():
    index = DuplicateIndex(ALL)
    assert len(index) == 4 and "1" in index
    index.remove("1")
    assert "1" not in index
    assert index.find(INSPUR.name, INSPUR.uscc) == []
    index.remove("1")  # no error
    index.add(INSPUR)
    assert kinds(index.find(INSPUR.name)) == [("1", MatchKind.SAME_NAME)]
    # Replacing a candidate forgets its old name and code.
    index.add(Candidate.of("1", "海尔智家股份有限公司", "91370200264574251E"))
    assert index.find(INSPUR.name, INSPUR.uscc) == []
    assert kinds(index.find("海尔智家有限公司")) == [("1", MatchKind.SAME_NAME)]
    assert len(index) == 4


def test_index_survives_compaction():
    index = DuplicateIndex(Candidate.of(str(i), f"测试公司{i:04d}号有限公司") for i in range(200))
    for i in range(150):
        index.remove(str(i))
    assert len(index) == 50
    match = index.find("测试公司0199号有限公司", limit=1)
    assert kinds(match) == [("199", MatchKind.SAME_NAME)]
    similar = index.find("测试公司0198号", limit=3)
    assert all(int(m.candidate.id) >= 150 for m in similar)
    assert similar[0].candidate.id == "198"


def test_contained_search_after_adding():
    index = DuplicateIndex([HUAWEI])
    assert index.find("腾讯有限公司") == []
    index.add(TENCENT)
    assert kinds(index.find("腾讯有限公司")) == [("4", MatchKind.SIMILAR)]


def test_match_is_frozen_value():
    m = DuplicateMatch(INSPUR, MatchKind.SIMILAR, 90.0)
    assert m == DuplicateMatch(INSPUR, MatchKind.SIMILAR, 90.0)
    assert MatchKind("same_uscc") is MatchKind.SAME_USCC


def test_contained_search_after_many_adds(monkeypatch):
    monkeypatch.setattr(duplicates, "_MAX_TAIL", 2)
    index = DuplicateIndex([HUAWEI])
    assert index.find("腾讯有限公司") == []  # builds the haystack
    index.add(Candidate.of("5", "海尔智家股份有限公司"))
    index.add(BAIDU)
    index.add(TENCENT)  # the tail is now longer than 2: the haystack is rebuilt
    index.remove("5")
    assert kinds(index.find("腾讯有限公司")) == [("4", MatchKind.SIMILAR)]
    assert kinds(index.find("海尔智家")) == []


def test_candidate_with_unnormalised_code_is_found():
    index = DuplicateIndex([Candidate("7", "某公司", " 91370000163446410b", "某公司")])
    assert kinds(index.find("别的名字", "91370000163446410B")) == [("7", MatchKind.SAME_USCC)]
    index.remove("7")
    assert index.find("别的名字", "91370000163446410B") == []
