"""A participant's page as the kernel sees it, without a browser: the widgets' state over the
kernel's websocket, as Voilà's page asks for it (ipywidgets' ``jupyter.widget.control`` comm,
``request_states``). Used by the room-mode tests and benchmarks/bench_klas.py to wait until a
page is filled in for its participant (the marker with the class ``ss-klaar``).
"""

from __future__ import annotations

import json
import time
import uuid

import websocket  # websocket-client, already a dependency of jupyter_server

CONTROL_VERSIE = "1.0.0"  # ipywidgets 8's control comm protocol
KLAAR = "ss-klaar"
MARKER = "ss-verzoek"


def _bericht(msg_type: str, content: dict, session: str, metadata: dict | None = None) -> str:
    header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": session, "username": "",
              "date": "", "version": "5.3"}
    return json.dumps({"header": header, "parent_header": {}, "metadata": metadata or {}, "content": content,
                       "channel": "shell", "buffers": []})


class Pagina:
    """The kernel of one page: its widgets' states, kept up to date from the kernel's messages."""

    def __init__(self, base_url: str, kernel_id: str, cookie: str = "", timeout: float = 600.0):
        self.session = uuid.uuid4().hex
        ws_url = base_url.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels?session_id={self.session}"
        self.ws = websocket.create_connection(ws_url, timeout=timeout, header=[f"Cookie: {cookie}"] if cookie else [])
        self.states: dict[str, dict] = {}
        self.comm = uuid.uuid4().hex

    def close(self) -> None:
        self.ws.close()

    def vraag_staat(self) -> None:
        """Ask for every widget's state, as the page's widget manager does when it connects."""
        self.ws.send(_bericht("comm_open", {"comm_id": self.comm, "target_name": "jupyter.widget.control",
                                            "data": {}}, self.session, {"version": CONTROL_VERSIE}))
        self.ws.send(_bericht("comm_msg", {"comm_id": self.comm, "data": {"method": "request_states"}},
                              self.session))

    def _lees(self) -> None:
        msg = json.loads(self.ws.recv())
        content = msg.get("content", {})
        data = content.get("data", {}) if isinstance(content, dict) else {}
        soort = msg.get("msg_type") or msg.get("header", {}).get("msg_type")
        if soort == "comm_msg" and data.get("method") == "update_states":
            for model_id, staat in data.get("states", {}).items():
                self.states[model_id] = dict(staat.get("state", {}))
        elif soort == "comm_open":
            self.states[content["comm_id"]] = dict(data.get("state", {}))
        elif soort == "comm_msg" and data.get("method") == "update":
            self.states.setdefault(content["comm_id"], {}).update(data.get("state", {}))

    def met_klasse(self, klasse: str) -> list[dict]:
        return [s for s in self.states.values() if klasse in (s.get("_dom_classes") or ())]

    def wacht_tot(self, voorwaarde, timeout: float = 600.0) -> None:
        deadline = time.monotonic() + timeout
        while not voorwaarde(self):
            if time.monotonic() > deadline:
                raise TimeoutError("de pagina werd niet klaar")
            self.ws.settimeout(max(0.1, deadline - time.monotonic()))
            self._lees()

    def wacht_op_klaar(self, timeout: float = 600.0) -> None:
        """Until the page is filled in for its person (the marker has ``ss-klaar``)."""
        self.vraag_staat()
        self.wacht_tot(lambda p: bool(p.met_klasse(KLAAR)), timeout)
