"""The login gate and each page's own check of the user's role."""

from __future__ import annotations

import streamlit as st

from lagesbild import ingest
from lagesbild.access import Role, User


def current_user() -> User:
    """The user of this session. Local mode: the person at this machine, with full rights."""
    return User(email="", name=ingest.current_user(), role=Role.ADMIN, local=True)


def require_role(needed: Role) -> User:
    """The current user if their role allows ``needed``; otherwise stop the page here."""
    user = current_user()
    if not user.may(needed):
        st.stop()
    return user
