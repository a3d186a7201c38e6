"""`python -m bench [--quick]`: see bench/model_bench.py."""

import sys

from bench.model_bench import main

sys.exit(main())
