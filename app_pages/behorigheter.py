"""Behörigheter: who has which role. The configuration's roles are shown read-only; the roles
given here are kept in the database, and every change is written to the change log."""

import pandas as pd
import streamlit as st

from lagesbild import ui
from lagesbild.admin import user_roles
from lagesbild.access import Role, normalize_email
from lagesbild.i18n import t
from lagesbild.ui.components import escape_markdown

user = ui.require_role(Role.ADMIN)

lang = ui.selected_filters().lang
configured = ui.configured_roles()
CHOICES = (*Role, None)     # None: take the role given here away


def role_table(rows: pd.DataFrame) -> None:
    rows = rows.assign(role=[ui.role_name(Role(value), lang) for value in rows["role"]])
    st.dataframe(rows.rename(columns={column: t(f"roles.column.{column}", lang)
                                      for column in rows.columns}),
                 hide_index=True, width="content")


def save(email_text: str, role: Role | None) -> None:
    email = normalize_email(email_text)
    if email is None:
        st.error(t("roles.invalid_email", lang, value=escape_markdown(email_text.strip())),
                 icon=":material/error:")
        return
    if email == user.email:
        st.error(t("roles.own_role", lang), icon=":material/error:")
        return
    with ui.writing() as cur:
        change = user_roles.set_role(cur, email, role, changed_by=user.changed_by)
    shown = escape_markdown(email)
    st.success(t(f"roles.done.{change.value}", lang, email=shown, role=ui.role_name(role, lang)),
               icon=":material/check_circle:")
    if email in configured and (role is None or not role.allows(configured[email])):
        st.info(t("roles.still_configured", lang, email=shown,
                  role=ui.role_name(configured[email], lang)), icon=":material/info:")


st.title(t("roles.heading", lang), anchor=False)
st.write(t("roles.intro", lang))
if user.local:
    st.info(t("roles.local", lang), icon=":material/computer:")

with st.form("roles_form", clear_on_submit=False, border=True):
    st.subheader(t("roles.form.heading", lang), anchor=False)
    email_field, role_field = st.columns([2, 1])
    email_text = email_field.text_input(t("roles.form.email", lang), key="roles_email",
                                        max_chars=254, placeholder="anna@koping.se")
    chosen = role_field.selectbox(t("roles.form.role", lang), CHOICES, key="roles_role",
                                  format_func=lambda role: (ui.role_name(role, lang) if role
                                                            else t("roles.form.remove", lang)))
    submitted = st.form_submit_button(t("roles.form.submit", lang), type="primary",
                                      key="roles_save")
if submitted:
    save(email_text, chosen)

st.subheader(t("roles.table.heading", lang), anchor=False)
granted = ui.fetch("user_roles")
if granted.empty:
    ui.no_data(t("roles.table.none", lang))
else:
    role_table(granted.assign(granted_at=granted["granted_at"].dt.strftime("%Y-%m-%d %H:%M")))

st.subheader(t("roles.config.heading", lang), anchor=False)
st.caption(f":material/lock: {t('roles.config.caption', lang)}")
if configured:
    role_table(pd.DataFrame({"email": list(configured),
                             "role": [role.value for role in configured.values()]}))
else:
    ui.no_data(t("roles.config.none", lang))
