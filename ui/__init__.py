"""Streamlit-side helpers: text catalogue, number formatting, charts and widgets."""
