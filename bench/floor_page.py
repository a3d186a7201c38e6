"""The floor for a rerun: the main page's lever sliders and two metrics, nothing else.

The benchmark reruns this page and app.py after the same slider change. What this page costs
is what any Streamlit page with 19 sliders costs (script start, widget state, protobuf); the
main page's time above it is what the model, the charts and the texts add.
"""

from __future__ import annotations

import streamlit as st

from model.levers import LEVER_SPECS

st.title("Golvsida för mätning")
changed = 0
for spec in LEVER_SPECS:  # the same keys as the main page: lever_<id>
    value = st.sidebar.slider(
        spec.label_sv,
        min_value=float(spec.min),
        max_value=float(spec.max),
        value=float(spec.reference),
        step=float(spec.step),
        format="%d %%" if spec.unit == "%" else "%d",
        key=f"lever_{spec.id}",
        help=f"{spec.help_sv}\n\n{spec.reference_note_sv}",  # as long as the main page's
    )
    changed += abs(value - spec.reference) > 1e-9
left, right = st.columns(2)
left.metric("Ändrade spakar", changed)
right.metric("Elbilarnas andel 2030", f"{st.session_state['lever_el_personbilar']:.0f} %")
