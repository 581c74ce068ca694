"""The words people write for a customer's source map to the seven."""

from __future__ import annotations

import pytest

from erpdesk.domain.customer import SOURCE_WORDS, Source


@pytest.mark.parametrize(("text", "source"), [
    ("门市", Source.WALK_IN), ("walk_in", Source.WALK_IN), ("Walk-in", Source.WALK_IN),
    ("到店", Source.WALK_IN),
    ("来电", Source.PHONE), ("400电话", Source.PHONE), ("电销", Source.PHONE),
    ("邮件", Source.EMAIL), ("ＥＭＡＩＬ", Source.EMAIL),
    ("转介绍", Source.REFERRAL), ("老客户介绍", Source.REFERRAL), ("朋友介绍", Source.REFERRAL),
    ("陌拜", Source.SELF_DEVELOPED), ("销售自拓", Source.SELF_DEVELOPED),
    ("展会", Source.MARKETING_EVENT), ("网络", Source.MARKETING_EVENT),
    ("官网", Source.MARKETING_EVENT), ("Trade Show", Source.MARKETING_EVENT),
    ("  微信 ", Source.MARKETING_EVENT), ("研讨会", Source.MARKETING_EVENT),
    ("其它", Source.OTHER), ("不详", Source.OTHER),
])
def test_common_words_name_their_source(text, source):
    assert Source.parse(text) is source


@pytest.mark.parametrize("text", ["火星来源", "", "展会网络", "介绍人王五"])
def test_other_words_are_not_guessed(text):
    assert Source.parse(text) is None


def test_every_source_has_words_and_no_word_names_two():
    assert set(SOURCE_WORDS.values()) == set(Source)
