"""Klimatscenarier: the Streamlit entry point. Thin: ui/app_shell.py draws the sidebar and
the chosen page (a module is compiled once per process, this script on every AppTest run)."""

from ui.app_shell import run_app

run_app()
