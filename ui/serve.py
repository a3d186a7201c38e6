"""Start the app with its caches warm: ``python -m ui.serve [streamlit run options]``.

The same as ``streamlit run app.py …``, after ui.warmup.warm() in this process, so the
first visitor waits no longer than the next one.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Warm, then hand over to Streamlit's own command line."""
    from ui.warmup import warm

    seconds = warm()
    print(f"Klimatscenarier: warmed in {seconds:.1f} s", flush=True)
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", "app.py", *sys.argv[1:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
