"""Running the app on more than one process: local PostgreSQL, HAProxy, the cluster launcher."""
