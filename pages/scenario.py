"""Scenario page (thin: the code is in ui/scenario_page.py, imported once per server)."""

from ui.scenario_page import main

main()
