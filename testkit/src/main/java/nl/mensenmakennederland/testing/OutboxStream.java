package nl.mensenmakennederland.testing;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a table's DynamoDB stream as Lambda's event source mapping would, and hands out the
 * new records as the {@link DynamodbEvent} the consuming function receives.
 */
public final class OutboxStream {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Map<String, String> iterators = new HashMap<>();

    public OutboxStream(LocalAws aws, String tableLogicalId) {
        this.streams = EmulatorClients.configure(DynamoDbStreamsClient.builder(), SamTemplate.REGION,
                EmulatorClients.CREDENTIALS, aws.endpoint()).build();
        this.streamArn = aws.clients().dynamoDb().describeTable(r -> r.tableName(aws.name(tableLogicalId)))
                .table().latestStreamArn();
    }

    /** Every record written since the last call, oldest first. */
    public DynamodbEvent poll() {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
            String iterator = iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(r -> r
                    .streamArn(streamArn).shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            while (iterator != null) {
                String current = iterator;
                var response = streams.getRecords(r -> r.shardIterator(current));
                response.records().forEach(record -> records.add(toLambda(record)));
                iterator = response.nextShardIterator();
                iterators.put(shard.shardId(), iterator);
                if (response.records().isEmpty()) {
                    break;
                }
            }
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    private static DynamodbEvent.DynamodbStreamRecord toLambda(Record record) {
        DynamodbEvent.DynamodbStreamRecord out = new DynamodbEvent.DynamodbStreamRecord();
        out.setEventID(record.eventID());
        out.setEventName(record.eventNameAsString());
        out.setEventSource("aws:dynamodb");
        StreamRecord data = new StreamRecord();
        data.setSequenceNumber(record.dynamodb().sequenceNumber());
        data.setKeys(toLambda(record.dynamodb().keys()));
        if (record.dynamodb().hasNewImage()) {
            data.setNewImage(toLambda(record.dynamodb().newImage()));
        }
        data.setStreamViewType(record.dynamodb().streamViewTypeAsString() == null ? null
                : com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(
                        record.dynamodb().streamViewTypeAsString()));
        out.setDynamodb(data);
        return out;
    }

    static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> toLambda(
            Map<String, AttributeValue> image) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out = new HashMap<>();
        image.forEach((name, value) -> out.put(name, toLambda(value)));
        return out;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue toLambda(AttributeValue value) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        if (value.s() != null) {
            out.setS(value.s());
        } else if (value.n() != null) {
            out.setN(value.n());
        } else if (value.b() != null) {
            out.setB(value.b().asByteBuffer());
        } else if (value.bool() != null) {
            out.setBOOL(value.bool());
        } else if (value.hasM()) {
            out.setM(toLambda(value.m()));
        } else if (value.hasL()) {
            out.setL(value.l().stream().map(OutboxStream::toLambda).toList());
        } else if (value.hasSs()) {
            out.setSS(value.ss());
        } else {
            out.setNULL(true);
        }
        return out;
    }
}
