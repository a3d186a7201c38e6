"""Scenario page (thin: ui/presenter.py picks the normal page or presenter mode)."""

from ui.pages_folder import leave_pages_folder_mode
from ui.presenter import main

leave_pages_folder_mode()  # a deep link to this page on a fresh server: run it via app.py
main()
