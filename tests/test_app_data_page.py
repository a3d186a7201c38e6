"""AppTest tests of the data and method page."""

from __future__ import annotations

import pytest

from model import LEVER_SPECS
from store.csv_tables import read_uncertainty_frame
from tests.apptest_helpers import start_app

pytestmark = pytest.mark.usefixtures("app_database")


def test_data_page_lists_levers_tables_sources_and_the_check() -> None:
    at = start_app()
    at.switch_page("pages/data_och_metod.py").run()
    assert not at.exception
    headers = [h.value for h in at.header]
    assert headers == ["Modellen i ord", "Vad krävs, bidrag per spak och kostnader: metod",
                       "Kontroll mot statistiken",
                       "Spakar, referensvärden och källor", "Tabeller", "Källor",
                       "Parametrar och antaganden", "Osäkerhet: hur säkra är vi?",
                       "Egna siffror och ersättningar för Växjö"]
    levers = at.table[0].value  # a static table: its long reasons wrap
    tables, sources, parameters, uncertain, own = (df.value for df in at.dataframe)
    assert len(levers) == len(LEVER_SPECS)
    assert "Referens" in levers.columns and "Rådighet" in levers.columns
    assert levers["Möjligt till 2030: varför"].str.len().min() > 20  # every lever says why
    method = " ".join(m.value for m in at.markdown)
    assert "fossilbränslefritt 2030" in method and "BECCS räknas aldrig" in method
    assert "data/ned_ghg.csv" in set(tables["Tabell"])
    assert "ned_2025" in set(sources["id"])
    assert "Bilparken: alla" in set(parameters["Parameter"])  # a label, not car_fleet_total
    assert "2025" in set(parameters["Värde"]) and "2\u00a0025" not in set(parameters["Värde"])
    check = " ".join(m.value for m in at.markdown)
    assert "98\u00a0400\u00a0t" in check  # transport statistics 2023, compared with
    assert "+0,7\u00a0%" in check  # how close the model lands
    assert "Shapley" in check  # how the contribution of each lever is split (Vad krävs?)
    # Issue 12: what is uncertain, how it is sampled, what is not covered, every input.
    assert "latinsk hyperkub" in method and "Vad som inte täcks" in method
    assert len(uncertain) == len(read_uncertainty_frame())
    assert uncertain["Varför"].str.len().min() > 20
    assert "data/uncertainty.csv" in set(tables["Tabell"])
    assert "data/vehicle_fleet.csv" in set(tables["Tabell"])
    kinds = dict(zip(own["Uppgift"], own["Egen eller ersättning"], strict=True))
    assert kinds["Bilpark och drivmedelsmix (Trafikanalys)"] == "egen"
    assert kinds["Transporternas CO2 per undersektor"] == "egen"  # Växjö has its Länsrapport



def test_data_page_says_which_figures_are_proxies_for_another_municipality() -> None:
    at = start_app()
    at.selectbox(key="municipality").set_value("1280").run()  # Malmö
    at.switch_page("pages/data_och_metod.py").run()
    assert not at.exception
    own = at.dataframe[-1].value
    kinds = dict(zip(own["Uppgift"], own["Egen eller ersättning"], strict=True))
    assert at.header[-1].value == "Egna siffror och ersättningar för Malmö"
    assert kinds["Bilpark och drivmedelsmix (Trafikanalys)"] == "egen"
    assert kinds["Folkmängd (SCB)"] == "egen"
    assert kinds["Transporternas CO2 per undersektor"].startswith("ersättning")
    assert kinds["Nya bilars andel el och laddhybrid"] == "egen"  # new cars 2025, table 5
    assert kinds["Bilparkens förnyelsetakt"].startswith("ersättning")
    assert kinds["Koldioxidbudget"] == "uppskattning"


def test_data_page_in_english() -> None:
    at = start_app()
    at.radio(key="lang").set_value("en").run()
    at.switch_page("pages/data_och_metod.py").run()
    assert not at.exception
    assert at.header[0].value == "The model in words"
    assert "Who controls it" in at.table[0].value.columns
    tables, sources, parameters = [df.value for df in at.dataframe][:3]
    shown = " ".join(str(v) for frame in (sources, parameters) for v in frame.to_numpy().ravel())
    for swedish in ("bilar", "andel", "fakta", "antagande", "kvot", "fordon"):
        assert swedish not in shown.split(" "), swedish
    assert "Publicering" not in shown and "med ändringar" not in shown
    assert "Car fleet: all" in set(parameters["Parameter"])
