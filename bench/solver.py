"""`python -m bench.solver [--quick]`: see bench/solver_bench.py."""

import sys

from bench.solver_bench import main

if __name__ == "__main__":
    sys.exit(main())
