"""Who may do what: the three roles, in rising order of rights.

A ``läsare`` reads every board page and the report; a ``redaktör`` also imports, edits and
freezes years; an ``admin`` also manages who has which role.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Role(Enum):
    READER = "läsare"
    EDITOR = "redaktör"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def allows(self, needed: Role) -> bool:
        """Whether this role has the rights ``needed`` asks for."""
        return self.rank >= needed.rank


@dataclass(frozen=True)
class User:
    """The person using the app. ``role`` None: logged in but given no role."""

    email: str
    name: str
    role: Role | None
    local: bool = False     # local mode: one user on this machine, full rights

    def may(self, needed: Role) -> bool:
        return self.role is not None and self.role.allows(needed)

    @property
    def changed_by(self) -> str:
        """How the change log names this user."""
        return self.email or self.name
