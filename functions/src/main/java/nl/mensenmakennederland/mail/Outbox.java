package nl.mensenmakennederland.mail;

import static nl.mensenmakennederland.shared.Items.bool;
import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;
import static nl.mensenmakennederland.shared.Items.time;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.mensenmakennederland.shared.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The outbox table's items ({@code pk=MAIL#<id>}). Writers add one to their transaction; the
 * table's stream hands it to the mailer. Personal data in it lives only until the mail is sent.
 */
public final class Outbox {

    /** Long enough for retries over a long SES outage; the item has no purpose after that. */
    static final Duration KEEP_UNSENT = Duration.ofDays(14);

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

    public TransactWriteItem put(MailRequest mail) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(toItem(mail))
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build();
    }

    static Map<String, AttributeValue> toItem(MailRequest mail) {
        Map<String, AttributeValue> item = new HashMap<>(key(mail.id()));
        item.put("id", s(mail.id()));
        item.put("kind", s(mail.kind().code()));
        item.put("to", s(mail.to()));
        item.put("name", s(mail.name()));
        item.put("registrationId", s(mail.registrationId()));
        MailRequest.EventDetails event = mail.event();
        item.put("eventId", s(event.id()));
        item.put("eventTitle", s(event.title()));
        item.put("startsAt", time(event.startsAt()));
        item.put("endsAt", time(event.endsAt()));
        Items.putText(item, "location", event.location());
        item.put("online", bool(event.online()));
        Items.putText(item, "onlineUrl", event.onlineUrl());
        item.put("seats", n(mail.seats()));
        Items.putText(item, "manageUrl", mail.manageUrl());
        item.put("createdAt", time(mail.createdAt()));
        item.put("expiresAt", n(mail.createdAt().plus(KEEP_UNSENT).getEpochSecond()));
        return item;
    }

    static MailRequest fromItem(Map<String, AttributeValue> item) {
        return new MailRequest(
                Items.string(item, "id"),
                MailRequest.Kind.fromCode(Items.string(item, "kind")),
                Items.string(item, "to"),
                Items.string(item, "name"),
                Items.string(item, "registrationId"),
                new MailRequest.EventDetails(
                        Items.string(item, "eventId"),
                        Items.string(item, "eventTitle"),
                        Items.time(item, "startsAt"),
                        Items.time(item, "endsAt"),
                        Items.string(item, "location"),
                        Items.bool(item, "online"),
                        Items.string(item, "onlineUrl")),
                Items.integer(item, "seats"),
                Items.string(item, "manageUrl"),
                Items.time(item, "createdAt"));
    }
}
