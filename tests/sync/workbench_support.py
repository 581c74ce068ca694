"""Helpers of the workbench tests: sign-ins and registrations on the real
registry (the session's, shared by every test: names and codes are unique)."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sync_support import PASSWORD

from erpdesk.domain.uscc import make_uscc
from erpdesk.sync.client import RegistryClient

_seed = random.Random()


def token_of(url: str, user: str) -> str:
    with RegistryClient(url) as client:
        return client.login(user, PASSWORD).token


def company(prefix: str = "济南") -> tuple[str, str]:
    """A fresh company name and credit code."""
    tag = "".join(_seed.choice("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥") for _ in range(6))
    return f"{prefix}{tag}机械制造有限公司", make_uscc(_seed, "370100")


def register(url: str, rep_token: str, name: str, code: str, *, urgent: bool = False
             ) -> dict[str, Any]:
    """A rep's complete registration of *name* (the registry's answer)."""
    contact = str(uuid.uuid4())
    body = {
        "id": str(uuid.uuid4()),
        "customer": {"id": str(uuid.uuid4()), "name": name, "uscc": code,
                     "industry": "machinery", "size_band": "medium", "province": "山东省",
                     "city": "济南市", "address": "历下区经十路 100 号",
                     "phone": "0531-85106000", "source": "self_developed"},
        "contacts": [{"id": contact, "name": "张伟", "title": "信息部经理",
                      "mobile": "13812345678"}],
        "visit": {"occurred_at": (datetime.now(UTC) - timedelta(days=1)).isoformat(),
                  "summary": "拜访信息部,了解 ERP 选型计划", "contact_id": contact},
        "need": "替换旧的进销存系统", "urgent": urgent,
    }
    response = httpx.post(f"{url}/api/v1/registrations", json=body,
                          headers={"Authorization": f"Bearer {rep_token}"}, timeout=30)
    assert response.status_code == 201, response.text
    answer: dict[str, Any] = response.json()
    return answer
