"""Root conftest: applies to tests/, notebooks/ (nbval) and exercises/.

Every test run gets its own empty werkmap, set at import time so that kernels started by
nbval and servers started by browser tests inherit it: no test writes into a real
user's werkmap.
"""

import os
import tempfile

os.environ["SAMENSCHOOL_WERKMAP"] = tempfile.mkdtemp(prefix="samenschool-test-werkmap-")
os.environ.setdefault("MPLBACKEND", "Agg")
