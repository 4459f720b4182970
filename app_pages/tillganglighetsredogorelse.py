"""Tillgänglighetsredogörelse: how accessible Lägesbild and its reports are, what is not and
why, and how to report a problem. Anyone may read it, with a role or without: it is about
what is published."""

import streamlit as st

from lagesbild.i18n import t
from lagesbild.ui.access import visitor_language

lang = visitor_language()

st.title(t("nav.statement", lang), anchor=False)
st.write(t("statement.intro", lang))
st.subheader(t("statement.status.title", lang), anchor=False)
st.write(t("statement.status", lang))
st.subheader(t("statement.met.title", lang), anchor=False)
for key in ("reports", "office", "pages"):
    st.markdown(f"- {t(f'statement.met.{key}', lang)}")
st.subheader(t("statement.unmet.title", lang), anchor=False)
for key in ("menu", "tables", "charts", "checks"):
    st.markdown(f"- {t(f'statement.unmet.{key}', lang)}")
st.subheader(t("statement.report.title", lang), anchor=False)
st.write(t("statement.report", lang))
st.write(t("statement.supervision", lang))
st.subheader(t("statement.assessed.title", lang), anchor=False)
st.write(t("statement.assessed", lang))
