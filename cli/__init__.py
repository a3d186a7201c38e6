"""Klimatscenarier's command line: argument parsing, reading the tables (through store/) and
output formatting (JSON, CSV). The model itself (model/) takes data in and returns results.

One module per command group, each importing only ``cli.common``/``cli.formats`` and the
layers below (model/, store/, smhi/); ``cli/__main__.py`` registers them and dispatches.
Run it as ``python -m model ...`` (model/__main__.py is a shim), ``python -m cli ...`` or
the ``klimat`` script.
"""
