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

Fault mode (off unless asked for): real DynamoDB cancels concurrent transactions on the same
item and throttles, SES throttles and has outages, and a server that answers one request at a
time never does any of that by itself. ``POST /_faults`` with a JSON body switches faults on for
the requests that follow, ``GET /_faults`` shows how many calls each fault saw and how many it
refused, ``DELETE /_faults`` (and ``POST /moto-api/reset``) switches them off::

    {"seed": 7,
     "transactionConflicts": {"share": 0.3},
     "throttledWrites": {"share": 0.1, "error": "ThrottlingException"},
     "refusedSends": {"times": 40, "status": 429}}

- ``transactionConflicts``: TransactWriteItems cancelled with TransactionCanceledException, the
  first item's reason ``TransactionConflict``, the others ``None``; nothing is written.
- ``throttledWrites``: PutItem, UpdateItem, DeleteItem, BatchWriteItem and TransactWriteItems
  refused with HTTP 400 ``ProvisionedThroughputExceededException`` (or ``"error":
  "ThrottlingException"``); checked before conflicts.
- ``refusedSends``: SES v2 SendEmail refused with ``"status"`` 429 (TooManyRequestsException,
  the default), 500 (InternalFailure) or 503 (ServiceUnavailable).

Each fault counts the calls it applies to: it lets the first ``after`` (default 0) through, then
refuses each with probability ``share`` (default 1) from a random generator seeded with
``seed`` and the fault's name, until it has refused ``times`` (default: no limit). With one
request at a time the same requests in the same order meet the same faults.

S3 form uploads (a browser's presigned POST): moto 5.2.1 answers the preflight by the bucket's CORS
rules but sends no CORS headers with the POST's own answer, which S3 does (moto adds them to every
other S3 answer). A browser then reports the stored upload as failed. Here the POST's answer gets
the headers of the matching CORS rule, as S3 gives them.

S3 uploads in parts: moto 5.2.1 keeps every part as a key without a bucket, and its state dump
(``/moto-api/data.json``, where the tests read the mails SES accepted) answers 500 on such a key
(its ``status`` looks its bucket up). Here a key whose bucket is not found has no status.

