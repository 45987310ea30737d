package nl.mensenmakennederland.shared;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB stream images (Lambda event types, or the event's JSON) as SDK attribute maps, so one mapping reads both. */
public final class StreamImages {

    private StreamImages() {}

    public static Map<String, AttributeValue> toItem(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> item = new HashMap<>();
        if (image != null) {
            image.forEach((name, value) -> item.put(name, convert(value)));
        }
        return item;
    }

    /**
     * A stream image as the event's JSON carries it ({@code {"pk": {"S": "MAIL#..."}, ...}}), in
     * DynamoDB's attribute value format.
     */
    public static Map<String, AttributeValue> toItem(JsonNode image) {
        Map<String, AttributeValue> item = new HashMap<>();
        image.properties().forEach(e -> item.put(e.getKey(), convert(e.getValue())));
        return item;
    }

    private static AttributeValue convert(JsonNode value) {
        Map.Entry<String, JsonNode> typed = value.properties().iterator().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> AttributeValue.fromS(v.asText());
            case "N" -> AttributeValue.fromN(v.asText());
            case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
            case "SS" -> AttributeValue.fromSs(texts(v));
            case "NS" -> AttributeValue.fromNs(texts(v));
            case "BS" -> AttributeValue.fromBs(texts(v).stream()
                    .map(b -> SdkBytes.fromByteArray(Base64.getDecoder().decode(b))).toList());
            case "M" -> AttributeValue.fromM(toItem(v));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                v.forEach(element -> list.add(convert(element)));
                yield AttributeValue.fromL(list);
            }
            default -> throw new IllegalArgumentException("Unknown attribute type " + typed.getKey());
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static AttributeValue convert(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
        if (value.getS() != null) {
            return AttributeValue.fromS(value.getS());
        }
        if (value.getN() != null) {
            return AttributeValue.fromN(value.getN());
        }
        if (value.getBOOL() != null) {
            return AttributeValue.fromBool(value.getBOOL());
        }
        if (value.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(value.getB()));
        }
        if (value.getSS() != null) {
            return AttributeValue.fromSs(value.getSS());
        }
        if (value.getM() != null) {
            return AttributeValue.fromM(toItem(value.getM()));
        }
        if (value.getL() != null) {
            return AttributeValue.fromL(value.getL().stream().map(StreamImages::convert).toList());
        }
        return AttributeValue.fromNul(true);
    }
}
