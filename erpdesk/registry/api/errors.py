"""Every error as JSON: ``{"error": {"code": ..., "message": ..., ...details}}``.

``code`` is stable (the desk translates it); ``message`` is English, or
Chinese when the request asks for it (``Accept-Language: zh-CN``; for the
framework's checks of types and fields, ``SHAPE_TEXTS``).  Bad
input is always a 4xx: malformed JSON 400, wrong types and unknown fields
422 ``invalid_request`` with the field problems, bodies over the limit 413.
Text no database can store (a NUL character, a lone surrogate such as
``"\ud800"`` in a JSON string) is refused by every schema's text types and
told in plain words (``text_nul``, ``text_not_unicode``); an answer never
fails to encode, whatever text it echoes (``JSONAnswer``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from erpdesk.domain.errors import DomainError, ValidationError, render_text
from erpdesk.registry.api.schemas import NO_NUL
from erpdesk.registry.errors import InvalidInput, RegistryError, problem_json
from erpdesk.registry.language import language_of, translator
from erpdesk.ts_catalogue import Translate

log = logging.getLogger("erpdesk.registry")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

HTTP_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
}


class JSONAnswer(JSONResponse):
    """A JSON answer that always encodes: a lone surrogate in text it echoes
    (a field name, a value) becomes ``?`` instead of failing the answer."""

    def render(self, content: Any) -> bytes:
        return json.dumps(
            content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
        ).encode("utf-8", "replace")


def error_response(
    status: int, code: str, message: str, *, details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, **(details or {})}}
    return JSONAnswer(body, status_code=status, headers=headers)


def _field(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    return ".".join(str(p) for p in parts)


# The framework's checks of a request's shape, by pydantic's error type: in
# English pydantic's own wording is kept; these are the texts translated for
# a request that asks for another language (``{...}``: pydantic's context).
SHAPE_TEXTS = {
    "missing": "This field is required",
    "extra_forbidden": "This field is not known here",
    "string_type": "This should be a text",
    "string_too_short": "At least {min_length} characters",
    "string_too_long": "At most {max_length} characters",
    "string_pattern_mismatch": "This text has the wrong form",
    "int_type": "This should be a whole number",
    "int_parsing": "This should be a whole number",
    "int_from_float": "This should be a whole number",
    "float_type": "This should be a number",
    "float_parsing": "This should be a number",
    "bool_type": "This should be true or false",
    "bool_parsing": "This should be true or false",
    "datetime_type": "This should be a date and time (ISO 8601)",
    "datetime_parsing": "This should be a date and time (ISO 8601)",
    "datetime_from_date_parsing": "This should be a date and time (ISO 8601)",
    "literal_error": "This should be one of: {expected}",
    "enum": "This should be one of: {expected}",
    "greater_than_equal": "This should be at least {ge}",
    "less_than_equal": "This should be at most {le}",
    "greater_than": "This should be more than {gt}",
    "less_than": "This should be less than {lt}",
    "too_short": "At least {min_length} items",
    "too_long": "At most {max_length} items",
    "list_type": "This should be a list",
    "dict_type": "This should be an object",
    "model_type": "This should be an object",
    "model_attributes_type": "This should be an object",
    "uuid_type": "This should be a UUID",
    "uuid_parsing": "This should be a UUID",
}
# Text no database stores, told in these words in every language (pydantic's
# own, "String should match pattern '^[^\x00]*$'", says nothing to a user);
# by the problem code the answer gives instead of pydantic's.
STORABLE_TEXTS = {
    "text_nul": "This text contains a NUL character (\\0), which cannot be stored",
    "text_not_unicode": (
        "This text is not valid Unicode (it holds a lone surrogate such as \\ud800)"
        " and cannot be stored"
    ),
}
MALFORMED_JSON_TEXT = "The request body is not valid JSON"


def _shape_code(error: dict[str, Any]) -> str:
    """The problem's code: pydantic's error type, or ours for unstorable text."""
    kind = str(error.get("type", "invalid"))
    if kind == "string_unicode":
        return "text_not_unicode"
    if kind == "string_pattern_mismatch" and (error.get("ctx") or {}).get("pattern") == NO_NUL:
        return "text_nul"
    return kind


def _shape_message(error: dict[str, Any], translate: Translate | None) -> str:
    code = _shape_code(error)
    if code in STORABLE_TEXTS:
        return render_text("Registry", STORABLE_TEXTS[code], {}, translate)
    text = SHAPE_TEXTS.get(code)
    if translate is None or text is None:
        return str(error.get("msg", ""))
    return render_text("Registry", text, dict(error.get("ctx") or {}), translate)


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    translate = _translate(request)
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(
            400, "malformed_json", render_text("Registry", MALFORMED_JSON_TEXT, {}, translate)
        )
    problems = [
        {"field": _field(e.get("loc", ())), "code": _shape_code(e),
         "message": _shape_message(e, translate)}
        for e in errors
    ]
    message = "; ".join(
        f"{p['field']}: {p['message']}" if p["field"] else p["message"] for p in problems
    )
    return error_response(
        422, "invalid_request", message or "The request is not valid",
        details={"problems": problems},
    )


async def _http(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    default = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    message = exc.detail if isinstance(exc.detail, str) and exc.detail else default
    return error_response(
        status, HTTP_CODES.get(status, f"http_{status}"), message,
        headers=dict(exc.headers) if exc.headers else None,
    )


def _translate(request: Request) -> Translate | None:
    return translator(language_of(request.headers.get("accept-language", "")))


async def _registry(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RegistryError)
    translate = _translate(request)
    details = exc.details
    if isinstance(exc, InvalidInput):
        details = {**details, "problems": [problem_json(p, translate) for p in exc.problems]}
    return error_response(
        exc.status, exc.code, exc.render(translate), details=details,
        headers=exc.headers or None,
    )


async def _domain(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    translate = _translate(request)
    if isinstance(exc, ValidationError):
        return error_response(
            422, "invalid_input", exc.render(translate),
            details={"problems": [problem_json(p, translate) for p in exc.problems]},
        )
    return error_response(400, "bad_request", exc.render(translate))


async def _database(_request: Request, exc: Exception) -> JSONResponse:
    log.error("database unavailable: %s", exc)
    return error_response(
        503, "database_unavailable",
        "The registry's database cannot be reached; try again shortly",
        headers={"Retry-After": "5"},
    )


async def _data(_request: Request, exc: Exception) -> JSONResponse:
    # The schemas keep such values out; this is the net under them (and under
    # routes added later): a value the database refuses is the client's input.
    log.warning("value refused by the database: %s", exc)
    return error_response(
        422, "invalid_request", "The request contains a value the registry cannot store"
    )


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return error_response(500, "internal_error", "The registry failed; the error was logged")


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(RegistryError, _registry)
    app.add_exception_handler(DomainError, _domain)
    app.add_exception_handler(OperationalError, _database)
    app.add_exception_handler(DataError, _data)
    app.add_exception_handler(Exception, _unexpected)


class BodyLimit:
    """ASGI middleware: a request body over *max_bytes* gets 413, unread.

    A declared ``Content-Length`` is judged before reading; a chunked body
    is read up to the limit and then refused.  The body read is replayed to
    the application.
    """

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                await self._refuse(send, 400, "bad_request", "Invalid Content-Length header")
                return
            if too_big:
                await self._too_large(send)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message], receive), send)
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, _replay([body], receive), send)

    async def _too_large(self, send: Send) -> None:
        await self._refuse(
            send, 413, "payload_too_large",
            f"The request body is larger than {self.max_bytes} bytes",
        )

    @staticmethod
    async def _refuse(send: Send, status: int, code: str, message: str) -> None:
        payload = json.dumps({"error": {"code": code, "message": message}}).encode()
        await send({
            "type": "http.response.start", "status": status,
            "headers": [(b"content-type", b"application/json"),
                        (b"content-length", str(len(payload)).encode()),
                        (b"connection", b"close")],
        })
        await send({"type": "http.response.body", "body": payload})


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay
