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

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, required=True)
    args = parser.parse_args()
    os.environ.setdefault("MOTO_PORT", str(args.port))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

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
