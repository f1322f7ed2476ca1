"""`leian serve --workers N`: N server processes, each listening on its own socket.

uvicorn's own `--workers` shares one listening socket between its processes, and whichever
process wakes first accepts every connection waiting: 20 clients that connect at once land
mostly on one process, and as browsers and API clients keep their connections alive, that
process does most of the work while the other core idles (measured: 30 s of CPU against 9 s).
Here every process binds the address itself with SO_REUSEPORT, so the kernel spreads new
connections over the processes evenly, as nginx's `reuseport` does.

The parent checks the address is free first (a plain bind), starts the processes, and stops
them all when one of them ends or when it is told to stop (Ctrl-C, SIGTERM).
"""
from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
from multiprocessing.connection import wait

from config.errors import ConfigError

log = logging.getLogger(__name__)


def _socket(host: str, port: int, reuse_port: bool) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def _serve_one(host: str, port: int, level: str) -> None:
    """One server process: the app of app_from_env on its own socket."""
    import uvicorn

    sock = _socket(host, port, reuse_port=True)
    config = uvicorn.Config("pipelines.web.app:app_from_env", factory=True, host=host, port=port, log_level=level,
                            server_header=False, access_log=level in ("info", "debug", "trace"))
    uvicorn.Server(config).run(sockets=[sock])


def serve_processes(host: str, port: int, workers: int, level: str) -> int:
    """Run `workers` server processes on host:port until one ends or the parent is stopped;
    the exit code of the first that ended by itself (0 when stopped). ConfigError when the
    address cannot be listened on."""
    try:
        _socket(host, port, reuse_port=False).close()  # in use by anything else: say so now
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_serve_one, args=(host, port, level), name=f"leian-serve-{i}")
             for i in range(workers)]
    for p in procs:
        p.start()

    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True
        for p in procs:
            if p.is_alive():
                p.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    code = 0
    try:
        ended = wait([p.sentinel for p in procs])
        first = next(p for p in procs if p.sentinel in ended)
        first.join()
        if not stopping:
            code = first.exitcode or 1
            log.error("server process %s ended (exit code %s); stopping the others", first.name, first.exitcode)
    except KeyboardInterrupt:
        pass  # the processes got the same Ctrl-C and stop by themselves
    finally:
        stop()
        for p in procs:
            p.join(30)
        signal.signal(signal.SIGTERM, previous)
    return code
