"""Streamlit-side helpers: page modules, widgets and the session state (the text catalogue,
formatting, links and chart specifications they use are presentation/)."""
