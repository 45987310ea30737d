package nl.mensenmakennederland.shared.outbox;

import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;
import static nl.mensenmakennederland.shared.Items.time;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Items;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The outbox table's items ({@code pk=MAIL#<id>}). A job adds one to its own transaction; the
 * table's stream hands it to the mailer. Personal data in it lives only until the mail is sent.
 */
public final class Outbox {

    /** Long enough for retries over a long SES outage; the item has no purpose after that. */
    public static final Duration KEEP_UNSENT = Duration.ofDays(14);
    /** The attributes that hold personal data: the mailer removes them once the mail is sent. */
    public static final List<String> PERSONAL = List.of("to", "subject", "text", "html", "attachments");

    private final String table;

    public Outbox(String table) {
        this.table = table;
    }

    public String table() {
        return table;
    }

    public static Map<String, AttributeValue> key(String mailId) {
        return Map.of("pk", s("MAIL#" + mailId));
    }

    public TransactWriteItem put(OutboxMail mail) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(toItem(mail))
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build();
    }

    public static Map<String, AttributeValue> toItem(OutboxMail mail) {
        Map<String, AttributeValue> item = new HashMap<>(key(mail.id()));
        item.put("id", s(mail.id()));
        item.put("to", s(mail.to()));
        item.put("subject", s(mail.subject()));
        item.put("text", s(mail.text()));
        item.put("html", s(mail.html()));
        if (!mail.attachments().isEmpty()) {
            item.put("attachments", AttributeValue.fromL(mail.attachments().stream().map(a -> AttributeValue.fromM(Map.of(
                    "filename", s(a.filename()),
                    "contentType", s(a.contentType()),
                    "content", AttributeValue.fromB(SdkBytes.fromByteArray(a.content()))))).toList()));
        }
        item.put("regarding", s(mail.regarding()));
        item.put("createdAt", time(mail.createdAt()));
        item.put("expiresAt", n(mail.createdAt().plus(KEEP_UNSENT).getEpochSecond()));
        return item;
    }

    public static OutboxMail fromItem(Map<String, AttributeValue> item) {
        List<OutboxMail.Attachment> attachments = item.containsKey("attachments")
                ? item.get("attachments").l().stream().map(AttributeValue::m).map(a -> new OutboxMail.Attachment(
                        a.get("filename").s(), a.get("contentType").s(), a.get("content").b().asByteArray())).toList()
                : List.of();
        return new OutboxMail(
                Items.string(item, "id"),
                Items.string(item, "to"),
                Items.string(item, "subject"),
                Items.string(item, "text"),
                Items.string(item, "html"),
                attachments,
                Items.string(item, "regarding"),
                Items.time(item, "createdAt"));
    }
}
