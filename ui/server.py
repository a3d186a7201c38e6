"""Start the app's Streamlit server so that every first visit is served as the app, not a folder.

Streamlit decides once per process, when the first session is created, whether the app
uses its old pages-folder mode: it does whenever a ``pages/`` folder lies beside the main
script (ours does: the project's layout names it). In that mode the first visits of a
fresh server run under a wrapper that lists the page files ("app, beslutsstod, …"),
ignores the link's scenario and gives the sidebar's widgets other ids, until a run of
``app.py`` reaches ``st.navigation``. Several first visits at once (a room joining a
workshop the moment the facilitator starts the server) all land in that window.

Clearing the class flag before the server starts closes the window for every visitor
(``ui.pages_folder.clear_before_start``, the one Streamlit internal for this); the same
module keeps a per-session fallback for a plain ``streamlit run app.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.web import cli

from ui.pages_folder import clear_before_start

APP_SCRIPT = Path(__file__).resolve().parents[1] / "app.py"


def main(argv: list[str] | None = None) -> None:
    """``python -m ui.server [options]``: ``streamlit run app.py`` without the old mode."""
    clear_before_start()
    from ui.warmup import warm  # imports, data and specs before the port opens (issue 14)

    print(f"Klimatscenarier: warmed in {warm():.1f} s", flush=True)
    options = sys.argv[1:] if argv is None else argv
    sys.argv = ["streamlit", "run", str(APP_SCRIPT), *options]
    cli.main()


if __name__ == "__main__":
    main()
