"""moto_server, answering one request at a time.

moto's threaded server is not atomic: a DynamoDB transaction checks its conditions and applies
its writes item by item, and a failed one restores a snapshot of the whole table, erasing what
other threads wrote meanwhile. Real DynamoDB serialises transactions; serving requests one at a
time gives the tests and the local run that same guarantee. Clients stay fully concurrent.

Usage: python3 moto_serial_server.py -H 127.0.0.1 -p PORT
"""
import argparse
import os
import signal
import sys
import threading
import time

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple


def exit_with_parent() -> None:
    """Stops the server when the process that started it is gone, even if that one was killed
    with no chance to clean up (SIGKILL, a crashed JVM): no orphaned emulator keeps a port."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, required=True)
    args = parser.parse_args()
    os.environ.setdefault("MOTO_PORT", str(args.port))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    exit_with_parent()

    moto = DomainDispatcherApplication(create_backend_app)
    one_at_a_time = threading.Lock()

    def serialized(environ, start_response):
        with one_at_a_time:
            body = moto(environ, start_response)
            try:
                return [b"".join(body)]
            finally:
                if hasattr(body, "close"):
                    body.close()

    run_simple(args.host, args.port, serialized, threaded=True)


if __name__ == "__main__":
    main()
