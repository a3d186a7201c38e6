"""Decision support page (thin: the code is in ui/decision_page.py, imported once per server)."""

from ui.decision_page import main

main()
