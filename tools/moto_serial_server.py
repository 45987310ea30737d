"""moto_server, answering one request at a time, with DynamoDB transactions made atomic.

moto's threaded server is not atomic: a DynamoDB transaction checks its conditions and applies
its writes item by item, and a failed one restores a snapshot of the whole table, erasing what
other threads wrote meanwhile. Real DynamoDB serialises transactions; serving requests one at a
time gives the tests and the local run that same guarantee. Clients stay fully concurrent.

That snapshot is also a deep copy of every table a transaction touches, on every transaction,
so its cost grows with the table (about 50 ms at 600 items): a rush of registrations would
measure moto, not our code. Here every condition is first checked against the state before the
transaction, as DynamoDB does; a refused transaction is answered without touching anything,
and one whose conditions all hold is applied without the snapshot (nothing else runs meanwhile).

Usage: python3 moto_serial_server.py -H 127.0.0.1 -p PORT
"""
import argparse
import os
import signal
import sys
import threading
import time
import types

import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.comparisons import get_filter_expression
from moto.dynamodb.exceptions import ConditionalCheckFailed, TransactionCanceledException
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.table import Table
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple

_original_transact_write_items = DynamoDBBackend.transact_write_items
_real_copy = dynamodb_models.copy


def _key_of(backend, op_type, op):
    if op_type != "Put":
        return op["Key"]
    table = backend.get_table(op["TableName"])
    key = {table.hash_key_attr: op["Item"][table.hash_key_attr]}
    if table.range_key_attr is not None:
        key[table.range_key_attr] = op["Item"][table.range_key_attr]
    return key


def _transact_write_items(self, transact_items):
    errors, seen = [], set()
    for item in transact_items:
        if len(item) != 1:
            return _original_transact_write_items(self, transact_items)
        op_type, op = next(iter(item.items()))
        if op_type not in {"ConditionCheck", "Put", "Delete", "Update"} or op.get("TableName") not in self.tables:
            return _original_transact_write_items(self, transact_items)
        key = _key_of(self, op_type, op)
        identity = (op["TableName"], str(sorted(key.items())))
        if identity in seen:  # moto's own validation answers this
            return _original_transact_write_items(self, transact_items)
        seen.add(identity)
        condition = op.get("ConditionExpression")
        current = self.get_item(op["TableName"], key)
        if condition is not None and not get_filter_expression(
                condition, op.get("ExpressionAttributeNames"), op.get("ExpressionAttributeValues")).expr(current):
            old = current.to_json()["Attributes"] if current and op.get("ReturnValuesOnConditionCheckFailure") == "ALL_OLD" else None
            errors.append(("ConditionalCheckFailed", ConditionalCheckFailed().message, old))
        else:
            errors.append((None, None, None))
    if any(code is not None for code, _, _ in errors):
        raise TransactionCanceledException(errors)
    dynamodb_models.copy = _NO_TABLE_SNAPSHOT
    try:
        return _original_transact_write_items(self, transact_items)
    finally:
        dynamodb_models.copy = _real_copy


_NO_TABLE_SNAPSHOT = types.SimpleNamespace(
    deepcopy=lambda value, *args: value if isinstance(value, Table) else _real_copy.deepcopy(value, *args))


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

    DynamoDBBackend.transact_write_items = _transact_write_items
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
