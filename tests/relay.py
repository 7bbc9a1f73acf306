"""A small TCP relay so a browser on this machine looks like another computer to the kit.

A request to 127.0.0.2 made on the same machine still reaches the server from 127.0.0.1
(TECH-NOTES, "Room mode"). The relay listens on ``listen_host`` and connects to the server
with its source address bound to ``source_host`` (default 127.0.0.2): the server sees a
participant. Loopback only. Used by the browser tests and benchmarks/bench_klas.py.
"""

from __future__ import annotations

import asyncio
import socket
import threading


class Relay:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1", listen_host: str = "127.0.0.2",
                 source_host: str = "127.0.0.2"):
        self.target = (target_host, target_port)
        self.listen_host, self.source_host = listen_host, source_host
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._server = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.listen_host}:{self.port}"

    def start(self) -> "Relay":
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("relay did not start")
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._loop.call_soon_threadsafe(self._server.close)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)

    def __enter__(self) -> "Relay":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, self.listen_host, 0, family=socket.AF_INET))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    async def _handle(self, reader, writer) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target, local_addr=(self.source_host, 0))
        except OSError:
            writer.close()
            return

        async def pipe(src, dst):
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                try:
                    dst.close()
                except Exception:
                    pass

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


def main() -> None:
    """``python -m tests.relay PORT``: a relay in a process of its own (benchmarks: the relay
    then does not share the interpreter lock with the clients). Prints its address, then runs
    until stdin closes."""
    import sys

    relay = Relay(int(sys.argv[1])).start()
    print(relay.url, flush=True)
    sys.stdin.read()
    relay.stop()


if __name__ == "__main__":
    main()
