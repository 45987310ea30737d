package nl.mensenmakennederland.mail;

import static nl.mensenmakennederland.shared.Items.s;
import static nl.mensenmakennederland.shared.Items.time;

import java.util.Map;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.outbox.MailProblem;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Writes a mail problem on the record the mail was about, so admin listings show it. The one
 * place the mail package knows where the jobs keep their records (docs/data-model.md): a
 * {@code regarding} kind names a table and a key, and only the two {@link MailProblem}
 * attributes are ever written there.
 */
final class MailProblems {

    private record Home(String table, String pkPrefix, String sk) {}

    private final DynamoDbClient dynamo;
    private final Map<String, Home> homes;

    MailProblems(DynamoDbClient dynamo, Env env) {
        this.dynamo = dynamo;
        this.homes = Map.of(
                "registration", new Home(env.required("EVENTS_TABLE"), "REG#", "REG"),
                "prize-entry", new Home(env.required("PRIZES_TABLE"), "ENTRY#", "ENTRY"));
    }

    /**
     * Marks the record, unless it is gone (erased, withdrawn) or already carries a later problem:
     * the latest wins, and a repeated event writes the same again. False when nothing was written.
     */
    boolean mark(String kind, String recordId, MailProblem problem) {
        Home home = homes.get(kind);
        if (home == null) {
            return false;
        }
        try {
            dynamo.updateItem(r -> r.tableName(home.table())
                    .key(Map.of("pk", s(home.pkPrefix() + recordId), "sk", s(home.sk())))
                    .updateExpression("SET #problem = :problem, #at = :at")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(#at) OR #at <= :at)")
                    .expressionAttributeNames(Map.of("#problem", MailProblem.ATTRIBUTE, "#at", MailProblem.AT_ATTRIBUTE))
                    .expressionAttributeValues(Map.<String, AttributeValue>of(
                            ":problem", s(problem.kind().code()), ":at", time(problem.at()))));
            return true;
        } catch (ConditionalCheckFailedException goneOrNewer) {
            return false;
        }
    }
}
