"""``/api/v1/leads``."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from erpdesk.registry.api.deps import protocol

router = APIRouter(prefix="/api/v1/leads", tags=["leads"], dependencies=[Depends(protocol(False))])
