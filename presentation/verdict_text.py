"""What the fossil-free 2030 verdict counts, and whose goal it is.

The goal is Växjö's (since 1996, in Klimatkontrakt 2030). For a municipality whose data
(model.targets.available_targets) has no such goal, the definition said "(kommunens mål)"
all the same, a goal the municipality never set; now it says the sources give none.
"""

from __future__ import annotations

from model.data import MunicipalityData
from model.targets import available_targets
from presentation.i18n import t


def verdict_definition(data: MunicipalityData, lang: str) -> str:
    """How the verdict is counted, with whose goal it is for this municipality."""
    if "own_2030" in available_targets(data):
        whose = t("verdict_whose_own", lang)
    else:
        whose = t("verdict_whose_none", lang, name=data.name)
    return t("verdict_definition", lang, whose=whose)
