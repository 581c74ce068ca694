"""``/api/v1/pool``."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from erpdesk.registry.api.deps import protocol

router = APIRouter(prefix="/api/v1/pool", tags=["pool"], dependencies=[Depends(protocol(False))])
