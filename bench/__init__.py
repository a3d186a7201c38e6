"""Benchmarks: how fast the model and the main page answer a lever change (`python -m bench`)."""