Usage: python3 moto_serial_server.py -H 127.0.0.1 -p PORT
"""
import argparse
import json
import os
import random
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
from moto.s3.exceptions import MissingBucket
from moto.s3.models import FakeKey
from moto.s3.responses import S3Response
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


DYNAMODB_WRITES = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}
THROTTLE_TYPES = {
    "ProvisionedThroughputExceededException": (
        "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
        "The level of configured provisioned throughput for the table was exceeded."),
    "ThrottlingException": ("com.amazon.coral.availability#ThrottlingException",
                            "Rate of requests exceeds the allowed throughput."),
}
SES_REFUSALS = {429: ("TooManyRequestsException", "Maximum sending rate exceeded."),
                500: ("InternalFailure", "The request processing has failed because of an unknown error."),
                503: ("ServiceUnavailable", "Service is unavailable.")}


class Fault:
    """One kind of refusal: which of the calls it applies to it refuses (see the module's docstring)."""

    def __init__(self, name, seed, spec):
        self.share = float(spec.get("share", 1.0))
        self.after = int(spec.get("after", 0))
        self.times = spec.get("times")
        self.spec = spec
        self.random = random.Random(f"{seed}:{name}")
        self.calls = 0
        self.injected = 0

    def strikes(self) -> bool:
        self.calls += 1
        if self.calls <= self.after or (self.times is not None and self.injected >= int(self.times)):
            return False
        if self.random.random() >= self.share:
            return False
        self.injected += 1
        return True

    def counts(self):
        return {"calls": self.calls, "injected": self.injected}


class Faults:
    """The faults switched on through /_faults; none at start. Used under the one-at-a-time lock."""

    NAMES = ("transactionConflicts", "throttledWrites", "refusedSends")

    def __init__(self):
        self.active = {}

    def configure(self, config):
        unknown = set(config) - set(self.NAMES) - {"seed"}
        if unknown:
            raise ValueError(f"unknown faults {sorted(unknown)}; known: {list(self.NAMES)}")
        error = config.get("throttledWrites", {}).get("error", "ProvisionedThroughputExceededException")
        status = int(config.get("refusedSends", {}).get("status", 429))
        if error not in THROTTLE_TYPES or status not in SES_REFUSALS:
            raise ValueError(f"throttledWrites.error must be one of {list(THROTTLE_TYPES)}, "
                             f"refusedSends.status one of {list(SES_REFUSALS)}")
        seed = config.get("seed", 0)
        self.active = {name: Fault(name, seed, config[name]) for name in self.NAMES if name in config}

    def counts(self):
        return {name: fault.counts() for name, fault in self.active.items()}

    def refusal(self, environ):
        """The answer replacing moto's for this request, or None to let moto answer."""
        if not self.active:
            return None
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if target.startswith("DynamoDB_20120810."):
            operation = target.split(".", 1)[1]
            throttle = self.active.get("throttledWrites")
            if operation in DYNAMODB_WRITES and throttle and throttle.strikes():
                error = throttle.spec.get("error", "ProvisionedThroughputExceededException")
                kind, message = THROTTLE_TYPES[error]
                return _answer(400, {"__type": kind, "message": message}, "application/x-amz-json-1.0")
            conflict = self.active.get("transactionConflicts")
            if operation == "TransactWriteItems" and conflict and conflict.strikes():
                items = len(json.loads(_body(environ) or b"{}").get("TransactItems", [])) or 1
                reasons = [{"Code": "TransactionConflict", "Message": "Transaction is ongoing for the item"}] + \
                          [{"Code": "None"}] * (items - 1)
                codes = ", ".join(reason["Code"] for reason in reasons)
                return _answer(400, {
                    "__type": "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
                    "Message": f"Transaction cancelled, please refer cancellation reasons for specific reasons [{codes}]",
                    "CancellationReasons": reasons}, "application/x-amz-json-1.0")
        elif environ.get("REQUEST_METHOD") == "POST" and environ.get("PATH_INFO") == "/v2/email/outbound-emails":
            refuse = self.active.get("refusedSends")
            if refuse and refuse.strikes():
                status = int(refuse.spec.get("status", 429))
                kind, message = SES_REFUSALS[status]
                return _answer(status, {"message": message}, "application/json", {"x-amzn-ErrorType": kind})
        return None


def _body(environ) -> bytes:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    return environ["wsgi.input"].read(length) if length else b""


def _answer(status, document, content_type, headers=None):
    body = json.dumps(document).encode()
    reason = {200: "OK", 400: "Bad Request", 429: "Too Many Requests", 500: "Internal Server Error",
              503: "Service Unavailable"}[status]
    return (f"{status} {reason}",
            [("Content-Type", content_type), ("Content-Length", str(len(body))),
             ("x-amzn-RequestId", "fault-injected")] + list((headers or {}).items()),
            body)


def faults_endpoint(faults, environ):
    method = environ.get("REQUEST_METHOD")
    if method == "POST":
        try:
            faults.configure(json.loads(_body(environ) or b"{}"))
        except (ValueError, TypeError, AttributeError) as bad:
            return _answer(400, {"message": str(bad)}, "application/json")
    elif method == "DELETE":
        faults.active = {}
    return _answer(200, faults.counts(), "application/json")


def exit_with_parent() -> None:
    """Stops the server when the process that started it is gone, even if that one was killed
    with no chance to clean up (SIGKILL, a crashed JVM): no orphaned emulator keeps a port."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


_key_status = FakeKey.status.fget


def _status_of_key(key):
    """A key's restore status; none for a part of an upload in parts, whose bucket moto does not note."""
    try:
        return _key_status(key)
    except MissingBucket:
        return None


_bucket_response_post = S3Response._bucket_response_post


def _bucket_response_post_with_cors(self, request, bucket_name):
    """A form upload's answer with the bucket's CORS headers for the request's origin, as S3 answers it."""
    status, headers, body = _bucket_response_post(self, request, bucket_name)
    return status, {**self._get_cors_headers_other(), **headers}, body


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, required=True)
    args = parser.parse_args()
    os.environ.setdefault("MOTO_PORT", str(args.port))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    exit_with_parent()

    DynamoDBBackend.transact_write_items = _transact_write_items
    FakeKey.status = property(_status_of_key, FakeKey.status.fset)
    S3Response._bucket_response_post = _bucket_response_post_with_cors
    moto = DomainDispatcherApplication(create_backend_app)
    one_at_a_time = threading.Lock()
    faults = Faults()

    def serialized(environ, start_response):
        with one_at_a_time:
            path = environ.get("PATH_INFO", "")
            if path == "/moto-api/reset":
                faults.active = {}
            own = faults_endpoint(faults, environ) if path == "/_faults" else faults.refusal(environ)
            if own is not None:
                status, headers, payload = own
                start_response(status, headers)
                return [payload]
            body = moto(environ, start_response)
            try:
                return [b"".join(body)]
            finally:
                if hasattr(body, "close"):
                    body.close()

    run_simple(args.host, args.port, serialized, threaded=True)


if __name__ == "__main__":
    main()
