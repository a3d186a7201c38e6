"""Data and method page (thin: the code is in ui/data_page.py, imported once per server)."""

from ui.data_page import main

main()
