"""A page for the browser test of escape_markdown: each hostile text, escaped, in st.markdown,
st.caption and a static table's cell, as the pages show data. Run by test_markdown_browser.py."""

import json
import os

import pandas as pd
import streamlit as st

from lagesbild.ui.components import escape_markdown
from lagesbild.ui.grids import _static_text

for index, text in enumerate(json.loads(os.environ["LAGESBILD_PROBE_TEXTS"])):
    with st.container(key=f"probe_{index}"):
        st.markdown(escape_markdown(text))
        st.caption(escape_markdown(text))
        st.table(pd.DataFrame({"Text": [_static_text(text)]}), hide_index=True)
