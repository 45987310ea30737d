package nl.mensenmakennederland.digest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB counts it for read capacity: each attribute's name and value in
 * bytes (strings in UTF-8; numbers about one byte per two significant digits, plus one; lists and
 * maps three bytes plus one per element). Close to DynamoDB's own figure, not exactly it.
 */
final class ItemSizes {

    /** Bytes a read request unit covers: an eventually consistent read of up to 4 KB takes half of one. */
    static final int READ_UNIT_BYTES = 4096;

    private ItemSizes() {}

    static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += attribute.getKey().getBytes(StandardCharsets.UTF_8).length + value(attribute.getValue());
        }
        return size;
    }

    /** Read request units of an eventually consistent read of {@code bytes} in one request. */
    static double readUnits(long bytes) {
        return Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES) * 0.5;
    }

    private static long value(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s().getBytes(StandardCharsets.UTF_8).length;
            case N -> new BigDecimal(value.n()).stripTrailingZeros().precision() / 2 + 1;
            case BOOL, NUL -> 1;
            case L -> 3 + value.l().stream().mapToLong(element -> 1 + value(element)).sum();
            case M -> 3 + value.m().entrySet().stream()
                    .mapToLong(e -> 1 + e.getKey().getBytes(StandardCharsets.UTF_8).length + value(e.getValue())).sum();
            default -> value.toString().length();
        };
    }
}
