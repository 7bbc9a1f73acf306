"""A participant joining a room's page without a browser, as cheaply as a client can: the page
over HTTP (first visit, the one redirect with the cookie, the whole page), then the page's
kernel over its websocket, asking for the widgets' state as the page's widget manager does
(ipywidgets' ``jupyter.widget.control`` comm, ``request_states``), until the page is filled in
for this participant (the marker with the class ``ss-klaar``, samenschool.widgets.plaatshouder).

One asyncio loop for all participants (tornado's own clients), so the clients of a benchmark
cost the machine little: in a real room they run on the participants' laptops.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import dataclass

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

CONTROL_VERSIE = "1.0.0"  # ipywidgets 8's control comm protocol
KLAAR = "ss-klaar"
KERNEL_ID = re.compile(r'"kernelId": "([0-9a-f-]+)"')
AsyncHTTPClient.configure(None, max_clients=500)  # a room joins at once: no queue in the client


@dataclass
class Join:
    totaal_s: float      # until the page is filled in for this participant
    pagina_s: float      # until the page's last byte
    kernel_id: str
    cookie: str


def _bericht(msg_type: str, content: dict, session: str, metadata: dict | None = None) -> str:
    header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": session, "username": "",
              "date": "", "version": "5.3"}
    return json.dumps({"header": header, "parent_header": {}, "metadata": metadata or {}, "content": content,
                       "channel": "shell", "buffers": []})


def _cookie(response, oud: str) -> str:
    nieuw = [h.split(";", 1)[0] for h in response.headers.get_list("Set-Cookie")]
    return "; ".join([c for c in [oud] + nieuw if c])


async def join(base: str, pad: str, timeout: float = 900.0) -> Join:
    """One participant opens ``base + pad`` (e.g. ``/voila/render/notebooks/00_start.ipynb``)."""
    client = AsyncHTTPClient()
    start = time.perf_counter()
    eerste = await client.fetch(HTTPRequest(base + pad, follow_redirects=False, request_timeout=timeout),
                                raise_error=False)
    cookie = _cookie(eerste, "")
    pagina = await client.fetch(HTTPRequest(base + eerste.headers["Location"], headers={"Cookie": cookie},
                                            request_timeout=timeout), raise_error=False)
    pagina_s = time.perf_counter() - start
    tekst = pagina.body.decode("utf-8")
    match = KERNEL_ID.search(tekst)
    if pagina.code != 200 or "window.voila_finish" not in tekst or not match:
        raise RuntimeError(f"join failed: {pagina.code}")
    kernel_id, session, comm = match.group(1), uuid.uuid4().hex, uuid.uuid4().hex
    ws_url = base.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels?session_id={session}"
    ws = await websocket_connect(HTTPRequest(ws_url, headers={"Cookie": cookie}, request_timeout=timeout),
                                 max_message_size=64 * 1024 * 1024)
    try:
        ws.write_message(_bericht("comm_open", {"comm_id": comm, "target_name": "jupyter.widget.control",
                                                "data": {}}, session, {"version": CONTROL_VERSIE}))
        ws.write_message(_bericht("comm_msg", {"comm_id": comm, "data": {"method": "request_states"}}, session))
        while True:
            bericht = await ws.read_message()
            if bericht is None:
                raise RuntimeError("de kernel sloot de verbinding")
            if KLAAR in bericht and _klaar(json.loads(bericht)):
                break
    finally:
        ws.close()
    return Join(time.perf_counter() - start, pagina_s, kernel_id, cookie)


def _klaar(msg: dict) -> bool:
    """A comm message that shows the marker with ``ss-klaar``: in the full state the page asked
    for, or in an update after it."""
    data = (msg.get("content") or {}).get("data") or {}
    staten = [s.get("state", {}) for s in (data.get("states") or {}).values()] if data.get("method") == "update_states" \
        else [data.get("state", {})] if data.get("method") == "update" else []
    return any(KLAAR in (staat.get("_dom_classes") or ()) for staat in staten)
