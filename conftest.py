"""Root conftest: applies to tests/, notebooks/ (nbval) and exercises/.

Every test run gets its own empty werkmap, set at import time so that kernels started by
nbval and servers started by browser tests inherit it: no test writes into a real
user's werkmap.

Strict mode (SAMENSCHOOL_STRIKT=1) is inherited the same way: under tests a widget view raises
an unexpected error instead of showing the learner a Dutch message, so nbval and pytest fail on
a broken widget (see samenschool.widgets._ui).
"""

import os
import tempfile

os.environ["SAMENSCHOOL_WERKMAP"] = tempfile.mkdtemp(prefix="samenschool-test-werkmap-")
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["SAMENSCHOOL_STRIKT"] = "1"
