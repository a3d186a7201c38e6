"""Every parameter the data page shows has a label in Swedish and in English (issue 14:
internal ids such as ``car_lifetime_years`` were shown as they are)."""

from __future__ import annotations

import pytest

from store.csv_tables import read_csv_tables
from ui.data_labels import has_label, parameter_label, unit_label

PARAMETERS = read_csv_tables().parameters


@pytest.mark.parametrize("parameter_id", sorted(set(PARAMETERS["parameter_id"])))
def test_every_parameter_has_words_in_both_languages(parameter_id: str) -> None:
    assert has_label(parameter_id), parameter_id
    swedish, english = parameter_label(parameter_id, "sv"), parameter_label(parameter_id, "en")
    for label in (swedish, english):
        assert label and "_" not in label and label != parameter_id
    if parameter_id != "beccs_potential_kt":  # "BECCS: potential" in both
        assert swedish != english, parameter_id


@pytest.mark.parametrize("unit", sorted(set(PARAMETERS["unit"])))
def test_every_unit_has_an_english_word(unit: str) -> None:
    from ui.data_labels import UNITS

    assert unit in UNITS, unit
    assert unit_label(unit, "sv") and unit_label(unit, "en")


def test_an_unknown_id_still_shows_as_words() -> None:
    assert not has_label("some_new_thing")
    assert parameter_label("some_new_thing", "sv") == "Some new thing"


def test_every_publisher_has_english_words_without_swedish_letters() -> None:
    """The English data page shows no Swedish publisher names (names of places aside)."""
    from store.csv_tables import read_csv_tables
    from ui.data_labels import publisher_label

    for publisher in read_csv_tables().sources["publisher"]:
        english = publisher_label(publisher, "en").replace("Växjö", "")
        assert not set(english) & set("åäöÅÄÖø"), publisher
        assert publisher_label(publisher, "sv") == publisher


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_source_title_repeats_its_publisher(lang: str) -> None:
    """A source is shown as 'Publisher: title (release)': a title that began with its
    publisher read 'Växjö kommun: Växjö kommun: målet Fossilbränslefritt Växjö' under the
    main chart."""
    from ui.data_labels import publisher_label

    sources = read_csv_tables().sources
    title = "title_en" if lang == "en" else "title_sv"
    for _, row in sources.iterrows():
        publisher = publisher_label(str(row["publisher"]), lang)
        assert not str(row[title]).startswith(f"{publisher}:"), row["source_id"]
        assert not str(row[title]).startswith(f"{row['publisher']}:"), row["source_id"]
