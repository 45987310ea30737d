package nl.mensenmakennederland.shared;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** DynamoDB transactions whose outcome hangs on one of their conditions. */
public final class Transactions {

    private Transactions() {}

    /**
     * Writes {@code items} in one transaction: true when it committed, false when it was cancelled
     * because the condition of {@code items.get(deciding)} failed (nothing written). Any other
     * cancellation (a conflict, a throttle) is thrown, for the caller's retries.
     */
    public static boolean writeIf(DynamoDbClient dynamo, List<TransactWriteItem> items, int deciding) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
            return true;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
            if (reasons.size() > deciding && "ConditionalCheckFailed".equals(reasons.get(deciding).code())) {
                return false;
            }
            throw cancelled;
        }
    }
}
