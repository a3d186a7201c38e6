"""The floor for a rerun: the main page's widgets (same keys, labels and help), nothing else.

With ``?floor=<page>`` it draws that page's own widgets instead (bench/floor_widgets.py: the
spec captured from the page, in the file KLIMAT_FLOOR_SPECS names).

The benchmark reruns this page and app.py after the same slider change. What this page costs
is what any Streamlit page with these widgets costs (script start, widget state, protobuf);
the main page's time above it is what the model, the charts, the figures and texts add.
"""

from __future__ import annotations

import streamlit as st

from bench.floor_widgets import FLOOR_PARAM, load, replay
from model.levers import LEVER_SPECS

_own = st.query_params.get(FLOOR_PARAM)
_spec = load(_own) if _own else None
if _spec is not None:
    replay(_spec)
    st.stop()

st.sidebar.radio("Språk", options=["sv", "en"], key="lang", horizontal=True)
st.sidebar.selectbox("Kommun", options=["0780", "0764"], key="municipality")
with st.sidebar.expander("Dela scenariot", key="share_link"):  # the copy-link box
    st.caption("Länken öppnar samma scenario i en annan webbläsare.")
    st.code("http://localhost:8501/?v=1&kommun=0780", language=None, wrap_lines=True)
st.sidebar.selectbox("Utgå från", options=["referens", "nationell_backning",  # presets
                     "lokal_kraftsamling", "fossilfritt_2030"], index=None, key="preset_choice")
st.sidebar.button("Använd", key="apply_preset", disabled=True)
st.sidebar.button("Återställ till referens", key="reset_levers")
for spec in LEVER_SPECS:  # the same keys as the main page: lever_<id>
    st.sidebar.slider(
        spec.label_sv,
        min_value=float(spec.min),
        max_value=float(spec.max),
        value=float(spec.reference),
        step=float(spec.step),
        format="%d %%" if spec.unit == "%" else "%d",
        key=f"lever_{spec.id}",
        help=f"{spec.help_sv}\n\n{spec.reference_note_sv}",  # as long as the main page's
    )
st.title("Golvsida för mätning")
st.toggle("Per invånare", key="per_capita")
st.number_input("Budget (kt CO2e)", min_value=1, max_value=100_000, value=2760, step=10,
                key="budget_kt")
st.number_input("Budgetens startår", min_value=2015, max_value=2030, value=2023, step=1,
                key="budget_start")
st.toggle("Räkna BECCS-upptag mot budgeten", key="budget_count_beccs")
st.metric("Elbilarnas andel 2030", f"{st.session_state['lever_el_personbilar']:.0f} %")
