"""``python -m kg.cli``: the ``kg`` command run as a module, e.g. under ``python -X importtime``."""
import sys

from kg.cli import main

sys.exit(main())
