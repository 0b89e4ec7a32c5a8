"""Errors the domain raises: one tree, each saying what is wrong and where.

    DomainError                    catch at an interface (view, API, command) to show the message
     ├── InvalidInput              a value is malformed or impossible (a bad date, a negative count)
     │    └── InvalidClockStops    pauses that overlap, start before receipt or end before they start
     ├── TransitionNotAllowed      an action that the case's current state does not permit
     └── ExtractionError           a published report that cannot be read at all (empty, not text)

Every error carries ``message`` (Chinese, for the user), ``code`` (stable, for scripts and tests)
and ``where`` (the field, cell, line or row the problem is in; "" when it is the whole input).
"""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error the domain raises on purpose."""

    code = "domain_error"

    def __init__(self, message: str, *, code: str | None = None, where: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InvalidInput(DomainError):
    """A value is malformed or impossible; ``where`` names the value."""

    code = "invalid_input"


class InvalidClockStops(InvalidInput):
    """Pauses of the reply clock that cannot be applied as given."""

    code = "invalid_clock_stops"


class TransitionNotAllowed(DomainError):
    """An action the case's current state does not allow."""

    code = "transition_not_allowed"


class ExtractionError(DomainError):
    """A published report that cannot be read at all."""

    code = "extraction_error"
