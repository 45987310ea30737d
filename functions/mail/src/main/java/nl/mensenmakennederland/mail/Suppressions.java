package nl.mensenmakennederland.mail;

import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;
import static nl.mensenmakennederland.shared.Items.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.mensenmakennederland.shared.EmailAddress;
import nl.mensenmakennederland.shared.Hmac;
import nl.mensenmakennederland.shared.Items;
import nl.mensenmakennederland.shared.SigningKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Addresses we no longer mail, after a permanent bounce or a complaint, kept as a keyed hash
 * only ({@code pk=SUPPRESSED#<HMAC-SHA256 of the normalized address>} in the mail state table):
 * without the signing key nobody can tell whose address an item is, nor test an address against
 * the list. Each suppression expires after its retention (TTL), a later bounce restarts it.
 * Written under the current key and looked up under every key kept, so a suppression survives
 * one key rotation; SES's account-level suppression list stands behind it (README, Mail feedback).
 */
final class Suppressions {

    /** Why an address is suppressed. */
    enum Reason { BOUNCED, COMPLAINED }

    private static final String PURPOSE = "mail-suppression";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Supplier<SigningKeys> keys;
    private final Duration retention;
    private final Clock clock;

    Suppressions(DynamoDbClient dynamo, String table, Supplier<SigningKeys> keys, Duration retention, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.keys = keys;
        this.retention = retention;
        this.clock = clock;
    }

    boolean isSuppressed(String address) {
        long now = clock.instant().getEpochSecond();
        for (String hash : hashes(address)) {
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(hash))).item();
            // DynamoDB deletes expired items late (moto never): an expired suppression no longer counts.
            if (item != null && !item.isEmpty() && Items.longValue(item, "expiresAt") > now) {
                return true;
            }
        }
        return false;
    }

    void suppress(String address, Reason reason, Instant at) {
        String hash = hashOf(keys.get().current(), address);
        dynamo.putItem(r -> r.tableName(table).item(Map.of(
                "pk", key(hash).get("pk"), "sk", key(hash).get("sk"),
                "reason", s(reason.name().toLowerCase(java.util.Locale.ROOT)),
                "since", time(at),
                "expiresAt", n(at.plus(retention).getEpochSecond()))));
    }

    /** The address's hash under every key kept, the current key's first. */
    List<String> hashes(String address) {
        return keys.get().all().stream().map(key -> hashOf(key, address)).toList();
    }

    static String hashOf(Hmac key, String address) {
        return key.sign(PURPOSE, EmailAddress.normalized(address));
    }

    private static Map<String, AttributeValue> key(String hash) {
        return Map.of("pk", s("SUPPRESSED#" + hash), "sk", s("SUPPRESSED"));
    }
}
