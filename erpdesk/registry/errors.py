"""Errors of the registry's services: a stable ``code`` the desk translates,
an English message, and the HTTP status the API answers with.

The services raise these (never a framework exception); ``api.errors``
renders every one as ``{"error": {"code", "message", ...details}}``.
"""

from __future__ import annotations

from typing import Any

from erpdesk.domain.errors import DomainError, Problem, render_text


class RegistryError(DomainError):
    """Base of the registry's errors; ``details`` go into the JSON body.

    ``text`` is an English template translated in context ``Registry``
    (``resources/translations/registry_*.ts``; ``scripts/translations.py``
    finds the texts given to these classes in the registry's code)."""

    context = "Registry"
    status = 400
    code = "bad_request"
    text = "The request cannot be served"

    def __init__(
        self,
        text: str | None = None,
        *,
        code: str | None = None,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        **params: Any,
    ) -> None:
        if code is not None:
            self.code = code
        self.details = dict(details or {})
        self.headers = dict(headers or {})
        super().__init__(text, **params)


class BadRequest(RegistryError):
    pass


class UnsupportedProtocol(RegistryError):
    code = "unsupported_protocol"
    text = "This registry speaks sync protocol {supported}, not {requested}; update ERPDesk"


class NotAuthenticated(RegistryError):
    status = 401
    code = "not_authenticated"
    text = "Sign in first: the request has no bearer token"

    def __init__(self, text: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"WWW-Authenticate": "Bearer"})
        super().__init__(text, **kwargs)


class InvalidToken(NotAuthenticated):
    code = "invalid_token"
    text = "The sign-in is not valid (unknown or revoked token); sign in again"


class TokenExpired(NotAuthenticated):
    code = "token_expired"
    text = "The sign-in has expired; sign in again"


class InvalidCredentials(NotAuthenticated):
    code = "invalid_credentials"
    text = "Wrong user name or password"


class AccountDisabled(NotAuthenticated):
    code = "account_disabled"
    text = "This account is disabled; ask the customer administrator"


class Forbidden(RegistryError):
    status = 403
    code = "forbidden"
    text = "Your role ({role}) may not do this"


class NotFoundError(RegistryError):
    status = 404
    code = "not_found"
    text = "{what} was not found"

    def render(self, translate: Any = None) -> str:
        params = dict(self.params)
        if translate is not None and isinstance(params.get("what"), str):
            params["what"] = translate(self.context, params["what"])  # "The customer"
        return render_text(self.context, self.text, params, translate)


class Conflict(RegistryError):
    status = 409
    code = "conflict"
    text = "The request conflicts with the registry's current state"


class TooManyAttempts(RegistryError):
    status = 429
    code = "too_many_attempts"
    text = "Too many failed sign-ins; try again in {seconds} seconds"

    def __init__(self, seconds: int) -> None:
        seconds = max(1, int(seconds))
        super().__init__(
            details={"retry_after": seconds}, headers={"Retry-After": str(seconds)},
            seconds=seconds,
        )


class InvalidInput(RegistryError):
    """Input the domain rules reject; ``problems`` lists every reason."""

    status = 422
    code = "invalid_input"
    text = "The input is not valid"

    def __init__(self, problems: list[Problem], *, code: str | None = None) -> None:
        self.problems = list(problems)
        super().__init__(code=code, details={"problems": [problem_json(p) for p in problems]})

    def render(self, translate: Any = None) -> str:
        return "; ".join(p.render(translate) for p in self.problems) or super().render(translate)


class RegistrationIncomplete(InvalidInput):
    code = "registration_incomplete"


class ServiceUnavailable(RegistryError):
    status = 503
    code = "database_unavailable"
    text = "The registry's database cannot be reached; try again shortly"


def problem_json(problem: Problem, translate: Any = None) -> dict[str, Any]:
    """A domain problem as the API shows it: field, code and message (English,
    or translated by ``translate(context, text)``)."""
    return {"field": problem.field, "code": problem.code, "message": problem.render(translate)}
