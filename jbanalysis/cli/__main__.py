"""``python -m jbanalysis.cli``: the ``jbanalysis`` command, where its script is not on PATH."""

import sys

from jbanalysis.cli import main

sys.exit(main())
