"""Every page file is a thin shell that leaves Streamlit's old pages-folder mode first.

A deep link to a page on a freshly started server otherwise runs the page without app.py:
no sidebar, Streamlit's raw file list as navigation (seen in Chromium on /beslutsstod).
"""

from __future__ import annotations

from pathlib import Path

import pytest

PAGES = sorted((Path(__file__).resolve().parents[1] / "pages").glob("*.py"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_is_thin_and_leaves_pages_folder_mode_first(page: Path) -> None:
    code = [line for line in page.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith(("#", '"""'))]
    calls = [line for line in code if not line.startswith(("from ", "import "))]
    assert len(code) <= 8, f"{page.name} should only import and call its ui module"
    assert calls and calls[0].startswith("leave_pages_folder_mode()"), page.name
