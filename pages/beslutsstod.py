"""Decision support page (thin: the code is in ui/decision_page.py, imported once per server)."""

from ui.decision_page import main
from ui.pages_folder import leave_pages_folder_mode

leave_pages_folder_mode()  # a deep link to this page on a fresh server: run it via app.py
main()
