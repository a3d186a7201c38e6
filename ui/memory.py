"""Keep Python's garbage collector off the long-lived objects that every rerun would walk."""

from __future__ import annotations

import gc

from ui.shared_cache import shared


@shared()
def freeze_startup_objects() -> bool:
    """Once per server, after the first full run: move what is loaded so far (pandas, Altair,
    pyarrow, Streamlit, the cached data) out of the collector's reach.

    Full collections then walk only what reruns create. Measured by bench/load_bench.py:
    about 150 ms of collection per lever change fell to 12 ms.
    """
    gc.collect()
    gc.freeze()
    return True
