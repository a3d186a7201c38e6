"""`python -m model ...`: the command line lives in cli/ (this is model/'s one upward import)."""
from cli.__main__ import main

raise SystemExit(main())
