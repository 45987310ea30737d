package nl.mensenmakennederland.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Answers kept by Idempotency-Key, as any job keeps them in its own transaction: against moto,
 * through the events table the registrations keep theirs in.
 */
@ExtendWith(AwsEmulatorExtension.class)
class IdempotencyKeysTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private DynamoDbClient dynamo;
    private IdempotencyKeys keys;

    @BeforeEach
    void keys(LocalAws aws) {
        aws.reset();
        dynamo = aws.clients().dynamoDb();
        keys = new IdempotencyKeys(dynamo, aws.name("EventsTable"), "TEST#");
    }

    @Test
    void aKeptAnswerIsRepeatedForTheSameRequestAndRefusedForAnother() {
        IdempotencyKeys.Request request = IdempotencyKeys.request("scope", "key-1", "anna@example.nl", "2");
        assertThat(keys.recall(request, NOW)).isEqualTo(new IdempotencyKeys.Unused());

        keep(request, "{\"id\":1}", NOW, Duration.ofHours(24));

        assertThat(keys.recall(request, NOW.plusSeconds(60))).isEqualTo(new IdempotencyKeys.Answered("{\"id\":1}"));
        assertThat(keys.recall(IdempotencyKeys.request("scope", "key-1", "bram@example.nl", "2"), NOW))
                .isEqualTo(new IdempotencyKeys.Reused());
        // The same key in another scope is another key.
        assertThat(keys.recall(IdempotencyKeys.request("other-scope", "key-1", "anna@example.nl", "2"), NOW))
                .isEqualTo(new IdempotencyKeys.Unused());
    }

    @Test
    void aLiveAnswerCannotBeOverwrittenButAnExpiredOneCountsAsGone() {
        IdempotencyKeys.Request request = IdempotencyKeys.request("scope", "key-2", "anna@example.nl");
        keep(request, "first", NOW, Duration.ofHours(1));

        // A simultaneous request with the key, answered a moment later: its transaction is refused.
        assertThatThrownBy(() -> keep(request, "second", NOW.plusSeconds(1), Duration.ofHours(1)))
                .isInstanceOf(TransactionCanceledException.class)
                .satisfies(e -> assertThat(((TransactionCanceledException) e).cancellationReasons().get(0).code())
                        .isEqualTo("ConditionalCheckFailed"));

        Instant later = NOW.plus(Duration.ofHours(2)); // expired, not yet deleted by TTL
        assertThat(keys.recall(request, later)).isEqualTo(new IdempotencyKeys.Unused());
        keep(request, "after expiry", later, Duration.ofHours(1));
        assertThat(keys.recall(request, later)).isEqualTo(new IdempotencyKeys.Answered("after expiry"));
    }

    @Test
    void neitherTheKeyNorTheRequestIsStoredInTheClear(LocalAws aws) {
        keep(IdempotencyKeys.request("scope", "my-secret-key", "anna@example.nl"), "{}", NOW, Duration.ofHours(1));

        String stored = dynamo.scan(r -> r.tableName(aws.name("EventsTable"))).items().toString();
        assertThat(stored).doesNotContain("my-secret-key").doesNotContain("anna@example.nl");
    }

    private void keep(IdempotencyKeys.Request request, String body, Instant answeredAt, Duration window) {
        dynamo.transactWriteItems(r -> r.transactItems(keys.put(
                new IdempotencyKeys.Answer(request, body, answeredAt, answeredAt.plus(window)))));
    }
}
