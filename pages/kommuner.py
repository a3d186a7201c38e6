"""Municipality comparison page (thin: the code is in ui/municipalities_page.py)."""

from ui.municipalities_page import main
from ui.pages_folder import leave_pages_folder_mode

leave_pages_folder_mode()  # a deep link to this page on a fresh server: run it via app.py
main()
