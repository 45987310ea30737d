package nl.mensenmakennederland.shared;

import static nl.mensenmakennederland.shared.Items.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** A transaction that hangs on one condition, against moto's DynamoDB. */
@ExtendWith(AwsEmulatorExtension.class)
class TransactionsTest {

    private DynamoDbClient dynamo;
    private String table;

    @BeforeEach
    void table(LocalAws aws) {
        aws.reset();
        dynamo = aws.clients().dynamoDb();
        table = aws.name("EventsTable");
    }

    private TransactWriteItem putNew(String pk) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(Map.of("pk", s(pk), "sk", s("X")))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private int items() {
        return dynamo.scan(r -> r.tableName(table)).count();
    }

    @Test
    void commitsWhenEveryConditionHolds() {
        assertThat(Transactions.writeIf(dynamo, List.of(putNew("A"), putNew("B")), 0)).isTrue();

        assertThat(items()).isEqualTo(2);
    }

    @Test
    void answersFalseAndWritesNothingWhenTheDecidingConditionFails() {
        Transactions.writeIf(dynamo, List.of(putNew("B")), 0);

        assertThat(Transactions.writeIf(dynamo, List.of(putNew("A"), putNew("B")), 1)).isFalse();

        assertThat(items()).as("A was not written either").isEqualTo(1);
    }

    @Test
    void anotherConditionFailingIsNotTheAnswerItAsksFor() {
        Transactions.writeIf(dynamo, List.of(putNew("A")), 0);

        assertThatThrownBy(() -> Transactions.writeIf(dynamo, List.of(putNew("A"), putNew("B")), 1))
                .isInstanceOf(TransactionCanceledException.class);
    }
}
