package nl.mensenmakennederland.oproep;

import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Map;
import nl.mensenmakennederland.shared.Hmac;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The key of one day's visitor fingerprints: random, made by the first download of the day
 * ({@code pk=SALT#<day>, sk=SALT}, shared by every execution environment through a conditional
 * put), and destroyed after the day. The first environment to need the next day's key deletes
 * the previous day's; TTL removes it as well, should no download come. Once it is gone, a
 * fingerprint can no longer be recomputed from an IP address and a user agent, not even by us.
 */
final class DailySalts {

    /** Made at the first salt, never before a SnapStart checkpoint: every restored copy must draw its own. */
    private static final class Source {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    private record DaysKey(LocalDate day, Hmac key) {}

    private final DynamoDbClient dynamo;
    private final String table;
    private volatile DaysKey current;

    DailySalts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The day's key, made if this is the day's first download. */
    Hmac of(LocalDate day) {
        DaysKey known = current;
        if (known != null && known.day().equals(day)) {
            return known.key();
        }
        Hmac key = new Hmac(stored(day));
        current = new DaysKey(day, key);
        dynamo.deleteItem(r -> r.tableName(table).key(key(day.minusDays(1))));
        return key;
    }

    private byte[] stored(LocalDate day) {
        Map<String, AttributeValue> existing = dynamo.getItem(r -> r.tableName(table).key(key(day)).consistentRead(true)).item();
        if (existing != null && existing.containsKey("salt")) {
            return existing.get("salt").b().asByteArray();
        }
        byte[] salt = new byte[32];
        Source.RANDOM.nextBytes(salt);
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of("pk", s("SALT#" + day), "sk", s("SALT"), "salt", AttributeValue.fromB(SdkBytes.fromByteArray(salt)),
                            "expiresAt", n(CampaignDay.endEpochSecond(day))))
                    .conditionExpression("attribute_not_exists(pk)"));
            return salt;
        } catch (ConditionalCheckFailedException anotherWasFirst) {
            return dynamo.getItem(r -> r.tableName(table).key(key(day)).consistentRead(true)).item().get("salt").b().asByteArray();
        }
    }

    private static Map<String, AttributeValue> key(LocalDate day) {
        return Map.of("pk", s("SALT#" + day), "sk", s("SALT"));
    }
}
