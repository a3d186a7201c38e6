"""Sverige: all 290 municipalities under the current levers (thin: ui/sverige_page.py)."""

from ui.pages_folder import leave_pages_folder_mode
from ui.sverige_page import main

leave_pages_folder_mode()  # a deep link to this page on a fresh server: run it via app.py
main()
