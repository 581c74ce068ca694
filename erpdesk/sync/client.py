"""The registry's HTTP API as the desk uses it (sync protocol 1), over httpx.

Every failure ends as a ``SyncError`` subclass with a translated message:
``Offline`` (no connection, a timeout), ``ServerError`` (5xx),
``SignedOut`` (401: no token, expired or revoked), ``LoginFailed``,
``ProtocolRefused`` (the registry does not speak protocol 1) and
``RequestRefused`` (any other 4xx).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from erpdesk.domain.errors import DomainError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.os_errors import explain

PROTOCOL = 1
PROTOCOL_HEADER = "X-ERPDesk-Protocol"
DEFAULT_TIMEOUT = 30.0
DEFAULT_LANGUAGE = "en"  # the texts' own language


log = logging.getLogger(__name__)


class SyncError(DomainError):
    """A sync failure the user is told about in one line."""

    context = "Sync"
    kind = "error"
    text = QT_TRANSLATE_NOOP("Sync", "Sync failed: {detail}")


class Offline(SyncError):
    kind = "offline"
    text = QT_TRANSLATE_NOOP(
        "Sync",
        "The registry {server} cannot be reached ({detail}); your changes are kept and "
        "will be sent at the next sync",
    )


class ServerError(SyncError):
    text = QT_TRANSLATE_NOOP(
        "Sync", "The registry {server} failed (HTTP {status}: {detail}); try again later"
    )


class SignedOut(SyncError):
    kind = "signed_out"
    text = QT_TRANSLATE_NOOP(
        "Sync", "You are not signed in to {server} (or the sign-in expired); sign in again"
    )


class LoginFailed(SyncError):
    kind = "signed_out"
    text = QT_TRANSLATE_NOOP("Sync", "The registry {server} refused the sign-in: {detail}")


class ProtocolRefused(SyncError):
    text = QT_TRANSLATE_NOOP(
        "Sync", "The registry {server} does not accept this version of ERPDesk: {detail}"
    )


class RequestRefused(SyncError):
    text = QT_TRANSLATE_NOOP(
        "Sync", "The registry {server} refused the request (HTTP {status}: {detail})"
    )


class BadAnswer(SyncError):
    """An answer that is not the registry's protocol.  What exactly was wrong
    (``detail``: the parser's English) goes to the log, not into the message."""

    text = QT_TRANSLATE_NOOP(
        "Sync",
        "The registry {server} answered something this desk cannot read; is it an ERPDesk "
        "registry of a matching version?",
    )

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        log.warning("unreadable answer from %s: %s", params.get("server"), params.get("detail"))


@dataclass(frozen=True)
class Session:
    token: str
    expires_at: str
    role: str
    username: str
    presales_lead: bool = False  # the registry marks the user a team's presales lead


def accept_language(language: str) -> str:
    """The ``Accept-Language`` that asks the registry for its messages in the
    desk's *language* (``zh_CN`` or ``en``, as ``erpdesk.i18n`` names them)."""
    return "zh-CN, zh;q=0.9, en;q=0.5" if language.lower().startswith("zh") else "en"


def _detail(response: httpx.Response) -> tuple[str, str]:
    """(code, message) of the registry's JSON error, or the reason phrase."""
    try:
        body = response.json()
        error = body.get("error", {}) if isinstance(body, dict) else {}
        return str(error.get("code", "")), str(error.get("message", "")) or response.reason_phrase
    except ValueError:
        return "", response.reason_phrase or response.text[:200]


class RegistryClient:
    """One registry; ``token`` may be set later (``login`` sets it).

    Every request asks for the registry's messages in *language* (the
    desk's: ``zh_CN`` or ``en``), so what the registry refuses (a sign-in,
    a registration, a push) is stored and shown in the user's language."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
        language: str = DEFAULT_LANGUAGE,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.language = language
        self._http = httpx.Client(
            base_url=self.base_url, timeout=timeout, transport=transport,
            headers={PROTOCOL_HEADER: str(PROTOCOL), "Accept-Language": accept_language(language)},
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> RegistryClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        headers = {}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            response = self._http.request(method, path, headers=headers, **kwargs)
        except (httpx.TransportError, OSError) as exc:  # timeouts too: explained, not quoted
            raise Offline(server=self.base_url, detail=explain(exc)[0]) from exc
        except httpx.InvalidURL as exc:
            raise RequestRefused(server=self.base_url, status="-", detail=str(exc)) from exc
        if response.status_code >= 500:
            code, message = _detail(response)
            raise ServerError(server=self.base_url, status=response.status_code, detail=message)
        if response.status_code == 401:
            code, message = _detail(response)
            if path.endswith("/auth/token"):
                raise LoginFailed(server=self.base_url, detail=message)
            raise SignedOut(server=self.base_url, detail=message)
        if response.status_code >= 400:
            code, message = _detail(response)
            if code.startswith("protocol") or code == "unsupported_protocol":
                raise ProtocolRefused(server=self.base_url, detail=message)
            raise RequestRefused(
                server=self.base_url, status=response.status_code, detail=message, code=code
            )
        if response.status_code == 204:
            return None
        try:
            return response.json()
        except ValueError as exc:
            raise BadAnswer(server=self.base_url, detail=str(exc)) from exc

    def login(self, user: str, password: str) -> Session:
        """Sign in; the client keeps the token for its next requests."""
        body = self._request(
            "POST", "/api/v1/auth/token", json={"username": user, "password": password}
        )
        try:
            session = Session(
                token=str(body["access_token"]), expires_at=str(body["expires_at"]),
                role=str(body["role"]), username=str(body.get("username", user)),
                presales_lead=body.get("presales_lead") is True,
            )
        except (KeyError, TypeError) as exc:
            raise BadAnswer(server=self.base_url, detail=f"no {exc}") from exc
        self.token = session.token
        return session

    def revoke(self) -> None:
        """Sign out on the registry (the token stops working)."""
        self._request("POST", "/api/v1/auth/revoke")

    def push(
        self, device_id: str, device_time: datetime, ops: list[dict[str, Any]]
    ) -> dict[str, Any]:
        answer = self._request("POST", "/api/v1/sync/push", json={
            "device_id": device_id, "device_time": device_time.isoformat(), "ops": ops,
        })
        if not isinstance(answer, dict) or len(answer.get("results", ())) != len(ops):
            raise BadAnswer(server=self.base_url, detail="push: one result per op expected")
        return answer

    def pull(
        self, since: int, limit: int, device_id: str | None = None,
        device_time: datetime | None = None,
    ) -> dict[str, Any]:
        params: dict[str, Any] = {"since": since, "limit": limit}
        if device_id is not None:
            params["device_id"] = device_id
        if device_time is not None:
            params["device_time"] = device_time.isoformat()
        answer = self._request("GET", "/api/v1/sync/pull", params=params)
        if not isinstance(answer, dict) or "next_cursor" not in answer:
            raise BadAnswer(server=self.base_url, detail="pull: no next_cursor")
        return answer
