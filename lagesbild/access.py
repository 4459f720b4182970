"""Who may do what: the three roles, in rising order of rights, and who has which.

A ``läsare`` reads every board page and the report; a ``redaktör`` also imports, edits and
freezes years; an ``admin`` also manages who has which role. Roles are given by e-mail
address, in the configuration (``[lagesbild.roller]`` in ``.streamlit/secrets.toml``) and by
administrators in the app (the ``user_roles`` table); a user has the higher of the two.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from lagesbild.data.db import LagesbildError
from lagesbild.i18n import t


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


# --- Who has which role: the configuration, the table, and the rule that combines them ------

# What the configuration's [lagesbild.roller] table may name a role: its Swedish name, with
# or without the accents TOML makes one quote, or its English name.
ROLE_NAMES = {
    "läsare": Role.READER, "lasare": Role.READER, "reader": Role.READER,
    "redaktör": Role.EDITOR, "redaktor": Role.EDITOR, "editor": Role.EDITOR,
    "admin": Role.ADMIN, "administratör": Role.ADMIN, "administrator": Role.ADMIN,
}

# An address as the identity provider gives it: one @, no spaces, a dot in the domain.
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
MAX_EMAIL_LENGTH = 254


class RoleConfigError(LagesbildError):
    """The role configuration is malformed; ``key`` and ``values`` give the message in i18n."""

    def __init__(self, key: str, **values):
        self.key = key
        self.values = values
        super().__init__(t(key, **values))


def normalize_email(text: str) -> str | None:
    """``text`` as a stored address (trimmed, lower-case), or None if it is not an address."""
    email = text.strip().lower()
    if len(email) > MAX_EMAIL_LENGTH or not _EMAIL.fullmatch(email):
        return None
    return email


def role_named(name: str) -> Role | None:
    return ROLE_NAMES.get(name.strip().lower())


def parse_role_config(raw: Mapping | None) -> dict[str, Role]:
    """The configuration's role table (role name -> list of addresses) as address -> role.

    An address listed under several roles gets the highest. Raises RoleConfigError naming
    the first thing that is wrong: an unknown role, a value that is not a list of addresses.
    """
    roles: dict[str, Role] = {}
    for name, addresses in (raw or {}).items():
        role = role_named(str(name))
        if role is None:
            raise RoleConfigError("access.config.unknown_role", name=name,
                                  known=", ".join(r.value for r in Role))
        if isinstance(addresses, str) or not isinstance(addresses, Sequence):
            raise RoleConfigError("access.config.not_a_list", name=name)
        for address in addresses:
            email = normalize_email(address) if isinstance(address, str) else None
            if email is None:
                raise RoleConfigError("access.config.bad_email", name=name, value=str(address))
            roles[email] = highest(roles.get(email), role)
    return roles


def highest(*roles: Role | None) -> Role | None:
    """The highest of ``roles``; None if none is given."""
    given = [role for role in roles if role is not None]
    return max(given, key=lambda role: role.rank) if given else None


def resolve_role(email: str, configured: Mapping[str, Role], granted: Role | None) -> Role | None:
    """A user's role: the higher of what the configuration and the app's table give them."""
    address = normalize_email(email) if email else None
    return highest(configured.get(address) if address else None, granted)


def identity_email(claims: Mapping) -> str:
    """The address an OIDC identity is known by: its ``email`` claim, else (Microsoft Entra
    ID, where ``email`` is optional) ``preferred_username`` when that is an address."""
    for claim in ("email", "preferred_username", "upn"):
        value = claims.get(claim)
        if isinstance(value, str) and normalize_email(value):
            return normalize_email(value)
    return ""
