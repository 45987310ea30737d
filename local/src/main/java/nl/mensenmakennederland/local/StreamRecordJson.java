package nl.mensenmakennederland.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** A DynamoDB stream record as the JSON Lambda delivers to a function (and filters on). */
final class StreamRecordJson {

    private StreamRecordJson() {}

    static ObjectNode of(Record record, String streamArn) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("eventID", record.eventID());
        json.put("eventName", record.eventNameAsString());
        json.put("eventVersion", record.eventVersion());
        json.put("eventSource", "aws:dynamodb");
        json.put("awsRegion", record.awsRegion());
        StreamRecord change = record.dynamodb();
        ObjectNode dynamodb = json.putObject("dynamodb");
        if (change.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", change.approximateCreationDateTime().getEpochSecond());
        }
        putImage(dynamodb, "Keys", change.keys(), change.hasKeys());
        putImage(dynamodb, "NewImage", change.newImage(), change.hasNewImage());
        putImage(dynamodb, "OldImage", change.oldImage(), change.hasOldImage());
        dynamodb.put("SequenceNumber", change.sequenceNumber());
        if (change.sizeBytes() != null) {
            dynamodb.put("SizeBytes", change.sizeBytes());
        }
        dynamodb.put("StreamViewType", change.streamViewTypeAsString());
        json.put("eventSourceARN", streamArn);
        return json;
    }

    private static void putImage(ObjectNode parent, String name, Map<String, AttributeValue> image, boolean present) {
        if (present) {
            ObjectNode node = parent.putObject(name);
            image.forEach((attribute, value) -> node.set(attribute, attributeValue(value)));
        }
    }

    /** DynamoDB's JSON form of a value: {"S": "..."}, {"N": "1"}, {"M": {...}}, and so on. */
    static ObjectNode attributeValue(AttributeValue value) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", base64(value.b()));
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> {
                ArrayNode list = node.putArray("BS");
                value.bs().forEach(b -> list.add(base64(b)));
            }
            case M -> {
                ObjectNode map = node.putObject("M");
                value.m().forEach((k, v) -> map.set(k, attributeValue(v)));
            }
            case L -> {
                ArrayNode list = node.putArray("L");
                value.l().forEach(v -> list.add(attributeValue(v)));
            }
            default -> throw new IllegalArgumentException("Unknown attribute type " + value.type());
        }
        return node;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
