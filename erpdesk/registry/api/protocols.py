"""The answer to a request the HTTP server cannot parse, as JSON.

uvicorn refuses a request it cannot parse before the application sees it: a
malformed request line or header, an invalid or repeated ``Content-Length``,
``Content-Length`` with ``Transfer-Encoding``, a path with bytes that are
not ASCII (raw, not %-escaped), a request that is not HTTP/1 at all (TLS or
HTTP/2 spoken to the plain port).  Its own answer is a plain-text ``400
Invalid HTTP request received.``; these subclasses of its two HTTP protocol
classes answer ``400`` with the registry's error shape instead::

    {"error": {"code": "malformed_http", "message": "..."}}

and close the connection (the rest of the stream cannot be trusted).  The
message is Chinese when an ``Accept-Language`` asking for it was parsed
before the fault (httptools only), else English.  ``erpdesk-registry
serve`` runs uvicorn with ``http=HTTP_PROTOCOL``.
"""

from __future__ import annotations

import json

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from erpdesk.domain.errors import render_text
from erpdesk.registry.language import language_of, translator

HTTP_PROTOCOL = "erpdesk.registry.api.protocols:JsonErrorsHttpToolsProtocol"
MALFORMED_HTTP_CODE = "malformed_http"
MALFORMED_HTTP_TEXT = (
    "The request is not valid HTTP (its request line, a header or the Content-Length); "
    "nothing was done"
)


def malformed_body(headers: list[tuple[bytes, bytes]]) -> bytes:
    """The JSON error, in the language of an ``Accept-Language`` among *headers*."""
    accept = next(
        (value.decode("latin-1") for name, value in headers if name.lower() == b"accept-language"),
        "",
    )
    message = render_text("Registry", MALFORMED_HTTP_TEXT, {}, translator(language_of(accept)))
    error = {"error": {"code": MALFORMED_HTTP_CODE, "message": message}}
    return json.dumps(error, ensure_ascii=False).encode("utf-8")


def _response_headers(body: bytes) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode("ascii")),
        (b"connection", b"close"),
    ]


class JsonErrorsHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol (the default where httptools is
    installed, as the registry's extra does) with a JSON 400."""

    def send_400_response(self, msg: str) -> None:
        del msg  # uvicorn's own text; it has logged it
        body = malformed_body(list(getattr(self, "headers", None) or []))
        lines = [b"HTTP/1.1 400 Bad Request\r\n"]
        for name, value in [*self.server_state.default_headers, *_response_headers(body)]:
            lines.extend([name, b": ", value, b"\r\n"])
        lines.extend([b"\r\n", body])
        self.transport.write(b"".join(lines))
        self.transport.close()


class JsonErrorsH11Protocol(H11Protocol):
    """uvicorn's h11 protocol (``--http h11``) with a JSON 400."""

    def send_400_response(self, msg: str) -> None:
        del msg
        body = malformed_body([])
        event = h11.Response(
            status_code=400, headers=_response_headers(body), reason=b"Bad Request"
        )
        for output in (
            self.conn.send(event),
            self.conn.send(h11.Data(data=body)),
            self.conn.send(h11.EndOfMessage()),
        ):
            if output:
                self.transport.write(output)
        self.transport.close()
