"""Voilà settings of the kit (found through JUPYTER_CONFIG_PATH, set by samenschool.app.server_env).

The terminal in front of a facilitator shows only what they can act on:

- Kernels talk to the server over local IPC sockets instead of TCP (not on Windows, which has
  no IPC transport). Nothing then travels unencrypted over the network stack, and ipykernel's
  "Kernel is running over TCP without encryption" warning has no cause left.
- "Notebook … is not trusted" is dropped: the kit's notebooks are committed without outputs,
  so there is nothing to trust or distrust, and nobody can do anything about the message.
- "The websocket_ping_timeout (90000) cannot be longer than …" is dropped: jupyter_server's own
  defaults disagree with tornado's rule and tornado corrects them; nothing to act on.
"""

import logging
import os

c = get_config()  # noqa: F821 (traitlets injects get_config into config files)

# The pages are Dutch: screen readers pick the right voice, browsers the right hyphenation.
c.HTMLExporter.language_code = "nl"

if os.name != "nt":
    c.KernelManager.transport = "ipc"


class _ZonderOnbruikbareMeldingen(logging.Filter):
    """Drop one kind of warning (its message starts with ``begin``), keep every other message."""

    def __init__(self, begin: str):
        super().__init__()
        self.begin = begin

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno == logging.WARNING and str(record.msg).startswith(self.begin))


logging.getLogger("Voila").addFilter(_ZonderOnbruikbareMeldingen("Notebook %s is not trusted"))
logging.getLogger("tornado.general").addFilter(_ZonderOnbruikbareMeldingen("The websocket_ping_timeout ("))
