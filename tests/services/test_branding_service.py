"""The branding service on a real desk database: the default until saved,
saved all-or-nothing in ``meta``, a logo read from a file and checked."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.branding import DEFAULT_BRANDING, LOGO_MAX_BYTES, BrandingError
from erpdesk.domain.errors import DomainError, ValidationError
from erpdesk.services.branding import META_KEY, BrandingService
from erpdesk.services.events import Change, ChangeFeed


def png_bytes(size=(60, 20)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGBA", size, (29, 78, 137, 255)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="zhang.wei")
    yield opened
    opened.close()


@pytest.fixture
def feed() -> ChangeFeed:
    return ChangeFeed()


@pytest.fixture
def service(desk, feed) -> BrandingService:
    return BrandingService(desk.unit_of_work, feed)


def stored(desk) -> str | None:
    with desk.unit_of_work() as uow:
        return uow.meta_get(META_KEY)


def test_the_default_until_a_branding_is_saved(service, desk):
    assert service.get() == DEFAULT_BRANDING
    assert stored(desk) is None


def test_a_saved_branding_is_normalised_kept_and_read_back_by_another_service(service, desk, feed):
    seen: list[Change] = []
    feed.subscribe(seen.append)
    mine = replace(
        DEFAULT_BRANDING, name_zh=" 杭州数智科技有限公司 ", phone="0571 8888 6666",
        primary_colour="#0B6E4F",
    )  # fmt: skip
    saved = service.save(mine)
    assert saved.name_zh == "杭州数智科技有限公司" and saved.phone == "057188886666"
    assert saved.primary_colour == "#0b6e4f"
    assert BrandingService(desk.unit_of_work).get() == saved
    assert json.loads(stored(desk))["name_zh"] == "杭州数智科技有限公司"
    assert seen == [Change("branding")]


def test_an_invalid_branding_lists_every_problem_and_keeps_the_saved_one(service):
    first = service.save(replace(DEFAULT_BRANDING, name_zh="第一家软件有限公司"))
    with pytest.raises(ValidationError) as caught:
        service.save(replace(first, name_zh="", name_en="", primary_colour="blue"))
    assert {p.code for p in caught.value.problems} == {"required", "primary_colour.invalid"}
    assert service.get() == first


def test_a_logo_file_is_read_into_the_branding(service, tmp_path):
    path = tmp_path / "logo.png"
    path.write_bytes(png_bytes())
    saved = service.set_logo(path)
    assert saved.logo == png_bytes()
    assert service.get().logo == png_bytes()
    assert service.clear_logo().logo is None and service.get().logo is None


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(service, tmp_path):
    path = tmp_path / "logo.png"
    path.write_text("这不是图片", encoding="utf-8")
    with pytest.raises(ValidationError, match="The logo is not a PNG or JPEG image"):
        service.set_logo(path)
    assert service.get().logo is None


def test_a_missing_or_too_big_logo_file_is_refused_with_a_clear_message(service, tmp_path):
    with pytest.raises(BrandingError, match="does not exist"):
        service.set_logo(tmp_path / "none.png")
    with pytest.raises(BrandingError, match="does not exist"):
        service.set_logo(tmp_path)  # a folder
    big = tmp_path / "big.png"
    big.write_bytes(png_bytes() + b"\0" * LOGO_MAX_BYTES)
    with pytest.raises(ValidationError, match="too big") as caught:
        service.set_logo(big)
    assert caught.value.problems[0].params["size"] > 2048


def test_damaged_stored_data_says_so_and_saving_again_repairs_it(service, desk):
    with desk.unit_of_work() as uow:
        uow.meta_set(META_KEY, "{not json")
        uow.commit()
    with pytest.raises(BrandingError, match="save them again") as caught:
        service.get()
    assert isinstance(caught.value, DomainError)
    assert service.reset() == DEFAULT_BRANDING
    assert service.get() == DEFAULT_BRANDING


def test_the_messages_read_in_chinese(service, tmp_path):
    from erpdesk.documents.texts import translator

    translate = translator("zh_CN")
    with pytest.raises(BrandingError) as caught:
        service.set_logo(tmp_path / "none.png")
    assert "不存在" in caught.value.render(translate)
