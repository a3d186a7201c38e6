"""Workshop page (thin: the code is in ui/workshop_page.py, imported once per server)."""

from ui.pages_folder import leave_pages_folder_mode
from ui.workshop_page import main

leave_pages_folder_mode()  # a deep link to this page on a fresh server: run it via app.py
main()
