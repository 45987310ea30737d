package nl.mensenmakennederland.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * What a client asked DynamoDB, as the measurement sees it: each request's operation, the items
 * it returned, the bytes of its answer and how long the client waited for that answer: from the
 * request leaving to the whole answer being in ({@link RecordedDynamo} reads it in full), its
 * reading into objects excluded.
 */
final class RequestLog implements ExecutionInterceptor {

    /** One request. {@code waitNanos}: the time its answer took to come, summed over its attempts. */
    record Request(String operation, int items, long bytes, long waitNanos) {}

    /** The requests of one measured stretch. */
    record Summary(List<Request> requests) {

        int count() {
            return requests.size();
        }

        long items() {
            return requests.stream().mapToLong(Request::items).sum();
        }

        long bytes() {
            return requests.stream().mapToLong(Request::bytes).sum();
        }

        double waitMillis() {
            return requests.stream().mapToLong(Request::waitNanos).sum() / 1e6;
        }

        double longestWaitMillis() {
            return requests.stream().mapToLong(Request::waitNanos).max().orElse(0) / 1e6;
        }

        /** "301 Query" or "4 Scan + 1 Query". */
        String operations() {
            Map<String, Integer> byOperation = new TreeMap<>();
            requests.forEach(request -> byOperation.merge(request.operation(), 1, Integer::sum));
            return String.join(" + ", byOperation.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
        }
    }

    private static final ExecutionAttribute<Long> SENT = new ExecutionAttribute<>("measurement.sent");
    private static final ExecutionAttribute<Long> WAITED = new ExecutionAttribute<>("measurement.waited");
    private static final ExecutionAttribute<Long> BYTES = new ExecutionAttribute<>("measurement.bytes");

    private final List<Request> requests = new ArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(SENT, System.nanoTime());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        long waited = System.nanoTime() - attributes.getAttribute(SENT);
        attributes.putAttribute(WAITED, waited + (attributes.getAttribute(WAITED) == null ? 0 : attributes.getAttribute(WAITED)));
        attributes.putAttribute(BYTES, context.httpResponse().firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(0L));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        int items = switch (context.response()) {
            case QueryResponse query -> query.count();
            case ScanResponse scan -> scan.count();
            default -> 0;
        };
        String operation = switch (context.request()) {
            case QueryRequest query -> query.indexName() == null ? "Query" : "Query " + query.indexName();
            case ScanRequest scan -> "Scan";
            default -> context.request().getClass().getSimpleName().replace("Request", "");
        };
        synchronized (requests) {
            requests.add(new Request(operation, items, attributes.getAttribute(BYTES), attributes.getAttribute(WAITED)));
        }
    }

    /** The requests since the last call. */
    Summary drain() {
        synchronized (requests) {
            Summary summary = new Summary(List.copyOf(requests));
            requests.clear();
            return summary;
        }
    }
}
