"""Data and method page (thin: the code is in ui/data_page.py, imported once per server)."""

from ui.data_page import main
from ui.pages_folder import leave_pages_folder_mode

leave_pages_folder_mode()  # a deep link to this page on a fresh server: run it via app.py
main()
